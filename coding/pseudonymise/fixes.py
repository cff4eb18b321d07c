"""The fixes an export refusal offers (issue #21): undoable, like every change.

- :class:`RejectKeyEntry`: an ordinary word that ended up in the key (*negen*, *hoek*) is marked
  "keep original": the guard no longer checks it. Undo restores its status.
- :class:`RenameCoder`: a coder whose name equals a name in the key (the chapter's method
  paragraph names the coders) gets another name, e.g. initials. Undo restores the name.
Opening the review (the third fix) changes nothing by itself.
"""

from __future__ import annotations

from sqlalchemy import select

from coding.commands import Command
from coding.project import Project
from coding.pseudonymise.key import STATUS_REJECTED
from coding.types import Changes
from models.errors import ValidationError
from models.schema import Coder, Pseudonym


class RejectKeyEntry(Command):
    """Keep an original as it is (every key row with this original, any type)."""

    kind = "pseudonym_reject"

    def __init__(self, original: str) -> None:
        super().__init__()
        self.original = original
        self.detail = original
        self._old: list[tuple[int, str]] = []

    def do(self, p: Project) -> Changes:
        with p.store.write() as s:
            rows = list(s.scalars(select(Pseudonym)))
            hits = [r for r in rows if r.entity.casefold() == self.original.casefold()]
            if not hits:
                raise ValidationError(f"{self.original!r} is not in the pseudonym key")
            self._old = [(r.id, r.status) for r in hits]
            for row in hits:
                row.status = STATUS_REJECTED
        return Changes()

    def undo(self, p: Project) -> Changes:
        with p.store.write() as s:
            for row_id, status in self._old:
                row = s.get(Pseudonym, row_id)
                if row is not None:
                    row.status = status
        return Changes()


class RenameCoder(Command):
    kind = "rename_coder"

    def __init__(self, old: str, new: str) -> None:
        super().__init__()
        self.old, self.new = old, " ".join(new.split())
        self.detail = self.new

    def _rename(self, p: Project, old: str, new: str) -> Changes:
        with p.store.write() as s:
            row = s.scalar(select(Coder).where(Coder.name == old))
            if row is None:
                raise ValidationError(f"there is no coder {old!r}")
            if not new:
                raise ValidationError("A coder needs a name.")
            if s.scalar(select(Coder.id).where(Coder.name == new)) is not None:
                raise ValidationError(f"there is already a coder {new!r}")
            row.name = new
        return Changes(segments=set())

    def do(self, p: Project) -> Changes:
        return self._rename(p, self.old, self.new)

    def undo(self, p: Project) -> Changes:
        return self._rename(p, self.new, self.old)
