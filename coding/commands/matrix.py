"""The framework matrix's one edit: a cell summary, undoable like any other (STYLE.md rule 6).

`coding.matrix_cells.write_cell_summary` writes and returns the previous text, which is all undo
needs.
"""

from __future__ import annotations

from coding.commands.base import Command
from coding.matrix_cells import write_cell_summary
from coding.project import Project
from coding.types import Changes, CodeId


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
        old = write_cell_summary(p.store, self.row_kind, self.row_key, self.code_id, self.text)
        if self.previous is None:
            self.previous = old
        return Changes(memos=True)

    def undo(self, p: Project) -> Changes:
        write_cell_summary(p.store, self.row_kind, self.row_key, self.code_id,
                           self.previous or "")
        return Changes(memos=True)
