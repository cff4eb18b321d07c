"""help history: event types (seeded with the study's list) and events

Revision ID: 0008_help_history
Revises: 0003_nlp_cache
Create Date: 2026-11-24 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_help_history"
down_revision: str | None = "0003_nlp_cache"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The list the issue names, with the built-in codebook's codes that suggest each type. A data
# snapshot of its own (never the live models), as every data migration here.
DEFAULT_TYPES = (
    ("signaal", "#ff7f0e", ""),
    ("aanmelding", "#1f77b4", "toegang/intake\ntoegang/vindbaarheid"),
    ("wachttijd", "#9467bd", "toegang/wachttijd"),
    ("start hulp", "#2ca02c", "aansluiting/passende hulp\naansluiting/specialistische hulp"),
    ("wisseling hulpverlener", "#d62728",
     "wisselingen/wisseling hulpverlener\nwisselingen/opnieuw vertellen\nwisselingen/overdracht"),
    ("verwijzing", "#17becf", "samenwerking/tussen hulpverleners\nsamenwerking/school en jeugdhulp"),
    ("afsluiting", "#7f7f7f", "nazorg/afsluiting"),
    ("nazorg", "#bcbd22", "nazorg/nazorgcontact"),
    ("crisis", "#8c564b", "nazorg/terugval"),
)


def upgrade() -> None:
    types = op.create_table(
        "event_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("colour", sa.String(length=9), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code_paths", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_types")),
        sa.UniqueConstraint("name", name=op.f("uq_event_types_name")),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("coder_id", sa.Integer(), nullable=False),
        sa.Column("type_id", sa.Integer(), nullable=False),
        sa.Column("moment_kind", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("month", sa.Integer(), nullable=True),
        sa.Column("day", sa.Integer(), nullable=True),
        sa.Column("age_months", sa.Integer(), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("moment_text", sa.String(length=200), nullable=False),
        sa.Column("duration_days", sa.Integer(), nullable=True),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("modified", sa.DateTime(), nullable=False),
        sa.CheckConstraint("start < \"end\"", name=op.f("ck_events_span")),
        sa.CheckConstraint("moment_kind IN ('date', 'month', 'year', 'age', 'order')",
                           name=op.f("ck_events_moment_kind")),
        sa.ForeignKeyConstraint(["coder_id"], ["coders.id"],
                                name=op.f("fk_events_coder_id_coders")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_events_document_id_documents"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["type_id"], ["event_types.id"],
                                name=op.f("fk_events_type_id_event_types")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("guid", name=op.f("uq_events_guid")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_document_start", ["document_id", "start"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_coder_id"), ["coder_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_type_id"), ["type_id"], unique=False)
    op.bulk_insert(types, [
        {"name": name, "colour": colour, "position": i, "code_paths": paths}
        for i, (name, colour, paths) in enumerate(DEFAULT_TYPES, start=1)
    ])


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_type_id"))
        batch_op.drop_index(batch_op.f("ix_events_coder_id"))
        batch_op.drop_index("ix_events_document_start")
    op.drop_table("events")
    op.drop_table("event_types")
