"""The matrix view's "Export to Word…": the summary saved in the view lands in its Word cell."""

from __future__ import annotations

from pathlib import Path

import docx

from app import ops
from tests.app.test_panels_analysis import build_project, make_host


def test_matrix_view_exports_to_word(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.panels.matrix_view import MatrixView

    env = make_host(qtbot, build_project(tmp_path / "p"))
    try:
        view = MatrixView(env.ctx, env.host.jump)
        qtbot.addWidget(view)
        view.show()
        assert view.word_button.text() == "Export to Word…"  # next to "Export to Excel…"
        assert view.word_button.parentWidget() is view.export_button.parentWidget()
        view.select_cell(0, 0)
        view.summary.setPlainText("Lang gewacht, uitleg ontbrak.")
        view.save_summary()
        task = view.export_to(tmp_path / "matrix.docx")
        qtbot.waitUntil(task.is_finished, timeout=10000)
        assert task.error is None
        m = view.model.matrix
        rows = [[c.text for c in r.cells] for r in docx.Document(tmp_path / "matrix.docx")
                .tables[0].rows]
        assert rows[0][0] == "Document" and len(rows) == 1 + len(m.rows)
        assert rows[1][0] == m.rows[0].label and rows[1][1] == "Lang gewacht, uitleg ontbrak."
        n = m.counts[1][0]
        assert rows[2][1] == f"{n} {'fragment' if n == 1 else 'fragmenten'}"
    finally:
        ops.wait_all()
        env.ctx.close()
