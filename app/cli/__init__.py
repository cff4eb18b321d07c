"""The ``duiding`` command line: batch work, scripting and acceptance checks (DESIGN.md section 7).

No Qt is imported on this path. Every subcommand module in this package exposes
``register(subparsers)``; the parser it adds sets ``func(args) -> int``. Errors raised as
``CliError`` (or any ``DuidingError`` from the core) become one line on stderr and exit code 1.
Without a subcommand, or with only a project file, the workbench (GUI) starts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

# Subcommand modules, in the order their commands appear in --help.
_MODULES = ("app.cli.core", "app.cli.export", "app.cli.export_report", "app.cli.refi", "app.cli.analysis", "app.cli.nlp", "app.cli.matrix")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="duiding",
        description="Duiding: werkbank voor kwalitatief interviewonderzoek.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _wants_gui(argv: Sequence[str]) -> bool:
    commands = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    first = next((a for a in argv if not a.startswith("-")), None)
    return first is None or first not in commands


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not any(a in ("-h", "--help") for a in argv[:1]) and _wants_gui(argv):
        from app.gui_main import run_gui

        return run_gui(argv)
    from app.cli.output import run_command

    return run_command(build_parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
