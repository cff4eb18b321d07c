"""pseudonymised documents: which documents an applied pseudonymisation covered

Revision ID: 0010_pseudonymised_documents
Revises: 0009_withdrawals
Create Date: 2026-12-10 10:00:00

Projects pseudonymised before this revision kept no such record. A document whose text holds a
replacement of an applied (or confirmed) key entry — "[Persoon 1]" — was evidently rewritten by
that pseudonymisation and is marked; every other document (imported afterwards, or one in which
nothing was found) is left unmarked, so exports ask about it until pseudonymisation is applied
again: a warning too many is safer than a transcript with names that goes out unasked.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_pseudonymised_documents"
down_revision: str | None = "0009_withdrawals"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Snapshots of the tables this data migration reads (never the live models).
_documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("text", sa.Text))
_pseudonyms = sa.table("pseudonyms", sa.column("pseudonym", sa.String),
                       sa.column("status", sa.String))


def upgrade() -> None:
    marks = op.create_table(
        "pseudonymised_documents",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_pseudonymised_documents_document_id_documents"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_pseudonymised_documents")),
    )
    bind = op.get_bind()
    replacements = {r for (r,) in bind.execute(
        sa.select(_pseudonyms.c.pseudonym).where(
            _pseudonyms.c.status.in_(("applied", "confirmed")))) if r}
    if not replacements:
        return
    now = sa.func.current_timestamp()
    marked = [doc_id for doc_id, text in bind.execute(sa.select(_documents.c.id,
                                                                _documents.c.text))
              if any(r in (text or "") for r in replacements)]
    for doc_id in marked:
        bind.execute(sa.insert(marks).values(document_id=doc_id, applied_at=now))


def downgrade() -> None:
    op.drop_table("pseudonymised_documents")
