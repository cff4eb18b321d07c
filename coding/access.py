"""Whether projects are opened read-only in the current context.

The command line's ``--read-only`` sets `READ_ONLY` around a whole command, so that every
`Project.open` of that command is read-only (and `Project.create` refused), whichever module
opens the project. Kept in a module of its own so the command line can set it without loading
the project store at start-up.
"""

from __future__ import annotations

from contextvars import ContextVar

READ_ONLY: ContextVar[bool] = ContextVar("duiding_read_only", default=False)
