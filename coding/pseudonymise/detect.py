"""Detect personal information across a project: name list, deduce and own rules combined.

Order of trust (DESIGN.md section 4): the researcher's own name list first (they know who the
respondents, children and care workers are), then precise rules, then deduce, then forms found
elsewhere in the project, then weak context rules. Overlaps are resolved by that order, except
that a longer span containing a shorter one of the same kind wins ("Marloes Hendriks" over
"Marloes"), because annotations are maximal spans.

Every form found as a person, place, school or organisation anywhere (or on the name list) is
then looked for everywhere with :mod:`coding.pseudonymise.matching` — the same matcher the
export guard uses — so lower case, possessives and diminutives of a known name are found too.
Names that are published anyway (the study's municipalities, from the ``gemeente`` attribute)
are never detected: the reports are made per municipality by name.

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

from coding.pseudonymise import casing, context, deduce_backend, lexicon, notations, rules
from coding.pseudonymise.matching import FormMatcher
from coding.pseudonymise.model import Mention, PiiType, Source

_SPLIT_RUN_ON = re.compile(r"[.!?;:,]\s+|\n")
_TRAILING_INTERFIX = re.compile(r"(?:\s+(?:van|de|der|den|het|bij|met|en|uit))+\s*$")
_INTERFIXES = {"van", "de", "der", "den", "ten", "ter", "el", "la", "le", "te", "al"}
_SPREAD = (PiiType.PERSON, PiiType.LOCATION, PiiType.ORGANISATION, PiiType.SCHOOL)
# National bodies and idioms that hold capitalised words but name nobody: nothing inside them
# is personal data ("Raad voor de Kinderbescherming" is not a person "Raad" and an organisation
# "Kinderbescherming"; "Jan en alleman" is everybody).
_NOT_PII_RE = re.compile(
    r"(?i)\b(?:raad\svoor\sde\skinderbescherming|jan\sen\salleman|jan\smodaal|"
    r"veilig\sthuis|openbaar\sministerie|leger\sdes\sheils|centrum\svoor\sjeugd\sen\sgezin|"
    r"dienst\stoeslagen|juridisch\sloket|centrum\sseksueel\sgeweld|nationale\sombudsman|sociale\sverzekeringsbank|zwarte\spiet|kinder-\sen\sjongerentelefoon)\b")
_DIMINUTIVE_RE = re.compile(r"(?:([aeiou])\1tje|([^aeiou])\2etje|tje|pje|kje|je)$")


def _diminutive_stems(word: str) -> set[str]:
    """The names a diminutive may be made from: ``Rojhatje`` -> ``Rojhat`` (or ``Rojha``),
    ``Jeandrootje`` -> ``Jeandro``, ``Timmetje`` -> ``Tim``."""
    stems = set()
    for ending in ("tje", "pje", "kje", "je"):
        if word.endswith(ending):
            stems.add(word[: -len(ending)])
    match = _DIMINUTIVE_RE.search(word)
    if match and match.group(1):
        stems.add(word[: match.start() + 1])
    if match and match.group(2):
        stems.add(word[: match.start() + 1])
    return stems - {word}
_SPELLED_RE = re.compile(r"(?<![\w-])[^\W\d_]{1,4}(?:-[^\W\d_]{1,4}){1,12}(?![\w-])")


@dataclass(frozen=True)
class NameEntry:
    """A name the researcher knows, with its kind (person unless stated) and own variants."""

    text: str
    type: PiiType = PiiType.PERSON
    variants: tuple[str, ...] = ()


def name_variants(entry: NameEntry) -> list[str]:
    """The full name, its distinctive parts ("Shanice Pinas" -> "Shanice", "Pinas") and the
    variants the researcher added. Schools and organisations are never split into words."""
    full = " ".join(entry.text.split())
    variants = [full]
    if entry.type is PiiType.PERSON:
        words = full.split()
        if len(words) > 1:
            variants += [w for w in words if w.casefold() not in _INTERFIXES and len(w) >= 2
                         and not lexicon.is_function_word(w)]
            for i, w in enumerate(words[1:], start=1):  # "van Dijk" in "Karin van Dijk"
                if w.casefold() in _INTERFIXES and i + 1 < len(words):
                    variants.append(" ".join(words[i:]))
                    break
    elif entry.type in (PiiType.ORGANISATION, PiiType.SCHOOL):
        short = rules.name_part_of(full)
        if short:
            variants.append(short)
    variants += [" ".join(v.split()) for v in entry.variants if v.strip()]
    return [v for v in dict.fromkeys(variants) if not lexicon.is_function_word(v)]


def _at_sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?:\n\"'(-–•"


def _strip_lead(text: str, start: int, end: int) -> int:
    """Skip leading titles, cue words and a sentence-initial ordinary word ("Eerst Marloes")."""
    while True:
        m = re.match(r"(\S+)\s+", text[start:end])
        if not m:
            return start
        word = m.group(1).rstrip(",")
        if lexicon.is_cue(word) or rules.strip_title(text[start:end]) or (
            _at_sentence_start(text, start) and lexicon.common_word(word)
            and lexicon.first_name(word) is None
        ):
            start += m.end()
            continue
        return start


def _clean_deduce(text: str, raw: Sequence[Mention], anchors: Sequence[Mention]) -> list[Mention]:
    """Split run-ons ("Jayden. Shanice"), strip titles and cue words, cut before organisations."""
    cleaned: list[Mention] = []
    for mention in raw:
        parts: list[tuple[int, int]] = []
        cursor = mention.start
        for sep in _SPLIT_RUN_ON.finditer(text, mention.start, mention.end):
            parts.append((cursor, sep.start()))
            cursor = sep.end()
        parts.append((cursor, mention.end))
        for start, end in parts:
            start = _strip_lead(text, start, end)
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
            word = part.text
            if word in lexicon.GENERIC or lexicon.is_function_word(word):
                continue
            if " " not in word and lexicon.common_word(word) and (
                _at_sentence_start(text, start) or not word[:1].isupper()
            ) and lexicon.first_name(word) is None:
                continue  # "Best goed", "Dingen gingen mis": sentence-initial words
            cleaned.append(part)
    return cleaned


_CLOSING_QUOTES = "'’\"”"


def _without_closing_quote(m: Mention) -> Mention:
    """``Westerveen'`` in ``'hulp angst kind Westerveen'`` is the word, not the quotation mark
    (a possessive apostrophe, ``Kees'``, stays in the text beside the replacement too)."""
    end = m.end
    while end > m.start + 1 and m.text[end - m.start - 1] in _CLOSING_QUOTES:
        end -= 1
    return m if end == m.end else replace(m, end=end, text=m.text[: end - m.start])


def resolve(candidates: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions: by source trust, maximal spans of the same kind first."""
    pool = list(dict.fromkeys(_without_closing_quote(c) for c in candidates))
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


class _Public:
    """Names that are published anyway (the study's municipalities): never personal data."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = {" ".join(n.split()).casefold() for n in names if n and n.strip()}

    def __contains__(self, text: str) -> bool:
        low = " ".join(text.split()).casefold()
        if low.startswith("gemeente "):
            low = low[len("gemeente "):]
        return low in self.names


def _compound_noun(text: str) -> bool:
    """``WhatsApp-groep``, ``BSN-gegevens``, ``Jeugd-GGZ``: a compound of a generic word and
    an ordinary one, not a name (``Rotterdam-west`` is a place)."""
    parts = text.split("-")
    if len(parts) < 2 or " " in text:
        return False
    if all(p in lexicon.GENERIC or p.isupper() and len(p) <= 5 for p in parts):
        return True
    return (parts[-1].islower() and len(parts[-1]) >= 3 and len(parts[0]) >= 2
            and lexicon.common_word(parts[-1])
            and lexicon.place(parts[0]) is None and lexicon.first_name(parts[0]) is None)


def _keep(m: Mention, public: _Public) -> bool:
    if _compound_noun(m.text.removeprefix("De ").removeprefix("de ")):
        return False
    words = m.text.split()
    return not lexicon.is_function_word(m.text) and m.text not in public and (
        m.text not in lexicon.GENERIC) and not (len(words) == 1 and m.type is PiiType.PERSON
                                                and lexicon.is_cue(m.text)
                                                and not lexicon.cue_name(m.text)) and not all(
        lexicon.is_nationality(w) or w.casefold() in lexicon.FUNCTION_WORDS for w in words)


def _outside_generic(text: str, found: list[Mention]) -> list[Mention]:
    """Drop what lies inside a national body's name or an idiom (``_NOT_PII_RE``)."""
    spans = [m.span() for m in _NOT_PII_RE.finditer(text)]
    return [m for m in found if not any(m.start < e and s < m.end for s, e in spans)]


def _in_text(text: str, found: Iterable[Mention]) -> list[Mention]:
    """Mentions found on a re-cased copy, with the words as they stand in ``text``."""
    return [m if text[m.start:m.end] == m.text else replace(m, text=text[m.start:m.end])
            for m in found]


def _spelled_out(text: str, persons: set[str]) -> list[Mention]:
    """A name spelled with hyphens (``Di-lan``, ``d-j-e-i-s-o-n``) whose letters make a name
    found elsewhere or a first name from the lexicon."""
    found = []
    for match in _SPELLED_RE.finditer(text):
        joined = match.group().replace("-", "")
        if joined.casefold() in persons or (len(joined) >= 3 and
                                            lexicon.first_name_any_case(joined) is False):
            found.append(Mention(match.start(), match.end(), match.group(), PiiType.PERSON,
                                 Source.RULE))
    return found


def _spread_forms(found: Iterable[Mention]) -> dict[str, PiiType]:
    """Forms to look for everywhere: each found name, its base and the parts of full names."""
    forms: dict[str, PiiType] = {}
    for m in found:
        if m.type not in _SPREAD or not m.text[:1].isupper():
            continue
        text = m.text if " " in m.text else context._base(m.text)
        forms.setdefault(text, m.type)
        if m.type is PiiType.PERSON and " " not in text:
            for stem in _diminutive_stems(text):  # "Shanelizje" -> "Shaneliz"
                if len(stem) >= 3 and not lexicon.common_word(stem):
                    forms.setdefault(stem, m.type)
        if m.type is PiiType.PERSON and " " in text:
            for word in text.split():
                if (word[:1].isupper() and len(word) >= 3 and word.casefold() not in _INTERFIXES
                        and word not in lexicon.GENERIC):
                    forms.setdefault(word, PiiType.PERSON)
    return forms


def detect_project(
    texts: Mapping[str, str],
    names: Iterable[NameEntry | str] = (),
    *,
    use_deduce: bool = True,
    deduce_cache: Path | None = None,
    public: Iterable[str] = (),
) -> dict[str, list[Mention]]:
    """Mentions per document key. ``names`` is the project's name list (highest priority);
    ``public`` are names that stay (the study's municipalities)."""
    public_names = _Public(public)
    entries = [n if isinstance(n, NameEntry) else NameEntry(n) for n in names if str(n).strip()]
    name_types = {v: e.type for e in entries for v in name_variants(e)}
    name_matcher = FormMatcher(name_types)
    lower = {key for key, text in texts.items() if casing.is_lower_case(text)}
    work = {key: casing.recase(text) if key in lower else text for key, text in texts.items()}
    precise = {key: rules.precise_rules(work[key]) + notations.number_rules(work[key])
               for key in texts}
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
    known = {f: t for f, t in known.items() if f not in public_names}
    known_matcher = FormMatcher(known)
    first: dict[str, list[Mention]] = {}
    for key in texts:
        text = work[key]  # the re-cased copy of a lower-case transcript, else the text
        cands = [Mention(h.start, h.end, text[h.start:h.end], name_types[h.form],
                         Source.NAME_LIST) for h in name_matcher.finditer(text)]
        cands += precise[key]
        cands += [Mention(h.start, h.end, text[h.start:h.end], known[h.form], Source.RULE)
                  for h in known_matcher.finditer(text)]
        if use_deduce:
            cands += _clean_deduce(text, deduce_backend.detect(text, deduce_cache), cands)
        cands += rules.weak_rules(text) + notations.age_rules(text)
        cands += context.person_rules(text) + context.organisation_rules(text)
        cands += context.unknown_names(text, lower_doc=key in lower)
        cands = [_without_closing_quote(m) for m in cands]
        cands = [m for m in _outside_generic(text, cands) if _keep(m, public_names)]
        found = resolve(cands)
        found = resolve(found + context.enumerations(text, found))
        first[key] = [m for m in _outside_generic(text, found) if _keep(m, public_names)]
    # Second pass: what was found anywhere is looked for everywhere, in every variant; a name
    # spelled out with hyphens is found by its letters.
    spread = _spread_forms(m for found in first.values() for m in found)
    spread = {f: t for f, t in spread.items() if f not in public_names and f not in name_types}
    persons = {f.casefold() for f, t in {**spread, **name_types}.items() if t is PiiType.PERSON}
    # a lower-case word in a normally written text is only the name found elsewhere when
    # this text also writes that name with a capital (the guard checks the same way)
    matcher = FormMatcher(spread, evidence=spread)
    result: dict[str, list[Mention]] = {}
    for key, original in texts.items():
        text = work[key]
        extra = [Mention(h.start, h.end, text[h.start:h.end], spread[h.form], Source.PROPAGATED)
                 for h in matcher.finditer(original)]
        extra += _spelled_out(text, persons)
        found = _outside_generic(text, resolve(first[key] + extra))
        result[key] = _in_text(original, (m for m in found if _keep(m, public_names)))
    return result


def detect_text(
    text: str,
    names: Iterable[NameEntry | str] = (),
    *,
    use_deduce: bool = True,
    deduce_cache: Path | None = None,
    public: Iterable[str] = (),
) -> list[Mention]:
    """Mentions in one text (a project of one document)."""
    return detect_project({"": text}, names, use_deduce=use_deduce, deduce_cache=deduce_cache,
                          public=public)[""]
