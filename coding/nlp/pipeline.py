"""The Dutch NLP pipeline: spaCy for tokens and sentences, simplemma for lemmas.

Why this shape (DESIGN.md section 4):

- ``nl_core_news_sm`` is used when installed; build machines cannot download it, so the fallback
  ``spacy.blank("nl")`` + sentencizer must give results good enough for search and suggestions.
  Lemmas always come from simplemma, so both paths lemmatise identically.
- Text is processed per speaker turn (and per line inside a turn): the sentencizer knows nothing
  about ``I:``/``R:`` labels or timestamps, and a sentence must never straddle two speakers.
- Offsets are Python string indices (code points) into the whole document, like coded segments.
- spaCy is imported lazily; :class:`ProcessedText` is plain data that serialises to compact bytes
  for a per-document cache, so searching never re-runs the pipeline.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from coding.nlp.lemmas import lemma as _lemma
from coding.nlp.lemmas import simplemma_version

DEFAULT_MODEL = "nl_core_news_sm"
_FORMAT_VERSION = 1
# Components we never need: lemmas come from simplemma, entities from the pseudonymiser.
_UNNEEDED = ("lemmatizer", "ner", "attribute_ruler", "morphologizer", "tagger")


class TurnSpan(NamedTuple):
    """A speaker turn: code-point span of what was said, the label, and its role."""

    start: int
    end: int
    speaker: str | None = None
    role: str | None = None  # "respondent" | "interviewer" | None


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    lower: str
    lemma: str
    is_alpha: bool
    turn: int  # index into ProcessedText.turns, -1 when the text has no turns


@dataclass(frozen=True)
class ProcessedText:
    """Tokens and sentences of one document; offsets are code points into the document text."""

    pipeline_name: str
    text_length: int
    tokens: list[Token]
    sentences: list[tuple[int, int, int]]  # (start, end, turn index)
    turns: list[TurnSpan] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return sum(1 for t in self.tokens if t.is_alpha)

    def tokens_in(self, start: int, end: int) -> Iterator[Token]:
        for token in self.tokens:
            if token.start >= start and token.end <= end:
                yield token

    def to_bytes(self) -> bytes:
        """Compact serialisation (zlib-compressed JSON of parallel arrays)."""
        payload: dict[str, Any] = {
            "v": _FORMAT_VERSION,
            "pipeline": self.pipeline_name,
            "length": self.text_length,
            "turns": [list(t) for t in self.turns],
            "sentences": [list(s) for s in self.sentences],
            "start": [t.start for t in self.tokens],
            "len": [t.end - t.start for t in self.tokens],
            "lower": [t.lower for t in self.tokens],
            # The lemma is stored only when it differs from the lower-case form.
            "lemma": [t.lemma if t.lemma != t.lower else None for t in self.tokens],
            "alpha": "".join("1" if t.is_alpha else "0" for t in self.tokens),
            "tturn": [t.turn for t in self.tokens],
        }
        raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return zlib.compress(raw, 6)

    @classmethod
    def from_bytes(cls, data: bytes) -> ProcessedText:
        payload = json.loads(zlib.decompress(data).decode("utf-8"))
        if payload.get("v") != _FORMAT_VERSION:
            raise ValueError(f"unsupported NLP cache format {payload.get('v')!r}")
        tokens = [
            Token(
                start=s,
                end=s + n,
                lower=low,
                lemma=lem if lem is not None else low,
                is_alpha=a == "1",
                turn=tt,
            )
            for s, n, low, lem, a, tt in zip(
                payload["start"],
                payload["len"],
                payload["lower"],
                payload["lemma"],
                payload["alpha"],
                payload["tturn"],
                strict=True,
            )
        ]
        return cls(
            pipeline_name=payload["pipeline"],
            text_length=payload["length"],
            tokens=tokens,
            sentences=[(s[0], s[1], s[2]) for s in payload["sentences"]],
            turns=[TurnSpan(*t) for t in payload["turns"]],
        )


class NlpPipeline:
    """A loaded spaCy pipeline plus the name recorded with every result."""

    def __init__(self, nlp: Any, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def __repr__(self) -> str:
        return f"NlpPipeline({self.name!r})"


def _has_sentence_boundaries(nlp: Any) -> bool:
    return any(name in nlp.pipe_names for name in ("parser", "senter", "sentencizer"))


def load_pipeline(model: str | Path | None = None) -> NlpPipeline:
    """Load the Dutch pipeline.

    ``model`` may be a package name or a path to a saved spaCy pipeline. With ``None`` the
    installed ``nl_core_news_sm`` is used when present, else ``spacy.blank("nl")`` with a
    sentencizer. A pipeline without a sentence component gets a sentencizer added.
    """
    import spacy

    lemma_name = f"simplemma {simplemma_version()}"
    if model is None:
        if not spacy.util.is_package(DEFAULT_MODEL):
            nlp = spacy.blank("nl")
            nlp.add_pipe("sentencizer")
            return NlpPipeline(nlp, f"spacy.blank('nl') + sentencizer + {lemma_name}")
        model = DEFAULT_MODEL
    nlp = spacy.load(model, exclude=list(_UNNEEDED))
    if "senter" in nlp.disabled and "parser" in nlp.pipe_names:
        # The statistical sentence recogniser is much faster than the parser for our needs.
        nlp.enable_pipe("senter")
        nlp.disable_pipe("parser")
    if not _has_sentence_boundaries(nlp):
        nlp.add_pipe("sentencizer")
    meta = nlp.meta
    name = f"{meta.get('lang', 'nl')}_{meta.get('name', 'pipeline')} {meta.get('version', '?')}"
    return NlpPipeline(nlp, f"{name} + {lemma_name}")


@lru_cache(maxsize=1)
def default_pipeline() -> NlpPipeline:
    """The process-wide default pipeline, loaded on first use."""
    return load_pipeline()


_LINE = re.compile(r"[^\n]+")


def _units(text: str, turns: Sequence[TurnSpan]) -> Iterator[tuple[int, int, int]]:
    """(start, end, turn index) of each non-blank line inside each turn (or the whole text)."""
    spans = [(t.start, t.end, i) for i, t in enumerate(turns)] or [(0, len(text), -1)]
    for start, end, index in spans:
        for match in _LINE.finditer(text, start, end):
            if match.group().strip():
                yield match.start(), match.end(), index


def process(
    text: str,
    turns: Sequence[TurnSpan | tuple[int, int, str | None, str | None]] = (),
    pipeline: NlpPipeline | None = None,
    batch_size: int = 256,
) -> ProcessedText:
    """Tokenise, split sentences and lemmatise ``text`` per speaker turn.

    ``turns`` are code-point spans of spoken text (labels and timestamps excluded); text outside
    every turn (labels, titles) is not processed. With no turns the whole text is processed line
    by line (a written answer).
    """
    pipe = pipeline or default_pipeline()
    turn_spans = [TurnSpan(*t) for t in turns]
    units = list(_units(text, turn_spans))
    tokens: list[Token] = []
    sentences: list[tuple[int, int, int]] = []
    docs = pipe.nlp.pipe((text[s:e] for s, e, _ in units), batch_size=batch_size)
    for (offset, _end, turn), doc in zip(units, docs, strict=True):
        for tok in doc:
            if tok.is_space:
                continue
            word = tok.text
            lower = word.lower()
            start = offset + tok.idx
            tokens.append(
                Token(
                    start=start,
                    end=start + len(word),
                    lower=lower,
                    lemma=_lemma(word) if tok.is_alpha else lower,
                    is_alpha=tok.is_alpha,
                    turn=turn,
                )
            )
        for sent in doc.sents:
            chars = sent.text
            stripped_start = len(chars) - len(chars.lstrip())
            stripped = chars.strip()
            if stripped:
                s = offset + sent.start_char + stripped_start
                sentences.append((s, s + len(stripped), turn))
    return ProcessedText(
        pipeline_name=pipe.name,
        text_length=len(text),
        tokens=tokens,
        sentences=sentences,
        turns=turn_spans,
    )
