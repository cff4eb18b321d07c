"""What in a project still holds personal data: the check behind "an export that warns" (#17).

Two things mean a transcript's names would leave with an export:
- a document no applied pseudonymisation covered (``pseudonymised_documents`` has no row for it:
  the project was never pseudonymised, the document was imported afterwards, or the
  pseudonymisation was undone);
- detections not reviewed yet: key entries still ``proposed`` (found by ``--detect`` or kept by
  the review, never applied nor rejected — an undone application returns its entries there).

:func:`personal_data` answers with counts and the first few names, so the CLI can print one line
and the GUI can ask with the names in front of the user. The counts are two queries; the names
come from the key's unreviewed entries and a detection pass *without* deduce (name list, own
rules, first-name lexicon: about 0.1 s per interview) over the unpseudonymised documents one at a
time, stopping once enough names are found — run it off the GUI thread (the export worker does).

:func:`mark` and :func:`unmark` are what ``ApplyPseudonyms`` does and undoes inside its own
transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from coding.pseudonymise import attributes as attrs
from coding.pseudonymise import key as keys
from coding.pseudonymise.detect import detect_text
from coding.pseudonymise.model import PiiType
from coding.pseudonymise.names import names as name_list
from coding.types import DocumentId
from models.pseudonym_models import PseudonymisedDocument
from models.schema import Document

if TYPE_CHECKING:
    from coding.project import Project

SAMPLE = 5  # names shown in a warning
# What a reader recognises as a name; dates, ages and numbers alone identify nobody in a warning.
# Two-letter forms in a sample are mostly interjections ("Mm") a detector took for a name; the
# review still shows everything.
_NAMED = (PiiType.PERSON, PiiType.LOCATION, PiiType.STREET, PiiType.SCHOOL,
          PiiType.ORGANISATION)


@dataclass(frozen=True)
class PersonalData:
    """What an export of the project would let out (empty counts: nothing)."""

    documents: tuple[str, ...]  # never pseudonymised, in project order
    total_documents: int
    unreviewed: int  # detected names (distinct) neither applied nor rejected
    names: tuple[str, ...]  # the first few names found, people first

    def __bool__(self) -> bool:
        return bool(self.documents or self.unreviewed)


def mark(s: Session, document_ids: Iterable[int]) -> list[int]:
    """Record these documents as pseudonymised; returns the ids that were not yet recorded."""
    have = set(s.scalars(select(PseudonymisedDocument.document_id)))
    new = [i for i in dict.fromkeys(document_ids) if i not in have]
    s.add_all(PseudonymisedDocument(document_id=i) for i in new)
    return new


def unmark(s: Session, document_ids: Iterable[int]) -> None:
    ids = list(document_ids)
    if ids:
        s.execute(delete(PseudonymisedDocument).where(
            PseudonymisedDocument.document_id.in_(ids)))


def unpseudonymised(project: Project) -> list[tuple[int, str]]:
    """(id, name) of every document no applied pseudonymisation covered, in project order."""
    with project.store.read() as s:
        done = select(PseudonymisedDocument.document_id)
        return [(i, n) for i, n in s.execute(
            select(Document.id, Document.name).where(Document.id.not_in(done))
            .order_by(Document.position, Document.id))]


def pseudonymised(project: Project) -> set[int]:
    with project.store.read() as s:
        return set(s.scalars(select(PseudonymisedDocument.document_id)))


def personal_data(project: Project, *, unreviewed: bool = True,
                  sample: int = SAMPLE) -> PersonalData:
    """Documents never pseudonymised and (unless ``unreviewed`` is False) detections not yet
    reviewed, with the first ``sample`` names found in them."""
    docs = unpseudonymised(project)
    with project.store.read() as s:
        total = int(s.scalar(select(func.count()).select_from(Document)) or 0)
    pending = [e for e in keys.unreviewed(project) if e.type in _NAMED] if unreviewed else []
    pending_names = list(dict.fromkeys(e.original for e in pending))
    if not docs and not pending_names:
        return PersonalData((), total, 0, ())
    found: dict[str, PiiType] = {}
    for entry in pending:
        found.setdefault(entry.original.casefold(), entry.type)
    shown = {n.casefold(): n for n in pending_names}
    if docs:
        entries, public = name_list(project), attrs.public_names(project)
        for doc_id, _name in docs:
            if sum(t is PiiType.PERSON for t in found.values()) >= sample:
                break
            text = project.documents.text(DocumentId(doc_id))
            for m in detect_text(text, entries, use_deduce=False, public=public):
                if m.type in _NAMED and len(m.text) > 2 and m.text.casefold() not in found:
                    found[m.text.casefold()] = m.type
                    shown[m.text.casefold()] = m.text
    order = sorted(found, key=lambda k: _NAMED.index(found[k]))  # stable: people first
    return PersonalData(tuple(n for _i, n in docs), total, len(pending_names),
                        tuple(shown[k] for k in order[:sample]))
