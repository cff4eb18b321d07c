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
