"""REFI-QDA on the command line: ``export qdpx|qdc`` and ``import-qdpx FILE PROJECT``.

Thin on purpose: the plans are ``exports.qdpx_project`` and ``importers.qdpx_project``, which the
GUI runs too; this module parses options, prints the import report (what was kept, where the
memos went, what was dropped, by kind, with the first names) and turns failures into one line on
stderr. An export whose code names are not unique is written as asked, with a warning on stderr
that names them and points at ``--qualified-names``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.export import register_exporter
from app.cli.output import CliError, add_json, emit
from coding.interchange import ImportReport
from coding.project import Project
from coding.pseudonymise import OriginalInExport
from exports.qdpx import POSITIONS, QdpxExportError
from exports.qdpx_project import QdpxExport, QdpxOptions, export_qdc, export_qdpx
from importers.qdpx_project import QdpxImport, import_qdc_file, import_qdpx_file


def register(sub: Any) -> None:
    register_exporter("qdpx", cmd_export_qdpx)
    register_exporter("qdc", cmd_export_qdc)
    parser = sub.choices.get("export")
    if parser is None:  # app.cli.export must come before this module in _MODULES
        raise RuntimeError("the 'export' command is not registered")
    g = parser.add_argument_group("qdpx, qdc")
    g.add_argument("--positions", choices=POSITIONS, default="codepoints",
                   help="how selection positions are counted: codepoints (the standard) or "
                        "utf16 (what NVivo counts; exact for texts with emoji) (qdpx)")
    g.add_argument("--qualified-names", action="store_true",
                   help="write 'parent/child' for code names that occur more than once "
                        "(QualCoder and ATLAS.ti merge codes that share a name)")
    p = sub.add_parser("import-qdpx", help="import a REFI-QDA project (.qdpx) or codebook (.qdc)")
    p.add_argument("file", type=Path, help=".qdpx or .qdc file")
    p.add_argument("project", type=Path, help="project file (.duiding); created when missing")
    add_json(p)
    p.set_defaults(func=cmd_import_qdpx)


def _options(args: argparse.Namespace) -> QdpxOptions:
    if getattr(args, "where", None) or getattr(args, "per", None):
        raise CliError("--where and --per do not apply to REFI-QDA exports (the whole project)")
    return QdpxOptions(positions=getattr(args, "positions", None) or "codepoints",
                       qualified_names=bool(getattr(args, "qualified_names", False)))


def _warn_names(args: argparse.Namespace, done: QdpxExport) -> None:
    if done.duplicate_names and not done.qualified:
        names = ", ".join(f"{n} ({' and '.join(paths)})" for n, paths in
                          done.duplicate_names.items())
        print(f"duiding export: warning: code names occur more than once: {names}; QualCoder and "
              f"ATLAS.ti merge such codes; --qualified-names writes them as paths",
              file=sys.stderr)


def cmd_export_qdpx(args: argparse.Namespace) -> int:
    options = _options(args)
    with Project.open(args.project, readonly=True) as project:
        try:
            done = export_qdpx(project, args.out, options)
        except (QdpxExportError, OriginalInExport) as exc:
            raise CliError(f"{args.out.name}: {exc}") from exc
    _warn_names(args, done)
    data = {"out": str(done.path), "documents": done.documents, "codes": done.codes,
            "selections": done.selections, "notes": done.notes, "sets": done.sets,
            "positions": options.positions, "duplicate_names": done.duplicate_names,
            "qualified": done.qualified}
    emit(args, data, f"{args.out.name}: {done.documents} documents, {done.codes} codes, "
                     f"{done.selections} selections, {done.sets} sets"
                     + (", positions in UTF-16 units" if options.positions == "utf16" else ""))
    return 0


def cmd_export_qdc(args: argparse.Namespace) -> int:
    options = _options(args)
    with Project.open(args.project, readonly=True) as project:
        try:
            done = export_qdc(project, args.out, options)
        except (QdpxExportError, OriginalInExport) as exc:
            raise CliError(f"{args.out.name}: {exc}") from exc
    _warn_names(args, done)
    emit(args, {"out": str(done.path), "codes": done.codes, "sets": done.sets,
                "duplicate_names": done.duplicate_names, "qualified": done.qualified},
         f"{args.out.name}: {done.codes} codes, {done.sets} code groups")
    return 0


def report_json(report: ImportReport) -> dict[str, Any]:
    """The parts of an import report a script needs (``import-qdpx --json``)."""
    return {
        "origin": report.origin,
        "position_unit": report.position_unit,
        "counts": dict(report.counts),
        "memos": dict(report.memos),
        "dropped": [{"kind": g.kind, "reason": g.reason, "count": g.count,
                     "names": list(g.names)} for g in report.dropped()],
        "skipped": [vars(s) for s in report.skipped],
        "warnings": report.warnings,
    }


def cmd_import_qdpx(args: argparse.Namespace) -> int:
    path: Path = args.file
    run = import_qdc_file if path.suffix.lower() == ".qdc" else import_qdpx_file
    done: QdpxImport = run(path, args.project)
    counts = dict(vars(done.result))
    lines = [f"{path.name} -> {done.project.name}: "
             + ", ".join(f"{v} {k}" for k, v in counts.items() if v or k in ("documents", "codes"))]
    lines += [f"  {line}" for line in done.report.lines()
              if line.startswith(("not kept", "warning", "positions", "memos to"))]
    data = {"project": str(done.project), "created": done.created, "imported": counts,
            **report_json(done.report)}
    emit(args, data, lines)
    return 0
