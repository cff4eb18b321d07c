"""Tables owned by the analysis views: the Framework method's summarised matrix cells.

Kept apart from models/schema.py so that the analysis work can evolve its own tables (with its
own migrations) without touching the core schema module.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class MatrixCell(Base):
    """A written summary for one cell of a framework matrix (row x code).

    ``row_kind`` says what the rows are: ``document``, ``case`` or ``attribute:<name>``;
    ``row_key`` identifies the row: a document's or case's GUID (stable under renames) or the
    attribute value.
    """

    __tablename__ = "matrix_cells"
    __table_args__ = (UniqueConstraint("row_kind", "row_key", "code_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    row_kind: Mapped[str] = mapped_column(String(120))
    row_key: Mapped[str] = mapped_column(String(500))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    modified: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
