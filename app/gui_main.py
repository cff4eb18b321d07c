"""Start the workbench: `duiding [PROJECT] [--demo] [--lang nl|en]`.

Start-up stays fast (DESIGN.md section 2): only Qt and the core are imported here; spaCy,
python-docx and openpyxl are imported lazily by the importers/exporters that need them.

First run on a student's machine: before Qt is started, `app.platform_check` names a missing
Linux system library (Qt would abort with "could not load the Qt platform plugin xcb"); the log
and a fatal-error trace (faulthandler, for a crash inside Qt itself) go to the user's log folder,
which Help → About shows. The double-clickable app starts here too (packaging/duiding_app.py).

The command line loads this module by its name only when the arguments open the workbench
(`app.gui_args` decides, without Qt), so `duiding stats …` never imports Qt.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from PySide6.QtCore import QLibraryInfo, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import i18n, platform_check
from app.context import ProjectContext
from app.desktop import FileOpenFilter
from app.errors import install_excepthook
from app.gui_args import parse_gui_arguments
from app.main_window import MainWindow
from app.settings import language, make_settings
from coding import locations

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
_fatal_log: TextIO | None = None


def _setup_logging() -> Path:
    """duiding.log for the session, and faulthandler's trace of a hard crash in fatal.log."""
    global _fatal_log
    folder = locations.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / "duiding.log"
    logging.basicConfig(filename=log_file, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if _fatal_log is None:
        try:
            _fatal_log = open(folder / "fatal.log", "a", encoding="utf-8")  # noqa: SIM115 (open for the process's life)
            faulthandler.enable(_fatal_log)
        except OSError:
            _fatal_log = None
    return log_file


def _check_platform(lang: str) -> bool:
    """False (after telling the user why) when Qt's GUI cannot start on this machine."""
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    problem = platform_check.startup_problem(plugins, lang)
    if problem is None:
        return True
    logging.getLogger("duiding").error("cannot start the GUI: %s", problem)
    platform_check.tell_user(problem)
    return False


def run_gui(argv: Sequence[str] | None = None, *, exit_process: bool = False) -> int:
    """Run the workbench until its window closes; with `exit_process` (the `duiding` command)
    the process ends right there (see `end_process`)."""
    args = parse_gui_arguments(sys.argv[1:] if argv is None else argv)
    _setup_logging()
    settings = make_settings()
    lang = args.lang or language(settings)
    if QApplication.instance() is None and not _check_platform(lang):
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # widgets need a QApplication, not a QCoreApplication
    app.setApplicationName("Duiding")
    app.setOrganizationName("Duiding")
    app.setApplicationVersion(locations.version())
    app.setWindowIcon(QIcon(str(RESOURCES / "duiding.svg")))
    app.setDesktopFileName("duiding")  # Wayland/X11: the taskbar finds duiding.desktop's icon
    i18n.install(app, lang)
    window = MainWindow()
    install_excepthook(lambda: window.ctx.project)
    file_open = FileOpenFilter(window.open_project, app)  # macOS: a double-clicked .duiding
    app.installEventFilter(file_open)
    window.show()
    if args.quit_after_start:
        # packaging/smoke.sh measures start-to-visible from this line (stdout may be None in a
        # windowed Windows app).
        app.processEvents()
        if sys.stdout is not None:
            print(f"duiding: window visible at {time.time():.3f}", flush=True)
    elif not window.ctx.coder or not settings.value("coder"):
        window.ask_coder()
    if args.demo:
        window.open_demo()
    elif args.project is not None:
        window.open_project(args.project)
    if args.quit_after_start:
        opened = window.ctx.project is not None
        QTimer.singleShot(0, app.quit)
        code = app.exec()
        if (args.demo or args.project is not None) and not opened:
            code = 1  # the project did not open (the error went to the log and a dialog)
    else:
        code = app.exec()
    if exit_process:
        end_process(window.ctx, code)
    return code


def end_process(ctx: ProjectContext, code: int) -> NoReturn:
    """End the process now that the window has closed (issue 21: it used to live on for 15–30 s
    after a pseudonymisation run). By now the project is closed (every change was committed
    when it was made), the settings are written and background work was asked to stop; what
    is left is the interpreter freeing big caches (deduce's lookup tables: ~1 GB of objects)
    and Qt's thread pools waiting for abandoned work. Neither holds anything of the user's, so
    the process ends without them."""
    if ctx.project is not None:
        ctx.close()  # app.quit() without a closed window (e.g. the session ended)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code)
