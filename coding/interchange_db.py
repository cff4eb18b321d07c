"""Between a Duiding project and the tool-neutral ``QdaProject``: ``snapshot`` and ``load_into``.

Why here and not in the managers: an export must read one consistent state and an import must
write everything or nothing (DESIGN.md section 3), across coders, codes, documents, turns,
attributes, cases, segments and memos at once. Both therefore work in one session of the store.
GUIDs come from the models' ``guid`` columns, so repeated exports of a project carry the same GUIDs
and an exported project imports back with its GUIDs intact.

Duiding-only information travels as described in ``exports/qdpx.py``: valence and key quotes as
marker codes with fixed GUIDs (plus one selection per valence when a segment mixes them),
segment memos as selection descriptions, the exact attribute type in the variable's description.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select

from coding.interchange import (
    ImportReport,
    QdaCase,
    QdaCode,
    QdaCoding,
    QdaNote,
    QdaProject,
    QdaSelection,
    QdaSource,
    QdaUser,
    QdaVariable,
    VariableType,
    VariableValue,
    derived_guid,
    normalise_guid,
)
from coding.pseudonymise.guard import assert_export_safe
from coding.types import TurnLike
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

if TYPE_CHECKING:
    from coding.project import Project

VALENCE_GROUP = QdaCode(derived_guid("duiding", "valentie"), "Valentie (Duiding)",
                        description="Valentie van een codering in Duiding.", is_codable=False)
VALENCE_CODES = {
    v: QdaCode(derived_guid("duiding", "valentie", v.value), v.value, VALENCE_GROUP.guid)
    for v in (Valence.POSITIEF, Valence.AANDACHTSPUNT)
}
KEY_QUOTE = QdaCode(derived_guid("duiding", "kernquote"), "Kernquote (Duiding)",
                    description="Fragment gemarkeerd als kernquote in Duiding.")
_TYPE_HINT = "Duiding-attribuut: "




def _upper(guid: str) -> str:
    return normalise_guid(guid)


def _colour(value: str) -> str | None:
    value = value.strip()
    if re.fullmatch(r"#[0-9A-Fa-f]{8}", value):  # #AARRGGBB from Qt: drop alpha
        value = "#" + value[3:]
    return value if re.fullmatch(r"#[0-9A-Fa-f]{6}", value) else None


def _excerpt(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# -- snapshot: Duiding -> QdaProject --------------------------------------------------------------


def _variable(attr: Attribute, values: list[str]) -> tuple[QdaVariable, Callable[[str], VariableValue]]:
    filled = [v for v in values if v != ""]
    vtype, convert = VariableType.TEXT, str
    if attr.type == AttributeType.NUMBER:
        if all(re.fullmatch(r"-?(0|[1-9]\d*)", v) for v in filled):
            vtype, convert = VariableType.INTEGER, int  # type: ignore[assignment]
        elif all(re.fullmatch(r"-?(0|[1-9]\d*)\.\d+", v) for v in filled):
            vtype, convert = VariableType.FLOAT, Decimal  # type: ignore[assignment]
    elif attr.type == AttributeType.DATE and all(_iso_date(v) for v in filled):
        vtype, convert = VariableType.DATE, date.fromisoformat  # type: ignore[assignment]
    hint = _TYPE_HINT + attr.type.value
    if attr.type == AttributeType.CHOICE and attr.choices:
        hint += "\n" + attr.choices
    return QdaVariable(_upper(attr.guid), attr.name, vtype, hint), convert


def _iso_date(value: str) -> bool:
    try:
        return date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def snapshot(project: Project) -> QdaProject:
    """The whole project as a ``QdaProject`` (one consistent read)."""
    with project.store.read() as s:
        info = dict(s.execute(select(ProjectInfo.key, ProjectInfo.value)).all())
        qda = QdaProject(name=info.get("title") or project.title, origin="Duiding")
        try:
            qda.created = datetime.fromisoformat(info.get("created", ""))
        except ValueError:
            qda.created = None
        coders = {c.id: c for c in s.scalars(select(Coder).order_by(Coder.name))}
        qda.users = [QdaUser(_upper(c.guid), c.name) for c in coders.values()]
        codes = list(s.scalars(select(Code).order_by(Code.position, Code.id)))
        by_id = {c.id: c for c in codes}
        children: dict[int | None, list[Code]] = {}
        for code in codes:
            children.setdefault(code.parent_id, []).append(code)

        def walk(parent: int | None) -> None:
            for code in children.get(parent, []):
                qda.codes.append(QdaCode(
                    _upper(code.guid), code.name,
                    _upper(by_id[code.parent_id].guid) if code.parent_id in by_id else None,
                    _colour(code.colour), code.definition))
                walk(code.id)

        walk(None)
        attrs = list(s.scalars(select(Attribute).order_by(Attribute.position, Attribute.id)))
        doc_vals = list(s.scalars(select(DocumentAttributeValue)))
        case_vals = list(s.scalars(select(CaseAttributeValue)))
        converters: dict[int, Callable[[str], VariableValue]] = {}
        for attr in attrs:
            pool = doc_vals if attr.scope == AttributeScope.DOCUMENT else case_vals
            var, converters[attr.id] = _variable(
                attr, [v.value for v in pool if v.attribute_id == attr.id])
            qda.variables.append(var)
        attr_guid = {a.id: _upper(a.guid) for a in attrs}
        docs = list(s.scalars(select(Document).order_by(Document.position, Document.id)))
        doc_guid = {d.id: _upper(d.guid) for d in docs}
        for doc in docs:
            values = {attr_guid[v.attribute_id]: converters[v.attribute_id](v.value)
                      for v in doc_vals if v.document_id == doc.id and v.value != ""}
            qda.sources.append(QdaSource(doc_guid[doc.id], doc.name, doc.text,
                                         created=doc.imported_at.replace(microsecond=0),
                                         values=values))
        for case in s.scalars(select(Case).order_by(Case.name)):
            qda.cases.append(QdaCase(
                _upper(case.guid), case.name,
                values={attr_guid[v.attribute_id]: converters[v.attribute_id](v.value)
                        for v in case_vals if v.case_id == case.id and v.value != ""},
                source_guids=[doc_guid[d.id] for d in docs if d.case_id == case.id]))
        code_guid = {c.id: _upper(c.guid) for c in codes}
        links: dict[int, list[SegmentCode]] = {}
        for link in s.scalars(select(SegmentCode)):
            links.setdefault(link.segment_id, []).append(link)
        used: set[str] = set()
        segments = s.scalars(select(Segment).order_by(Segment.document_id, Segment.start,
                                                     Segment.id))
        texts = {d.id: d.text for d in docs}
        for seg in segments:
            qda.selections.extend(_selections(seg, links.get(seg.id, []), code_guid,
                                              _upper(coders[seg.coder_id].guid),
                                              doc_guid[seg.document_id], texts[seg.document_id],
                                              used))
        markers = [VALENCE_CODES[v] for v in VALENCE_CODES if v.value in used]
        if markers:
            qda.codes += [VALENCE_GROUP, *markers]
        if "kernquote" in used:
            qda.codes.append(KEY_QUOTE)
        case_guid = {c.id: _upper(c.guid) for c in s.scalars(select(Case))}
        for memo in s.scalars(select(Memo).order_by(Memo.id)):
            targets = [g for g in (code_guid.get(memo.code_id or -1),
                                   doc_guid.get(memo.document_id or -1),
                                   case_guid.get(memo.case_id or -1)) if g]
            qda.notes.append(QdaNote(
                _upper(memo.guid), memo.title, memo.text,
                _upper(coders[memo.coder_id].guid) if memo.coder_id in coders else None,
                memo.created.replace(microsecond=0), sorted(targets), not targets))
    # The export guard: nothing from the pseudonym key may leave in any text of the project.
    assert_export_safe(project, _all_strings(qda))
    return qda


def _all_strings(value: object) -> Iterator[str]:
    """Every string inside the interchange model (texts, names, memos, values...)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _all_strings(getattr(value, f.name))
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _all_strings(k)
            yield from _all_strings(v)
    elif isinstance(value, list | tuple | set):
        for item in value:
            yield from _all_strings(item)


def _selections(seg: Segment, links: list[SegmentCode], code_guid: dict[int, str], coder: str,
                source: str, text: str, used: set[str]) -> list[QdaSelection]:
    groups: dict[Valence, list[SegmentCode]] = {}
    for link in sorted(links, key=lambda x: x.code_id):
        groups.setdefault(Valence(link.valence), []).append(link)
    if not groups:
        groups[Valence.NEUTRAAL] = []
    out = []
    created = seg.created.replace(microsecond=0)
    for index, (valence, group) in enumerate(groups.items()):
        guid = _upper(seg.guid) if index == 0 else derived_guid(_upper(seg.guid), valence.value)
        sel = QdaSelection(guid, source, seg.start, seg.end, _excerpt(text[seg.start:seg.end]),
                           seg.memo if index == 0 else "", coder, created)
        markers = [code_guid[link.code_id] for link in group]
        if valence in VALENCE_CODES:
            markers.append(VALENCE_CODES[valence].guid)
            used.add(valence.value)
        if index == 0 and seg.key_quote:
            markers.append(KEY_QUOTE.guid)
            used.add("kernquote")
        sel.codings = [QdaCoding(derived_guid(guid, m), m, coder, created) for m in markers]
        out.append(sel)
    return out


# -- load_into: QdaProject -> Duiding -------------------------------------------------------------


@dataclass
class LoadResult:
    documents: int = 0
    codes: int = 0
    segments: int = 0
    coders: int = 0
    cases: int = 0
    attributes: int = 0
    memos: int = 0


def _marker_of(code: QdaCode, qda: QdaProject) -> str | None:
    """"positief"/"aandachtspunt"/"kernquote"/"group" for Duiding's marker codes, else None."""
    for valence, marker in VALENCE_CODES.items():
        if code.guid == marker.guid:
            return valence.value
    if code.guid == KEY_QUOTE.guid or code.name == KEY_QUOTE.name:
        return "kernquote"
    if code.guid == VALENCE_GROUP.guid or code.name == VALENCE_GROUP.name:
        return "group"
    parent = next((c for c in qda.codes if c.guid == code.parent_guid), None)
    if parent is not None and parent.name == VALENCE_GROUP.name and code.name in (
            "positief", "aandachtspunt", "neutraal"):
        return code.name
    return None


def load_into(project: Project, qda: QdaProject, report: ImportReport,
              turns: Callable[[str], Sequence[TurnLike]] | None = None,
              codes_only: bool = False) -> LoadResult:
    """Store ``qda`` in ``project`` in ONE transaction: all of it, or (on an error) nothing.

    ``turns`` finds speaker turns in a text (the caller passes the importers' turn finder; the
    core cannot import it). ``codes_only`` merges just the codebook (a .qdc import).
    """
    from coding.interchange_load import Loader

    with project.store.write() as s:
        return Loader(s, project, qda, report, turns).run(codes_only)


