"""Detect personal information across a project: name list, deduce and own rules combined.

Order of trust (DESIGN.md section 4): the researcher's own name list first (they know who the
respondents, children and care workers are), then precise rules, then deduce, then forms found
elsewhere in the project, then weak context rules. Overlaps are resolved by that order, except
that a longer span containing a shorter one of the same kind wins ("Marloes Hendriks" over
"Marloes"), because annotations are maximal spans.

Detection is project-wide on purpose: a short form like "Kenter" or "De Vuurtoren" is recognised
because "Kenter Jeugdhulp" or "basisschool De Vuurtoren" occurs somewhere in the project, and a
name deduce found in one transcript is found again where it missed it in another. That is also
what makes the replacements consistent across documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from coding.pseudonymise import rules
from coding.pseudonymise.model import Mention, PiiType, Source

_SPLIT_RUN_ON = re.compile(r"[.!?;:,]\s+|\n")
_TRAILING_INTERFIX = re.compile(r"(?:\s+(?:van|de|der|den|het|bij|met|en|uit))+\s*$")
_INTERFIXES = {"van", "de", "der", "den", "ten", "ter", "el", "la", "le", "te", "Van", "De"}


@dataclass(frozen=True)
class NameEntry:
    """A name the researcher knows, with its kind (person unless stated)."""

    text: str
    type: PiiType = PiiType.PERSON


def _whole_word(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w@.-]){re.escape(form)}(?![\w@-])")


def _occurrences(text: str, form: str, type_: PiiType, source: Source) -> list[Mention]:
    return [
        Mention(m.start(), m.end(), m.group(), type_, source)
        for m in _whole_word(form).finditer(text)
    ]


def name_variants(entry: NameEntry) -> list[str]:
    """The full name and its distinctive parts ("Shanice Pinas" -> also "Shanice", "Pinas")."""
    full = " ".join(entry.text.split())
    variants = [full]
    if entry.type is PiiType.PERSON:
        words = full.split()
        if len(words) > 1:
            variants += [
                w for w in words if w not in _INTERFIXES and len(w) >= 3 and w[0].isupper()
            ]
            # A surname with an interfix ("Van Dijk" in "Karin van Dijk").
            for i, w in enumerate(words[1:], start=1):
                if w in _INTERFIXES and i + 1 < len(words):
                    tail = " ".join(words[i:])
                    variants += [tail, tail[0].upper() + tail[1:]]
                    break
    return list(dict.fromkeys(variants))


def _at_sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?:\n\"'(-–•"


def _common_word_at_sentence_start(text: str, mention: Mention) -> bool:
    """deduce tags sentence-initial words such as "Dingen" or "Mooi" as names; drop those."""
    import simplemma

    word = mention.text
    if " " in word or not simplemma.is_known(word.lower(), lang="nl"):
        return False
    return all(_at_sentence_start(text, m.start()) for m in _whole_word(word).finditer(text))


def _clean_deduce(text: str, raw: Sequence[Mention], anchors: Sequence[Mention]) -> list[Mention]:
    """Split run-ons ("Jayden. Shanice"), strip titles, cut before organisations/places."""
    cleaned: list[Mention] = []
    for mention in raw:
        parts: list[tuple[int, int]] = []
        cursor = mention.start
        for sep in _SPLIT_RUN_ON.finditer(text, mention.start, mention.end):
            parts.append((cursor, sep.start()))
            cursor = sep.end()
        parts.append((cursor, mention.end))
        for start, end in parts:
            start += rules.strip_title(text[start:end])
            if mention.type is PiiType.PERSON:
                for anchor in anchors:
                    if anchor.type is not PiiType.PERSON and start < anchor.start < end:
                        end = anchor.start
                trail = _TRAILING_INTERFIX.search(text, start, end)
                if trail:
                    end = trail.start()
            while end > start and not text[end - 1].isalnum():
                end -= 1
            if end <= start:
                continue
            part = Mention(start, end, text[start:end], mention.type, Source.DEDUCE)
            if part.type is PiiType.PERSON and (
                part.text in rules.GENERIC or _common_word_at_sentence_start(text, part)
            ):
                continue
            cleaned.append(part)
    return cleaned


def resolve(candidates: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions: by source trust, maximal spans of the same kind first."""
    pool = list(dict.fromkeys(candidates))
    promoted: list[Mention] = []
    for cand in pool:
        best = cand.source
        for other in pool:
            if (
                other.source < best
                and other.type is cand.type
                and cand.start <= other.start
                and other.end <= cand.end
                and cand.length > other.length
            ):
                best = other.source
        promoted.append(replace(cand, source=best) if best != cand.source else cand)
    promoted.sort(key=lambda m: (m.source, -m.length, m.start))
    accepted: list[Mention] = []
    for cand in promoted:
        if not any(cand.overlaps(a) for a in accepted):
            accepted.append(cand)
    return sorted(accepted)


def detect_project(
    texts: Mapping[str, str],
    names: Iterable[NameEntry | str] = (),
    *,
    use_deduce: bool = True,
    deduce_cache: Path | None = None,
) -> dict[str, list[Mention]]:
    """Mentions per document key. ``names`` is the project's name list (highest priority)."""
    entries = [n if isinstance(n, NameEntry) else NameEntry(n) for n in names if str(n).strip()]
    name_forms = [(v, e.type) for e in entries for v in name_variants(e)]
    precise = {key: rules.precise_rules(text) for key, text in texts.items()}
    # Forms learnt from the whole project: organisations, schools and their short forms,
    # neighbourhoods, and the place inside "gemeente X".
    known: dict[str, PiiType] = {}
    for found in precise.values():
        for m in found:
            if m.type in (PiiType.ORGANISATION, PiiType.SCHOOL):
                known.setdefault(m.text, m.type)
                short = rules.name_part_of(m.text)
                if short:
                    known.setdefault(short, m.type)
                if m.text.lower().startswith("gemeente "):
                    known.setdefault(m.text.split(None, 1)[1], PiiType.LOCATION)
            elif m.type is PiiType.LOCATION:
                known.setdefault(m.text, m.type)
    first: dict[str, list[Mention]] = {}
    weak: dict[str, list[Mention]] = {}
    for key, text in texts.items():
        cands = [m for f, t in name_forms for m in _occurrences(text, f, t, Source.NAME_LIST)]
        cands += precise[key]
        learnt = [m for f, t in known.items() for m in _occurrences(text, f, t, Source.RULE)]
        cands += learnt
        if use_deduce:
            from coding.pseudonymise import deduce_backend

            cands += _clean_deduce(text, deduce_backend.detect(text, deduce_cache), cands)
        weak[key] = rules.weak_rules(text)
        first[key] = resolve(cands + weak[key])
    # Second pass: what was found anywhere is looked for everywhere.
    spread: dict[str, PiiType] = {}
    for found in first.values():
        for m in found:
            if m.type in (PiiType.PERSON, PiiType.LOCATION) and m.text[:1].isupper():
                spread.setdefault(m.text, m.type)
    result: dict[str, list[Mention]] = {}
    for key, text in texts.items():
        extra = [m for f, t in spread.items() for m in _occurrences(text, f, t, Source.PROPAGATED)]
        result[key] = resolve(first[key] + extra)
    return result


def detect_text(
    text: str,
    names: Iterable[NameEntry | str] = (),
    *,
    use_deduce: bool = True,
    deduce_cache: Path | None = None,
) -> list[Mention]:
    """Mentions in one text (a project of one document)."""
    return detect_project({"": text}, names, use_deduce=use_deduce, deduce_cache=deduce_cache)[""]
