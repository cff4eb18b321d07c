"""Word lists the detectors and the guard share: first names, function words, cue words.

The first-name lexicon (``resources/first_names.txt``) is an extract of names-dataset 3.3.1
(MIT), built by ``tools/build_first_names.py``: the names ranked in the top 5,000 of the
countries whose families Dutch youth care meets (Dutch/Frisian, Polish, Turkish, Moroccan and
Maghreb, Syrian and Levantine, Afghan, Eritrean/Ethiopian and Somali through their diaspora,
Ukrainian), 56,000 names, 0.4 MB on disk and a few MB in memory. A name marked ``*`` in the
file is also an ordinary Dutch word (``Bas``, ``Roos``) and needs more than a capital letter.

"Common word" means a word simplemma knows as Dutch: such a word is only a name when it is
capitalised away from a sentence start (``de storm`` is weather, ``mevrouw Storm`` a person).
"""

from __future__ import annotations

import functools
from pathlib import Path

_RESOURCES = Path(__file__).resolve().parents[2] / "resources"

# Articles, pronouns, prepositions, conjunctions, particles and clitics: never a name alone.
FUNCTION_WORDS = frozenset((
    "de", "het", "een", "'t", "'n", "van", "der", "den", "des", "te", "ten", "ter", "in", "op",
    "bij", "met", "en", "of", "maar", "dat", "die", "dit", "deze", "ik", "je", "jij", "hij",
    "zij", "ze", "wij", "we", "u", "jullie", "mijn", "m'n", "zijn", "z'n", "haar", "d'r", "hun",
    "ons", "onze", "uw", "naar", "uit", "voor", "om", "aan", "tot", "door", "over", "onder",
    "na", "als", "dan", "toen", "nu", "al", "nog", "ook", "wel", "niet", "geen", "er", "hier",
    "daar", "wat", "wie", "waar", "hoe", "eerst", "dus", "want", "ja", "nee", "zo", "even",
    "hoor", "hè", "toch", "echt", "heel", "erg", "el", "la", "le", "du", "da", "di", "dos",
    "das", "del", "haha", "hihi", "hmm", "hm", "eh", "ehm", "oké", "oke", "ok", "okay", "nou",
    "tja", "joh", "jeetje", "goh", "hé", "hoi", "doei",
))
# Kinship, role and address words: context before a name, never part of the name span.
CUE_WORDS = frozenset((
    "meneer", "mevrouw", "mevr", "mw", "dhr", "juf", "juffrouw", "meester", "dokter", "dr",
    "familie", "gezin", "fam", "pake", "beppe", "heit", "mem", "omke", "muoike", "oma", "opa",
    "oom", "tante", "neef", "nicht", "broer", "broertje", "zus", "zusje", "zuster", "moeder",
    "vader", "mama", "papa", "mam", "pap", "schoonvader", "schoonmoeder", "stiefvader",
    "stiefmoeder", "dochter", "zoon", "zoontje", "dochtertje", "kind", "baby", "tweeling",
    "man", "vrouw", "partner", "vriend", "vriendin", "vriendje", "vriendinnetje", "buurvrouw",
    "buurman", "buurjongen", "buurmeisje", "collega", "mentor", "coach", "klantmanager",
    "jeugdconsulent", "consulent", "begeleider", "hulpverlener", "therapeut", "psycholoog",
    "jeugdbeschermer", "gezinscoach", "jongerenwerker", "leerkracht", "docent", "directeur",
    "conciërge", "ib'er", "intern", "huisarts", "wijkagent", "tolk", "maatje", "imam", "pandit",
    "pastor", "dominee",
))
# Verbs and phrases after which a capitalised word is a name ("ze heet Luwam").
NAMING_WORDS = frozenset((
    "heet", "heten", "genaamd", "noemen", "noem", "noemde", "noemt",
))
# Words that look like names in the field but are generic or not personal data.
GENERIC = frozenset((
    "GGZ", "CJG", "ROC", "MBO", "HBO", "ISK", "BBL", "BOL", "Sociaal", "Team", "Lyceum",
    "Vakcollege", "Wmo", "DigiD", "Teams", "TikTok", "Instagram", "Insta", "Snapchat",
    "WhatsApp", "Telegram", "Facebook", "Netflix", "Lego", "iPad", "Google", "YouTube", "Zoom",
    "Jeugd", "Jeugdhulp", "Jeugdzorg", "Social", "Work", "Veilig", "Thuis", "Jeugdteam",
    "Wijkteam", "ADHD", "ASS", "AZC", "Azc", "Nederlands", "Turks", "Arabisch", "Engels",
    "Frans", "Duits", "Pools", "Marokkaans", "Surinaams", "Somalisch", "Koerdisch", "Berbers",
    "Tamazight", "Papiaments", "Spaans", "Oekraïens", "Russisch", "Tigrinya", "Syrisch",
    "Fries", "Afghaans", "Eritrees", "Hindostaans", "Hindoestaans", "Dari", "Pasjtoe", "Farsi",
    "Nederlandse", "Turkse", "Marokkaanse", "Surinaamse", "Poolse", "Somalische", "Syrische",
    "Afghaanse", "Eritrese", "Oekraïense", "Friese", "Hindostaanse", "Belgisch", "Belgische",
    "Koran", "Ramadan", "Suikerfeest", "Kerst", "Pasen", "God", "Allah", "Interviewer",
    "Respondent", "Moeder", "Vader", "Jongere", "BSN", "DUO", "UWV", "SVB", "CAK", "IND", "COA",
    "GGD",
))
WEEKDAYS = frozenset((
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
))


@functools.cache
def _first_names() -> dict[str, bool]:
    """name -> ambiguous (also an ordinary Dutch word)."""
    names: dict[str, bool] = {}
    path = _RESOURCES / "first_names.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        ambiguous = line.endswith("*")
        names[line.rstrip("*")] = ambiguous
    return names


def first_name(word: str) -> bool | None:
    """``None`` when ``word`` is not a known first name, else whether it is ambiguous."""
    return _first_names().get(word)


@functools.lru_cache(maxsize=65536)
def common_word(word: str) -> bool:
    """True when ``word`` (any case) is an ordinary Dutch word (``storm``, ``hoek``, ``elf``)."""
    import simplemma

    low = word.casefold()
    if low in FUNCTION_WORDS or low in WEEKDAYS:
        return True
    return bool(simplemma.is_known(low, lang="nl"))


def is_function_word(text: str) -> bool:
    """True when every word of ``text`` is an article, pronoun, preposition or particle."""
    words = text.split()
    return bool(words) and all(w.casefold() in FUNCTION_WORDS for w in words)


def is_cue(word: str) -> bool:
    return word.casefold().rstrip(",") in CUE_WORDS
