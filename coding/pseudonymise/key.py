"""The pseudonym key as plain values: what the guard checks and the review restores.

One home for the key's statuses and queries, so the guard does not have to import the service
that applies pseudonyms (and the service can import the guard): the old guard <-> service
circle, hidden in a function-level import, is gone.

Statuses: ``proposed`` (detected, saved for review, not applied — also what an undone
application returns to), ``rejected`` (the researcher keeps the original: not personal data),
``applied`` (replaced in every text, undoable) and ``confirmed`` (final).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from coding.project import Project
from coding.pseudonymise.model import PiiType
from models.schema import Pseudonym

STATUS_PROPOSED = "proposed"
STATUS_REJECTED = "rejected"
STATUS_APPLIED = "applied"
STATUS_CONFIRMED = "confirmed"
DONE = (STATUS_APPLIED, STATUS_CONFIRMED)


@dataclass(frozen=True)
class KeyEntry:
    original: str
    type: PiiType
    replacement: str
    status: str


def _type(value: str) -> PiiType:
    try:
        return PiiType(value)
    except ValueError:
        return PiiType.OTHER


def entries(project: Project) -> list[KeyEntry]:
    """Every row of the key (never leaves the project)."""
    with project.store.read() as s:
        rows = s.execute(select(Pseudonym.entity, Pseudonym.type, Pseudonym.pseudonym,
                                Pseudonym.status).order_by(Pseudonym.id))
        return [KeyEntry(e, _type(t), r, st) for e, t, r, st in rows]


def originals(project: Project) -> list[str]:
    """The original side of the key (applied or confirmed entries): what must never leave."""
    return [e.original for e in entries(project) if e.status in DONE]


def unreviewed(project: Project) -> list[KeyEntry]:
    """Entries detected (or un-applied by undo) but not applied and not rejected."""
    return [e for e in entries(project) if e.status == STATUS_PROPOSED]
