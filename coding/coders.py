"""Coders: every coding records who made it (DESIGN.md section 1: each coder under their own name)."""

from __future__ import annotations

import builtins

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coding.types import CoderId
from models.errors import ValidationError
from models.schema import Coder, Segment
from models.sessions import StoreBase as ProjectStore

PALETTE = ("#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#ad1457")


class CoderManager:
    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def list(self) -> list[tuple[CoderId, str, str, int]]:
        """(id, name, colour, number of segments), by name."""
        with self._store.read() as s:
            q = (select(Coder.id, Coder.name, Coder.colour, func.count(Segment.id))
                 .outerjoin(Segment, Segment.coder_id == Coder.id)
                 .group_by(Coder.id).order_by(Coder.name))
            return [(CoderId(i), n, c, k) for i, n, c, k in s.execute(q)]

    def names(self) -> builtins.list[str]:
        """Every coder who has coded something (or was registered), by name."""
        return [name for _id, name, _colour, _n in self.list()]

    def ensure(self, name: str) -> CoderId:
        with self._store.write() as s:
            return CoderId(self.ensure_in(s, name))

    @staticmethod
    def ensure_in(s: Session, name: str) -> int:
        name = " ".join(name.split())
        if not name:
            raise ValidationError("A coder needs a name.")
        found = s.scalar(select(Coder.id).where(Coder.name == name))
        if found is not None:
            return found
        count = s.scalar(select(func.count()).select_from(Coder)) or 0
        coder = Coder(name=name, colour=PALETTE[count % len(PALETTE)])
        try:
            # A savepoint: on a server, another coder's session may add the same name at this
            # moment; then theirs is used and this transaction goes on.
            with s.begin_nested():
                s.add(coder)
                s.flush()
        except IntegrityError:
            found = s.scalar(select(Coder.id).where(Coder.name == name))
            if found is None:
                raise
            return found
        return coder.id
