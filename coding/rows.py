"""Row snapshots for undo: capture rows as plain dicts and put them back with the same IDs.

Undoing a delete must bring back the very same IDs, because commands further up the undo stack
refer to them. Working on table rows (not ORM objects) keeps this generic and exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Column, ColumnElement, Table, delete, insert, select
from sqlalchemy.orm import Session

from models import Base

Row = dict[str, Any]
Snapshot = list[tuple[str, list[Row]]]

# Parents before children, so restoring never violates a foreign key.
RESTORE_ORDER = (
    "coders", "cases", "attributes", "codes", "documents", "speakers", "turns",
    "document_attribute_values", "case_attribute_values", "segments", "segment_codes", "memos",
    "event_types", "events",
    "survey_columns", "survey_imports", "survey_respondents", "survey_item_codes",
    "groups", "code_group_members", "document_group_members",
)


def table(name: str) -> Table:
    return Base.metadata.tables[name]


_DOCUMENT_TABLES = {"documents", "speakers", "turns", "document_attribute_values", "segments",
                    "memos"}


def other_document_links() -> list[tuple[str, Column[Any]]]:
    """(table, column) of every other table whose rows go with their document (a cascading
    foreign key to documents.id), e.g. questionnaire respondents and the NLP cache: a document
    snapshot takes them along, so undoing a delete brings them back too."""
    out = []
    for name, t in Base.metadata.tables.items():
        if name in _DOCUMENT_TABLES:
            continue
        for fk in t.foreign_keys:
            if fk.column.table.name == "documents" and (fk.ondelete or "").upper() == "CASCADE":
                out.append((name, fk.parent))
    return sorted(out, key=lambda item: item[0])


def capture(session: Session, name: str, where: ColumnElement[bool]) -> list[Row]:
    t = table(name)
    return [dict(r._mapping) for r in session.execute(select(t).where(where))]


def restore(session: Session, snapshot: Snapshot) -> None:
    order = {n: i for i, n in enumerate(RESTORE_ORDER)}
    for name, rows in sorted(snapshot, key=lambda item: order.get(item[0], len(order))):
        if name == "codes":
            rows = _parents_first(rows)
        if rows:
            session.execute(insert(table(name)), rows)


def remove(session: Session, snapshot: Snapshot) -> None:
    """Delete exactly the rows of a snapshot (children first)."""
    order = {n: i for i, n in enumerate(RESTORE_ORDER)}
    for name, rows in sorted(snapshot, key=lambda item: -order.get(item[0], 0)):
        t = table(name)
        pk = [c.name for c in t.primary_key.columns]
        if name == "codes":
            rows = list(reversed(_parents_first(rows)))
        for row in rows:
            session.execute(delete(t).where(*[t.c[k] == row[k] for k in pk]))


def _parents_first(rows: Sequence[Row]) -> list[Row]:
    ids = {r["id"] for r in rows}
    done: set[int] = set()
    ordered: list[Row] = []
    pending = list(rows)
    while pending:
        rest = []
        for r in pending:
            if r["parent_id"] is None or r["parent_id"] not in ids or r["parent_id"] in done:
                ordered.append(r)
                done.add(r["id"])
            else:
                rest.append(r)
        if len(rest) == len(pending):  # defensive: a cycle cannot be stored, keep going anyway
            ordered.extend(rest)
            break
        pending = rest
    return ordered


def same_rows(session: Session, snapshot: Snapshot) -> bool:
    """Whether the rows a snapshot holds are exactly what the project holds now (by primary
    key: no row missing, none added for the same keys' parents, every column equal).

    Undo and redo in a shared project check this first: each user has their own undo stack,
    and taking back a change that someone else has changed since would throw their work away.
    Comparing whole rows works on any engine (no version column needed)."""
    for name, rows in snapshot:
        if name not in Base.metadata.tables:
            continue
        t = table(name)
        pk = [c.name for c in t.primary_key.columns]
        if name == "segment_codes":  # compared per segment: a code added counts as a change
            segs = {r["segment_id"] for r in rows} | _segment_ids(snapshot)
            now = capture(session, name, t.c.segment_id.in_(segs)) if segs else []
        else:
            keys = [tuple(r[k] for k in pk) for r in rows]
            if not keys:
                continue
            now = capture(session, name, t.c[pk[0]].in_([k[0] for k in keys])) if len(pk) == 1 \
                else [r for r in capture(session, name, t.c[pk[0]].in_({k[0] for k in keys}))
                      if tuple(r[k] for k in pk) in set(keys)]
        if _sorted(now, pk) != _sorted(rows, pk):
            return False
    return True


def _segment_ids(snapshot: Snapshot) -> set[int]:
    return {r["id"] for name, rows in snapshot if name == "segments" for r in rows}


def _sorted(rows: Sequence[Row], pk: list[str]) -> list[Row]:
    return sorted(rows, key=lambda r: tuple(r[k] for k in pk))


def ids(rows: Iterable[Row]) -> list[int]:
    return [r["id"] for r in rows]
