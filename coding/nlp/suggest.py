"""Coding suggestions: passages that are probably about a code, with the words that triggered them.

Suggestions only *point*: nothing here writes a coding. The researcher accepts, rejects or adjusts
each one, and an accepted suggestion becomes an ordinary undoable coding elsewhere (issue 6).

Each code may carry keywords (see ``resources/codebook_keywords.json`` for the built-in youth-care
codebook). A keyword is matched on lemmas so it does not depend on inflection:

- one word: the same simplemma lemma or lemma family (``wisseling`` ~ ``gewisseld``);
- a word with ``*``/``?``: a wildcard on the word or its lemma (``wacht*``);
- several words: a phrase, the keywords' lemmas consecutive in the sentence.

A sentence (or a whole turn) is suggested for a code when its score reaches ``min_score``. The
score adds, per distinct keyword found, the number of words in it (a phrase is stronger evidence
than a single word), so one stray common word is not enough with the default threshold of 2.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from coding.nlp.lemmas import family, fold
from coding.nlp.lemmas import lemma as lemma_of
from coding.nlp.pipeline import ProcessedText, Token

Unit = Literal["sentence", "turn"]


@dataclass(frozen=True)
class Suggestion:
    code: str  # code path, e.g. "toegang/wachttijd"
    start: int
    end: int
    text: str
    triggers: tuple[str, ...]  # the words as they stand in the text
    keywords: tuple[str, ...]  # the keywords that matched
    score: float
    turn: int


@dataclass(frozen=True)
class _Keyword:
    source: str
    kind: Literal["word", "wildcard", "phrase"]
    keys: tuple[str, ...]  # lemma-family keys (word/phrase) or the wildcard pattern
    weight: float
    pattern: re.Pattern[str] | None = None


_SPLIT = re.compile(r"[\w*?'’-]+")


def _compile(keyword: str) -> _Keyword | None:
    words = [w for w in _SPLIT.findall(keyword.lower()) if w.strip("'’-")]
    if not words:
        return None
    if len(words) == 1 and ("*" in words[0] or "?" in words[0]):
        body = "".join(
            ".*" if c == "*" else "." if c == "?" else re.escape(c) for c in fold(words[0])
        )
        return _Keyword(keyword, "wildcard", (words[0],), 1.0, re.compile(f"^{body}$"))
    keys = tuple(family(lemma_of(w)) for w in words)
    kind: Literal["word", "phrase"] = "word" if len(words) == 1 else "phrase"
    return _Keyword(keyword, kind, keys, float(len(words)))


@lru_cache(maxsize=1)
def builtin_keywords() -> dict[str, tuple[str, ...]]:
    """Keywords of the built-in youth-care codebook, keyed by code path."""
    raw = resources.files("resources").joinpath("codebook_keywords.json").read_text("utf-8")
    data = json.loads(raw)
    return {path: tuple(words) for path, words in data.items() if not path.startswith("_")}


def _matches(
    keyword: _Keyword, tokens: Sequence[Token], keys: Sequence[str]
) -> list[tuple[int, int]]:
    """Index ranges [i, j) of tokens matching ``keyword``."""
    found: list[tuple[int, int]] = []
    if keyword.kind == "wildcard":
        assert keyword.pattern is not None
        for i, tok in enumerate(tokens):
            if keyword.pattern.match(fold(tok.lower)) or keyword.pattern.match(fold(tok.lemma)):
                found.append((i, i + 1))
        return found
    n = len(keyword.keys)
    first = keyword.keys[0]
    for i in range(len(tokens) - n + 1):
        if keys[i] == first and tuple(keys[i : i + n]) == keyword.keys:
            found.append((i, i + n))
    return found


def suggest(
    text: str,
    processed: ProcessedText,
    keywords: Mapping[str, Iterable[str]],
    *,
    unit: Unit = "sentence",
    roles: Collection[str] | None = ("respondent",),
    min_score: float = 2.0,
) -> list[Suggestion]:
    """Passages of one document proposed per code, best first within each passage.

    ``roles`` limits suggestions to turns with those roles (interviewer questions are rarely
    what a researcher codes); a document without turns (a written answer) is all included.
    """
    compiled = {
        code: [k for k in (_compile(w) for w in words) if k is not None]
        for code, words in keywords.items()
    }
    turns = processed.turns
    units: list[tuple[int, int, int]]
    if unit == "turn" and turns:
        units = [(t.start, t.end, i) for i, t in enumerate(turns)]
    else:
        units = list(processed.sentences)
    words = [t for t in processed.tokens if t.is_alpha or t.lower.isalnum()]
    suggestions: list[Suggestion] = []
    wi = 0
    for start, end, turn in units:
        if roles is not None and turn >= 0 and turns[turn].role not in roles:
            continue
        while wi < len(words) and words[wi].start < start:
            wi += 1
        wj = wi
        while wj < len(words) and words[wj].end <= end:
            wj += 1
        unit_tokens = words[wi:wj]
        if not unit_tokens:
            continue
        keys = [family(t.lemma) for t in unit_tokens]
        for code, code_keywords in compiled.items():
            score = 0.0
            hit_keywords: list[str] = []
            spans: set[tuple[int, int]] = set()
            for keyword in code_keywords:
                ranges = _matches(keyword, unit_tokens, keys)
                if ranges:
                    score += keyword.weight
                    hit_keywords.append(keyword.source)
                    spans.update(ranges)
            if score >= min_score:
                triggers = tuple(
                    text[unit_tokens[i].start : unit_tokens[j - 1].end] for i, j in sorted(spans)
                )
                suggestions.append(
                    Suggestion(
                        code=code,
                        start=start,
                        end=end,
                        text=text[start:end],
                        triggers=triggers,
                        keywords=tuple(hit_keywords),
                        score=score,
                        turn=turn,
                    )
                )
    suggestions.sort(key=lambda s: (s.start, -s.score, s.code))
    return suggestions
