"""Events in a family's help history: fragments marked with an event type and a moment.

An event is a kind of coding (a span of one document, by one coder) with a type from the
project's editable list (signaal, aanmelding, wachttijd, start hulp, ...) and a `Moment`. This
manager holds the primitives the commands in `coding.event_commands` use, and what the timeline
reads. It also proposes what to fill in when a fragment is marked: the type its codes map to,
the moment and the duration its words give — proposals only; the caller shows them and the user
accepts (DESIGN.md: suggestions are never applied unasked).
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NewType

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coding import rows
from coding.attributes import AttributeManager
from coding.coders import CoderManager
from coding.documents import DocumentManager
from coding.moments import ORDER_ONLY, Anchor, Moment, MomentKind, MomentSuggestion
from coding.segments import SegmentManager
from coding.time_expressions import suggest_moment
from coding.told_durations import suggest_duration
from coding.types import CaseId, DocumentId, SegmentFilter
from models.base import utcnow
from models.errors import NotFoundError, ValidationError
from models.event_models import Event, EventType
from models.schema import Case, Coder, Document
from models.sessions import StoreBase as ProjectStore

EventId = NewType("EventId", int)
EventTypeId = NewType("EventTypeId", int)

# Attributes that say when the interview took place, and when the child was born.
DATE_ATTRIBUTES = ("datum", "interviewdatum", "date", "datum_interview")
YEAR_ATTRIBUTES = ("meting", "jaar", "year")
BIRTH_ATTRIBUTES = ("geboortejaar", "geboortejaar_kind", "geboortejaar kind", "birth_year")
RESPONDENT_ATTRIBUTE = "respondent_type"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_DMY = re.compile(r"^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$")
_YEAR = re.compile(r"(19|20)\d\d")


class DuplicateEventError(ValidationError):
    """The same passage already has an event of this type: change that one instead."""

    code = "duplicate"


@dataclass(frozen=True, slots=True)
class EventTypeInfo:
    id: EventTypeId
    name: str
    colour: str
    position: int
    code_paths: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventInfo:
    id: EventId
    document_id: DocumentId
    document: str
    start: int
    end: int
    text: str
    coder: str
    type_id: EventTypeId
    type: str
    colour: str
    moment: Moment
    duration_days: int | None
    memo: str
    case_id: CaseId | None
    case: str | None
    respondent_type: str  # the document's respondent type attribute ("" when unknown)
    attributes: dict[str, str]


@dataclass(frozen=True)
class EventSuggestion:
    """What marking this fragment as an event would propose (nothing is stored)."""

    type_id: EventTypeId | None
    moment: MomentSuggestion | None
    duration_days: int | None
    anchor: Anchor


def interview_anchor(attributes: dict[str, str]) -> tuple[int | None, int | None]:
    """(year, month) of the interview from its date attribute, else its meting/year."""
    lower = {k.casefold(): v.strip() for k, v in attributes.items()}
    for name in DATE_ATTRIBUTES:
        value = lower.get(name, "")
        if m := _ISO.match(value):
            return int(m.group(1)), int(m.group(2))
        if m := _DMY.match(value):
            return int(m.group(3)), int(m.group(2))
    for name in YEAR_ATTRIBUTES:
        if m := _YEAR.search(lower.get(name, "")):
            return int(m.group(0)), None
    return None, None


def birth_year(*attribute_sets: dict[str, str]) -> int | None:
    """The child's birth year from the first attribute set that has one."""
    for attrs in attribute_sets:
        lower = {k.casefold(): v.strip() for k, v in attrs.items()}
        for name in BIRTH_ATTRIBUTES:
            if m := _YEAR.fullmatch(lower.get(name, "")):
                return int(m.group(0))
    return None


class EventManager:
    def __init__(self, store: ProjectStore, coders: CoderManager, attributes: AttributeManager,
                 documents: DocumentManager, segments: SegmentManager,
                 current_coder: Callable[[], str]) -> None:
        self._store = store
        self._coders, self._attributes = coders, attributes
        self._documents, self._segments = documents, segments
        self._current_coder = current_coder

    # -- types ---------------------------------------------------------------------------------

    def types(self) -> builtins.list[EventTypeInfo]:
        with self._store.read() as s:
            return [EventTypeInfo(EventTypeId(t.id), t.name, t.colour, t.position,
                                  tuple(p for p in t.code_paths.split("\n") if p))
                    for t in s.scalars(select(EventType).order_by(EventType.position,
                                                                  EventType.id))]

    def type_by_name(self, name: str) -> EventTypeInfo:
        wanted = " ".join(name.split()).casefold()
        types = self.types()
        for t in types:
            if t.name.casefold() == wanted:
                return t
        raise NotFoundError(f"no event type {name!r}; the types are "
                            f"{', '.join(t.name for t in types) or '(none)'}")

    def add_type(self, name: str, colour: str = "#607d8b",
                 code_paths: tuple[str, ...] = ()) -> EventTypeId:
        name = " ".join(name.split())
        if not name:
            raise ValidationError("An event type needs a name.")
        with self._store.write() as s:
            if s.scalar(select(EventType.id).where(func.lower(EventType.name) ==
                                                   name.casefold())) is not None:
                raise ValidationError(f"There is already an event type {name!r}.")
            position = (s.scalar(select(func.max(EventType.position))) or 0) + 1
            row = EventType(name=name, colour=colour, position=position,
                            code_paths="\n".join(code_paths))
            s.add(row)
            s.flush()
            return EventTypeId(row.id)

    def update_type(self, type_id: EventTypeId, **fields: Any) -> dict[str, Any]:
        """Change name, colour or code_paths; returns the previous values."""
        with self._store.write() as s:
            row = s.get(EventType, type_id)
            if row is None:
                raise NotFoundError(f"event type {type_id} does not exist.")
            old: dict[str, Any] = {}
            for key, value in fields.items():
                if key == "name":
                    value = " ".join(str(value).split())
                    if not value:
                        raise ValidationError("An event type needs a name.")
                    clash = s.scalar(select(EventType.id).where(
                        func.lower(EventType.name) == value.casefold(), EventType.id != type_id))
                    if clash is not None:
                        raise ValidationError(f"There is already an event type {value!r}.")
                if key == "code_paths":
                    old[key] = tuple(p for p in row.code_paths.split("\n") if p)
                    row.code_paths = "\n".join(value)
                    continue
                if key not in ("name", "colour"):
                    raise ValidationError(f"an event type has no field {key!r}")
                old[key] = getattr(row, key)
                setattr(row, key, value)
            return old

    def delete_type(self, type_id: EventTypeId) -> rows.Snapshot:
        """Remove an unused type; a type events still have cannot go (say which)."""
        with self._store.write() as s:
            row = s.get(EventType, type_id)
            if row is None:
                raise NotFoundError(f"event type {type_id} does not exist.")
            used = s.scalar(select(func.count()).where(Event.type_id == type_id)) or 0
            if used:
                raise ValidationError(f"{used} events have the type {row.name!r}; give them "
                                      "another type first.")
            snap = [("event_types", rows.capture(s, "event_types",
                                                 rows.table("event_types").c.id == type_id))]
            rows.remove(s, snap)
            return snap

    def type_for_codes(self, code_paths: builtins.list[str]) -> EventTypeId | None:
        """The type the first mapped code (by path, or by its last part) suggests."""
        types = self.types()
        for path in code_paths:
            leaf = path.rsplit("/", 1)[-1].casefold()
            for t in types:
                for mapped in t.code_paths:
                    if mapped.casefold() == path.casefold() or (
                            "/" not in mapped and mapped.casefold() == leaf):
                        return t.id
        return None

    # -- events: primitives for commands -------------------------------------------------------

    def add(self, doc_id: DocumentId, start: int, end: int, type_id: EventTypeId,
            moment: Moment = ORDER_ONLY, duration_days: int | None = None, memo: str = "",
            coder: str | None = None) -> EventId:
        with self._store.write() as s:
            length = s.scalar(select(func.length(Document.text)).where(Document.id == doc_id))
            if length is None:
                raise NotFoundError(f"document {doc_id} does not exist.")
            if not 0 <= start < end <= length:
                raise ValidationError(f"span {start}-{end} is empty or outside the document.")
            if s.get(EventType, type_id) is None:
                raise NotFoundError(f"event type {type_id} does not exist.")
            _check_duration(duration_days)
            _refuse_duplicate(s, doc_id, start, end, type_id)
            row = Event(document_id=doc_id, start=start, end=end, type_id=type_id,
                        coder_id=self._coders.ensure_in(s, coder or self._current_coder()),
                        duration_days=duration_days, memo=memo, **_moment_fields(moment))
            s.add(row)
            s.flush()
            return EventId(row.id)

    def update(self, event_id: EventId, *, type_id: EventTypeId | None = None,
               moment: Moment | None = None, duration_days: int | None | bool = False,
               memo: str | None = None, start: int | None = None,
               end: int | None = None) -> None:
        """Change an event; `duration_days=None` clears the duration (False leaves it)."""
        with self._store.write() as s:
            row = s.get(Event, event_id)
            if row is None:
                raise NotFoundError(f"event {event_id} does not exist.")
            if type_id is not None:
                if s.get(EventType, type_id) is None:
                    raise NotFoundError(f"event type {type_id} does not exist.")
                row.type_id = type_id
            if moment is not None:
                for key, value in _moment_fields(moment).items():
                    setattr(row, key, value)
            if duration_days is not False:
                assert duration_days is not True
                _check_duration(duration_days)
                row.duration_days = duration_days
            if memo is not None:
                row.memo = memo
            if start is not None or end is not None:
                new_start = row.start if start is None else start
                new_end = row.end if end is None else end
                length = s.scalar(select(func.length(Document.text))
                                  .where(Document.id == row.document_id)) or 0
                if not 0 <= new_start < new_end <= length:
                    raise ValidationError(f"span {new_start}-{new_end} is empty or outside "
                                          "the document.")
                row.start, row.end = new_start, new_end
            if type_id is not None or start is not None or end is not None:
                _refuse_duplicate(s, DocumentId(row.document_id), row.start, row.end,
                                  EventTypeId(row.type_id), but=event_id)
            row.modified = utcnow()

    def snapshot(self, s: Session, event_ids: builtins.list[EventId]) -> rows.Snapshot:
        return [("events", rows.capture(s, "events", rows.table("events").c.id.in_(event_ids)))]

    def swap(self, event_ids: builtins.list[EventId], snap: rows.Snapshot) -> None:
        """Replace the rows of `event_ids` by a snapshot (undo/redo of any event edit)."""
        with self._store.write() as s:
            t = rows.table("events")
            s.execute(t.delete().where(t.c.id.in_(event_ids)))
            rows.restore(s, snap)

    def document_of(self, event_id: EventId) -> DocumentId:
        with self._store.read() as s:
            doc = s.scalar(select(Event.document_id).where(Event.id == event_id))
            if doc is None:
                raise NotFoundError(f"event {event_id} does not exist.")
            return DocumentId(doc)

    # -- reading -------------------------------------------------------------------------------

    def get(self, event_id: EventId) -> EventInfo:
        found = self._fetch(event_ids=[event_id])
        if not found:
            raise NotFoundError(f"event {event_id} does not exist.")
        return found[0]

    def for_document(self, doc_id: DocumentId) -> builtins.list[EventInfo]:
        return self._fetch(document_ids=[doc_id])

    def for_case(self, case_id: CaseId) -> builtins.list[EventInfo]:
        return self._fetch(case_ids=[case_id])

    def list(self, document_ids: builtins.list[DocumentId] | None = None
             ) -> builtins.list[EventInfo]:
        return self._fetch(document_ids=document_ids)

    def find(self, doc_id: DocumentId, start: int, end: int,
             type_id: EventTypeId) -> EventInfo | None:
        """The event of this type on exactly this passage, if there is one (never two)."""
        return next((e for e in self.for_document(doc_id)
                     if (e.start, e.end, e.type_id) == (start, end, type_id)), None)

    def at(self, doc_id: DocumentId, pos: int) -> builtins.list[EventInfo]:
        return [e for e in self.for_document(doc_id) if e.start <= pos < e.end]

    def count(self) -> int:
        with self._store.read() as s:
            return int(s.scalar(select(func.count()).select_from(Event)) or 0)

    def _fetch(self, *, event_ids: builtins.list[EventId] | None = None,
               document_ids: builtins.list[DocumentId] | None = None,
               case_ids: builtins.list[CaseId] | None = None) -> builtins.list[EventInfo]:
        with self._store.read() as s:
            q = (select(Event, Document.name, Document.case_id, Coder.name, EventType.name,
                        EventType.colour)
                 .join(Document, Document.id == Event.document_id)
                 .join(Coder, Coder.id == Event.coder_id)
                 .join(EventType, EventType.id == Event.type_id))
            if event_ids is not None:
                q = q.where(Event.id.in_(event_ids))
            if document_ids is not None:
                q = q.where(Event.document_id.in_(document_ids))
            if case_ids is not None:
                q = q.where(Document.case_id.in_(case_ids))
            q = q.order_by(Document.position, Document.id, Event.start, Event.end, Event.id)
            found = s.execute(q).all()
            if not found:
                return []
            texts = dict(s.execute(select(Document.id, Document.text).where(
                Document.id.in_({r[0].document_id for r in found}))).all())
            cases = dict(s.execute(select(Case.id, Case.name)).all())
            attrs = self._attributes.document_values(s)
            out = []
            for ev, dname, case_id, coder, tname, colour in found:
                a = attrs.get(ev.document_id, {})
                out.append(EventInfo(
                    id=EventId(ev.id), document_id=DocumentId(ev.document_id), document=dname,
                    start=ev.start, end=ev.end, text=texts[ev.document_id][ev.start:ev.end],
                    coder=coder, type_id=EventTypeId(ev.type_id), type=tname, colour=colour,
                    moment=_moment_of(ev), duration_days=ev.duration_days, memo=ev.memo,
                    case_id=CaseId(case_id) if case_id is not None else None,
                    case=cases.get(case_id) if case_id is not None else None,
                    respondent_type=_respondent_type(a), attributes=a))
            return out

    # -- suggestions ---------------------------------------------------------------------------

    def anchor(self, doc_id: DocumentId, before: int | None = None) -> Anchor:
        """The interview's year/month, the child's birth year and the previous event's moment."""
        doc = self._documents.get(doc_id)
        year, month = interview_anchor(doc.attributes)
        case_attrs: dict[str, str] = {}
        if doc.case is not None:
            case_id = next((cid for cid, name, _ in self._attributes.cases()
                            if name == doc.case), None)
            if case_id is not None:
                case_attrs = self._attributes.case_values().get(case_id, {})
        previous = None
        if before is not None:
            earlier = [e for e in self.for_document(doc_id)
                       if e.start < before and e.moment.kind != MomentKind.ORDER]
            previous = earlier[-1].moment if earlier else None
        return Anchor(year, month, birth_year(case_attrs, doc.attributes), previous)

    def suggest(self, doc_id: DocumentId, start: int, end: int) -> EventSuggestion:
        """What to propose for marking `start:end` as an event (nothing is stored)."""
        text = self._documents.text(doc_id)[start:end]
        anchor = self.anchor(doc_id, before=start)
        overlapping = [seg for seg in self._segments.query(
            SegmentFilter(document_ids=(doc_id,))) if seg.start < end and start < seg.end]
        overlapping.sort(key=lambda seg: (abs(seg.start - start) + abs(seg.end - end)))
        type_id = self.type_for_codes([p for seg in overlapping for p in seg.codes])
        return EventSuggestion(type_id, suggest_moment(text, anchor), suggest_duration(text),
                               anchor)


def _respondent_type(attributes: dict[str, str]) -> str:
    for key, value in attributes.items():
        if key.casefold() in (RESPONDENT_ATTRIBUTE, "respondenttype", "type respondent",
                              "respondent"):
            return value.strip()
    return ""


def _refuse_duplicate(s: Session, doc_id: DocumentId, start: int, end: int,
                      type_id: EventTypeId, but: EventId | None = None) -> None:
    """An event on exactly this passage with this type is never there twice."""
    q = select(Event.id).where(Event.document_id == doc_id, Event.start == start,
                               Event.end == end, Event.type_id == type_id)
    if but is not None:
        q = q.where(Event.id != but)
    other = s.scalar(q.limit(1))
    if other is not None:
        name = s.scalar(select(EventType.name).where(EventType.id == type_id))
        raise DuplicateEventError(f"this passage is already marked as {name!r} (event "
                                  f"{other}); change that event instead")


def _check_duration(days: int | None) -> None:
    if days is not None and not 0 <= days <= 365 * 30:
        raise ValidationError(f"a duration of {days} days is not plausible.")


def _moment_fields(m: Moment) -> dict[str, Any]:
    if m.month is not None and not 1 <= m.month <= 12:
        raise ValidationError(f"month {m.month} is not 1-12.")
    return {"moment_kind": m.kind.value, "year": m.year, "month": m.month, "day": m.day,
            "age_months": m.age_months, "approximate": m.approximate,
            "moment_text": m.text[:200]}


def _moment_of(ev: Event) -> Moment:
    return Moment(MomentKind(ev.moment_kind), ev.year, ev.month, ev.day, ev.age_months,
                  ev.approximate, ev.moment_text)
