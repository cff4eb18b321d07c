"""Which command lines open the workbench: `duiding [PROJECT] [--demo] [--lang nl|en]`.

Qt-free on purpose: `duiding` (app.cli) asks this first for every command, and only a command
line that opens the workbench loads Qt and the GUI (`app.gui_main`, by module name).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

PROJECT_SUFFIXES = (".duiding", ".duiding-team")
SERVER_SCHEMES = ("postgresql://", "postgres://")


def project_location(value: str) -> str | Path:
    """A project named on the command line or in the recent list: a team project's
    postgresql:// address stays text; anything else is a path."""
    return value if value.startswith(SERVER_SCHEMES) else Path(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="duiding", add_help=False, exit_on_error=False)
    parser.add_argument("project", nargs="?", type=project_location)
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


def parse_gui_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The workbench's arguments; a command line that does not open it ends the program."""
    args = gui_arguments(argv)
    if args is None:
        raise SystemExit(f"duiding: not a project file or command: {' '.join(argv)}")
    return args
