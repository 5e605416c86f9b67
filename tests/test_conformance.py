"""PS3.2 Annex N conformance-statement status tables (``conformance_table``).

Golden files (tests/fixtures/conformance/) pin the text of a few tables in
every format; every table of every (service, command) pair, role and format is
read back (csv module, an HTML parser, a Markdown pipe-table splitter) and each
row must resolve to its member through ``Status(code, command, service=...)``
with the same type, meaning and related fields.

``python tests/test_conformance.py`` rewrites the golden files.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

import pytest

import dimse_status.cli.conformance as conformance_module
from dimse_status import (
    COMMAND_ENUMS,
    Command,
    CStoreStatus,
    NActionStatus,
    Status,
    StatusEnum,
    StatusType,
    conformance_table,
)
from dimse_status.base import tag_name
from dimse_status.cli.conformance import (
    FORMATS,
    OTHER_STATUS_CODES_ROW,
    ROLES,
    SCP_COLUMNS,
    SCU_COLUMNS,
    conformance_members,
    conformance_rows,
    render_table,
    sop_classes,
)
from dimse_status.services import SERVICE_ENUMS, ProcedureStepNGetStatus, Service

if TYPE_CHECKING:
    from typing_extensions import TypeAlias

    from dimse_status.cli.conformance import Role, TableFormat

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "conformance"
EXTENSIONS: dict[TableFormat, str] = {"markdown": "md", "html": "html", "csv": "csv"}

Case: TypeAlias = "tuple[Command, Service | None, Role]"
GOLDEN_CASES: list[Case] = [
    (Command.C_STORE, None, "scp"),
    (Command.C_STORE, None, "scu"),
    (Command.C_FIND, Service.QUERY_RETRIEVE, "scp"),
    (Command.N_ACTION, Service.UNIFIED_PROCEDURE_STEP, "scp"),
]
PAIRS: list[tuple[Command, Service | None]] = [
    (command, service)
    for service in [None, *Service]
    for command in (Command if service is None else service.commands)
    if not sop_classes(command, service)  # one table for the pair (see below for the others)
]
# The pairs whose statuses differ by SOP class: a table per SOP class.
BY_SOP_CLASS: list[tuple[Command, Service, str]] = [
    (command, service, sop_class)
    for service in Service for command in service.commands
    for sop_class in sop_classes(command, service)
]
ALL_CASES: list[Case] = [(command, service, role) for command, service in PAIRS for role in ROLES]


def _golden_path(case: Case, fmt: TableFormat) -> Path:
    command, service, role = case
    context = "" if service is None else service.name.lower().replace("_", "-") + "_"
    return GOLDEN / f"{context}{command.label.lower()}_{role}.{EXTENSIONS[fmt]}"


def _label(command: Command, service: Service | None) -> str:
    return f"{'' if service is None else service.name + ' '}{command.label}"


def _id(case: Case) -> str:
    return f"{_label(case[0], case[1])} {case[2]}"


# --- reading a table back --------------------------------------------------


class _TableReader(HTMLParser):
    """The cells of a ``<table>``, row by row, and every tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.tags: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert attrs == [], f"a plain table has no attributes: <{tag} {attrs}>"
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            assert self._cell is not None
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        else:
            assert data.strip() == "", f"text outside a cell: {data!r}"


def _read_html(text: str) -> list[list[str]]:
    # Well-formed (every tag closed, text escaped): it parses as XML too.
    root = ElementTree.fromstring(text)
    assert root.tag == "table" and [child.tag for child in root] == ["thead", "tbody"]
    reader = _TableReader()
    reader.feed(text)
    reader.close()
    assert set(reader.tags) <= {"table", "thead", "tbody", "tr", "th", "td"}
    head, body = root
    assert [c.tag for tr in head for c in tr] == ["th"] * len(reader.rows[0])
    assert {c.tag for tr in body for c in tr} <= {"td"}
    return reader.rows


_UNESCAPED_PIPE = re.compile(r"(?<!\\)((?:\\\\)*)\|")


def _read_markdown(text: str) -> list[list[str]]:
    lines = text.splitlines()
    assert re.fullmatch(r"\|(---\|)+", lines[1]), lines[1]
    rows: list[list[str]] = []
    for line in [lines[0], *lines[2:]]:
        assert line.startswith("| ") and line.endswith(" |"), line
        # Split on the pipes no backslash escapes, then undo the escapes.
        marked = _UNESCAPED_PIPE.sub(lambda m: m.group(1) + "\0", line[2:-2])
        cells = [cell.strip(" ") for cell in marked.split(" \0 ")]
        rows.append([re.sub(r"\\(.)", r"\1", cell) for cell in cells])
    return rows


def _read_csv(text: str) -> list[list[str]]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text, newline="")))


READERS = {"markdown": _read_markdown, "html": _read_html, "csv": _read_csv}
_FIELD = re.compile(r"\((0000),([0-9A-F]{4})\) ([^,]+)")


def _member(row: list[str], command: Command, service: Service | None, role: Role) -> StatusEnum:
    """The member a row names, checked against every cell of the row."""
    low, dash, high = row[2].partition("-")
    code = int(low, 16)
    status = Status(code, command, service=service)
    member = status.member
    assert member is not None, row
    assert type(member).lookup(code) is member
    # The Further Meaning is the description less any note of the project's
    # ("(legacy code; ...)", issue 21 item 10).
    assert member.description.startswith(row[1]) and status.description == member.description
    assert row[1] == member.description or member.description[len(row[1]):].startswith(" (")
    assert row[0] == member.type.value == status.type.value
    if dash:
        assert member.is_masked and member.codes == range(code, int(high, 16) + 1), row
    else:
        assert not member.is_masked and len(low) == 4, row
    if role == "scp":
        fields = _FIELD.findall(row[3])
        expected = [(f"{t >> 16:04X}", f"{t & 0xFFFF:04X}", tag_name(t))
                    for t in member.related_attributes]
        assert fields == expected, row
        assert (row[3] == "N/A") is (not expected), row
    assert row[-1] == "", "the vendor's cell starts empty"
    return member


def _members_read_back(
    text: str, fmt: TableFormat, command: Command, service: Service | None, role: Role
) -> list[StatusEnum]:
    header, *body = READERS[fmt](text)
    assert tuple(header) == (SCU_COLUMNS if role == "scu" else SCP_COLUMNS)
    assert all(len(row) == len(header) for row in body)
    if role == "scu":
        assert tuple(body.pop()) == OTHER_STATUS_CODES_ROW
    return [_member(row, command, service, role) for row in body]


def _expected_members(command: Command, service: Service | None) -> set[StatusEnum]:
    """Every member of the command's enum and the service's own, a code the
    service defines again only once, as the service's."""
    own: list[StatusEnum] = []
    if service is not None and SERVICE_ENUMS[service][command] is not COMMAND_ENUMS[command]:
        own = list(SERVICE_ENUMS[service][command])
    codes = {m.value for m in own}
    members = {*own, *(m for m in COMMAND_ENUMS[command] if m.value not in codes)}
    return {m for m in members if m.listed
            and (service is None or not service.excludes(command, m.value))}


# --- tests -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", GOLDEN_CASES, ids=_id)
def test_golden_files(case: Case, fmt: TableFormat) -> None:
    command, service, role = case
    text = conformance_table(command, service, role, fmt)
    expected = _golden_path(case, fmt).read_bytes().decode("utf-8")
    assert text == expected, f"rewrite with: python {Path(__file__).name}"


@pytest.mark.parametrize("case", ALL_CASES, ids=_id)
def test_every_table_renders_and_reads_back_to_its_members(case: Case) -> None:
    command, service, role = case
    expected = _expected_members(command, service)
    for fmt in FORMATS:
        text = conformance_table(command, service, role, fmt)
        members = _members_read_back(text, fmt, command, service, role)
        assert len(members) == len(set(members)) == len(expected)
        assert set(members) == expected, fmt
        listed = conformance_members(command, service)
        assert all(a is b for a, b in zip(members, listed, strict=True)), fmt


@pytest.mark.parametrize(("command", "service"), PAIRS,
                         ids=[_label(c, s) for c, s in PAIRS])
def test_rows_follow_the_templates_order(command: Command, service: Service | None) -> None:
    """By Service Status (Success, Warning, Failure, Cancel, Pending); within
    one, the service's own statuses first, each enum in its own order."""
    members = conformance_members(command, service)
    rank = {t: n for n, t in enumerate(StatusType)}
    ranks = [rank[m.type] for m in members]
    assert ranks == sorted(ranks)
    for status_type in StatusType:
        group = [m for m in members if m.type is status_type]
        enums = [type(m) for m in group]
        if COMMAND_ENUMS[command] in enums:  # the command's after the service's own
            first = enums.index(COMMAND_ENUMS[command])
            assert all(e is COMMAND_ENUMS[command] for e in enums[first:])
        for enum in set(enums):
            order = list(enum)
            positions = [order.index(m) for m in group if type(m) is enum]
            assert positions == sorted(positions)


def test_a_table_leaves_out_what_the_service_excludes() -> None:
    """Non-Patient Object Storage lists no C-STORE warning (PS3.4 GG.4,
    Table GG.4-1): its tables have none, though C-STORE's have them."""
    plain = {m.pattern for m in conformance_members(Command.C_STORE)}
    assert {"B000", "B006", "B007"} <= plain
    members = conformance_members(Command.C_STORE, Service.NON_PATIENT_OBJECT_STORAGE)
    assert [m for m in members if m.is_warning] == []
    for role in ROLES:
        text = conformance_table(Command.C_STORE, Service.NON_PATIENT_OBJECT_STORAGE, role, "csv")
        assert not {"B000", "B006", "B007"} & {row[2] for row in _read_csv(text)}


@pytest.mark.parametrize("command", [Command.C_STORE, Command.C_FIND, Command.C_GET,
                                     Command.C_MOVE], ids=lambda c: c.label)
def test_a_table_leaves_out_a_member_the_standard_does_not_list(command: Command) -> None:
    """0112 is kept from the seed for C-STORE, C-FIND, C-GET and C-MOVE
    (``listed`` False): it resolves, but a conformance table does not offer it."""
    assert not COMMAND_ENUMS[command](0x0112).listed
    assert 0x0112 not in {m.value for m in conformance_members(command)}
    for role in ROLES:
        text = conformance_table(command, role=role, fmt="csv")
        assert "0112" not in {row[2] for row in _read_csv(text)}


def test_the_service_s_own_statuses_come_first() -> None:
    members = conformance_members(Command.C_FIND, Service.QUERY_RETRIEVE)
    failures = [m.pattern for m in members if m.is_failure]
    assert failures[:2] == ["A710", "A700"]  # its own A710 before C-FIND's A700
    assert [m.pattern for m in members if m.is_warning] == ["B001"]


def test_a_code_the_service_defines_again_is_listed_once_as_the_service_s() -> None:
    members = conformance_members(Command.N_GET, Service.PROCEDURE_STEP)
    assert [m for m in members if m.value == 0x0001] == [
        ProcedureStepNGetStatus.OPTIONAL_ATTRIBUTES_NOT_SUPPORTED]
    table = conformance_table(Command.N_ACTION, Service.STORAGE_MANAGEMENT, fmt="csv")
    rows = [row for row in _read_csv(table) if row[2] == "0212"]
    assert rows == [["Failure", "Mistyped argument - one of the parameters supplied has not "
                     "been agreed for use", "0212", "(0000,0902) Error Comment", ""]]


def test_ranges_are_written_as_the_templates_write_them() -> None:
    table = conformance_table(Command.C_STORE, role="scu", fmt="csv")
    codes = [row[2] for row in _read_csv(table)]
    assert {"A700-A7FF", "A900-A9FF", "C000-CFFF"} <= set(codes)
    assert codes[-1] == "anything else"


def test_a_command_the_service_does_not_use_is_refused_naming_both() -> None:
    with pytest.raises(ValueError, match="C-STORE") as raised:
        conformance_table(Command.C_STORE, Service.UNIFIED_PROCEDURE_STEP)
    message = str(raised.value)
    assert "UNIFIED_PROCEDURE_STEP" in message
    assert all(c.label in message for c in Service.UNIFIED_PROCEDURE_STEP.commands)


@pytest.mark.parametrize(
    ("kwargs", "error", "named"),
    [
        ({"role": "sc"}, ValueError, "'sc'"),
        ({"role": "SCU"}, ValueError, "'SCU'"),
        ({"fmt": "pdf"}, ValueError, "'pdf'"),
        ({"command": "C-STORE"}, TypeError, "'C-STORE'"),
        ({"command": 1}, TypeError, "1"),
        ({"service": "UPS"}, TypeError, "'UPS'"),
    ],
)
def test_bad_input_names_the_value(kwargs: dict[str, object], error: type[Exception],
                                   named: str) -> None:
    arguments: dict[str, object] = {"command": Command.C_STORE, **kwargs}
    with pytest.raises(error) as raised:
        conformance_table(**arguments)  # type: ignore[arg-type]
    assert named in str(raised.value)


def test_without_a_service_the_rows_are_the_command_s() -> None:
    members = conformance_members(Command.N_ACTION)
    assert set(members) == set(NActionStatus)
    assert conformance_members(Command.C_STORE, Service.STORAGE) == conformance_members(
        Command.C_STORE)
    assert conformance_members(Command.C_STORE)[0] is CStoreStatus.SUCCESS


AWKWARD = ("Warning", 'a | b \\| c "quoted", <b>&amp;</b>', "B0\\0", "")


@pytest.mark.parametrize("fmt", FORMATS)
def test_cells_are_escaped_and_read_back_unchanged(fmt: TableFormat) -> None:
    rows = [SCU_COLUMNS, AWKWARD]
    text = render_table(rows, fmt)
    assert READERS[fmt](text) == [list(row) for row in rows]


def test_markdown_escapes_the_pipe_and_html_the_markup() -> None:
    assert r"a \| b \\\| c" in render_table([SCU_COLUMNS, AWKWARD], "markdown")
    html = render_table([SCU_COLUMNS, AWKWARD], "html")
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in html and "<b>" not in html
    assert '"a | b \\| c ""quoted"", <b>&amp;</b>"' in render_table([SCU_COLUMNS, AWKWARD], "csv")


def test_a_line_break_in_a_cell_does_not_end_a_markdown_row() -> None:
    text = render_table([("A",), ("one\ntwo",)], "markdown")
    assert text == "| A |\n|---|\n| one two |\n"


@pytest.mark.parametrize("command", [Command.C_STORE, Command.C_FIND, Command.C_MOVE])
@pytest.mark.parametrize("role", ["scp", "scu"])
def test_further_meaning_holds_the_standards_words_only(command: Command, role: str) -> None:
    """The 0112 row carried the project's "(legacy code; ...)" (issue 21 item 10);
    the code, kept from the seed, is in none of these commands' tables of the
    standard, so it is not in the conformance table either (issue 23 item 7)."""
    table = conformance_table(command, role=role)  # type: ignore[arg-type]
    assert "legacy" not in table and "(legacy" not in table
    assert [line for line in table.splitlines() if "| 0112 |" in line] == []
    assert "| Refused: SOP Class Not Supported | 0122 |" in table



def test_the_print_tables_differ_by_sop_class() -> None:
    """PS3.2 Table N.7-52 lists B600 for the Film Session's N-CREATE only; the
    Film Box's has B605 and C616 (issue 21 item 9)."""
    print_ = Service.PRINT_MANAGEMENT
    assert sop_classes(Command.N_CREATE, print_) == (
        "Basic Film Session SOP Class", "Basic Film Box SOP Class")
    session = conformance_table(Command.N_CREATE, print_, sop_class="Basic Film Session SOP Class")
    box = conformance_table(Command.N_CREATE, print_, sop_class="Basic Film Box SOP Class")
    assert "| B600 |" in session and "| B605 |" not in session and "| C616 |" not in session
    assert "| B600 |" not in box and "| B605 |" in box and "| C616 |" in box
    with pytest.raises(ValueError, match="differ by SOP class: choose one of Basic Film "
                                         "Session SOP Class, Basic Film Box SOP Class"):
        conformance_table(Command.N_CREATE, print_)
    with pytest.raises(ValueError, match="no N-CREATE table of 'Printer'"):
        conformance_table(Command.N_CREATE, print_, sop_class="Printer")
    assert sop_classes(Command.N_ACTION, Service.APPLICATION_EVENT_LOGGING) == (
        "Procedural Event Logging SOP Class", "Substance Administration Logging SOP Class")
    assert sop_classes(Command.N_ACTION, Service.UNIFIED_PROCEDURE_STEP) == ()


@pytest.mark.parametrize(("command", "service", "sop_class"), BY_SOP_CLASS,
                         ids=[f"{s.name} {c.label} {k}" for c, s, k in BY_SOP_CLASS])
def test_a_sop_class_table_lists_its_own_statuses_and_the_commands(
    command: Command, service: Service, sop_class: str
) -> None:
    members = conformance_members(command, service, sop_class)
    own = SERVICE_ENUMS[service][command]
    others = set(sop_classes(command, service)) - {sop_class}
    for member in own:
        other = any(member.section.startswith(prefix) for prefix, name in
                    conformance_module.SOP_CLASS_SECTIONS if name in others)
        assert (member in members) != other, member
    redefined = {m.value for m in members if type(m) is own}
    assert {m for m in members if type(m) is not own} == {
        m for m in COMMAND_ENUMS[command] if m.value not in redefined}
    for role in ROLES:
        rows = conformance_rows(command, service, role, sop_class)
        assert len(rows) == 1 + len(members) + (role == "scu")


def test_conformance_cli_takes_a_sop_class(capsys: pytest.CaptureFixture[str]) -> None:
    from dimse_status.cli import main

    assert main(["conformance", "-c", "N-CREATE", "-s", "Print", "--sop-class",
                 "Basic Film Box SOP Class"]) == 0
    assert "| C616 |" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:
        main(["conformance", "-c", "N-CREATE", "-s", "Print"])
    assert exited.value.code == 2
    assert "differ by SOP class" in capsys.readouterr().err


def _write_goldens() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for case in GOLDEN_CASES:
        for fmt in FORMATS:
            path = _golden_path(case, fmt)
            path.write_bytes(conformance_table(case[0], case[1], case[2], fmt).encode("utf-8"))
            print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)


if __name__ == "__main__":
    _write_goldens()
    sys.exit(0)

