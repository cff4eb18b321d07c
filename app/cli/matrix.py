"""``duiding matrix``: the framework matrix with its cell summaries, printed or exported.

A research lead checks which cells still need a summary, or hands the matrix on, without
opening the workbench. The numbers and summaries are `AnalysisManager.matrix` as the GUI shows
it (default columns: the top-level themes, like the matrix view); files are written by
`exports.matrix`. ``--export`` chooses Word or Excel by the file's suffix.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import CliError, add_json, add_project, emit
from coding.analysis import AnalysisManager, FrameworkMatrix
from coding.project import Project
from coding.pseudonymise.guard import OriginalInExport
from coding.types import CodeId
from exports.chapter_docx import TemplateError
from exports.matrix import (
    DEFAULT_TITLE,
    row_heading,
    row_label,
    write_matrix_docx,
    write_matrix_xlsx,
)

_CELL_WIDTH = 12


def register(sub: Any) -> None:
    p = sub.add_parser("matrix", help="framework matrix: counts and cell summaries")
    add_project(p)
    p.add_argument("--rows", default="document", metavar="document|case|attribute:NAME",
                   help="what a row is (default: document)")
    p.add_argument("--codes", metavar="PATH,...",
                   help="columns: these codes (default: the top-level themes)")
    p.add_argument("--coder", action="append", metavar="NAME",
                   help="only this coder's codings (repeatable)")
    p.add_argument("--export", type=Path, metavar="OUT.docx|OUT.xlsx",
                   help="write the matrix with its summaries to Word or Excel")
    p.add_argument("--template", type=Path, help=".docx or .dotx whose styles are used (Word)")
    p.add_argument("--title", default=None, help="document title (Word)")
    add_json(p)
    p.set_defaults(func=cmd_matrix)


def _code_ids(project: Project, raw: str | None) -> list[CodeId]:
    tree = project.codes.tree()
    if not raw:
        return [c.id for c in tree if c.depth == 0]
    by_path = {c.path.casefold(): c.id for c in tree}
    ids: list[CodeId] = []
    for item in (t.strip().strip("/") for t in raw.split(",")):
        if not item:
            continue
        if item.casefold() not in by_path:
            raise CliError(f"unknown code {item!r} in --codes")
        ids.append(by_path[item.casefold()])
    if not ids:
        raise CliError("--codes names no code")
    return ids


def matrix_json(matrix: FrameworkMatrix, doc_names: dict[int, str]) -> dict[str, Any]:
    """Rows, columns and every cell (count, fragment ids, summary) of a matrix."""
    cells = []
    for r, row in enumerate(matrix.rows):
        for c, path in enumerate(matrix.code_paths):
            cells.append({
                "row": row.label,
                "row_key": row.key,
                "code": path,
                "count": matrix.counts[r][c],
                "segments": [int(s) for s in matrix.segment_ids[r][c]],
                "summary": matrix.summaries.get((row.key, matrix.code_ids[c]), ""),
            })
    return {
        "rows_kind": matrix.row_kind,
        "codes": list(matrix.code_paths),
        "rows": [{"label": r.label, "key": r.key,
                  "documents": [doc_names.get(int(d), str(d)) for d in r.document_ids]}
                 for r in matrix.rows],
        "cells": cells,
    }


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def matrix_lines(matrix: FrameworkMatrix) -> list[str]:
    """Counts as a table ('*' marks a cell with a summary), then the summaries in full."""
    label_width = max([len(row_heading(matrix.row_kind))]
                      + [len(row_label(r.label)) for r in matrix.rows]) + 2
    label_width = min(label_width, 32)
    head = _fit(row_heading(matrix.row_kind), label_width).ljust(label_width)
    head += "".join(_fit(p.rsplit("/", 1)[-1], _CELL_WIDTH - 1).rjust(_CELL_WIDTH)
                    for p in matrix.code_paths)
    lines = [head]
    written: list[str] = []
    for r, row in enumerate(matrix.rows):
        line = _fit(row_label(row.label), label_width - 1).ljust(label_width)
        for c, code_id in enumerate(matrix.code_ids):
            text = matrix.summaries.get((row.key, code_id), "")
            line += (f"{matrix.counts[r][c]}{'*' if text else ''}").rjust(_CELL_WIDTH)
            if text:
                written.append(f"{row_label(row.label)} × {matrix.code_paths[c]}:")
                written.extend(f"  {part}" for part in text.splitlines() if part.strip())
        lines.append(line)
    if not matrix.rows:
        lines.append("(geen rijen)")
    if written:
        lines += ["", "samenvattingen (* in de tabel):", *written]
    return lines


def cmd_matrix(args: argparse.Namespace) -> int:
    out: Path | None = args.export
    if out is not None and out.suffix.lower() not in (".docx", ".xlsx"):
        raise CliError(f"--export writes .docx or .xlsx, not {out.name!r}")
    if args.template is not None and not args.template.is_file():
        raise CliError(f"template not found: {args.template}")
    with Project.open(args.project, readonly=True) as project:
        matrix = AnalysisManager(project).matrix(
            args.rows, _code_ids(project, args.codes), coders=tuple(args.coder or ()))
        if out is None:
            names = {int(d.id): d.name for d in project.documents.list()}
            emit(args, matrix_json(matrix, names), matrix_lines(matrix))
            return 0
        _export(project, matrix, out, args)
    emit(args, {"file": str(out)}, f"written {out}")
    return 0


def _export(project: Project, matrix: FrameworkMatrix, out: Path,
            args: argparse.Namespace) -> None:
    try:
        if out.suffix.lower() == ".docx":
            write_matrix_docx(project, matrix, out, template=args.template,
                              title=args.title or DEFAULT_TITLE)
        else:
            write_matrix_xlsx(project, matrix, out)
    except (TemplateError, OriginalInExport) as exc:
        raise CliError(str(exc)) from exc
