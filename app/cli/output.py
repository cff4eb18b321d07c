"""Running a parsed command: JSON or readable output, and one-line errors (DESIGN.md section 7)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from importers.base import TranscriptImportError
from models.errors import DuidingError


class CliError(Exception):
    """A user error on the command line: printed as one line, exit code 1."""


def emit(args: argparse.Namespace, data: Any, text: str | list[str]) -> None:
    """Print `data` as JSON with --json, else the human-readable text."""
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        lines = text if isinstance(text, list) else [text]
        for line in lines:
            print(line)


def run_command(parser: argparse.ArgumentParser, argv: Sequence[str]) -> int:
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except (CliError, DuidingError, TranscriptImportError) as exc:
        for line in str(exc).splitlines() or [""]:  # a guard refusal: one line per finding
            print(f"duiding {args.command}: {line}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"duiding {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`duiding segments … | head`): end quietly, as Unix tools do,
        # and keep Python from complaining while it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:
        name = Path(exc.filename).name if getattr(exc, "filename", None) else ""
        print(f"duiding {args.command}: {name + ': ' if name else ''}{exc.strerror or exc}",
              file=sys.stderr)
        return 1


def add_project(p: argparse.ArgumentParser) -> None:
    p.add_argument("project", type=Path, help="project file (.duiding)")


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output on stdout")


def span_from_args(args: argparse.Namespace, text: str, doc_name: str) -> tuple[int, int]:
    """The span `--quote TEXT` (occurring exactly once) or `--start N --end N` names."""
    if args.quote is not None:
        if args.start is not None or args.end is not None:
            raise CliError("give either --quote or --start/--end, not both")
        first = text.find(args.quote)
        if first < 0 or not args.quote:
            raise CliError(f"quote not found in {doc_name}")
        if text.find(args.quote, first + 1) >= 0:
            raise CliError(f"quote occurs more than once in {doc_name}; make it longer")
        return first, first + len(args.quote)
    if args.start is not None and args.end is not None:
        return int(args.start), int(args.end)
    raise CliError("give --quote TEXT or --start N --end N")


def parse_where(items: list[str] | None) -> tuple[tuple[str, str], ...]:
    out = []
    for item in items or []:
        if "=" not in item:
            raise CliError(f"--where takes ATTRIBUTE=VALUE, not {item!r}")
        name, value = item.split("=", 1)
        out.append((name.strip(), value.strip()))
    return tuple(out)
