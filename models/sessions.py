"""What every project store shares: one transaction per unit of work, and errors in words.

``write()`` is one transaction that commits when the outermost block ends and rolls back when
it raises; nested ``write()``/``read()`` blocks in the same thread join it, so a compound user
action (code all search hits, merge a project) commits as one. The file store and the server
store differ only in how they open, how a commit whose answer was lost is settled, and how the
database's refusals are put in words (``_translate``): a constraint the database holds, a
row-level security policy, a connection that broke.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from models.errors import ConflictError, ReadOnlyProjectError, ValidationError


def one_line(exc: BaseException) -> str:
    """The driver's own words ('file is not a database'), without SQLAlchemy's SQL and links."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).split("\nDETAIL:")[0].split("\nCONTEXT:")[0]
    return " ".join(text.split()) or type(orig).__name__


def integrity_error(exc: IntegrityError) -> Exception:
    """A constraint the database holds, in words. Two constraints users meet when several
    people edit at once have their own sentence; any other one means the rows a change (or
    an undo) relies on were changed meanwhile."""
    text = one_line(exc)
    if "uq_codes_sibling_name" in text:
        return ValidationError("a code with this name already exists at that level (someone "
                               "may just have added it); nothing was saved.")
    if "ck_codes_no_cycle" in text or "inside itself" in text:
        return ValidationError("A code cannot be moved inside itself (someone may just have "
                               "moved a code); nothing was saved.")
    return ConflictError(f"this change no longer fits the project (someone else may have "
                         f"changed the same items meanwhile); nothing was saved ({text}).")


class StoreBase:
    """Sessions over an engine; subclasses open it (see `ProjectStore`, `ServerStore`)."""

    kind = "file"  # or "server"

    def __init__(self, engine: Engine, readonly: bool) -> None:
        self.engine = engine
        self.readonly = readonly
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._local = threading.local()  # the active write session of this thread, if any
        self.backup_path: Path | None = None  # set when opening upgraded an older file
        self.upgraded_in_memory = False  # a read-only look at an older file

    # -- what subclasses say ---------------------------------------------------------------------

    @property
    def name(self) -> str:
        """How messages and titles name the project ('studie.duiding', 'jeugd @ db:5432')."""
        raise NotImplementedError

    @property
    def title(self) -> str:
        """A short name for a window title or a default export name ('studie', 'jeugd')."""
        raise NotImplementedError

    @property
    def location(self) -> str:
        """What opens this project again (a path, a connection file or a URL; no password)."""
        raise NotImplementedError

    def revision(self) -> str | None:
        """The schema revision the project is at."""
        raise NotImplementedError

    def data_version(self) -> int:
        """A number that changes when another connection commits (files only: a team
        project hears other people's changes from the server, see `models.listen`)."""
        raise NotImplementedError

    def _translate(self, exc: Exception) -> Exception:
        """The error to raise instead of `exc` (the same one when there is nothing to say)."""
        if isinstance(exc, IntegrityError):
            return integrity_error(exc)
        return exc

    def _started(self, session: Session) -> None:
        """Called when a write transaction begins (the server store notes its xid)."""

    def _commit(self, session: Session) -> None:
        session.commit()

    # -- sessions ------------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction (see the module docstring)."""
        if self.readonly:
            raise ReadOnlyProjectError(f"{self.name} is open read-only; nothing was changed.",
                                       path=self.location)
        active: Session | None = getattr(self._local, "session", None)
        if active is not None:
            yield active
            return
        session = self._sessions()
        self._local.session = session
        try:
            try:
                session.begin()
                self._started(session)
                yield session
            except BaseException:
                session.rollback()
                raise
            self._commit(session)
        except Exception as exc:
            better = self._translate(exc)
            if better is exc:
                raise
            raise better from exc
        finally:
            self._local.session = None
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        active: Session | None = getattr(self._local, "session", None)
        if active is not None:
            yield active
            return
        session = self._sessions()
        try:
            yield session
        except Exception as exc:
            better = self._translate(exc)
            if better is exc:
                raise
            raise better from exc
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        self.engine.dispose()
