"""Which words belong only to a withdrawn respondent: the two generic rules of a withdrawal.

A withdrawal removes what is *theirs*, and leaves what others also said or wrote. Two questions
come up, each answered here once, on plain strings:

- Does a memo or a matrix summary elsewhere *quote* them? Their texts are cut into runs of
  `QUOTE_WORDS` consecutive words; a run that occurs in no remaining document is theirs, and a
  passage of another text made of such runs quotes them ("ik weet het niet meer" is said by
  many and quotes no one).
- Does a pseudonymisation key entry (or a name on the project's name list) belong only to them?
  When its original or its pseudonym occurs, as a whole word, in their material and in nothing
  that stays: no other document, attribute value, memo, fragment memo or summary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

QUOTE_WORDS = 5
CUT = "[…]"
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text.casefold()))


def _runs(words: Sequence[str]) -> Iterable[tuple[str, ...]]:
    for i in range(len(words) - QUOTE_WORDS + 1):
        yield tuple(words[i:i + QUOTE_WORDS])


class Quotes:
    """Runs of words that occur in the withdrawn texts and in no remaining text."""

    def __init__(self, theirs: Iterable[str], remaining: Iterable[str]) -> None:
        runs: set[tuple[str, ...]] = set()
        for text in theirs:
            runs.update(_runs([m.group() for m in _words(text)]))
        shared: set[tuple[str, ...]] = set()
        if runs:
            for text in remaining:
                shared.update(r for r in _runs(_WORD.findall(text.casefold())) if r in runs)
        self._runs = runs - shared

    def passages(self, text: str) -> list[tuple[int, int]]:
        """Character spans of `text` that quote them (overlapping runs merged)."""
        if not self._runs or not text:
            return []
        matches = _words(text)
        spans: list[tuple[int, int]] = []
        for i in range(len(matches) - QUOTE_WORDS + 1):
            run = tuple(m.group() for m in matches[i:i + QUOTE_WORDS])
            if run in self._runs:
                start, end = matches[i].start(), matches[i + QUOTE_WORDS - 1].end()
                if spans and start <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
        return spans

    def cut(self, text: str) -> tuple[str, int]:
        """`text` with every passage quoting them replaced by '[…]'; and how many were cut."""
        spans = self.passages(text)
        for start, end in reversed(spans):
            text = text[:start] + CUT + text[end:]
        return text, len(spans)


class Mentions:
    """Whole-word, case-insensitive occurrence of names in a body of text."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._text = "\n".join(t for t in texts if t).casefold()

    def mentions(self, form: str) -> bool:
        form = form.strip().casefold()
        if not form or form not in self._text:  # fast refusal before the exact test
            return False
        return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", self._text) is not None

    def any(self, forms: Iterable[str]) -> bool:
        return any(self.mentions(f) for f in forms)


def belongs_only_to_them(forms: Iterable[str], theirs: Mentions, remaining: Mentions) -> bool:
    """A key entry or name whose forms occur in their material and in nothing that stays."""
    forms = [f for f in forms if f and f.strip()]
    return theirs.any(forms) and not remaining.any(forms)
