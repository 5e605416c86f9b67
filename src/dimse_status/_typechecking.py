"""The few ``typing`` names the package uses at run time, without ``typing``.

Importing ``typing`` would roughly double ``import dimse_status``; only type
checkers need it.  They see typing's own names here; the run time gets
stand-ins that do what those names do at run time.

``TYPE_CHECKING`` is false at run time, but written so that jedi (IPython,
Jupyter, editors) cannot tell its value and reads both branches of ``if
TYPE_CHECKING:``, as mypy and pyright read the first: written ``= False``,
jedi skipped the lazily imported names of ``dimse_status`` and every
annotation that needs ``typing``.

The module is not called ``_typing``: CPython 3.12 has a built-in module of
that name, and jedi, taking ``dimse_status._typing`` for it, imported it and
read the run-time ``False``.
"""

from __future__ import annotations

from types import GenericAlias

TYPE_CHECKING = bool(0)  # False, but not a literal: see above
if TYPE_CHECKING:
    from typing import Generic as Generic
    from typing import overload as overload

    from typing_extensions import final as final
else:

    def overload(func):
        return func

    def final(cls):
        return cls

    class Generic:
        """``class C(Generic[T])`` without typing; ``C[X]`` gives a GenericAlias."""

        __slots__ = ()

        def __class_getitem__(cls, item):
            return cls if cls is Generic else GenericAlias(cls, item)

__all__ = ["TYPE_CHECKING", "Generic", "final", "overload"]
