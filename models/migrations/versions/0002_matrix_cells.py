"""matrix cells: written summaries of framework-matrix cells

Revision ID: 0002_matrix_cells
Revises: 0001
Create Date: 2026-11-23 19:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_matrix_cells"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "matrix_cells",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("row_kind", sa.String(length=120), nullable=False),
        sa.Column("row_key", sa.String(length=500), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("modified", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code_id"], ["codes.id"], name=op.f("fk_matrix_cells_code_id_codes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matrix_cells")),
        sa.UniqueConstraint("row_kind", "row_key", "code_id", name=op.f("uq_matrix_cells_row_kind")),
    )
    with op.batch_alter_table("matrix_cells", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_matrix_cells_code_id"), ["code_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("matrix_cells", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_matrix_cells_code_id"))
    op.drop_table("matrix_cells")
