"""REFI-QDA on the command line: ``import-qdpx FILE PROJECT`` (``export qdpx|qdc`` is
``app.cli.export``, through the export plan every format shares).

Thin on purpose: the plan is ``importers.qdpx_project``, which the GUI runs too; this module
prints the import report (what was kept, where the memos went, what was dropped, by kind, with
the first names) and turns failures into one line on stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import add_json, emit, project_location
from coding.interchange import ImportReport
from importers.qdpx_project import QdpxImport, import_qdc_file, import_qdpx_file


def register(sub: Any) -> None:
    p = sub.add_parser("import-qdpx", help="import a REFI-QDA project (.qdpx) or codebook (.qdc)")
    p.add_argument("file", type=Path, help=".qdpx or .qdc file")
    p.add_argument("project", type=project_location,
                   help="project file (.duiding; created when missing) or a team project")
    add_json(p)
    p.set_defaults(func=cmd_import_qdpx)


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
    target = done.project.name if isinstance(done.project, Path) else str(done.project)
    lines = [f"{path.name} -> {target}: "
             + ", ".join(f"{v} {k}" for k, v in counts.items() if v or k in ("documents", "codes"))]
    lines += [f"  {line}" for line in done.report.lines()
              if line.startswith(("not kept", "warning", "positions", "memos to"))]
    data = {"project": str(done.project), "created": done.created, "imported": counts,
            **report_json(done.report)}
    emit(args, data, lines)
    return 0
