"""A Duiding project: the store plus small managers with intent-named methods (STYLE.md rule 2).

    project = Project.open("studie.duiding", coder="Sanne")
    project.codes.tree(); project.documents.list(); project.segments.query(...)
    project.execute(ApplyCodes(doc_id, 10, 42, [code_id], Valence.POSITIEF))

Managers return plain values (`coding.types`); every user-visible change goes through a command
(`coding.commands`) so it can be undone. `execute` runs a command and keeps it on the project's
headless undo stack; the GUI pushes the same commands onto its QUndoStack instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import select

from coding.access import PASSWORD, READ_ONLY, SERVER_PASSWORD
from coding.attributes import AttributeManager
from coding.coders import CoderManager, resolve_coder
from coding.codes import CodeManager, builtin_codebook
from coding.documents import DocumentManager
from coding.events import EventManager
from coding.groups import GroupManager
from coding.memos import MemoManager
from coding.segments import SegmentManager
from coding.stats import StatsManager
from coding.survey.manager import SurveyManager
from coding.types import Changes
from coding.undo import Undoable, UndoStack
from models.base import utcnow
from models.cipher import Cipher, PasswordRequiredError, WrongPasswordError
from models.convert import convert_project
from models.errors import ConnectionLostError, ReadOnlyProjectError, ValidationError
from models.location import TEAM_SUFFIX, ServerTarget, parse_location
from models.open import Location, create_store, file_name, open_store
from models.schema import ProjectInfo
from models.server_store import ServerStore
from models.sessions import StoreBase
from models.store import SUFFIX, ProjectStore

PROJECT_SUFFIX = SUFFIX  # ".duiding", for callers above the core
CONNECTION_SUFFIX = TEAM_SUFFIX  # ".duiding-team": a team project's connection file

__all__ = ["CONNECTION_SUFFIX", "PASSWORD", "PROJECT_SUFFIX", "READ_ONLY",
           "PasswordRequiredError", "Project", "WrongPasswordError", "convert_encryption"]

SCRUB_PENDING = "scrub_pending"
"""project_info key committed with a withdrawal and removed once the file has been wiped."""

RETRY_WAITS = (0.3, 1.0, 2.0)  # seconds between attempts when a server connection broke

T = TypeVar("T")


def retrying(action: Callable[[], T]) -> T:
    """Run `action`; when the connection to the server broke (and the change was certainly
    not saved: its transaction rolled back), wait a moment and run it again, a few times.

    A commit whose outcome could not be learned (``in_doubt``) is never run again: that is
    the one case that could save a change twice."""
    for wait in RETRY_WAITS:
        try:
            return action()
        except ConnectionLostError as exc:
            if exc.in_doubt:
                raise
            time.sleep(wait)
    return action()


@dataclass(frozen=True)
class ServerInfo:
    """Which server and database a team project is on, and who the user is there."""

    server: str
    database: str
    user: str
    role: str  # projectleider | codeur | lezer
    coder: str


def convert_encryption(path: Path | str, current: str | None, new: str | None) -> list[Path]:
    """Encrypt a plain project (`current` None) with `new`, or decrypt one (`new` None); its
    backups with it (atomic per file; see `models.convert`). Returns the converted backups."""
    if isinstance(parse_location(path), ServerTarget):
        raise ValidationError(f"{path} is a team project on a server: it is not a file, so "
                              "Duiding cannot encrypt it (the server's administrator "
                              "encrypts its disks and connections, sslmode=require).")
    return convert_project(path, Cipher(current) if current else None,
                           Cipher(new) if new else None)


class Project:
    def __init__(self, store: StoreBase, coder: str | None = None) -> None:
        self.store = store
        # On a server the server says who you are (your login, or the coder name the
        # projectleider linked it to); the row-level security policies check the same name.
        server_coder = store.coder if isinstance(store, ServerStore) else ""
        self._coder = resolve_coder(coder or server_coder)
        self.codes = CodeManager(store)
        self.coders = CoderManager(store)
        self.attributes = AttributeManager(store)
        self.memos = MemoManager(store, self.codes)
        self.groups = GroupManager(store)
        self.documents = DocumentManager(store, self.attributes)
        self.segments = SegmentManager(store, self.codes, self.coders, self.attributes,
                                       lambda: self.coder)
        self.stats = StatsManager(store, self.codes, self.attributes, self.documents,
                                  self.segments)
        self.events = EventManager(store, self.coders, self.attributes, self.documents,
                                   self.segments, lambda: self.coder)
        self.surveys = SurveyManager(store, self.attributes)
        self.history: UndoStack[Project] = UndoStack(self)

    # -- lifecycle -----------------------------------------------------------------------------

    @classmethod
    def create(cls, location: Location, codebook: str | list[dict[str, Any]] | None = "jeugdhulp",
               coder: str | None = None, title: str | None = None,
               password: str | None = None) -> Project:
        """Create a project: a file (`.duiding` added when left out) or, for a PostgreSQL URL
        or connection file, a team project on the server. `codebook` is a built-in name,
        nested dicts, or None/'empty'. `password`: a file is encrypted with it (SQLCipher); a
        server is signed in with it (else libpq's own sources, then the command line's
        prompt). Passwords are only ever held in memory."""
        where = parse_location(location)
        name = where.database if isinstance(where, ServerTarget) else file_name(where).stem
        if READ_ONLY.get():
            raise ReadOnlyProjectError(f"{name}: a project cannot be created read-only.")

        def populate(store: StoreBase) -> None:
            project = cls(store, coder)
            with store.write() as s:
                s.add_all([
                    ProjectInfo(key="title", value=title or name),
                    ProjectInfo(key="created", value=utcnow().isoformat(timespec="seconds")),
                    ProjectInfo(key="codebook", value=codebook if isinstance(codebook, str)
                                else "custom" if codebook else "empty"),
                ])
                if isinstance(codebook, str) and codebook != "empty":
                    project.codes.add_tree(builtin_codebook(codebook))
                elif isinstance(codebook, list):
                    project.codes.add_tree(codebook)

        # A file is built under a temporary name with its codebook, a server project in one
        # transaction: a project is never half made.
        if isinstance(where, ServerTarget):
            password = password or SERVER_PASSWORD.get()
        return cls(create_store(location, populate, password=password), coder)

    @classmethod
    def open(cls, location: Location, *, readonly: bool = False, coder: str | None = None,
             password: str | None = None) -> Project:
        """Open a project; read-only when asked or while `READ_ONLY` is set (``--read-only``).

        An encrypted file needs its password: `password`, else what `PASSWORD` gives. A server
        takes `password`, else libpq's own sources, else the command line's prompt."""
        where = parse_location(location)
        if isinstance(where, ServerTarget):
            password = password or SERVER_PASSWORD.get()
        elif password is None and ProjectStore.is_encrypted(where):
            password = PASSWORD.get()(where)
        project = cls(open_store(location, readonly=readonly or READ_ONLY.get(),
                                 password=password), coder)
        if not project.store.readonly and not project.is_server \
                and SCRUB_PENDING in project.info():
            try:  # a withdrawal was interrupted before the file was wiped: wipe it now
                project.finish_scrub()
            except BaseException:
                project.close()
                raise
        return project

    @staticmethod
    def is_encrypted(location: Location) -> bool:
        """Whether opening this project file needs its own password (never a server's)."""
        where = parse_location(location)
        return isinstance(where, Path) and ProjectStore.is_encrypted(where)

    @property
    def encrypted(self) -> bool:
        return isinstance(self.store, ProjectStore) and self.store.encrypted

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def path(self) -> Path:
        """The project file (a team project on a server has none: see `is_server`)."""
        return self.file_store().path

    def file_store(self) -> ProjectStore:
        """The store of a project file (what only a file has: its backups, its wipe)."""
        if not isinstance(self.store, ProjectStore):
            raise ValidationError(f"{self.store.name} is a team project on a server, not a "
                                  "file.")
        return self.store

    @property
    def is_server(self) -> bool:
        return isinstance(self.store, ServerStore)

    @property
    def name(self) -> str:
        """How to name the project to a person: 'studie.duiding', 'jeugd @ db.hs.nl:5432'."""
        return self.store.name

    @property
    def title(self) -> str:
        """A short name: the file's stem or the database's name."""
        return self.store.title

    @property
    def location(self) -> str:
        """What opens the project again: a path, a connection file or a URL (no password)."""
        return self.store.location

    @property
    def coder(self) -> str:
        """Who codes in this session, in the stored form (`coding.coders.resolve_coder`)."""
        return self._coder

    @coder.setter
    def coder(self, name: str | None) -> None:
        self._coder = resolve_coder(name)

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to this project (SQLite's
        data_version): how a read-only window learns that the writer changed something."""
        return self.store.data_version()

    # -- metadata ------------------------------------------------------------------------------

    def info(self) -> dict[str, str]:
        with self.store.read() as s:
            return dict(s.execute(select(ProjectInfo.key, ProjectInfo.value)).all())

    def set_info(self, key: str, value: str) -> None:
        with self.store.write() as s:
            row = s.get(ProjectInfo, key)
            if row is None:
                s.add(ProjectInfo(key=key, value=value))
            else:
                row.value = value

    def finish_scrub(self) -> None:
        """Wipe removed rows from the file (`ProjectStore.scrub`), then drop the pending mark."""
        store = self.file_store()
        store.scrub()
        with store.write() as s:
            row = s.get(ProjectInfo, SCRUB_PENDING)
            if row is not None:
                s.delete(row)
        store.scrub_journal()

    # -- commands ------------------------------------------------------------------------------

    def execute(self, command: Undoable[Project]) -> Changes:
        """Run an undoable command now (one transaction) and keep it on the headless stack;
        a broken server connection is retried (see `retrying`)."""
        return retrying(lambda: self.history.push(command))

    def server_info(self) -> ServerInfo | None:
        """The server, database, user and role of a team project (None for a file)."""
        store = self.store
        if not isinstance(store, ServerStore):
            return None
        return ServerInfo(store.target.server, store.target.database, store.user, store.role,
                          store.coder)
