"""A Duiding project: the store plus small managers with intent-named methods (STYLE.md rule 2).

    project = Project.open("studie.duiding", coder="Sanne")
    project.codes.tree(); project.documents.list(); project.segments.query(...)
    project.execute(ApplyCodes(doc_id, 10, 42, [code_id], Valence.POSITIEF))

Managers return plain values (`coding.types`); every user-visible change goes through a command
(`coding.commands`) so it can be undone. `execute` runs a command and keeps it on the project's
headless undo stack; the GUI pushes the same commands onto its QUndoStack instead.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import select

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
from models.schema import ProjectInfo
from models.store import SUFFIX, ProjectStore

PROJECT_SUFFIX = SUFFIX  # ".duiding", for callers above the core


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
               coder: str | None = None, title: str | None = None) -> Project:
        """Create a project file; `codebook` is a built-in name, nested dicts, or None/'empty'."""
        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        store = ProjectStore.create(path)
        project = cls(store, coder)
        try:
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
        except BaseException:
            store.close()
            path.unlink(missing_ok=True)
            raise
        return project

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False, coder: str | None = None) -> Project:
        return cls(ProjectStore.open(path, readonly=readonly), coder)

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

    # -- commands ------------------------------------------------------------------------------

    def execute(self, command: Undoable[Project]) -> Changes:
        """Run an undoable command now (one transaction) and keep it on the headless stack."""
        return self.history.push(command)
