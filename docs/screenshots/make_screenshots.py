"""Render the main window offscreen with the demo project to docs/screenshots/*.png.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots.py [--lang nl|en]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["DUIDING_SETTINGS_DIR"] = str(tmp / "settings")
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.demo import create_demo_project
    from app.main_window import MainWindow

    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "nl"
    app = QApplication([])
    i18n.install(app, lang)
    path = create_demo_project(tmp / "demo")
    window = MainWindow()
    window.set_coder("Sanne")
    window.resize(1400, 860)
    window.show()
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
    for _ in range(5):
        app.processEvents()
    suffix = "" if lang == "nl" else f"_{lang}"
    window.grab().save(str(OUT / f"main_window{suffix}.png"))
    window.view.parentWidget().grab().save(str(OUT / f"coding_stripes{suffix}.png"))
    window.retrieval.query.setText("wacht")
    window.retrieval.search()
    for _ in range(3):
        app.processEvents()
    window.retrieval.grab().save(str(OUT / f"search_kwic{suffix}.png"))
    window.close()


if __name__ == "__main__":
    main()
