"""Tables owned by questionnaire (survey) import: the saved column mapping, imports, respondents.

Kept apart from models/schema.py (like nlp_models.py) so this area evolves its own tables with its
own migration. A questionnaire response is an ordinary document (open answers as turns, closed
answers as document attributes); what makes it a questionnaire response is its row in
``survey_respondents``. That row is the document's *kind*: a document without one is an interview.

``survey_columns`` is the mapping the researcher confirmed (column -> role, question text, answer
scale, top-box definition), keyed by the column header so next year's file with the same headers
is mapped the same way. Scales are stored as JSON text (ordered categories, top box, answers that
do not count such as "weet niet"): small, read whole, never queried inside.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, new_guid, utcnow


class SurveyColumn(Base):
    """One column of a questionnaire export as the researcher mapped it (reused next year)."""

    __tablename__ = "survey_columns"
    id: Mapped[int] = mapped_column(primary_key=True)
    column: Mapped[str] = mapped_column(String(300), unique=True)  # the header as in the file
    role: Mapped[str] = mapped_column(String(20))  # id, attribute, meting, closed, open, ignore
    label: Mapped[str] = mapped_column(Text, default="")  # question text (closed/open items)
    attribute: Mapped[str] = mapped_column(String(100), default="")  # where values are stored
    scale: Mapped[str] = mapped_column(Text, default="")  # JSON, closed items only
    position: Mapped[int] = mapped_column(Integer, default=0)


class SurveyItemCode(Base):
    """A closed item linked to a theme of the codebook (shown beside it in the chapter)."""

    __tablename__ = "survey_item_codes"
    column_id: Mapped[int] = mapped_column(
        ForeignKey("survey_columns.id", ondelete="CASCADE"), primary_key=True
    )
    code_id: Mapped[int] = mapped_column(
        ForeignKey("codes.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SurveyImport(Base):
    """One imported questionnaire file (e.g. the 2024 export)."""

    __tablename__ = "survey_imports"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    source_name: Mapped[str] = mapped_column(String(500), default="")
    format: Mapped[str] = mapped_column(String(20), default="xlsx")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    meting: Mapped[str] = mapped_column(String(100), default="")  # one value, or "" (a column)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SurveyRespondent(Base):
    """A document that is one respondent's questionnaire: its kind, and where it came from."""

    __tablename__ = "survey_respondents"
    __table_args__ = (UniqueConstraint("import_id", "respondent"),)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    import_id: Mapped[int] = mapped_column(
        ForeignKey("survey_imports.id", ondelete="CASCADE"), index=True
    )
    respondent: Mapped[str] = mapped_column(String(200))  # the id as in the file
