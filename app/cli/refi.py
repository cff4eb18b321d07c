"""REFI-QDA on the command line: ``import-qdpx FILE PROJECT`` (``export qdpx|qdc`` is
``app.cli.export``, through the export plan every format shares).

Thin on purpose: reading and writing files is ``importers.qdpx`` / ``exports.qdpx``, moving data
in and out of a project is ``coding.interchange`` (one transaction); this module wires them up,
prints the import report and turns failures into one line on stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import add_json, emit, project_location
from models.location import is_server_location


def register(sub: Any) -> None:
    p = sub.add_parser("import-qdpx", help="import a REFI-QDA project (.qdpx) or codebook (.qdc)")
    p.add_argument("file", type=Path, help=".qdpx or .qdc file")
    p.add_argument("project", type=project_location,
                   help="project file (.duiding; created when missing) or team project")
    add_json(p)
    p.set_defaults(func=cmd_import_qdpx)


def cmd_import_qdpx(args: argparse.Namespace) -> int:
    from coding.interchange import load_into
    from coding.project import PROJECT_SUFFIX as SUFFIX
    from coding.project import Project
    from importers.qdpx import read_qdc, read_qdpx
    from importers.speakers import find_turns

    path: Path = args.file
    is_codebook = path.suffix.lower() == ".qdc"
    if is_codebook:
        codes, report = read_qdc(path)
        from coding.interchange import QdaProject

        qda = QdaProject(name=path.stem, codes=codes)
    else:
        qda, report = read_qdpx(path)
    if is_server_location(args.project):  # a team project: it exists (duiding new first)
        with Project.open(args.project) as project:
            result = load_into(project, qda, report, turns=find_turns, codes_only=is_codebook)
            name = project.name
        counts = dict(vars(result))
        emit(args, counts, f"{path.name} -> {name}: "
             + ", ".join(f"{v} {k}" for k, v in counts.items() if v or k in ("documents", "codes")))
        return 0
    target: Path = args.project
    if target.suffix != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    created = not target.exists()
    if created:
        project = Project.create(target, codebook="empty", title=qda.name)
    else:
        project = Project.open(target)
    try:
        result = load_into(project, qda, report, turns=find_turns, codes_only=is_codebook)
    except BaseException:
        project.close()
        if created:
            target.unlink(missing_ok=True)
        raise
    project.close()
    counts = {k: v for k, v in vars(result).items()}
    lines = [f"{path.name} -> {target.name}: "
             + ", ".join(f"{v} {k}" for k, v in counts.items() if v or k in ("documents", "codes"))]
    lines += [f"  {line}" for line in report.lines() if line.startswith(("not imported",
                                                                           "warning", "positions"))]
    data = {"project": str(target), "created": created, "imported": counts,
            "position_unit": report.position_unit,
            "skipped": [vars(s) for s in report.skipped], "warnings": report.warnings}
    emit(args, data, lines)
    return 0
