"""coder identity: one coder per person, names in their stored form

Revision ID: 0004_coder_identity
Revises: 0005_pseudonym_review
Create Date: 2026-11-24 10:00:00

Before this revision the command line looked a coder up by the name as typed but stored it
cleaned, so "Sanne  Jansen" and "Sanne Jansen" could both exist, each with fragments of their
own (and the same span coded twice). This data migration gives every coder the stored form of
their name (`models.names.coder_name`) and merges coders whose names then coincide:

- the survivor is the coder already named in the stored form, else the oldest (lowest id), so
  its GUID -- the one earlier REFI-QDA exports carry -- stays;
- a fragment of a duplicate is moved to the survivor; where the survivor already coded exactly
  that span, the two fragments become one: the codes are united (the survivor's valence wins
  where both have a code), a key-quote mark is kept, and two different memos are both kept;
- memos, help-history events and anything else a duplicate made are credited to the survivor
  (every other table whose foreign key names `coders`).

Nothing is lost and no coding is doubled. Plain table snapshots, not the live models (STYLE 5).
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.names import UNKNOWN_CODER, coder_name

revision: str = "0004_coder_identity"
down_revision: str | None = "0005_pseudonym_review"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

coders = sa.table("coders", sa.column("id", sa.Integer), sa.column("name", sa.String))
segments = sa.table(
    "segments", sa.column("id", sa.Integer), sa.column("document_id", sa.Integer),
    sa.column("start", sa.Integer), sa.column("end", sa.Integer),
    sa.column("coder_id", sa.Integer), sa.column("memo", sa.Text),
    sa.column("key_quote", sa.Boolean))
segment_codes = sa.table(
    "segment_codes", sa.column("segment_id", sa.Integer), sa.column("code_id", sa.Integer),
    sa.column("valence", sa.String))


def upgrade() -> None:
    conn = op.get_bind()
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for coder_id, name in conn.execute(sa.select(coders.c.id, coders.c.name)
                                       .order_by(coders.c.id)):
        groups[coder_name(name) or UNKNOWN_CODER].append((coder_id, name))
    for clean, members in groups.items():
        survivor = next((cid for cid, name in members if name == clean), members[0][0])
        for coder_id, _name in members:
            if coder_id != survivor:
                _merge_coder(conn, coder_id, survivor)
        conn.execute(sa.update(coders).where(coders.c.id == survivor).values(name=clean))


def _merge_coder(conn: sa.Connection, duplicate: int, survivor: int) -> None:
    theirs = {(d, st, en): (sid, memo, kq) for sid, d, st, en, memo, kq in conn.execute(
        sa.select(segments.c.id, segments.c.document_id, segments.c.start, segments.c.end,
                  segments.c.memo, segments.c.key_quote)
        .where(segments.c.coder_id == survivor))}
    mine = conn.execute(
        sa.select(segments.c.id, segments.c.document_id, segments.c.start, segments.c.end,
                  segments.c.memo, segments.c.key_quote)
        .where(segments.c.coder_id == duplicate)).all()
    for seg_id, doc_id, start, end, memo, key_quote in mine:
        twin = theirs.get((doc_id, start, end))
        if twin is None:
            conn.execute(sa.update(segments).where(segments.c.id == seg_id)
                         .values(coder_id=survivor))
            theirs[(doc_id, start, end)] = (seg_id, memo, key_quote)
            continue
        twin_id, twin_memo, twin_kq = twin
        have = set(conn.scalars(sa.select(segment_codes.c.code_id)
                                .where(segment_codes.c.segment_id == twin_id)))
        for code_id, valence in conn.execute(
                sa.select(segment_codes.c.code_id, segment_codes.c.valence)
                .where(segment_codes.c.segment_id == seg_id)):
            if code_id not in have:
                conn.execute(sa.insert(segment_codes).values(
                    segment_id=twin_id, code_id=code_id, valence=valence))
        merged_memo = _join_memos(twin_memo or "", memo or "")
        merged_kq = bool(twin_kq) or bool(key_quote)
        conn.execute(sa.update(segments).where(segments.c.id == twin_id)
                     .values(memo=merged_memo, key_quote=merged_kq))
        theirs[(doc_id, start, end)] = (twin_id, merged_memo, merged_kq)
        conn.execute(sa.delete(segment_codes).where(segment_codes.c.segment_id == seg_id))
        conn.execute(sa.delete(segments).where(segments.c.id == seg_id))
    for table, column in _other_references(conn):
        conn.execute(sa.update(table).where(table.c[column] == duplicate)
                     .values({column: survivor}))
    conn.execute(sa.delete(coders).where(coders.c.id == duplicate))


def _other_references(conn: sa.Connection) -> list[tuple[sa.TableClause, str]]:
    """(table, column) of every foreign key to coders except the segments' (merged above):
    memos, events (0008_help_history)."""
    out = []
    inspector = sa.inspect(conn)
    for name in inspector.get_table_names():
        if name == "segments":
            continue
        for fk in inspector.get_foreign_keys(name):
            if fk["referred_table"] == "coders":
                for column in fk["constrained_columns"]:
                    out.append((sa.table(name, sa.column(column, sa.Integer)), column))
    return out


def _join_memos(first: str, second: str) -> str:
    if not second.strip() or second.strip() == first.strip():
        return first
    if not first.strip():
        return second
    return f"{first.rstrip()}\n\n{second.strip()}"


def downgrade() -> None:
    pass  # merged coders stay merged: the duplicates were one person
