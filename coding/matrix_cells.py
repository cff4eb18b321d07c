"""The researcher's summaries in framework-matrix cells: stored text, read and written by key.

Apart from `coding.analysis` (which counts the cells with numpy) so that the undoable edit of a
summary, and every command module that imports it, loads no array library.
"""

from __future__ import annotations

from sqlalchemy import select

from coding.types import CodeId
from models.analysis_models import MatrixCell
from models.base import utcnow
from models.sessions import StoreBase


def cell_summaries(store: StoreBase, row_kind: str) -> dict[tuple[str, CodeId], str]:
    """Every non-empty summary for rows of `row_kind`, by (row key, code)."""
    with store.read() as s:
        q = select(MatrixCell.row_key, MatrixCell.code_id, MatrixCell.summary).where(
            MatrixCell.row_kind == row_kind
        )
        return {(k, CodeId(c)): t for k, c, t in s.execute(q) if t}


def write_cell_summary(store: StoreBase, row_kind: str, row_key: str, code_id: CodeId,
                       text: str) -> str:
    """Write the summary of one matrix cell (one transaction); returns the previous text."""
    with store.write() as s:
        cell = s.scalar(
            select(MatrixCell).where(
                MatrixCell.row_kind == row_kind,
                MatrixCell.row_key == row_key,
                MatrixCell.code_id == code_id,
            )
        )
        old = cell.summary if cell is not None else ""
        if cell is None:
            if not text:
                return old
            cell = MatrixCell(row_kind=row_kind, row_key=row_key, code_id=code_id)
            s.add(cell)
        cell.summary = text
        cell.modified = utcnow()
        return old
