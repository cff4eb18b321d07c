"""Coders: every coding records who made it (DESIGN.md section 1: each coder under their own name).

Coder identity is decided at one door, here: every name that reaches the project -- from the
GUI's coder dialog or settings, `--coder` and `$DUIDING_CODER` on the command line, a merged
project, a REFI-QDA file -- goes through `coder_name` (the stored form, `models.names`) before it
is looked up or stored, and `resolve_coder` is the one default when no name was given. Filters
by coder (retrieval, counts, agreement) clean their names the same way, so "Sanne  Jansen"
finds Sanne Jansen's work.
"""

from __future__ import annotations

import builtins
import getpass
import os
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coding.types import CoderId
from models.errors import ValidationError
from models.names import UNKNOWN_CODER, coder_name
from models.schema import Coder, Segment
from models.sessions import StoreBase as ProjectStore

__all__ = ["CoderManager", "coder_name", "coder_names", "default_coder", "resolve_coder"]

PALETTE = ("#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#ad1457")


def default_coder() -> str:
    """The coder when none was chosen: $DUIDING_CODER, else the login name, else 'onbekend'."""
    name = coder_name(os.environ.get("DUIDING_CODER", ""))
    if name:
        return name
    try:
        return coder_name(getpass.getuser()) or UNKNOWN_CODER
    except Exception:  # no login name on some systems
        return UNKNOWN_CODER


def resolve_coder(name: str | None) -> str:
    """The coder a name stands for: its stored form, or the default when it is empty."""
    return coder_name(name or "") or default_coder()


def coder_names(names: Iterable[str]) -> tuple[str, ...]:
    """Filter values in their stored form, each once, empty ones dropped."""
    return tuple(dict.fromkeys(n for n in (coder_name(raw) for raw in names) if n))


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
    def find_in(s: Session, name: str) -> int | None:
        """The id of the coder a name stands for, or None."""
        return s.scalar(select(Coder.id).where(Coder.name == coder_name(name)))

    @staticmethod
    def ensure_in(s: Session, name: str, colour: str | None = None) -> int:
        clean = coder_name(name)
        if not clean:
            raise ValidationError("A coder needs a name.")
        found = s.scalar(select(Coder.id).where(Coder.name == clean))
        if found is not None:
            return found
        count = s.scalar(select(func.count()).select_from(Coder)) or 0
        coder = Coder(name=clean, colour=colour or PALETTE[count % len(PALETTE)])
        try:
            # A savepoint: on a server, another coder's session may add the same name at this
            # moment; then theirs is used and this transaction goes on.
            with s.begin_nested():
                s.add(coder)
                s.flush()
        except IntegrityError:
            found = s.scalar(select(Coder.id).where(Coder.name == clean))
            if found is None:
                raise
            return found
        return coder.id
