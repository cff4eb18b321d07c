"""The codebook: a tree of codes with colours, definitions, shortcuts and keywords.

Mutating methods are the primitives the undoable commands in `coding.commands` are made of; each
runs in its own transaction and returns IDs or snapshots, never ORM objects.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from coding import rows
from coding.types import CodeId, CodeInfo
from models.errors import NotFoundError, ValidationError
from models.schema import Code, Memo, Segment, SegmentCode
from models.sessions import StoreBase as ProjectStore

BUILTIN_CODEBOOKS = {"jeugdhulp": "codebook_jeugdhulp.json"}
# In-vivo codes (named by the respondent's own words) gather under this top-level code. They are
# raw material, not themes: the chapter leaves this subtree out until the researcher moves a
# code into a theme.
IN_VIVO = "In vivo"
IN_VIVO_DEFINITION = ("Codes in de woorden van respondenten zelf. Ze komen pas in het "
                      "hoofdstuk als je ze naar een thema verplaatst.")
_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def builtin_codebook(name: str = "jeugdhulp") -> list[dict[str, Any]]:
    """The built-in youth-care codebook as nested dicts (name, definition, colour, shortcut...)."""
    data = json.loads((_RESOURCES / BUILTIN_CODEBOOKS[name]).read_text(encoding="utf-8"))
    codes: list[dict[str, Any]] = data["codes"]
    keywords_file = _RESOURCES / "codebook_keywords.json"
    if keywords_file.exists():
        keywords: dict[str, list[str]] = json.loads(keywords_file.read_text(encoding="utf-8"))

        def attach(items: list[dict[str, Any]], prefix: str) -> None:
            for item in items:
                path = f"{prefix}{item['name']}"
                item.setdefault("keywords", keywords.get(path, []))
                attach(item.get("children", []), path + "/")

        attach(codes, "")
    return codes


def in_vivo_codes(tree: Sequence[CodeInfo]) -> set[CodeId]:
    """The top-level In vivo code and every code below it (empty when there is none)."""
    roots = {c.id for c in tree if c.parent_id is None and c.name.casefold() == IN_VIVO.casefold()}
    found = set(roots)
    for c in tree:  # parents come before children
        if c.parent_id in found:
            found.add(c.id)
    return found


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("A code needs a name.")
    if "/" in name:
        raise ValidationError(f"A code name cannot contain '/': {name!r}.")
    return name


class CodeManager:
    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    # -- reading -----------------------------------------------------------------------------

    def tree(self) -> list[CodeInfo]:
        """All codes, depth first in codebook order (parents before their children)."""
        with self._store.read() as s:
            return self._tree(s)

    @staticmethod
    def _tree(s: Session) -> list[CodeInfo]:
        children: dict[int | None, list[Code]] = defaultdict(list)
        for code in s.scalars(select(Code).order_by(Code.position, Code.id)):
            children[code.parent_id].append(code)
        out: list[CodeInfo] = []

        def walk(parent: int | None, prefix: str, depth: int) -> None:
            for c in children.get(parent, []):
                path = prefix + c.name
                out.append(CodeInfo(
                    id=CodeId(c.id), parent_id=CodeId(c.parent_id) if c.parent_id else None,
                    name=c.name, path=path, depth=depth, colour=c.colour,
                    definition=c.definition, shortcut=c.shortcut, position=c.position,
                    keywords=tuple(k for k in c.keywords.split("\n") if k), guid=c.guid,
                    is_codable=c.is_codable,
                ))
                walk(c.id, path + "/", depth + 1)

        walk(None, "", 0)
        return out

    def get(self, code_id: CodeId) -> CodeInfo:
        for info in self.tree():
            if info.id == code_id:
                return info
        raise NotFoundError(f"code {code_id} does not exist.")

    def by_path(self, path: str) -> CodeInfo:
        wanted = "/".join(part.strip() for part in path.strip("/").split("/")).casefold()
        for info in self.tree():
            if info.path.casefold() == wanted:
                return info
        raise NotFoundError(f"unknown code path {path!r}; see 'duiding codes' for the codebook.")

    def descendants(self, code_id: CodeId) -> list[CodeId]:
        """The code and every code below it."""
        with self._store.read() as s:
            return self._descendants(s, code_id)

    @staticmethod
    def _descendants(s: Session, code_id: int) -> list[CodeId]:
        parent_of = dict(s.execute(select(Code.id, Code.parent_id)).all())
        out = [CodeId(code_id)]
        frontier = {code_id}
        while frontier:
            frontier = {c for c, p in parent_of.items() if p in frontier}
            out.extend(CodeId(c) for c in frontier)
        return out

    def counts(self) -> dict[CodeId, tuple[int, int]]:
        """Per code: (segments, distinct documents), each code on its own (not its subtree)."""
        with self._store.read() as s:
            q = (
                select(SegmentCode.code_id, func.count(), func.count(Segment.document_id.distinct()))
                .join(Segment, Segment.id == SegmentCode.segment_id)
                .group_by(SegmentCode.code_id)
            )
            return {CodeId(c): (n, d) for c, n, d in s.execute(q)}

    # -- primitives for commands ---------------------------------------------------------------

    def add(
        self,
        name: str,
        parent_id: CodeId | None = None,
        *,
        colour: str = "#9e9e9e",
        definition: str = "",
        shortcut: str = "",
        keywords: tuple[str, ...] | list[str] = (),
        position: int | None = None,
        is_codable: bool = True,
    ) -> CodeId:
        name = _check_name(name)
        with self._store.write() as s:
            self._check_unique(s, name, parent_id, None)
            if position is None:
                position = (s.scalar(
                    select(func.max(Code.position)).where(Code.parent_id.is_(parent_id)
                                                          if parent_id is None
                                                          else Code.parent_id == parent_id)
                ) or 0) + 1
            code = Code(name=name, parent_id=parent_id, colour=colour, definition=definition,
                        shortcut=shortcut, keywords="\n".join(keywords), position=position,
                        is_codable=is_codable)
            s.add(code)
            s.flush()
            return CodeId(code.id)

    def add_tree(self, items: list[dict[str, Any]], parent_id: CodeId | None = None) -> list[CodeId]:
        """Add nested codebook dicts (as in resources/codebook_jeugdhulp.json) in one transaction."""
        created: list[CodeId] = []
        with self._store.write() as s:
            def add(items: list[dict[str, Any]], parent: int | None) -> None:
                for pos, item in enumerate(items, start=1):
                    name = _check_name(item["name"])
                    self._check_unique(s, name, parent, None)
                    code = Code(
                        name=name, parent_id=parent, colour=item.get("colour", "#9e9e9e"),
                        definition=item.get("definition", ""), shortcut=item.get("shortcut", ""),
                        keywords="\n".join(item.get("keywords", [])), position=pos,
                        is_codable=item.get("is_codable", True),
                    )
                    s.add(code)
                    s.flush()
                    created.append(CodeId(code.id))
                    add(item.get("children", []), code.id)

            add(items, parent_id)
        return created

    def update(self, code_id: CodeId, **fields: Any) -> dict[str, Any]:
        """Change name/colour/definition/shortcut/keywords/is_codable; returns the old values."""
        allowed = {"name", "colour", "definition", "shortcut", "keywords", "is_codable"}
        if unknown := set(fields) - allowed:
            raise ValidationError(f"cannot change {', '.join(sorted(unknown))} of a code.")
        with self._store.write() as s:
            code = s.get(Code, code_id)
            if code is None:
                raise NotFoundError(f"code {code_id} does not exist.")
            if "name" in fields:
                fields["name"] = _check_name(fields["name"])
                self._check_unique(s, fields["name"], code.parent_id, code.id)
            if "keywords" in fields and not isinstance(fields["keywords"], str):
                fields["keywords"] = "\n".join(fields["keywords"])
            before = {k: getattr(code, k) for k in fields}
            for k, v in fields.items():
                setattr(code, k, v)
            return before

    def move(self, code_id: CodeId, parent_id: CodeId | None, position: int) -> tuple[
            CodeId | None, int]:
        """Move a code under another parent at a position; returns the old (parent, position)."""
        with self._store.write() as s:
            code = s.get(Code, code_id)
            if code is None:
                raise NotFoundError(f"code {code_id} does not exist.")
            if parent_id is not None and parent_id in self._descendants(s, code_id):
                raise ValidationError("A code cannot be moved inside itself.")
            self._check_unique(s, code.name, parent_id, code.id)
            old_parent = code.parent_id
            old = (CodeId(old_parent) if old_parent else None, code.position)

            def siblings_of(parent: int | None) -> list[Code]:
                return [c for c in s.scalars(
                    select(Code).where(Code.parent_id.is_(None) if parent is None
                                       else Code.parent_id == parent)
                    .order_by(Code.position, Code.id)) if c.id != code.id]

            siblings = siblings_of(parent_id)
            position = max(0, min(position, len(siblings)))
            siblings.insert(position, code)
            code.parent_id = parent_id
            for i, c in enumerate(siblings, start=1):
                c.position = i
            if old_parent != parent_id:  # close the gap the code leaves behind
                for i, c in enumerate(siblings_of(old_parent), start=1):
                    c.position = i
            return old

    def snapshot_subtree(self, s: Session, code_id: CodeId) -> rows.Snapshot:
        """Rows that deleting the code takes with it: codes, links, memos, orphaned segments."""
        ids = self._descendants(s, code_id)
        links = rows.capture(s, "segment_codes", rows.table("segment_codes").c.code_id.in_(ids))
        seg_ids = {r["segment_id"] for r in links}
        # Segments whose every code is in the subtree disappear with it.
        other = set(s.scalars(select(SegmentCode.segment_id).where(
            SegmentCode.segment_id.in_(seg_ids), SegmentCode.code_id.not_in(ids))))
        orphaned = seg_ids - other
        return [
            ("codes", rows.capture(s, "codes", rows.table("codes").c.id.in_(ids))),
            ("segments", rows.capture(s, "segments", rows.table("segments").c.id.in_(orphaned))),
            ("segment_codes", links),
            ("memos", rows.capture(s, "memos", rows.table("memos").c.code_id.in_(ids))),
            ("code_group_members", rows.capture(
                s, "code_group_members", rows.table("code_group_members").c.code_id.in_(ids))),
        ]

    def delete(self, code_id: CodeId) -> rows.Snapshot:
        """Delete a code, its sub-codes and their codings; returns what undo needs."""
        with self._store.write() as s:
            if s.get(Code, code_id) is None:
                raise NotFoundError(f"code {code_id} does not exist.")
            snap = self.snapshot_subtree(s, code_id)
            rows.remove(s, snap)
            return snap

    def merge(self, source_id: CodeId, target_id: CodeId) -> rows.Snapshot:
        """Move every coding (and child code) of `source` onto `target`, then delete `source`.

        A segment that already carries `target` keeps its own link. Returns the snapshot of
        everything changed, so undo can restore the previous state exactly.
        """
        if source_id == target_id:
            raise ValidationError("A code cannot be merged into itself.")
        with self._store.write() as s:
            source, target = s.get(Code, source_id), s.get(Code, target_id)
            if source is None or target is None:
                raise NotFoundError("one of the codes to merge does not exist.")
            if target_id in self._descendants(s, source_id):
                raise ValidationError("A code cannot be merged into one of its own sub-codes.")
            t_links = rows.table("segment_codes")
            snap: rows.Snapshot = [
                ("codes", rows.capture(s, "codes", rows.table("codes").c.id == source_id)),
                ("codes_children", rows.capture(s, "codes", rows.table("codes").c.parent_id ==
                                                source_id)),
                ("segment_codes", rows.capture(s, "segment_codes",
                                               t_links.c.code_id.in_([source_id, target_id]))),
                ("memos", rows.capture(s, "memos", rows.table("memos").c.code_id == source_id)),
                ("code_group_members", rows.capture(
                    s, "code_group_members",
                    rows.table("code_group_members").c.code_id.in_([source_id, target_id]))),
            ]
            already = set(s.scalars(select(SegmentCode.segment_id).where(
                SegmentCode.code_id == target_id)))
            for link in s.scalars(select(SegmentCode).where(SegmentCode.code_id == source_id)):
                if link.segment_id not in already:
                    s.add(SegmentCode(segment_id=link.segment_id, code_id=target_id,
                                      valence=link.valence))
                s.delete(link)
            s.flush()
            s.execute(update(Code).where(Code.parent_id == source_id).values(parent_id=target_id))
            s.execute(update(Memo).where(Memo.code_id == source_id).values(code_id=target_id))
            # The target takes over the source's groups (a group keeps what was merged into it).
            t_groups = rows.table("code_group_members")
            mine = set(s.scalars(select(t_groups.c.group_id).where(t_groups.c.code_id == target_id)))
            theirs = set(s.scalars(select(t_groups.c.group_id)
                                   .where(t_groups.c.code_id == source_id)))
            if theirs - mine:
                s.execute(t_groups.insert(), [{"group_id": g, "code_id": target_id}
                                              for g in sorted(theirs - mine)])
            s.delete(source)
            return snap

    def unmerge(self, source_id: CodeId, target_id: CodeId, snap: rows.Snapshot) -> None:
        parts = dict(snap)
        with self._store.write() as s:
            t_links = rows.table("segment_codes")
            s.execute(t_links.delete().where(t_links.c.code_id == target_id))
            rows.restore(s, [("codes", parts["codes"])])
            for child in parts["codes_children"]:
                s.execute(update(Code).where(Code.id == child["id"]).values(
                    parent_id=source_id, position=child["position"]))
            memo_ids = [m["id"] for m in parts["memos"]]
            s.execute(update(Memo).where(Memo.id.in_(memo_ids)).values(code_id=source_id))
            rows.restore(s, [("segment_codes", parts["segment_codes"])])
            if "code_group_members" in parts:
                t_groups = rows.table("code_group_members")
                s.execute(t_groups.delete().where(t_groups.c.code_id == target_id))
                rows.restore(s, [("code_group_members", parts["code_group_members"])])

    def restore(self, snap: rows.Snapshot) -> None:
        with self._store.write() as s:
            rows.restore(s, snap)

    @staticmethod
    def _check_unique(s: Session, name: str, parent_id: int | None, own_id: int | None) -> None:
        q = select(Code.id, Code.name).where(
            Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id)
        for cid, other in s.execute(q):
            if cid != own_id and other.casefold() == name.casefold():
                raise ValidationError(f"a code named {name!r} already exists at that level.")
