"""Tables of the help history (hulpgeschiedenis): event types and events.

An event is a kind of coding: a span of one document, marked by one coder, with an event type
from a small editable list and a moment. Kept apart from models/schema.py (like
analysis_models.py) so the timeline work evolves its own tables with its own migration.

A moment is stored in its parts, never as one date: what a respondent said is often only a
year, a month, the child's age or nothing but an order ("daarna"), and the timeline must not
pretend to more precision than the interview gave. ``moment_kind`` says which parts count:

- ``date``: year, month, day;  ``month``: year, month;  ``year``: year;
- ``age``: ``age_months`` (the child's age; placed on the calendar via the case's birth year);
- ``order``: no time at all; the event is placed by its order in the interview.

``duration_days`` is how long the event lasted in the respondent's words ("zeven maanden
gewacht"), so two accounts of the same wait can be set side by side.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, new_guid, utcnow

MOMENT_KINDS = ("date", "month", "year", "age", "order")


class EventType(Base):
    """One entry of the editable list of event types (signaal, aanmelding, wachttijd ...).

    ``code_paths`` (newline-separated) names the codebook codes whose fragments suggest this
    type when they are marked as an event ("toegang/wachttijd" -> wachttijd). Paths, not ids:
    the defaults are seeded before any codebook exists, and an imported codebook with the same
    names maps the same way.
    """

    __tablename__ = "event_types"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    colour: Mapped[str] = mapped_column(String(9), default="#607d8b")
    position: Mapped[int] = mapped_column(Integer, default=0)
    code_paths: Mapped[str] = mapped_column(Text, default="")


class Event(Base):
    """A fragment marked as an event in a family's help history."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_document_start", "document_id", "start"),
        CheckConstraint("start < \"end\"", name="span"),
        CheckConstraint("moment_kind IN ('date', 'month', 'year', 'age', 'order')",
                        name="moment_kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id"), index=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("event_types.id"), index=True)
    moment_kind: Mapped[str] = mapped_column(String(10), default="order")
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    month: Mapped[int | None] = mapped_column(Integer, nullable=True)
    day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    age_months: Mapped[int | None] = mapped_column(Integer, nullable=True)
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    moment_text: Mapped[str] = mapped_column(String(200), default="")  # the words it came from
    duration_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    memo: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
