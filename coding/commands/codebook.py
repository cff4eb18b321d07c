"""Commands on the codebook: add, add a tree, update, move, delete and merge codes."""

from __future__ import annotations

from typing import Any

from coding import rows
from coding.commands.base import Command
from coding.project import Project
from coding.types import Changes, CodeId, CodeInfo
from models.errors import ConflictError


class AddCode(Command):
    kind = "add_code"

    def __init__(self, name: str, parent_id: CodeId | None = None, **fields: Any) -> None:
        super().__init__()
        self.name, self.parent_id, self.fields = name, parent_id, fields
        self.detail = name
        self.code_id: CodeId | None = None
        self._snap: rows.Snapshot | None = None

    def do(self, p: Project) -> Changes:
        if self._snap is not None:
            p.codes.restore(self._snap)
        else:
            self.code_id = p.codes.add(self.name, self.parent_id, **self.fields)
        return Changes(codes=True)

    def undo(self, p: Project) -> Changes:
        assert self.code_id is not None
        self._snap = p.codes.delete(self.code_id)
        return Changes(codes=True)


class AddCodeTree(Command):
    """Add a codebook (nested dicts), e.g. the built-in one or an imported .qdc."""

    kind = "add_codebook"

    def __init__(self, items: list[dict[str, Any]], parent_id: CodeId | None = None) -> None:
        super().__init__()
        self.items, self.parent_id = items, parent_id
        self.code_ids: list[CodeId] = []
        self._snap: rows.Snapshot | None = None

    def do(self, p: Project) -> Changes:
        if self._snap is not None:
            p.codes.restore(self._snap)
        else:
            self.code_ids = p.codes.add_tree(self.items, self.parent_id)
        return Changes(codes=True, segments=set())

    def undo(self, p: Project) -> Changes:
        snap: rows.Snapshot = []
        with p.store.write():
            roots = [c for c in p.codes.tree() if c.id in self.code_ids
                     and c.parent_id not in self.code_ids]
            for root in roots:
                snap.extend(p.codes.delete(root.id))
        self._snap = snap
        return Changes(codes=True)


class UpdateCode(Command):
    """Rename, recolour, redefine, set the shortcut or keywords of a code."""

    kind = "update_code"

    def __init__(self, code_id: CodeId, **fields: Any) -> None:
        super().__init__()
        self.code_id, self.fields = code_id, fields
        self.kind = "rename_code" if set(fields) == {"name"} else "update_code"
        self._before: dict[str, Any] = {}

    def do(self, p: Project) -> Changes:
        self._before = p.codes.update(self.code_id, **self.fields)
        return Changes(codes=True, segments={d.id for d in p.documents.list()}
                       if "colour" in self.fields or "name" in self.fields else set())

    def undo(self, p: Project) -> Changes:
        with p.store.write():
            now = p.codes.get(self.code_id)
            if any(_field(now, k) != _norm(k, v) for k, v in self.fields.items()):
                raise ConflictError(f"code {now.path!r} was changed since (by someone else, "
                                    "or in another window); nothing was undone.")
            p.codes.update(self.code_id, **self._before)
        return Changes(codes=True, segments={d.id for d in p.documents.list()}
                       if "colour" in self.fields or "name" in self.fields else set())


def _field(info: CodeInfo, key: str) -> Any:
    value = getattr(info, key)
    return "\n".join(value) if key == "keywords" else value


def _norm(key: str, value: Any) -> Any:
    if key == "keywords" and not isinstance(value, str):
        return "\n".join(value)
    if key == "name":
        return " ".join(str(value).split())
    return value


class MoveCode(Command):
    kind = "move_code"

    def __init__(self, code_id: CodeId, parent_id: CodeId | None, position: int) -> None:
        super().__init__()
        self.code_id, self.parent_id, self.position = code_id, parent_id, position
        self._old: tuple[CodeId | None, int] | None = None

    def do(self, p: Project) -> Changes:
        self._old = p.codes.move(self.code_id, self.parent_id, self.position)
        return Changes(codes=True, segments={d.id for d in p.documents.list()})

    def undo(self, p: Project) -> Changes:
        assert self._old is not None
        p.codes.move(self.code_id, self._old[0], self._old[1] - 1)
        return Changes(codes=True, segments={d.id for d in p.documents.list()})


class DeleteCode(Command):
    """Delete a code with its sub-codes and their codings."""

    kind = "delete_code"

    def __init__(self, code_id: CodeId) -> None:
        super().__init__()
        self.code_id = code_id
        self._snap: rows.Snapshot | None = None

    def do(self, p: Project) -> Changes:
        self._snap = p.codes.delete(self.code_id)
        return Changes(codes=True, memos=True, segments={d.id for d in p.documents.list()})

    def undo(self, p: Project) -> Changes:
        assert self._snap is not None
        p.codes.restore(self._snap)
        return Changes(codes=True, memos=True, segments={d.id for d in p.documents.list()})


class MergeCodes(Command):
    """Move every coding of `source` onto `target` and remove `source`."""

    kind = "merge_codes"

    def __init__(self, source_id: CodeId, target_id: CodeId) -> None:
        super().__init__()
        self.source_id, self.target_id = source_id, target_id
        self._snap: rows.Snapshot | None = None

    def do(self, p: Project) -> Changes:
        self._snap = p.codes.merge(self.source_id, self.target_id)
        return Changes(codes=True, memos=True, segments={d.id for d in p.documents.list()})

    def undo(self, p: Project) -> Changes:
        assert self._snap is not None
        p.codes.unmerge(self.source_id, self.target_id, self._snap)
        return Changes(codes=True, memos=True, segments={d.id for d in p.documents.list()})
