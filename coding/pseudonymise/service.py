"""Pseudonymisation over a project: name list, detection, review state, apply (undoable), key.

Flow (issue 6): the researcher enters or imports the names they know; :func:`detect` runs the
detectors over every document and returns entities for review (with earlier decisions and chosen
replacements restored from the key); :func:`save_review` stores those decisions in the
``pseudonyms`` table (the key, never exported); :class:`ApplyPseudonyms` rewrites every document
text and shifts every turn and coding in ONE transaction, and can be undone until
:func:`confirm` is called. Exporters call :func:`coding.pseudonymise.guard.assert_no_originals`
with the project to refuse any text that still holds an original.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, inspect, select

from coding.commands import Command
from coding.documents import count_words
from coding.pseudonymise.apply import apply_replacements
from coding.pseudonymise.detect import NameEntry, detect_project
from coding.pseudonymise.entities import Decision, Entity, group_mentions, replacements_for
from coding.pseudonymise.model import PiiType
from coding.types import Changes
from models.errors import ValidationError
from models.nlp_models import PseudonymName
from models.schema import (
    CaseAttributeValue,
    Document,
    DocumentAttributeValue,
    Memo,
    Pseudonym,
    Segment,
    Turn,
)

if TYPE_CHECKING:
    from coding.project import Project

STATUS_PROPOSED = "proposed"
STATUS_REJECTED = "rejected"
STATUS_APPLIED = "applied"
STATUS_CONFIRMED = "confirmed"


# -- the name list ----------------------------------------------------------------------------


def read_names_file(path: Path) -> list[str]:
    """Names from a text file (one per line) or a CSV sheet (a ``naam``/``name`` column, else the
    first column). Semicolon- and comma-separated files, UTF-8 or Windows-1252."""
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("cp1252")
    lines = [line for line in content.splitlines() if line.strip()]
    if not lines:
        return []
    if path.suffix.lower() != ".csv" and not any(";" in x or "," in x for x in lines[:5]):
        return list(dict.fromkeys(line.strip() for line in lines))
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    table = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = [h.strip().lower() for h in table[0]]
    column = next(
        (header.index(h) for h in ("naam", "name", "namen", "names") if h in header), None
    )
    body = table[1:] if column is not None else table
    index = column or 0
    return list(
        dict.fromkeys(r[index].strip() for r in body if len(r) > index and r[index].strip())
    )


def names(project: Project) -> list[NameEntry]:
    with project.store.read() as s:
        return [
            NameEntry(n, PiiType(t))
            for n, t in s.execute(select(PseudonymName.name, PseudonymName.type))
        ]


def add_names(project: Project, new: Iterable[str | NameEntry]) -> int:
    """Add names to the project's name list; returns how many were new."""
    entries = [n if isinstance(n, NameEntry) else NameEntry(n.strip()) for n in new]
    with project.store.write() as s:
        known = set(s.scalars(select(PseudonymName.name)))
        added = 0
        for entry in entries:
            if entry.text and entry.text not in known:
                s.add(PseudonymName(name=entry.text, type=entry.type.value))
                known.add(entry.text)
                added += 1
    return added


# -- detection and review -----------------------------------------------------------------------


def detect(project: Project, *, use_deduce: bool = True) -> list[Entity]:
    """Entities over all documents, with decisions and replacements from the key restored."""
    docs = project.documents.list()
    texts = {d.name: project.documents.text(d.id) for d in docs}
    # Names that live only in attributes (a docx metadata table's "Interviewer: Jeroen Bakker")
    # are detected too; their mentions name the document and attribute, e.g. "R03.docx [Datum]".
    for d in docs:
        for attr, value in d.attributes.items():
            if value.strip():
                texts[attribute_source(d.name, attr)] = value
    entities = group_mentions(detect_project(texts, names(project), use_deduce=use_deduce))
    with project.store.read() as s:
        key = {
            (e, t): (r, st)
            for e, t, r, st in s.execute(
                select(Pseudonym.entity, Pseudonym.type, Pseudonym.pseudonym, Pseudonym.status)
            )
        }
    for entity in entities:
        for form in entity.forms:
            saved = key.get((form, entity.type.value))
            if saved is not None:
                entity.replacement = saved[0]
                entity.decision = (
                    Decision.REJECTED if saved[1] == STATUS_REJECTED else Decision.ACCEPTED
                )
                break
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


def originals(project: Project) -> list[str]:
    """The original side of the key (applied or confirmed entries): what must never leave."""
    with project.store.read() as s:
        return list(
            s.scalars(
                select(Pseudonym.entity).where(
                    Pseudonym.status.in_((STATUS_APPLIED, STATUS_CONFIRMED))
                )
            )
        )


# -- applying -----------------------------------------------------------------------------------


class ApplyPseudonyms(Command):
    """Rewrite all document texts and shift every turn and coding; undoable until confirmed."""

    kind = "pseudonymise"

    def __init__(self, entities: Sequence[Entity]) -> None:
        super().__init__()
        self.entities = [e for e in entities if e.decision != Decision.REJECTED]
        self.forms = [(f, e.type.value, e.replacement) for e in self.entities for f in e.forms]
        self._before: dict[
            int, tuple[str, int, list[tuple[int, int, int]], list[tuple[int, int, int]]]
        ] = {}
        self._key_before: list[tuple[str, str, str, str]] = []
        self._fields_before: list[tuple[Any, Any, str, str]] = []
        self.detail = str(len(self.entities))

    def do(self, p: Project) -> Changes:
        changes = Changes(documents=True, attributes=True, memos=True)
        with p.store.write() as s:
            self._key_before = [
                (r.entity, r.type, r.pseudonym, r.status) for r in s.scalars(select(Pseudonym))
            ]
            for doc in s.scalars(select(Document)):
                reps = replacements_for(self.entities, doc.name)
                if not reps:
                    continue
                turns = list(s.scalars(select(Turn).where(Turn.document_id == doc.id)))
                segs = list(s.scalars(select(Segment).where(Segment.document_id == doc.id)))
                self._before[doc.id] = (
                    doc.text,
                    doc.word_count,
                    [(t.id, t.start, t.end) for t in turns],
                    [(g.id, g.start, g.end) for g in segs],
                )
                spans = [(t.start, t.end) for t in turns] + [(g.start, g.end) for g in segs]
                text, shifted = apply_replacements(doc.text, reps, spans)
                doc.text, doc.word_count = text, count_words(text)
                for turn, (start, end) in zip(turns, shifted[: len(turns)], strict=True):
                    turn.start, turn.end = start, end
                for seg, (start, end) in zip(segs, shifted[len(turns) :], strict=True):
                    seg.start, seg.end = start, end
                changes.segments.add(doc.id)  # type: ignore[arg-type]
            self._rewrite_fields(s)
            self._write_key(s, STATUS_APPLIED)
        return changes

    def _rewrite_fields(self, s: Any) -> None:
        """Names also live outside the texts: attribute values (a docx metadata table's
        "Respondent: Nadia Ouali"), memos and fragment memos. Replace them there too,
        whole words, longest form first, and remember the old values for undo."""
        self._fields_before = []
        pattern = _forms_pattern(self.forms)
        if pattern is None:
            return
        lookup = {form.casefold(): repl for form, _t, repl in self.forms}

        def rewrite(text: str) -> str:
            return pattern.sub(lambda m: lookup[m.group().casefold()], text)

        for model, column in ((DocumentAttributeValue, "value"), (CaseAttributeValue, "value"),
                              (Memo, "text"), (Memo, "title"), (Segment, "memo")):
            for row in s.scalars(select(model)):
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
        changes = Changes(documents=True, attributes=True, memos=True)
        with p.store.write() as s:
            for doc_id, (text, words, turns, segs) in self._before.items():
                doc = s.get(Document, doc_id)
                assert doc is not None
                doc.text, doc.word_count = text, words
                for turn_id, start, end in turns:
                    turn = s.get(Turn, turn_id)
                    if turn is not None:
                        turn.start, turn.end = start, end
                for seg_id, start, end in segs:
                    seg = s.get(Segment, seg_id)
                    if seg is not None:
                        seg.start, seg.end = start, end
                changes.segments.add(doc_id)  # type: ignore[arg-type]
            self._restore_fields(s)
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


def _forms_pattern(forms: Sequence[tuple[str, str, str]]) -> re.Pattern[str] | None:
    words = sorted({f for f, _t, _r in forms if f.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in words)})(?!\w)",
                      re.IGNORECASE)


def assert_export_safe(project: Project, texts: Iterable[str]) -> None:
    """The export guard every exporter calls before writing: raises ``OriginalInExport`` when
    any text still holds an original from the project's pseudonym key (applied or confirmed)."""
    from coding.pseudonymise.guard import assert_no_originals

    assert_no_originals(list(texts), originals(project))


def applied_unconfirmed(project: Project) -> int:
    """How many key entries were applied but not yet confirmed (the apply can still be undone)."""
    with project.store.read() as s:
        count = s.scalar(select(func.count()).where(Pseudonym.status == STATUS_APPLIED))
    return int(count or 0)
