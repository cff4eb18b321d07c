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
from typing import NoReturn

# Every command name, so `main` can tell a command from a project file without importing the
# subcommand modules; tests/app/test_cli_core.py checks it against the parser.
COMMANDS = (
    "new", "import", "documents", "speakers", "codes", "code", "segments", "export",
    "import-qdpx", "stats", "agreement", "merge", "matrix", "search", "suggest", "pseudonymise",
)

# Subcommand modules, in the order their commands appear in --help.
_MODULES = ("app.cli.core", "app.cli.export", "app.cli.refi", "app.cli.analysis", "app.cli.nlp", "app.cli.matrix")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = _Parser(
        prog="duiding",
        description="Duiding: werkbank voor kwalitatief interviewonderzoek.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _MODULES:
        importlib.import_module(name).register(sub)
    return parser


class _Parser(argparse.ArgumentParser):
    """Errors in one line ('duiding: unknown command …'), not argparse's usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    if first not in COMMANDS and not any(a in ("-h", "--help") for a in argv[:1]):
        from app.gui_main import gui_arguments, run_gui

        if gui_arguments(argv) is not None:
            return run_gui(argv)
        if first is not None:
            print(f"duiding: unknown command {first!r}" + _did_you_mean(first), file=sys.stderr)
            return 2
    from app.cli.output import run_command

    return run_command(build_parser(), argv)


def _did_you_mean(word: str) -> str:
    import difflib

    close = difflib.get_close_matches(word, COMMANDS, n=1)
    return f" (did you mean {close[0]!r}?)" if close else "; see duiding --help"


if __name__ == "__main__":
    sys.exit(main())
