"""Reading a moment the researcher types (the event dialog's field, the CLI's ``--moment``).

Typing a moment is accepting it, so what is typed must be read one way only: `2021-03-15`,
`15-3-2021`, `2021-03`, `3-2021`, `2021`, an age (`leeftijd 4`, `4 jaar`), `volgorde`, or a
Dutch expression read as `coding.time_expressions.suggest_moment` reads it ("toen hij 4 was",
"vorig jaar in maart").

Ages: a decimal comma or point is a fraction of a year (`leeftijd 10,5` is ten and a half) and
a semicolon separates years and months, the clinical notation (`10;6` is ten years and six
months; the months 0-11). A relative expression ("vorig jaar in maart", "twee maanden later")
needs what it is counted from — the interview's date or meting, or the event told before it;
without that it is a `MomentNeedsAnchor` error saying what is missing, never a guess.

Pure functions on strings: no database, no Qt.
"""

from __future__ import annotations

import re

from coding.moments import NO_ANCHOR, ORDER_ONLY, Anchor, Moment, MomentKind
from coding.time_expressions import find_moments, suggest_moment

_CODE_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_CODE_DMY = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_CODE_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$|^(\d{1,2})[-/](\d{4})$")
_CODE_YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")
_CODE_AGE = re.compile(r"^(?:leeftijd|age|ca\.?)?\s*(?P<y>\d{1,2})"
                       r"(?:;(?P<m>\d{1,2})|[,.](?P<frac>\d{1,2}))?\s*(?:jaar|j)?$",
                       re.IGNORECASE)


class MomentError(ValueError):
    """A typed moment that cannot be read; the message is one line."""

    code = "moment_unreadable"


class MomentNeedsAnchor(MomentError):
    """A relative expression ("vorig jaar in maart") with nothing to count it from.

    `needs` says what is missing: "interview" (no date or meting), "month" (only the
    interview's year is known) or "previous" (no dated event told before it).
    """

    code = "moment_needs_anchor"

    def __init__(self, message: str, expression: str, needs: str) -> None:
        super().__init__(message)
        self.expression, self.needs = expression, needs


def parse_moment(value: str, anchor: Anchor | None = None) -> Moment:
    """The moment the user typed (see the module docstring); `anchor` is the interview's.

    Raises `MomentError` (or `MomentNeedsAnchor`) with a one-line message otherwise.
    """
    anchor = anchor or NO_ANCHOR
    text = " ".join(value.split())
    low = text.casefold()
    if low in ("", "volgorde", "order", "-", "alleen volgorde"):
        return ORDER_ONLY
    if m := _CODE_DATE.match(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return _checked(Moment(MomentKind.DATE, y, mo, d), value)
    if m := _CODE_DMY.match(text):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return _checked(Moment(MomentKind.DATE, y, mo, d), value)
    if m := _CODE_MONTH.match(text):
        y, mo = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(4)),
                                                                       int(m.group(3)))
        return _checked(Moment(MomentKind.MONTH, y, mo), value)
    if _CODE_YEAR.match(text):
        return Moment(MomentKind.YEAR, int(text))
    if (m := _CODE_AGE.match(text)) and (low.startswith(("leeftijd", "age")) or ";" in low
                                         or re.search(r"\d\s*(jaar|j)$", low)):
        return Moment(MomentKind.AGE, age_months=_age_months(m, value),
                      approximate=low.startswith("ca"))
    found = suggest_moment(text, anchor)
    if found is not None:
        return found.moment
    _refuse_unanchored(text, value, anchor)
    raise MomentError(f"cannot read the moment {value!r}; write e.g. 2021-03-15, 2021-03, 2021, "
                      "'leeftijd 4', 'leeftijd 10;6', 'volgorde' or 'toen hij 4 was'")


def _age_months(m: re.Match[str], value: str) -> int:
    years = int(m.group("y"))
    if m.group("m") is not None:
        months = int(m.group("m"))
        if months > 11:
            raise MomentError(f"{value!r}: the months after ';' must be 0-11 "
                              "(write 'leeftijd 10;6' for ten years and six months)")
        return years * 12 + months
    if m.group("frac") is not None:
        return round(float(f"{years}.{m.group('frac')}") * 12)
    return years * 12


def _refuse_unanchored(text: str, value: str, anchor: Anchor) -> None:
    """Raise `MomentNeedsAnchor` when `text` would read as a moment given what `anchor` lacks."""
    year = anchor.year if anchor.year is not None else 2000
    month = anchor.month if anchor.month is not None else 6
    previous = anchor.previous or Moment(MomentKind.MONTH, year, month)
    steps = [("interview", Anchor(year, anchor.month, anchor.birth_year, anchor.previous)),
             ("month", Anchor(year, month, anchor.birth_year, anchor.previous)),
             ("previous", Anchor(year, month, anchor.birth_year, previous))]
    for needs, probe in steps:
        found = find_moments(text, probe)
        if not found:
            continue
        words = found[0].expression
        if needs == "previous":
            raise MomentNeedsAnchor(
                f"{value!r} is counted from the event told before it, and there is no dated "
                "event before it in this interview: type the moment itself (e.g. 2021-03)",
                words, "previous")
        if anchor.year is None:
            raise MomentNeedsAnchor(
                f"{value!r} is counted from the interview's date, but this interview has no "
                "date or meting: type the moment itself (e.g. 2021-03), or give the document "
                "a 'datum' or 'meting' attribute", words, "interview")
        raise MomentNeedsAnchor(
            f"{value!r} is counted from the interview's month, but only its year (meting) is "
            "known: type the moment itself (e.g. 2021-03), or give the document a 'datum' "
            "attribute", words, "month")


def _checked(moment: Moment, value: str) -> Moment:
    if moment.month is not None and not 1 <= moment.month <= 12:
        raise MomentError(f"{value!r}: month must be 1-12")
    if moment.day is not None and not 1 <= moment.day <= 31:
        raise MomentError(f"{value!r}: day must be 1-31")
    return moment
