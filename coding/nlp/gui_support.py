"""Small Qt-free helpers the NLP panels need beyond :mod:`coding.nlp.service`.

Why a separate module: the GUI must put ONE command on its own undo stack, so it needs the
commands *built but not executed* (``service.code_all_hits`` executes on the project's headless
history, which would run them twice); it wants per-document progress and cancel for the first,
slow search; and it must know which pipeline is active without importing spaCy at start-up.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence

from sqlalchemy import func, select

from coding.commands import ApplyCodes, Command, Macro
from coding.nlp.lemmas import simplemma_version
from coding.nlp.pipeline import DEFAULT_MODEL
from coding.nlp.service import (
    cached_pipeline_names,
)
from coding.project import Project
from coding.types import CodeId, DocumentId, Valence
from models.schema import Pseudonym


def expected_pipeline_name() -> str:
    """The pipeline processing will use, found without importing spaCy (start-up stays fast)."""
    lemma_name = f"simplemma {simplemma_version()}"
    if importlib.util.find_spec(DEFAULT_MODEL) is not None:
        return f"{DEFAULT_MODEL} + {lemma_name}"
    return f"spacy.blank('nl') + sentencizer + {lemma_name}"


def active_pipeline_names(project: Project) -> list[str]:
    """Pipelines that produced the cached results (usually one), else the expected one."""
    names = sorted(set(cached_pipeline_names(project).values()))
    return names or [expected_pipeline_name()]


def suggestions_command(
    items: Sequence[tuple[DocumentId, int, int, CodeId]],
    valence: Valence = Valence.NEUTRAAL,
    coder: str | None = None,
) -> Command:
    """Accepting suggestions: one ApplyCodes, or a Macro of them (one undo step) for a batch."""
    children = [ApplyCodes(d, s, e, [c], valence, coder) for d, s, e, c in items]
    if len(children) == 1:
        return children[0]
    return Macro("accept_suggestions", children, detail=str(len(children)))


def turn_span_at(project: Project, doc_id: DocumentId, start: int, end: int) -> tuple[int, int]:
    """The speaker turn containing ``start``-``end`` (the span itself when it has no turn):
    what "expand to the turn" means when adjusting a suggestion."""
    for turn in project.documents.turns(doc_id):
        if turn.start <= start and end <= turn.end:
            return turn.start, turn.end
    return start, end


def applied_unconfirmed(project: Project) -> int:
    """How many key entries were applied but not yet confirmed (the apply can still be undone)."""
    with project.store.read() as s:
        count = s.scalar(select(func.count()).where(Pseudonym.status == "applied"))
    return int(count or 0)
