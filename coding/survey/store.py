"""Storing a prepared questionnaire: every respondent as a document, in one transaction.

This is the bulk twin of `DocumentManager.add_transcript`, with the same rules (normalised text,
turns inside the text, word counts of what respondents wrote, attributes matched by name
case-insensitively) but a handful of statements for the whole file instead of dozens per
document: 2,000 respondents must import in seconds. Undo removes exactly what the import added
(documents cascade to their turns, speakers, attribute values and codings) and redo puts the
same rows back with the same IDs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from coding import rows
from coding.attributes import guess_type
from coding.documents import DuplicateDocumentError, count_words
from coding.project import Project
from coding.survey.mapping import ColumnMapping, PreparedSurvey, Role
from coding.types import AttributeScope, AttributeType, DocumentId, SpeakerRole
from models.base import new_guid, utcnow
from models.errors import ValidationError
from models.schema import Attribute, Document, DocumentAttributeValue, Speaker, Turn
from models.survey_models import SurveyImport, SurveyRespondent

Progress = Callable[[int, int], None]


class DuplicateSurveyError(ValidationError):
    code = "duplicate"


@dataclass
class StoredSurvey:
    """What one import added, for undo and redo."""

    import_id: int
    document_ids: list[DocumentId]
    attribute_ids: list[int]  # attributes the import created
    columns_before: dict[str, dict[str, object]]
    columns_after: dict[str, dict[str, object]] = field(default_factory=dict)
    snapshot: rows.Snapshot = field(default_factory=list)


def _sha(prepared: PreparedSurvey, respondent: str) -> str:
    import hashlib

    return hashlib.sha256(f"{prepared.sha256}\x00{respondent}".encode()).hexdigest()


def store_survey(project: Project, prepared: PreparedSurvey,
                 progress: Progress | None = None) -> StoredSurvey:
    """Store every respondent, the import and the mapping; one transaction (or nothing)."""
    surveys = project.surveys
    with project.store.write() as s:
        earlier = s.scalar(select(SurveyImport).where(SurveyImport.sha256 == prepared.sha256))
        if earlier is not None:
            raise DuplicateSurveyError(f"{prepared.source_name}: this file was already imported "
                                       f"as {earlier.name!r}.")
        name = _free_name(s, prepared.name)
        names = [f"{name}_{r.respondent}" for r in prepared.respondents]
        clash = s.scalar(select(Document.name).where(Document.name.in_(names)).limit(1))
        if clash is not None:
            raise DuplicateDocumentError(f"{prepared.source_name}: a document named {clash!r} "
                                         "already exists.")
        before = surveys.column_states(s)
        imp = SurveyImport(name=name, source_name=prepared.source_name, format=prepared.format,
                           sha256=prepared.sha256, meting=prepared.mapping.meting)
        s.add(imp)
        s.flush()
        attr_ids, created = _ensure_attributes(s, prepared)
        position = s.scalar(select(func.max(Document.position))) or 0
        doc_rows = []
        for i, (r, doc_name) in enumerate(zip(prepared.respondents, names, strict=True)):
            if r.text != unicodedata.normalize("NFC", r.text) or "\r" in r.text:
                raise ValidationError(f"{doc_name}: text is not normalised (NFC, \\n line ends).")
            words = sum(count_words(r.text[a.start:a.end]) for a in r.answers)
            doc_rows.append({"name": doc_name, "text": r.text,
                             "source_name": prepared.source_name, "format": prepared.format,
                             "sha256": _sha(prepared, r.respondent), "word_count": words,
                             "position": position + i + 1, "guid": new_guid(),
                             "imported_at": utcnow(), "case_id": None})
        # Core INSERT ... RETURNING, batched: the ORM unit of work is ten times slower here.
        doc_ids = [int(i) for i in s.scalars(
            insert(Document).returning(Document.id, sort_by_parameter_order=True), doc_rows)]
        if progress is not None:
            progress(1, 4)
        keys = [(doc_id, label) for doc_id, r in zip(doc_ids, prepared.respondents, strict=True)
                for label in dict.fromkeys(a.label for a in r.answers)]
        speaker_ids = [int(i) for i in s.scalars(
            insert(Speaker).returning(Speaker.id, sort_by_parameter_order=True),
            [{"document_id": d, "label": label, "role": SpeakerRole.RESPONDENT}
             for d, label in keys])] if keys else []
        speaker_of = dict(zip(keys, speaker_ids, strict=True))
        turn_rows = [{"document_id": doc_id, "speaker_id": speaker_of[(doc_id, a.label)],
                      "ordinal": n, "start": a.start, "end": a.end, "timestamp_ms": None}
                     for doc_id, r in zip(doc_ids, prepared.respondents, strict=True)
                     for n, a in enumerate(r.answers, start=1)]
        if turn_rows:
            s.execute(insert(Turn), turn_rows)
        if progress is not None:
            progress(2, 4)
        value_rows = [{"document_id": doc_id, "attribute_id": attr_ids[name.casefold()],
                       "value": value}
                      for doc_id, r in zip(doc_ids, prepared.respondents, strict=True)
                      for name, value in r.attributes.items() if value]
        if value_rows:
            s.execute(insert(DocumentAttributeValue), value_rows)
        s.execute(insert(SurveyRespondent), [
            {"document_id": doc_id, "import_id": imp.id, "respondent": r.respondent}
            for doc_id, r in zip(doc_ids, prepared.respondents, strict=True)])
        surveys.save_columns_in(s, list(prepared.mapping.columns))
        after = surveys.column_states(s)
        if progress is not None:
            progress(3, 4)
        return StoredSurvey(imp.id, [DocumentId(d) for d in doc_ids], created, before, after)


def _free_name(s: Session, name: str) -> str:
    taken = set(s.scalars(select(SurveyImport.name)))
    candidate, n = name, 2
    while candidate in taken:
        candidate = f"{name}-{n}"
        n += 1
    return candidate


def _ensure_attributes(s: Session, prepared: PreparedSurvey) -> tuple[dict[str, int], list[int]]:
    """{attribute name (casefolded): id} for every attribute the respondents carry; closed
    items are choice attributes listing their scale; returns the ids created, for undo."""
    wanted: dict[str, ColumnMapping | None] = {}
    for c in prepared.mapping.columns:
        if c.role in (Role.ATTRIBUTE, Role.CLOSED, Role.METING) and c.attribute:
            wanted[c.attribute] = c
    for r in prepared.respondents:
        for name in r.attributes:
            wanted.setdefault(name, None)
    existing = {n.casefold(): (i, t, ch) for i, n, t, ch in s.execute(
        select(Attribute.id, Attribute.name, Attribute.type, Attribute.choices)
        .where(Attribute.scope == AttributeScope.DOCUMENT))}
    position = s.scalar(select(func.max(Attribute.position))) or 0
    ids: dict[str, int] = {}
    created: list[int] = []
    for name, column in wanted.items():
        key = name.casefold()
        if column is not None and column.role == Role.CLOSED and column.scale is not None:
            kind = AttributeType.CHOICE
            choices = list(column.scale.categories) + list(column.scale.missing)
        else:
            values = [r.attributes.get(name, "") for r in prepared.respondents]
            kind, choices = guess_type(values), []
        if key in existing:
            attr_id, old_type, old_choices = existing[key]
            if old_type == AttributeType.CHOICE and choices:
                merged = [c for c in dict.fromkeys(old_choices.split("\n") + choices) if c]
                s.get_one(Attribute, attr_id).choices = "\n".join(merged)
            ids[key] = attr_id
            continue
        position += 1
        attr = Attribute(name=name, type=kind, scope=AttributeScope.DOCUMENT, position=position,
                         choices="\n".join(choices))
        s.add(attr)
        s.flush()
        ids[key] = attr.id
        created.append(attr.id)
    return ids, created


def remove_survey(project: Project, stored: StoredSurvey) -> None:
    """Undo an import: take a snapshot for redo, then delete what it added (one transaction)."""
    with project.store.write() as s:
        t = rows.table
        snap = [("survey_imports", rows.capture(s, "survey_imports",
                                                t("survey_imports").c.id == stored.import_id)),
                ("attributes", rows.capture(s, "attributes",
                                            t("attributes").c.id.in_(stored.attribute_ids)))]
        snap += project.documents.snapshot(stored.document_ids)  # with survey_respondents
        stored.snapshot = snap
        stored.columns_after = project.surveys.column_states(s)
        s.execute(delete(Document).where(Document.id.in_(stored.document_ids)))
        s.execute(delete(SurveyImport).where(SurveyImport.id == stored.import_id))
        s.execute(delete(Attribute).where(Attribute.id.in_(stored.attribute_ids)))
        project.surveys.restore_columns_in(s, stored.columns_before)


def restore_survey(project: Project, stored: StoredSurvey) -> None:
    """Redo an import from its snapshot: the same rows with the same IDs."""
    with project.store.write() as s:
        rows.restore(s, stored.snapshot)
        project.surveys.restore_columns_in(s, stored.columns_after)
