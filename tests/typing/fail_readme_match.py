from typing_extensions import assert_never
from dimse_status import CFindStatus, Command, Status

def on_find_response(code: int) -> str:
    member = Status(code, Command.C_FIND).member   # CFindStatus | None
    match member:
        case CFindStatus.PENDING | CFindStatus.PENDING_OPTIONAL_KEYS_NOT_SUPPORTED:
            return "more to come"
        case CFindStatus.SUCCESS:
            return "done"
        case (
            CFindStatus.OUT_OF_RESOURCES
            | CFindStatus.DATA_SET_DOES_NOT_MATCH_SOP_CLASS
            | CFindStatus.UNABLE_TO_PROCESS
            | CFindStatus.LEGACY_SOP_CLASS_NOT_SUPPORTED
            | CFindStatus.SOP_CLASS_NOT_SUPPORTED
            | CFindStatus.NOT_AUTHORIZED
        ):
            return "failed"
        case None:
            return "unknown status"
        case _:
            assert_never(member)  # E: CFindStatus.CANCEL is not handled

assert on_find_response(0xFF01) == "more to come"
assert on_find_response(0xC123) == "failed"
