"""A Duiding project as a ``QdaProject``: ``snapshot``, one consistent read for an export.

GUIDs come from the models' ``guid`` columns, so repeated exports of a project carry the same
GUIDs and an exported project imports back with its GUIDs intact. The read uses plain column
tuples (no ORM objects): an export of 8,000 codings must take well under half a second.

Duiding-only information travels as ``coding.interchange_conventions`` describes: valence and key
quotes as marker codes (plus one selection per valence when a fragment mixes them), fragment memos
as the selection's description, every other memo both as a note and in the description of what it
is about, a memo on a passage without a code as a selection without codings, code and document
groups as sets, the exact attribute type in the variable's description. Every element that can
name its creator does: work by its coder, the rest by the project's first coder.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from coding.interchange import (
    QdaCase,
    QdaCode,
    QdaCoding,
    QdaNote,
    QdaProject,
    QdaSelection,
    QdaSet,
    QdaSource,
    QdaUser,
    QdaVariable,
    VariableType,
    VariableValue,
    derived_guid,
)
from coding.interchange_conventions import (
    KEY_QUOTE,
    TYPE_HINT,
    VALENCE_CODES,
    VALENCE_GROUP,
    MemoText,
    code_description,
    memos_description,
)
from coding.memo_text import QuoteText, flatten, references
from coding.project import Project
from coding.pseudonymise.guard import assert_export_safe
from models.group_models import CodeGroupMember, DocumentGroupMember, Group, GroupKind
from models.schema import (
    Attribute,
    AttributeScope,
    AttributeType,
    Case,
    CaseAttributeValue,
    Code,
    Coder,
    Document,
    DocumentAttributeValue,
    Memo,
    ProjectInfo,
    Segment,
    SegmentCode,
    Valence,
)

__all__ = ["snapshot"]


def _colour(value: str) -> str | None:
    value = value.strip()
    if re.fullmatch(r"#[0-9A-Fa-f]{8}", value):  # #AARRGGBB from Qt: drop alpha
        value = "#" + value[3:]
    return value if re.fullmatch(r"#[0-9A-Fa-f]{6}", value) else None


def _excerpt(text: str, limit: int = 80) -> str:
    flat = " ".join(text[: limit * 3].split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _stamp(column: Any) -> Any:
    """A DateTime column read as the database gives it (SQLite: text), parsed by ``_second``:
    SQLAlchemy's own parsing of 6,000 time stamps costs more than the rest of the read."""
    return type_coerce(column, String())


@functools.lru_cache(maxsize=4096)
def _second(value: str | datetime) -> datetime:
    parsed = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return parsed.replace(microsecond=0)


def _iso_date(value: str) -> bool:
    try:
        return date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _variable(attr: Attribute, values: list[str]) -> tuple[QdaVariable, Callable[[str], VariableValue]]:
    filled = [v for v in values if v != ""]
    vtype: VariableType = VariableType.TEXT
    convert: Callable[[str], VariableValue] = str
    if attr.type == AttributeType.NUMBER:
        if all(re.fullmatch(r"-?(0|[1-9]\d*)", v) for v in filled):
            vtype, convert = VariableType.INTEGER, int
        elif all(re.fullmatch(r"-?(0|[1-9]\d*)\.\d+", v) for v in filled):
            vtype, convert = VariableType.FLOAT, Decimal
    elif attr.type == AttributeType.DATE and all(_iso_date(v) for v in filled):
        vtype, convert = VariableType.DATE, date.fromisoformat
    hint = TYPE_HINT + attr.type.value
    if attr.type == AttributeType.CHOICE and attr.choices:
        hint += "\n" + attr.choices
    return QdaVariable(attr.guid.upper(), attr.name, vtype, hint), convert


def snapshot(project: Project) -> QdaProject:
    """The whole project as a ``QdaProject`` (one consistent read), checked by the export guard."""
    with project.store.read() as s:
        qda = _read(s, project)
    # The export guard: nothing from the pseudonym key may leave in any text of the project.
    assert_export_safe(project, _strings(qda))
    return qda


def _read(s: Session, project: Project) -> QdaProject:
    info = {k: v for k, v in s.execute(select(ProjectInfo.key, ProjectInfo.value))}
    qda = QdaProject(name=info.get("title") or project.title, origin="Duiding")
    try:
        qda.created = datetime.fromisoformat(info.get("created", ""))
    except ValueError:
        qda.created = None
    coders = {i: (g.upper(), n) for i, g, n in s.execute(
        select(Coder.id, Coder.guid, Coder.name).order_by(Coder.id))}
    if coders:
        owner = next(iter(coders.values()))[0]
    else:  # nobody coded yet: whoever exports owns the sources
        owner = derived_guid("coder", project.coder)
        coders[0] = (owner, project.coder)
    qda.users = sorted((QdaUser(g, n) for g, n in coders.values()), key=lambda u: u.name)
    qda.creator_guid = owner
    memos = _memos(s, coders)
    code_guid = _codes(s, qda, memos)
    docs, case_guids = _documents_and_cases(s, qda, owner, memos)
    _segments(s, qda, code_guid, docs, {i: g for i, (g, _) in coders.items()})
    _notes(qda, memos, code_guid, docs, case_guids, owner)
    _groups(s, qda, code_guid, docs)
    return qda


@dataclass(slots=True)
class _Memo:
    guid: str
    title: str
    text: str
    coder: str | None
    created: datetime
    code: int | None
    doc: int | None
    case: int | None
    start: int | None
    end: int | None

    def text_of(self) -> MemoText:
        return MemoText(self.title, self.text)


def _memos(s: Session, coders: dict[int, tuple[str, str]]) -> list[_Memo]:
    """Every memo, its Markdown flattened to readable plain text (REFI-QDA carries no markup);
    a reference to a fragment becomes the fragment's words in quotation marks."""
    rows = list(s.execute(select(Memo.guid, Memo.title, Memo.text, Memo.coder_id,
                                 _stamp(Memo.created).label("created"), Memo.code_id,
                                 Memo.document_id, Memo.case_id, Memo.start, Memo.end)
                          .order_by(Memo.id)))
    wanted = {g for r in rows for g in references(r.text)}
    quotes: dict[str, str] = {}
    if wanted:
        for guid, start, end, text in s.execute(
                select(Segment.guid, Segment.start, Segment.end, Document.text)
                .join(Document, Document.id == Segment.document_id)
                .where(func.lower(Segment.guid).in_(wanted))):
            quotes[guid.lower()] = f"“{' '.join(text[start:end].split())}”"
    quote: QuoteText = lambda ref: quotes.get(ref.guid)  # noqa: E731 - one line, one use
    return [_Memo(r.guid.upper(), r.title, flatten(r.text, quote),
                  coders[r.coder_id][0] if r.coder_id in coders else None,
                  _second(r.created), r.code_id, r.document_id, r.case_id, r.start, r.end)
            for r in rows]


def _codes(s: Session, qda: QdaProject, memos: list[_Memo]) -> dict[int, str]:
    rows = list(s.execute(select(Code.id, Code.guid, Code.parent_id, Code.name, Code.colour,
                                 Code.definition, Code.is_codable)
                          .order_by(Code.position, Code.id)))
    code_guid = {r.id: r.guid.upper() for r in rows}
    on_code: dict[int, list[MemoText]] = {}
    for memo in memos:
        if memo.code is not None:
            on_code.setdefault(memo.code, []).append(memo.text_of())
    children: dict[int | None, list[Any]] = {}
    for r in rows:
        children.setdefault(r.parent_id, []).append(r)

    def walk(parent: int | None) -> None:
        for r in children.get(parent, []):
            qda.codes.append(QdaCode(
                r.guid.upper(), r.name,
                code_guid.get(r.parent_id) if r.parent_id is not None else None,
                _colour(r.colour), code_description(r.definition, on_code.get(r.id, [])),
                bool(r.is_codable)))
            walk(r.id)

    walk(None)
    return code_guid


def _documents_and_cases(s: Session, qda: QdaProject, owner: str, memos: list[_Memo]
                         ) -> tuple[dict[int, tuple[str, str]], dict[int, str]]:
    attrs = list(s.scalars(select(Attribute).order_by(Attribute.position, Attribute.id)))
    doc_vals = list(s.execute(select(DocumentAttributeValue.document_id,
                                     DocumentAttributeValue.attribute_id,
                                     DocumentAttributeValue.value)))
    case_vals = list(s.execute(select(CaseAttributeValue.case_id, CaseAttributeValue.attribute_id,
                                      CaseAttributeValue.value)))
    converters: dict[int, Callable[[str], VariableValue]] = {}
    for attr in attrs:
        pool = doc_vals if attr.scope == AttributeScope.DOCUMENT else case_vals
        var, converters[attr.id] = _variable(attr, [v for _, a, v in pool if a == attr.id])
        qda.variables.append(var)
    attr_guid = {a.id: a.guid.upper() for a in attrs}
    values: dict[int, dict[str, VariableValue]] = {}
    for doc_id, attr_id, value in doc_vals:
        if value != "":
            values.setdefault(doc_id, {})[attr_guid[attr_id]] = converters[attr_id](value)
    on_doc: dict[int, list[MemoText]] = {}
    on_case: dict[int, list[MemoText]] = {}
    for memo in memos:
        if memo.doc is not None and memo.start is None:
            on_doc.setdefault(memo.doc, []).append(memo.text_of())
        if memo.case is not None:
            on_case.setdefault(memo.case, []).append(memo.text_of())
    docs: dict[int, tuple[str, str]] = {}
    members: dict[int, list[str]] = {}
    for r in s.execute(select(Document.id, Document.guid, Document.name, Document.text,
                              _stamp(Document.imported_at).label("imported_at"),
                              Document.case_id)
                       .order_by(Document.position, Document.id)):
        guid = r.guid.upper()
        docs[r.id] = (guid, r.text)
        if r.case_id is not None:
            members.setdefault(r.case_id, []).append(guid)
        qda.sources.append(QdaSource(guid, r.name, r.text,
                                     memos_description(on_doc.get(r.id, [])), owner,
                                     _second(r.imported_at), values.get(r.id, {})))
    case_values: dict[int, dict[str, VariableValue]] = {}
    for case_id, attr_id, value in case_vals:
        if value != "":
            case_values.setdefault(case_id, {})[attr_guid[attr_id]] = converters[attr_id](value)
    case_guids: dict[int, str] = {}
    for cid, guid, name in s.execute(select(Case.id, Case.guid, Case.name).order_by(Case.name)):
        case_guids[cid] = guid.upper()
        qda.cases.append(QdaCase(guid.upper(), name, memos_description(on_case.get(cid, [])),
                                 case_values.get(cid, {}), members.get(cid, [])))
    return docs, case_guids


def _segments(s: Session, qda: QdaProject, code_guid: dict[int, str],
              docs: dict[int, tuple[str, str]], coder_guid: dict[int, str]) -> None:
    links: dict[int, list[tuple[int, Valence]]] = {}
    for seg_id, code_id, valence in s.execute(
            select(SegmentCode.segment_id, SegmentCode.code_id, SegmentCode.valence)
            .order_by(SegmentCode.segment_id, SegmentCode.code_id)):
        links.setdefault(seg_id, []).append((code_id, Valence(valence)))
    used: set[str] = set()
    for r in s.execute(select(Segment.id, Segment.guid, Segment.document_id, Segment.start,
                              Segment.end, Segment.coder_id, Segment.memo, Segment.key_quote,
                              _stamp(Segment.created).label("created"))
                       .order_by(Segment.document_id, Segment.start, Segment.id)):
        source, text = docs[r.document_id]
        groups: dict[Valence, list[int]] = {}
        for code_id, valence in links.get(r.id, []):
            groups.setdefault(valence, []).append(code_id)
        if not groups:
            groups[Valence.NEUTRAAL] = []
        mixed = len(groups) > 1
        coder, created = coder_guid[r.coder_id], _second(r.created)
        name = _excerpt(text[r.start:r.end])
        for index, (valence, group) in enumerate(groups.items()):
            guid = r.guid.upper() if index == 0 else derived_guid(r.guid.upper(), valence.value)
            markers = [code_guid[c] for c in group]
            if valence is not Valence.NEUTRAAL or mixed:  # neutraal is said only when it differs
                markers.append(VALENCE_CODES[valence].guid)
                used.add(valence.value)
            if index == 0 and r.key_quote:
                markers.append(KEY_QUOTE.guid)
                used.add("kernquote")
            qda.selections.append(QdaSelection(
                guid, source, r.start, r.end, name, r.memo if index == 0 else "", coder, created,
                [QdaCoding(derived_guid(guid, m), m, coder, created) for m in markers]))
    marker_codes = [VALENCE_CODES[v] for v in VALENCE_CODES if v.value in used]
    if marker_codes:
        qda.codes += [VALENCE_GROUP, *marker_codes]
    if "kernquote" in used:
        qda.codes.append(KEY_QUOTE)


def _notes(qda: QdaProject, memos: list[_Memo], code_guid: dict[int, str],
           docs: dict[int, tuple[str, str]], case_guids: dict[int, str], owner: str) -> None:
    project_memos: list[MemoText] = []
    for memo in memos:
        target: str | None = None
        if memo.code is not None:
            target = code_guid[memo.code]
        elif memo.doc is not None and memo.start is not None and memo.end is not None:
            source, text = docs[memo.doc]  # a memo on a passage: a selection without codes
            target = derived_guid(memo.guid, "span")
            qda.selections.append(QdaSelection(
                target, source, memo.start, memo.end, _excerpt(text[memo.start:memo.end]),
                memo.text, memo.coder or owner, memo.created))
        elif memo.doc is not None:
            target = docs[memo.doc][0]
        elif memo.case is not None:
            target = case_guids[memo.case]
        else:
            project_memos.append(memo.text_of())
        qda.notes.append(QdaNote(memo.guid, memo.title, memo.text, memo.coder or owner,
                                 memo.created, [target] if target else [], target is None))
    qda.description = memos_description(project_memos)


def _groups(s: Session, qda: QdaProject, code_guid: dict[int, str],
            docs: dict[int, tuple[str, str]]) -> None:
    members: dict[int, list[str]] = {}
    for gid, cid in s.execute(select(CodeGroupMember.group_id, CodeGroupMember.code_id)
                              .order_by(CodeGroupMember.code_id)):
        members.setdefault(gid, []).append(code_guid[cid])
    for gid, did in s.execute(select(DocumentGroupMember.group_id,
                                     DocumentGroupMember.document_id)
                              .order_by(DocumentGroupMember.document_id)):
        members.setdefault(gid, []).append(docs[did][0])
    for gid, guid, kind, name, description in s.execute(
            select(Group.id, Group.guid, Group.kind, Group.name, Group.description)
            .order_by(Group.kind, Group.position, Group.name)):
        found = members.get(gid, [])
        qda.sets.append(QdaSet(guid.upper(), name, description,
                               found if kind == GroupKind.CODE else [],
                               found if kind == GroupKind.DOCUMENT else []))


def _strings(qda: QdaProject) -> Iterator[str]:
    """Every text the export will carry: names, texts, memos, descriptions, values."""
    yield qda.name
    yield qda.description
    for u in qda.users:
        yield u.name
    for c in qda.codes:
        yield c.name
        yield c.description
    for v in qda.variables:
        yield v.name
        yield v.description
    for case in qda.cases:
        yield case.name
        yield case.description
        yield from (str(x) for x in case.values.values())
    for src in qda.sources:
        yield src.name
        yield src.text
        yield src.description
        yield from (str(x) for x in src.values.values())
    for sel in qda.selections:
        yield sel.name
        yield sel.description
    for note in qda.notes:
        yield note.name
        yield note.text
    for st in qda.sets:
        yield st.name
        yield st.description

