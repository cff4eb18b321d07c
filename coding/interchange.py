"""A tool-neutral model of a REFI-QDA project, shared by the .qdpx/.qdc reader and writer.

Why a model of its own: the reader (``importers.qdpx``) and the writer (``exports.qdpx``) are pure
functions on files and must not know the database; the project store must not know XML. Both
sides meet here, in plain dataclasses that say what REFI-QDA can carry: users, a code tree,
text sources, text selections with their codings, variables, cases, notes and sets. This module
imports nothing of the project: moving data in and out of a project is
``coding.interchange_db.snapshot`` (project -> model) and ``coding.interchange_load.load_into``
(model -> project), which both build on this one, never the other way round.

Conventions every producer and consumer of this model relies on:

- GUIDs are upper case without braces (``normalise_guid``); references use the same form. The
  writer decides how they are spelled in a file (lower case, as NVivo writes them).
- ``QdaSource.text`` is normalised the way Duiding stores document text (NFC, ``\\n`` line ends,
  no BOM) and ``QdaSelection.start``/``end`` are Python string indices (Unicode code points) into
  it, end exclusive. The reader converts whatever the producing tool counted (UTF-16 units,
  CRLF as one or two) into this; the writer converts it to what the user asked for.
- A ``QdaSelection`` without codings is an annotation: a span with a comment (its description
  and/or notes attached to it), as MAXQDA and QualCoder write them.
- ``QdaProject.codes`` is a flat list in pre-order: a parent always comes before its children.
- Dates are naive UTC ``datetime`` values (what the store keeps), or ``None`` when unknown.
"""

from __future__ import annotations

import enum
import hashlib
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

VariableValue = str | bool | int | Decimal | date | datetime


def normalise_guid(guid: str) -> str:
    """The one spelling of a GUID used inside Duiding: upper case, no braces, no spaces."""
    return guid.strip().strip("{}").upper()


# Namespace for GUIDs Duiding derives (uuid5), e.g. for a coding that has no GUID of its own.
DUIDING_NAMESPACE = uuid.UUID("6f1c2a4e-5d0b-4c69-9a57-1d7e0f6b2c31")
_NAMESPACE_BYTES = DUIDING_NAMESPACE.bytes  # UUID.bytes is computed anew on every access


def derived_guid(*parts: str) -> str:
    """A stable GUID computed from other GUIDs or names: the same input gives the same GUID.

    The same value as ``uuid.uuid5(DUIDING_NAMESPACE, "/".join(parts))``, computed directly:
    an export derives one per coding, and ``uuid5`` builds two UUID objects each time.
    """
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "/".join(parts).encode()).digest())
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest[:16].hex().upper()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


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


@dataclass(slots=True)
class QdaCoding:
    """One code applied to one selection (REFI-QDA ``Coding``)."""

    guid: str
    code_guid: str
    creator_guid: str | None = None
    created: datetime | None = None


@dataclass(slots=True)
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

    def code_paths(self) -> dict[str, str]:
        """Every code's ``parent/child`` path (how Duiding names codes on the command line)."""
        by_guid = {c.guid: c for c in self.codes}
        paths: dict[str, str] = {}

        def path(guid: str, seen: frozenset[str]) -> str:
            if guid not in paths:
                code = by_guid[guid]
                parent = code.parent_guid
                if parent is None or parent not in by_guid or parent in seen:
                    paths[guid] = code.name
                else:
                    paths[guid] = path(parent, seen | {guid}) + "/" + code.name
            return paths[guid]

        for code in self.codes:
            path(code.guid, frozenset())
        return paths

    def code_path(self, guid: str) -> str:
        return self.code_paths().get(guid, "")

    def selections_of(self, source_guid: str) -> Iterator[QdaSelection]:
        return (s for s in self.selections if s.source_guid == source_guid)

    def selections_by_source(self) -> dict[str, list[QdaSelection]]:
        """Selections grouped per source, in their order (one pass, for writers)."""
        out: dict[str, list[QdaSelection]] = {}
        for sel in self.selections:
            out.setdefault(sel.source_guid, []).append(sel)
        return out


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
    """Something in the file that Duiding did not keep (as it was), and why.

    ``kind`` and ``reason`` are stable codes the GUI translates; ``detail`` is an English
    sentence for the command line and logs.
    """

    kind: str  # "audio", "picture", "pdf", "selection", "coding", "note", "set", "case", ...
    name: str
    reason: str  # "not_text", "outside_text", "unknown_code", "target_missing", ...
    detail: str = ""


@dataclass(frozen=True)
class DroppedGroup:
    """Skipped parts of one kind for one reason: how many, and the first few names."""

    kind: str
    reason: str
    count: int
    names: tuple[str, ...]


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
    # Where the memos of the file went: "project", "code", "document", "case", "fragment",
    # "document_position" (a memo on a span of a document without a coded fragment).
    memos: Counter[str] = field(default_factory=Counter)

    def skip(self, kind: str, name: str, reason: str, detail: str = "") -> None:
        self.skipped.append(SkippedPart(kind, name, reason, detail))

    def dropped(self, first: int = 3) -> list[DroppedGroup]:
        """The skipped parts by kind and reason, with a count and the first ``first`` names."""
        groups: dict[tuple[str, str], list[str]] = {}
        for part in self.skipped:
            groups.setdefault((part.kind, part.reason), []).append(part.name)
        return [DroppedGroup(kind, reason, len(names),
                             tuple(dict.fromkeys(n for n in names if n))[:first])
                for (kind, reason), names in groups.items()]

    def lines(self) -> list[str]:
        """The report as English lines (the command line prints these; the GUI translates codes)."""
        out = [f"origin: {self.origin or '?'}", f"positions: {self.position_unit}"]
        out += [f"{key}: {value}" for key, value in sorted(self.counts.items())]
        out += [f"memos to {where}: {n}" for where, n in sorted(self.memos.items())]
        for group in self.dropped():
            names = ", ".join(f"'{n}'" for n in group.names)
            more = ", ..." if group.count > len(group.names) else ""
            out.append(f"not kept: {group.count} x {group.kind} ({group.reason})"
                       + (f": {names}{more}" if names else ""))
        out += [f"warning: {w}" for w in self.warnings]
        return out
