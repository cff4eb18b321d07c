"""Reading moments from what respondents said: Dutch time expressions in a transcript.

A respondent rarely gives a date. They say "toen hij 4 was", "in groep 3", "vorig jaar in
maart", "in de zomer van 2021", "na de kerstvakantie" or "twee maanden later". `suggest_moment`
reads such Dutch expressions (number words included, "één", "tweeëntwintig") and proposes a
`Moment`; the caller shows it and the researcher accepts or changes it — a suggestion is never
stored on its own. Relative expressions are anchored on the interview (its date or meting year,
`Anchor`) or on the previous event; an age stays an age unless the child's birth year is known.
How long something lasted ("zeven maanden") is read by `coding.told_durations`, what the
researcher types by `coding.moment_input.parse_moment` (a moment's code, or an expression as
`suggest_moment` reads it). Without an anchor a relative expression gives no moment.

Pure functions on strings: no database, no Qt. `bench/bench_moments.py` measures precision and
recall on the generated study's phrases.
"""

from __future__ import annotations

import re
from dataclasses import replace

from coding.moments import NO_ANCHOR, Anchor, Moment, MomentKind, MomentSuggestion

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
}
# A season as the month in its middle (approximate).
SEASONS = {"lente": 4, "voorjaar": 4, "zomer": 7, "herfst": 10, "najaar": 10, "winter": 1}
# School holidays: (month before the holiday, month after it).
HOLIDAYS = {
    "kerstvakantie": (12, 1), "kerst": (12, 1), "voorjaarsvakantie": (2, 3),
    "krokusvakantie": (2, 3), "carnaval": (2, 3), "meivakantie": (4, 5), "paasvakantie": (4, 5),
    "pasen": (4, 4), "zomervakantie": (6, 9), "grote vakantie": (6, 9),
    "herfstvakantie": (10, 11),
}
_UNITS = {"een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
          "zeven": 7, "acht": 8, "negen": 9}
_TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
          "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19}
_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
         "zeventig": 70, "tachtig": 80, "negentig": 90}
_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6,
             "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11,
             "twaalfde": 12, "dertiende": 13, "veertiende": 14, "vijftiende": 15,
             "zestiende": 16, "zeventiende": 17, "achttiende": 18}
# Life stages and school years as the child's age in years (all approximate).
STAGES = {"baby": 0, "peuter": 2, "kleuter": 5, "puber": 13, "brugklas": 12,
          "brugklasser": 12, "peuterspeelzaal": 3, "kinderdagverblijf": 1, "crèche": 1}


def number_word(word: str) -> float | None:
    """'4' -> 4, 'vier' -> 4, 'twaalf' -> 12, 'tweeëntwintig' -> 22, 'anderhalf' -> 1.5."""
    w = word.strip().casefold()
    if re.fullmatch(r"\d+", w):
        return float(w)
    if re.fullmatch(r"\d+[,.]5", w):
        return float(w.replace(",", "."))
    if w == "anderhalf" or w == "anderhalve":
        return 1.5
    if w in ("half", "halve"):
        return 0.5
    if w in _UNITS:
        return float(_UNITS[w])
    if w in _TEENS:
        return float(_TEENS[w])
    if w in _TENS:
        return float(_TENS[w])
    m = re.fullmatch(r"(een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:ën|en)(\w+ig)", w)
    if m and m.group(2) in _TENS:
        return float(_UNITS[m.group(1)] + _TENS[m.group(2)])
    return None


def ordinal_word(word: str) -> int | None:
    """'vierde' -> 4, '4e' -> 4, '4de' -> 4."""
    w = word.strip().casefold()
    m = re.fullmatch(r"(\d+)(?:e|de|ste)", w)
    if m:
        return int(m.group(1))
    return _ORDINALS.get(w)


# Most specific first: which suggestion wins when a fragment holds several.
_PRECISION = {MomentKind.DATE: 0, MomentKind.MONTH: 1, MomentKind.YEAR: 2, MomentKind.AGE: 3,
              MomentKind.ORDER: 4}



# -- the patterns ----------------------------------------------------------------------------

NUMBER = (r"(?:\d+(?:[,.]5)?|anderhalf|anderhalve|half|halve|een|één|eén|twee|drie|vier|vijf|zes|"
        r"zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|"
        r"negentien|twintig|dertig|veertig|(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)"
        r"(?:ën|en)(?:twintig|dertig|veertig|vijftig))")
_ORD = r"(?:\d+(?:e|de|ste)|" + "|".join(_ORDINALS) + ")"
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_PRON = r"(?:hij|ze|zij|ik|jij|je|het|mijn zoon|mijn dochter|\w+)"
_POSS = r"(?:zijn|haar|mijn|jouw|je|z'n|d'r)"
_UNIT = r"(?P<unit>dag|dagen|week|weken|maand|maanden|jaar|jaren)"
_FLAGS = re.IGNORECASE | re.UNICODE

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b", _FLAGS)),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})[-/](?P<m>\d{{1,2}})[-/](?P<y>{_YEAR})\b", _FLAGS)),
    ("day_month", re.compile(rf"\b(?P<d>\d{{1,2}}|{_ORD}) (?P<mon>{_MONTH})(?: (?P<y>{_YEAR}))?\b",
                             _FLAGS)),
    ("month_rel", re.compile(
        rf"\b(?:in )?(?P<mon>{_MONTH}) (?:van )?(?P<rel>vorig jaar|dit jaar|het jaar daarvoor|"
        rf"het jaar daarna|twee jaar geleden)\b|\b(?P<rel2>vorig jaar|dit jaar|twee jaar geleden)"
        rf",? (?:in|rond|eind|begin) (?P<mon2>{_MONTH})", _FLAGS)),
    ("month_year", re.compile(rf"\b(?:(?P<edge>begin|eind|half|midden) )?(?P<mon>{_MONTH}),? "
                              rf"(?:van )?(?:'|’)?(?P<y>{_YEAR}|\d\d)\b", _FLAGS)),
    ("season", re.compile(
        rf"\b(?:in )?(?:de |het )?(?P<rel>vorige |afgelopen |deze )?(?P<s>lente|voorjaar|zomer|"
        rf"herfst|najaar|winter)(?: van (?P<y>{_YEAR}|vorig jaar|dit jaar))?(?: (?P<y2>{_YEAR}))?",
        _FLAGS)),
    ("holiday", re.compile(
        r"\b(?P<when>na|voor|rond|tijdens|in|met|vlak na|vlak voor|net na|net voor) "
        r"(?:de |het )?(?P<rel>vorige |afgelopen )?(?P<h>kerstvakantie|voorjaarsvakantie|"
        r"krokusvakantie|meivakantie|paasvakantie|zomervakantie|grote vakantie|herfstvakantie|"
        r"kerst|pasen|carnaval)", _FLAGS)),
    ("ago", re.compile(rf"\b(?P<n>{NUMBER}) {_UNIT} geleden\b", _FLAGS)),
    ("last", re.compile(r"\b(?P<rel>vorig jaar|vorige maand|dit jaar|afgelopen jaar|"
                        r"deze maand|het jaar ervoor|vorige week)\b", _FLAGS)),
    ("later", re.compile(rf"\b(?P<n>een half|een halve|{NUMBER}|een paar|paar) (?:{_UNIT}) (?P<dir>later|daarna|"
                         rf"daarvoor|ervoor|erna|verder)\b", _FLAGS)),
    ("age_was", re.compile(
        rf"\btoen {_PRON} (?:(?:pas|net|ongeveer|rond|een jaar of|bijna|al) )?(?P<n>{NUMBER})"
        rf"(?: (?:jaar|jaren))?(?: oud)? (?:was|werd)\b", _FLAGS)),
    ("age_of", re.compile(
        rf"\b(?:op|vanaf|sinds|rond|tot|na|voor|vóór) {_POSS} (?P<o>{_ORD})\b"
        rf"(?: jaar| levensjaar)?", _FLAGS)),
    ("age_jarig", re.compile(rf"\b(?:op |als |met )?(?P<n>{NUMBER})[- ]?jarige?(?: leeftijd)?\b",
                             _FLAGS)),
    ("age_met", re.compile(rf"\b(?:met|op|rond|vanaf) (?P<n>{NUMBER}) (?:jaar|jaren)\b"
                           rf"(?! geleden| later| daarna| lang| gewacht| wachten)", _FLAGS)),
    ("age_years_old", re.compile(rf"\b(?P<n>{NUMBER}) jaar oud\b", _FLAGS)),
    ("groep", re.compile(r"\b(?:in|uit|vanaf|sinds|naar|rond) groep (?P<g>[1-8]|een|twee|drie|"
                         r"vier|vijf|zes|zeven|acht)\b", _FLAGS)),
    ("klas", re.compile(r"\b(?:in|vanaf|sinds|naar) (?:de )?(?P<k>brugklas|[1-6]e klas|klas [1-6]|"
                        r"(?:eerste|tweede|derde|vierde) klas)\b", _FLAGS)),
    ("stage", re.compile(r"\b(?:als |toen (?:hij|ze|zij) (?:nog )?(?:een )?|op het |in de |"
                         r"op de |naar de )(?P<st>baby|peuter|kleuter|puber|peuterspeelzaal|"
                         r"kinderdagverblijf|crèche)\b", _FLAGS)),
    ("in_month", re.compile(rf"\b(?:in|rond|eind|begin|half|midden) (?P<mon>{_MONTH})\b"
                            rf"(?! (?:van )?(?:'|’)?\d)", _FLAGS)),
    ("year", re.compile(rf"\b(?:in|sinds|vanaf|rond|begin|eind|tot|na|voor) (?P<y>{_YEAR})\b|"
                        rf"\b(?P<y2>{_YEAR})\b", _FLAGS)),
]


def _month(word: str) -> int:
    return MONTHS[word.casefold().rstrip(".")]


def _full_year(y: str) -> int:
    value = int(y)
    return value if value >= 100 else 2000 + value


def _latest(month: int, anchor: Anchor) -> int | None:
    """The year of the latest `month` not after the interview (this year or last)."""
    if anchor.year is None:
        return None
    if anchor.month is None:
        return anchor.year
    return anchor.year if month <= anchor.month else anchor.year - 1


def _months_of(n: float, unit: str) -> int:
    unit = unit.casefold()
    if unit.startswith("jaar") or unit == "jaren":
        return round(n * 12)
    if unit.startswith("maand"):
        return round(n)
    if unit in ("week", "weken"):
        return round(n * 7 / 30.4)
    return round(n / 30.4)


def _age(months: float, text: str, approximate: bool = False) -> Moment:
    return Moment(MomentKind.AGE, age_months=round(months), approximate=approximate, text=text)


def _interpret(kind: str, m: re.Match[str], anchor: Anchor) -> Moment | None:
    text = m.group(0)
    g = m.groupdict()
    if kind in ("iso", "dmy"):
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return Moment(MomentKind.DATE, y, mo, d, text=text)
    if kind == "day_month":
        day = int(g["d"]) if g["d"].isdigit() else ordinal_word(g["d"])
        mo = _month(g["mon"])
        if day is None or not 1 <= day <= 31:
            return None
        year = int(g["y"]) if g.get("y") else _latest(mo, anchor)
        if year is None:
            return None
        return Moment(MomentKind.DATE, year, mo, day, approximate=not g.get("y"), text=text)
    if kind == "month_rel":
        mo = _month(g["mon"] or g["mon2"])
        rel = (g["rel"] or g["rel2"] or "").casefold()
        if anchor.year is None:
            return None
        back = {"vorig jaar": 1, "het jaar daarvoor": 1, "twee jaar geleden": 2,
                "dit jaar": 0, "het jaar daarna": -1}[rel]
        return Moment(MomentKind.MONTH, anchor.year - back, mo, text=text)
    if kind == "month_year":
        mo = _month(g["mon"])
        return Moment(MomentKind.MONTH, _full_year(g["y"]), mo, text=text)
    if kind == "season":
        month = SEASONS[g["s"].casefold()]
        yv = g.get("y") or g.get("y2")
        rel = (g.get("rel") or "").strip().casefold()
        if yv and yv[0].isdigit():
            year = int(yv)
        elif yv or rel:
            if anchor.year is None:
                return None
            last = (yv or "").casefold() == "vorig jaar" or rel in ("vorige", "afgelopen")
            year = _latest(month, anchor) if rel == "afgelopen" else (
                anchor.year - 1 if last else anchor.year)
        else:
            return None  # "in de zomer" without a year says no more than an order
        return Moment(MomentKind.MONTH, year, month, approximate=True, text=text)
    if kind == "holiday":
        before, after = HOLIDAYS[g["h"].casefold()]
        when = g["when"].casefold()
        month = after if when.endswith("na") else before if when.endswith("voor") else before
        if g["h"].casefold() in ("kerst", "kerstvakantie") and when in ("rond", "tijdens",
                                                                       "in", "met"):
            month = 12
        if anchor.year is None:
            return None
        return Moment(MomentKind.MONTH, _latest(month, anchor), month, approximate=True,
                      text=text)
    if kind == "ago":
        n = number_word(g["n"])
        if n is None or anchor.year is None:
            return None
        months = _months_of(n, g["unit"])
        base = Moment(MomentKind.MONTH, anchor.year, anchor.month) if anchor.month else \
            Moment(MomentKind.YEAR, anchor.year)
        return replace(base.shifted(-months), text=text)
    if kind == "last":
        rel = g["rel"].casefold()
        if anchor.year is None:
            return None
        if rel in ("vorig jaar", "afgelopen jaar", "het jaar ervoor"):
            return Moment(MomentKind.YEAR, anchor.year - 1, text=text)
        if rel == "dit jaar":
            return Moment(MomentKind.YEAR, anchor.year, text=text)
        if anchor.month is None:
            return None
        if rel in ("vorige maand", "vorige week"):
            return replace(Moment(MomentKind.MONTH, anchor.year, anchor.month).shifted(-1),
                           approximate=False, text=text)
        return Moment(MomentKind.MONTH, anchor.year, anchor.month, text=text)
    if kind == "later":
        word = g["n"].casefold()
        n = 2.0 if "paar" in word else 0.5 if word.startswith("een hal") else number_word(word)
        prev = anchor.previous
        if n is None or prev is None or prev.kind == MomentKind.ORDER:
            return None
        months = _months_of(n, g["unit"])
        if g["dir"].casefold() in ("daarvoor", "ervoor"):
            months = -months
        return replace(prev.shifted(months), text=text)
    if kind in ("age_was", "age_jarig", "age_met", "age_years_old"):
        n = number_word(g["n"])
        if n is None or not 0 <= n <= 25:
            return None
        if kind == "age_jarig" and not re.search(r"jarige|leeftijd|\bals\b|\bop\b|\bmet\b",
                                                 text, _FLAGS):
            return None
        return _age(n * 12, text)
    if kind == "age_of":
        o = ordinal_word(g["o"])
        if o is None or not 0 < o <= 25:
            return None
        return _age(o * 12, text)
    if kind == "groep":
        gv = g["g"]
        grade = int(gv) if gv.isdigit() else int(number_word(gv) or 0)
        return _age((grade + 3) * 12 + 6, text, approximate=True)  # groep 3: about 6.5 years
    if kind == "klas":
        k = g["k"].casefold()
        digit = re.search(r"\d", k)
        grade = 1 if "brug" in k else int(digit.group(0)) if digit else _ORDINALS[k.split()[0]]
        return _age((11 + grade) * 12 + 6, text, approximate=True)
    if kind == "stage":
        return _age(STAGES[g["st"].casefold()] * 12, text, approximate=True)
    if kind == "in_month":
        mo = _month(g["mon"])
        year = _latest(mo, anchor)
        if anchor.previous is not None and anchor.previous.dated and anchor.previous.year:
            # "in maart" told after a dated event: the first March from then on
            prev = anchor.previous
            year = prev.year if prev.year is not None and mo >= (prev.month or 1) else (
                (prev.year or 0) + 1)
        if year is None:
            return None
        return Moment(MomentKind.MONTH, year, mo, approximate=True, text=text)
    if kind == "year":
        return Moment(MomentKind.YEAR, int(g.get("y") or g["y2"]), text=text)
    return None


def find_moments(text: str, anchor: Anchor = NO_ANCHOR) -> list[MomentSuggestion]:
    """Every time expression in `text` that can be read as a moment, in text order.

    Overlapping matches keep the earlier pattern in `_PATTERNS` (the more specific one). An
    expression that needs what `anchor` lacks (no interview date) is not read.
    """
    found: list[MomentSuggestion] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            moment = _interpret(kind, m, anchor)
            if moment is None:
                continue
            found.append(MomentSuggestion(moment, m.start(), m.end(), m.group(0)))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda s: s.start)


def suggest_moment(text: str, anchor: Anchor = NO_ANCHOR) -> MomentSuggestion | None:
    """The best moment `text` gives (the most specific; the first of equals), or None."""
    found = find_moments(text, anchor)
    if not found:
        return None
    return min(found, key=lambda s: (_PRECISION[s.moment.kind], s.moment.approximate, s.start))

