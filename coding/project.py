"""A Duiding project: the store plus small managers with intent-named methods (STYLE.md rule 2).

    project = Project.open("studie.duiding", coder="Sanne")
    project.codes.tree(); project.documents.list(); project.segments.query(...)
    project.execute(ApplyCodes(doc_id, 10, 42, [code_id], Valence.POSITIEF))

Managers return plain values (`coding.types`); every user-visible change goes through a command
(`coding.commands`) so it can be undone. `execute` runs a command and keeps it on the project's
headless undo stack; the GUI pushes the same commands onto its QUndoStack instead.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import select

from coding.access import READ_ONLY
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
from models.errors import ReadOnlyProjectError
from models.schema import ProjectInfo
from models.store import SUFFIX, ProjectStore

PROJECT_SUFFIX = SUFFIX  # ".duiding", for callers above the core
__all__ = ["PROJECT_SUFFIX", "PASSWORD", "READ_ONLY", "PasswordRequiredError", "Project",
           "WrongPasswordError", "convert_encryption", "default_coder"]

SCRUB_PENDING = "scrub_pending"
"""project_info key committed with a withdrawal and removed once the file has been wiped."""

PasswordSource = Callable[[Path], "str | None"]


def environment_password(_path: Path) -> str | None:
    """The password for scripts: $DUIDING_PASSWORD (never stored by Duiding)."""
    return os.environ.get("DUIDING_PASSWORD") or None


PASSWORD: ContextVar[PasswordSource] = ContextVar("duiding_password",
                                                  default=environment_password)
"""Asked for the password when an encrypted project is opened without one: the command line
sets a prompt (after $DUIDING_PASSWORD), the workbench passes the password it asked itself."""


def convert_encryption(path: Path | str, current: str | None, new: str | None) -> list[Path]:
    """Encrypt a plain project (`current` None) with `new`, or decrypt one (`new` None); its
    backups with it (atomic per file; see `models.convert`). Returns the converted backups."""
    return convert_project(path, Cipher(current) if current else None,
                           Cipher(new) if new else None)


def default_coder() -> str:
    """The coder name when none was chosen: $DUIDING_CODER, else the login name."""
    name = os.environ.get("DUIDING_CODER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "onbekend"
    except Exception:  # no login name on some systems
        return "onbekend"


class Project:
    def __init__(self, store: ProjectStore, coder: str | None = None) -> None:
        self.store = store
        self._coder = resolve_coder(coder)
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
    def create(cls, path: Path | str, codebook: str | list[dict[str, Any]] | None = "jeugdhulp",
               coder: str | None = None, title: str | None = None,
               password: str | None = None) -> Project:
        """Create a project file; `codebook` is a built-in name, nested dicts, or None/'empty';
        with a `password` the file is encrypted (SQLCipher)."""
        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        if READ_ONLY.get():
            raise ReadOnlyProjectError(f"{path.name}: a project cannot be created read-only.")

        def populate(store: ProjectStore) -> None:
            project = cls(store, coder)
            with store.write() as s:
                s.add_all([
                    ProjectInfo(key="title", value=title or path.stem),
                    ProjectInfo(key="created", value=utcnow().isoformat(timespec="seconds")),
                    ProjectInfo(key="codebook", value=codebook if isinstance(codebook, str)
                                else "custom" if codebook else "empty"),
                ])
                if isinstance(codebook, str) and codebook != "empty":
                    project.codes.add_tree(builtin_codebook(codebook))
                elif isinstance(codebook, list):
                    project.codes.add_tree(codebook)

        # Built under a temporary name with its codebook, so a project file is never half made.
        cipher = Cipher(password) if password is not None else None
        return cls(ProjectStore.create(path, populate, cipher=cipher), coder)

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False, coder: str | None = None,
             password: str | None = None) -> Project:
        """Open a project; read-only when asked or while `READ_ONLY` is set (``--read-only``).

        An encrypted project needs its password: `password`, else what `PASSWORD` gives."""
        path = Path(path)
        if password is None and ProjectStore.is_encrypted(path):
            password = PASSWORD.get()(path)
        cipher = Cipher(password) if password else None
        project = cls(ProjectStore.open(path, readonly=readonly or READ_ONLY.get(),
                                        cipher=cipher), coder)
        if not project.store.readonly and SCRUB_PENDING in project.info():
            try:  # a withdrawal was interrupted before the file was wiped: wipe it now
                project.finish_scrub()
            except BaseException:
                project.close()
                raise
        return project

    @staticmethod
    def is_encrypted(path: Path | str) -> bool:
        """Whether opening this project file needs a password."""
        return ProjectStore.is_encrypted(path)

    @property
    def encrypted(self) -> bool:
        return self.store.encrypted

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self.store.path

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
        self.store.scrub()
        with self.store.write() as s:
            row = s.get(ProjectInfo, SCRUB_PENDING)
            if row is not None:
                s.delete(row)
        self.store.scrub_journal()

    # -- commands ------------------------------------------------------------------------------

    def execute(self, command: Undoable[Project]) -> Changes:
        """Run an undoable command now (one transaction) and keep it on the headless stack."""
        return self.history.push(command)
