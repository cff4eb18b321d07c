"""Search in processed documents: lemma search, exact phrases, wildcards, keywords in context.

Researchers type what they would type into any search box, so the query language is small:

- ``wisseling``: one word. With ``lemma=True`` it matches every token with the same simplemma
  lemma *or* the same derivational family (:func:`coding.nlp.lemmas.family`), so *wisseling*
  finds *wisselingen*, *gewisseld* and *wisselen*; with ``lemma=False`` only the word itself
  (case- and accent-insensitive, so *wás* is found by *was*).
- ``"precies deze woorden"``: an exact phrase, consecutive words in one turn; punctuation
  between the words is ignored.
- ``wissel*`` / ``*lijst``: a wildcard on the word as written or on its lemma.
- several terms: a hit for any of them (OR), each hit says which term matched.

Search works on :class:`~coding.nlp.pipeline.ProcessedText` (cached per document), never on
spaCy objects, so it is fast and Qt-free. Hits carry code-point offsets, the words as they stand
in the text and a keyword-in-context left/right window.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from coding.nlp.lemmas import family, fold
from coding.nlp.lemmas import lemma as lemma_of
from coding.nlp.pipeline import ProcessedText, Token


class TermKind(StrEnum):
    WORD = "word"
    PHRASE = "phrase"
    WILDCARD = "wildcard"


@dataclass(frozen=True)
class Term:
    kind: TermKind
    text: str  # as typed (without quotes)
    words: tuple[str, ...]  # folded words (phrase) or the single folded word / pattern


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    match: str  # the words as they stand in the text
    left: str
    right: str
    term: str  # the query term that matched
    turn: int  # index into ProcessedText.turns, -1 without turns
    speaker: str | None
    sentence: tuple[int, int] | None  # the sentence containing the hit

    @property
    def context(self) -> str:
        return f"{self.left}{self.match}{self.right}"


_PART = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"[\w*?]+(?:['’-][\w*?]+)*", re.UNICODE)


class QuerySyntaxError(ValueError):
    """The query cannot be parsed (e.g. an unclosed quote). ``code`` is a stable reason."""

    def __init__(self, code: str, detail: str) -> None:
        self.code = code
        super().__init__(detail)


def parse_query(query: str) -> list[Term]:
    """Split a query into terms (see the module docstring for the language)."""
    normalised = query.replace("\u201c", '"').replace("\u201d", '"').replace("\u201e", '"')
    if normalised.count('"') % 2:
        raise QuerySyntaxError("unbalanced_quotes", "a quote is not closed")
    terms: list[Term] = []
    for match in _PART.finditer(normalised):
        phrase, plain = match.group(1), match.group(2)
        part = phrase if phrase is not None else plain
        words = tuple(fold(w) for w in _WORD.findall(part))
        if not words:
            continue
        if phrase is not None or len(words) > 1:
            terms.append(Term(TermKind.PHRASE, part, words))
        elif "*" in part or "?" in part:
            terms.append(Term(TermKind.WILDCARD, part, words))
        else:
            terms.append(Term(TermKind.WORD, part, words))
    if not terms:
        raise QuerySyntaxError("empty", "the query has no words")
    return terms


def _is_word(token: Token) -> bool:
    return token.is_alpha or any(c.isalnum() for c in token.lower)


def _wildcard(pattern: str) -> re.Pattern[str]:
    body = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.compile(f"^{body}$")


def _context(text: str, start: int, end: int, width: int,
             bounds: tuple[int, int] | None = None) -> tuple[str, str]:
    """Up to `width` characters either side, cut at whole words and kept inside `bounds` (the
    hit's speaker turn): the context never runs into the interviewer's question before it."""
    low, high = bounds if bounds is not None else (0, len(text))
    left = text[max(low, start - width) : start]
    right = text[end : min(high, end + width)]
    if start - width > low and " " in left:
        left = left[left.index(" ") + 1 :]
    if end + width < high and " " in right:
        right = right[: right.rindex(" ")]
    return " ".join(left.split("\n")), " ".join(right.split("\n"))


def search(
    text: str,
    processed: ProcessedText,
    query: str | Sequence[Term],
    *,
    lemma: bool = False,
    roles: Collection[str] | None = None,
    speakers: Collection[str] | None = None,
    context_chars: int = 60,
) -> list[Hit]:
    """All hits of ``query`` in one document, in text order.

    ``roles``/``speakers`` restrict hits to turns with those roles (e.g. ``{"respondent"}``) or
    speaker labels; a document without turns (a written answer) passes a role filter but
    not a speaker filter.
    """
    terms = parse_query(query) if isinstance(query, str) else list(query)
    turns = processed.turns

    def allowed(turn: int) -> bool:
        if roles is None and speakers is None:
            return True
        if turn < 0:
            # A document without speaker turns (a written answer) is all respondent text.
            return speakers is None
        span = turns[turn]
        if roles is not None and span.role not in roles:
            return False
        return speakers is None or span.speaker in speakers

    words = [t for t in processed.tokens if _is_word(t) and allowed(t.turn)]
    folded = [fold(t.lower) for t in words]
    found: dict[tuple[int, int], str] = {}
    for term in terms:
        if term.kind is TermKind.PHRASE:
            n = len(term.words)
            for i in range(len(words) - n + 1):
                if folded[i : i + n] == list(term.words) and words[i].turn == words[i + n - 1].turn:
                    found.setdefault((words[i].start, words[i + n - 1].end), term.text)
        elif term.kind is TermKind.WILDCARD:
            pattern = _wildcard(term.words[0])
            for tok, low in zip(words, folded, strict=True):
                if pattern.match(low) or pattern.match(fold(tok.lemma)):
                    found.setdefault((tok.start, tok.end), term.text)
        elif lemma:
            target = lemma_of(term.words[0])
            target_family = family(target)
            for tok in words:
                if tok.lemma == target or family(tok.lemma) == target_family:
                    found.setdefault((tok.start, tok.end), term.text)
        else:
            for tok, low in zip(words, folded, strict=True):
                if low == term.words[0]:
                    found.setdefault((tok.start, tok.end), term.text)
    hits: list[Hit] = []
    sentences = processed.sentences
    si = 0
    for (start, end), term_text in sorted(found.items()):
        while si < len(sentences) and sentences[si][1] <= start:
            si += 1
        sentence = None
        if si < len(sentences) and sentences[si][0] <= start:
            sentence = (sentences[si][0], sentences[si][1])
        turn = _turn_at(processed, start)
        bounds = (turns[turn].start, turns[turn].end) if turn >= 0 else None
        left, right = _context(text, start, end, context_chars, bounds)
        hits.append(
            Hit(
                start=start,
                end=end,
                match=text[start:end],
                left=left,
                right=right,
                term=term_text,
                turn=turn,
                speaker=turns[turn].speaker if turn >= 0 else None,
                sentence=sentence,
            )
        )
    return hits


def _turn_at(processed: ProcessedText, position: int) -> int:
    for index, span in enumerate(processed.turns):
        if span.start <= position < span.end:
            return index
    return -1
