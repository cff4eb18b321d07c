"""Start the workbench: `duiding [PROJECT] [--demo] [--lang nl|en]`.

Start-up stays fast (DESIGN.md section 2): only Qt and the core are imported here; spaCy,
python-docx and openpyxl are imported lazily by the importers/exporters that need them.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:  # Qt is imported only once the GUI starts (the CLI path stays Qt-free)
    from app.context import ProjectContext

PROJECT_SUFFIXES = (".duiding", ".duiding-team")
SERVER_SCHEMES = ("postgresql://", "postgres://")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="duiding", add_help=False, exit_on_error=False)
    parser.add_argument("project", nargs="?",
                        type=lambda v: v if v.startswith(SERVER_SCHEMES) else Path(v))
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--lang", choices=("nl", "en"))
    parser.add_argument("--quit-after-start", action="store_true", help=argparse.SUPPRESS)
    return parser


def gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The workbench's arguments, or None when `argv` is not a way to open the workbench.

    The workbench opens for no argument, `--demo`, `--lang`, and one project: a path that ends in
    a project suffix or names an existing file. Anything else (`duiding stast x.duiding`, an
    unknown option) is left to the command-line parser, which refuses it in one line: a typo
    never opens a window.
    """
    try:
        args, unknown = _parser().parse_known_args(list(argv))
    except (argparse.ArgumentError, SystemExit):
        return None
    if unknown:
        return None
    project = args.project
    if isinstance(project, str):  # a team project's postgresql:// address
        return args
    if project is not None and not (project.suffix.lower() in PROJECT_SUFFIXES
                                    or project.is_file()):
        return None
    return args


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    args = gui_arguments(argv)
    if args is None:
        raise SystemExit(f"duiding: not a project file or command: {' '.join(argv)}")
    return args


def _setup_logging() -> Path:
    from platformdirs import user_log_dir

    folder = Path(user_log_dir("duiding", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / "duiding.log"
    logging.basicConfig(filename=log_file, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return log_file


def run_gui(argv: Sequence[str] | None = None, *, exit_process: bool = False) -> int:
    """Run the workbench until its window closes; with `exit_process` (the `duiding` command)
    the process ends right there (see `end_process`)."""
    args = _parse(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.errors import install_excepthook
    from app.settings import language, make_settings

    _setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Duiding")
    app.setOrganizationName("Duiding")
    settings = make_settings()
    lang = args.lang or language(settings)
    i18n.install(app, lang)
    install_excepthook()

    from app.main_window import MainWindow

    window = MainWindow()
    window.show()
    if args.quit_after_start:
        QTimer.singleShot(0, app.quit)
        return app.exec()
    if not window.ctx.coder or not settings.value("coder"):
        window.ask_coder()
    if args.demo:
        window.open_demo()
    elif args.project is not None:
        window.open_project(args.project)
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
