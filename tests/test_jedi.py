"""What jedi (IPython, Jupyter, many editors) sees: completion of the lazily
imported names and of members, the type of ``.member``, member docstrings."""

# jedi ships no type information.
# pyright: reportUnknownMemberType=false, reportUnknownVariableType=false
# pyright: reportUnknownArgumentType=false, reportMissingTypeStubs=false

from __future__ import annotations

import inspect
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


def _signatures(source: str) -> list[Any]:
    lines = source.splitlines()
    return list(_script(source).get_signatures(len(lines), len(lines[-1])))


def _first_paragraph(obj: object) -> str:
    doc = inspect.getdoc(obj)
    assert doc
    return doc.split("\n\n")[0]


def test_from_dataset_shows_its_name_and_docstring() -> None:
    """Before: ``_from_dataset``, the module function the class method was
    made of, with ``cls`` as a parameter."""
    from dimse_status import Status

    expected = _first_paragraph(Status.from_dataset)
    (signature,) = _signatures("from dimse_status import Status\nStatus.from_dataset(")
    assert signature.name == "from_dataset"
    assert signature.docstring(raw=True).startswith(expected)
    assert [p.name for p in signature.params][:2] == ["ds", "command"]
    (name,) = _script("from dimse_status import Status\nStatus.from_dataset").help(2, 19)
    assert name.name == "from_dataset" and name.docstring(raw=True).startswith(expected)
    live = jedi.Interpreter("Status.from_dataset(", [{"Status": Status}]).get_signatures()
    assert [s.name for s in live] == ["from_dataset"]
    assert live[0].docstring(raw=True).startswith(expected)


def test_status_handler_shows_its_docstring_in_every_signature() -> None:
    """jedi shows each overload's own docstring in a signature, and the
    overloads had none."""
    from dimse_status import status_handler

    expected = _first_paragraph(status_handler)
    for source in ("from dimse_status import status_handler\nstatus_handler(",
                   "import dimse_status\ndimse_status.status_handler("):
        signatures = _signatures(source)
        assert len(signatures) == 3  # the overloads
        for signature in signatures:
            assert signature.name == "status_handler"
            assert signature.docstring(raw=True).startswith(expected)
    live = jedi.Interpreter("status_handler(", [{"status_handler": status_handler}])
    (signature,) = live.get_signatures()
    assert signature.name == "status_handler"
    assert signature.docstring(raw=True).startswith(expected)


def test_code_completes_with_its_docstring() -> None:
    """Before: empty; jedi read ``code = property(int.__int__, doc=...)``,
    whose docstring is an argument, not a string after the statement.

    In an interpreter (IPython, Jupyter) jedi shows the docstring of an
    attribute's value, an ``int``'s for ``code``, as for every attribute
    that is not a method (docs/usage.md)."""
    source = ("from dimse_status import Command, Status\n"
              "status = Status(0xA7F3, Command.C_STORE)\nstatus.co")
    (code,) = [c for c in _script(source).complete(3, 9) if c.name == "code"]
    assert code.docstring(raw=True) == "The raw code as received: 0xA7F3 stays 0xA7F3."
    from dimse_status import Status

    assert Status.code.__doc__ == code.docstring(raw=True)  # what help() shows at run time


def _callables() -> list[str]:
    return [name for name in dimse_status.__all__ if callable(getattr(dimse_status, name))]


# jedi makes ``namedtuple(...)`` a class of its own, without a docstring (the
# signature read from ``class StatusDetails(NamedTuple)`` has it).
_NAMEDTUPLES = {"StatusDetails", "SubOperations"}


def test_every_public_callable_shows_its_docstring() -> None:
    """Every callable ``dimse_status`` exports completes with its docstring,
    and each of its signatures has its public name and (but for the
    namedtuples' run-time one) a docstring, statically; the lazily imported
    names too, which jedi reads from their ``if TYPE_CHECKING:`` imports."""
    completions = {c.name: c for c in _script("import dimse_status\ndimse_status.").complete(
        2, len("dimse_status."))}
    for name in _callables():
        assert completions[name].docstring(raw=True).strip(), name
        signatures = _signatures(f"import dimse_status\ndimse_status.{name}(")
        assert signatures, name
        assert {s.name for s in signatures} == {name}
        documented = [bool(s.docstring(raw=True).strip()) for s in signatures]
        assert all(documented) or (name in _NAMEDTUPLES and any(documented)), name


def test_every_public_callable_shows_its_docstring_in_an_interpreter() -> None:
    """The same in IPython and Jupyter, the lazily imported names included
    (``__dir__`` lists them; reading one imports its layer).  A class whose
    metaclass defines ``__call__`` (``Status``, every enum, ``HTTPStatus``
    too) shows the metaclass's name in a live signature: jedi's, not ours."""
    namespace = {"dimse_status": dimse_status}
    completions = {c.name: c for c in jedi.Interpreter("dimse_status.", [namespace]).complete()}
    for name in _callables():
        assert completions[name].docstring(raw=True).strip(), name
        signatures = jedi.Interpreter(f"dimse_status.{name}(", [namespace]).get_signatures()
        assert signatures and all(s.docstring(raw=True).strip() for s in signatures), name
