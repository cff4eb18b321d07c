"""Render the help-history view and chapter pages for the README, from the generated study.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_timeline_screenshots.py

Writes timeline_view.png (the dock, in Dutch, family G-01 with its contradiction), and, when
LibreOffice and poppler are installed, chapter_history.png and chapter_durations.png (the pages
of "Hulpgeschiedenis per gezin" in a chapter exported with --include-history gemeente).
"""

from __future__ import annotations

import os
import shutil
import subprocess
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
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.main_window import MainWindow
    from coding.project import Project
    from exports.chapter import ChapterOptions, write_chapter
    from tests.history_study import study_file

    app = QApplication([])
    i18n.install(app, "nl")
    path = study_file(tmp)
    win = MainWindow()
    win.set_coder("Onderzoeker")
    win.show()
    win.open_project(path)
    win.resize(1600, 900)
    win.findChild(QAction, "actionTimeline").trigger()  # a tab beside the transcript
    view = win.tabs.currentWidget()
    view.select_case("G-01")
    view.by_box.setCurrentIndex(view.by_box.findText("gemeente"))
    for _ in range(5):
        app.processEvents()
    view.grab().save(str(OUT / "timeline_view.png"))
    win.ctx.close()
    docx = tmp / "hoofdstuk.docx"
    with Project.open(path, readonly=True) as project:
        write_chapter(project, ChapterOptions(include_history=True, history_by="gemeente"), docx)
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        print("soffice/pdftoppm not found: chapter pages not rendered")
        return
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp),
                    str(docx)], check=True, capture_output=True, timeout=300)
    pdf = tmp / "hoofdstuk.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")
    first = next(i for i, p in enumerate(pages) if "Hulpgeschiedenis per gezin" in p
                 and "Voor " in p) + 1
    durations = next(i for i, p in enumerate(pages) if "Duur van de hulp per gezin" in p) + 1
    for page, name in ((first, "chapter_history"), (durations, "chapter_durations")):
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(page), "-l",
                        str(page), str(pdf), str(OUT / name)], check=True)


if __name__ == "__main__":
    main()
