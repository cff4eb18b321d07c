"""Small services the analysis views need that `coding.analysis` does not offer.

Why a separate module: the analysis views drill down from a number to the fragments behind it
(a matrix cell holds segment IDs) and let the researcher write a cell summary that can be undone
like any other edit (STYLE.md rule 6). `AnalysisManager.set_cell_summary` writes directly; the
command below wraps it so the GUI can put it on the undo stack. Qt-free, plain values only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from coding.commands import Command
from coding.types import Changes, CodeId, SegmentId, SegmentInfo

if TYPE_CHECKING:
    from coding.project import Project

_CHUNK = 5000  # SQLite allows 32,766 bound parameters; stay well below


def segments_by_ids(project: Project, ids: Iterable[int]) -> list[SegmentInfo]:
    """The fragments with these IDs, in document order (IDs that no longer exist are skipped)."""
    wanted = sorted({int(i) for i in ids})
    found: list[SegmentInfo] = []
    for i in range(0, len(wanted), _CHUNK):
        chunk = [SegmentId(x) for x in wanted[i:i + _CHUNK]]
        found.extend(project.segments._fetch(segment_ids=chunk))
    if len(wanted) > _CHUNK:  # chunks are each ordered; restore the global document order
        order = {d.id: n for n, d in enumerate(project.documents.list())}
        found.sort(key=lambda s: (order.get(s.document_id, 0), s.start, s.end, s.id))
    return found


class SetCellSummary(Command):
    """Write the summary of one framework-matrix cell; undo puts the previous text back."""

    kind = "cell_summary"

    def __init__(self, row_kind: str, row_key: str, code_id: CodeId, text: str,
                 detail: str = "") -> None:
        super().__init__()
        self.row_kind, self.row_key, self.code_id, self.text = row_kind, row_key, code_id, text
        self.previous: str | None = None
        self.detail = detail

    def do(self, p: Project) -> Changes:
        from coding.analysis import AnalysisManager

        old = AnalysisManager(p).set_cell_summary(self.row_kind, self.row_key, self.code_id,
                                                  self.text)
        if self.previous is None:
            self.previous = old
        return Changes(memos=True)

    def undo(self, p: Project) -> Changes:
        from coding.analysis import AnalysisManager

        AnalysisManager(p).set_cell_summary(self.row_kind, self.row_key, self.code_id,
                                            self.previous or "")
        return Changes(memos=True)
