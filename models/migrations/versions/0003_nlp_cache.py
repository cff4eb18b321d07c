"""nlp cache and pseudonymisation name list

Revision ID: 0003_nlp_cache
Revises: 0002_matrix_cells
Create Date: 2026-11-23 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_nlp_cache"
down_revision: str | None = "0002_matrix_cells"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "nlp_cache",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("pipeline", sa.String(length=200), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_nlp_cache_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_nlp_cache")),
    )
    op.create_table(
        "pseudonym_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pseudonym_names")),
        sa.UniqueConstraint("name", name=op.f("uq_pseudonym_names_name")),
    )


def downgrade() -> None:
    op.drop_table("pseudonym_names")
    op.drop_table("nlp_cache")
