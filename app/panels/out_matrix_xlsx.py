"""The framework matrix as an Excel workbook: counts and the written cell summaries.

Qt-free on purpose (a pure function on files, like `exports/`), so it runs in a worker and could
move to `exports/` unchanged. Sheet names and headings are Dutch like the other exports; the
pseudonymisation guard runs over everything written (summaries are typed by researchers and may
name people).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coding.analysis import FrameworkMatrix
    from coding.project import Project

ROW_HEADINGS = {"document": "Document", "case": "Casus"}


def write_matrix_xlsx(project: Project, matrix: FrameworkMatrix, dest: Path | str) -> Path:
    """Sheet 'Matrix' (counts) and 'Samenvattingen' (cell summaries), same grid; atomic."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from exports.chapter import guard_texts

    dest = Path(dest)
    heading = ROW_HEADINGS.get(matrix.row_kind, matrix.row_kind.partition(":")[2] or "Rij")
    headers = [heading] + list(matrix.code_paths)
    count_rows: list[list[str | int]] = []
    summary_rows: list[list[str]] = []
    for r, row in enumerate(matrix.rows):
        count_rows.append([row.label] + list(matrix.counts[r]))
        summary_rows.append([row.label] + [matrix.summaries.get((row.key, c), "")
                                           for c in matrix.code_ids])
    guard_texts(project, headers + [t for row in summary_rows for t in row])
    wb = Workbook()
    sheets = (("Matrix", count_rows, 12), ("Samenvattingen", summary_rows, 45))
    for i, (title, rows, width) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = title
        ws.append(headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for values in rows:
            ws.append(values)
        ws.freeze_panes = "B2"
        ws.column_dimensions["A"].width = max(14, min(40, max(len(str(r[0])) for r in rows)
                                                      + 2 if rows else 14))
        for col in range(2, len(headers) + 1):
            ws.column_dimensions[get_column_letter(col)].width = width
        if title == "Samenvattingen":
            for row in ws.iter_rows(min_row=2):
                for cell in row:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".duiding-", suffix=".xlsx", dir=dest.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a saved workbook is not
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return dest
