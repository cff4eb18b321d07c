"""Errors the core raises. Each carries a stable `code` (the GUI translates by it) and an
English message naming the file or thing concerned, used as-is on the command line."""

from __future__ import annotations


class DuidingError(Exception):
    code = "error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.details = details


class ProjectNotFoundError(DuidingError):
    code = "project_not_found"


class ProjectExistsError(DuidingError):
    code = "project_exists"


class ProjectLockedError(DuidingError):
    code = "project_locked"


class ProjectFormatError(DuidingError):
    code = "project_format"


class ReadOnlyProjectError(DuidingError):
    code = "read_only"


class NotFoundError(DuidingError):
    """A document, code, segment... that does not exist (any more)."""

    code = "not_found"


class ValidationError(DuidingError):
    """A request that makes no sense: empty span, duplicate name, cycle in the code tree..."""

    code = "invalid"


class ConflictError(DuidingError):
    """Undo or redo of a change that someone else has changed since: nothing was changed."""

    code = "conflict"


class PermissionDeniedError(DuidingError):
    """The server refused a change for this user's role (row-level security, grants)."""

    code = "permission"


class ServerError(DuidingError):
    """A PostgreSQL server could not be used as asked (see the subclasses)."""

    code = "server"


class ServerUnreachableError(ServerError):
    code = "server_unreachable"


class AuthenticationError(ServerError):
    """The server refused the user name or password."""

    code = "server_auth"


class PasswordNeededError(AuthenticationError):
    """The server wants a password and none was found (.pgpass, PGPASSFILE, a prompt)."""

    code = "server_password"


class UnsupportedServerError(ServerError):
    code = "server_version"


class ConnectionLostError(ServerError):
    """The connection to the server broke during a change; the change was not saved (or, with
    ``in_doubt``, the server could not be asked whether the commit arrived)."""

    code = "offline"

    def __init__(self, message: str, *, in_doubt: bool = False, **details: object) -> None:
        super().__init__(message, **details)
        self.in_doubt = in_doubt
