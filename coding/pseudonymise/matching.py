"""The one way a known form is found in a text: used by detection (propagation, the name list)
and by the export guard, so that what the guard checks is exactly what detection replaces.

Rules (issue #11):
- whole words only (``Anouk`` never matches inside ``Anoukje``'s neighbour word ``Anoukstraat``);
- every variant of a form: any letter case (``pieter``, ``PIETER``), possessives (``Pieters``,
  ``Fenna's``, ``Fenna’s``) and diminutives (``Pietje``, ``Jurgentje``, ``Fennaatje``); the
  clitics ``z'n``/``d'r`` are separate words and need nothing special;
- a form that is also an ordinary Dutch word (``Storm``, ``Hoek``, ``Visser``, ``Elf``) matches
  only exactly as written in the source: the name ``Storm`` never matches ``de storm`` or
  ``om de hoek``;
- a form made only of function words (``De``, ``van``) matches nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from coding.pseudonymise.casing import is_lower_case
from coding.pseudonymise.lexicon import common_word, is_function_word

_BEFORE = r"(?<![\w@.\-/])"
_AFTER = r"(?![\w@\-/]|\.\w)"
_POSSESSIVE = r"(?:s|'s|’s|'|’)?"
_ARTICLES = {"de", "het", "'t", "een", "den", "der"}
_DIMINUTIVE = r"(?:tje|je|pje|kje|ke|ie|'tje|’tje|atje|etje|ootje|ietje)?"


def _stems(form: str) -> list[str]:
    """Stems a diminutive may be built on: ``Pieter`` -> ``Piet`` (Pietje)."""
    stems = []
    if len(form) >= 5 and form[-2:] in ("er", "en", "el") and " " not in form:
        stems.append(form[:-2])
    return stems


def _form_pattern(form: str) -> str:
    """Regex body for one form and its possessive and diminutive variants."""
    words = form.split()
    body = r"\s+".join(re.escape(w) for w in words)
    if not words[-1][-1:].isalpha():  # numbers, handles, e-mail: the form itself
        return body
    variants = [rf"{body}{_DIMINUTIVE}{_POSSESSIVE}"]
    last = words[-1][-1]
    if last.lower() in "aeiouy":  # Jeandro -> Jeandrootje, Anna -> Annaatje
        variants.append(rf"{body}{re.escape(last)}tje{_POSSESSIVE}")
    else:  # Tim -> Timmetje, Jan -> Jannetje, Jurman -> Jurmannetje
        variants.append(rf"{body}{re.escape(last)}etje{_POSSESSIVE}")
    if len(words) == 1:
        variants += [rf"{re.escape(stem)}(?:je|tje)" for stem in _stems(form)]
    return "(?:" + "|".join(variants) + ")"


def is_strict(form: str) -> bool:
    """A form that matches only capitalised as written: a single ordinary Dutch word
    (``Storm``), or an article with ordinary words (``De Winter`` must not match *in de
    winter*)."""
    words = form.split()
    if len(words) > 1:  # "De Wind" (tegen de wind in), not "Van den Berg"
        return words[0].casefold() in _ARTICLES and all(common_word(w) for w in words)
    return bool(words) and common_word(words[0])


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    form: str  # the key form that matched


class FormMatcher:
    """All forms compiled into two regexes: case-insensitive, and exact for common words.

    Forms in ``evidence`` (names found in *another* text, not given by the researcher) match in
    lower case only where the text itself gives the evidence: it is typed all in lower case, or
    it also writes that name with a capital. A surname in one interview then never turns an
    ordinary word of another into a name (``sjef``, "boss" in Limburgish, beside a person
    ``Sjef``), and an abbreviation (``BSO``) never matches a name written ``Bso``.
    """

    def __init__(self, forms: Iterable[str], *, evidence: Iterable[str] = ()) -> None:
        self._given: dict[str, str] = {}  # normalised -> the form as the caller gave it
        for f in forms:
            if f and f.strip():
                self._given.setdefault(" ".join(f.split()), f)
        self._evidence = {self._given.get(" ".join(f.split()), f) for f in evidence}
        clean = {f for f in self._given if not is_function_word(f) and len(f) > 1}
        self.forms = sorted(clean, key=len, reverse=True)
        self._loose = [f for f in self.forms if not is_strict(f)]
        self._strict = [f for f in self.forms if is_strict(f)]
        self._loose_re = self._compile(self._loose, re.IGNORECASE)
        self._strict_re = self._compile(self._strict, 0)

    @staticmethod
    def _compile(forms: list[str], flags: int) -> re.Pattern[str] | None:
        if not forms:
            return None
        parts = [f"(?P<f{i}>{_form_pattern(f)})" for i, f in enumerate(forms)]
        return re.compile(_BEFORE + "(?:" + "|".join(parts) + ")" + _AFTER, flags)

    def _iter(self, text: str, regex: re.Pattern[str] | None,
              forms: list[str]) -> Iterator[Hit]:
        if regex is None:
            return
        for match in regex.finditer(text):
            index = int(match.lastgroup[1:]) if match.lastgroup else 0
            yield Hit(match.start(), match.end(), self._given[forms[index]])

    def finditer(self, text: str) -> list[Hit]:
        """Non-overlapping hits, longest first where two overlap, in text order."""
        hits = list(self._iter(text, self._loose_re, self._loose))
        hits += self._iter(text, self._strict_re, self._strict)
        # A variant that is itself an ordinary lower-case word ("bos" from "Bo") is not a name.
        hits = [h for h in hits if text[h.start:h.end].casefold() == h.form.casefold()
                or text[h.start].isupper() or not common_word(text[h.start:h.end])]
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        for hit in hits:
            if kept and hit.start < kept[-1].end:
                continue
            kept.append(hit)
        if self._evidence:
            kept = self._with_evidence(text, kept)
        return kept

    def _with_evidence(self, text: str, hits: list[Hit]) -> list[Hit]:
        capitals = {h.form for h in hits if text[h.start].isupper()}
        lower_text: bool | None = None
        kept = []
        for hit in hits:
            surface = text[hit.start:hit.end]
            if hit.form in self._evidence and not hit.form.isupper():
                if surface.isupper() and len(surface) <= 5:
                    continue  # BSO is not Bso
                if surface[:1].islower() and hit.form[:1].isupper():
                    if lower_text is None:
                        lower_text = is_lower_case(text)
                    # in a text with capitals a lower-case word after an article or possessive
                    # is a noun ("mien sjef", my boss, beside a person "Sjef"); in a lower-case
                    # text "mijn jeandrootje" is still the name
                    if not lower_text and (hit.form not in capitals
                                           or _after_determiner(text, hit.start)):
                        continue
            kept.append(hit)
        return kept


_DETERMINER_BEFORE = re.compile(
    r"(?i)(?<![\w'’])(?:de|het|een|mijn|mien|m'n|zijn|z'n|haar|d'r|hun|onze|ons|jullie|je|"
    r"jouw|uw|die|deze|dat|dit|geen|elke|iedere)\s+$")


def _after_determiner(text: str, start: int) -> bool:
    """An article or possessive stands right before ``start``."""
    return _DETERMINER_BEFORE.search(text, max(0, start - 12), start) is not None


def find(text: str, forms: Iterable[str]) -> list[Hit]:
    """Convenience: the hits of ``forms`` in ``text``."""
    return FormMatcher(forms).finditer(text)
