"""Lemmas from simplemma, plus a small derivational "lemma family" for search.

simplemma gives the same lemma on every machine (with or without ``nl_core_news_sm``), which is
why search and keyword counts use it rather than the model's own lemmatiser (DESIGN.md section 4).
It is inflectional only: *wisselingen* -> *wisseling*, but *gewisseld* -> *wisselen*. Researchers
searching for *wisseling* expect both, so :func:`family` maps a lemma to a crude derivational
stem: separable-verb underscores are removed and one of the suffixes ``-ingen``/``-ing``/``-en`` is
stripped when at least four letters remain (``wisseling``/``wisselen`` -> ``wissel``,
``wachten`` -> ``wacht``). Lemma search matches on the same lemma *or* the same family; the
minimum stem length keeps short words (``wonen``/``woning``, ``tien``) from colliding.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_FAMILY_SUFFIXES = ("ingen", "ing", "en")
_MIN_STEM = 4
# Emphasis in transcripts is written with acute accents (wás, zíj): these are not Dutch
# spellings, so an unknown accented word is looked up again without them.
_ACUTES = str.maketrans("áéíóú", "aeiou")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The lower-case simplemma lemma of ``word`` (Dutch)."""
    import simplemma

    lower = word.lower()
    result = simplemma.lemmatize(lower, lang="nl").lower()
    if result == lower and any(c in lower for c in "áéíóú"):
        plain = lower.translate(_ACUTES)
        result = simplemma.lemmatize(plain, lang="nl").lower()
    return result


@lru_cache(maxsize=200_000)
def family(lemma_: str) -> str:
    """A derivational stem shared by e.g. *wisseling* and *wisselen* (see module docstring)."""
    stem = lemma_.replace("_", "")
    for suffix in _FAMILY_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_STEM:
            return stem[: -len(suffix)]
    return stem


def simplemma_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("simplemma")
    except PackageNotFoundError:  # pragma: no cover - it is a hard dependency
        return "?"


def fold(text: str) -> str:
    """Lower case without diacritics, for accent-insensitive exact matching."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
