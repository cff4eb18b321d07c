"""``duiding timeline``: a family's help history on the command line.

`timeline` prints a case's timeline, as JSON (DESIGN.md section 7.1), or writes it as a figure
(.png/.svg) or a table (.xlsx); `--durations` adds the cross-family measures. Events are marked,
changed and listed with ``duiding event`` / ``duiding events`` (app/cli/events.py). No Qt on
this path.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import CliError, add_json, add_project, emit
from coding.durations import MEASURES, durations
from coding.project import Project
from coding.timeline import build_timeline
from exports.timeline_figure import lane_title, write_figure
from exports.timeline_table import write_timeline_xlsx


def register(sub: Any) -> None:
    p = sub.add_parser("timeline", help="a family's help history: JSON, figure or table")
    add_project(p)
    p.add_argument("--case", required=True, help="the case (family), e.g. G-03")
    p.add_argument("--export", type=Path, metavar="FILE",
                   help="write the timeline as .png, .svg (figure) or .xlsx (table)")
    p.add_argument("--durations", nargs="?", const="", metavar="ATTR",
                   help="also the durations across families, split by ATTR when given")
    add_json(p)
    p.set_defaults(func=cmd_timeline)


def cmd_timeline(args: argparse.Namespace) -> int:
    with Project.open(args.project, readonly=True) as project:
        cases = {name: cid for cid, name, _ in project.attributes.cases()}
        if args.case not in cases:
            raise CliError(f"unknown case {args.case!r}; the cases are "
                           f"{', '.join(sorted(cases)) or '(none)'}")
        timeline = build_timeline(project, cases[args.case])
        table = durations(project, by=args.durations or None) \
            if args.durations is not None else None
        if args.export is not None:
            suffix = args.export.suffix.lower()
            if suffix in (".png", ".svg"):
                write_figure(project, timeline, args.export)
            elif suffix == ".xlsx":
                write_timeline_xlsx(project, timeline, args.export)
            else:
                raise CliError(f"{args.export.name}: --export writes .png, .svg or .xlsx")
    data = timeline.as_json()
    if table is not None:
        data["durations"] = table.as_json()
    if args.export is not None:
        data["file"] = str(args.export)
    lines = [f"{timeline.case}: {len(timeline.events)} events in lanes "
             f"{', '.join(lane_title(lane) for lane in timeline.lanes) or '-'} (axis: "
             f"{timeline.axis})"]
    for e in sorted(timeline.events, key=lambda e: e.x):
        lines.append(f"  {e.event.moment.label():<20} {lane_title(e.lane):<13} {e.label}"
                     + ("" if e.dated else "  (order only)"))
    for g in timeline.contradictions():
        lines.append(f"  contradiction on {g.type}: {g.reason}")
    if table is not None:
        lines.append("durations across families" + (f" by {table.by}" if table.by else "") + ":")
        for key, label in MEASURES:
            lines.append(f"  {label}: {table.summary(key).text(key)}"
                         + "".join(f"; {g or '(leeg)'}: {table.summary(key, g).text(key)}"
                                   for g in table.groups))
    if args.export is not None:
        lines.append(f"written {args.export}")
    emit(args, data, lines)
    return 0
