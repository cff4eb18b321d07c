"""Undoable commands on code groups and document groups (``coding.groups`` says what they are)."""

from __future__ import annotations

from collections.abc import Sequence

from coding import rows
from coding.commands.base import Command
from coding.groups import GroupId, GroupKind
from coding.project import Project
from coding.types import Changes


def _changes(kind: GroupKind) -> Changes:
    return Changes(codes=True) if kind is GroupKind.CODE else Changes(documents=True)


class CreateGroup(Command):
    """A new code or document group, optionally with its first members (one undo step)."""

    kind = "create_group"

    def __init__(self, group_kind: GroupKind, name: str, members: Sequence[int] = ()) -> None:
        super().__init__()
        self.group_kind, self.name, self.members = group_kind, name, list(members)
        self.detail = name
        self.group_id: GroupId | None = None
        self._snap: rows.Snapshot | None = None

    def do(self, p: Project) -> Changes:
        if self._snap is not None:
            p.groups.restore(self._snap)
        else:
            with p.store.write():
                self.group_id = p.groups.create(self.group_kind, self.name)
                p.groups.change_members(self.group_id, add=self.members)
        return _changes(self.group_kind)

    def undo(self, p: Project) -> Changes:
        assert self.group_id is not None
        self._snap = p.groups.delete(self.group_id)
        return _changes(self.group_kind)


class DeleteGroup(Command):
    kind = "delete_group"

    def __init__(self, group_id: GroupId, group_kind: GroupKind) -> None:
        super().__init__()
        self.group_id, self.group_kind = group_id, group_kind
        self._snap: rows.Snapshot | None = None

    def do(self, p: Project) -> Changes:
        self._snap = p.groups.delete(self.group_id)
        return _changes(self.group_kind)

    def undo(self, p: Project) -> Changes:
        assert self._snap is not None
        p.groups.restore(self._snap)
        return _changes(self.group_kind)


class RenameGroup(Command):
    kind = "rename_group"

    def __init__(self, group_id: GroupId, group_kind: GroupKind, name: str) -> None:
        super().__init__()
        self.group_id, self.group_kind, self.name = group_id, group_kind, name
        self.detail = name
        self._old = ""

    def do(self, p: Project) -> Changes:
        self._old = p.groups.rename(self.group_id, self.name)
        return _changes(self.group_kind)

    def undo(self, p: Project) -> Changes:
        p.groups.rename(self.group_id, self._old)
        return _changes(self.group_kind)


class ChangeGroupMembers(Command):
    """Put codes (or documents) into a group and/or take them out."""

    kind = "group_members"

    def __init__(self, group_id: GroupId, group_kind: GroupKind, add: Sequence[int] = (),
                 remove: Sequence[int] = (), detail: str = "") -> None:
        super().__init__()
        self.group_id, self.group_kind = group_id, group_kind
        self.add, self.remove = list(add), list(remove)
        self.detail = detail
        self._done: tuple[list[int], list[int]] = ([], [])

    def do(self, p: Project) -> Changes:
        self._done = p.groups.change_members(self.group_id, self.add, self.remove)
        return _changes(self.group_kind)

    def undo(self, p: Project) -> Changes:
        added, removed = self._done
        p.groups.change_members(self.group_id, add=removed, remove=added)
        return _changes(self.group_kind)
