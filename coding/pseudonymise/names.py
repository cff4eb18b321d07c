"""The project's name list: names the researcher knows, editable and undoable (issue #21).

Respondents, children, care workers, schools and organisations the researcher already knows
are found first and everywhere (with every case variant and possessive). Each entry has a
type: a school or organisation is never split into words (a school entered as a *person*
once had its words replace the municipality everywhere), a person's first and last name are
found on their own too. Own variants (a nickname, another spelling) are listed per entry.

Every change is a :class:`coding.commands.Command` (add, remove, edit), so Ctrl+Z undoes it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from coding.commands import Command
from coding.project import Project
from coding.pseudonymise.detect import NameEntry
from coding.pseudonymise.model import PiiType
from coding.types import Changes
from models.errors import ValidationError
from models.nlp_models import PseudonymName

NAME_TYPES = (PiiType.PERSON, PiiType.SCHOOL, PiiType.ORGANISATION, PiiType.LOCATION,
              PiiType.STREET, PiiType.OTHER)


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


def _variants(raw: str) -> tuple[str, ...]:
    return tuple(v for v in (" ".join(x.split()) for x in raw.splitlines()) if v)


def names(project: Project) -> list[NameEntry]:
    """The name list, in the order it was entered."""
    with project.store.read() as s:
        rows = s.execute(select(PseudonymName.name, PseudonymName.type, PseudonymName.variants)
                         .order_by(PseudonymName.id))
        return [NameEntry(n, PiiType(t), _variants(v or "")) for n, t, v in rows]


def _clean(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class _Row:
    id: int
    name: str
    type: str
    variants: str


class AddNames(Command):
    """Add names (new ones only); undo removes exactly those."""

    kind = "pseudonym_names_add"

    def __init__(self, new: Iterable[str | NameEntry]) -> None:
        super().__init__()
        self.entries = [n if isinstance(n, NameEntry) else NameEntry(_clean(n)) for n in new]
        self.added: list[_Row] = []

    def do(self, p: Project) -> Changes:
        with p.store.write() as s:
            if self.added:  # redo: the very same rows and ids
                s.add_all(PseudonymName(id=r.id, name=r.name, type=r.type, variants=r.variants)
                          for r in self.added)
                return Changes()
            known = set(s.scalars(select(PseudonymName.name)))
            for entry in self.entries:
                name = _clean(entry.text)
                if not name or name in known:
                    continue
                row = PseudonymName(name=name, type=entry.type.value,
                                    variants="\n".join(entry.variants))
                s.add(row)
                s.flush()
                self.added.append(_Row(row.id, row.name, row.type, row.variants))
                known.add(name)
        self.detail = str(len(self.added))
        return Changes()

    def undo(self, p: Project) -> Changes:
        with p.store.write() as s:
            for row in self.added:
                gone = s.get(PseudonymName, row.id)
                if gone is not None:
                    s.delete(gone)
        return Changes()


class RemoveName(Command):
    """Remove one name from the list; undo puts it back with the same id and variants."""

    kind = "pseudonym_name_remove"

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.detail = name
        self._row: _Row | None = None

    def do(self, p: Project) -> Changes:
        with p.store.write() as s:
            row = s.scalar(select(PseudonymName).where(PseudonymName.name == self.name))
            if row is None:
                raise ValidationError(f"{self.name!r} is not on the name list")
            self._row = _Row(row.id, row.name, row.type, row.variants or "")
            s.delete(row)
        return Changes()

    def undo(self, p: Project) -> Changes:
        assert self._row is not None
        with p.store.write() as s:
            r = self._row
            s.add(PseudonymName(id=r.id, name=r.name, type=r.type, variants=r.variants))
        return Changes()


class EditName(Command):
    """Rename an entry, change its type or its variants (any of the three)."""

    kind = "pseudonym_name_edit"

    def __init__(self, name: str, *, new_name: str | None = None, type: PiiType | None = None,
                 variants: Sequence[str] | None = None) -> None:
        super().__init__()
        self.name = name
        self.new_name = _clean(new_name) if new_name is not None else None
        self.type = type
        self.variants = None if variants is None else "\n".join(
            v for v in (_clean(x) for x in variants) if v)
        self.detail = name
        self._old: _Row | None = None

    def do(self, p: Project) -> Changes:
        with p.store.write() as s:
            row = s.scalar(select(PseudonymName).where(PseudonymName.name == self.name))
            if row is None:
                raise ValidationError(f"{self.name!r} is not on the name list")
            self._old = _Row(row.id, row.name, row.type, row.variants or "")
            if self.new_name is not None and self.new_name != row.name:
                if not self.new_name:
                    raise ValidationError("A name on the list cannot be empty.")
                clash = s.scalar(select(PseudonymName.id).where(
                    PseudonymName.name == self.new_name))
                if clash is not None:
                    raise ValidationError(f"{self.new_name!r} is already on the name list")
                row.name = self.new_name
            if self.type is not None:
                row.type = self.type.value
            if self.variants is not None:
                row.variants = self.variants
        return Changes()

    def undo(self, p: Project) -> Changes:
        assert self._old is not None
        with p.store.write() as s:
            row = s.get(PseudonymName, self._old.id)
            if row is not None:
                row.name, row.type, row.variants = (self._old.name, self._old.type,
                                                    self._old.variants)
        return Changes()


def add_names(project: Project, new: Iterable[str | NameEntry]) -> int:
    """Add names to the project's name list (undoable); returns how many were new."""
    command = AddNames(new)
    project.execute(command)
    return len(command.added)
