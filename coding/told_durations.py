"""How long something lasted, as respondents say it: "zeven maanden", "16 weken", "anderhalf jaar".

`suggest_duration` reads it from a fragment (or what the researcher types in the duration
field) in days; `duration_text` writes days back in the unit a respondent would use. Pure
functions on strings: no database, no Qt.
"""

from __future__ import annotations

import re

from coding.time_expressions import NUMBER, number_word

DAYS_PER = {"dag": 1, "dagen": 1, "week": 7, "weken": 7, "maand": 30, "maanden": 30,
            "jaar": 365, "jaren": 365}
_FLAGS = re.IGNORECASE | re.UNICODE

_DURATION = re.compile(
    rf"\b(?P<n>{NUMBER}|een half|een|ruim een|bijna een)\s+(?P<unit>dag|dagen|week|weken|maand|"
    rf"maanden|jaar|jaren)\b(?! (?:geleden|later|daarna|oud|ervoor|daarvoor|erna))", _FLAGS)


def suggest_duration(text: str) -> int | None:
    """How long something lasted, in days, when the text says so ("zeven maanden" -> 210).

    An age ("toen hij 4 jaar was"), "geleden" and "later" are not durations.
    """
    for m in _DURATION.finditer(text):
        before = text[max(0, m.start() - 20):m.start()].casefold()
        after = text[m.end():m.end() + 12].casefold()
        if re.search(r"\btoen\b.*$|\bmet\b\s*$|\bop\b\s*$|\bvanaf\b\s*$|\brond\b\s*$", before) \
                and re.match(r"\s*(oud\b|was\b|werd\b)", after):
            continue
        if re.match(r"\s*(oud|was|werd)\b", after):
            continue
        if re.search(r"\b(met|op|vanaf|rond)\s*$", before):
            continue
        word = m.group("n").casefold()
        n = {"een half": 0.5, "een": 1.0, "ruim een": 1.0, "bijna een": 1.0}.get(word)
        if n is None:
            n = number_word(word)
        if n is None:
            continue
        return round(n * DAYS_PER[m.group("unit").casefold()])
    return None


def duration_text(days: int) -> str:
    """'7 maanden', '16 weken', '1,5 jaar', '10 dagen' — the unit a respondent would use."""
    if days >= 365 and days % 365 in (0, 182, 183):
        years = days / 365
        return f"{years:g} jaar".replace(".", ",")
    if days >= 60 and days % 30 == 0:
        return f"{days // 30} maanden"
    if days >= 14 and days % 7 == 0:
        return f"{days // 7} weken"
    if days == 7:
        return "1 week"
    if days == 30:
        return "1 maand"
    return f"{days} {'dag' if days == 1 else 'dagen'}"
