"""The withdrawal log: when a respondent's consent was withdrawn, which one, and by whom.

Kept apart from models/schema.py (like nlp_models.py) so this area evolves its own table with its
own migration. The log holds no content of what was removed: only the date, how the respondent
was named when their data was withdrawn (``respondent R07``, ``document R07.txt``, ``case
G-WV-014``), who did it, and how many documents went. A research lead can show a data-management
officer that a withdrawal was carried out without the log keeping what it removed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class Withdrawal(Base):
    """One carried-out withdrawal of consent (never undone, never exported)."""

    __tablename__ = "withdrawals"
    id: Mapped[int] = mapped_column(primary_key=True)
    withdrawn_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    selector: Mapped[str] = mapped_column(String(20))  # respondent, document or case
    respondent: Mapped[str] = mapped_column(String(300))  # the id or name it was asked by
    by: Mapped[str] = mapped_column(String(200), default="")  # the coder who carried it out
    documents: Mapped[int] = mapped_column(Integer, default=0)  # how many documents went
