"""Render the workbench offscreen with the demo project to docs/screenshots/*.png.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots.py [--lang nl|en]

What a student sees: the start page (no project open), the main window with a coded transcript
and its stripes, the search panel (Ctrl+F) with the whole turn of a hit, and an analysis view in
its own tab beside the transcript.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent


def settle(app: object, done: object = None, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while done is not None and not done() and time.monotonic() < end:  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)
    for _ in range(10):
        app.processEvents()  # type: ignore[attr-defined]


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["DUIDING_SETTINGS_DIR"] = str(tmp / "settings")
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication, QDockWidget

    from app import i18n
    from app.demo import create_demo_project
    from app.main_window import MainWindow

    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "nl"
    suffix = "" if lang == "nl" else f"_{lang}"
    app = QApplication([])
    i18n.install(app, lang)
    path = create_demo_project(tmp / "demo")
    window = MainWindow()
    window.set_coder("Sanne")
    window.resize(1400, 860)
    window.show()
    settle(app)
    window.grab().save(str(OUT / f"start_page{suffix}.png"))  # the empty screen

    window.open_project(path)
    project = window.ctx.project
    assert project is not None
    docs = project.documents.list()
    window.coding.open_document(docs[0].id)
    seg = project.segments.for_document(docs[0].id)[1]
    window.codes.select_code(seg.codings[0].code_id)
    window.coding.jump_to(docs[0].id, seg.start, seg.end, seg.id)
    window.view.verticalScrollBar().setValue(
        max(0, window.view.verticalScrollBar().value() - 4))
    settle(app)
    window.grab().save(str(OUT / f"main_window{suffix}.png"))
    window.view.parentWidget().grab().save(str(OUT / f"coding_stripes{suffix}.png"))

    action = window.findChild(QAction, "actionSearch")
    assert action is not None
    action.trigger()
    search = window.findChild(QDockWidget, "nlpSearchDock").widget()
    search.query.setText("wachten")
    search.run_search()
    settle(app, lambda: search.task is None)
    search.table.selectRow(1)
    settle(app)
    window.grab().save(str(OUT / f"search_panel{suffix}.png"))

    counts = window.findChild(QAction, "actionCounts")
    assert counts is not None
    counts.trigger()
    view = window.tabs.currentWidget()
    view.by.setCurrentIndex(view.by.findData("respondent_type"))
    settle(app)
    window.grab().save(str(OUT / f"analysis_tab{suffix}.png"))
    window.close()


if __name__ == "__main__":
    main()
