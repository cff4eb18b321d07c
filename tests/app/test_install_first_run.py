"""First run on a student's machine: Dutch standard dialogs, a named missing system library
instead of Qt's abort, a crash log the apology points to, and Help → About / Manual."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QUrl
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
)

from app import i18n, platform_check
from app.about import MANUAL, AboutDialog, ManualWindow, show_manual
from app.desktop import FileOpenFilter
from app.errors import install_excepthook
from coding import diagnostics
from coding.project import Project
from tests.helpers import venv_tool

REPO = Path(__file__).resolve().parents[2]
PLUGINS = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
QT_LIB = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))


@pytest.fixture
def dutch(qapp):  # type: ignore[no-untyped-def]
    assert i18n.install(qapp, "nl") == "nl"
    yield qapp
    i18n.install(qapp, "en")


# -- Qt's own dialogs in Dutch ---------------------------------------------------------------------

def test_qt_file_dialog_is_dutch_including_strings_qtbase_nl_lacks(dutch, qtbot, tmp_path: Path
                                                                   ) -> None:
    (tmp_path / "studie.duiding").write_bytes(b"")
    dialog = QFileDialog(None, "Project openen", str(tmp_path), "Duiding-project (*.duiding)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # what Linux/offscreen shows
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Zoeken in:", "Bestands&naam:", "Bestanden van &type:"} <= labels
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert "Annuleren" in buttons
    assert not any(re.search(r"Look in|Files of|File name|Cancel", t) for t in labels | buttons)


def test_qt_base_catalogue_is_found_and_standard_buttons_are_dutch(dutch, qtbot) -> None:
    assert any((d / "qtbase_nl.qm").exists() for d in i18n.qt_translation_dirs())
    box = QMessageBox(QMessageBox.Icon.Question, "Duiding", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Ja", "Nee", "Annuleren"}


def test_every_install_string_has_a_dutch_translation(tmp_path: Path) -> None:
    extracted = tmp_path / "extracted.ts"
    subprocess.run([venv_tool("pyside6-lupdate"), "-silent", str(REPO / "app" / "about.py"),
                    str(REPO / "app" / "errors.py"), "-ts", str(extracted)], check=True,
                   capture_output=True, timeout=120)
    sources = {(c.findtext("name") or "", m.findtext("source") or "")
               for c in ET.parse(extracted).getroot().iter("context") for m in c.iter("message")}
    assert len(sources) > 20
    dutch: dict[tuple[str, str], str] = {}
    for ts in i18n.ts_files("nl"):
        dutch.update(i18n.parse_ts(ts))
    assert sorted(sources - set(dutch)) == []
    for key in sources:
        assert re.findall(r"\{\w+\}|%\d", key[1]) == re.findall(r"\{\w+\}|%\d", dutch[key]), key


# -- a missing system library is named, not Qt's abort ---------------------------------------------

def test_missing_library_message_names_packages_and_the_install_command() -> None:
    text = platform_check.explain_missing(["libxcb-cursor.so.0", "libxcb-icccm.so.4"], "nl")
    assert "libxcb-cursor.so.0" in text and "libxcb-icccm.so.4" in text
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in text
    fedora = platform_check.explain_missing(["libxcb-cursor.so.0"], "en", distro="fedora")
    assert "sudo dnf install xcb-util-cursor" in fedora and "Qt needs" in fedora
    odd = platform_check.explain_missing(["libvreemd.so.3"], "nl")
    assert "libvreemd.so.3" in odd and "apt install" not in odd


def test_only_the_xcb_plugin_on_linux_is_checked() -> None:
    assert platform_check.platform_plugin({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert platform_check.platform_plugin({"QT_QPA_PLATFORM": "xcb;wayland"}) == "xcb"
    assert platform_check.platform_plugin({}) == "xcb"
    assert platform_check.platform_plugin(
        {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}) == "wayland"
    assert platform_check.startup_problem(PLUGINS, "nl", {"QT_QPA_PLATFORM": "offscreen"}) is None


def _plugin_needing(tmp_path: Path, missing: str) -> Path:
    """A real copy of Qt's xcb plugin whose dependency on libxcb-cursor is renamed to `missing`
    (same length), so the dynamic loader cannot find it on any machine."""
    original = PLUGINS / "platforms" / "libqxcb.so"
    data = original.read_bytes()
    assert len(missing) == len("libxcb-cursor.so.0") and b"libxcb-cursor.so.0" in data
    folder = tmp_path / "platforms"
    folder.mkdir()
    copy = folder / "libqxcb.so"
    copy.write_bytes(data.replace(b"libxcb-cursor.so.0", missing.encode()))
    return copy


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux-only")
def test_a_library_the_plugin_needs_is_found_missing_by_name(tmp_path: Path) -> None:
    plugin = _plugin_needing(tmp_path, "libxcb-kwijtx.so.0")
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0", "QT_QPA_PLATFORM_PLUGIN_PATH": str(plugin.parent)}
    assert platform_check.plugin_file(PLUGINS, env) == plugin
    os.environ["LD_LIBRARY_PATH"] = str(QT_LIB)  # what $ORIGIN/../../lib gives the original
    try:
        assert "libxcb-kwijtx.so.0" in platform_check.missing_libraries(plugin)
        problem = platform_check.startup_problem(PLUGINS, "nl", env)
    finally:
        del os.environ["LD_LIBRARY_PATH"]
    assert problem is not None and "libxcb-kwijtx.so.0" in problem
    assert problem.startswith("Duiding kan niet starten")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux-only")
def test_the_workbench_names_the_missing_library_instead_of_aborting(tmp_path: Path) -> None:
    plugin = _plugin_needing(tmp_path, "libxcb-kwijtx.so.0")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=":97", QT_QPA_PLATFORM_PLUGIN_PATH=str(plugin.parent),
               LD_LIBRARY_PATH=str(QT_LIB), PATH=os.defpath)  # no zenity: stderr only
    proc = subprocess.run([sys.executable, "-m", "app", "--quit-after-start"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "libxcb-kwijtx.so.0" in proc.stderr
    assert "could not load the Qt platform plugin" not in proc.stderr
    log = Path(env["XDG_STATE_HOME"]) / "duiding" / "log" / "duiding.log"
    assert "libxcb-kwijtx.so.0" in log.read_text(encoding="utf-8")


def test_offscreen_start_is_not_held_up_by_the_check(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "app", "--quit-after-start"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"window visible at \d+\.\d+", proc.stdout)


# -- crash log -------------------------------------------------------------------------------------

def test_a_crash_writes_a_log_and_the_apology_says_where(qtbot, tmp_path: Path) -> None:
    project = Project.create(tmp_path / "studie.duiding", "empty")
    old_hook = sys.excepthook
    install_excepthook(lambda: project)
    try:
        try:
            raise ZeroDivisionError("deling door nul in een slot")
        except ZeroDivisionError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = old_hook
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "apologyBox")
    qtbot.addWidget(box)
    logs = sorted(diagnostics.log_dir().glob("crash-*.log"))
    assert len(logs) == 1
    text = logs[0].read_text(encoding="utf-8")
    assert "ZeroDivisionError: deling door nul in een slot" in text
    assert f"Duiding {diagnostics.version()}" in text and "schema 0" in text
    assert str(logs[0]) in box.informativeText()
    assert box.findChild(QPushButton, "openLogFolder") is not None
    project.close()


# -- Help → About and Manual -----------------------------------------------------------------------

def test_about_shows_version_pipeline_schema_and_folders(window, qtbot, tmp_path: Path
                                                         ) -> None:  # type: ignore[no-untyped-def]
    project = window.create_project(tmp_path / "about.duiding")
    assert project is not None
    action = next(a for a in window.menu("help").actions() if a.objectName() == "aboutAction")
    action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    shown = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert diagnostics.version() in shown
    assert "simplemma" in shown  # the NLP pipeline, named as the NLP panel names it
    revision = project.store.revision()
    assert revision and revision in shown
    for folder in (diagnostics.data_dir(), diagnostics.log_dir()):
        assert str(folder) in shown
    dialog.copy_details()
    copied = QGuiApplication.clipboard().text()
    assert f"Duiding {diagnostics.version()}" in copied and str(diagnostics.log_dir()) in copied
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()


def test_manual_opens_from_help_with_its_chapters_and_pictures(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert MANUAL.exists()
    action = next(a for a in window.menu("help").actions() if a.objectName() == "manualAction")
    action.trigger()
    manual = window.findChild(ManualWindow)
    assert manual is not None and manual.isVisible()
    text = manual.toPlainText()
    assert "Handleiding" in text and "Installeren" in text
    links = re.findall(r"\]\(([^)#]+\.md)", MANUAL.read_text(encoding="utf-8"))
    assert len(links) >= 7
    for link in links:  # every chapter exists and every picture it shows is in the repo
        chapter = MANUAL.parent / link
        assert chapter.exists(), link
        for picture in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", chapter.read_text(encoding="utf-8")):
            assert (chapter.parent / picture).exists(), (link, picture)
    manual.setSource(manual.source().resolved(QUrl(links[1])))
    assert manual.toPlainText() != text
    manual.close()


def test_a_missing_manual_is_said_in_words(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text: shown.append(text))
    assert show_manual(None, tmp_path / "index.md") is None
    assert shown and str(tmp_path / "index.md") in shown[0]
    assert QCoreApplication.translate("ManualWindow", "Duiding manual")


def test_a_double_clicked_project_on_macos_opens_in_the_running_window(window, qtbot, tmp_path: Path
                                                                     ) -> None:  # type: ignore[no-untyped-def]
    Project.create(tmp_path / "dubbelklik.duiding", "empty").close()
    app = QApplication.instance()
    opener = FileOpenFilter(window.open_project, app)
    app.installEventFilter(opener)
    try:
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(tmp_path / "dubbelklik.duiding")))
        assert window.ctx.project is not None
        assert window.ctx.project.path.name == "dubbelklik.duiding"
        assert "dubbelklik" in window.windowTitle()
    finally:
        app.removeEventFilter(opener)


def test_every_link_from_a_view_into_the_manual_lands_on_a_heading() -> None:
    """The analysis tabs link to 'analyse.md#tellingen-per-code' and the like (app/manual.py):
    each page exists and has a heading whose anchor is that name."""
    links = set()
    for source in (REPO / "app").rglob("*.py"):
        links |= set(re.findall(r'"([\w-]+\.md)",\s*"([\w-]+)"', source.read_text(encoding="utf-8")))
    assert len(links) >= 5
    for page, anchor in sorted(links):
        text = (MANUAL.parent / page).read_text(encoding="utf-8")
        slugs = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
                 for h in re.findall(r"^#+ (.+)$", text, flags=re.MULTILINE)}
        assert anchor in slugs, (page, anchor, slugs)
