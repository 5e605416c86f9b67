"""Every code, for every command and for none, has the Status Class that DCMTK
gives it.

DCMTK's ``dcmnet/include/dcmtk/dcmnet/dimse.h`` (3.6.7, Debian's libdcmtk-dev)
classifies a status with these macros ("Status Classes (see DICOM PS3.7 Annex
C)"), re-implemented below from their text:

    DICOM_SUCCESS_STATUS(s)  (s == 0x0000)
    DICOM_FAILURE_STATUS(s)  ((s & 0xf000) == 0xa000 || (s & 0xf000) == 0xc000 ||
                              ((s & 0xff00) == 0x0100 && s != 0x0107 && s != 0x0116) ||
                              (s & 0xff00) == 0x0200)
    DICOM_WARNING_STATUS(s)  ((s & 0xf000) == 0xb000 || s == 0x0001 || s == 0x0107 ||
                              s == 0x0116)
    DICOM_CANCEL_STATUS(s)   (s == 0xfe00)
    DICOM_PENDING_STATUS(s)  (s == 0xff00 || s == 0xff01)
    DICOM_STANDARD_STATUS(s) (s == 0x0000 || s == 0x0001 || (s & 0xff00) == 0x0100 ||
                              (s & 0xff00) == 0x0200 || (s & 0xf000) == 0xa000 ||
                              (s & 0xf000) == 0xb000 || (s & 0xf000) == 0xc000 ||
                              s == 0xfe00 || s == 0xff00 || s == 0xff01)

A code DICOM_STANDARD_STATUS rejects has no Annex C class: dimse-status reads
it as a Failure (the seed's documented fallback), with ``is_standard`` false
and a description that says "no Annex C class".
"""

from __future__ import annotations

import pytest

from dimse_status import Command, Status, StatusType
from dimse_status.base import annex_c_class


def dicom_success_status(s: int) -> bool:
    return s == 0x0000


def dicom_failure_status(s: int) -> bool:
    return (
        (s & 0xF000) == 0xA000
        or (s & 0xF000) == 0xC000
        or ((s & 0xFF00) == 0x0100 and s != 0x0107 and s != 0x0116)
        or (s & 0xFF00) == 0x0200
    )


def dicom_warning_status(s: int) -> bool:
    return (s & 0xF000) == 0xB000 or s == 0x0001 or s == 0x0107 or s == 0x0116


def dicom_cancel_status(s: int) -> bool:
    return s == 0xFE00


def dicom_pending_status(s: int) -> bool:
    return s in (0xFF00, 0xFF01)


def dicom_standard_status(s: int) -> bool:
    return (
        s == 0x0000
        or s == 0x0001
        or (s & 0xFF00) == 0x0100
        or (s & 0xFF00) == 0x0200
        or (s & 0xF000) == 0xA000
        or (s & 0xF000) == 0xB000
        or (s & 0xF000) == 0xC000
        or s in (0xFE00, 0xFF00, 0xFF01)
    )


_MACROS = (
    (StatusType.SUCCESS, dicom_success_status),
    (StatusType.FAILURE, dicom_failure_status),
    (StatusType.WARNING, dicom_warning_status),
    (StatusType.CANCEL, dicom_cancel_status),
    (StatusType.PENDING, dicom_pending_status),
)


def dcmtk_class(code: int) -> StatusType | None:
    """The class DCMTK's macros give ``code``; ``None`` when not standard."""
    classes = [cls for cls, macro in _MACROS if macro(code)]
    # The macros are exclusive, and DICOM_STANDARD_STATUS is their union.
    assert len(classes) <= 1
    assert bool(classes) == dicom_standard_status(code)
    return classes[0] if classes else None


DCMTK = [dcmtk_class(code) for code in range(0x10000)]


def test_the_reimplemented_macros_leave_annex_c_s_unclassed_ranges() -> None:
    unclassed = [code for code in range(0x10000) if DCMTK[code] is None]
    ranges = [(0x0002, 0x00FF), (0x0300, 0x9FFF), (0xD000, 0xFDFF), (0xFE01, 0xFEFF),
              (0xFF02, 0xFFFF)]
    assert unclassed == [c for first, last in ranges for c in range(first, last + 1)]


def test_annex_c_class_is_dcmtks() -> None:
    assert [annex_c_class(code) for code in range(0x10000)] == DCMTK


@pytest.mark.parametrize("command", [None, *Command], ids=str)
def test_every_code_has_dcmtks_class(command: Command | None) -> None:
    for code in range(0x10000):
        status = Status(code, command)
        expected = DCMTK[code]
        if expected is None:
            assert status.type is StatusType.FAILURE, hex(code)
            assert not status.is_standard, hex(code)
            assert "no Annex C class" in status.description, hex(code)
        else:
            assert status.type is expected, hex(code)
            assert status.is_standard, hex(code)
