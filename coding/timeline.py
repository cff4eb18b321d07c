"""A family's help history as one timeline: lanes per perspective, events placed in time.

One home for the layout rules that the timeline view (app/), the figure in the chapter and the
command line (exports/, app/cli/) all show, so the three can never disagree:

- **Lanes** are perspectives: ouder, jongere, hulpverlener, school (from the respondent type of
  the document that tells the event; other types get a lane of their own, after these).
- **Axis**: calendar years when the events have dates (ages count too when the child's birth year
  is known), else the child's age, else only the order of telling.
- **Undated events** sit by their order: between the dated events told before and after them in
  the same interview, evenly spaced; they are drawn as open markers so nobody reads a date in.
- **Accounts of the same event**: events of one type told in different interviews of the case
  are grouped when their moments lie within a year (undated ones pair by their rank in each
  interview). A group whose accounts differ — in moment by half a year or more, or in duration
  by more than a month and a quarter of the longer — is a *contradiction*; the view and the
  figure draw its accounts side by side, joined and marked.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass

from coding.events import EventInfo, birth_year
from coding.moments import MomentKind
from coding.project import Project
from coding.told_durations import duration_text
from coding.types import CaseId

PERSPECTIVES = ("ouder", "jongere", "hulpverlener", "school")
_PERSPECTIVE_OF = {
    "ouder": "ouder", "ouders": "ouder", "ouders_duo": "ouder", "moeder": "ouder",
    "vader": "ouder", "pleegouder": "ouder", "verzorger": "ouder", "opvoeder": "ouder",
    "jongere": "jongere", "jeugdige": "jongere", "kind": "jongere", "cliënt": "jongere",
    "hulpverlener": "hulpverlener", "jeugdconsulent": "hulpverlener",
    "professional": "hulpverlener", "casusregisseur": "hulpverlener",
    "wijkteam": "hulpverlener", "jeugdhulpverlener": "hulpverlener",
    "gedragswetenschapper": "hulpverlener", "therapeut": "hulpverlener",
    "school": "school", "intern_begeleider": "school", "intern begeleider": "school",
    "leerkracht": "school", "mentor": "school", "zorgcoördinator": "school",
    "zorgcoordinator": "school", "docent": "school", "ib'er": "school",
}
UNKNOWN_LANE = "onbekend"
GROUP_WITHIN = 1.0  # years (or age years): accounts this close can be the same event
CONTRADICTION_MOMENT = 0.5  # years apart: the accounts disagree on when
CONTRADICTION_DAYS = 30  # and at least a quarter of the longer: they disagree on how long


def perspective(respondent_type: str) -> str:
    """The lane a respondent type belongs to ('intern_begeleider' -> 'school')."""
    key = respondent_type.strip().casefold()
    if not key:
        return UNKNOWN_LANE
    return _PERSPECTIVE_OF.get(key, _PERSPECTIVE_OF.get(key.replace(" ", "_"), key))


@dataclass(frozen=True, slots=True)
class PlacedEvent:
    event: EventInfo
    lane: str
    x: float  # position on the axis
    dated: bool  # False: placed by its order only
    end_x: float | None  # x + duration, when a duration is known (drawn as a bar)
    group: int  # index into Timeline.groups, or -1 when told only once

    @property
    def label(self) -> str:
        """'wachttijd · 7 maanden' — the type, and the duration when told."""
        text = self.event.type
        if self.event.duration_days is not None:
            text += f" · {duration_text(self.event.duration_days)}"
        return text

    def as_json(self) -> dict[str, object]:
        e = self.event
        return {
            "id": e.id, "moment": e.moment.code(), "moment_label": e.moment.label(),
            "moment_text": e.moment.text, "type": e.type, "lane": self.lane,
            "respondent_type": e.respondent_type, "document": e.document, "start": e.start,
            "end": e.end, "text": e.text, "duration_days": e.duration_days, "memo": e.memo,
            "coder": e.coder, "x": round(self.x, 4), "dated": self.dated,
            "group": self.group if self.group >= 0 else None,
        }


@dataclass(frozen=True, slots=True)
class AccountGroup:
    """One event told in several interviews."""

    type: str
    members: tuple[int, ...]  # indices into Timeline.events
    contradiction: bool
    reason: str  # 'duur: 7 maanden (ouder) vs 16 weken (hulpverlener)'


@dataclass(frozen=True)
class Timeline:
    case_id: CaseId | None
    case: str
    axis: str  # "year", "age" or "order"
    birth_year: int | None
    lanes: tuple[str, ...]
    events: tuple[PlacedEvent, ...]
    groups: tuple[AccountGroup, ...]

    @property
    def x_range(self) -> tuple[float, float]:
        xs = [e.x for e in self.events] + [e.end_x for e in self.events if e.end_x is not None]
        if not xs:
            return (0.0, 1.0)
        lo, hi = min(xs), max(xs)
        return (lo, hi) if hi > lo else (lo - 0.5, hi + 0.5)

    def ticks(self) -> list[tuple[float, str]]:
        """Axis ticks with labels: whole years (with the child's age when known), ages, or
        order numbers."""
        lo, hi = self.x_range
        if self.axis == "order":
            return [(float(i), str(i)) for i in range(int(lo), int(hi) + 1)]
        first, last = int(lo), int(hi) + 1
        step = max(1, (last - first) // 10)
        out = []
        for value in range(first, last + 1, step):
            if self.axis == "age":
                out.append((float(value), f"{value} jr"))
            elif self.birth_year:
                out.append((float(value), f"{value}\n({value - self.birth_year} jr)"))
            else:
                out.append((float(value), str(value)))
        return out

    def contradictions(self) -> list[AccountGroup]:
        return [g for g in self.groups if g.contradiction]

    def as_json(self) -> dict[str, object]:
        return {
            "case": self.case, "axis": self.axis, "birth_year": self.birth_year,
            "lanes": list(self.lanes), "events": [e.as_json() for e in self.events],
            "groups": [{"type": g.type, "events": [self.events[i].event.id for i in g.members],
                        "contradiction": g.contradiction, "reason": g.reason}
                       for g in self.groups],
        }


def case_birth_year(project: Project, case_id: CaseId) -> int | None:
    case_attrs = project.attributes.case_values().get(case_id, {})
    members = _members(project, case_id)
    doc_attrs = [d.attributes for d in project.documents.list() if d.id in members]
    return birth_year(case_attrs, *doc_attrs)


def _members(project: Project, case_id: CaseId) -> set[int]:
    return {int(d) for cid, _, docs in project.attributes.cases() if cid == case_id
            for d in docs}


def build_timeline(project: Project, case_id: CaseId) -> Timeline:
    name = next((n for cid, n, _ in project.attributes.cases() if cid == case_id), "")
    return layout(project.events.for_case(case_id), case=name, case_id=case_id,
                  birth_year=case_birth_year(project, case_id))


def layout(events: list[EventInfo], *, case: str = "", case_id: CaseId | None = None,
           birth_year: int | None = None) -> Timeline:
    """Place events (those of one case, in document order) on a timeline. Pure."""
    dated_n = sum(1 for e in events if e.moment.time(birth_year) is not None)
    age_n = sum(1 for e in events if e.moment.kind == MomentKind.AGE)
    axis = "year" if dated_n and dated_n >= age_n else "age" if age_n else "order"

    def value(e: EventInfo) -> float | None:
        if axis == "year":
            return e.moment.time(birth_year)
        if axis == "age":
            return e.moment.age_at(birth_year)
        return None

    times = [value(e) for e in events]
    known = [t for t in times if t is not None]
    span = (max(known) - min(known)) if known else 0.0
    step = 1.0 if axis == "order" else max(0.25, span / 20)
    xs = _place_by_order(events, times, step, base=min(known) if known else 1.0)
    groups, member_of = _group(events, times)
    # Undated accounts of one event sit side by side: beside the dated account(s) when there
    # are any, else together at the middle of their orders.
    for g in groups:
        dated = [xs[i] for i in g.members if times[i] is not None]
        at = statistics.fmean(dated or [xs[i] for i in g.members])
        for i in g.members:
            if times[i] is None:
                xs[i] = at
    lanes_used = {perspective(e.respondent_type) for e in events}
    lanes = tuple([p for p in PERSPECTIVES if p in lanes_used]
                  + sorted(lanes_used - set(PERSPECTIVES)))
    placed = []
    for i, e in enumerate(events):
        end_x = None
        if e.duration_days is not None and axis != "order":
            end_x = xs[i] + e.duration_days / 365.25
        placed.append(PlacedEvent(e, perspective(e.respondent_type), xs[i], times[i] is not None,
                                  end_x, member_of.get(i, -1)))
    return Timeline(case_id, case, axis, birth_year, lanes, tuple(placed), tuple(groups))


def _place_by_order(events: list[EventInfo], times: list[float | None], step: float,
                    base: float) -> list[float]:
    """Dated events at their time; undated ones between their neighbours in the interview."""
    xs: list[float] = [t if t is not None else 0.0 for t in times]
    by_doc: dict[int, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        by_doc[e.document_id].append(i)  # events come in document order
    for idx in by_doc.values():
        run: list[int] = []
        prev: float | None = None
        for i in [*idx, -1]:
            t = times[i] if i >= 0 else None
            if i >= 0 and t is None:
                run.append(i)
                continue
            if run:
                if prev is not None and t is not None:
                    gap = (t - prev) / (len(run) + 1)
                    for k, j in enumerate(run, start=1):
                        xs[j] = prev + gap * k
                elif prev is not None:
                    for k, j in enumerate(run, start=1):
                        xs[j] = prev + step * k
                elif t is not None:
                    for k, j in enumerate(reversed(run), start=1):
                        xs[j] = t - step * k
                else:
                    for k, j in enumerate(run):
                        xs[j] = base + step * k
                run = []
            prev = t if t is not None else prev
    return xs


def _group(events: list[EventInfo], times: list[float | None]
           ) -> tuple[list[AccountGroup], dict[int, int]]:
    """Accounts of the same event: same type, different interviews, moments within a year."""
    clusters: list[list[int]] = []
    by_type: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        by_type[e.type].append(i)
    for idx in by_type.values():
        mine: list[list[int]] = []
        for i in sorted((i for i in idx if times[i] is not None), key=lambda i: times[i] or 0):
            t = times[i]
            assert t is not None
            home = next((c for c in mine
                         if all(events[j].document_id != events[i].document_id for j in c)
                         and all(abs((times[j] or 0) - t) <= GROUP_WITHIN for j in c)), None)
            if home is None:
                mine.append([i])
            else:
                home.append(i)
        rank: dict[int, int] = defaultdict(int)
        for i in (i for i in idx if times[i] is None):  # in document order
            doc = events[i].document_id
            r = rank[doc]
            rank[doc] += 1
            free = [c for c in mine if all(events[j].document_id != doc for j in c)]
            if r < len(free):
                free[r].append(i)
            elif free:
                free[-1].append(i)
            else:
                mine.append([i])
        clusters.extend(mine)
    groups: list[AccountGroup] = []
    member_of: dict[int, int] = {}
    for c in sorted((c for c in clusters if len(c) > 1), key=lambda c: min(c)):
        members = tuple(sorted(c))
        reason = _disagreement([events[i] for i in members], [times[i] for i in members])
        for i in members:
            member_of[i] = len(groups)
        groups.append(AccountGroup(events[members[0]].type, members, bool(reason), reason))
    return groups, member_of


def _disagreement(events: list[EventInfo], times: list[float | None]) -> str:
    """Why these accounts contradict each other ('' when they agree)."""
    durations = [(e.duration_days, e) for e in events if e.duration_days is not None]
    if len(durations) > 1:
        lo = min(durations, key=lambda d: d[0] or 0)
        hi = max(durations, key=lambda d: d[0] or 0)
        lo_d, hi_d = lo[0] or 0, hi[0] or 0
        if hi_d - lo_d > CONTRADICTION_DAYS and hi_d - lo_d > hi_d / 4:
            return (f"duur: {duration_text(hi_d)} ({perspective(hi[1].respondent_type)}) vs "
                    f"{duration_text(lo_d)} ({perspective(lo[1].respondent_type)})")
    timed = [(t, e) for t, e in zip(times, events, strict=True) if t is not None]
    if len(timed) > 1:
        first = min(timed, key=lambda x: x[0])
        last = max(timed, key=lambda x: x[0])
        if last[0] - first[0] >= CONTRADICTION_MOMENT:
            return (f"moment: {first[1].moment.label()} ({perspective(first[1].respondent_type)})"
                    f" vs {last[1].moment.label()} ({perspective(last[1].respondent_type)})")
    return ""
