"""Tables owned by Dutch NLP and pseudonymisation: the per-document NLP cache and the name list.

Kept apart from models/schema.py (like analysis_models.py) so this area evolves its own tables
with its own migration. The pseudonym key itself is the core's ``pseudonyms`` table.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class NlpCache(Base):
    """Tokens, sentences and lemmas of one document (``ProcessedText.to_bytes()``).

    Valid while ``text_sha256`` matches the document's current text; ``pipeline`` records which
    pipeline produced it (shown with results).
    """

    __tablename__ = "nlp_cache"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    text_sha256: Mapped[str] = mapped_column(String(64))
    pipeline: Mapped[str] = mapped_column(String(200))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PseudonymName(Base):
    """A name the researcher knows (respondent, child, care worker, school): detected first.

    ``variants`` are the researcher's own extra forms (newline-separated: a nickname, a
    spelling); the full name's parts and possessives are found without being listed.
    """

    __tablename__ = "pseudonym_names"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    type: Mapped[str] = mapped_column(String(40), default="person")
    variants: Mapped[str] = mapped_column(Text, default="", server_default="")


class PseudonymAttribute(Base):
    """Whether pseudonymisation touches an attribute's values (issue #11).

    A row records the researcher's choice; without a row the default of
    ``coding.pseudonymise.attributes.identifying_by_default`` holds (``naam``: yes, ``meting``,
    ``gemeente``, ``respondent_type``: no).
    """

    __tablename__ = "pseudonym_attributes"
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    identifying: Mapped[bool] = mapped_column(Boolean, default=False)
