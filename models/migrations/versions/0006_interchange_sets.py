"""interchange sets: code and document groups, non-codable codes, memos on a span

Revision ID: 0006_interchange_sets
Revises: 0004_coder_identity
Create Date: 2026-11-24 10:00:00

REFI-QDA exchange without loss (issues 18 and 22): ``<Sets>`` become code groups and document
groups (``groups`` + two member tables), folders with ``isCodable="false"`` stay folders
(``codes.is_codable``), and a comment on a passage without a code (an annotation) is a document
memo with a position (``memos.start``/``memos.end``). Existing codes are all codable.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_interchange_sets"
down_revision: str | None = "0004_coder_identity"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.Enum("code", "document", name="group_kind", native_enum=False,
                                  create_constraint=True, length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_groups")),
        sa.UniqueConstraint("guid", name=op.f("uq_groups_guid")),
        sa.UniqueConstraint("kind", "name", name=op.f("uq_groups_kind")),
    )
    op.create_table(
        "code_group_members",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["code_id"], ["codes.id"],
                                name=op.f("fk_code_group_members_code_id_codes"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"],
                                name=op.f("fk_code_group_members_group_id_groups"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("group_id", "code_id", name=op.f("pk_code_group_members")),
    )
    with op.batch_alter_table("code_group_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_code_group_members_code_id"), ["code_id"],
                              unique=False)
    op.create_table(
        "document_group_members",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_document_group_members_document_id_documents"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"],
                                name=op.f("fk_document_group_members_group_id_groups"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("group_id", "document_id",
                                name=op.f("pk_document_group_members")),
    )
    with op.batch_alter_table("document_group_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_group_members_document_id"),
                              ["document_id"], unique=False)
    # Plain ADD COLUMN (SQLite and PostgreSQL both do it in place): a batch copy of ``codes``
    # would drop the old table, and with foreign keys on that cascades into every coding.
    op.add_column("codes", sa.Column("is_codable", sa.Boolean(), nullable=False,
                                     server_default=sa.true()))
    op.add_column("memos", sa.Column("start", sa.Integer(), nullable=True))
    op.add_column("memos", sa.Column("end", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("memos", "end")  # in place (SQLite >= 3.35), for the reason given above
    op.drop_column("memos", "start")
    op.drop_column("codes", "is_codable")
    with op.batch_alter_table("document_group_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_group_members_document_id"))
    op.drop_table("document_group_members")
    with op.batch_alter_table("code_group_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_code_group_members_code_id"))
    op.drop_table("code_group_members")
    op.drop_table("groups")
