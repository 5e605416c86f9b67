"""What jedi (IPython, Jupyter, many editors) sees: completion of the lazily
imported names and of members, the type of ``.member``, member docstrings."""

# jedi ships no type information.
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false
# pyright: reportUnknownArgumentType=false, reportMissingTypeStubs=false

from __future__ import annotations

from pathlib import Path
from typing import Any

import jedi  # type: ignore[import-untyped]

import dimse_status
from dimse_status import CStoreStatus

ROOT = Path(__file__).resolve().parents[1]


def _script(source: str) -> Any:
    project = jedi.Project(ROOT, added_sys_path=[str(ROOT / "src")])
    return jedi.Script(source, path=ROOT / "example.py", project=project)


def _complete(source: str) -> set[str]:
    lines = source.splitlines()
    return {c.name for c in _script(source).complete(len(lines), len(lines[-1]))}


def test_service_completes_with_every_member() -> None:
    """The lazily imported names were invisible: jedi took ``TYPE_CHECKING =
    False`` literally and skipped ``if TYPE_CHECKING:``."""
    names = _complete("import dimse_status\ndimse_status.Service.")
    assert {s.name for s in dimse_status.Service} <= names


def test_a_service_enum_completes_with_its_members() -> None:
    names = _complete("from dimse_status import UPSNActionStatus\nUPSNActionStatus.")
    assert {m.name for m in dimse_status.UPSNActionStatus} <= names
    assert {"lookup", "type", "description"} <= names


def test_every_public_name_completes() -> None:
    names = _complete("import dimse_status\ndimse_status.")
    assert set(dimse_status.__all__) <= names


def test_member_of_a_status_is_a_status_enum() -> None:
    """Before: ``NoneType`` only.  jedi matches overloads by class, not by
    ``Literal`` value, so it cannot tell C-STORE from C-FIND: it gives the
    members' base class, whose attributes then complete."""
    source = "from dimse_status import Command, Status\nStatus(0, Command.C_STORE).member"
    inferred = {d.full_name for d in _script(source).infer(2, len(source.splitlines()[1]))}
    assert "dimse_status.base.StatusEnum" in inferred
    names = _complete(
        "from dimse_status import Command, Status\nStatus(0, Command.C_STORE).member.")
    assert {"type", "description", "related_attributes", "pattern", "name"} <= names


def test_a_member_shows_its_own_docstring_in_an_interpreter() -> None:
    """IPython and Jupyter complete with jedi.Interpreter, which reads the
    live member's ``__doc__``: its own meaning, not its enum's."""
    completions = jedi.Interpreter("CStoreStatus.OUT_OF", [{"CStoreStatus": CStoreStatus}])
    (member,) = [c for c in completions.complete() if c.name == "OUT_OF_RESOURCES"]
    doc = member.docstring()
    assert "A7xx Failure: Refused: Out of Resources. PS3.4 B.2.3." in doc
    assert "(PS3.4" not in doc  # no section in parentheses for jedi to take as a signature


def test_member_of_a_live_status_is_its_command_enum_in_an_interpreter() -> None:
    """In IPython and Jupyter (jedi.Interpreter) a status already made is
    read live: ``.member`` is the command's enum, and its attributes complete."""
    from dimse_status import Command, Status

    namespace = {"status": Status(0xA7F3, Command.C_STORE)}
    inferred = {d.full_name for d in jedi.Interpreter("status.member", [namespace]).infer()}
    assert inferred == {"dimse_status.statuses.CStoreStatus"}
    names = {c.name for c in jedi.Interpreter("status.member.", [namespace]).complete()}
    assert {"type", "description", "pattern", "is_failure", "related_attributes"} <= names
