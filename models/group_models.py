"""Groups of codes and groups of documents (REFI-QDA ``<Sets>``), in their own tables.

A group is a named, saved selection: a code group gathers codes from anywhere in the tree (a
theme across sub-codes, "pilot codes", a coder's work list), a document group gathers documents
(a municipality's interviews, "ICLS 2024"). Unlike the code tree and cases, membership
overlaps: a code or document can be in several groups. Kept apart from ``models/schema.py`` so
this area evolves its own tables with its own migration (``0006_interchange_sets``).
"""

from __future__ import annotations

import enum

from sqlalchemy import Enum, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, new_guid


class GroupKind(enum.StrEnum):
    CODE = "code"
    DOCUMENT = "document"


class Group(Base):
    __tablename__ = "groups"
    __table_args__ = (UniqueConstraint("kind", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    kind: Mapped[GroupKind] = mapped_column(
        Enum(GroupKind, name="group_kind", values_callable=lambda e: [m.value for m in e],
             native_enum=False, create_constraint=True, validate_strings=True, length=20))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class CodeGroupMember(Base):
    __tablename__ = "code_group_members"
    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    code_id: Mapped[int] = mapped_column(
        ForeignKey("codes.id", ondelete="CASCADE"), primary_key=True, index=True)


class DocumentGroupMember(Base):
    __tablename__ = "document_group_members"
    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, index=True)
