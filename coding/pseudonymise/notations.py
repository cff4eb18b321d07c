"""Rules for the other ways people write numbers, dates and ages (the second round of issue #11).

A blind test found the first rules held only the notations their author wrote. These cover,
by the shape of the thing rather than by examples:
- bank accounts: an IBAN of any country, accepted only when its mod-97 check digits are right
  (so a random run of letters and digits is never taken for one), also typed in lower case;
- Dutch licence plates: the official side codes 1–14 (``XX-99-99`` … ``9-XXX-99``,
  ``X-999-XX``), letters and digits in three groups joined by hyphens;
- phone numbers written with ``00`` instead of ``+`` (``0031 6 …``, ``00599 …``);
- case, client and file numbers mixing letters, digits, hyphens and slashes
  (``KL-20417``, ``2023/JB/04471``, ``RvdK/2023/11847``) and bare numbers of five to ten digits
  (pupil and client numbers: amounts are written with a dot or a currency);
- social-media names written without ``@`` (``naam_010``, ``voor.achter``);
- dates as ``juni '09``, ``'19``, ``15/3``, ``12 jan``, ``okt. 2021``, ``3-10-2022``;
- ages as number words after *wordt/werd/is/ben* with a time phrase between
  (``wordt in september dertien``, ``word ik volgende week zestien``) or after *bijna*.
Everything returns :class:`~coding.pseudonymise.model.Mention` candidates for the resolver.
"""

from __future__ import annotations

import re

from coding.pseudonymise.model import Mention, PiiType, Source
from coding.pseudonymise.rules import MONTHS, NUMBER_WORD

_IBAN_RE = re.compile(r"(?<![\w-])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?(?![\w-])")
_L, _D = "[A-Za-z]", r"\d"
_SIDECODES = (
    (2, 2, 2, "LL", "DD", "DD"), (2, 2, 2, "DD", "DD", "LL"), (2, 2, 2, "DD", "LL", "DD"),
    (2, 2, 2, "LL", "DD", "LL"), (2, 2, 2, "LL", "LL", "DD"), (2, 2, 2, "DD", "LL", "LL"),
    (2, 3, 1, "DD", "LLL", "D"), (1, 3, 2, "D", "LLL", "DD"), (2, 3, 1, "LL", "DDD", "L"),
    (1, 3, 2, "L", "DDD", "LL"), (3, 2, 1, "LLL", "DD", "L"), (1, 2, 3, "D", "LL", "DDD"),
    (3, 2, 1, "DDD", "LL", "D"), (1, 2, 3, "L", "DD", "LLL"),
)


def _group(kind: str) -> str:
    return (_L if kind[0] == "L" else _D) + f"{{{len(kind)}}}"


_PLATE_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join("-".join(_group(k) for k in code[3:]) for code in _SIDECODES)
    + r")(?![\w-])"
)
_PHONE_00_RE = re.compile(r"(?<![\w+])00[1-9]\d{0,2}(?:[\s-]?\(?\d{1,4}\)?)(?:[\s-]?\d{2,4}){2,5}(?!\d)")
# Letters and digits joined by - or / with at least four digits in all and at least one letter
# or two separators ("KL-20417", "2023/JB/04471", "C/13/1234"); dates and plates are excluded.
_CODE_RE = re.compile(r"(?<![\w/@.-])[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)+(?![\w/@-]|\.\w)")
_BARE_NUMBER_RE = re.compile(
    r"(?<![\w/+-])(?<!\d[.,])\d{5,10}(?![\w/-]|[.,]\d|\s?(?:euro|eur|km|m2|m²)\b)")
_HANDLE_CUE = re.compile(
    r"(?i)\b(?:insta(?:gram)?|snap(?:chat)?|tiktok|facebook|twitter|discord|telegram|account|"
    r"gebruikersnaam|username|handle|profiel|dm)\b")
_HANDLE_RE = re.compile(r"(?<![\w@.\-/])[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+_?(?![\w@\-/]|\.\w)")
_TLD = re.compile(r"(?i)\.(?:nl|com|be|org|net|eu|de|info|nu)$")
_MONTH_ABBR = r"(?:jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)"
_YEAR2 = r"['’](?:\d{2})(?!\d)"
# A year said in words after a month ("maart negentien", "juni tweeëntwintig"): a day or a
# year, a date either way.
_YEAR_WORD = (r"(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]ntwintig|tien|elf|"
              r"twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig|"
              r"dertig)")
DATE_RES = (
    # "juni '09", "maart '22", "nov '20", "okt. 2021", "12 jan", "14 mrt", "aug. 2019"
    re.compile(rf"(?i)(?<!\w)(?:\d{{1,2}}\s)?(?:{MONTHS})\s{_YEAR2}"),
    re.compile(rf"(?i)(?<!\w)(?:\d{{1,2}}\s)?{_MONTH_ABBR}\.?\s(?:(?:19|20)\d{{2}}|{_YEAR2})"),
    re.compile(rf"(?i)(?<!\w)\d{{1,2}}\s{_MONTH_ABBR}\b\.?"),
    # "'19", "in '21": an apostrophe year on its own
    re.compile(rf"(?<![\w'’]){_YEAR2}(?!['’\w])"),
    # "15/3", "3/10", "22/6"; "3-10-2022", "03/10/22"
    re.compile(r"(?<![\w/.-])(?:[1-9]|[12]\d|3[01])/(?:1[0-2]|0?[1-9])(?![\w/]|[.,]\d)"),
    re.compile(r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\1(?:19|20)?\d{2}(?![\w/])"),
    re.compile(rf"(?i)(?<!\w)(?:{MONTHS})\s{_YEAR_WORD}(?!\w)(?!\s(?:keer|jaar|jaren|week|"
               rf"weken|dag|dagen|maanden|uur|minuten|kinderen|euro|mensen|procent|man|"
               rf"gesprekken|sessies|afspraken)\b)"),
)
_NOT_DATES = {"24/7", "1/2", "1/3", "1/4", "2/3", "3/4", "50/50"}
_FILLER = (r"(?:(?:ik|je|jij|hij|ze|zij|u|al|nog|pas|net|bijna|toen|nu|binnenkort|straks|morgen|"
           r"dan|ook|inmiddels|alweer|deze\s(?:zomer|winter|week|maand|herfst|lente)|"
           r"volgende\s(?:week|maand)|volgend\sjaar|over\s(?:een|twee|drie)\s(?:weken|maanden)|"
           rf"in\s(?:{MONTHS})|op\s\d{{1,2}}\s(?:{MONTHS}))\s)")
_AGE_END = (r"(?=[.,;:!?)]|\s(?:en|bent|was|is|werd|toen|nu|dus|of|maar|eigenlijk|geworden|"
            r"in|op|deze|volgende|volgend|over|straks|binnenkort|morgen|hè|he|hoor|geloof|"
            r"jaar\b(?!\s(?:geleden|lang|later|terug))|hoor|al)\b|$)")
AGE_RES = (
    re.compile(rf"(?i)\b(?:wordt|word|werd|worden|is|ben|was)\s{_FILLER}{{1,3}}"
               rf"(?P<age>(?!een\b){NUMBER_WORD}){_AGE_END}"),
    re.compile(rf"(?i)\bbijna\s(?P<age>(?!een\b){NUMBER_WORD}){_AGE_END}"),
    # "een meisje van tien", "haar zoontje van zes": a child of N is N years old
    re.compile(rf"(?i)\b(?:meisje|jongen|jongetje|kind|kindje|zoon|zoontje|dochter|dochtertje|"
               rf"broer|broertje|zus|zusje|tiener|puber|baby)\svan\s(?P<age>(?!een\b)"
               rf"{NUMBER_WORD})(?:{_AGE_END}|(?=\s(?:dat|die|met|heeft|had|zonder)\b))"),
    # "Mijn moeder is oud, drieënzeventig.": the age after "oud"
    re.compile(rf"(?i)\boud,?\s(?P<age>(?!een\b){NUMBER_WORD}(?:\sjaar)?)(?=[.,;:!?)])"),
    # "Rado (twaalf)", "Nilton, elf," after a capitalised name
    re.compile(rf"(?<=[^\W\d_])\s\((?P<age>(?!een\b){NUMBER_WORD})\)"),
)


def iban_ok(candidate: str) -> bool:
    """The mod-97 check of ISO 13616 on an IBAN written with or without spaces."""
    raw = candidate.replace(" ", "").upper()
    if not 15 <= len(raw) <= 34 or not raw[:2].isalpha() or not raw[2:4].isdigit():
        return False
    digits = "".join(str(int(c, 36)) for c in raw[4:] + raw[:4])
    return int(digits) % 97 == 1


def _spans(text: str, regex: re.Pattern[str], group: str | int = 0) -> list[tuple[int, int]]:
    return [m.span(group) for m in regex.finditer(text) if m.start(group) < m.end(group)]


def _mention(text: str, span: tuple[int, int], type_: PiiType,
             source: Source = Source.RULE) -> Mention:
    return Mention(span[0], span[1], text[span[0]:span[1]], type_, source)


def number_rules(text: str) -> list[Mention]:
    """IBANs, licence plates, 00-phones, codes with letters and slashes, bare long numbers,
    handles without @ and dates in short notations (all precise: ``Source.RULE``)."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(span: tuple[int, int], type_: PiiType) -> None:
        if not any(span[0] < e and s < span[1] for s, e in taken):
            taken.append(span)
            found.append(_mention(text, span, type_))

    for span in _spans(text, _IBAN_RE):
        if iban_ok(text[span[0]:span[1]]):
            add(span, PiiType.ID)
    for span in _spans(text, _PHONE_00_RE):
        add(span, PiiType.PHONE)
    for regex in DATE_RES:
        for span in _spans(text, regex):
            if text[span[0]:span[1]] not in _NOT_DATES:
                add(span, PiiType.DATE)
    for span in _spans(text, _PLATE_RE):
        add(span, PiiType.ID)
    for span in _spans(text, _CODE_RE):
        code = text[span[0]:span[1]]
        digits = sum(c.isdigit() for c in code)
        letters = any(c.isalpha() for c in code)
        separators = sum(c in "-/" for c in code)
        if digits >= 4 and (letters or separators >= 2 or "/" in code):
            add(span, PiiType.ID)
    for span in _spans(text, _BARE_NUMBER_RE):
        add(span, PiiType.ID)
    for span in _spans(text, _HANDLE_RE):
        handle = text[span[0]:span[1]]
        parts = re.split(r"[._]", handle)
        if _TLD.search(handle) or not any(c.isalpha() for c in handle):
            continue
        if "_" in handle or any(c.isdigit() for c in handle) or (
            len(parts[0]) >= 3 and _HANDLE_CUE.search(_sentence(text, span[0]))
        ):
            add(span, PiiType.HANDLE)
    return found


def age_rules(text: str) -> list[Mention]:
    """Ages as number words with a time phrase between verb and number, or after *bijna*."""
    found = []
    for regex in AGE_RES:
        for span in _spans(text, regex, "age"):
            found.append(_mention(text, span, PiiType.AGE, Source.WEAK_RULE))
    return found


def _sentence(text: str, pos: int) -> str:
    left = max(text.rfind(c, 0, pos) for c in "!?\n")
    right = [i for i in (text.find(c, pos) for c in "!?\n") if i != -1]
    return text[left + 1: min(right) if right else len(text)]
