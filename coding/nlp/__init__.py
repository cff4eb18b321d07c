"""Dutch language processing: tokens, sentences and lemmas, lemma search, coding suggestions.

Nothing here imports spaCy at module import time: the workbench must start fast, and spaCy is
loaded only by :func:`coding.nlp.pipeline.load_pipeline` when a document is first processed
(DESIGN.md section 4). Results are plain dataclasses that serialise to bytes for a per-document
cache, so a search never has to re-run the pipeline.
"""

from __future__ import annotations

from coding.nlp.pipeline import ProcessedText, Token, TurnSpan, load_pipeline, process

__all__ = ["ProcessedText", "Token", "TurnSpan", "load_pipeline", "process"]
