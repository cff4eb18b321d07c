"""Merge other coders' `.duiding` projects of the same study into this one.

Why: students code their own copies; the lectorate brings everything together to compare coders
and report. Matching is by identity that survives copying between machines: documents by the
SHA-256 of their content, codes by path (``toegang/wachttijd``), coders and cases by name.
Every coder's segments stay under their own name; memos come along.

Codes whose path is not here are listed by ``plan_merge`` (coding/merge_plan.py) with a suggested
target; the caller passes the chosen ``mapping`` (other path -> our code id, or None to create
the code under its mapped parent). A code below a mapped code is first looked for by name under
the mapped target, so a second merge with the same mapping creates nothing.

Idempotent: a merged segment or memo keeps its GUID, and a segment that already exists with the
same span, document and coder only gains the codes it lacks. Merging the same file twice adds
nothing the second time. The whole merge is one transaction; ``MergeProjects`` is the undoable
command (it snapshots exactly the rows it added, so undo/redo keep the same IDs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coding import rows
from coding.coders import CoderManager, coder_name
from coding.merge_plan import (
    MergePlan,
    SourcePlan,
    Suggestion,
    UnmatchedCode,
    check_sources,
    code_paths,
    path_key,
    plan_merge,
)
from coding.project import Project
from coding.types import Valence
from models.analysis_models import MatrixCell
from models.errors import ValidationError
from models.open import open_store
from models.schema import (
    Attribute,
    Case,
    Code,
    Coder,
    Document,
    DocumentAttributeValue,
    Memo,
    Segment,
    SegmentCode,
    Speaker,
    Turn,
)
from models.sessions import StoreBase

__all__ = [
    "MergePlan", "MergeReport", "SourcePlan", "Suggestion", "UnmatchedCode",
    "merge_projects", "plan_merge",
]

Mapping = dict[str, int | None]


@dataclass
class MergeReport:
    """What a merge brought in (counts for the user, row snapshot for undo)."""

    sources: list[str] = field(default_factory=list)
    documents_added: list[str] = field(default_factory=list)
    documents_matched: int = 0
    codes_added: list[str] = field(default_factory=list)  # paths
    codes_matched: int = 0
    codes_mapped: dict[str, str] = field(default_factory=dict)  # other path -> our path
    codings_mapped: int = 0  # code links that went onto a mapped code of ours
    coders_added: list[str] = field(default_factory=list)
    coders: list[str] = field(default_factory=list)  # every coder whose work came in
    segments_added: int = 0
    codings_added: int = 0  # code links added to segments that already existed
    segments_already_present: int = 0
    memos_added: int = 0
    summaries_added: int = 0
    snapshot: rows.Snapshot = field(default_factory=list, repr=False)

    @property
    def changed(self) -> bool:
        return any(r for _name, r in self.snapshot)

    def as_json(self) -> dict[str, object]:
        return {
            "sources": self.sources,
            "documents_added": self.documents_added,
            "documents_matched": self.documents_matched,
            "codes_added": self.codes_added,
            "codes_matched": self.codes_matched,
            "codes_mapped": self.codes_mapped,
            "codings_mapped": self.codings_mapped,
            "coders_added": self.coders_added,
            "coders": self.coders,
            "segments_added": self.segments_added,
            "codings_added": self.codings_added,
            "segments_already_present": self.segments_already_present,
            "memos_added": self.memos_added,
            "summaries_added": self.summaries_added,
        }


def merge_projects(
    project: Project, others: Sequence[Path | str], mapping: Mapping | None = None
) -> MergeReport:
    """Bring the documents, codes, coders, segments and memos of ``others`` into ``project``.

    ``mapping`` (other code path -> our code id, or None) decides where codes go whose path is
    not here: onto that code, or created under their mapped parent (also for unlisted paths).
    """
    report = MergeReport()
    added: dict[str, list[int]] = {}
    links: list[tuple[int, int]] = []
    wanted = {path_key(k): v for k, v in (mapping or {}).items()}
    stores = []
    try:
        for path in check_sources(project, others):
            stores.append(open_store(path, readonly=True))
        with project.store.write() as s:
            _check_mapping(s, stores, wanted)
            for store in stores:
                with store.read() as o:
                    _merge_one(s, o, report, added, links, wanted)
                report.sources.append(store.name)
            s.flush()
            report.snapshot = _snapshot(s, added, links)
    finally:
        for store in stores:
            store.close()
    return report


def _check_mapping(s: Session, stores: list[StoreBase], wanted: Mapping) -> None:
    """Every mapped path exists in some other project, every target here."""
    theirs: set[str] = set()
    for store in stores:
        with store.read() as o:
            theirs.update(path_key(p) for p in code_paths(o).values())
    unknown = sorted(p for p in wanted if p not in theirs)
    if unknown:
        names = ", ".join(store.name for store in stores)
        raise ValidationError(f"no code {unknown[0]!r} in {names}.")
    for target in wanted.values():
        if target is not None and s.get(Code, target) is None:
            raise ValidationError(f"code {target} does not exist in this project.")


def _merge_one(
    s: Session,
    o: Session,
    report: MergeReport,
    added: dict[str, list[int]],
    links: list[tuple[int, int]],
    mapping: Mapping,
) -> None:
    def note(table: str, row_id: int) -> None:
        added.setdefault(table, []).append(row_id)

    def free(model: type[Code] | type[Case] | type[Segment] | type[Memo], guid: str) -> str | None:
        return guid if s.scalar(select(model.id).where(model.guid == guid)) is None else None

    # Coders by name, in the stored form (coding.coders: the one door for coder identity).
    coder_map: dict[int, int] = {}
    for oc in o.scalars(select(Coder)):
        found_id = CoderManager.find_in(s, oc.name)
        if found_id is None:
            found_id = CoderManager.ensure_in(s, oc.name, colour=oc.colour)
            note("coders", found_id)
            report.coders_added.append(coder_name(oc.name))
        coder_map[oc.id] = found_id

    # Codes, parents first: the mapping's choice, else by name under the (mapped) parent --
    # which is matching by path where nothing is mapped -- else a new code.
    our_paths = code_paths(s)
    siblings = {
        (parent, name.casefold()): cid
        for cid, parent, name in s.execute(select(Code.id, Code.parent_id, Code.name))
    }
    code_map: dict[int, int] = {}
    mapped: set[int] = set()  # their code ids that went onto a mapped code of ours
    theirs = code_paths(o)
    for oid, path in sorted(theirs.items(), key=lambda item: item[1].count("/")):
        chosen = mapping.get(path_key(path))
        if chosen is not None:
            code_map[oid] = chosen
            mapped.add(oid)
            report.codes_mapped[path] = our_paths[chosen]
            continue
        oc2 = o.get(Code, oid)
        assert oc2 is not None
        parent_id = code_map.get(oc2.parent_id) if oc2.parent_id is not None else None
        found_code = siblings.get((parent_id, oc2.name.casefold()))
        if found_code is not None:
            code_map[oid] = found_code
            report.codes_matched += 1
            continue
        code = Code(
            parent_id=parent_id,
            name=oc2.name,
            definition=oc2.definition,
            colour=oc2.colour,
            shortcut=oc2.shortcut,
            position=oc2.position,
            keywords=oc2.keywords,
        )
        if (g := free(Code, oc2.guid)) is not None:
            code.guid = g
        s.add(code)
        s.flush()
        note("codes", code.id)
        code_map[oid] = siblings[(parent_id, oc2.name.casefold())] = code.id
        our_paths[code.id] = code.name if parent_id is None else f"{our_paths[parent_id]}/{code.name}"
        report.codes_added.append(our_paths[code.id])

    # Cases by name.
    case_map: dict[int, int] = {}
    for ocase in o.scalars(select(Case)):
        found_case = s.scalar(select(Case).where(Case.name == ocase.name))
        if found_case is None:
            found_case = Case(name=ocase.name)
            if (g := free(Case, ocase.guid)) is not None:
                found_case.guid = g
            s.add(found_case)
            s.flush()
            note("cases", found_case.id)
        case_map[ocase.id] = found_case.id

    # Documents by content hash.
    doc_map: dict[int, int] = {}
    for od in o.scalars(select(Document).order_by(Document.position)):
        match = s.scalar(select(Document.id).where(Document.sha256 == od.sha256))
        if match is not None:
            doc_map[od.id] = match
            report.documents_matched += 1
            continue
        doc_map[od.id] = _copy_document(s, o, od, case_map, note)
        report.documents_added.append(od.name)

    # Segments under their own coder; GUIDs make a second merge a no-op.
    seen_coders: set[str] = set()
    names = {c.id: coder_name(c.name) for c in o.scalars(select(Coder))}
    for oseg in o.scalars(select(Segment).order_by(Segment.id)):
        seen_coders.add(names[oseg.coder_id])
        codes = o.execute(
            select(SegmentCode.code_id, SegmentCode.valence).where(
                SegmentCode.segment_id == oseg.id
            )
        ).all()
        target = s.scalar(select(Segment).where(Segment.guid == oseg.guid))
        if target is None:
            target = s.scalar(
                select(Segment).where(
                    Segment.document_id == doc_map[oseg.document_id],
                    Segment.start == oseg.start,
                    Segment.end == oseg.end,
                    Segment.coder_id == coder_map[oseg.coder_id],
                )
            )
        if target is None:
            target = Segment(
                guid=oseg.guid,
                document_id=doc_map[oseg.document_id],
                start=oseg.start,
                end=oseg.end,
                coder_id=coder_map[oseg.coder_id],
                memo=oseg.memo,
                key_quote=oseg.key_quote,
                created=oseg.created,
                modified=oseg.modified,
            )
            s.add(target)
            s.flush()
            note("segments", target.id)
            report.segments_added += 1
            for code_id, valence, via_map in _links(codes, code_map, mapped, set()):
                s.add(SegmentCode(segment_id=target.id, code_id=code_id, valence=valence))
                report.codings_mapped += via_map
            continue
        have = set(
            s.scalars(select(SegmentCode.code_id).where(SegmentCode.segment_id == target.id))
        )
        new = _links(codes, code_map, mapped, have)
        if not new:
            report.segments_already_present += 1
        for code_id, valence, via_map in new:
            s.add(SegmentCode(segment_id=target.id, code_id=code_id, valence=valence))
            report.codings_added += 1
            report.codings_mapped += via_map
            if target.id not in added.get("segments", []):
                links.append((target.id, code_id))
    for name in sorted(seen_coders):
        if name not in report.coders:
            report.coders.append(name)

    # Memos: by GUID, or an identical memo on the same target.
    for om in o.scalars(select(Memo).order_by(Memo.id)):
        target_ids = dict(
            code_id=code_map.get(om.code_id) if om.code_id is not None else None,
            document_id=doc_map.get(om.document_id) if om.document_id is not None else None,
            case_id=case_map.get(om.case_id) if om.case_id is not None else None,
        )
        if s.scalar(select(Memo.id).where(Memo.guid == om.guid)) is not None:
            continue
        same = select(Memo.id).where(Memo.text == om.text, Memo.title == om.title)
        for col, value in target_ids.items():
            column = getattr(Memo, col)
            same = same.where(column.is_(None) if value is None else column == value)
        if s.scalar(same) is not None:
            continue
        memo = Memo(
            guid=om.guid,
            title=om.title,
            text=om.text,
            created=om.created,
            modified=om.modified,
            coder_id=coder_map.get(om.coder_id) if om.coder_id is not None else None,
            **target_ids,
        )
        s.add(memo)
        s.flush()
        note("memos", memo.id)
        report.memos_added += 1

    _merge_summaries(s, o, code_map, report, note)


def _links(
    codes: Sequence[tuple[int, Valence]],
    code_map: dict[int, int],
    mapped: set[int],
    have: set[int],
) -> list[tuple[int, Valence, bool]]:
    """Our (code, valence, via the mapping) for their codings, once per code (two of their
    codes mapped onto one of ours make one coding; the first valence wins)."""
    out: list[tuple[int, Valence, bool]] = []
    seen = set(have)
    for code_id, valence in codes:
        ours = code_map[code_id]
        if ours not in seen:
            seen.add(ours)
            out.append((ours, valence, code_id in mapped))
    return out


def _merge_summaries(
    s: Session, o: Session, code_map: dict[int, int], report: MergeReport, note: object
) -> None:
    """Matrix-cell summaries the other project wrote where this one has none."""
    if "matrix_cells" not in _tables(o):
        return
    doc_guid = {og: sg for og, sg in _guid_pairs(o, s, Document, Document.sha256)}
    case_guid = {og: sg for og, sg in _guid_pairs(o, s, Case, Case.name)}
    for cell in o.scalars(select(MatrixCell)):
        key = cell.row_key
        if cell.row_kind == "document":
            key = doc_guid.get(key, key)
        elif cell.row_kind == "case":
            key = case_guid.get(key, key)
        code_id = code_map[cell.code_id]
        exists = s.scalar(
            select(MatrixCell.id).where(
                MatrixCell.row_kind == cell.row_kind,
                MatrixCell.row_key == key,
                MatrixCell.code_id == code_id,
            )
        )
        if exists is not None or not cell.summary:
            continue
        new = MatrixCell(row_kind=cell.row_kind, row_key=key, code_id=code_id, summary=cell.summary)
        s.add(new)
        s.flush()
        assert callable(note)
        note("matrix_cells", new.id)
        report.summaries_added += 1


def _tables(o: Session) -> set[str]:
    from sqlalchemy import inspect

    return set(inspect(o.get_bind()).get_table_names())


def _guid_pairs(
    o: Session, s: Session, model: type[Document] | type[Case], key: object
) -> list[tuple[str, str]]:
    theirs: dict[object, str] = dict(o.execute(select(key, model.guid)).all())  # type: ignore[call-overload]
    mine: dict[object, str] = dict(s.execute(select(key, model.guid)).all())  # type: ignore[call-overload]
    return [(g, mine[k]) for k, g in theirs.items() if k in mine]


def _copy_document(
    s: Session, o: Session, od: Document, case_map: dict[int, int], note: object
) -> int:
    assert callable(note)
    name, n = od.name, 1
    while s.scalar(select(Document.id).where(Document.name == name)) is not None:
        n += 1
        name = f"{od.name} ({n})"
    position = (s.scalar(select(func.max(Document.position))) or 0) + 1
    doc = Document(
        name=name,
        text=od.text,
        source_name=od.source_name,
        format=od.format,
        sha256=od.sha256,
        imported_at=od.imported_at,
        word_count=od.word_count,
        position=position,
        case_id=case_map.get(od.case_id) if od.case_id is not None else None,
    )
    if s.scalar(select(Document.id).where(Document.guid == od.guid)) is None:
        doc.guid = od.guid
    s.add(doc)
    s.flush()
    note("documents", doc.id)
    speaker_map: dict[int, int] = {}
    for sp in o.scalars(select(Speaker).where(Speaker.document_id == od.id)):
        new = Speaker(document_id=doc.id, label=sp.label, role=sp.role)
        s.add(new)
        s.flush()
        speaker_map[sp.id] = new.id
    s.add_all(
        Turn(
            document_id=doc.id,
            ordinal=t.ordinal,
            start=t.start,
            end=t.end,
            speaker_id=speaker_map.get(t.speaker_id) if t.speaker_id is not None else None,
            timestamp_ms=t.timestamp_ms,
        )
        for t in o.scalars(select(Turn).where(Turn.document_id == od.id))
    )
    q = (
        select(Attribute.name, Attribute.type, Attribute.scope, DocumentAttributeValue.value)
        .join(Attribute, Attribute.id == DocumentAttributeValue.attribute_id)
        .where(DocumentAttributeValue.document_id == od.id)
    )
    for attr_name, attr_type, scope, value in o.execute(q):
        attr = s.scalar(
            select(Attribute).where(Attribute.name == attr_name, Attribute.scope == scope)
        )
        if attr is None:
            attr = Attribute(name=attr_name, type=attr_type, scope=scope)
            s.add(attr)
            s.flush()
            note("attributes", attr.id)
        s.add(DocumentAttributeValue(document_id=doc.id, attribute_id=attr.id, value=value))
    return doc.id


def _snapshot(
    s: Session, added: dict[str, list[int]], links: list[tuple[int, int]]
) -> rows.Snapshot:
    t = rows.table
    snap: rows.Snapshot = []
    for name, ids in added.items():
        snap.append((name, rows.capture(s, name, t(name).c.id.in_(ids))))
    docs = added.get("documents", [])
    for child in ("speakers", "turns", "document_attribute_values"):
        snap.append((child, rows.capture(s, child, t(child).c.document_id.in_(docs))))
    segs = added.get("segments", [])
    sc = t("segment_codes")
    captured = rows.capture(s, "segment_codes", sc.c.segment_id.in_(segs))
    for seg_id, code_id in links:
        captured += rows.capture(
            s, "segment_codes", (sc.c.segment_id == seg_id) & (sc.c.code_id == code_id)
        )
    snap.append(("segment_codes", captured))
    return snap
