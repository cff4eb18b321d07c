"""A tool-neutral model of a REFI-QDA project, shared by the .qdpx/.qdc reader and writer.

Why a model of its own: the reader (``importers.qdpx``) and the writer (``exports.qdpx``) are pure
functions on files and must not know the database; the project store must not know XML. Both
sides meet here, in plain dataclasses that say what REFI-QDA can carry: users, a code tree,
text sources, text selections with their codings, variables, cases, notes and sets.

Conventions every producer and consumer of this model relies on:

- GUIDs are upper case without braces (``normalise_guid``); references use the same form.
- ``QdaSource.text`` is normalised the way Duiding stores document text (NFC, ``\\n`` line ends,
  no BOM) and ``QdaSelection.start``/``end`` are Python string indices (Unicode code points) into
  it, end exclusive. The reader converts whatever the producing tool counted (UTF-16 units,
  CRLF as one or two) into this; the writer writes exactly this, which is what the standard says.
- ``QdaProject.codes`` is a flat list in pre-order: a parent always comes before its children.
- Dates are naive UTC ``datetime`` values (what the store keeps), or ``None`` when unknown.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from coding import rows
from coding.commands import Command
from coding.types import Changes, CodeId

if TYPE_CHECKING:
    from coding.interchange_db import LoadResult
    from coding.project import Project

VariableValue = str | bool | int | Decimal | date | datetime


def normalise_guid(guid: str) -> str:
    """The one spelling of a GUID used inside Duiding: upper case, no braces, no spaces."""
    return guid.strip().strip("{}").upper()


# Namespace for GUIDs Duiding derives (uuid5), e.g. for a coding that has no GUID of its own.
DUIDING_NAMESPACE = uuid.UUID("6f1c2a4e-5d0b-4c69-9a57-1d7e0f6b2c31")


def derived_guid(*parts: str) -> str:
    """A stable GUID computed from other GUIDs or names: the same input gives the same GUID."""
    return str(uuid.uuid5(DUIDING_NAMESPACE, "/".join(parts))).upper()


class VariableType(enum.StrEnum):
    TEXT = "Text"
    BOOLEAN = "Boolean"
    INTEGER = "Integer"
    FLOAT = "Float"
    DATE = "Date"
    DATETIME = "DateTime"


@dataclass
class QdaUser:
    guid: str
    name: str = ""


@dataclass
class QdaCode:
    guid: str
    name: str
    parent_guid: str | None = None
    colour: str | None = None  # "#RRGGBB"
    description: str = ""
    is_codable: bool = True


@dataclass
class QdaCoding:
    """One code applied to one selection (REFI-QDA ``Coding``)."""

    guid: str
    code_guid: str
    creator_guid: str | None = None
    created: datetime | None = None


@dataclass
class QdaSelection:
    """A span of a text source: ``[start, end)`` in code points of ``QdaSource.text``."""

    guid: str
    source_guid: str
    start: int
    end: int
    name: str = ""
    description: str = ""
    creator_guid: str | None = None
    created: datetime | None = None
    codings: list[QdaCoding] = field(default_factory=list)


@dataclass
class QdaSource:
    """A text source. Media sources are not represented; the import report lists them."""

    guid: str
    name: str
    text: str
    description: str = ""
    creator_guid: str | None = None
    created: datetime | None = None
    # Document-level variable values (VariableValue inside the source): variable GUID -> value.
    values: dict[str, VariableValue] = field(default_factory=dict)
    # Parts of this source that could not be represented, in words, for the import report.
    not_representable: list[str] = field(default_factory=list)


@dataclass
class QdaVariable:
    guid: str
    name: str
    type: VariableType = VariableType.TEXT
    description: str = ""


@dataclass
class QdaCase:
    guid: str
    name: str = ""
    description: str = ""
    values: dict[str, VariableValue] = field(default_factory=dict)
    source_guids: list[str] = field(default_factory=list)
    code_guids: list[str] = field(default_factory=list)


@dataclass
class QdaNote:
    """A memo. ``target_guids`` (sorted) name what it is about: codes, sources, selections,
    cases; ``on_project`` marks a memo on the project as a whole. Notes are the one place that
    holds these attachments (the XML spreads them over NoteRef and Link elements)."""

    guid: str
    name: str = ""
    text: str = ""
    creator_guid: str | None = None
    created: datetime | None = None
    target_guids: list[str] = field(default_factory=list)
    on_project: bool = False


@dataclass
class QdaSet:
    guid: str
    name: str
    description: str = ""
    code_guids: list[str] = field(default_factory=list)
    source_guids: list[str] = field(default_factory=list)
    note_guids: list[str] = field(default_factory=list)


@dataclass
class QdaProject:
    name: str
    origin: str = ""
    creator_guid: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    description: str = ""
    users: list[QdaUser] = field(default_factory=list)
    codes: list[QdaCode] = field(default_factory=list)
    variables: list[QdaVariable] = field(default_factory=list)
    cases: list[QdaCase] = field(default_factory=list)
    sources: list[QdaSource] = field(default_factory=list)
    selections: list[QdaSelection] = field(default_factory=list)
    notes: list[QdaNote] = field(default_factory=list)
    sets: list[QdaSet] = field(default_factory=list)

    def children_of(self, parent_guid: str | None) -> list[QdaCode]:
        return [c for c in self.codes if c.parent_guid == parent_guid]

    def code_path(self, guid: str) -> str:
        """``parent/child`` path of a code (the way Duiding names codes on the command line)."""
        by_guid = {c.guid: c for c in self.codes}
        parts: list[str] = []
        seen: set[str] = set()
        current: str | None = guid
        while current is not None and current in by_guid and current not in seen:
            seen.add(current)
            parts.append(by_guid[current].name)
            current = by_guid[current].parent_guid
        return "/".join(reversed(parts))

    def selections_of(self, source_guid: str) -> Iterator[QdaSelection]:
        return (s for s in self.selections if s.source_guid == source_guid)


def sort_codes_preorder(codes: list[QdaCode]) -> list[QdaCode]:
    """Codes in pre-order (parents first, siblings in their given order); orphans become roots."""
    known = {c.guid for c in codes}
    children: dict[str | None, list[QdaCode]] = {}
    for code in codes:
        parent = code.parent_guid if code.parent_guid in known else None
        children.setdefault(parent, []).append(code)
    ordered: list[QdaCode] = []
    seen: set[str] = set()

    def walk(parent: str | None) -> None:
        for child in children.get(parent, []):
            if child.guid in seen:
                continue
            seen.add(child.guid)
            ordered.append(child)
            walk(child.guid)

    walk(None)
    # A cycle leaves codes unreached: keep them as roots rather than losing them.
    for code in codes:
        if code.guid not in seen:
            seen.add(code.guid)
            code.parent_guid = None
            ordered.append(code)
            walk(code.guid)
    return ordered


@dataclass
class SkippedPart:
    """Something in the file that Duiding did not import, and why (stable ``reason`` code)."""

    kind: str  # "audio", "video", "picture", "pdf", "selection", "coding", "graph", "link", ...
    name: str
    reason: str  # "not_text", "outside_text", "empty_span", "unknown_code", "missing_file", ...
    detail: str = ""  # English sentence for the command line and logs


@dataclass
class ImportReport:
    """What an import did: counts, how positions were read, and everything it left out."""

    path: str = ""
    origin: str = ""
    # How the producing tool counted positions: "codepoints", "utf16", "codepoints_lf", "utf16_lf".
    position_unit: str = "codepoints"
    counts: dict[str, int] = field(default_factory=dict)
    skipped: list[SkippedPart] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def skip(self, kind: str, name: str, reason: str, detail: str = "") -> None:
        self.skipped.append(SkippedPart(kind, name, reason, detail))

    def lines(self) -> list[str]:
        """The report as English lines (the command line prints these; the GUI translates codes)."""
        out = [f"origin: {self.origin or '?'}", f"positions: {self.position_unit}"]
        out += [f"{key}: {value}" for key, value in sorted(self.counts.items())]
        out += [f"not imported: {s.kind} '{s.name}' ({s.reason}) {s.detail}".rstrip()
                for s in self.skipped]
        out += [f"warning: {w}" for w in self.warnings]
        return out


def snapshot(project: Project) -> QdaProject:
    """The whole Duiding project as a ``QdaProject`` (see ``coding.interchange_db``)."""
    from coding.interchange_db import snapshot as _snapshot

    return _snapshot(project)


def load_into(project: Project, qda: QdaProject, report: ImportReport, **options: Any) -> LoadResult:
    """Store ``qda`` in ``project`` in one transaction (see ``coding.interchange_db.load_into``)."""
    from coding.interchange_db import load_into as _load_into

    return _load_into(project, qda, report, **options)


class ImportCodebook(Command):
    """Add a REFI-QDA codebook (.qdc) to the project's codebook, as one undoable step.

    Codes already present (same GUID, or same name under the same parent) are joined, never
    changed, so undo only has to remove the codes this import created.
    """

    kind = "import_codebook"

    def __init__(self, codes: list[QdaCode], report: ImportReport, name: str = "") -> None:
        super().__init__()
        self.codes, self.report, self.detail = codes, report, name
        self.result: LoadResult | None = None
        self.created: list[CodeId] = []
        self._snap: rows.Snapshot | None = None

    def do(self, p: Project) -> Changes:
        if self._snap is not None:  # redo: the very same codes, same IDs
            p.codes.restore(self._snap)
            return Changes(codes=True)
        with p.store.write():
            before = {c.id for c in p.codes.tree()}
            self.result = load_into(p, QdaProject(name=self.detail or "codebook",
                                                  codes=self.codes), self.report,
                                    codes_only=True)
            self.created = [c.id for c in p.codes.tree() if c.id not in before]
        return Changes(codes=True)

    def undo(self, p: Project) -> Changes:
        created = set(self.created)
        snap: rows.Snapshot = []
        with p.store.write():
            for code in p.codes.tree():
                if code.id in created and code.parent_id not in created:
                    snap.extend(p.codes.delete(code.id))
        self._snap = snap
        return Changes(codes=True, segments={d.id for d in p.documents.list()})
