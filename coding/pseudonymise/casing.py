"""Transcripts typed all in lower case: give the detectors back the capitals that carry names.

A hurried student types ``ik zat met jeroen bij meneer klein op de reigerstraat``; every
detector that looks for a capital letter then sees nothing. Rather than a second set of rules,
:func:`recase` writes a copy of such a text (same length, so every offset stays valid) in which
only words with evidence of being a name get a capital, and detection runs on that copy:

- a first name from the lexicon that is not also an ordinary Dutch word (``jeroen``; not
  ``roos``, ``mei``, ``storm``), a town, country or island from the place list (``schiedam``,
  ``kaapverdië``), a word with a street, neighbourhood or school ending that is not itself a
  Dutch word (``reigerstraat``, ``zuidwijk``, ``lindecollege``);
- any word after a title (``meneer klein``, ``juf de wit``: the interfix too), a word after a
  kinship or role word (``tia dulce``, ``broertje kelvin``) or a naming verb (``die heette
  sanne``) unless it is an ordinary Dutch word, and an ambiguous first name only there
  (``mijn zus roos``).

Only a document that is lower case throughout is treated so (:func:`is_lower_case`); in a
normally written transcript a lower-case word is a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from coding.pseudonymise import lexicon

_WORD_RE = re.compile(r"(?<![\w@.\-'’])[^\W\d_][\w'’-]*")
_LABEL_RE = re.compile(r"(?m)^[^\W\d_][\w .'-]{0,40}:")
_INTERFIX = {"van", "de", "der", "den", "ten", "ter", "te", "el", "al", "la", "le", "da",
             "dos", "di", "del", "do", "bin", "ben", "ibn", "abu", "'t", "op"}
_SUFFIX_RE = re.compile(
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|hof|wijk|buurt|kwartier|"
    r"college|lyceum|school|gymnasium)$")
_NAMING = lexicon.NAMING_WORDS | {"ben"}  # "ik ben wytske hoekstra"
# A first name from the lexicon needs to stand where a person stands at least once in the
# document: after a kinship, role or title word or a naming verb, before a verb of saying or
# doing, or in "met X en", "en X zei" (the lexicon also lists "Anders", "Erin", "Chill").
_PERSON_NEXT = frozenset((
    "zei", "zegt", "zeggen", "was", "is", "had", "heeft", "kwam", "komt", "deed", "doet",
    "belde", "belt", "ging", "gaat", "wist", "weet", "vond", "vindt", "zat", "zit", "woont",
    "woonde", "werkt", "werkte", "regelde", "regelt", "speelt", "speelde", "hielp", "helpt",
    "kan", "kon", "moet", "moest", "wil", "wilde", "mag", "mocht", "zal", "zou", "snapte",
    "snapt", "luisterde", "luistert", "vroeg", "vraagt", "stuurt", "stuurde",
    "z'n", "d'r", "heet", "heette", "wordt", "werd", "bleef", "blijft", "zag", "ziet",
))
_PERSON_PREV = frozenset(("met", "en", "aan", "voor", "bij", "naast", "zonder", "tegen", "ben"))
# Before a name these are rare, before a noun common: "mien sjef" (my boss, in Limburgish)
# is no person unless the word also stands where a person stands.
_NOUN_PREV = frozenset(("de", "het", "een", "die", "dat", "deze", "dit", "mijn", "mien", "m'n",
                        "zijn", "z'n", "haar", "d'r", "hun", "onze", "ons", "jullie", "je",
                        "jouw", "uw", "geen", "elke", "iedere", "welke"))
_PLACE_PREV = frozenset(("in", "uit", "naar", "vanuit", "via", "richting", "rond", "nabij", "wijk",
                         "dorp", "buurt", "woonoord", "vakantiepark", "camping", "eiland"))
_ATTEND = frozenset(("zit", "zat", "zitten", "zaten", "ging", "gaat", "ga", "gaan", "gingen"))
_ORG_PREV = frozenset(("bij", "via", "naar", "van"))
_GENERIC_FOLDED = frozenset(w.casefold() for w in lexicon.GENERIC)
# Type words that begin or end the name of an organisation or school ("jeugdzorg westhoek",
# "het vechtdal lyceum"): in a lower-case text they and their name get capitals back.
_CLUBS = ("fc", "vv", "sv", "rksv", "rkvv", "hsv")  # "fc kwiek": any word after is the name
_TYPE_BEFORE = frozenset((
    "jeugdzorg", "jeugdhulp", "jeugdbescherming", "pleegzorg", "stichting", "basisschool",
    "obs", "cbs", "roc", "praktijk", "kinderpraktijk", "zorgboerderij", "gezinshuis",
    "bakkerij", "buurthuis", "jongerencentrum", "kinderdagverblijf", "sportclub",
    "voetbalclub", "vereniging", "moskee", "kerk", "ggz", "gemeente", *_CLUBS,
))
_TYPE_AFTER = frozenset(("college", "lyceum", "gymnasium", "ggz", "jeugdhulp", "jeugdzorg",
                         "zorg", "welzijn"))
# Forms of address that stand before a surname in speech; "gezin", "familie" and "imam" are
# titles for a capitalised name but in lower case they precede verbs ("het gezin is").
_ADDRESS = frozenset((
    "meneer", "mevrouw", "mevr", "mw", "dhr", "juf", "juffrouw", "meester", "dokter", "dr", "mr",
    "drs", "nha", "nhu", "dona", "senhor", "senhora", "pani", "bey", "hanım", "sidi", "lalla",
    "masra", "misi",
))


def _plausible_surname(low: str) -> bool:
    """An ordinary word after a form of address is a surname ("meneer klein") unless it is a
    stop word, an inflected form or an infinitive ("juf zei", "meneer vertellen")."""
    import simplemma

    if not lexicon.common_word(low):
        return True
    if lexicon.is_function_word(low) or low in lexicon._stop_words() or _infinitive(low):
        return False
    # an inflected form is a verb or a plural; a plural in -s is a surname ("meneer vleugels")
    return simplemma.lemmatize(low, lang="nl").casefold() == low or low.endswith("s")


def _infinitive(low: str) -> bool:
    """``vertellen`` (the lemma of ``vertelt``), not ``groen`` or ``klein``."""
    import simplemma

    if not low.endswith("en") or len(low) < 5:
        return False
    stems = {low[:-2]} | ({low[:-3]} if low[-3] == low[-4] else set())
    return any(simplemma.lemmatize(stem + "t", lang="nl").casefold() == low for stem in stems)


def is_lower_case(text: str) -> bool:
    """True when a transcript is typed (nearly) without capitals: fewer than 1 in 100 words
    start with one, speaker labels not counted."""
    body = _LABEL_RE.sub(" ", text)
    words = _WORD_RE.findall(body)
    if len(words) < 40:
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals < 0.01 * len(words)


def _possessive_stem(low: str) -> str:
    """``bilals`` -> ``bilal``, ``fenna's`` -> ``fenna`` when the stem is a name."""
    for ending in ("'s", "’s", "'", "’"):
        if low.endswith(ending):
            return low[: -len(ending)]
    if low.endswith("s") and lexicon.first_name_any_case(low[:-1]) is False and (
            lexicon.first_name_any_case(low) is None):
        return low[:-1]
    return low


def _place(low: str) -> bool:
    """A town, country or island (not a Dutch word), also as the head of ``rotterdam-west``."""
    head = low.split("-")[0]
    return len(low) >= 4 and lexicon.place(low) is False or (
        "-" in low and len(head) >= 4 and lexicon.place(head) is False)


def _evidence(word: str) -> bool:
    """A lower-case word that is a name without any context."""
    base = word.rstrip("'’")
    if base.endswith(("'s", "’s")):
        base = base[:-2]
    if len(base) < 3 or lexicon.common_word(base) or lexicon.is_nationality(base):
        return False
    if lexicon.first_name_any_case(base) is False:
        return True
    if len(base) >= 4 and lexicon.place(base) is False:
        return True
    head = base.split("-")[0]
    if "-" in base and len(head) >= 4 and lexicon.place(head) is False:
        return True  # "rotterdam-west"
    return bool(_SUFFIX_RE.search(base)) and len(base) > 7


def _unknown(word: str) -> bool:
    """A lower-case word no list knows: no Dutch word, name, place, nationality or service."""
    low = word.casefold().rstrip("'’")
    return (len(low) >= 4 and any(c in "aeiouyéëèïöü" for c in low)
            and not lexicon.common_word(low) and not lexicon.is_nationality(low)
            and low not in _GENERIC_FOLDED and lexicon.first_name_any_case(low) is None
            and lexicon.place(low) is None and not lexicon.compound(low))


def _slotted_names(text: str, words: list[tuple[int, int, str]]) -> set[str]:
    """Words that stand in a person's place in ``text``: a lexicon first name once (after a
    kinship, role or title word or a naming verb, before a verb of saying or doing, in "met X
    en"), a word no list knows once after such a cue word or twice before such a verb."""
    strong: set[str] = set()
    weak: dict[str, int] = {}
    for i, (start, end, word) in enumerate(words):
        low = _possessive_stem(word.casefold())
        lexical = _evidence(word) and lexicon.first_name_any_case(low) is not None
        if not lexical and not _unknown(low):
            continue
        prev = words[i - 1][2].casefold().rstrip(".,") if i else ""
        before = text[words[i - 1][1]:start] if i else ""
        nxt = words[i + 1][2].casefold() if i + 1 < len(words) else ""
        after = text[end:words[i + 1][0]] if i + 1 < len(words) else "."
        if after.strip() not in ("", ",", ".", "?", "!", "'s", "’s"):
            continue
        glued = before in (" ", ", ")
        if glued and (lexicon.is_cue(prev) or lexicon.is_title(prev) or prev in _NAMING) or (
                lexical and after == " " and _unknown(nxt)):  # "yoshua tahapary"
            strong.add(low)
        elif lexical and after.strip() in ("'s", "’s") and lexicon.is_cue(
                words[i + 1][2].casefold() if i + 1 < len(words) else ""):
            strong.add(low)  # "yoshua's moeder"
        elif (nxt in _PERSON_NEXT and after == " ") or glued and (
                prev in _PERSON_PREV and (after.strip() != "" or nxt in ("en", "of"))):
            if lexical:
                strong.add(low)
            else:
                weak[low] = weak.get(low, 0) + 1
    return strong | {w for w, n in weak.items() if n >= 2}


def _titled(words: list[tuple[int, int, str]]) -> set[tuple[str, ...]]:
    """Surnames after a title, with their interfix: ("de", "groot") of "meneer de groot"."""
    found: set[tuple[str, ...]] = set()
    for i in range(1, len(words) - 1):
        if words[i - 1][2].casefold().rstrip(".,") in _ADDRESS:
            low = words[i][2].casefold()
            found.add((low, words[i + 1][2].casefold()) if low in _INTERFIX else (low,))
    return found


def recase(text: str) -> str:
    """A copy of ``text`` with capitals on the words that have evidence of being names."""
    chars = list(text)
    words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]
    slotted = _slotted_names(text, words)
    counts: dict[str, int] = {}
    for _s, _e, w in words:
        stem = _possessive_stem(w.casefold())
        counts[stem] = counts.get(stem, 0) + 1
    titled = _titled(words)

    def capitalise(start: int, word: str) -> None:
        upper = word[:1].upper()
        if len(upper) == 1:
            chars[start] = upper

    for i, (start, _end, word) in enumerate(words):
        low = word.casefold()
        if i + 1 < len(words) and text[_end:words[i + 1][0]] == " " and len(low) > 2 and (
                lexicon.place(f"{word} {words[i + 1][2]}") is False):
            capitalise(start, word)  # "são vicente", "sint maarten"
            capitalise(words[i + 1][0], words[i + 1][2])
            continue
        if low in lexicon.FUNCTION_WORDS and low not in _INTERFIX:
            continue
        prev = words[i - 1][2].casefold().rstrip(".,") if i else ""
        gap = text[words[i - 1][1]:start] if i else ""
        close = gap in (" ", ", ", ". ")
        stem = _possessive_stem(low)
        place_prev = prev in _PLACE_PREV or prev in ("van", "op", "bij")
        if stem in slotted or _evidence(word) and (
                # a frequent first name of four letters or more, or seen twice ("meh" and
                # "nice", a city, are names too)
                lexicon.strong_first_name(stem) and prev not in _NOUN_PREV
                and (len(stem) >= 4 and lexicon.place(stem) is None or len(stem) >= 5
                     or counts.get(stem, 0) >= 2)
                # a place after a preposition ("in schiedam"; "nice" alone is a word)
                # a town or country no Dutch word spells ("via turkije en griekenland")
                or _place(stem) and (place_prev or len(stem) >= 6 and prev not in _NOUN_PREV)
                # a street or neighbourhood word after an article, a place preposition or
                # before a house number
                or lexicon.first_name_any_case(stem) is None and not _place(stem) and (
                    prev in ("de", "het") or place_prev
                    or re.match(r" \d", text[_end:_end + 2]) is not None)):
            capitalise(start, word)
        elif (prev in ("in", "uit", "naar", "vanuit") and len(stem) >= 5 and gap == " "
              and lexicon.place(stem) is True and stem not in lexicon._stop_words()):
            capitalise(start, word)  # "uit polen", "in antwerpen": places the word list knows
        elif close and lexicon.is_cue(prev) and i + 1 < len(words) and (
                (low, words[i + 1][2].casefold()) in titled):
            capitalise(start, word)  # "mentor de groot" after "meneer de groot"
            capitalise(words[i + 1][0], words[i + 1][2])
        elif close and prev in _ADDRESS:
            if low in _INTERFIX and i + 1 < len(words) and _plausible_surname(
                    words[i + 1][2].casefold()):
                capitalise(start, word)
                capitalise(words[i + 1][0], words[i + 1][2])
            elif (low not in lexicon.FUNCTION_WORDS and not lexicon.is_cue(low)
                  and _plausible_surname(low)):
                capitalise(start, word)
        elif close and (lexicon.is_cue(prev) or prev in _NAMING) and not lexicon.is_cue(low) and (
                not lexicon.common_word(word) or (lexicon.first_name_any_case(word) is True
                                                  and _plausible_surname(low))):
            capitalise(start, word)  # "tia dulce"; "mijn zus roos" (a name that is a word)
        # A place name after a preposition that is also a Dutch word ("in best") stays a word.
    cued = {w.casefold() for s, _e, w in words if chars[s].isupper()
            and lexicon.first_name_any_case(w) is True}
    for i, (start, _end, word) in enumerate(words):  # "iris belde" after "ze heet iris"
        if word.casefold() in cued and not chars[start].isupper() and _in_slot(text, words, i):
            capitalise(start, word)
    _second_pass(text, words, chars, capitalise)
    return "".join(chars)


def _in_slot(text: str, words: list[tuple[int, int, str]], i: int) -> bool:
    """The word stands where a person stands: before a verb of saying or doing, or in "met X,"."""
    start, end, _word = words[i]
    prev = words[i - 1][2].casefold() if i else ""
    nxt = words[i + 1][2].casefold() if i + 1 < len(words) else ""
    after = text[end:words[i + 1][0]] if i + 1 < len(words) else "."
    return (nxt in _PERSON_NEXT and after == " ") or (
        prev in _PERSON_PREV and (after.strip() != "" or nxt in ("en", "of")))


def _second_pass(text: str, words: list[tuple[int, int, str]], chars: list[str],
                 capitalise: Callable[[int, str], None]) -> None:
    """Surnames after a first name that got its capital, type words with their name, and a
    word no list knows after a place or organisation preposition."""
    for i, (start, _end, word) in enumerate(words):
        low = word.casefold()
        prev = words[i - 1][2].casefold() if i else ""
        gap = text[words[i - 1][1]:start] if i else ""
        if gap == " " and chars[words[i - 1][0]].isupper() and lexicon.first_name_any_case(
                prev) is not None and not chars[start].isupper():
            after = text[_end:words[i + 1][0]] if i + 1 < len(words) else "."
            if _unknown(low) or (lexicon.common_word(low) is False and len(low) > 3
                                 and lexicon.first_name_any_case(low) is None) or (
                    after.strip()[:1] in (",", ".", "?", "!") and _plausible_surname(low)
                    and lexicon.first_name_any_case(low) is None):
                capitalise(start, word)  # "wytske hoekstra", "gerrit visser,"
            elif low in _INTERFIX and low not in ("op",) and i + 1 < len(words) and (
                    _plausible_surname(words[i + 1][2].casefold())):
                capitalise(words[i + 1][0], words[i + 1][2])  # "jeroen van dam"
        elif low in _TYPE_BEFORE and i + 1 < len(words) and text[_end:words[i + 1][0]] == " ":
            j = i + 1
            if words[j][2].casefold() in ("de", "het", "'t") and j + 1 < len(words):
                j += 1
            name = words[j][2].casefold()
            if not lexicon.is_function_word(name) and not lexicon.is_cue(name) and (
                    not lexicon.common_word(name) or j > i + 1 and _plausible_surname(name)
                    or low in _CLUBS):
                capitalise(start, word)
                for k in range(i + 1, j + 1):
                    capitalise(words[k][0], words[k][2])
        elif low in _TYPE_AFTER and gap == " " and i and _unknown(prev):
            capitalise(words[i - 1][0], words[i - 1][2])  # "het vechtdal lyceum"
            capitalise(start, word)
        elif gap == " " and prev == "op" and i > 1 and words[i - 2][2].casefold() in _ATTEND \
                and (_unknown(low) or lexicon.compound(low) and not lexicon.common_word(low)):
            capitalise(start, word)  # "ik zat op zeldenrust"
        elif gap == " " and _unknown(low) and (prev in _PLACE_PREV or (
                prev in _ORG_PREV and len(low) >= 5)):
            capitalise(start, word)  # "uit qamishli", "bij flexpower"
