"""The durations a help-history study asks about, per family and across families.

- **signaal → eerste hulp**: from the first dated signal to the first dated start of help at or
  after it, in months;
- **aanmelding → start**: from the first dated registration to the first dated start of help
  at or after it; when those are not both dated, the waiting time respondents *told* (the median
  of the accounts of the wait, "zeven maanden"), marked as told;
- **wisselingen**: how many times the care worker changed — one change told by several
  respondents counts once (the timeline's account groups).

Only dated events count for the first two: an event placed by its order has no time to measure.
Across cases: median, range and n (the cases with a value), for all cases and split by any
attribute (a case attribute, else the value the case's documents share). Types are matched by
name (the default list's names); a renamed type no longer counts, which the GUI says.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from coding.project import Project
from coding.timeline import PlacedEvent, Timeline, build_timeline
from coding.types import CaseId

SIGNAL, REGISTRATION, WAIT, START, CHANGE = (
    "signaal", "aanmelding", "wachttijd", "start hulp", "wisseling hulpverlener")
DAYS_PER_MONTH = 30  # as the moment parser counts "zeven maanden" (210 days -> 7 months)
MEASURES = (
    ("signal_to_help", "Signaal → eerste hulp (maanden)"),
    ("registration_to_start", "Aanmelding → start hulp (maanden)"),
    ("changes", "Wisselingen van hulpverlener"),
)
COUNTS = frozenset({"changes"})  # measures that count something; the others are months


@dataclass(frozen=True)
class CaseDurations:
    case_id: CaseId | None
    case: str
    signal_to_help: float | None  # months
    registration_to_start: float | None  # months
    registration_told: bool  # True: from the waiting time told, not from two dated events
    changes: int
    group: str = ""  # the value of the split attribute

    def value(self, measure: str) -> float | None:
        v = getattr(self, measure)
        return None if v is None else float(v)

    def as_json(self) -> dict[str, object]:
        return {"case": self.case, "signal_to_help_months": self.signal_to_help,
                "registration_to_start_months": self.registration_to_start,
                "registration_to_start_told": self.registration_told,
                "care_worker_changes": self.changes, "group": self.group}


@dataclass(frozen=True)
class Summary:
    n: int
    median: float | None
    low: float | None
    high: float | None

    def text(self, measure: str) -> str:
        """'7,0 (3,0–12,0; n=8)' for months, '1 (0–2; n=10)' for a count, in Dutch notation,
        or '–' without values: the one way the CLI, the GUI and the chapter write it."""
        if self.median is None or self.low is None or self.high is None:
            return "–"
        return (f"{measure_value(measure, self.median)} ({measure_value(measure, self.low)}–"
                f"{measure_value(measure, self.high)}; n={self.n})")


@dataclass
class DurationTable:
    cases: list[CaseDurations]
    by: str | None
    groups: list[str] = field(default_factory=list)  # split values in order ("" = no value)

    def summary(self, measure: str, group: str | None = None) -> Summary:
        values = [v for c in self.cases if group is None or c.group == group
                  if (v := c.value(measure)) is not None]
        return summarise(values)

    def as_json(self) -> dict[str, object]:
        def block(group: str | None) -> dict[str, object]:
            return {m: {"n": s.n, "median": s.median, "min": s.low, "max": s.high}
                    for m, _ in MEASURES for s in [self.summary(m, group)]}

        return {"by": self.by, "cases": [c.as_json() for c in self.cases],
                "summary": block(None),
                "by_value": {g: block(g) for g in self.groups} if self.by else {}}


def dutch(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def measure_value(measure: str, value: float) -> str:
    """A value of `measure`: months with one decimal ('7,0'); a count as a whole number ('2'),
    or with its half when a median falls between two counts ('1,5')."""
    if measure in COUNTS:
        return dutch(value, 0) if float(value).is_integer() else dutch(value, 1)
    return dutch(value, 1)


def summarise(values: Sequence[float]) -> Summary:
    if not values:
        return Summary(0, None, None, None)
    return Summary(len(values), float(statistics.median(values)), float(min(values)),
                   float(max(values)))


def _first(events: list[PlacedEvent], type_name: str, after: float | None = None
           ) -> PlacedEvent | None:
    found = [e for e in events if e.dated and e.event.type.casefold() == type_name
             and (after is None or e.x >= after - 1e-9)]
    return min(found, key=lambda e: e.x) if found else None


def case_durations(timeline: Timeline, group: str = "") -> CaseDurations:
    """The three measures for one case's timeline. Pure."""
    events = list(timeline.events)
    signal_to_help = None
    signal = _first(events, SIGNAL)
    if signal is not None and timeline.axis != "order":
        help_start = _first(events, START, after=signal.x)
        if help_start is not None:
            signal_to_help = round((help_start.x - signal.x) * 12, 1)
    registration_to_start = None
    told = False
    registration = _first(events, REGISTRATION)
    if registration is not None and timeline.axis != "order":
        start = _first(events, START, after=registration.x)
        if start is not None:
            registration_to_start = round((start.x - registration.x) * 12, 1)
    if registration_to_start is None:
        waits = [e.event.duration_days for e in events
                 if e.event.type.casefold() == WAIT and e.event.duration_days is not None]
        if waits:
            registration_to_start = round(statistics.median(waits) / DAYS_PER_MONTH, 1)
            told = True
    change_idx = [i for i, e in enumerate(events) if e.event.type.casefold() == CHANGE]
    grouped = {events[i].group for i in change_idx if events[i].group >= 0}
    changes = sum(1 for i in change_idx if events[i].group < 0) + len(grouped)
    return CaseDurations(timeline.case_id, timeline.case, signal_to_help,
                         registration_to_start, told, changes, group)


def durations(project: Project, by: str | None = None,
              case_ids: Sequence[CaseId] | None = None) -> DurationTable:
    """Per case (cases with at least one event, or those asked for) and the split values."""
    if case_ids is None:
        with_events = {e.case_id for e in project.events.list()}
        case_ids = [cid for cid, _, _ in project.attributes.cases() if cid in with_events]
    return duration_table([build_timeline(project, cid) for cid in case_ids], by,
                          case_groups(project, by) if by else {})


def duration_table(timelines: Sequence[Timeline], by: str | None = None,
                   groups: dict[CaseId, str] | None = None) -> DurationTable:
    """The measures of these timelines, each case in the group `groups` gives it."""
    groups = groups or {}
    out = [case_durations(tl, groups.get(tl.case_id, "") if tl.case_id is not None else "")
           for tl in timelines]
    values = sorted({c.group for c in out}, key=lambda g: (g == "", g)) if by else []
    return DurationTable(out, by, values)


def case_groups(project: Project, by: str) -> dict[CaseId, str]:
    """Every case's value of attribute `by` (see `case_value`)."""
    case_values = project.attributes.case_values()
    docs = {d.id: d.attributes for d in project.documents.list()}
    return {cid: case_value(by, case_values.get(cid, {}), [docs[d] for d in members if d in docs])
            for cid, _, members in project.attributes.cases()}


def case_value(name: str, case_attrs: dict[str, str], doc_attrs: list[dict[str, str]]) -> str:
    """A case's value of `name`: its own attribute, else the value its documents share."""
    wanted = name.casefold()
    for k, v in case_attrs.items():
        if k.casefold() == wanted and v.strip():
            return v.strip()
    values = {v.strip() for a in doc_attrs for k, v in a.items() if k.casefold() == wanted}
    values.discard("")
    return values.pop() if len(values) == 1 else ""
