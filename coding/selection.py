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
from typing import TYPE_CHECKING

from coding.commands import ApplyCodes, Command, Macro
from coding.turn_spans import Span, clip_to_turns
from coding.types import CodeId, DocumentId, Valence
from models.errors import ValidationError

if TYPE_CHECKING:
    from coding.project import Project


class LabelOnlyError(ValidationError):
    """The selection holds no spoken text: only labels, timestamps or white space."""

    code = "label_only"


class CrossesTurnsError(ValidationError):
    code = "crosses_turns"


def selection_pieces(project: Project, doc_id: DocumentId, start: int, end: int) -> list[Span]:
    """The spans of turn text inside ``[start, end)`` (see `clip_to_turns`)."""
    text = project.documents.text(doc_id)
    turns = [(t.start, t.end) for t in project.documents.turns(doc_id)]
    return clip_to_turns(text, turns, start, end)


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


def code_pieces(doc_id: DocumentId, pieces: Sequence[Span], code_ids: Sequence[CodeId],
                valence: Valence = Valence.NEUTRAAL, coder: str | None = None,
                memo: str = "", detail: str = "") -> Command:
    """One ApplyCodes per piece; several are one Macro (one transaction, one undo step)."""
    if not pieces:
        raise LabelOnlyError("the selection holds no spoken text (only speaker labels, "
                             "timestamps or white space).")
    children = [ApplyCodes(doc_id, a, b, code_ids, valence, coder, memo) for a, b in pieces]
    for child in children:
        child.detail = detail
    if len(children) == 1:
        return children[0]
    return Macro("apply_code", children, detail)


def applied_segments(command: Command) -> list[int]:
    """The fragments a `code_pieces` command made or added to, in text order."""
    children = command.children if isinstance(command, Macro) else [command]
    return [c.segment_id for c in children if isinstance(c, ApplyCodes)]
