"""The project schema: typed SQLAlchemy 2.x models.

Portable on purpose (no SQLite-only types or SQL here): team projects will run on PostgreSQL
through the same models. Offsets (`start`/`end`) are Python string indices, i.e. Unicode code
points, into `Document.text`, which never changes once a document is coded (DESIGN.md section 3).
Every table a REFI-QDA export names carries a `guid`, generated once, so GUIDs are stable.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, new_guid, utcnow


class SpeakerRole(enum.StrEnum):
    INTERVIEWER = "interviewer"
    RESPONDENT = "respondent"
    OTHER = "other"


class Valence(enum.StrEnum):
    POSITIEF = "positief"
    AANDACHTSPUNT = "aandachtspunt"
    NEUTRAAL = "neutraal"


class AttributeType(enum.StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"


class AttributeScope(enum.StrEnum):
    DOCUMENT = "document"
    CASE = "case"


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Stored as the value strings, with a CHECK constraint: readable in any SQL browser.
    return Enum(
        cls,
        name=name,
        values_callable=lambda e: [m.value for m in e],
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=20,
    )


class ProjectInfo(Base):
    """Key/value metadata about the project (title, created, codebook origin...)."""

    __tablename__ = "project_info"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Coder(Base):
    __tablename__ = "coders"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    colour: Mapped[str] = mapped_column(String(9), default="#607d8b")


class Case(Base):
    """A unit that groups documents, e.g. a family ("gezin 3")."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    text: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(String(500), default="")
    format: Mapped[str] = mapped_column(String(20), default="txt")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True, nullable=True
    )

    speakers: Mapped[list[Speaker]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class Speaker(Base):
    """A speaker label within one document, with the role the researcher gives it."""

    __tablename__ = "speakers"
    __table_args__ = (UniqueConstraint("document_id", "label"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(100))
    role: Mapped[SpeakerRole] = mapped_column(
        _enum(SpeakerRole, "speaker_role"), default=SpeakerRole.RESPONDENT
    )
    document: Mapped[Document] = relationship(back_populates="speakers")


class Turn(Base):
    """A speaker turn: the span of what was said (label excluded)."""

    __tablename__ = "turns"
    __table_args__ = (
        Index("ix_turns_document_start", "document_id", "start"),
        CheckConstraint("start <= \"end\"", name="span"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", ondelete="SET NULL"), index=True, nullable=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    timestamp_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Attribute(Base):
    __tablename__ = "attributes"
    __table_args__ = (UniqueConstraint("scope", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(100))
    type: Mapped[AttributeType] = mapped_column(
        _enum(AttributeType, "attribute_type"), default=AttributeType.TEXT
    )
    scope: Mapped[AttributeScope] = mapped_column(
        _enum(AttributeScope, "attribute_scope"), default=AttributeScope.DOCUMENT
    )
    choices: Mapped[str] = mapped_column(Text, default="")  # newline-separated, for CHOICE
    position: Mapped[int] = mapped_column(Integer, default=0)


class DocumentAttributeValue(Base):
    __tablename__ = "document_attribute_values"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    attribute_id: Mapped[int] = mapped_column(
        ForeignKey("attributes.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    value: Mapped[str] = mapped_column(String(500), default="")
    __table_args__ = (Index("ix_dav_attribute_value", "attribute_id", "value"),)


class CaseAttributeValue(Base):
    __tablename__ = "case_attribute_values"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    attribute_id: Mapped[int] = mapped_column(
        ForeignKey("attributes.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    value: Mapped[str] = mapped_column(String(500), default="")


class Code(Base):
    __tablename__ = "codes"
    __table_args__ = (
        # Sibling names are unique (case-insensitively) in the database itself, so two people
        # adding the same code at once cannot both succeed (Python's casefold check is the
        # friendlier first line; this one holds under concurrency).
        Index("uq_codes_sibling_name", func.coalesce(text("parent_id"), 0),
              func.lower(text("name")), unique=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("codes.id", ondelete="CASCADE"), index=True, nullable=True
    )
    name: Mapped[str] = mapped_column(String(200))
    definition: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(9), default="#9e9e9e")
    shortcut: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    keywords: Mapped[str] = mapped_column(Text, default="")  # newline-separated
    # False for a folder in the code tree that groups codes but cannot receive fragments
    # (REFI-QDA isCodable="false"; NVivo, MAXQDA, QualCoder and Transana write them).
    is_codable: Mapped[bool] = mapped_column(Boolean, default=True, server_default=sa_true())


class Segment(Base):
    """A coded fragment: a span of one document, coded by one coder with one or more codes."""

    __tablename__ = "segments"
    __table_args__ = (
        Index("ix_segments_document_start", "document_id", "start"),
        CheckConstraint("start < \"end\"", name="span"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id"), index=True)
    memo: Mapped[str] = mapped_column(Text, default="")
    key_quote: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SegmentCode(Base):
    """The link of a segment to a code, with the valence of that coding."""

    __tablename__ = "segment_codes"
    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True
    )
    code_id: Mapped[int] = mapped_column(
        ForeignKey("codes.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    valence: Mapped[Valence] = mapped_column(_enum(Valence, "valence"), default=Valence.NEUTRAAL)


class Memo(Base):
    """A memo on the project (no target), a code, a document or a case.

    A document memo may sit on a span of its text (``start``/``end``, code points, like a
    segment): a comment on a passage that carries no code (REFI-QDA annotations).
    """

    __tablename__ = "memos"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    title: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    code_id: Mapped[int | None] = mapped_column(
        ForeignKey("codes.id", ondelete="CASCADE"), index=True, nullable=True
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True, nullable=True
    )
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True, nullable=True
    )
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id"), nullable=True)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Pseudonym(Base):
    """The pseudonymisation key: an original entity and its replacement. Never exported."""

    __tablename__ = "pseudonyms"
    __table_args__ = (UniqueConstraint("entity", "type"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(300))
    type: Mapped[str] = mapped_column(String(40))
    pseudonym: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="proposed")
