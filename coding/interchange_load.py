"""Storing a ``QdaProject`` in a Duiding project: all of it in one transaction, or nothing.

Every step looks up what already exists first, so importing into a project that shares a
codebook, coders or documents reuses them, and importing the same file twice adds nothing the
second time:

- a code is known by its GUID, else by its name under the same parent;
- a source is known by its GUID first and its text second: a source whose GUID is new but whose
  text is that of a document already in the project (another tool gave it a new GUID) joins it,
  but two sources with the same text in one file stay two documents;
- a fragment is known by the GUID of any of its selections (a file that writes one selection
  per code has several), else by its span and coder in that document: it then gains the codes it
  lacks instead of being made twice.

Valence markers (``coding.interchange_conventions``) apply to the codes of their own selection;
a marker on a selection of its own (QualCoder writes one selection per coding) applies to the
codes of the other selections over the same span, and several different markers there are
reported instead of guessed. Memos, annotations and groups are stored by
``coding.interchange_load_memos``. Anything that cannot be stored goes into the ``ImportReport``;
an exception rolls everything back.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, insert, select

from coding.documents import count_words
from coding.interchange import (
    ImportReport,
    QdaProject,
    QdaSelection,
    VariableType,
    VariableValue,
    derived_guid,
)
from coding.interchange_conventions import (
    KEY_QUOTE_MARK,
    TYPE_HINT,
    marker_of,
    parse_description,
    strip_qualified,
)
from coding.interchange_load_memos import MemoLoader, load_groups
from coding.interchange_state import LoadResult, LoadState
from coding.project import Project
from coding.speaker_roles import guess_role
from coding.types import TurnLike
from models.base import utcnow
from models.errors import ValidationError
from models.schema import (
    Attribute,
    AttributeScope,
    AttributeType,
    Case,
    CaseAttributeValue,
    Code,
    Document,
    DocumentAttributeValue,
    Segment,
    SegmentCode,
    Speaker,
    Turn,
    Valence,
)

__all__ = ["LoadResult", "load_into"]

_VALENCES = {v.value for v in Valence}


def load_into(project: Project, qda: QdaProject, report: ImportReport,
              turns: Callable[[str], Sequence[TurnLike]] | None = None,
              codes_only: bool = False) -> LoadResult:
    """Store ``qda`` in ``project`` in ONE transaction: all of it, or (on an error) nothing.

    ``turns`` finds speaker turns in a text (the caller passes the importers' turn finder; the
    core cannot import it). ``codes_only`` merges just the codebook and its code groups (.qdc).
    """
    with project.store.write() as s:
        st = LoadState(s, project, qda, report, turns)
        memos = MemoLoader(st)
        _codes(st, memos)
        if not codes_only:
            _documents(st)
            _attributes_and_cases(st)
            _segments(st, memos)
        memos.run(codes_only)
        load_groups(st, codes_only)
        s.flush()
        return st.result


def _text_value(value: VariableValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


# -- codebook ------------------------------------------------------------------------------------


def _codes(st: LoadState, memos: MemoLoader) -> None:
    s, qda, report = st.s, st.qda, st.report
    existing = {g.upper(): i for g, i in s.execute(select(Code.guid, Code.id))}
    by_guid = {c.guid: c for c in qda.codes}
    paths = qda.code_paths()
    coded: dict[str, int] = {}
    for sel in qda.selections:
        for coding in sel.codings:
            coded[coding.code_guid] = coded.get(coding.code_guid, 0) + 1
    joined = 0
    for code in qda.codes:
        parent_code = by_guid.get(code.parent_guid or "")
        marker = marker_of(code, parent_code.name if parent_code else None)
        if marker is not None:
            st.markers[code.guid] = marker
            continue
        definition, code_memos = parse_description(code.description)
        if code.guid in existing:
            st.codes[code.guid] = existing[code.guid]
            memos.code_memos(code.guid, code_memos)
            continue
        parent = st.codes.get(code.parent_guid) if code.parent_guid else None
        name = strip_qualified(code.name, paths.get(code.parent_guid or ""))
        clean = " ".join(name.replace("/", "-").split()) or "(naamloos)"
        if clean != " ".join(name.split()):
            report.warnings.append(f"code {name!r} renamed to {clean!r}")
        same = s.scalar(select(Code.id).where(
            Code.parent_id.is_(None) if parent is None else Code.parent_id == parent,
            func.lower(Code.name) == clean.lower()))
        if same is not None:
            st.codes[code.guid] = same
            joined += 1
            memos.code_memos(code.guid, code_memos)
            continue
        codable = code.is_codable or code.guid in coded
        if not code.is_codable and code.guid in coded:
            report.skip("folder", paths.get(code.guid, clean), "coded_folder",
                        f"a folder with {coded[code.guid]} codings is kept as a code")
        position = (s.scalar(select(func.max(Code.position)).where(
            Code.parent_id.is_(None) if parent is None else Code.parent_id == parent)) or 0)
        row = Code(guid=code.guid.lower(), name=clean, parent_id=parent,
                   colour=code.colour or "#9e9e9e", definition=definition,
                   position=position + 1, is_codable=codable)
        s.add(row)
        s.flush()
        st.codes[code.guid] = row.id
        st.created_codes.add(code.guid)
        memos.code_memos(code.guid, code_memos)
        st.result.codes += 1
    if joined:
        report.counts["codes_joined"] = joined


# -- documents -----------------------------------------------------------------------------------


def _documents(st: LoadState) -> None:
    s, report = st.s, st.report
    by_guid = {g.upper(): i for g, i in s.execute(select(Document.guid, Document.id))}
    by_text: dict[str, list[tuple[int, str]]] = {}
    for doc_id, digest, name in s.execute(select(Document.id, Document.sha256, Document.name)):
        by_text.setdefault(digest, []).append((doc_id, name))
    claimed: set[int] = set()
    digests: dict[str, str] = {}
    for src in st.qda.sources:  # the GUID first ...
        if "\r" in src.text or unicodedata.normalize("NFC", src.text) != src.text:
            raise ValidationError(f"{src.name}: text is not normalised (NFC, \\n line ends).")
        digests[src.guid] = hashlib.sha256(src.text.encode("utf-8")).hexdigest()
        if src.guid in by_guid and by_guid[src.guid] not in claimed:
            st.docs[src.guid] = by_guid[src.guid]
            claimed.add(by_guid[src.guid])
    position = s.scalar(select(func.max(Document.position))) or 0
    for src in st.qda.sources:  # ... the text second
        if src.guid in st.docs:
            continue
        same = [(i, n) for i, n in by_text.get(digests[src.guid], []) if i not in claimed]
        if same:
            st.docs[src.guid] = same[0][0]
            claimed.add(same[0][0])
            report.warnings.append(f"{src.name}: same text as document {same[0][1]!r} in the "
                                   f"project; its codings go there")
            continue
        position += 1
        st.docs[src.guid] = _new_document(st, src.guid, src.name, src.text, digests[src.guid],
                                          position)
    known = len(st.qda.sources) - st.result.documents
    if known:
        report.counts["documents_known"] = known


def _new_document(st: LoadState, guid: str, source_name: str, text: str, digest: str,
                  position: int) -> int:
    s = st.s
    name, n = source_name or "document", 1
    while s.scalar(select(Document.id).where(Document.name == name)) is not None:
        n += 1
        name = f"{source_name} ({n})"
    turns = list(st.turns(text)) if st.turns else []
    doc = Document(guid=guid.lower(), name=name, text=text, source_name=source_name,
                   format="qdpx", sha256=digest, position=position,
                   word_count=sum(count_words(text[t.start:t.end]) for t in turns)
                   if turns else count_words(text))
    s.add(doc)
    s.flush()
    speakers: dict[str, int] = {}
    for i, turn in enumerate(sorted(turns, key=lambda t: t.start), start=1):
        sid = None
        if turn.speaker is not None:
            if turn.speaker not in speakers:
                sp = Speaker(document_id=doc.id, label=turn.speaker,
                             role=guess_role(turn.speaker))
                s.add(sp)
                s.flush()
                speakers[turn.speaker] = sp.id
            sid = speakers[turn.speaker]
        s.add(Turn(document_id=doc.id, ordinal=i, start=turn.start, end=turn.end,
                   speaker_id=sid, timestamp_ms=turn.timestamp_ms))
    st.result.documents += 1
    return doc.id


# -- attributes and cases ------------------------------------------------------------------------


def _attribute(st: LoadState, guid: str, scope: AttributeScope,
               cache: dict[tuple[str, AttributeScope], Attribute | None]) -> Attribute | None:
    if (guid, scope) in cache:
        return cache[guid, scope]
    s = st.s
    var = next((v for v in st.qda.variables if v.guid == guid), None)
    row = None
    if var is not None:
        kind, choices = AttributeType.TEXT, ""
        if var.description.startswith(TYPE_HINT):
            head, _, choices = var.description.partition("\n")
            try:
                kind = AttributeType(head[len(TYPE_HINT):].strip())
            except ValueError:
                kind = AttributeType.TEXT
        elif var.type in (VariableType.INTEGER, VariableType.FLOAT):
            kind = AttributeType.NUMBER
        elif var.type is VariableType.DATE:
            kind = AttributeType.DATE
        row = s.scalar(select(Attribute).where(Attribute.scope == scope,
                                               Attribute.name == var.name))
        if row is None:
            position = s.scalar(select(func.max(Attribute.position))) or 0
            row = Attribute(guid=var.guid.lower(), name=var.name, type=kind, scope=scope,
                            choices=choices, position=position + 1)
            if s.scalar(select(Attribute.id).where(func.upper(Attribute.guid) == var.guid)):
                row.guid = derived_guid(var.guid, scope.value).lower()  # same name, both scopes
            s.add(row)
            s.flush()
            st.result.attributes += 1
    cache[guid, scope] = row
    return row


def _attributes_and_cases(st: LoadState) -> None:
    s = st.s
    cache: dict[tuple[str, AttributeScope], Attribute | None] = {}
    for src in st.qda.sources:
        for guid, value in src.values.items():
            attr = _attribute(st, guid, AttributeScope.DOCUMENT, cache)
            if attr is not None and src.guid in st.docs:
                s.merge(DocumentAttributeValue(document_id=st.docs[src.guid],
                                               attribute_id=attr.id, value=_text_value(value)))
    for case in st.qda.cases:
        name = case.name or f"casus {case.guid[:8].lower()}"
        row = s.scalar(select(Case).where(func.upper(Case.guid) == case.guid))
        row = row or s.scalar(select(Case).where(Case.name == name))
        if row is None:
            row = Case(guid=case.guid.lower(), name=name)
            s.add(row)
            s.flush()
            st.result.cases += 1
        st.cases[case.guid] = row.id
        for guid, value in case.values.items():
            attr = _attribute(st, guid, AttributeScope.CASE, cache)
            if attr is not None:
                s.merge(CaseAttributeValue(case_id=row.id, attribute_id=attr.id,
                                           value=_text_value(value)))
        for member in case.source_guids:
            doc = s.get(Document, st.docs[member]) if member in st.docs else None
            if doc is None:
                continue
            if doc.case_id not in (None, row.id):
                st.report.warnings.append(f"{doc.name}: in more than one case; kept in the first")
                continue
            doc.case_id = row.id


# -- fragments -----------------------------------------------------------------------------------


def _segments(st: LoadState, memos: MemoLoader) -> None:
    s, report = st.s, st.report
    lengths = {src.guid: len(src.text) for src in st.qda.sources}
    groups: dict[tuple[str, int, int, str | None], list[tuple[QdaSelection, list[str]]]] = {}
    for sel in st.qda.selections:
        if sel.source_guid not in st.docs:
            continue
        if not 0 <= sel.start < sel.end <= lengths.get(sel.source_guid, 0):
            report.skip("selection", sel.name or sel.guid, "outside_text")
            continue
        if not sel.codings:
            memos.annotation(sel)
            continue
        by_creator: dict[str | None, list[str]] = {}
        for coding in sel.codings:
            by_creator.setdefault(coding.creator_guid or sel.creator_guid, []).append(
                coding.code_guid)
        for creator, code_guids in by_creator.items():
            key = (sel.source_guid, sel.start, sel.end, creator)
            groups.setdefault(key, []).append((sel, code_guids))
    known = {g.upper(): i for g, i in s.execute(select(Segment.guid, Segment.id))}
    used = set(known)
    # The fragments already in the documents this file touches, by span and coder.
    spans = {(d, a, b, c): i for i, d, a, b, c in s.execute(
        select(Segment.id, Segment.document_id, Segment.start, Segment.end, Segment.coder_id)
        .where(Segment.document_id.in_(set(st.docs.values()))))}
    next_id = (s.scalar(select(func.max(Segment.id))) or 0) + 1
    new_segments: list[dict[str, object]] = []
    new_links: list[dict[str, object]] = []
    pending: dict[int, dict[str, object]] = {}  # new segment id -> its row, not yet inserted
    pending_codes: dict[int, set[int]] = {}
    for (src, start, end, creator), items in groups.items():
        before = next((known[sel.guid] for sel, _ in items if sel.guid in known), None)
        if before is not None:  # imported before: nothing to add
            for sel, _ in items:
                st.segments[sel.guid] = before
            continue
        codes, key_quote = _valences(st, items, (src, start, end))
        memo = "\n\n".join(dict.fromkeys(sel.description for sel, _ in items if sel.description))
        if not codes:
            label = items[0][0].name or f"{start}-{end}"
            report.skip("selection", label, "no_codes",
                        "a fragment with only Duiding's markers has no code to keep")
            continue
        doc_id, coder_id = st.docs[src], st.coder(creator)
        same_id = spans.get((doc_id, start, end, coder_id))
        if same_id is not None:  # the same fragment under other GUIDs: add what it lacks
            if same_id in pending:  # made earlier in this import (two users, one coder name)
                row = pending[same_id]
                row["memo"] = "\n\n".join(dict.fromkeys(str(m) for m in (row["memo"], memo) if m))
                row["key_quote"] = bool(row["key_quote"]) or key_quote
                codes = {c: v for c, v in codes.items() if c not in pending_codes[same_id]}
                pending_codes[same_id].update(codes)
                new_links += [{"segment_id": same_id, "code_id": c, "valence": v}
                              for c, v in codes.items()]
            else:
                same = s.get(Segment, same_id)
                assert same is not None
                _join(st, same, codes, memo, key_quote)
            for sel, _ in items:
                st.segments[sel.guid] = same_id
            continue
        when = next((c.created for sel, _ in items for c in sel.codings if c.created), None)
        guid = items[0][0].guid
        if guid in used:  # one selection coded by two coders: two fragments
            guid = derived_guid(guid, creator or "")
        used.add(guid)
        pending[next_id] = {"id": next_id, "guid": guid.lower(), "document_id": doc_id,
                            "start": start, "end": end, "coder_id": coder_id, "memo": memo,
                            "key_quote": key_quote, "created": when or utcnow(),
                            "modified": when or utcnow()}
        pending_codes[next_id] = set(codes)
        new_segments.append(pending[next_id])
        new_links += [{"segment_id": next_id, "code_id": c, "valence": v}
                      for c, v in codes.items()]
        for sel, _ in items:
            st.segments.setdefault(sel.guid, next_id)
        spans[doc_id, start, end, coder_id] = next_id
        next_id += 1
    if new_segments:
        s.execute(insert(Segment), new_segments)
        s.execute(insert(SegmentCode), new_links)
        st.result.segments += len(new_segments)


def _valences(st: LoadState, items: list[tuple[QdaSelection, list[str]]],
              where: tuple[str, int, int]) -> tuple[dict[int, Valence], bool]:
    """The group's codes with their valence, and whether it is a key quote."""
    codes: dict[int, Valence | None] = {}
    floating: set[str] = set()
    key_quote = False
    for _sel, code_guids in items:
        marks = {st.markers[g] for g in code_guids if g in st.markers}
        key_quote |= KEY_QUOTE_MARK in marks
        valences = marks & _VALENCES
        themes = [st.codes[g] for g in code_guids if g in st.codes]
        if not themes:
            floating |= valences
            continue
        own = Valence(next(iter(valences))) if len(valences) == 1 else None
        if len(valences) > 1:
            _ambiguous(st, where, valences)
        for theme in themes:
            if own is not None or theme not in codes:
                codes[theme] = own
    if len(floating) > 1 and any(v is None for v in codes.values()):
        _ambiguous(st, where, floating)
        floating = set()
    fill = Valence(next(iter(floating))) if floating else Valence.NEUTRAAL
    return {c: v if v is not None else fill for c, v in codes.items()}, key_quote


def _ambiguous(st: LoadState, where: tuple[str, int, int], valences: set[str]) -> None:
    src, start, end = where
    name = next((x.name for x in st.qda.sources if x.guid == src), src)
    text = next((x.text for x in st.qda.sources if x.guid == src), "")[start:end]
    excerpt = " ".join(text.split())[:60]
    st.report.warnings.append(
        f"{name}: several valences ({', '.join(sorted(valences))}) on one fragment "
        f"({excerpt!r}); which code had which cannot be told, so they were left neutraal")


def _join(st: LoadState, seg: Segment, codes: dict[int, Valence], memo: str,
          key_quote: bool) -> None:
    present = set(st.s.scalars(select(SegmentCode.code_id)
                               .where(SegmentCode.segment_id == seg.id)))
    missing = [c for c in codes if c not in present]
    changed = bool(missing)
    if missing:
        st.s.add_all(SegmentCode(segment_id=seg.id, code_id=c, valence=codes[c])
                     for c in missing)
    if memo and memo not in seg.memo:
        seg.memo = "\n\n".join(p for p in (seg.memo, memo) if p)
        changed = True
    if key_quote and not seg.key_quote:
        seg.key_quote = changed = True
    if changed:
        st.report.counts["fragments_joined"] = st.report.counts.get("fragments_joined", 0) + 1
