"""Own detection rules for what deduce misses in Dutch youth-care interviews.

deduce is made for medical records; in interviews it misses dates without a year ("12 maart",
"in februari"), bare years, generic school names ("basisschool De Regenboog", "Westerveen
College"), organisations of the youth-care field ("Meerstroom GGZ", "Jeugdteam Oost", "Loket
Jeugd", "gemeente Duinmeer"), invented neighbourhoods ("Schelpenbuurt"), streets without a house
number and ages written as words ("ik ben zeventien", "een jongen van elf jaar"). It also keeps
forms of address inside person names ("meneer Van Dijk"), which the annotation rules exclude.

The rules follow the corpus annotation rules (``../shared/corpus/README.md``): maximal spans,
titles excluded, generic service types (GGZ, CJG, ROC, Sociaal Team, het Lyceum) are not PII.
Each function returns :class:`~coding.pseudonymise.model.Mention` candidates; the detector
resolves overlaps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from coding.pseudonymise import lexicon
from coding.pseudonymise.model import Mention, PiiType, Source

MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
TITLES = "meneer|mevrouw|juf|juffrouw|meester|dokter|familie|mw\\.|mevr\\.|dhr\\.|mr\\.|dr\\."
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_NAME_RE = re.compile(_NAME)
# A determiner or pronoun is never the distinctive part of a name ("Het Lyceum" is generic).
_NOT_DETERMINER = r"(?!(?:De|Het|Een|Die|Dat|Dit|Deze|Ons|Onze|Mijn|Zijn|Haar|Hun|Jullie)\s)"
_INTERFIX = r"(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]en|[Tt]er|[Ee]l|[Ll]a|[Ll]e|[Tt]e)\s)*"
_ARTICLE = r"(?:(?:De|Het|'t|de|het)\s)?"

GENERIC = lexicon.GENERIC

_ORG_PREFIX = (
    r"(?:GGZ|Jeugdteam|Wijkteam|Loket|Zorgboerderij|Stichting|Centrum|Praktijk|Kinderpraktijk|"
    r"Gezinshuis|Buurthuis|Jongerencentrum|Sportclub|Voetbalclub|Kinderdagverblijf|Bureau|"
    r"Pleegzorg|Jeugdbescherming|Vluchtelingenwerk|Kinderopvang|Thuiszorg|Zorggroep|"
    r"Bakkerij|Fietsenmakerij|Garage|Kapsalon|Supermarkt|Moskee|Kerk|Vereniging|Buurtteam|"
    r"Jeugdhulp|Jeugdzorg|Parochie|(?i:fc|vv|sv|rksv|rkvv|hsv)|"
    r"[A-Z][a-zà-ÿ]+(?:praktijk|zorg|erij|opvang|centrum|huis|werk|gemeente|kerk|moskee|"
    r"vereniging|club|parochie))"
)
_ORG_SUFFIX = (
    r"(?:GGZ|Jeugdhulp|Jeugdzorg|Zorg|Zorggroep|Groep|Welzijn|Jeugd|Kinderopvang|Opvang|"
    r"Gezinsbehandeling|Psychologie|Psychiatrie|Ziekenhuis|Kliniek|Instituut|Academie)"
)
ORGANISATION_RES = (
    # "Jeugdteam Oost", "GGZ Kustlanden", "Zorgboerderij De Hazelaar", "Loket Jeugd"
    re.compile(rf"\b{_ORG_PREFIX}\s{_ARTICLE}{_INTERFIX}{_NAME}(?:\s{_NAME})?"),
    # "Meerstroom GGZ", "Kenter Jeugdhulp"
    re.compile(rf"\b{_NOT_DETERMINER}{_NAME}\s{_ORG_SUFFIX}\b"),
    # "gemeente Oosthaven" is the municipal organisation (README)
    re.compile(rf"\b[Gg]emeente\s{_NAME}"),
)
SCHOOL_RES = (
    re.compile(
        rf"\b(?:[Bb]asisschool|[Bb]asisscholen|[Oo]bs|OBS|CBS|[Cc]bs|[Mm]ontessorischool|"
        rf"[Dd]altonschool|[Jj]enaplanschool|[Bb]asisschool)\s{_ARTICLE}{_NAME}"
    ),
    re.compile(
        rf"\b{_NOT_DETERMINER}{_NAME}\s(?:College|Lyceum|Gymnasium|Vakcollege|Atheneum|Scholengemeenschap|"
        rf"Mavo|Havo|Campus)\b"
    ),
    re.compile(rf"\b(?:ROC|Roc|MBO|Mbo)\s{_NAME}"),
    re.compile(r"\b[A-Z][a-zà-ÿ]{2,}(?:college|lyceum|gymnasium|school)\b"),
    re.compile(rf"\b(?:[Oo]bs|OBS|CBS|[Cc]bs|RKBS|[Ss]bo|SBO|[Ss]o|SO|ISK)\s{_ARTICLE}{_NAME}"),
)
_STREET_SUFFIX = (
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|pad|steeg|hof|dreef|park|erf|"
    r"wal|markt|plantsoen|boulevard|allee)"
)
STREET_RE = re.compile(rf"\b[A-Z][a-zà-ÿ]+{_STREET_SUFFIX}(?:\s\d{{1,4}}(?:\s?[a-zA-Z]\b)?)?")
_PLACE_SUFFIX = r"(?:buurt|wijk|kwartier)"
NEIGHBOURHOOD_RE = re.compile(rf"\b[A-Z][a-zà-ÿ]+{_PLACE_SUFFIX}\b")
DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}\s)?(?:{MONTHS})(?:\s(?:19|20)\d{{2}})?\b|\b(?:19|20)\d{{2}}\b"
)
PHONE_RE = re.compile(
    r"(?<![\w+])(?:\+31[\s-]?(?:\(0\))?[\s-]?|0)(?:6[\s-]?|\d{2,3}[\s-]?)"
    r"\d{2}[\s-]?\d{2}[\s-]?\d{2}(?:[\s-]?\d{1,2})?(?!\d)"
)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# Foreign numbers: +32 470 18 44 09, +48 512 334 871, +380 67 245 19 83, +249 91 234 5678
FOREIGN_PHONE_RE = re.compile(r"(?<![\w+])\+\d{2,3}(?:[\s-]?\(?\d{1,4}\)?)(?:[\s-]?\d{2,4}){2,5}(?!\d)")
# BSN written with dots or spaces (123.456.782, 1234.56.789), court numbers (C/13/123456,
# optionally "/ JE RK 22-1234") and case numbers (ZK-2022-0042, JZ-2023-1184).
ID_RES = (
    re.compile(r"(?<![\d.])\d{3}[.\s]\d{3}[.\s]\d{3}(?![\d]|\.\d)"),
    re.compile(r"(?<![\d.])\d{4}\.\d{2}\.\d{3}(?![\d]|\.\d)"),
    re.compile(r"(?i:\bBSN)(?:[-\s]?(?:nummer|nr\.?))?:?\s(?P<id>\d{9})\b"),
    re.compile(
        r"\b[A-Z]{1,3}/\d{2}/\d{4,7}(?:\s?/\s?[A-Z]{2}(?:\s[A-Z]{2})?\s\d{2}[-/]\d{2,6})?"
        r"(?:/\d+)?"
    ),
    re.compile(r"\b[A-Z]{2,4}\s?[-/]\s?(?:19|20)\d{2}\s?[-/]\s?\d{2,7}\b"),
    re.compile(r"\b(?:[A-Z]{2}\s){1,2}\d{2}[-/]\d{3,6}\b"),
)
HANDLE_RE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_](?:[\w.]*\w)?")
TITLE_NAME_RE = re.compile(rf"\b(?i:{TITLES})\s({_INTERFIX}{_NAME}(?:\s{_NAME})?)")
TITLE_PREFIX_RE = re.compile(rf"^(?:{TITLES})\s+", re.IGNORECASE)

_NUMBERS = (
    "een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|"
    "zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|zestig|zeventig|"
    "tachtig|negentig"
)
NUMBER_WORD = r"(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n(?:twintig|dertig|veertig|"
NUMBER_WORD += rf"vijftig|zestig|zeventig|tachtig|negentig)|{_NUMBERS}|\d{{1,2}})"
_AGE_END = r"(?=[.,;:!?)]|\s(?:en|bent|was|is|werd|toen|nu|dus|of|maar)\b|$)"
AGE_RES = (
    # "ik ben zeventien", "Emre, die is negen jaar", "ik was vijftien", "hij is pas negen jaar"
    re.compile(
        rf"\b(?:ben|is|was|bent|werd|wordt|word)\s(?:pas\s|al\s|nog\s|toen\s|nu\s|net\s)?"
        rf"(?P<age>(?!een\b){NUMBER_WORD}(?:\sjaar(?:\soud)?)?){_AGE_END}",
        re.IGNORECASE,
    ),
    # "als je vijftien bent", "toen ik twaalf was"
    re.compile(
        rf"\b(?:je|ik|hij|ze|zij)\s(?P<age>(?!een\b){NUMBER_WORD})\s(?:bent|was|werd|ben|is)\b"
    ),
    # "een jongen van elf jaar", "een jaar of negen"
    re.compile(rf"\b(?:van|op)\s(?P<age>(?!een\b){NUMBER_WORD}\sjaar)(?!\s(?:geleden|lang|tijd))"),
    re.compile(
        rf"\b(?:was|is|werd)\s(?:toen\s|pas\s|nog\s)?een\sjaar\sof\s(?P<age>(?!een\b){NUMBER_WORD})\b"
    ),
    # "Kevin, veertien."
    re.compile(rf"\b{_NAME},\s(?P<age>(?!een\b){NUMBER_WORD})(?=[.,;])"),
    # "Luwam, zes jaar, is stil", "Ayaan (zeven jaar)", "Wojtek, negen jaar"
    re.compile(rf"\b{_NAME}(?:,\s|\s\()(?P<age>(?!een\b){NUMBER_WORD}\sjaar)(?=[.,;)])"),
    # "nu ben ik tweeënveertig", "was hij elf"
    re.compile(
        rf"\b(?:ben|is|was|werd)\s(?:ik|hij|ze|zij|je|jij)\s(?:pas\s|al\s|nog\s|toen\s|nu\s)?"
        rf"(?P<age>(?!een\b){NUMBER_WORD}(?:\sjaar(?:\soud)?)?){_AGE_END}",
        re.IGNORECASE,
    ),
)
# A capitalised word after a preposition, not at a sentence start: probably a place.
PLACE_AFTER_PREPOSITION_RE = re.compile(
    rf"\b(?:in|uit|naar|richting|rond|nabij|buiten|vanuit)\s(?:[Dd]e\s|[Hh]et\s)?(?P<place>{_NAME}"
    rf"(?:\s{_NAME})?)"
)
PLACE_CUE_RE = re.compile(
    rf"\b(?:wijk|dorp|buurt|stad|stadje|plaats|woonplaats|regio|azc\sin|kamp\sin|woonoord|"
    rf"vakantiepark|recreatiepark|bungalowpark|camping|woonwagenkamp|woonwagencentrum|woonwijk|"
    rf"eiland|azc)\s(?P<place>(?:De\s|Het\s|'t\s)?{_NAME}(?:\s{_NAME})?)"
)


def _mentions(
    text: str, regex: re.Pattern[str], type_: PiiType, source: Source, group: str | int = 0
) -> Iterator[Mention]:
    for match in regex.finditer(text):
        start, end = match.span(group)
        if start < end:
            yield Mention(start, end, text[start:end], type_, source)


def precise_rules(text: str) -> list[Mention]:
    """Candidates from rules that are rarely wrong."""
    found: list[Mention] = []
    found += _mentions(text, EMAIL_RE, PiiType.EMAIL, Source.RULE)
    found += _mentions(text, PHONE_RE, PiiType.PHONE, Source.RULE)
    found += _mentions(text, FOREIGN_PHONE_RE, PiiType.PHONE, Source.RULE)
    for regex in ID_RES:
        found += _mentions(text, regex, PiiType.ID, Source.RULE,
                           "id" if "id" in regex.groupindex else 0)
    found += [m for m in _mentions(text, HANDLE_RE, PiiType.HANDLE, Source.RULE)
              if len(m.text) > 3]
    for regex in ORGANISATION_RES:
        found += [
            m
            for m in _mentions(text, regex, PiiType.ORGANISATION, Source.RULE)
            if not _generic_only(m.text) and not _starts_with_common_word(text, m)
        ]
    for regex in SCHOOL_RES:
        found += [
            m
            for m in _mentions(text, regex, PiiType.SCHOOL, Source.RULE)
            if not _generic_only(m.text) and not _starts_with_common_word(text, m)
        ]
    found += _mentions(text, STREET_RE, PiiType.STREET, Source.RULE)
    found += _mentions(text, NEIGHBOURHOOD_RE, PiiType.LOCATION, Source.RULE)
    found += _mentions(text, DATE_RE, PiiType.DATE, Source.RULE)
    found += _mentions(text, TITLE_NAME_RE, PiiType.PERSON, Source.RULE, 1)
    return found


def weak_rules(text: str) -> list[Mention]:
    """Candidates from context rules: used only where nothing better covers the words."""
    found: list[Mention] = []
    for regex in AGE_RES:
        found += _mentions(text, regex, PiiType.AGE, Source.WEAK_RULE, "age")
    for regex in (PLACE_AFTER_PREPOSITION_RE, PLACE_CUE_RE):
        for m in _mentions(text, regex, PiiType.LOCATION, Source.WEAK_RULE, "place"):
            first = m.text.split()[0]
            if first.isupper() and len(first) <= 5 and lexicon.place(m.text) is None:
                continue  # "naar de BSO": an abbreviation, not a place
            if first not in GENERIC and not lexicon.is_function_word(m.text):
                found.append(m)
    return found


def _starts_with_common_word(text: str, mention: Mention) -> bool:
    """ "Bij GGZ", "Naar Basisschool": a sentence-initial Dutch word is not part of a name."""
    first = mention.text.split()[0]
    if not first[:1].isupper() or first in ("De", "Het") or re.fullmatch(_ORG_PREFIX, first):
        return False
    i = mention.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    at_start = i < 0 or text[i] in ".!?:\n\"'(-–•"
    return at_start and lexicon.common_word(first)


def _generic_only(span: str) -> bool:
    """True when every capitalised word is a generic service word (``Loket Jeugd`` is not)."""
    words = [w for w in span.split() if w[:1].isupper()]
    return all(w in GENERIC for w in words) and not span.startswith(("Loket", "Jeugdteam "))


def strip_title(text: str) -> int:
    """Number of leading characters that are a form of address (``meneer ``) in ``text``."""
    match = TITLE_PREFIX_RE.match(text)
    return match.end() if match else 0


def name_part_of(organisation: str) -> str | None:
    """The distinctive short form of an organisation or school (``Kenter`` of ``Kenter Jeugdhulp``).

    Returns ``None`` when there is no safe short form (e.g. ``Jeugdteam Oost``).
    """
    for regex, group in (
        (re.compile(rf"^({_NAME})\s{_ORG_SUFFIX}$"), 1),
        (re.compile(rf"^{_ORG_PREFIX}\s({_ARTICLE}{_NAME}(?:\s{_NAME})?)$"), 1),
        (re.compile(rf"^[Bb]asisschool\s((?:De|Het|'t)\s{_NAME})$"), 1),
    ):
        match = regex.match(organisation)
        if match and match.group(group) not in GENERIC:
            return match.group(group)
    return None
