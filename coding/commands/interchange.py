"""Importing a REFI-QDA codebook (.qdc) into the open project as one undoable step.

A .qdpx import makes a new project (nothing to undo); a .qdc adds codes and code groups to the
open codebook, so it is a command like any other edit (``coding.commands``).
"""

from __future__ import annotations

from coding import rows
from coding.commands.base import Command
from coding.groups import GroupId, GroupKind
from coding.interchange import ImportReport, QdaCode, QdaProject, QdaSet
from coding.interchange_load import LoadResult, load_into
from coding.project import Project
from coding.types import Changes, CodeId


class ImportCodebook(Command):
    """Add a REFI-QDA codebook (.qdc) to the project's codebook, as one undoable step.

    Codes already present (same GUID, or same name under the same parent) are joined, never
    changed, so undo only has to remove the codes (and groups) this import created.
    """

    kind = "import_codebook"

    def __init__(self, codes: list[QdaCode], report: ImportReport, name: str = "",
                 sets: list[QdaSet] | None = None) -> None:
        super().__init__()
        self.codes, self.report, self.detail = codes, report, name
        self.sets = sets or []
        self.result: LoadResult | None = None
        self.created: list[CodeId] = []
        self.created_groups: list[GroupId] = []
        self._snap: rows.Snapshot | None = None

    def do(self, p: Project) -> Changes:
        if self._snap is not None:  # redo: the very same codes and groups, same IDs
            p.codes.restore(self._snap)
            return Changes(codes=True)
        with p.store.write():
            before = {c.id for c in p.codes.tree()}
            groups_before = {g.id for g in p.groups.list(GroupKind.CODE)}
            self.result = load_into(p, QdaProject(name=self.detail or "codebook",
                                                  codes=self.codes, sets=self.sets),
                                    self.report, codes_only=True)
            self.created = [c.id for c in p.codes.tree() if c.id not in before]
            self.created_groups = [g.id for g in p.groups.list(GroupKind.CODE)
                                   if g.id not in groups_before]
        return Changes(codes=True)

    def undo(self, p: Project) -> Changes:
        created = set(self.created)
        snap: rows.Snapshot = []
        with p.store.write():
            for group in self.created_groups:
                snap.extend(p.groups.delete(group))
            for code in p.codes.tree():
                if code.id in created and code.parent_id not in created:
                    snap.extend(p.codes.delete(code.id))
        self._snap = snap
        return Changes(codes=True, segments={d.id for d in p.documents.list()})
