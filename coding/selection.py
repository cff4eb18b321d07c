"""From a selection to codings: the one place a selected span becomes fragments.

The GUI (a mouse selection, snapped to whole words), the command line (``--quote`` or
``--start/--end``) and in-vivo coding all come here, so a coding never includes a speaker label
or a timestamp (`coding.turn_spans.clip_to_turns`).

A selection that crosses turns is coded as one fragment per turn, in one undo step, rather than
as one fragment with the next speaker's label inside it. Why split: a fragment is then always one
speaker's words, so it is attributed, counted ("genoemd door ... respondenten"), filtered
(``--respondent-only``) and quoted in the chapter as that speaker's, with no label ever inside a
quote; REFI-QDA exports get clean selections; and what was selected is still found together
(same codes, same valence, adjacent). The command line, which scripts call with exact offsets,
refuses a span across turns instead (`single_piece`), so one command is still one fragment.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from coding.commands import ApplyCodes, EditSegment, Macro
from coding.project import Project
from coding.turn_spans import Span, clip_to_turns
from coding.types import Changes, CodeId, DocumentId, SegmentId, Valence
from models.errors import NotFoundError, ValidationError
from models.schema import Document, Turn


class LabelOnlyError(ValidationError):
    """The selection holds no spoken text: only labels, timestamps or white space."""

    code = "label_only"


class CrossesTurnsError(ValidationError):
    code = "crosses_turns"


def selection_pieces(project: Project, doc_id: DocumentId, start: int, end: int) -> list[Span]:
    """The spans of turn text inside ``[start, end)`` (see `clip_to_turns`).

    Reads only the selected stretch of text and the turns it touches: this runs on every code
    the user applies.
    """
    start, end = max(0, min(start, end)), max(start, end)
    with project.store.read() as s:
        found = s.execute(select(func.length(Document.text),
                                 func.substr(Document.text, start + 1, end - start))
                          .where(Document.id == doc_id)).one_or_none()
        if found is None:
            raise NotFoundError(f"document {doc_id} does not exist.")
        turns = s.execute(select(Turn.start, Turn.end).where(
            Turn.document_id == doc_id, Turn.start < end, Turn.end > start)).all()
        any_turn = bool(turns) or s.scalar(
            select(Turn.id).where(Turn.document_id == doc_id).limit(1)) is not None
    length, stretch = found
    end = min(end, length)
    if not any_turn:  # a document without turns is coded as selected
        return [(a + start, b + start) for a, b in clip_to_turns(stretch, [], 0, end - start)]
    local = [(max(a, start) - start, min(b, end) - start) for a, b in turns]
    if not local:  # only what lies between turns: labels, timestamps, white space
        return []
    return [(a + start, b + start) for a, b in clip_to_turns(stretch, local, 0, end - start)
            if a < b]


def single_piece(project: Project, doc_id: DocumentId, start: int, end: int) -> Span:
    """The one stretch of turn text a span stands for; refuses label-only and cross-turn spans."""
    pieces = selection_pieces(project, doc_id, start, end)
    if not pieces:
        raise LabelOnlyError(f"span {start}-{end} holds no spoken text (only a speaker label, "
                             "a timestamp or white space).")
    if len(pieces) > 1:
        raise CrossesTurnsError(
            f"span {start}-{end} crosses speaker turns; code each turn separately "
            f"({', '.join(f'{a}-{b}' for a, b in pieces)}).")
    return pieces[0]


class CodeSelection(Macro):
    """Code a selection: one ApplyCodes per piece of turn text in it, one transaction, one undo
    step. The pieces are found when it runs, so a selection of only a label or a timestamp is
    refused the way every failed change is (`LabelOnlyError`)."""

    def __init__(self, doc_id: DocumentId, start: int, end: int, code_ids: Sequence[CodeId],
                 valence: Valence = Valence.NEUTRAAL, coder: str | None = None,
                 memo: str = "", detail: str = "") -> None:
        super().__init__("apply_code", [], detail)
        self.doc_id, self.start, self.end = doc_id, start, end
        self.code_ids, self.valence, self.coder, self.memo = list(code_ids), valence, coder, memo

    def do(self, p: Project) -> Changes:
        if not self.children:
            pieces = selection_pieces(p, self.doc_id, self.start, self.end)
            if not pieces:
                raise LabelOnlyError("the selection holds no spoken text (only speaker labels, "
                                     "timestamps or white space).")
            self.children = [ApplyCodes(self.doc_id, a, b, self.code_ids, self.valence,
                                        self.coder, self.memo) for a, b in pieces]
            for child in self.children:
                child.detail = self.detail
        return super().do(p)

    @property
    def segment_ids(self) -> list[SegmentId]:
        """The fragments made or added to, in text order (after `do`)."""
        return [c.segment_id for c in self.children if isinstance(c, ApplyCodes)]


class FitToSelection(EditSegment):
    """Adjust a fragment's span to a selection, cut to its turn text; refused across turns."""

    def __init__(self, doc_id: DocumentId, segment_id: SegmentId, start: int, end: int) -> None:
        super().__init__(doc_id, segment_id, start=start, end=end)
        self.selection = (start, end)

    def do(self, p: Project) -> Changes:
        if self._after is None:
            start, end = single_piece(p, self.doc_id, *self.selection)
            self.fields.update(start=start, end=end)
        return super().do(p)
