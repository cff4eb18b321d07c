"""GUI test fixtures: a real MainWindow on a real project file in tmp_path (offscreen Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

TRANSCRIPT = (
    "Interview ouder (testfixture)\n\n"
    "Interviewer: Hoe lang moest u wachten op hulp?\n\n"
    "Ouder: Heel lang. De wachtlijst was lang en niemand belde ons terug.\n\n"
    "Interviewer: En daarna?\n\n"
    "Ouder: Daarna ging het beter, de hulpverlener luisterde echt.\n"
)


@pytest.fixture
def transcript_file(tmp_path: Path) -> Path:
    path = tmp_path / "files" / "R01_ouder.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from app.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.set_coder("Tester")
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.ctx.close()


def import_files(qtbot, win, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    """Import through the real worker path and wait until the GUI has the documents."""
    from app.import_dialog import start_import

    before = len(win.ctx.project.documents.list())
    task = start_import(win.ctx, win, paths)
    assert task is not None
    qtbot.waitUntil(lambda: win.documents.model.rowCount() > before, timeout=15000)
    from PySide6.QtWidgets import QMessageBox

    box = win.findChild(QMessageBox, "importSummary")
    assert box is not None and box.isVisible()  # the user sees the summary...
    box.accept()  # ...and closes it
    win.activateWindow()
