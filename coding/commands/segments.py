"""Commands on coded fragments: apply codes, remove a coding, edit a fragment, in-vivo coding."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding import rows
from coding.coders import CoderManager, coder_name
from coding.codes import IN_VIVO, IN_VIVO_DEFINITION
from coding.commands.base import Command
from coding.commands.codebook import AddCode
from coding.project import Project
from coding.segments_bulk import apply_to_spans, existing_segments
from coding.types import Changes, CodeId, DocumentId, SegmentId, Valence
from models.errors import ConflictError
from models.schema import Coder, Segment


class _SegmentEdit(Command):
    """Records the rows of the touched segments before and after; undo/redo swap them."""

    def __init__(self, doc_id: DocumentId) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.segment_ids: list[SegmentId] = []
        self._before: rows.Snapshot | None = None
        self._after: rows.Snapshot | None = None

    def _swap(self, p: Project, snap: rows.Snapshot, now: rows.Snapshot) -> Changes:
        """Replace the segments' rows by `snap`, when they still are `now` (see
        `rows.same_rows`): otherwise nothing changes and the user is told why."""
        with p.store.write() as s:
            if not rows.same_rows(s, now) or not _none_beyond(s, now, self.segment_ids):
                raise ConflictError(
                    "this fragment was changed or removed since (by someone else, or in "
                    "another window); nothing was undone or redone.")
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
        assert self._before is not None and self._after is not None
        return self._swap(p, self._before, self._after)

    def redo(self, p: Project) -> Changes:
        assert self._after is not None and self._before is not None
        return self._swap(p, self._after, self._before)


def _none_beyond(s: Session, expected: rows.Snapshot, segment_ids: list[SegmentId]) -> bool:
    """No segment of ours exists that `expected` does not hold (undoing a new fragment that
    was removed and made again by someone else must not remove theirs)."""
    have = {r["id"] for r in dict(expected).get("segments", [])}
    t = rows.table("segments")
    present = set(s.scalars(select(t.c.id).where(t.c.id.in_(segment_ids)))) \
        if segment_ids else set()
    return present <= have


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


class CodeSpans(Command):
    """Many spans, in any documents, coded with the same codes and valence: ONE command, one
    transaction, one undo step ("code all hits"). Same rule as ApplyCodes for a span the coder
    already coded; set-based, so 500 hits cost a few statements (coding/segments_bulk.py)."""

    kind = "code_search_hits"

    def __init__(self, spans: Sequence[tuple[DocumentId, int, int]], code_ids: Sequence[CodeId],
                 valence: Valence = Valence.NEUTRAAL, coder: str | None = None) -> None:
        super().__init__()
        self.spans = list(dict.fromkeys(spans))
        self.code_ids, self.valence, self.coder = list(code_ids), valence, coder
        self.segment_ids: list[SegmentId] = []
        self._before: rows.Snapshot | None = None
        self._after: rows.Snapshot | None = None
        self.detail = str(len(self.spans))

    @property
    def documents(self) -> set[DocumentId]:
        return {d for d, _s, _e in self.spans}

    def do(self, p: Project) -> Changes:
        if self._after is not None:
            return self._swap(p, self._after)
        with p.store.write() as s:
            coder_id = CoderManager.ensure_in(s, self.coder or p.coder)
            existing = existing_segments(s, self.spans, coder_id)
            self._before = p.segments.snapshot(s, sorted(set(existing.values())))
            self.segment_ids = apply_to_spans(s, self.spans, self.code_ids, self.valence,
                                              coder_id, existing)
            self._after = p.segments.snapshot(s, self.segment_ids)
        return Changes(segments=self.documents)

    def _swap(self, p: Project, snap: rows.Snapshot) -> Changes:
        with p.store.write() as s:
            t = rows.table("segments")
            for i in range(0, len(self.segment_ids), 5000):
                s.execute(t.delete().where(t.c.id.in_(self.segment_ids[i:i + 5000])))
            rows.restore(s, snap)
        return Changes(segments=self.documents)

    def undo(self, p: Project) -> Changes:
        assert self._before is not None
        return self._swap(p, self._before)

    def is_empty(self) -> bool:
        return not self.spans


class InVivoCode(Command):
    """A new code named by the selected words, applied to them: one transaction, one undo step.

    `pieces` are the selection's spans of turn text (`coding.selection`); without them the code
    is applied to ``start``-``end``. Without a parent it gathers under the top-level "In vivo"
    code (created on first use, and removed again by the undo that created it): in-vivo codes are
    raw material, not themes, and the chapter leaves them out until the researcher moves one into
    a theme.
    """

    kind = "in_vivo"

    def __init__(self, doc_id: DocumentId, start: int, end: int, name: str,
                 parent_id: CodeId | None = None, valence: Valence = Valence.NEUTRAAL,
                 coder: str | None = None, colour: str = "#8e6c8a",
                 pieces: Sequence[tuple[int, int]] = ()) -> None:
        super().__init__()
        self.doc_id, self.start, self.end = doc_id, start, end
        self.pieces = list(pieces) or [(start, end)]
        self.valence, self.coder = valence, coder
        self.add = AddCode(name, parent_id, colour=colour)
        self.folder: AddCode | None = None  # the In vivo parent, when this command created it
        self._placed = parent_id is not None
        self.applies: list[ApplyCodes] = []
        self.detail = name

    def do(self, p: Project) -> Changes:
        with p.store.write():
            changes = Changes()
            if not self._placed:
                root = next((c for c in p.codes.tree() if c.parent_id is None
                             and c.name.casefold() == IN_VIVO.casefold()), None)
                if root is None:
                    self.folder = AddCode(IN_VIVO, None, colour="#8e6c8a",
                                          definition=IN_VIVO_DEFINITION)
                    changes = self.folder.do(p)
                    assert self.folder.code_id is not None
                    self.add.parent_id = self.folder.code_id
                else:
                    self.add.parent_id = root.id
                self._placed = True
            elif self.folder is not None:  # redo: the parent this command created comes back
                changes = self.folder.do(p)
            changes = changes | self.add.do(p)
            if not self.applies:
                assert self.add.code_id is not None
                self.applies = [ApplyCodes(self.doc_id, a, b, [self.add.code_id], self.valence,
                                           coder=self.coder) for a, b in self.pieces]
            for apply in self.applies:
                changes = changes | apply.do(p)
            return changes

    def undo(self, p: Project) -> Changes:
        assert self.applies
        with p.store.write():
            changes = Changes()
            for apply in reversed(self.applies):
                changes = changes | apply.undo(p)
            changes = changes | self.add.undo(p)
            if self.folder is not None:
                changes = changes | self.folder.undo(p)
            return changes

    @property
    def code_id(self) -> CodeId:
        assert self.add.code_id is not None
        return self.add.code_id

    @property
    def segment_ids(self) -> list[SegmentId]:
        return [apply.segment_id for apply in self.applies]

    @property
    def segment_id(self) -> SegmentId:
        assert self.applies
        return self.applies[0].segment_id
