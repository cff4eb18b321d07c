"""``duiding export FORMAT PROJECT OUT``: one command, many formats (DESIGN.md section 7).

Each export format lives in its own CLI module and adds itself to ``EXPORTERS`` from its
``register(subparsers)`` (``register_exporter("word", func)``), so nobody edits a shared list and
the order of ``_MODULES`` does not matter: formats are looked up when the command runs, after
every module has registered. An exporter gets the parsed arguments (``project``, ``out``,
``where``, ``per``, ``json``) and returns the exit code. Every exporter runs inside the
pseudonymisation guard's context (``--allow-unreviewed``); a refusal is one stderr line per
finding, never a traceback.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.output import CliError, add_json
from coding.pseudonymise.guard import OriginalInExport, allow_unreviewed

Exporter = Callable[[argparse.Namespace], int]
EXPORTERS: dict[str, Exporter] = {}


def register_exporter(fmt: str, func: Exporter) -> None:
    EXPORTERS[fmt] = func


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="export the project: word, xlsx, csv, qdpx, qdc ...")
    p.add_argument("format", help="export format")
    p.add_argument("project", type=Path, help="project file (.duiding)")
    p.add_argument("out", type=Path, help="file (or folder, with --per) to write")
    p.add_argument("--where", action="append", metavar="ATTR=VALUE")
    p.add_argument("--per", metavar="ATTR", help="one file per value of this attribute")
    p.add_argument("--allow-unreviewed", action="store_true",
                   help="export even though detected names were never applied (pseudonymise "
                        "--apply, or reject them in the review, is the safe way)")
    add_json(p)
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    func = EXPORTERS.get(args.format)
    if func is None:
        known = ", ".join(sorted(EXPORTERS)) or "none"
        raise CliError(f"unknown export format {args.format!r} (known: {known})")
    try:
        with allow_unreviewed(bool(getattr(args, "allow_unreviewed", False))):
            return func(args)
    except OriginalInExport as exc:
        # One line per finding (document, context, original); nothing was written.
        raise CliError(str(exc)) from exc
