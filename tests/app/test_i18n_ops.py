"""Translations are complete and keep placeholders; background work reports on the GUI thread;
the main window remembers its state, offers read-only for a locked project, has panel hooks."""

from __future__ import annotations

import re
import subprocess
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMessageBox

from app import i18n
from app.ops import run_task, wait_all
from coding.project import Project
from models.errors import ValidationError
from tests.helpers import venv_tool

APP = Path(__file__).resolve().parents[2] / "app"
PLACEHOLDER = re.compile(r"\{\w*\}|%\d")


def test_every_tr_string_has_a_dutch_translation_with_its_placeholders(tmp_path: Path) -> None:
    tool = venv_tool("pyside6-lupdate")
    files = [str(p) for p in APP.glob("*.py")]
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool, *files, "-ts", str(fresh)], check=True, capture_output=True)
    sources = {(c, s) for (c, s) in _messages(fresh)}
    assert len(sources) > 150
    dutch: dict[tuple[str, str], str] = {}
    for ts in i18n.ts_files("nl"):  # the workbench's file and each area's own, as loaded
        dutch.update(i18n.parse_ts(ts))
    missing = sorted(sources - set(dutch))
    assert missing == []
    for (ctx, src), nl in dutch.items():
        assert sorted(PLACEHOLDER.findall(src)) == sorted(PLACEHOLDER.findall(nl)), (ctx, src)


def _messages(path: Path) -> list[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        for msg in ctx.iter("message"):
            out.append((ctx.findtext("name") or "", msg.findtext("source") or ""))
    return out


def test_dutch_is_installed_and_english_selectable(qapp) -> None:  # type: ignore[no-untyped-def]
    assert i18n.install(qapp, "nl") == "nl"
    assert QCoreApplication.translate("MainWindow", "saved") == "opgeslagen"
    assert QCoreApplication.translate("Labels", "point of attention") == "aandachtspunt"
    table = i18n.TsTranslator(i18n.ts_path("nl"))  # the fallback reads the same .ts
    assert table.translate("MainWindow", "saved") == "opgeslagen"
    assert i18n.install(qapp, "en") == "en"
    assert QCoreApplication.translate("MainWindow", "saved") == "saved"


def test_worker_delivers_result_progress_and_errors_on_the_gui_thread(qtbot, tmp_path: Path
                                                                      ) -> None:
    gui = threading.get_ident()
    project = Project.create(tmp_path / "w.duiding", "empty")
    seen: dict[str, object] = {}

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        seen["worker"] = threading.get_ident()
        progress(1, 2, "x")
        project.codes.add("uit een worker")  # the store's per-thread session, own connection
        return "klaar"

    def done(result: object) -> None:
        seen["result"], seen["done_thread"] = result, threading.get_ident()

    task = run_task(work, parent=None, on_done=done, show_progress=False)
    qtbot.waitUntil(lambda: "result" in seen, timeout=10000)
    assert seen["result"] == "klaar" and seen["done_thread"] == gui != seen["worker"]
    assert task.is_finished()
    assert [c.name for c in project.codes.tree()] == ["uit een worker"]

    def fail(progress, cancelled):  # type: ignore[no-untyped-def]
        raise ValidationError("kapot")

    errors: list[BaseException] = []
    run_task(fail, parent=None, on_error=errors.append, show_progress=False)
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert isinstance(errors[0], ValidationError)

    def slow(progress, cancelled):  # type: ignore[no-untyped-def]
        n = 0
        while not cancelled() and n < 500:
            threading.Event().wait(0.01)
            n += 1
        return n

    results: list[int] = []
    t = run_task(slow, parent=None, on_done=results.append, show_progress=True)
    t.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert results[0] < 500
    assert wait_all(5000)
    project.close()


def test_locked_project_offers_read_only(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "l.duiding"
    other = Project.create(path, "jeugdhulp")  # another process/window holds the lock

    def accept_read_only() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Open).click()

    QTimer.singleShot(50, accept_read_only)
    project = window.open_project(path)
    assert project is not None and project.store.readonly
    assert window.ctx.readonly
    title = window.windowTitle()
    assert "alleen-lezen" in title or "read-only" in title
    assert not window.act_import.isEnabled()
    window.ctx.close()
    other.close()


def test_state_goes_to_the_redirected_settings_and_panels_can_be_added(window, tmp_path: Path
                                                                       ) -> None:
    import os

    dock = QDockWidget("Extra", window)
    dock.setObjectName("extraDock")
    dock.setWidget(QLabel("x"))
    window.add_panel(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    assert dock.toggleViewAction() in window.menu("view").actions()
    window.menu("analysis").addAction("Matrix")
    window.save_state()
    ini = Path(os.environ["DUIDING_SETTINGS_DIR"]) / "duiding.ini"
    assert ini.exists() and "coder=Tester" in ini.read_text()


def test_closing_the_window_that_started_a_job_does_not_break_its_end(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A dialog that started a job may be closed (and deleted) before the job ends: the job's
    progress dialog went with it, and finishing must not touch it."""
    from PySide6.QtWidgets import QDialog

    release = threading.Event()
    owner = QDialog()
    results: list[object] = []

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        release.wait(10)
        progress(1, 2, "half")
        return 42

    task = run_task(work, parent=owner, label="bezig", on_done=results.append)
    owner.deleteLater()  # the user closes the dialog; Qt deletes it with its progress dialog
    qtbot.waitUntil(lambda: not shiboken_valid(owner), timeout=5000)
    release.set()
    qtbot.waitUntil(task.is_finished, timeout=10000)
    qtbot.wait(50)
    assert results == [42] and task.error is None
    assert wait_all(5000)


def shiboken_valid(obj: object) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_counts_use_dutch_singular_and_plural_with_and_without_lrelease(qapp) -> None:  # type: ignore[no-untyped-def]
    """"1 fragment", "3 fragmenten": through the compiled .qm and the .ts fallback alike."""
    assert i18n.install(qapp, "nl") == "nl"
    try:
        tr = QCoreApplication.translate
        assert tr("RetrievalPanel", "%n fragment(s)", "", 1) == "1 fragment"
        assert tr("RetrievalPanel", "%n fragment(s)", "", 3) == "3 fragmenten"
        fallback = i18n.TsTranslator(i18n.ts_path("nl"))
        assert fallback.translate("RetrievalPanel", "%n hit(s)", None, 1) == "1 treffer"
        assert fallback.translate("RetrievalPanel", "%n hit(s)", None, 7) == "7 treffers"
    finally:
        i18n.install(qapp, "en")
