"""What one REFI-QDA import builds up while it stores a ``QdaProject``: the maps from the file's
GUIDs to the project's rows, the counts, and the coder each piece of work belongs to.

Shared by the parts of the loader (``interchange_load`` for the codebook, documents, cases and
fragments; ``interchange_load_memos`` for memos, annotations and groups), which all work inside
the caller's one transaction and import this module, never each other's insides.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coding.coders import coder_name
from coding.interchange import ImportReport, QdaProject, derived_guid
from coding.project import Project
from coding.types import TurnLike
from models.schema import Coder


@dataclass
class LoadResult:
    """What an import added to the project (0 everywhere for a file imported before)."""

    documents: int = 0
    codes: int = 0
    segments: int = 0
    coders: int = 0
    cases: int = 0
    attributes: int = 0
    memos: int = 0
    groups: int = 0


@dataclass
class LoadState:
    s: Session
    project: Project
    qda: QdaProject
    report: ImportReport
    turns: Callable[[str], Sequence[TurnLike]] | None = None
    result: LoadResult = field(default_factory=LoadResult)
    # file GUID -> project row id
    codes: dict[str, int] = field(default_factory=dict)
    docs: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)
    segments: dict[str, int] = field(default_factory=dict)  # selection GUID -> segment
    coders: dict[str, int] = field(default_factory=dict)
    # marker code GUID -> "positief" / "aandachtspunt" / "neutraal" / "kernquote" / "group"
    markers: dict[str, str] = field(default_factory=dict)
    # code GUIDs Duiding created in this import (their descriptions may carry memos)
    created_codes: set[str] = field(default_factory=set)

    def user_name(self, guid: str | None) -> str:
        return next((u.name for u in self.qda.users if u.guid == guid), "")

    def coder(self, guid: str | None) -> int:
        """The coder of a piece of work, created on first use: users without work stay out.

        A file's user list may name people who did nothing in it (QualCoder invents "default"
        for sources without a creator); only users who own a fragment or memo become coders.
        Work without a user is the importing coder's.
        """
        name = self.user_name(guid)
        if guid is None:
            guid = derived_guid("coder", self.project.coder)
            name = self.project.coder
        if guid in self.coders:
            return self.coders[guid]
        row = self.s.scalar(select(Coder).where(func.upper(Coder.guid) == guid))
        name = coder_name(name) or f"gebruiker {guid[:8].lower()}"
        if row is None:
            row = self.s.scalar(select(Coder).where(Coder.name == name))
        if row is None:
            row = Coder(guid=guid.lower(), name=name)
            self.s.add(row)
            self.s.flush()
            self.result.coders += 1
        self.coders[guid] = row.id
        return row.id
