"""Copy a whole project between stores, keeping every row's ID and GUID.

Used by ``duiding push FILE SERVER`` (a laptop project becomes a team project) and ``duiding
clone SERVER FILE`` (an offline copy). Keeping IDs keeps every reference between rows; keeping
GUIDs is what lets the merge recognise the offline copy's fragments when its work comes back.
The destination is a store being created: its transaction also holds the schema, so the copy
appears whole or not at all. Rows a migration seeded there (event types) are replaced by the
source's; the server's own team settings (``team.*`` in project_info) stay the destination's.
"""

from __future__ import annotations

from sqlalchemy import Integer, delete, insert, select, text
from sqlalchemy.orm import Session

from models import Base

BATCH = 500
SKIP = {"alembic_version"}


def copy_project(src: Session, dst: Session) -> dict[str, int]:
    """Copy every table's rows from `src` into `dst` (in the caller's transactions); returns
    the row count per table."""
    counts: dict[str, int] = {}
    tables = [t for t in Base.metadata.sorted_tables if t.name not in SKIP]
    for table in reversed(tables):
        if table.name == "project_info":
            dst.execute(delete(table).where(~table.c.key.startswith("team.")))
        else:
            dst.execute(delete(table))
    for table in tables:
        query = select(table)
        if table.name == "project_info":
            query = query.where(~table.c.key.startswith("team."))
        if table.name == "codes":  # parents first (ids grow with creation, but a move may not)
            query = query.order_by(table.c.parent_id.is_not(None), table.c.id)
        rows = [dict(r._mapping) for r in src.execute(query)]
        if table.name == "codes":
            rows = _parents_first(rows)
        for start in range(0, len(rows), BATCH):
            dst.execute(insert(table), rows[start:start + BATCH])
        counts[table.name] = len(rows)
    if dst.get_bind().dialect.name == "postgresql":
        fix_sequences(dst)
    return counts


def _parents_first(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    done: set[object] = set()
    ordered: list[dict[str, object]] = []
    pending = rows
    while pending:
        rest = [r for r in pending if r["parent_id"] is not None and r["parent_id"] not in done]
        for r in pending:
            if r["parent_id"] is None or r["parent_id"] in done:
                ordered.append(r)
                done.add(r["id"])
        if len(rest) == len(pending):
            ordered.extend(rest)
            break
        pending = [r for r in rest if r["id"] not in done]
    return ordered


def fix_sequences(s: Session) -> None:
    """After rows were inserted with their IDs, let each ID sequence continue after them."""
    for table in Base.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer) or table.name in SKIP:
            continue
        seq = s.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                        {"t": table.name, "c": pk[0].name}).scalar()
        if seq:
            s.execute(text(f"SELECT setval(:s, COALESCE((SELECT max({pk[0].name}) FROM "
                           f"{table.name}), 1), (SELECT max({pk[0].name}) FROM {table.name}) "
                           "IS NOT NULL)"), {"s": seq})
