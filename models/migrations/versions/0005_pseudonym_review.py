"""pseudonymisation review: name variants and identifying attributes

Revision ID: 0005_pseudonym_review
Revises: 0007_survey
Create Date: 2026-12-04 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_pseudonym_review"
down_revision: str | None = "0007_survey"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("pseudonym_names") as batch:
        batch.add_column(sa.Column("variants", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "pseudonym_attributes",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("identifying", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_pseudonym_attributes")),
    )


def downgrade() -> None:
    op.drop_table("pseudonym_attributes")
    with op.batch_alter_table("pseudonym_names") as batch:
        batch.drop_column("variants")
