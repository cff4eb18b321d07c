"""``duiding event`` and ``duiding events``: marking, changing, removing and listing events.

`event PROJECT --document D --quote Q --type T [--moment M]` marks a passage as an event of a
type. A passage has at most one event of a type: running `event` again on the same passage and
type changes that event (only the options given) instead of adding a second one, and running
the very same line again changes nothing. Without `--moment` the event is placed by its order
only and the moment the words suggest is printed with the command that accepts it (`--id N
--moment suggested`); a suggestion is never stored unasked (DESIGN.md). `--moment` takes what
the event dialog takes (2021-03, 'leeftijd 10;6', "vorig jaar in maart" read against the
interview's date or meting) or `suggested`.

`event PROJECT --id N [--type T] [--moment M] [--duration D] [--memo M]` changes event N and
`event PROJECT --remove N` removes it; `events PROJECT [--case C | --document D]` lists the
events with their ids. Every change is one undoable command of `coding.commands.events`, run
through the project's command layer as the GUI runs it. No Qt on this path.
"""

from __future__ import annotations

import argparse
import shlex
from typing import Any

from app.cli.output import CliError, add_json, add_project, emit, span_from_args
from coding.commands.events import EditEvent, MarkEvent, RemoveEvent
from coding.events import EventId, EventInfo, EventSuggestion
from coding.moment_input import MomentError, parse_moment
from coding.moments import ORDER_ONLY, Moment, MomentKind
from coding.project import Project
from coding.told_durations import duration_text, suggest_duration

_SPAN_OPTIONS = (("document", "--document"), ("quote", "--quote"), ("start", "--start"),
                 ("end", "--end"))
_CLEAR = ("", "geen", "none", "-")


def register(sub: Any) -> None:
    p = sub.add_parser("event", help="mark a fragment as an event in a family's help history, "
                                     "or change (--id) or remove (--remove) an event")
    add_project(p)
    p.add_argument("--document")
    p.add_argument("--quote", help="the exact text of the event (must occur once)")
    p.add_argument("--start", type=int)
    p.add_argument("--end", type=int)
    p.add_argument("--type", dest="event_type",
                   help="event type, e.g. signaal, aanmelding, wachttijd, 'start hulp'")
    p.add_argument("--moment", help="2021-03-15, 2021-03, 2021, 'leeftijd 4', 'leeftijd 10;6', "
                                    "'volgorde', a Dutch expression, or 'suggested' to accept "
                                    "the suggestion")
    p.add_argument("--duration", help="how long it lasted, e.g. '7 maanden' or '16 weken' "
                                      "('geen' clears it)")
    p.add_argument("--memo")
    p.add_argument("--coder")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--id", type=int, dest="event_id", metavar="ID",
                       help="change this event (ids: duiding events)")
    which.add_argument("--remove", type=int, metavar="ID", help="remove this event")
    add_json(p)
    p.set_defaults(func=cmd_event)

    p = sub.add_parser("events", help="list the help-history events with their ids")
    add_project(p)
    p.add_argument("--case", help="only this case (family), e.g. G-03")
    p.add_argument("--document", help="only this document")
    add_json(p)
    p.set_defaults(func=cmd_events)


def cmd_event(args: argparse.Namespace) -> int:
    with Project.open(args.project, coder=args.coder) as project:
        if args.remove is not None:
            _refuse(args, "--remove", (*_SPAN_OPTIONS, ("event_type", "--type"),
                                       ("moment", "--moment"), ("duration", "--duration"),
                                       ("memo", "--memo")))
            event = project.events.get(EventId(args.remove))
            remove = RemoveEvent(event.id)
            remove.detail = event.type
            project.execute(remove)
            emit(args, {"action": "removed", **event_json(event)},
                 f"removed event {event.id}: {_describe(event)}")
            return 0
        if args.event_id is not None:
            _refuse(args, "--id", _SPAN_OPTIONS)
            event = project.events.get(EventId(args.event_id))
            suggestion = project.events.suggest(event.document_id, event.start, event.end)
            fields = _fields(project, args, suggestion)
            if not fields:
                raise CliError("nothing to change: give --type, --moment, --duration or --memo")
            action, event = _change(project, event, fields)
        else:
            if not args.document or not args.event_type:
                raise CliError("give --document, --quote (or --start/--end) and --type to mark "
                               "an event; --id ID to change one, --remove ID to remove one")
            doc = project.documents.by_name(args.document)
            start, end = span_from_args(args, project.documents.text(doc.id), doc.name)
            suggestion = project.events.suggest(doc.id, start, end)
            fields = _fields(project, args, suggestion)
            type_id = fields.pop("type_id")
            existing = project.events.find(doc.id, start, end, type_id)
            if existing is not None:
                action, event = _change(project, existing, fields)
            else:
                mark = MarkEvent(doc.id, start, end, type_id, fields.get("moment", ORDER_ONLY),
                                 fields.get("duration_days"), fields.get("memo", ""),
                                 coder=args.coder)
                mark.detail = args.event_type
                project.execute(mark)
                assert mark.event_id is not None
                action, event = "marked", project.events.get(mark.event_id)
    found = suggestion.moment
    data = {"action": action, **event_json(event),
            "suggested_moment": found.moment.code() if found else None,
            "suggested_duration_days": suggestion.duration_days}
    verb = {"marked": "marked", "updated": "changed",
            "unchanged": "unchanged (already so)"}[action]
    lines = [f"{verb} event {event.id}: {_describe(event)}"]
    if found is not None and event.moment.kind == MomentKind.ORDER and args.moment is None:
        lines.append(f"suggested moment: {found.moment.label()} (from '{found.expression}'); "
                     "not set — to set it: duiding event "
                     f"{shlex.quote(str(args.project))} --id {event.id} --moment suggested")
    emit(args, data, lines)
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    with Project.open(args.project, readonly=True) as project:
        if args.case is not None:
            cases = {name: cid for cid, name, _ in project.attributes.cases()}
            if args.case not in cases:
                raise CliError(f"unknown case {args.case!r}; the cases are "
                               f"{', '.join(sorted(cases)) or '(none)'}")
            events = project.events.for_case(cases[args.case])
        else:
            events = project.events.list()
        if args.document is not None:
            doc = project.documents.by_name(args.document)
            events = [e for e in events if e.document_id == doc.id]
    lines = [f"{e.id:>5}  {e.case or '-':<8} {_describe(e)}" for e in events]
    lines.append(f"{len(events)} {'event' if len(events) == 1 else 'events'}")
    emit(args, {"events": [event_json(e) for e in events]}, lines)
    return 0


def event_json(event: EventInfo) -> dict[str, Any]:
    return {"id": event.id, "document": event.document, "start": event.start,
            "end": event.end, "text": event.text, "type": event.type,
            "moment": event.moment.code(), "moment_label": event.moment.label(),
            "duration_days": event.duration_days, "memo": event.memo, "case": event.case,
            "coder": event.coder}


def _describe(event: EventInfo) -> str:
    quote = " ".join(event.text.split())
    quote = quote if len(quote) <= 60 else quote[:59] + "…"
    duration = (f", {duration_text(event.duration_days)}"
                if event.duration_days is not None else "")
    return (f"{event.document} {event.start}-{event.end} as {event.type}, moment "
            f"{event.moment.label()}{duration} — “{quote}”")


def _refuse(args: argparse.Namespace, mode: str, options: tuple[tuple[str, str], ...]) -> None:
    given = [flag for dest, flag in options if getattr(args, dest) is not None]
    if given:
        raise CliError(f"{mode} takes no {', '.join(given)}"
                       + (" (the passage of an event stays; remove it and mark another)"
                          if mode == "--id" else ""))


def _fields(project: Project, args: argparse.Namespace,
            suggestion: EventSuggestion) -> dict[str, Any]:
    """The options given, as the fields of an event (those not given are left out)."""
    fields: dict[str, Any] = {}
    if args.event_type is not None:
        fields["type_id"] = project.events.type_by_name(args.event_type).id
    if args.moment is not None:
        if args.moment.strip().casefold() in ("suggested", "suggestie"):
            if suggestion.moment is None:
                raise CliError("the text suggests no moment; give --moment explicitly")
            fields["moment"] = suggestion.moment.moment
        else:
            try:
                fields["moment"] = parse_moment(args.moment, suggestion.anchor)
            except MomentError as exc:
                raise CliError(str(exc)) from None
    if args.duration is not None:
        if args.duration.strip().casefold() in _CLEAR:
            fields["duration_days"] = None
        else:
            days = suggest_duration(args.duration)
            if days is None:
                raise CliError(f"cannot read the duration {args.duration!r}; write e.g. "
                               "'7 maanden' or '16 weken'")
            fields["duration_days"] = days
    if args.memo is not None:
        fields["memo"] = args.memo
    return fields


def _change(project: Project, event: EventInfo, fields: dict[str, Any]
            ) -> tuple[str, EventInfo]:
    """Change what differs, as one undoable command; nothing (no undo step) when nothing does."""
    now: dict[str, Any] = {"type_id": event.type_id, "moment": event.moment,
                           "duration_days": event.duration_days, "memo": event.memo}
    changed = {k: v for k, v in fields.items()
               if not (_same_moment(v, now[k]) if k == "moment" else v == now[k])}
    if not changed:
        return "unchanged", event
    edit = EditEvent(event.id, **changed)
    edit.detail = event.type
    project.execute(edit)
    return "updated", project.events.get(event.id)


def _same_moment(a: Moment, b: Moment) -> bool:
    return ((a.kind, a.year, a.month, a.day, a.age_months, a.approximate)
            == (b.kind, b.year, b.month, b.day, b.age_months, b.approximate))
