"""``duiding event`` and ``duiding timeline``: a family's help history on the command line.

`event` marks a fragment as an event of a type, with a moment the user gives (`--moment`,
e.g. 2021-03, 'leeftijd 4' or "vorig jaar in maart", read against the interview's date or meting),
or `--moment suggested` to accept what the text suggests. Without `--moment` the event is placed
by its order only and the suggestion is printed, never stored (DESIGN.md: suggestions are never
applied unasked). `timeline` prints a case's timeline, as JSON (DESIGN.md section 7.1), or
writes it as a figure (.png/.svg) or a table (.xlsx); `--durations` adds the cross-family
measures. No Qt on this path.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import CliError, add_json, add_project, emit, span_from_args
from coding.commands.events import MarkEvent
from coding.durations import MEASURES, durations
from coding.moments import ORDER_ONLY, duration_text
from coding.project import Project
from coding.time_expressions import MomentError, parse_moment, suggest_duration
from coding.timeline import build_timeline
from exports.timeline_figure import lane_title, write_figure
from exports.timeline_table import write_timeline_xlsx


def register(sub: Any) -> None:
    p = sub.add_parser("event", help="mark a fragment as an event in a family's help history")
    add_project(p)
    p.add_argument("--document", required=True)
    p.add_argument("--quote", help="the exact text of the event (must occur once)")
    p.add_argument("--start", type=int)
    p.add_argument("--end", type=int)
    p.add_argument("--type", required=True, dest="event_type",
                   help="event type, e.g. signaal, aanmelding, wachttijd, 'start hulp'")
    p.add_argument("--moment", help="2021-03-15, 2021-03, 2021, 'leeftijd 4', 'volgorde', a "
                                    "Dutch expression, or 'suggested' to accept the suggestion")
    p.add_argument("--duration", help="how long it lasted, e.g. '7 maanden' or '16 weken'")
    p.add_argument("--memo", default="")
    p.add_argument("--coder")
    add_json(p)
    p.set_defaults(func=cmd_event)

    p = sub.add_parser("timeline", help="a family's help history: JSON, figure or table")
    add_project(p)
    p.add_argument("--case", required=True, help="the case (family), e.g. G-03")
    p.add_argument("--export", type=Path, metavar="FILE",
                   help="write the timeline as .png, .svg (figure) or .xlsx (table)")
    p.add_argument("--durations", nargs="?", const="", metavar="ATTR",
                   help="also the durations across families, split by ATTR when given")
    add_json(p)
    p.set_defaults(func=cmd_timeline)


def cmd_event(args: argparse.Namespace) -> int:
    with Project.open(args.project, coder=args.coder) as project:
        doc = project.documents.by_name(args.document)
        start, end = span_from_args(args, project.documents.text(doc.id), doc.name)
        type_info = project.events.type_by_name(args.event_type)
        suggestion = project.events.suggest(doc.id, start, end)
        moment = ORDER_ONLY
        if args.moment is not None and args.moment.strip().casefold() in ("suggested",
                                                                         "suggestie"):
            if suggestion.moment is None:
                raise CliError("the text suggests no moment; give --moment explicitly")
            moment = suggestion.moment.moment
        elif args.moment is not None:
            try:
                moment = parse_moment(args.moment, suggestion.anchor)
            except MomentError as exc:
                raise CliError(str(exc)) from None
        duration = None
        if args.duration:
            duration = suggest_duration(args.duration)
            if duration is None:
                raise CliError(f"cannot read the duration {args.duration!r}; write e.g. "
                               "'7 maanden' or '16 weken'")
        cmd = MarkEvent(doc.id, start, end, type_info.id, moment, duration, args.memo)
        project.execute(cmd)
        assert cmd.event_id is not None
        event = project.events.get(cmd.event_id)
    data: dict[str, Any] = {
        "id": event.id, "document": event.document, "start": event.start, "end": event.end,
        "text": event.text, "type": event.type, "moment": event.moment.code(),
        "moment_label": event.moment.label(), "duration_days": event.duration_days,
        "case": event.case, "coder": event.coder,
        "suggested_moment": suggestion.moment.moment.code() if suggestion.moment else None,
        "suggested_duration_days": suggestion.duration_days,
    }
    lines = [f"marked {event.document} {event.start}-{event.end} as {event.type}, "
             f"moment {event.moment.label()}"
             + (f", {duration_text(event.duration_days)}" if event.duration_days else "")]
    if args.moment is None and suggestion.moment is not None:
        lines.append(f"suggested moment: {suggestion.moment.moment.label()} (from "
                     f"'{suggestion.moment.expression}'); not set — add --moment suggested "
                     "or --moment VALUE to set it")
    emit(args, data, lines)
    return 0


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
            lines.append(f"  {label}: {table.summary(key).text(0 if key == 'changes' else 1)}"
                         + "".join(f"; {g or '(leeg)'}: {table.summary(key, g).text()}"
                                   for g in table.groups))
    if args.export is not None:
        lines.append(f"written {args.export}")
    emit(args, data, lines)
    return 0
