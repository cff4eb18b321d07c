"""How projects are opened in the current context: read-only or not, and their passwords.

The command line's ``--read-only`` sets `READ_ONLY` around a whole command, so that every
`Project.open` of that command is read-only (and `Project.create` refused), whichever module
opens the project. Kept in a module of its own so the command line can set these without loading
the project store at start-up.

Two passwords, never written anywhere by Duiding:

- `PASSWORD`: where an encrypted project file's password comes from when `Project.open` was not
  given one ($DUIDING_PASSWORD by default; the command line adds a prompt, the workbench passes
  the password it asked itself);
- `SERVER_PASSWORD`: a team project's server password typed at the command line's prompt, for
  the rest of that command (libpq's .pgpass / PGPASSFILE / PGPASSWORD come first).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path

READ_ONLY: ContextVar[bool] = ContextVar("duiding_read_only", default=False)

PasswordSource = Callable[[Path], "str | None"]


def environment_password(_path: Path) -> str | None:
    """The password for scripts: $DUIDING_PASSWORD (never stored by Duiding)."""
    return os.environ.get("DUIDING_PASSWORD") or None


PASSWORD: ContextVar[PasswordSource] = ContextVar("duiding_password",
                                                  default=environment_password)

SERVER_PASSWORD: ContextVar[str | None] = ContextVar("duiding_server_password", default=None)
