"""Render the theme synthesis workspace (demo project) and the chapter page its memo opens.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_memo_screenshots.py [--lang nl|en]

Writes synthesis_workspace.png (the main window with the workspace open on 'toegang'),
synthesis_panel.png (the workspace alone) and, when LibreOffice and pdftoppm are installed,
chapter_theme_memo.png (the chapter pages where that memo opens the theme).
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

MEMO = (
    "Bijna alle ouders noemen de **wachttijd** het grootste knelpunt: maanden zonder contact, "
    "*zonder te weten waar ze aan toe zijn*. Tegelijk is de intake zelf, als die er eenmaal is, "
    "goed.\n\n"
    "- wachten zonder bericht over de stand van zaken\n"
    "- van het ene loket naar het andere\n"
    "- een inloop zonder verwijzing verlaagt de drempel"
)


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["DUIDING_SETTINGS_DIR"] = str(tmp / "settings")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDockWidget

    from app import i18n
    from app.demo import create_demo_project
    from app.main_window import MainWindow
    from exports.chapter import ChapterOptions, write_chapter

    lang = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "nl"
    app = QApplication([])
    i18n.install(app, lang)
    path = create_demo_project(tmp / "demo")
    window = MainWindow()
    window.set_coder("Sanne")
    window.resize(1760, 960)
    window.show()
    window.open_project(path)
    project = window.ctx.project
    assert project is not None
    toegang = project.codes.by_path("toegang")
    window.codes.select_code(toegang.id)
    window.show_synthesis()
    for dock_name in ("retrievalDock",):
        dock = window.findChild(QDockWidget, dock_name)
        if dock is not None:
            dock.hide()
    window.resizeDocks([window.findChild(QDockWidget, "documentsDock")], [300],
                       Qt.Orientation.Horizontal)
    width = window.synthesis.splitter.width()
    window.synthesis.splitter.setSizes([width * 2 // 5, width - width * 2 // 5])
    panel = window.synthesis
    panel.editor.edit.setMarkdown(MEMO)  # as if typed: the editor saves it as one step
    panel.editor.flush()
    wachten = next(r for r in range(panel.model.rowCount())
                   if "vijf maanden" in panel.model.segment(r).text)
    panel.table.selectRow(wachten)
    panel.editor.edit.moveCursor(panel.editor.edit.textCursor().MoveOperation.End)
    panel.insert_selected()
    panel.editor.flush()
    inloop = next(r for r in range(panel.model.rowCount())
                  if "binnenlopen" in panel.model.segment(r).text)
    panel.table.selectRow(inloop)
    QTest.qWait(300)  # let the table fit its rows to the settled column widths
    suffix = "" if lang == "nl" else f"_{lang}"
    window.grab().save(str(OUT / f"synthesis_workspace{suffix}.png"))
    panel.grab().save(str(OUT / f"synthesis_panel{suffix}.png"))
    docx = write_chapter(project, ChapterOptions(title="Bevindingen"), tmp / "hoofdstuk.docx")[0]
    window.close()
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if soffice and pdftoppm:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/lo",
                        "--convert-to", "pdf", "--outdir", str(tmp), str(docx)],
                       check=True, capture_output=True, timeout=180)
        subprocess.run([pdftoppm, "-png", "-r", "70", "-f", "2", "-l", "3",
                        str(tmp / "hoofdstuk.pdf"), str(tmp / "page")], check=True)
        side_by_side(sorted(tmp.glob("page*.png")), OUT / f"chapter_theme_memo{suffix}.png")


def side_by_side(pages: list[Path], dest: Path) -> None:
    """The pages where the theme begins, next to each other (the memo runs over the break)."""
    from PySide6.QtGui import QColor, QImage, QPainter

    images = [QImage(str(p)) for p in pages]
    out = QImage(sum(i.width() for i in images) + 12 * (len(images) - 1),
                 max(i.height() for i in images), QImage.Format.Format_RGB32)
    out.fill(QColor("#9e9e9e"))
    painter = QPainter(out)
    x = 0
    for image in images:
        painter.drawImage(x, 0, image)
        x += image.width() + 12
    painter.end()
    out.save(str(dest))


if __name__ == "__main__":
    main()
