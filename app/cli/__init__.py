"""The ``duiding`` command line: batch work, scripting and acceptance checks (DESIGN.md section 7).

No Qt is imported on this path. Every subcommand module in this package exposes
``register(subparsers)``; the parser it adds sets ``func(args) -> int``. Errors raised as
``CliError`` (or any ``DuidingError`` from the core) become one line on stderr and exit code 1.
Without a subcommand, or with only a project file, the workbench (GUI) starts.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from app.cli.output import run_command
from app.gui_args import gui_arguments

GUI_MODULE = "app.gui_main"  # loaded by name when the workbench opens: commands stay Qt-free

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
    "memo": "app.cli.memo", "memos": "app.cli.memo",
    "event": "app.cli.events", "events": "app.cli.events", "timeline": "app.cli.timeline",
    "team": "app.cli.team", "push": "app.cli.team", "clone": "app.cli.team",
    "import-survey": "app.cli.survey", "survey-figures": "app.cli.survey",
    "survey-items": "app.cli.survey", "survey-link": "app.cli.survey",
    "withdraw": "app.cli.avg", "encrypt": "app.cli.avg", "decrypt": "app.cli.avg",
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
    console = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    if first not in COMMANDS and not any(a in ("-h", "--help") for a in argv[:1]):
        if gui_arguments(argv) is not None:
            return _run_gui(argv)
        if first is not None:
            print(f"duiding: unknown command {first!r}" + _did_you_mean(first), file=sys.stderr)
            return 2
    code = run_command(build_parser(first), argv)
    if console and "deduce" in sys.modules:
        _end_now(code)
    return code


def _run_gui(argv: Sequence[str]) -> int:
    """Open the workbench; only now are Qt and the GUI modules imported."""
    code: int = importlib.import_module(GUI_MODULE).run_gui(argv, exit_process=True)
    return code


def _end_now(code: int) -> NoReturn:
    """End the process without tearing down deduce's lookup structures (~12 s of freeing
    millions of small objects at interpreter exit). Safe here: the command has closed its
    project (every write committed, lock released) and printed everything; we flush the
    streams ourselves. Only for a console run (``argv`` not given): tests call ``main(argv)``.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _did_you_mean(word: str) -> str:
    close = difflib.get_close_matches(word, COMMANDS, n=1)
    return f" (did you mean {close[0]!r}?)" if close else "; see duiding --help"


if __name__ == "__main__":
    sys.exit(main())
