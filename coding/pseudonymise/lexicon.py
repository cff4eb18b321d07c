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
import re
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
    # Interjections and back-channels a transcriber writes as a word of their own ("Mm.",
    # "Oh, wacht"): capitalised at a turn's start, never a name.
    "mm", "mmm", "mhm", "mmhm", "hmhm", "uh", "uhm", "ehh", "oh", "ohh", "o", "ah", "ahh",
    "aha", "ach", "och", "oei", "oeps", "oeh", "jee", "jeez", "huh", "hè", "poeh", "pff",
    "pfff", "bah", "jah", "jaa", "neej", "nah", "yes", "wow", "sjonge", "tsja",
))
# Kinship, role and address words: context before a name, never part of the name span.
_DUTCH_CUE_WORDS = frozenset((
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
    # Dutch roles and family words beyond the first list.
    "teamleider", "coördinator", "coordinator", "wethouder", "advocaat", "advocate", "voogd",
    "gezinsvoogd", "trainer", "pleegmoeder", "pleegvader", "pleegzus", "pleegbroer",
    "kleinzoon", "kleindochter", "schoonzus", "schoonbroer", "zwager", "stiefbroer", "stiefzus",
    "halfbroer", "halfzus", "peetoom", "peettante", "nichtje", "neefje", "zussen", "broers",
    "tantes", "ooms", "leerplichtambtenaar", "zorgcoördinator", "logopedist", "mr", "drs", "ir",
    "prof", "ds", "pastoor",
))
_FOREIGN_CUE_WORDS = frozenset((
    # Family and address words of the languages these families speak (a name follows them;
    # they stay in the text as context). Papiamentu: tio, tanchi, wela, welo, ruman, prima,
    # primu, tata; Kriolu/Portuguese: nha, nhu, tia, avó, avô, vovó, vovô, dona, senhor(a),
    # primo, mãe, mamãe, papai; Bulgarian/Slavic: baba, dyado, dedo, leli, lelya, chicho, kaka,
    # bate, batko, babcia, dziadek, ciocia, wujek, pani, pan, babusya, babushka, dido, dyadya,
    # titka; Kurdish: xalo, xal, apo, mamo, xaltî, pîrê, dapîr, bapîr, kek, daye, bavo;
    # Turkish: abla, abi, ağabey, teyze, amca, dayı, hala, yenge, enişte, nine, dede,
    # anneanne, babaanne, anne, hoca, hanım, bey; Arabic/Moroccan/Berber: khalti, khalto,
    # khali, khalo, ammi, ammo, amti, 3ammi, jedda, jeddi, sidi, lalla, haja, hadj, hajj, yemma,
    # akhi, ukhti, teta, ustad; Sranan/Surinamese and Hindustani: omu, tanta, masra, misi, nani,
    # nana, dadi, mausi, chacha, chachi, bhai, didi, bhaiya; Moluccan/Indonesian: bung, usi,
    # tete, nene, om, pak, bu, ibu, bapak, mas, mbak, kakak, adik; Somali: abti, eedo, habaryar,
    # ayeeyo, awoowe, aabo, hooyo, walaal; Tigrinya: abo, adey, aboy; Dari/Farsi: khala, kaka,
    # ama, bibi, agha; Limburgish/Flemish: nonkel, tant, tantje, bomma, bompa, moemoe, vava.
    "tio", "tanchi", "wela", "welo", "ruman", "prima", "primu", "tata", "nha", "nhu", "tia",
    "avó", "avô", "vovó", "vovô", "dona", "senhor", "senhora", "primo", "mãe", "mamãe",
    "papai", "baba", "dyado", "dedo", "leli", "lelya", "chicho", "kaka", "bate", "batko",
    "babcia", "dziadek", "ciocia", "wujek", "pani", "pan", "babusya", "babushka", "dido",
    "dyadya", "titka", "xalo", "xal", "apo", "mamo", "xaltî", "pîrê", "dapîr", "bapîr", "kek",
    "daye", "bavo", "abla", "abi", "ağabey", "teyze", "amca", "dayı", "hala", "yenge", "enişte",
    "nine", "dede", "anneanne", "babaanne", "anne", "hoca", "hanım", "bey", "khalti", "khalto",
    "khali", "khalo", "ammi", "ammo", "amti", "3ammi", "jedda", "jeddi", "sidi", "lalla",
    "haja", "hadj", "hajj", "yemma", "akhi", "ukhti", "teta", "ustad", "omu", "tanta", "masra",
    "misi", "nani", "nana", "dadi", "mausi", "chacha", "chachi", "bhai", "didi", "bhaiya",
    "bung", "usi", "tete", "nene", "om", "pak", "bu", "ibu", "bapak", "mas", "mbak", "kakak",
    "adik", "abti", "eedo", "habaryar", "ayeeyo", "awoowe", "aabo", "hooyo", "walaal", "abo",
    "adey", "aboy", "khala", "ama", "bibi", "agha", "nonkel", "tant", "tantje", "bomma",
    "bompa", "moemoe", "vava",
))
CUE_WORDS = _DUTCH_CUE_WORDS | _FOREIGN_CUE_WORDS | {"oma's", "opa's"}
# Address and title words after which even an ordinary word is a surname ("meneer Klein",
# "juf Bakker"); kinship words alone are not enough for that ("oma Roos" needs more).
TITLE_WORDS = frozenset((
    "meneer", "mevrouw", "mevr", "mw", "dhr", "juf", "juffrouw", "meester", "dokter", "dr",
    "mr", "drs", "ir", "prof", "ds", "familie", "fam", "gezin", "nha", "nhu", "dona", "senhor",
    "senhora", "pani", "pan", "bey", "hanım", "sidi", "lalla", "masra", "misi", "pak", "bu",
    "ibu", "bapak", "hoca", "pastoor", "dominee", "imam",
))
# Verbs and phrases after which a capitalised word is a name ("ze heet Luwam").
NAMING_WORDS = frozenset((
    "heet", "heten", "genaamd", "noemen", "noem", "noemde", "noemt", "heette", "heetten",
    "genoemd", "noemden",
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
    # National bodies and services (generic: not personal data) and the software and apps of
    # schools, youth care and teenagers, which are capitalised but name nobody.
    "Raad", "Kinderbescherming", "Rechtbank", "Belastingdienst", "Toeslagen", "Halt",
    "Kindertelefoon", "Kinderombudsman", "Ombudsman", "Slachtofferhulp", "Politie",
    "Zorgdomein", "ZorgDomein", "Parnassys", "ParnasSys", "Magister", "Somtoday", "SOMtoday",
    "Snappet", "Gynzy", "Outlook", "Word", "Excel", "Skype", "Signal", "Discord", "Spotify",
    "Fortnite", "Minecraft", "Roblox", "PlayStation", "Xbox", "Nintendo", "Twitter", "Tiktok",
    "Snap", "BeReal", "Pinterest", "Hyves", "Marktplaats", "Bol", "Coolblue", "Thuisarts",
    "Sinterklaas", "Kerstman", "Kerstmis", "Pinksteren", "Koningsdag",
    "Offerfeest", "Divali", "Diwali", "Keti", "Koti", "Carnaval", "Jezus", "Bijbel",
    "Halloween", "Eid", "Holi", "Newroz", "Nowruz", "Hanukkah", "Chanoeka", "Dios", "Deus",
    "Jeugdwet", "Participatiewet", "Rijksoverheid", "Kamer",
    "HAVO", "Havo", "VWO", "Vwo", "VMBO", "Vmbo", "MAVO", "Mavo", "PrO", "Covid", "COVID",
    "Corona", "iPhone", "Samsung", "Apple", "FIFA", "Fifa", "Playstation", "Pokémon", "Marvel",
    "Parro", "Klasbord", "Itslearning", "Eduarte", "Zermelo", "Presentis", "Classroom",
    "Wikiwijs", "Suite4Jeugd", "Carenzorgt", "Regas", "Mextra", "Nedap", "Lifepoint", "Kahoot",
    "Duolingo", "ChatGPT", "Wikipedia", "Teleblik", "Netflix", "Disney", "Videoland",
))
# Nationality and language words, and the people's names: never a place, a person or an
# organisation, capitalised or not ("Molukse wijk", "Bulgaars gezin", "in het Limburgs").
# Stems; their inflected forms are made by :func:`is_nationality`.
_NATIONALITY_STEMS = (
    "Nederlands", "Fries", "Limburgs", "Brabants", "Gronings", "Twents", "Drents", "Zeeuws",
    "Vlaams", "Waals", "Belgisch", "Duits", "Oostenrijks", "Zwitsers", "Frans", "Engels",
    "Brits", "Schots", "Iers", "Welsh", "Spaans", "Catalaans", "Portugees", "Italiaans",
    "Grieks", "Turks", "Koerdisch", "Marokkaans", "Berbers", "Riffijns", "Tunesisch",
    "Algerijns", "Libisch", "Egyptisch", "Arabisch", "Syrisch", "Irakees", "Iraans",
    "Perzisch", "Afghaans", "Pakistaans", "Indiaas", "Hindoestaans", "Hindostaans",
    "Surinaams", "Javaans", "Indonesisch", "Indisch", "Moluks", "Chinees", "Japans",
    "Koreaans", "Vietnamees", "Thais", "Filipijns", "Antilliaans", "Curaçaos", "Arubaans",
    "Bonairiaans", "Caribisch", "Kaapverdisch", "Kaapverdiaans", "Creools", "Ghanees",
    "Nigeriaans", "Somalisch", "Eritrees", "Ethiopisch", "Soedanees", "Congolees", "Angolees",
    "Kameroens", "Keniaans", "Pools", "Tsjechisch", "Slowaaks", "Hongaars", "Roemeens",
    "Bulgaars", "Servisch", "Kroatisch", "Bosnisch", "Albanees", "Macedonisch", "Kosovaars",
    "Oekraïens", "Russisch", "Wit-Russisch", "Litouws", "Lets", "Ests", "Fins", "Zweeds",
    "Noors", "Deens", "Amerikaans", "Canadees", "Braziliaans", "Colombiaans", "Venezolaans",
    "Dominicaans", "Mexicaans", "Chileens", "Argentijns", "Armeens", "Georgisch",
    "Tsjetsjeens", "Jemenitisch", "Libanees", "Palestijns", "Jordaans", "Saoedisch",
    "Israëlisch", "Joods", "Islamitisch", "Christelijk", "Katholiek", "Protestants",
    "Hindoestaans", "Roma", "Sinti",
)
_NATIONALITY_WORDS = (
    "Darija", "Tarifit", "Tarifiyt", "Riffijns", "Soussi", "Tachelhiet", "Lingala", "Twi",
    "Papiaments", "Papiamentu", "Papiamento", "Kriolu", "Krioulu", "Sranan", "Sranantongo",
    "Tigrinya", "Amhaars", "Dari", "Pasjtoe", "Pashto", "Farsi", "Urdu", "Hindi", "Sarnami",
    "Tamazight", "Amazigh", "Kurmanci", "Kurmandji", "Sorani", "Zaza", "Turken", "Marokkanen",
    "Antillianen", "Surinamers", "Molukkers", "Koerden", "Bulgaren", "Roemenen", "Syriërs",
    "Eritreeërs", "Somaliërs", "Afghanen", "Kaapverdianen", "Curaçaoënaars", "Curaçaoers",
    "Arubanen", "Hindoestanen", "Turk", "Marokkaan", "Antilliaan", "Surinamer", "Molukker",
    "Koerd", "Bulgaar", "Roemeen", "Syriër", "Eritreeër", "Somaliër", "Afghaan",
    "Kaapverdiaan", "Curaçaoënaar", "Arubaan", "Hindoestaan", "Nederlander", "Belg", "Duitser",
    "Fransman", "Engelsman", "Spanjaard", "Portugees", "Italiaan", "Griek", "Pool", "Rus",
    "Oekraïner", "Chinees", "Moslim", "Moslims", "Christen", "Christenen", "Hindoe", "Hindoes",
    "Joden", "Jood", "Friezen", "Limburgers", "Brabanders",
)


@functools.cache
def _nationalities() -> frozenset[str]:
    forms: set[str] = set()
    for stem in _NATIONALITY_STEMS:
        forms.add(stem)
        if stem.endswith(("ees", "aas", "oos", "uus")):  # Portugees -> Portugese
            forms.add(stem[:-3] + stem[-2] + "se")
        elif stem.endswith("sch"):
            forms.add(stem + "e")
        else:
            forms.add(stem + "e")
    forms.update(_NATIONALITY_WORDS)
    return frozenset(f.casefold() for f in forms)


def is_nationality(word: str) -> bool:
    """True for a nationality, a language or a people's name in any case (``Molukse``), also
    in a compound with another such word or an ordinary one (``Surinaams-Javaans``,
    ``Bulgaars-orthodoxe``)."""
    low = word.casefold()
    if low in _nationalities():
        return True
    parts = low.split("-")
    return len(parts) > 1 and any(p in _nationalities() for p in parts) and all(
        p in _nationalities() or common_word(p) for p in parts)


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
        names[line.rstrip("*+")] = ambiguous
    return names


@functools.cache
def _strong_names() -> frozenset[str]:
    path = _RESOURCES / "first_names.txt"
    return frozenset(line[:-1].casefold() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.endswith("+"))


def strong_first_name(word: str) -> bool:
    """A first name frequent enough (top 2,000 of a country, not a Dutch word) to be taken for
    a name without a capital or a context (``jeroen``, ``bilal``; not ``chill``)."""
    return word.casefold() in _strong_names()


@functools.cache
def _places() -> dict[str, bool]:
    """place (casefolded) -> ambiguous (also an ordinary Dutch word)."""
    places: dict[str, bool] = {}
    for line in (_RESOURCES / "places.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            places[line.rstrip("*").casefold()] = line.endswith("*")
    return places


def place(text: str) -> bool | None:
    """``None`` when ``text`` is not a known town, country or region (any case), else whether
    it is also an ordinary Dutch word (``Best``). From ``resources/places.txt``, an extract of
    GeoNames and ISO 3166 built by ``tools/build_places.py``."""
    return _places().get(" ".join(text.split()).casefold())


@functools.cache
def _first_names_folded() -> dict[str, bool]:
    return {n.casefold(): a for n, a in _first_names().items()}


def first_name_any_case(word: str) -> bool | None:
    """Like :func:`first_name`, for a word written in any case (``jeroen``)."""
    return _first_names_folded().get(word.casefold())


def first_name(word: str) -> bool | None:
    """``None`` when ``word`` is not a known first name, else whether it is ambiguous."""
    return _first_names().get(word)


# Pronominal adverbs (erin, daarop, waarvoor...), which simplemma does not list.
_PRONOMINAL_RE = re.compile(
    r"^(?:er|hier|daar|waar)(?:in|uit|op|aan|bij|mee|over|van|voor|na|achter|door|om|tegen|"
    r"heen|langs|tussen|onder|boven|naast|af|toe|binnen|buiten|omheen|vandaan)$")


@functools.cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.nl.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@functools.lru_cache(maxsize=65536)
def common_word(word: str) -> bool:
    """True when ``word`` (any case) is an ordinary Dutch word (``storm``, ``hoek``, ``elf``):
    simplemma knows it, or it is a function word, a weekday, one of spaCy's Dutch stop words
    (``anders``) or a pronominal adverb (``erin``)."""
    import simplemma

    low = word.casefold()
    if low in FUNCTION_WORDS or low in WEEKDAYS or low in _stop_words():
        return True
    return bool(simplemma.is_known(low, lang="nl")) or bool(_PRONOMINAL_RE.match(low))


@functools.lru_cache(maxsize=65536)
def compound(word: str) -> bool:
    """True when ``word`` splits into two ordinary Dutch words, with or without a linking
    ``s``/``e``/``en`` (``moederskant``, ``vlindertuin``): a Dutch compound simplemma does not
    list, not a name."""
    low = word.casefold()
    for i in range(3, len(low) - 2):
        left, right = low[:i], low[i:]
        if not common_word(right):
            continue
        if common_word(left) or any(left.endswith(x) and len(left) - len(x) >= 3
                                    and common_word(left[: -len(x)]) for x in ("s", "e", "en")):
            return True
    return False


def is_function_word(text: str) -> bool:
    """True when every word of ``text`` is an article, pronoun, preposition or particle."""
    words = text.split()
    return bool(words) and all(w.casefold() in FUNCTION_WORDS for w in words)


def is_cue(word: str) -> bool:
    return word.casefold().rstrip(",.") in CUE_WORDS


def cue_name(word: str) -> bool:
    """A family or address word of another language that is also a first name here and no
    Dutch word: Turkish *anne* (mother) is the Frisian and Dutch name *Anne*, *Bibi*, *Nana*,
    *Tia*. Before a name it is a cue (``Tia Dulce``); standing alone where a person stands
    (``met Anne``, ``juf Anne``, ``Anne gaat``) it is the name itself."""
    low = word.casefold().rstrip(",.")
    return (low in _FOREIGN_CUE_WORDS and low not in TITLE_WORDS and len(low) >= 3
            and first_name_any_case(low) is False)


def is_title(word: str) -> bool:
    return word.casefold().rstrip(",.") in TITLE_WORDS
