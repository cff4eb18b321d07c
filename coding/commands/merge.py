"""Merging other coders' projects as one undoable step: undo removes exactly the rows the merge
added, redo restores them with their IDs (the merge itself is `coding.merge`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coding import rows
from coding.commands.base import Command
from coding.merge import Mapping, MergeReport, merge_projects
from coding.project import Project
from coding.types import Changes, DocumentId


class MergeProjects(Command):
    """Undoable merge of other projects into this one."""

    kind = "merge_projects"

    def __init__(self, others: Sequence[Path | str], mapping: Mapping | None = None) -> None:
        super().__init__()
        self.others = list(others)
        self.mapping = dict(mapping or {})
        self.report: MergeReport | None = None
        self.detail = ", ".join(Path(p).name for p in self.others)

    def do(self, p: Project) -> Changes:
        if self.report is None:
            self.report = merge_projects(p, self.others, self.mapping)
        else:
            with p.store.write() as s:
                rows.restore(s, self.report.snapshot)
        return self._changes()

    def undo(self, p: Project) -> Changes:
        assert self.report is not None
        with p.store.write() as s:
            rows.remove(s, self.report.snapshot)
        return self._changes()

    def is_empty(self) -> bool:
        return self.report is not None and not self.report.changed

    def _changes(self) -> Changes:
        assert self.report is not None
        docs = {
            DocumentId(r["document_id"])
            for name, rs in self.report.snapshot
            if name == "segments"
            for r in rs
        }
        return Changes(codes=True, documents=True, attributes=True, memos=True, segments=docs)
