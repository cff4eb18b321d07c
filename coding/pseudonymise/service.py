"""Pseudonymisation over a project: name list, detection, review state, apply (undoable), key.

Flow (issue 6): the researcher enters or imports the names they know; :func:`detect` runs the
detectors over every document and returns entities for review (with earlier decisions and chosen
replacements restored from the key); :func:`save_review` stores those decisions in the
``pseudonyms`` table (the key, never exported); :class:`ApplyPseudonyms` rewrites every document
text and shifts every turn and coding in ONE transaction, and can be undone until
:func:`confirm` is called. Exporters call :func:`coding.pseudonymise.guard.assert_export_safe`
with the project to refuse any text that still holds an original (or a detected name that was
never applied). The name list lives in :mod:`coding.pseudonymise.names`, the attribute choices
in :mod:`coding.pseudonymise.attributes`, the key's statuses in :mod:`coding.pseudonymise.key`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, inspect, select

from coding.commands import Command
from coding.documents import count_words
from coding.project import Project
from coding.pseudonymise import attributes as attrs
from coding.pseudonymise import coverage
from coding.pseudonymise.apply import apply_replacements
from coding.pseudonymise.detect import detect_project
from coding.pseudonymise.entities import (
    LABELS,
    Decision,
    Entity,
    flag_identities,
    group_mentions,
    merge,
    replacements_for,
)
from coding.pseudonymise.guard import assert_export_safe
from coding.pseudonymise.key import (
    STATUS_APPLIED,
    STATUS_CONFIRMED,
    STATUS_PROPOSED,
    STATUS_REJECTED,
    originals,
)
from coding.pseudonymise.matching import FormMatcher
from coding.pseudonymise.model import Mention, Source
from coding.pseudonymise.names import add_names, names, read_names_file
from coding.types import Changes
from models.analysis_models import MatrixCell
from models.errors import ValidationError
from models.event_models import Event
from models.schema import (
    Attribute,
    CaseAttributeValue,
    Document,
    DocumentAttributeValue,
    Memo,
    Pseudonym,
    Segment,
    Turn,
)

__all__ = [
    "STATUS_APPLIED", "STATUS_CONFIRMED", "STATUS_PROPOSED", "STATUS_REJECTED",
    "ApplyPseudonyms", "ConfirmPseudonyms", "add_names", "applied_unconfirmed", "assert_export_safe", "attribute_source", "confirm",
    "detect", "names", "originals", "read_names_file", "save_review",
]


# -- detection and review -----------------------------------------------------------------------


def detect(project: Project, *, use_deduce: bool = True) -> list[Entity]:
    """Entities over all documents, with decisions and replacements from the key restored.

    Attribute values are looked at only for attributes marked identifying (what is found in
    them is then looked for in every text). The study's municipalities are left alone.
    """
    docs = project.documents.list()
    texts = {d.name: project.documents.text(d.id) for d in docs}
    flags = attrs.identifying(project)
    entries = list(names(project))
    for d in docs:
        for attr, value in d.attributes.items():
            if flags.get(attr) and value.strip():
                texts[attribute_source(d.name, attr)] = value
    found = detect_project(texts, entries, use_deduce=use_deduce,
                           public=attrs.public_names(project))
    for d in docs:  # an identifying value nothing recognised is replaced as a whole
        for attr, value in d.attributes.items():
            source = attribute_source(d.name, attr)
            if source in found and not found[source]:
                clean = value.strip()
                start = value.index(clean)
                found[source] = [Mention(start, start + len(clean), clean, attrs.type_of(attr),
                                         Source.NAME_LIST)]
    entities = group_mentions(found)
    with project.store.read() as s:
        key = {
            (e, t): (r, st)
            for e, t, r, st in s.execute(
                select(Pseudonym.entity, Pseudonym.type, Pseudonym.pseudonym, Pseudonym.status)
            )
        }
    restored: set[int] = set()
    for entity in entities:
        for form in entity.forms:
            saved = key.get((form, entity.type.value))
            if saved is not None:
                entity.replacement = saved[0]
                entity.decision = (
                    Decision.REJECTED if saved[1] == STATUS_REJECTED else Decision.ACCEPTED
                )
                restored.add(entity.key)
                break
    entities = _after_restore(entities, restored)
    flag_identities(entities, texts)
    return entities


def _after_restore(entities: list[Entity], restored: set[int]) -> list[Entity]:
    """Entities the review merged share a saved replacement: merge them again. New entities
    get a number no restored entity uses, so nothing merges by accident."""
    by_label: dict[tuple[str, str], int] = {}
    for entity in list(entities):
        if entity.key not in restored:
            continue
        twin = by_label.setdefault((entity.type.value, entity.replacement), entity.key)
        if twin != entity.key:
            entities = merge(entities, twin, [entity.key])
    used = {e.replacement for e in entities if e.key in restored}
    counters: dict[str, int] = {}
    for entity in entities:
        if entity.key in restored or entity.replacement not in used:
            continue
        label = LABELS[entity.type]
        n = counters.get(label, 0)
        while True:
            n += 1
            if f"[{label} {n}]" not in used:
                break
        counters[label] = n
        entity.replacement = f"[{label} {n}]"
        used.add(entity.replacement)
    return entities


def attribute_source(document: str, attribute: str) -> str:
    """How a mention found in an attribute value is labelled in the review."""
    return f"{document} [{attribute}]"


def save_review(project: Project, entities: Sequence[Entity]) -> None:
    """Store decisions and replacements in the key (one row per surface form)."""
    with project.store.write() as s:
        for entity in entities:
            status = STATUS_REJECTED if entity.decision == Decision.REJECTED else STATUS_PROPOSED
            for form in entity.forms:
                row = s.scalar(
                    select(Pseudonym).where(
                        Pseudonym.entity == form, Pseudonym.type == entity.type.value
                    )
                )
                if row is None:
                    s.add(
                        Pseudonym(
                            entity=form,
                            type=entity.type.value,
                            pseudonym=entity.replacement,
                            status=status,
                        )
                    )
                elif row.status not in (STATUS_APPLIED, STATUS_CONFIRMED):
                    row.pseudonym, row.status = entity.replacement, status


# -- applying -----------------------------------------------------------------------------------


class ApplyPseudonyms(Command):
    """Rewrite all document texts and shift every turn and coding; undoable until confirmed.

    Every document the detection looked at is recorded as pseudonymised (also one in which
    nothing was found), so exports stop asking about it; undo removes exactly those records.
    ``documents`` names what the detection covered (the review shows detections made a while
    ago); None means every document in the project (detection and apply in one go, the CLI).
    """

    kind = "pseudonymise"

    def __init__(self, entities: Sequence[Entity],
                 documents: Sequence[str] | None = None) -> None:
        super().__init__()
        self.documents = None if documents is None else list(documents)
        self._marked: list[int] = []
        self.entities = [e for e in entities if e.decision != Decision.REJECTED]
        self.forms = [(f, e.type.value, e.replacement) for e in self.entities for f in e.forms]
        # per document: its text, word count, and every span on it as (model, id, start, end)
        self._before: dict[int, tuple[str, int, list[tuple[Any, int, int, int]]]] = {}
        self._key_before: list[tuple[str, str, str, str]] = []
        self._fields_before: list[tuple[Any, Any, str, str]] = []
        self.detail = str(len(self.entities))
        self.identifying: dict[str, bool] = {}

    def do(self, p: Project) -> Changes:
        changes = Changes(documents=True, attributes=True, memos=True, events=True)
        self.identifying = attrs.identifying(p)
        with p.store.write() as s:
            self._key_before = [
                (r.entity, r.type, r.pseudonym, r.status) for r in s.scalars(select(Pseudonym))
            ]
            for doc in s.scalars(select(Document)):
                reps = replacements_for(self.entities, doc.name)
                if not reps:
                    continue
                rows = self._spans_of(s, doc.id)
                self._before[doc.id] = (doc.text, doc.word_count,
                                        [(type(r), r.id, r.start, r.end) for r in rows])
                text, shifted = apply_replacements(doc.text, reps,
                                                   [(r.start, r.end) for r in rows])
                doc.text, doc.word_count = text, count_words(text)
                for row, (start, end) in zip(rows, shifted, strict=True):
                    row.start, row.end = start, end
                changes.segments.add(doc.id)  # type: ignore[arg-type]
            self._rewrite_fields(s)
            self._write_key(s, STATUS_APPLIED)
            covered = select(Document.id)
            if self.documents is not None:
                covered = covered.where(Document.name.in_(self.documents))
            self._marked = coverage.mark(s, s.scalars(covered))
        return changes

    @staticmethod
    def _spans_of(s: Any, doc_id: int) -> list[Any]:
        """Everything that points into a document's text: turns, fragments, help-history
        events and memos on a passage. Each moves with the words it covers."""
        return [
            *s.scalars(select(Turn).where(Turn.document_id == doc_id)),
            *s.scalars(select(Segment).where(Segment.document_id == doc_id)),
            *s.scalars(select(Event).where(Event.document_id == doc_id)),
            *s.scalars(select(Memo).where(Memo.document_id == doc_id,
                                          Memo.start.is_not(None), Memo.end.is_not(None))),
        ]

    def _rewrite_fields(self, s: Any) -> None:
        """Names also live outside the texts: attribute values (a docx metadata table's
        "Respondent: Nadia Ouali"), memos, fragment and event memos, matrix cell summaries.
        Replace them there too, whole words, longest form first, and remember the old values
        for undo."""
        self._fields_before = []
        lookup = {form: repl for form, _t, repl in self.forms}
        matcher = FormMatcher(lookup)
        if not matcher.forms:
            return

        def rewrite(text: str) -> str:
            out, cursor = [], 0
            for hit in matcher.finditer(text):
                out += [text[cursor:hit.start], lookup[hit.form]]
                cursor = hit.end
            return "".join(out) + text[cursor:]

        identifying = {a.id for a in s.scalars(select(Attribute))
                       if self.identifying.get(a.name)}
        for model, column in ((DocumentAttributeValue, "value"), (CaseAttributeValue, "value"),
                              (Memo, "text"), (Memo, "title"), (Segment, "memo"),
                              (Event, "memo"), (Event, "moment_text"), (MatrixCell, "summary")):
            for row in s.scalars(select(model)):
                if model in (DocumentAttributeValue, CaseAttributeValue) and (
                        row.attribute_id not in identifying):
                    continue  # structural attributes (meting, gemeente...) stay
                old = getattr(row, column)
                new = rewrite(old) if old else old
                if new != old:
                    self._fields_before.append((model, inspect(row).identity, column, old))
                    setattr(row, column, new)

    def _restore_fields(self, s: Any) -> None:
        for model, identity, column, old in self._fields_before:
            row = s.get(model, identity)
            if row is not None:
                setattr(row, column, old)

    def _write_key(self, s: Any, status: str) -> None:
        for form, type_, replacement in self.forms:
            row = s.scalar(
                select(Pseudonym).where(Pseudonym.entity == form, Pseudonym.type == type_)
            )
            if row is None:
                s.add(Pseudonym(entity=form, type=type_, pseudonym=replacement, status=status))
            else:
                row.pseudonym, row.status = replacement, status

    def undo(self, p: Project) -> Changes:
        if any(status == STATUS_CONFIRMED for *_, status in self._current_key(p)):
            raise PermissionError("pseudonymisation was confirmed and can no longer be undone")
        changes = Changes(documents=True, attributes=True, memos=True, events=True)
        with p.store.write() as s:
            for doc_id, (text, words, spans) in self._before.items():
                doc = s.get(Document, doc_id)
                assert doc is not None
                doc.text, doc.word_count = text, words
                for model, row_id, start, end in spans:
                    row = s.get(model, row_id)
                    if row is not None:
                        row.start, row.end = start, end
                changes.segments.add(doc_id)  # type: ignore[arg-type]
            self._restore_fields(s)
            coverage.unmark(s, self._marked)
            s.execute(delete(Pseudonym))
            s.add_all(
                Pseudonym(entity=e, type=t, pseudonym=r, status=st)
                for e, t, r, st in self._key_before
            )
        return changes

    @staticmethod
    def _current_key(p: Project) -> list[tuple[str, str]]:
        with p.store.read() as s:
            return [(e, st) for e, st in s.execute(select(Pseudonym.entity, Pseudonym.status))]


class ConfirmPseudonyms(Command):
    """Make the applied pseudonymisation final: not undoable (older steps hold positions in the
    original texts, so whoever runs it clears the undo history)."""

    kind = "confirm_pseudonyms"
    undoable = False

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def do(self, p: Project) -> Changes:
        self.count = confirm(p)
        return Changes(documents=True)

    def undo(self, p: Project) -> Changes:
        raise ValidationError("Confirmed pseudonyms cannot be undone.")


def confirm(project: Project) -> int:
    """Make the applied pseudonymisation final (no undo); returns the number of key entries."""
    with project.store.write() as s:
        rows = list(s.scalars(select(Pseudonym).where(Pseudonym.status == STATUS_APPLIED)))
        for row in rows:
            row.status = STATUS_CONFIRMED
    project.set_info("pseudonymised", "confirmed")
    return len(rows)


def applied_unconfirmed(project: Project) -> int:
    """How many key entries were applied but not yet confirmed (the apply can still be undone)."""
    with project.store.read() as s:
        count = s.scalar(select(func.count()).where(Pseudonym.status == STATUS_APPLIED))
    return int(count or 0)
