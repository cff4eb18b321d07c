"""The ``duiding`` command line: batch work, scripting and acceptance checks (DESIGN.md section 7).

No Qt is imported on this path. Every subcommand module in this package exposes
``register(subparsers)``; the parser it adds sets ``func(args) -> int``. Errors raised as
``CliError`` (or any ``DuidingError`` from the core) become one line on stderr and exit code 1.
Without a subcommand, or with only a project file, the workbench (GUI) starts.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from app.cli.output import run_command
from app.gui_main import gui_arguments, run_gui

# Every command and the module that registers it: `main` tells a command from a project file,
# and imports only the one module a command needs (start-up stays fast), without importing the
# others; tests/app/test_cli_core.py checks this table against the parser.
COMMANDS: dict[str, str] = {
    "new": "app.cli.core", "import": "app.cli.core", "documents": "app.cli.core",
    "speakers": "app.cli.core", "codes": "app.cli.core", "code": "app.cli.core",
    "segments": "app.cli.core", "stats": "app.cli.core",
    "export": "app.cli.export", "import-qdpx": "app.cli.refi",
    "agreement": "app.cli.analysis", "merge": "app.cli.analysis",
    "search": "app.cli.nlp", "suggest": "app.cli.nlp", "pseudonymise": "app.cli.nlp",
    "matrix": "app.cli.matrix",
    "event": "app.cli.timeline", "timeline": "app.cli.timeline",
    "team": "app.cli.team", "push": "app.cli.team", "clone": "app.cli.team",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser for every command, or for `command` alone (only its module is imported)."""
    parser = _Parser(
        prog="duiding",
        description="Duiding: werkbank voor kwalitatief interviewonderzoek.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for name in modules:
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
        if gui_arguments(argv) is not None:
            return run_gui(argv)
        if first is not None:
            print(f"duiding: unknown command {first!r}" + _did_you_mean(first), file=sys.stderr)
            return 2
    return run_command(build_parser(first), argv)


def _did_you_mean(word: str) -> str:
    close = difflib.get_close_matches(word, COMMANDS, n=1)
    return f" (did you mean {close[0]!r}?)" if close else "; see duiding --help"


if __name__ == "__main__":
    sys.exit(main())
