"""withdrawals: the log of withdrawn consent (date, respondent id, by whom; no content)

Revision ID: 0009_withdrawals
Revises: 0006_interchange_sets
Create Date: 2026-12-02 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_withdrawals"
down_revision: str | None = "0006_interchange_sets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "withdrawals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=False),
        sa.Column("selector", sa.String(length=20), nullable=False),
        sa.Column("respondent", sa.String(length=300), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_withdrawals")),
    )


def downgrade() -> None:
    op.drop_table("withdrawals")
