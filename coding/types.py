"""Plain values the core hands to the GUI and the command line: IDs, infos, and what changed.

Nothing here is a live ORM object; widgets and the CLI can keep these as long as they like.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import NewType, Protocol

from models.schema import AttributeScope, AttributeType, SpeakerRole, Valence

__all__ = [
    "AttributeScope", "AttributeType", "SpeakerRole", "Valence",
    "CodeId", "DocumentId", "SegmentId", "CoderId", "CaseId", "AttributeId", "MemoId",
]

CodeId = NewType("CodeId", int)
DocumentId = NewType("DocumentId", int)
SegmentId = NewType("SegmentId", int)
CoderId = NewType("CoderId", int)
CaseId = NewType("CaseId", int)
AttributeId = NewType("AttributeId", int)
MemoId = NewType("MemoId", int)


@dataclass(frozen=True, slots=True)
class CodeInfo:
    id: CodeId
    parent_id: CodeId | None
    name: str
    path: str  # "toegang/wachttijd"
    depth: int
    colour: str
    definition: str
    shortcut: str
    position: int
    keywords: tuple[str, ...]
    guid: str
    is_codable: bool = True  # False: a folder that groups codes and receives no fragments


@dataclass(frozen=True, slots=True)
class TurnInfo:
    id: int
    ordinal: int
    start: int
    end: int
    speaker: str | None
    role: SpeakerRole
    timestamp_ms: int | None


@dataclass(frozen=True)
class SpeakerInfo:
    id: int
    label: str
    role: SpeakerRole
    turns: int


@dataclass(frozen=True)
class DocumentInfo:
    id: DocumentId
    name: str
    format: str
    source_name: str
    sha256: str
    words: int
    turns: int
    speakers: tuple[str, ...]
    case: str | None
    attributes: dict[str, str]
    length: int  # in code points
    guid: str


@dataclass(frozen=True, slots=True)
class Coding:
    """One code on a segment, with the valence of that coding."""

    code_id: CodeId
    path: str
    valence: Valence
    colour: str


@dataclass(frozen=True, slots=True)
class SegmentInfo:
    id: SegmentId
    document_id: DocumentId
    document: str
    start: int
    end: int
    text: str
    coder: str
    memo: str
    key_quote: bool
    codings: tuple[Coding, ...]
    speaker: str | None = None
    speaker_role: SpeakerRole | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    case: str | None = None
    guid: str = ""  # stable across merges and REFI-QDA exchange: memos refer to it

    @property
    def codes(self) -> list[str]:
        return [c.path for c in self.codings]

    def as_json(self) -> dict[str, object]:
        valences = {c.path: c.valence.value for c in self.codings}
        first = next(iter(valences.values()), Valence.NEUTRAAL.value)
        return {
            "id": self.id,
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "codes": self.codes,
            "valence": first,
            "valences": valences,
            "coder": self.coder,
            "memo": self.memo,
            "key_quote": self.key_quote,
            "speaker": self.speaker,
            "attributes": self.attributes,
            "case": self.case,
            "guid": self.guid,
        }


@dataclass(frozen=True)
class SegmentFilter:
    """What retrieval asks for. Empty fields do not filter."""

    code_ids: tuple[CodeId, ...] = ()
    include_subcodes: bool = True
    document_ids: tuple[DocumentId, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()  # (name, value); same name twice = either value
    case_ids: tuple[CaseId, ...] = ()
    coders: tuple[str, ...] = ()
    valences: tuple[Valence, ...] = ()
    key_quotes_only: bool = False


@dataclass
class Changes:
    """What a mutation changed, so views refresh only what they show (STYLE.md rule 7)."""

    codes: bool = False
    documents: bool = False
    attributes: bool = False
    memos: bool = False
    segments: set[DocumentId] = field(default_factory=set)  # documents whose codings changed
    events: bool = False  # help-history events or event types

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            codes=self.codes or other.codes,
            documents=self.documents or other.documents,
            attributes=self.attributes or other.attributes,
            memos=self.memos or other.memos,
            segments=self.segments | other.segments,
            events=self.events or other.events,
        )

    def __bool__(self) -> bool:
        return (self.codes or self.documents or self.attributes or self.memos
                or bool(self.segments) or self.events)

    @classmethod
    def everything(cls, documents: Iterable[DocumentId]) -> Changes:
        """Everything may have changed (another process wrote): every flag set, every document's
        codings. Built from the fields, so a flag added later is included."""
        flags = {f.name: True for f in fields(cls) if f.name != "segments"}
        return cls(segments=set(documents), **flags)


class TranscriptLike(Protocol):
    """What `documents.add_transcript` stores; `importers.base.ImportedTranscript` fits it."""

    @property
    def name(self) -> str: ...
    @property
    def format(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def sha256(self) -> str: ...
    @property
    def attributes(self) -> dict[str, str]: ...
    @property
    def turns(self) -> Sequence[TurnLike]: ...


class TurnLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def timestamp_ms(self) -> int | None: ...
