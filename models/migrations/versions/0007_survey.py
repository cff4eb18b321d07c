"""questionnaires: saved column mapping, item-theme links, imports and respondents

Revision ID: 0007_survey
Revises: 0008_help_history
Create Date: 2026-11-24 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_survey"
down_revision: str | None = "0008_help_history"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "survey_columns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("column", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("attribute", sa.String(length=100), nullable=False),
        sa.Column("scale", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_columns")),
        sa.UniqueConstraint("column", name=op.f("uq_survey_columns_column")),
    )
    op.create_table(
        "survey_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("source_name", sa.String(length=500), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("meting", sa.String(length=100), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_imports")),
        sa.UniqueConstraint("guid", name=op.f("uq_survey_imports_guid")),
        sa.UniqueConstraint("name", name=op.f("uq_survey_imports_name")),
    )
    with op.batch_alter_table("survey_imports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_imports_sha256"), ["sha256"], unique=False)
    op.create_table(
        "survey_item_codes",
        sa.Column("column_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code_id"], ["codes.id"], name=op.f("fk_survey_item_codes_code_id_codes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["column_id"], ["survey_columns.id"],
            name=op.f("fk_survey_item_codes_column_id_survey_columns"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("column_id", "code_id", name=op.f("pk_survey_item_codes")),
    )
    with op.batch_alter_table("survey_item_codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_item_codes_code_id"), ["code_id"],
                              unique=False)
    op.create_table(
        "survey_respondents",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("respondent", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"],
            name=op.f("fk_survey_respondents_document_id_documents"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["import_id"], ["survey_imports.id"],
            name=op.f("fk_survey_respondents_import_id_survey_imports"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_survey_respondents")),
        sa.UniqueConstraint("import_id", "respondent",
                            name=op.f("uq_survey_respondents_import_id")),
    )
    with op.batch_alter_table("survey_respondents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_respondents_import_id"), ["import_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("survey_respondents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_respondents_import_id"))
    op.drop_table("survey_respondents")
    with op.batch_alter_table("survey_item_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_item_codes_code_id"))
    op.drop_table("survey_item_codes")
    with op.batch_alter_table("survey_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_imports_sha256"))
    op.drop_table("survey_imports")
    op.drop_table("survey_columns")
