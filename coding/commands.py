"""Undoable commands: every user-visible change is one (STYLE.md rule 6).

A command holds IDs and the snapshots it needs, does its work through the managers, and returns
`Changes`. The GUI wraps each in a `QUndoCommand` on one `QUndoStack`; headless code uses the
`UndoStack` below. Redo brings back the very same IDs (snapshots restore rows with their IDs), so
commands further up the stack stay valid. `kind` is a stable code the GUI translates.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from coding import rows
from coding.coders import coder_name
from coding.memos import MemoTarget
from coding.types import (
    CaseId,
    Changes,
    CodeId,
    DocumentId,
    SegmentId,
    SpeakerRole,
    Valence,
)
from models.schema import Coder, Segment

if TYPE_CHECKING:
    from coding.project import Project


class Command(ABC):
    kind: str = "command"

    def __init__(self) -> None:
        self.detail = ""  # e.g. the code path, shown after the translated kind

    @abstractmethod
    def do(self, p: Project) -> Changes: ...

    @abstractmethod
    def undo(self, p: Project) -> Changes: ...


class Macro(Command):
    """Several commands as one user action: one transaction, one undo step."""

    kind = "macro"

    def __init__(self, kind: str, children: Sequence[Command], detail: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.children = list(children)
        self.detail = detail

    def do(self, p: Project) -> Changes:
        changes = Changes()
        with p.store.write():
            for child in self.children:
                changes = changes | child.do(p)
        return changes

    def undo(self, p: Project) -> Changes:
        changes = Changes()
        with p.store.write():
            for child in reversed(self.children):
                changes = changes | child.undo(p)
        return changes


# -- segments ------------------------------------------------------------------------------------


class _SegmentEdit(Command):
    """Records the rows of the touched segments before and after; undo/redo swap them."""

    def __init__(self, doc_id: DocumentId) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.segment_ids: list[SegmentId] = []
        self._before: rows.Snapshot | None = None
        self._after: rows.Snapshot | None = None

    def _swap(self, p: Project, snap: rows.Snapshot) -> Changes:
        with p.store.write() as s:
            t = rows.table("segments")
            s.execute(t.delete().where(t.c.id.in_(self.segment_ids)))
            rows.restore(s, snap)
        return Changes(segments={self.doc_id})

    def _record(self, p: Project, mutate: Callable[[], list[SegmentId]],
                existing: list[SegmentId]) -> Changes:
        with p.store.write() as s:
            self._before = p.segments.snapshot(s, existing)
            self.segment_ids = sorted(set(existing) | set(mutate()))
            self._after = p.segments.snapshot(s, self.segment_ids)
        return Changes(segments={self.doc_id})

    def undo(self, p: Project) -> Changes:
        assert self._before is not None
        return self._swap(p, self._before)

    def redo(self, p: Project) -> Changes:
        assert self._after is not None
        return self._swap(p, self._after)


class ApplyCodes(_SegmentEdit):
    """Code a span with one or more codes and a valence."""

    kind = "apply_code"

    def __init__(self, doc_id: DocumentId, start: int, end: int, code_ids: Sequence[CodeId],
                 valence: Valence = Valence.NEUTRAAL, coder: str | None = None,
                 memo: str = "") -> None:
        super().__init__(doc_id)
        self.start, self.end = start, end
        self.code_ids, self.valence, self.coder, self.memo = list(code_ids), valence, coder, memo

    def do(self, p: Project) -> Changes:
        if self._after is not None:
            return self.redo(p)
        coder = coder_name(self.coder or "") or p.coder
        with p.store.write() as s:
            same = s.scalar(select(Segment.id).join(Coder, Coder.id == Segment.coder_id).where(
                Segment.document_id == self.doc_id, Segment.start == self.start,
                Segment.end == self.end, Coder.name == coder))
            existing = [SegmentId(same)] if same is not None else []
            return self._record(p, lambda: [p.segments.apply(
                self.doc_id, self.start, self.end, self.code_ids, self.valence, coder,
                self.memo, existing=existing[0] if existing else None).segment_id], existing)

    @property
    def segment_id(self) -> SegmentId:
        return self.segment_ids[0]


class RemoveCoding(_SegmentEdit):
    """Remove one code from a segment (the segment goes when none is left), or the segment."""

    kind = "remove_coding"

    def __init__(self, doc_id: DocumentId, segment_id: SegmentId,
                 code_id: CodeId | None = None) -> None:
        super().__init__(doc_id)
        self.segment_id, self.code_id = segment_id, code_id

    def do(self, p: Project) -> Changes:
        if self._after is not None:
            return self.redo(p)

        def mutate() -> list[SegmentId]:
            p.segments.remove(self.segment_id, self.code_id)
            return []

        return self._record(p, mutate, [self.segment_id])


class EditSegment(_SegmentEdit):
    """Change span, memo or key-quote flag of a segment, or the valence of one of its codes."""

    kind = "edit_segment"

    def __init__(self, doc_id: DocumentId, segment_id: SegmentId, *, start: int | None = None,
                 end: int | None = None, memo: str | None = None, key_quote: bool | None = None,
                 valence: tuple[CodeId, Valence] | None = None) -> None:
        super().__init__(doc_id)
        self.segment_id = segment_id
        self.fields: dict[str, Any] = {k: v for k, v in
                                       dict(start=start, end=end, memo=memo,
                                            key_quote=key_quote).items() if v is not None}
        self.valence = valence
        if start is not None or end is not None:
            self.kind = "change_span"
        elif memo is not None:
            self.kind = "segment_memo"
        elif key_quote is not None:
            self.kind = "key_quote"
        elif valence is not None:
            self.kind = "set_valence"

    def do(self, p: Project) -> Changes:
        if self._after is not None:
            return self.redo(p)

        def mutate() -> list[SegmentId]:
            if self.fields:
                p.segments.update(self.segment_id, **self.fields)
            if self.valence is not None:
                p.segments.set_valence(self.segment_id, *self.valence)
            return []

        return self._record(p, mutate, [self.segment_id])


# -- codebook ------------------------------------------------------------------------------------


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
        p.codes.update(self.code_id, **self._before)
        return Changes(codes=True, segments={d.id for d in p.documents.list()}
                       if "colour" in self.fields or "name" in self.fields else set())


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


# -- documents, attributes, cases, memos, speakers ---------------------------------------------------


class ImportedDocuments(Command):
    """Documents that an import added; pushed after the import, so its first do() is a no-op."""

    kind = "import_documents"

    def __init__(self, doc_ids: Sequence[DocumentId]) -> None:
        super().__init__()
        self.doc_ids = list(doc_ids)
        self._snap: rows.Snapshot | None = None

    def do(self, p: Project) -> Changes:
        if self._snap is not None:
            p.documents.restore(self._snap)
        return Changes(documents=True, attributes=True)

    def undo(self, p: Project) -> Changes:
        self._snap = p.documents.delete(self.doc_ids)
        return Changes(documents=True, attributes=True, codes=True)


class DeleteDocuments(ImportedDocuments):
    kind = "delete_documents"

    def do(self, p: Project) -> Changes:
        self._snap = p.documents.delete(self.doc_ids)
        return Changes(documents=True, attributes=True, codes=True)

    def undo(self, p: Project) -> Changes:
        assert self._snap is not None
        p.documents.restore(self._snap)
        return Changes(documents=True, attributes=True, codes=True)


class RenameDocument(Command):
    kind = "rename_document"

    def __init__(self, doc_id: DocumentId, name: str) -> None:
        super().__init__()
        self.doc_id, self.name = doc_id, name
        self._old = ""

    def do(self, p: Project) -> Changes:
        self._old = p.documents.rename(self.doc_id, self.name)
        return Changes(documents=True)

    def undo(self, p: Project) -> Changes:
        p.documents.rename(self.doc_id, self._old)
        return Changes(documents=True)


class SetDocumentAttribute(Command):
    kind = "set_attribute"

    def __init__(self, doc_id: DocumentId, name: str, value: str | None) -> None:
        super().__init__()
        self.doc_id, self.name, self.value = doc_id, name, value
        self.detail = name
        self._old: str | None = None

    def do(self, p: Project) -> Changes:
        self._old = p.attributes.set_document_value(self.doc_id, self.name, self.value)
        return Changes(attributes=True, documents=True)

    def undo(self, p: Project) -> Changes:
        p.attributes.set_document_value(self.doc_id, self.name, self._old)
        return Changes(attributes=True, documents=True)


class AssignCase(Command):
    kind = "assign_case"

    def __init__(self, doc_id: DocumentId, case_name: str | None) -> None:
        super().__init__()
        self.doc_id, self.case_name = doc_id, case_name
        self._old: CaseId | None = None

    def do(self, p: Project) -> Changes:
        case_id = p.attributes.ensure_case(self.case_name) if self.case_name else None
        self._old = p.attributes.assign_case(self.doc_id, case_id)
        return Changes(documents=True, attributes=True)

    def undo(self, p: Project) -> Changes:
        p.attributes.assign_case(self.doc_id, self._old)
        return Changes(documents=True, attributes=True)


class SetMemo(Command):
    kind = "set_memo"

    def __init__(self, target: MemoTarget, text: str, title: str = "") -> None:
        super().__init__()
        self.target, self.text, self.title = target, text, title
        self._old = ""

    def do(self, p: Project) -> Changes:
        self._old = p.memos.set(self.target, self.text, self.title)
        return Changes(memos=True)

    def undo(self, p: Project) -> Changes:
        p.memos.set(self.target, self._old)
        return Changes(memos=True)


class SetSpeaker(Command):
    """Rename a speaker in one document and/or set its role."""

    kind = "set_speaker"

    def __init__(self, doc_id: DocumentId, speaker_id: int, *, label: str | None = None,
                 role: SpeakerRole | None = None) -> None:
        super().__init__()
        self.doc_id, self.speaker_id, self.label, self.role = doc_id, speaker_id, label, role
        self._old: tuple[str, SpeakerRole] | None = None

    def do(self, p: Project) -> Changes:
        self._old = p.documents.set_speaker(self.speaker_id, label=self.label, role=self.role)
        return Changes(documents=True, segments={self.doc_id})

    def undo(self, p: Project) -> Changes:
        assert self._old is not None
        p.documents.set_speaker(self.speaker_id, label=self._old[0], role=self._old[1])
        return Changes(documents=True, segments={self.doc_id})


class SetRoleEverywhere(Command):
    """Give a speaker label one role in every document ("I" is always the interviewer)."""

    kind = "set_role_everywhere"

    def __init__(self, label: str, role: SpeakerRole) -> None:
        super().__init__()
        self.label, self.role = label, role
        self._old: dict[int, SpeakerRole] = {}

    def do(self, p: Project) -> Changes:
        self._old = p.documents.set_role_everywhere(self.label, self.role)
        return Changes(documents=True)

    def undo(self, p: Project) -> Changes:
        p.documents.restore_roles(self._old)
        return Changes(documents=True)


class UndoStack:
    """A Qt-free undo stack for the command line, scripts and tests (the GUI uses QUndoStack)."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def push(self, cmd: Command) -> Changes:
        changes = cmd.do(self._project)
        self._done.append(cmd)
        self._undone.clear()
        return changes

    def undo(self) -> Changes:
        if not self._done:
            return Changes()
        cmd = self._done.pop()
        changes = cmd.undo(self._project)
        self._undone.append(cmd)
        return changes

    def redo(self) -> Changes:
        if not self._undone:
            return Changes()
        cmd = self._undone.pop()
        changes = cmd.do(self._project)
        self._done.append(cmd)
        return changes

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)
