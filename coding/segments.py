"""Coded segments: apply, remove and change codings; retrieve them with filters.

A segment is one span of one document by one coder, carrying one or more codes, each with a
valence. Applying a code to exactly the span a coder already coded adds the code to that segment,
so "several codes at once" and "one more code later" give the same result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Select, String, func, select, type_coerce
from sqlalchemy.orm import Session

from coding import rows
from coding.attributes import AttributeManager
from coding.coders import CoderManager, coder_name, coder_names
from coding.codes import CodeManager
from coding.turn_spans import TurnIndex
from coding.types import (
    CodeId,
    CodeInfo,
    Coding,
    DocumentId,
    SegmentFilter,
    SegmentId,
    SegmentInfo,
    SpeakerRole,
    Valence,
)
from models.base import utcnow
from models.errors import NotFoundError, ValidationError
from models.schema import (
    Attribute,
    Case,
    Code,
    Coder,
    Document,
    DocumentAttributeValue,
    Segment,
    SegmentCode,
)
from models.sessions import StoreBase as ProjectStore

# Enum lookups by stored value: converting 20,000 values through SQLAlchemy's Enum type costs
# more than the query itself.
_VALENCES = {v.value: v for v in Valence}
NO_FILTER = SegmentFilter()


# id, document, document name, start, end, coder, memo, key quote, case
_Rows = Select[int, int, str, int, int, str, str, bool, int | None, str]
_ID_CHUNK = 5000  # SQLite allows 32,766 bound parameters; stay well below


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a selection to whole words and trim surrounding white space."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


@dataclass(frozen=True)
class ApplyResult:
    segment_id: SegmentId
    created: bool  # a new segment (False: codes added to an existing one)
    added: tuple[CodeId, ...]  # codes newly linked
    revalued: tuple[tuple[CodeId, Valence], ...]  # codes already linked: their previous valence


class SegmentManager:
    def __init__(self, store: ProjectStore, codes: CodeManager, coders: CoderManager,
                 attributes: AttributeManager, current_coder: Callable[[], str]) -> None:
        self._store = store
        self._codes, self._coders, self._attributes = codes, coders, attributes
        self._current_coder = current_coder

    # -- primitives for commands ---------------------------------------------------------------

    def apply(self, doc_id: DocumentId, start: int, end: int, code_ids: list[CodeId],
              valence: Valence = Valence.NEUTRAAL, coder: str | None = None, memo: str = "",
              segment_id: SegmentId | None = None,
              existing: SegmentId | None | bool = True) -> ApplyResult:
        """Code a span with one or more codes, in one transaction.

        ``existing`` is the coder's segment with exactly this span when the caller already
        looked it up (None: there is none); True (default) looks it up here.
        """
        if not code_ids:
            raise ValidationError("Choose at least one code.")
        coder = coder_name(coder or "") or self._current_coder()
        with self._store.write() as s:
            # One round trip for both checks (on a server each query is a network round trip).
            wanted = set(code_ids)
            found = s.execute(select(
                func.length(Document.text),
                select(func.count()).where(Code.id.in_(wanted)).scalar_subquery(),
                select(func.count()).where(Code.id.in_(wanted), Code.is_codable.is_(True))
                .scalar_subquery(),
            ).where(Document.id == doc_id)).first()
            if found is None:
                raise NotFoundError(f"document {doc_id} does not exist.")
            length, known_count, codable_count = found
            if not 0 <= start < end <= length:
                raise ValidationError(f"span {start}-{end} is empty or outside the document.")
            if known_count != len(wanted) or codable_count != len(wanted):
                known = {cid: codable for cid, codable in s.execute(
                    select(Code.id, Code.is_codable).where(Code.id.in_(code_ids)))}
                if missing := [c for c in code_ids if c not in known]:
                    raise NotFoundError(f"code {missing[0]} does not exist.")
                if folders := [c for c in code_ids if not known[c]]:
                    name = s.scalar(select(Code.name).where(Code.id == folders[0]))
                    raise ValidationError(f"{name!r} is a folder of codes and cannot receive "
                                          f"fragments; choose one of its codes.")
            coder_id = self._coders.ensure_in(s, coder)
            if existing is True:
                seg = s.scalar(select(Segment).where(
                    Segment.document_id == doc_id, Segment.start == start, Segment.end == end,
                    Segment.coder_id == coder_id))
            else:
                seg = s.get(Segment, existing) if existing is not None else None
            created = seg is None
            if seg is None:
                seg = Segment(document_id=doc_id, start=start, end=end, coder_id=coder_id,
                              memo=memo)
                if segment_id is not None:
                    seg.id = segment_id
                s.add(seg)
                s.flush()
                links: dict[int, SegmentCode] = {}  # a new segment has no codes yet
            else:
                links = {sc.code_id: sc for sc in s.scalars(
                    select(SegmentCode).where(SegmentCode.segment_id == seg.id))}
                seg.modified = utcnow()
            added, revalued = [], []
            for code_id in dict.fromkeys(code_ids):
                if code_id in links:
                    if links[code_id].valence != valence:
                        revalued.append((code_id, links[code_id].valence))
                        links[code_id].valence = valence
                else:
                    s.add(SegmentCode(segment_id=seg.id, code_id=code_id, valence=valence))
                    added.append(code_id)
            return ApplyResult(SegmentId(seg.id), created, tuple(added), tuple(revalued))

    def unapply(self, result: ApplyResult) -> None:
        with self._store.write() as s:
            if result.created:
                s.execute(rows.table("segments").delete().where(
                    rows.table("segments").c.id == result.segment_id))
                return
            for code_id in result.added:
                link = s.get(SegmentCode, (result.segment_id, code_id))
                if link is not None:
                    s.delete(link)
            for code_id, valence in result.revalued:
                link = s.get(SegmentCode, (result.segment_id, code_id))
                if link is not None:
                    link.valence = valence

    def snapshot(self, s: Session, segment_ids: list[SegmentId]) -> rows.Snapshot:
        if not segment_ids:  # nothing to capture: spare the two queries (a new coding)
            return [("segments", []), ("segment_codes", [])]
        # One query for both tables (a segment joined to its links): on a server every query
        # is a round trip, and applying a code takes this snapshot each time.
        seg, link = rows.table("segments"), rows.table("segment_codes")
        query = (select(*seg.c, link.c.code_id.label("_code"), link.c.valence.label("_valence"))
                 .outerjoin(link, link.c.segment_id == seg.c.id)
                 .where(seg.c.id.in_(segment_ids)))
        segments: dict[int, rows.Row] = {}
        links: list[rows.Row] = []
        for r in s.execute(query).mappings():
            segments.setdefault(r["id"], {c.name: r[c.name] for c in seg.c})
            if r["_code"] is not None:
                links.append({"segment_id": r["id"], "code_id": r["_code"],
                              "valence": r["_valence"]})
        return [("segments", list(segments.values())), ("segment_codes", links)]

    def remove(self, segment_id: SegmentId, code_id: CodeId | None = None) -> rows.Snapshot:
        """Remove one code from a segment (the segment goes when no code is left), or all."""
        with self._store.write() as s:
            seg = s.get(Segment, segment_id)
            if seg is None:
                raise NotFoundError(f"segment {segment_id} does not exist.")
            snap = self.snapshot(s, [segment_id])
            links = list(s.scalars(select(SegmentCode).where(SegmentCode.segment_id == seg.id)))
            if code_id is None or all(link.code_id == code_id for link in links):
                s.delete(seg)
            else:
                for link in links:
                    if link.code_id == code_id:
                        s.delete(link)
            return snap

    def restore(self, snap: rows.Snapshot) -> None:
        """Put back segments exactly as a snapshot holds them (replacing the current rows)."""
        with self._store.write() as s:
            ids = rows.ids(dict(snap)["segments"])
            s.execute(rows.table("segments").delete().where(rows.table("segments").c.id.in_(ids)))
            rows.restore(s, snap)

    def update(self, segment_id: SegmentId, *, start: int | None = None, end: int | None = None,
               memo: str | None = None, key_quote: bool | None = None) -> rows.Snapshot:
        """Change a segment's span, memo or key-quote flag; returns the snapshot before."""
        with self._store.write() as s:
            seg = s.get(Segment, segment_id)
            if seg is None:
                raise NotFoundError(f"segment {segment_id} does not exist.")
            snap = self.snapshot(s, [segment_id])
            if start is not None or end is not None:
                new_start = seg.start if start is None else start
                new_end = seg.end if end is None else end
                length = s.scalar(select(func.length(Document.text))
                                  .where(Document.id == seg.document_id)) or 0
                if not 0 <= new_start < new_end <= length:
                    raise ValidationError(f"span {new_start}-{new_end} is empty or outside the "
                                          "document.")
                seg.start, seg.end = new_start, new_end
            if memo is not None:
                seg.memo = memo
            if key_quote is not None:
                seg.key_quote = key_quote
            seg.modified = utcnow()
            return snap

    def set_valence(self, segment_id: SegmentId, code_id: CodeId, valence: Valence) -> Valence:
        with self._store.write() as s:
            link = s.get(SegmentCode, (segment_id, code_id))
            if link is None:
                raise NotFoundError(f"segment {segment_id} is not coded with code {code_id}.")
            old, link.valence = link.valence, valence
            return old

    # -- retrieval -----------------------------------------------------------------------------

    def get(self, segment_id: SegmentId) -> SegmentInfo:
        found = self._fetch(segment_ids=[segment_id])
        if not found:
            raise NotFoundError(f"segment {segment_id} does not exist.")
        return found[0]

    def by_guids(self, guids: Iterable[str]) -> dict[str, SegmentInfo]:
        """The fragments with these GUIDs (any case), by lower-case GUID; missing ones left out."""
        wanted = list(dict.fromkeys(g.lower() for g in guids))
        if not wanted:
            return {}
        with self._store.read() as s:
            ids = [SegmentId(i) for i in s.scalars(
                select(Segment.id).where(func.lower(Segment.guid).in_(wanted)))]
        return {info.guid: info for info in self._fetch(segment_ids=ids)} if ids else {}

    def by_ids(self, ids: Iterable[int]) -> list[SegmentInfo]:
        """The fragments with these IDs, in document order (IDs that no longer exist are
        skipped); a matrix cell or a chart bar drills down to its fragments this way."""
        wanted = sorted({int(i) for i in ids})
        found: list[SegmentInfo] = []
        for i in range(0, len(wanted), _ID_CHUNK):
            found.extend(self._fetch(segment_ids=[SegmentId(x) for x in wanted[i:i + _ID_CHUNK]]))
        if len(wanted) > _ID_CHUNK:  # chunks are each ordered; restore the global document order
            order = {d: n for n, d in enumerate(self._document_order())}
            found.sort(key=lambda s: (order.get(s.document_id, 0), s.start, s.end, s.id))
        return found

    def _document_order(self) -> list[int]:
        with self._store.read() as s:
            return list(s.scalars(select(Document.id).order_by(Document.position, Document.id)))

    def for_document(self, doc_id: DocumentId, coders: tuple[str, ...] = ()) -> list[SegmentInfo]:
        return self.query(SegmentFilter(document_ids=(doc_id,), coders=coders))

    def query(self, f: SegmentFilter = NO_FILTER) -> list[SegmentInfo]:
        """Segments matching a filter, in document order then position."""
        return self._fetch(f=f)

    def ids(self, f: SegmentFilter = NO_FILTER) -> list[SegmentId]:
        """The IDs of the segments matching a filter, in the order `query` returns them: a
        long list can show its rows as they scroll into view (`by_ids`), not all at once."""
        with self._store.read() as s:
            q = self._select(s, f, None).with_only_columns(Segment.id)
            return [SegmentId(i) for i in s.connection().execute(q).scalars()]

    def _select(self, s: Session, f: SegmentFilter,
                segment_ids: list[SegmentId] | None) -> _Rows:
        """The filtered, ordered segment rows (one statement for `query`, `ids` and `by_ids`)."""
        q = (select(Segment.id, Segment.document_id, Document.name, Segment.start, Segment.end,
                    Coder.name, Segment.memo, Segment.key_quote, Document.case_id,
                    Segment.guid)
             .join(Document, Document.id == Segment.document_id)
             .join(Coder, Coder.id == Segment.coder_id))
        if segment_ids is not None:
            q = q.where(Segment.id.in_(segment_ids))
        if f.code_ids:
            codes: set[int] = set(f.code_ids)
            if f.include_subcodes:
                for cid in f.code_ids:
                    codes.update(self._codes._descendants(s, cid))
            link_q = select(SegmentCode.segment_id).where(SegmentCode.code_id.in_(codes))
            if f.valences:
                link_q = link_q.where(SegmentCode.valence.in_(f.valences))
            q = q.where(Segment.id.in_(link_q))
        elif f.valences:
            q = q.where(Segment.id.in_(select(SegmentCode.segment_id)
                                       .where(SegmentCode.valence.in_(f.valences))))
        if f.document_ids:
            q = q.where(Segment.document_id.in_(f.document_ids))
        if f.case_ids:
            q = q.where(Document.case_id.in_(f.case_ids))
        if f.coders:
            q = q.where(Coder.name.in_(coder_names(f.coders)))
        if f.key_quotes_only:
            q = q.where(Segment.key_quote.is_(True))
        by_attr: dict[str, list[str]] = {}
        for name, value in f.attributes:
            by_attr.setdefault(name, []).append(value)
        for name, values in by_attr.items():
            q = q.where(Segment.document_id.in_(
                select(DocumentAttributeValue.document_id)
                .join(Attribute, Attribute.id == DocumentAttributeValue.attribute_id)
                .where(Attribute.name == name, DocumentAttributeValue.value.in_(values))))
        return q.order_by(Document.position, Document.id, Segment.start, Segment.end, Segment.id)

    def _fetch(self, f: SegmentFilter = NO_FILTER,
               segment_ids: list[SegmentId] | None = None) -> list[SegmentInfo]:
        with self._store.read() as s:
            conn = s.connection()  # Core rows: the ORM's per-row work cost more than the SQL
            q = self._select(s, f, segment_ids)
            found = conn.execute(q).all()
            if not found:
                return []
            seg_ids = [r[0] for r in found]
            doc_ids = {r[1] for r in found}
            # Slicing in Python is O(1) per fragment; SQL substr() rescans the UTF-8 text.
            texts = dict(conn.execute(select(Document.id, Document.text)
                                      .where(Document.id.in_(doc_ids))).all())
            paths: dict[int, CodeInfo] = {c.id: c for c in self._codes._tree(s)}
            codings: dict[int, list[Coding]] = {}
            for chunk in _chunks(seg_ids, 30000):
                for seg_id, code_id, valence in conn.execute(
                        select(SegmentCode.segment_id, SegmentCode.code_id,
                               type_coerce(SegmentCode.valence, String))
                        .where(SegmentCode.segment_id.in_(chunk))):
                    info = paths[code_id]
                    codings.setdefault(seg_id, []).append(
                        Coding(info.id, info.path, _VALENCES[valence], info.colour))
            order = {cid: i for i, cid in enumerate(paths)}
            turns = TurnIndex.load(s, doc_ids)
            attrs = self._attributes.document_values(s, doc_ids)
            cases = dict(conn.execute(select(Case.id, Case.name)).all())
            out = []
            for sid, did, dname, st, en, coder, memo, kq, case_id, guid in found:
                txt = texts[did][st:en]
                speaker, role = turns.speaker(did, st, en)
                out.append(SegmentInfo(
                    id=SegmentId(sid), document_id=DocumentId(did), document=dname, start=st,
                    end=en, text=txt, coder=coder, memo=memo, key_quote=kq,
                    codings=tuple(sorted(codings.get(sid, []), key=lambda c: order[c.code_id])),
                    speaker=speaker, speaker_role=role, attributes=attrs.get(did, {}),
                    case=cases.get(case_id) if case_id else None, guid=guid.lower(),
                ))
            return out

    def speaker_roles(self, spans: Iterable[tuple[int, int, int]]
                      ) -> list[SpeakerRole | None]:
        """The speaker role of each (document, start, end): the turn holding most of it
        (`coding.turn_spans`), the one rule retrieval, the counts and the chapter share."""
        spans = list(spans)
        with self._store.read() as s:
            turns = TurnIndex.load(s, {d for d, _s, _e in spans})
        return [turns.role(d, st, en) for d, st, en in spans]


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i:i + size] for i in range(0, len(items), size)]
