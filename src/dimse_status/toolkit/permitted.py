"""Whether a status may be sent in answer to a command.

PS3.7 Annex C: "implementations shall not use status codes not listed" for
the DIMSE service.  A code is permitted for a command (in a service's context,
if one is given) when it is the code of a member of the command's enum (or of
the service's enum of its own statuses for the command), lies inside a
member's masked range such as ``A7xx``, or is covered by a registered custom
status for the command or for every command.  pynetdicom only logs a warning
for the rest and sends them; here they can be refused before they go on the
wire (``Status.to_dataset(strict=True)``, :func:`dimse_status.status_handler`).

The facts live in the core (:mod:`dimse_status.registry`); this is the
toolkit's public face of them.
"""

from __future__ import annotations

from .._tables import context_of, permitted_patterns
from .._typechecking import TYPE_CHECKING
from ..registry import permits

if TYPE_CHECKING:
    from ..base import Command
    from ..registry import StatusRegistry
    from ..services import Service

__all__ = ["context_of", "is_permitted", "permitted_patterns"]


def is_permitted(
    code: int,
    command: Command | None,
    service: Service | None = None,
    registry: StatusRegistry | None = None,
) -> bool:
    """Whether ``code`` may answer ``command`` (in ``service``'s context).

    True for a member's code, a code inside a member's masked range, and a
    code a custom status in ``registry`` (the default one if ``None``)
    covers, for the command or for every command.  Without a command, the
    general codes of PS3.7 Annex C (``GeneralStatus``) are the members.

    >>> from dimse_status import Command, is_permitted
    >>> is_permitted(0xA7F3, Command.C_STORE), is_permitted(0xB123, Command.C_FIND)
    (True, False)
    """
    return permits(code, command, service, registry)
