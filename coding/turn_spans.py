"""Attribution: which speaker a fragment belongs to, and what of a selection may be coded.

A turn's span holds only what was said: its label (``R:``, ``Interviewer -``) and timestamp
(``[00:03:41]``) lie outside it, between turns. Two rules follow, one home each:

- **What is coded** (`clip_to_turns`): a selection is cut to the turn text it covers. A selection
  dragged from the start of a line loses the label in front; one that runs into the next
  turn's label stops before it; a selection across turns gives one piece per turn (so each
  piece is one speaker's words and is attributed, counted and quoted as theirs -- see
  `coding.selection` for why pieces rather than one fragment with labels inside). White space at
  either end of a piece is trimmed. A document without turns is coded as selected.
- **Who said it** (`TurnIndex.speaker`): a fragment's speaker is the turn that holds most of its
  characters (the first of equals). A fragment that lies wholly between turns (older data, other
  tools) belongs to the turn that follows, as a label does. Retrieval, counts, the chapter and
  `--respondent-only` all ask this one function.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import String, select, type_coerce

from coding.types import SpeakerRole
from models.schema import Speaker, Turn

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_ROLES = {r.value: r for r in SpeakerRole}

Span = tuple[int, int]


def clip_to_turns(text: str, turns: Sequence[Span], start: int, end: int) -> list[Span]:
    """The pieces of ``text[start:end]`` that lie in turns, trimmed; in text order."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    if not turns:
        return [p for p in [_trim(text, start, end)] if p[0] < p[1]]
    pieces = []
    for a, b in sorted(turns):
        lo, hi = max(a, start), min(b, end)
        if lo < hi:
            piece = _trim(text, lo, hi)
            if piece[0] < piece[1]:
                pieces.append(piece)
    return pieces


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class TurnIndex:
    """The turns of some documents, for the speaker of any span in them."""

    __slots__ = ("_docs",)

    def __init__(self, rows: Iterable[tuple[int, int, int, str | None, SpeakerRole]]) -> None:
        """`rows`: (document id, start, end, speaker label, role), in any order."""
        docs: dict[int, list[tuple[int, int, str | None, SpeakerRole]]] = {}
        for doc_id, start, end, label, role in rows:
            docs.setdefault(doc_id, []).append((start, end, label, role))
        self._docs: dict[int, tuple[list[int], list[tuple[int, int, str | None, SpeakerRole]]]]
        self._docs = {}
        for doc_id, turns in docs.items():
            turns.sort(key=lambda t: (t[0], t[1]))
            self._docs[doc_id] = ([t[0] for t in turns], turns)

    @classmethod
    def load(cls, s: Session, doc_ids: Iterable[int] | None = None) -> TurnIndex:
        """The turns of these documents (all when None), with their speakers' roles."""
        q = (select(Turn.document_id, Turn.start, Turn.end, Speaker.label,
                    type_coerce(Speaker.role, String))
             .outerjoin(Speaker, Speaker.id == Turn.speaker_id))
        if doc_ids is not None:
            q = q.where(Turn.document_id.in_(list(doc_ids)))
        return cls((d, st, en, label, _ROLES[role] if role else SpeakerRole.RESPONDENT)
                   for d, st, en, label, role in s.connection().execute(q))

    def turns(self, doc_id: int) -> list[Span]:
        found = self._docs.get(doc_id)
        return [(t[0], t[1]) for t in found[1]] if found else []

    def speaker(self, doc_id: int, start: int, end: int
                ) -> tuple[str | None, SpeakerRole | None]:
        """The label and role of the turn holding most of ``[start, end)``."""
        found = self._docs.get(doc_id)
        if not found:
            return None, None
        starts, turns = found
        first = max(0, bisect.bisect_right(starts, start) - 1)
        best, best_overlap = -1, 0
        for i in range(first, len(turns)):
            t_start, t_end = turns[i][0], turns[i][1]
            if t_start >= end:
                break
            overlap = min(end, t_end) - max(start, t_start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best < 0:  # between turns: the label belongs to the turn after it
            after = bisect.bisect_left(starts, start)
            best = after if after < len(turns) else len(turns) - 1
        _s, _e, label, role = turns[best]
        return label, role

    def role(self, doc_id: int, start: int, end: int) -> SpeakerRole | None:
        return self.speaker(doc_id, start, end)[1]
