"""Context rules: names found by who they are next to, not by a list of the names themselves.

These are what make detection hold on transcripts nobody tuned it for (issue #11):
- a first name from the lexicon (:mod:`coding.pseudonymise.lexicon`), with the capitalised
  words after it as its surname (``Senait Habte``, ``Rama Al-Hassan``);
- a capitalised word after a kinship, role or address word (``Pake Durk``, ``collega Anouk``,
  ``haar broer Wojtek``, ``klantmanager, Petra,``), after a naming verb (``ze heet Luwam``);
  the cue word stays outside the span and stays in the text as context;
- an enumeration around a found name or place (``Tesfay, Luwam, Yonas en Mehari``; ``uit
  Somalië, Syrië, Afghanistan``): its other capitalised items are of the same kind;
- organisations and schools without a type word, by their article and capital
  (``bij De Kameleon``, ``op De Springplank``) or after ``bij``/``werkt bij`` (``Connexxion``);
  school when the sentence speaks of school, organisation otherwise; these are proposed as
  ``WEAK_RULE`` so anything better wins and the review shows them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coding.pseudonymise import lexicon
from coding.pseudonymise.model import Mention, PiiType, Source

# A word: letters (any script's capitals, e.g. Ł), digits not first, inner ' ’ and -.
_WORD_RE = re.compile(r"(?<![\w@.\-'’])[^\W\d_][\w'’-]*")
_INTERFIX = {"van", "de", "der", "den", "ten", "ter", "te", "el", "al", "la", "le", "da",
             "dos", "di", "del", "do", "du", "bin", "ben", "ibn", "abu", "'t", "op"}
_TITLES = {"meneer", "mevrouw", "mevr", "mw", "dhr", "juf", "juffrouw", "meester", "dokter",
           "familie", "fam", "gezin"}
_SCHOOL_CUES = re.compile(
    r"(?i)\b(?:school|basisschool|klas|groep\s\w+|juf|meester|leerkracht|mentor|leerling"
    r"|zit\b|zat\b|ISK|onderwijs|schakelklas|brugklas)"
)
_ORG_AFTER = re.compile(r"\b(?:bij|via|voor|naar)\s(?P<org>[A-Z][\w&'’-]+)(?=[\s,.;:!?)])")
# "ze zit op de Wingerd", "ik zat op Zeldenrust", "de school, de Vuurtoren,": a capital after
# a verb of attending school or beside the word school names the school, even when the word is
# also a Dutch noun (wingerd, vuurtoren).
_SCHOOL_SLOT = re.compile(
    r"\b(?:(?:zit|zat|zitten|zaten|ging|gaat|ga|gaan|gingen|kwam|komt)\s(?:nu\s|nog\s|toen\s|"
    r"daar\s|al\s)?op|[Ss]chool,|[Bb]asisschool,)\s(?P<art>(?:de|het|'t)\s)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)"
)
_ARTICLE_NAME = re.compile(
    r"(?P<art>\b(?:De|Het|'t|de|het))\s(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)"
)


def _at_sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in ".!?:\n\"'(–•…" or text[max(0, i - 1): i + 1] == "- "


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]


def _base(word: str) -> str:
    """The word without a possessive ending (``Fenna's`` -> ``Fenna``, ``Bilals`` -> ``Bilal``)."""
    for ending in ("'s", "’s", "'", "’"):
        if word.endswith(ending):
            return word[: -len(ending)]
    if (word.endswith("s") and lexicon.first_name(word[:-1]) is False
            and lexicon.first_name(word) is None and not lexicon.common_word(word)):
        return word[:-1]
    return word


def _is_capital(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() or (len(word) > 1 and word.istitle())


def _name_like(word: str) -> bool:
    """Capitalised, not generic, not a function word."""
    base = _base(word)
    return (_is_capital(base) and base not in lexicon.GENERIC
            and base.casefold() not in lexicon.FUNCTION_WORDS and not lexicon.is_cue(base))


def _extend_surname(text: str, words: list[tuple[int, int, str]], i: int) -> int:
    """Index of the last word of the name starting at words[i] (surname, interfixes)."""
    last = i
    j = i + 1
    while j < len(words):
        start, _end, word = words[j]
        gap = text[words[j - 1][1]:start]
        if gap != " ":
            break
        if word.casefold() in _INTERFIX and j + 1 < len(words):
            j += 1
            continue
        if _name_like(word) and not lexicon.common_word(word.rstrip("s")) or (
            _name_like(word) and lexicon.first_name(_base(word)) is not None
        ):
            last = j
            j += 1
            continue
        if _name_like(word) and "-" in word:
            last = j
            j += 1
            continue
        break
    return last


def person_rules(text: str) -> list[Mention]:
    """Person candidates from the first-name lexicon, cue words and naming verbs."""
    words = _words(text)
    found: list[Mention] = []
    for i, (start, _end, word) in enumerate(words):
        base = _base(word)
        if _is_capital(base) and lexicon.cue_name(base):
            # "Anne" (Turkish: mother): a cue before a name ("Anne Fatma"), else the name
            nxt = words[i + 1] if i + 1 < len(words) else None
            if nxt is None or text[_end:nxt[0]] != " " or not _name_like(nxt[2]):
                found.append(Mention(start, _end, word, PiiType.PERSON, Source.WEAK_RULE))
            continue
        if not _name_like(word):
            continue
        at_start = _at_sentence_start(text, start)
        prev = words[i - 1][2].casefold() if i else ""
        gap = text[words[i - 1][1]:start] if i else ""
        after_cue = i > 0 and gap in (" ", ", ") and (lexicon.is_cue(prev)
                                                     or prev in lexicon.NAMING_WORDS)
        ambiguous = lexicon.first_name(base)
        common = lexicon.common_word(base)
        if after_cue:
            # After a kinship or role word a capital in mid-sentence is a name even when the
            # word list knows the letters ("vader Plamen"); at a sentence start it is not.
            title = prev in _TITLES or prev in lexicon.NAMING_WORDS or not at_start
            if common and not title and ambiguous is None:
                continue
        elif ambiguous is None or at_start and (ambiguous or common):
            continue
        last = _extend_surname(text, words, i)
        s, e = start, words[last][1]
        found.append(Mention(s, e, text[s:e], PiiType.PERSON, Source.WEAK_RULE))
    return found


def organisation_rules(text: str) -> list[Mention]:
    """Organisations and schools named without a type word."""
    found: list[Mention] = []
    for match in _ARTICLE_NAME.finditer(text):
        name = match.group("name")
        first = name.split()[0]
        if (first in lexicon.GENERIC or lexicon.first_name(first) is not None
                or (first.isupper() and len(name.split()) == 1)):
            continue
        article = match.group("art")
        if (article[0].islower() or _at_sentence_start(text, match.start())) and (
                " " not in name and lexicon.common_word(name)):
            # "de Intake", "De Intake was vlot": a noun written with a capital; a name such
            # as "De Brug" is found where it stands in mid-sentence and spread from there
            continue
        start = match.start("art") if article[0].isupper() else match.start("name")
        if article[0].isupper() and _at_sentence_start(text, match.start()) and (
            lexicon.common_word(name.split()[-1]) is False
            and lexicon.first_name(name.split()[-1]) is not None
        ):
            continue
        sentence = _sentence(text, match.start())
        kind = PiiType.SCHOOL if _SCHOOL_CUES.search(sentence) else PiiType.ORGANISATION
        found.append(Mention(start, match.end(), text[start:match.end()], kind, Source.WEAK_RULE))
    for match in _SCHOOL_SLOT.finditer(text):
        name = match.group("name")
        first = name.split()[0]
        if (first in lexicon.GENERIC or lexicon.place(name) is not None or first.isupper()
                or lexicon.first_name(_base(first)) is not None or lexicon.is_cue(first)
                or lexicon.is_nationality(first) or first.casefold() in lexicon.FUNCTION_WORDS):
            continue
        s, e = match.start("name"), match.end("name")
        if match.group("art") and text[match.start("art")].isupper():
            s = match.start("art")
        found.append(Mention(s, e, text[s:e], PiiType.SCHOOL, Source.WEAK_RULE))
    for match in _ORG_AFTER.finditer(text):
        name = match.group("org")
        club = "-" in name and all(p[:1].isupper() for p in name.split("-"))  # Rood-Wit
        # a capitalised ordinary word in mid-sentence after "bij" is a name ("bij Zwaluwen")
        club = club or (not _at_sentence_start(text, match.start()) and len(name) >= 4
                        and not name.isupper())
        if (name in lexicon.GENERIC or lexicon.first_name(_base(name)) is not None
                or lexicon.common_word(name) and not club or lexicon.is_nationality(name)
                or name.casefold() in lexicon.FUNCTION_WORDS):
            continue
        s, e = match.span("org")
        kind = PiiType.LOCATION if lexicon.place(name) is False else PiiType.ORGANISATION
        found.append(Mention(s, e, name, kind, Source.WEAK_RULE))  # "via Hongarije": a place
    return found


def _sentence(text: str, pos: int) -> str:
    left = max(text.rfind(c, 0, pos) for c in ".!?\n")
    rights = [i for i in (text.find(c, pos) for c in ".!?\n") if i != -1]
    return text[left + 1: min(rights) if rights else len(text)]


_LIST_SEP = re.compile(r"^(?:,\s|\sen\s|,\sen\s|\sof\s)$")


def _list_item(text: str, start: int, word: str) -> bool:
    """A capitalised list item: a name, or any capitalised word away from a sentence start
    (in "uit Somalië, Syrië, Afghanistan" the capital says it is a name, not the word list)."""
    base = _base(word)
    return _name_like(word) and (lexicon.first_name(base) is not None
                                 or not lexicon.common_word(base)
                                 or not _at_sentence_start(text, start))


def enumerations(text: str, found: Iterable[Mention]) -> list[Mention]:
    """Other capitalised items of an enumeration that holds a person or a place."""
    words = _words(text)
    extra: list[Mention] = []
    taken = {(m.start, m.end) for m in found}
    for seed in [m for m in found if m.type in (PiiType.PERSON, PiiType.LOCATION)]:
        after = [w for w in words if w[0] >= seed.end]
        end = seed.end
        for w in after:  # rightwards: "Tesfay, Luwam, Yonas en Mehari"
            if w[2] in ("en", "of"):
                continue
            if not _LIST_SEP.match(text[end:w[0]]) or not _list_item(text, w[0], w[2]):
                break
            if (w[0], w[1]) not in taken:
                extra.append(Mention(w[0], w[1], w[2], seed.type, Source.WEAK_RULE))
                taken.add((w[0], w[1]))
            end = w[1]
        before = [w for w in words if w[1] <= seed.start]
        start = seed.start
        for w in reversed(before):  # leftwards
            if w[2] in ("en", "of"):
                continue
            if not _LIST_SEP.match(text[w[1]:start]) or not _list_item(text, w[0], w[2]):
                break
            if _at_sentence_start(text, w[0]) and lexicon.first_name(_base(w[2])) is None:
                break
            if (w[0], w[1]) not in taken:
                extra.append(Mention(w[0], w[1], w[2], seed.type, Source.WEAK_RULE))
                taken.add((w[0], w[1]))
            start = w[0]
    return extra


_PLACE_PREP = {"in", "uit", "naar", "vanuit", "richting", "nabij", "rond", "buiten"}
_ORG_PREP = {"bij", "via", "voor"}
_SKIP_AFTER = {"de", "het", "een", "'t"}  # "bij de Vlindertuin": organisation_rules' job


def _capitalised_elsewhere(text: str, words: list[tuple[int, int, str]], base: str) -> bool:
    """``base`` stands on its own in mid-sentence somewhere (not as a word of a longer name
    such as a school's)."""
    return any(_base(w) == base and not _at_sentence_start(text, s)
               and not (i and _is_capital(words[i - 1][2]) and text[words[i - 1][1]:s] == " ")
               for i, (s, _e, w) in enumerate(words))


# Verbs that make the word before them the one who acts ("Shurendy belde", "Nilton zei");
# not the copulas ("Westerveen is een fijne plaats").
_ACTING = frozenset((
    "zei", "zegt", "belde", "belt", "kwam", "komt", "ging", "gaat", "wil", "wilde", "moest",
    "moet", "kon", "kan", "mocht", "mag", "vond", "vindt", "deed", "doet", "woont", "woonde",
    "werkt", "werkte", "zit", "zat", "speelt", "speelde", "huilde", "huilt", "vroeg", "vraagt",
    "wist", "weet", "heet", "heette", "bleef", "liep", "loopt", "sliep", "slaapt", "kreeg",
    "krijgt", "hielp", "helpt", "snapte", "snapt",
))


def _acts(text: str, words: list[tuple[int, int, str]], i: int, base: str) -> bool:
    """A sentence-initial word that acts ("Shurendy belde") and is no Dutch compound."""
    if i + 1 >= len(words) or text[words[i][1]:words[i + 1][0]] != " ":
        return False
    return (words[i + 1][2].casefold() in _ACTING and not lexicon.compound(base)
            and not base.isupper() and len(base) >= 4)


def unknown_names(text: str, *, lower_doc: bool = False) -> list[Mention]:
    """Capitalised words that are no Dutch word and no known kind of thing: names.

    A first name no lexicon holds (``Shenayra``, ``Rêzan``) is still written with a capital in
    the middle of a sentence, and Dutch words are not (except nationality and language words,
    generic services and software names, which are excluded). At a sentence start a capital
    says nothing, so there the same word must be capitalised elsewhere in the text too. The
    kind is a place when the place list knows it or a place preposition comes before it, a
    person otherwise; an all-capitals abbreviation (``BSO``, ``MDT``) is never a name.
    """
    words = _words(text)
    found: list[Mention] = []
    i = 0
    while i < len(words):
        start, _end, word = words[i]
        base = _base(word)
        prev = words[i - 1][2].casefold() if i else ""
        if (not _is_capital(base) or (base.isupper() and len(base) <= 5)
                or base in lexicon.GENERIC or base.casefold() in lexicon.FUNCTION_WORDS
                or lexicon.is_cue(base) or lexicon.is_nationality(base)
                or ("-" in base and base.split("-")[-1].islower()
                    and lexicon.common_word(base.split("-")[-1]))  # BSN-gegevens, GGZ-team
                or (lexicon.common_word(base) or lexicon.common_word(word)) and not (
                    "-" in base and all(p[:1].isupper() for p in base.split("-")))
                or base.casefold() in lexicon.WEEKDAYS or len(base) < 3
                or prev in _SKIP_AFTER or prev in _ORG_PREP
                or (not lower_doc and _at_sentence_start(text, start)
                    and not _capitalised_elsewhere(text, words, base)
                    and not _acts(text, words, i, base))):
            i += 1
            continue
        last = _extend_surname(text, words, i)
        s, e = start, words[last][1]
        span = text[s:e]
        kind = PiiType.PERSON
        if lexicon.place(span) is not None or lexicon.place(base) is False or prev in _PLACE_PREP:
            kind = PiiType.LOCATION
        found.append(Mention(s, e, span, kind, Source.WEAK_RULE))
        i = last + 1
    return found
