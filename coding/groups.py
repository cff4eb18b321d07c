"""Code groups and document groups: named, saved selections that may overlap.

Why groups and not the code tree or cases: REFI-QDA ``<Sets>`` (MAXQDA's document and code sets,
ATLAS.ti's document and code groups, NVivo's static sets) gather items *across* the hierarchy, and
an item can be in several sets. The code tree has one parent per code and a document is in at
most one case (a family, whose name attributes the quotes), so neither can hold a set without
losing members or misattributing quotes. A group is the saved selection itself: a code group is
what a set of codes is, a document group is the saved document filter a set of sources is.
(QualCoder turns a document set into a file attribute named after the set; in Duiding that would
add one attribute per set to every count, filter and export, and it could not be told apart from
a real attribute on the way back out.)

The manager's mutating methods are the primitives of the undoable commands in
``coding.commands.groups``; each runs in its own transaction (or the caller's, inside a Macro)
and returns IDs or snapshots.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NewType

from sqlalchemy import delete, func, insert, select

from coding import rows
from models.errors import NotFoundError, ValidationError
from models.group_models import CodeGroupMember, DocumentGroupMember, Group, GroupKind
from models.sessions import StoreBase as ProjectStore

__all__ = ["GroupId", "GroupInfo", "GroupKind", "GroupManager"]

GroupId = NewType("GroupId", int)
_MEMBERS: dict[GroupKind, type[CodeGroupMember] | type[DocumentGroupMember]] = {
    GroupKind.CODE: CodeGroupMember, GroupKind.DOCUMENT: DocumentGroupMember}
_TABLE = {GroupKind.CODE: "code_group_members", GroupKind.DOCUMENT: "document_group_members"}


def _member_column(kind: GroupKind) -> str:
    return "code_id" if kind is GroupKind.CODE else "document_id"


@dataclass(frozen=True)
class GroupInfo:
    id: GroupId
    guid: str
    kind: GroupKind
    name: str
    description: str
    members: tuple[int, ...]  # code IDs or document IDs, in ID order


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("A group needs a name.")
    return name


class GroupManager:
    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    # -- reading ---------------------------------------------------------------------------------

    def list(self, kind: GroupKind | None = None) -> list[GroupInfo]:
        with self._store.read() as s:
            groups = list(s.scalars(select(Group).where(
                *([Group.kind == kind] if kind is not None else [])
            ).order_by(Group.kind, Group.position, Group.name)))
            members: dict[int, list[int]] = {}
            for k, model in _MEMBERS.items():
                col = getattr(model, _member_column(k))
                for gid, mid in s.execute(select(model.group_id, col).order_by(col)):
                    members.setdefault(gid, []).append(mid)
            return [GroupInfo(GroupId(g.id), g.guid, g.kind, g.name, g.description,
                              tuple(members.get(g.id, ()))) for g in groups]

    def names_by_member(self, kind: GroupKind) -> dict[int, builtins.list[str]]:
        """For every code (or document) in a group: the names of its groups, sorted."""
        out: dict[int, builtins.list[str]] = {}
        for group in sorted(self.list(kind), key=lambda g: g.name.casefold()):
            for member in group.members:
                out.setdefault(member, []).append(group.name)
        return out

    def by_name(self, kind: GroupKind, name: str) -> GroupInfo:
        wanted = " ".join(name.split()).casefold()
        for group in self.list(kind):
            if group.name.casefold() == wanted:
                return group
        raise NotFoundError(f"no {kind.value} group named {name!r}.")

    # -- primitives for commands ---------------------------------------------------------------

    def create(self, kind: GroupKind, name: str, description: str = "",
               guid: str | None = None) -> GroupId:
        name = _check_name(name)
        with self._store.write() as s:
            if s.scalar(select(Group.id).where(Group.kind == kind,
                                                func.lower(Group.name) == name.lower())):
                raise ValidationError(f"a group named {name!r} already exists.")
            position = (s.scalar(select(func.max(Group.position)).where(Group.kind == kind))
                        or 0) + 1
            group = Group(kind=kind, name=name, description=description, position=position)
            if guid:
                group.guid = guid
            s.add(group)
            s.flush()
            return GroupId(group.id)

    def rename(self, group_id: GroupId, name: str) -> str:
        name = _check_name(name)
        with self._store.write() as s:
            group = s.get(Group, group_id)
            if group is None:
                raise NotFoundError(f"group {group_id} does not exist.")
            if s.scalar(select(Group.id).where(Group.kind == group.kind, Group.id != group_id,
                                                func.lower(Group.name) == name.lower())):
                raise ValidationError(f"a group named {name!r} already exists.")
            old, group.name = group.name, name
            return old

    def change_members(self, group_id: GroupId, add: Sequence[int] = (),
                       remove: Sequence[int] = ()) -> tuple[builtins.list[int], builtins.list[int]]:
        """Add and remove members; returns (really added, really removed)."""
        with self._store.write() as s:
            group = s.get(Group, group_id)
            if group is None:
                raise NotFoundError(f"group {group_id} does not exist.")
            model, column = _MEMBERS[group.kind], _member_column(group.kind)
            col = getattr(model, column)
            present = set(s.scalars(select(col).where(model.group_id == group_id)))
            added = sorted({m for m in add if m not in present})
            removed = sorted({m for m in remove if m in present} - set(added))
            if added:
                s.execute(insert(model), [{"group_id": group_id, column: m} for m in added])
            if removed:
                s.execute(delete(model).where(model.group_id == group_id, col.in_(removed)))
            return added, removed

    def delete(self, group_id: GroupId) -> rows.Snapshot:
        with self._store.write() as s:
            group = s.get(Group, group_id)
            if group is None:
                raise NotFoundError(f"group {group_id} does not exist.")
            table = _TABLE[group.kind]
            snap: rows.Snapshot = [
                ("groups", rows.capture(s, "groups", rows.table("groups").c.id == group_id)),
                (table, rows.capture(s, table, rows.table(table).c.group_id == group_id)),
            ]
            rows.remove(s, snap)
            return snap

    def restore(self, snap: rows.Snapshot) -> None:
        with self._store.write() as s:
            rows.restore(s, snap)
