"""Which documents went through an applied pseudonymisation (issue #17, "an export that warns").

Kept apart from models/schema.py (like withdrawal_models.py) so this area evolves its own table
with its own migration. A row says: this document's text was covered by an applied
pseudonymisation (``ApplyPseudonyms``; undo removes the rows it added). A document without a row
— imported after the pseudonymisation, or in a project never pseudonymised — still holds every
name it was imported with, and every export asks before it goes out. The row goes with its
document (``ON DELETE CASCADE``: a withdrawal or an undone import leaves nothing behind).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class PseudonymisedDocument(Base):
    """A document covered by an applied (possibly not yet confirmed) pseudonymisation."""

    __tablename__ = "pseudonymised_documents"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    applied_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
