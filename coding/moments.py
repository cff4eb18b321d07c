"""Moments in a family's help history: when an event happened, as precise as the respondent was.

A `Moment` is a date, a month, a year, the child's age, or only an order in the interview; it
says itself in Dutch (`label`), in a compact form the researcher can type back (`code`, read by
`coding.moment_input.parse_moment`), and on a calendar (`time`). An `Anchor` is what
relative expressions are counted from (the interview, the previous event). Reading moments
from what respondents said is `coding.time_expressions`; how long something lasted
("zeven maanden") is `coding.told_durations`.

Pure values: no database, no Qt.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december")


class MomentKind(enum.StrEnum):
    DATE = "date"
    MONTH = "month"
    YEAR = "year"
    AGE = "age"
    ORDER = "order"  # no time: placed by its order in the interview


@dataclass(frozen=True, slots=True)
class Moment:
    """When an event happened, as precise as the respondent was and no more."""

    kind: MomentKind = MomentKind.ORDER
    year: int | None = None
    month: int | None = None
    day: int | None = None
    age_months: int | None = None
    approximate: bool = False
    text: str = ""  # the words it came from ("toen hij 4 was"), or empty

    @property
    def dated(self) -> bool:
        return self.kind in (MomentKind.DATE, MomentKind.MONTH, MomentKind.YEAR)

    def time(self, birth_year: int | None = None) -> float | None:
        """Position on the calendar in fractional years (None: only an order).

        A year means its middle, a month its middle; an age needs the birth year (the child
        is then assumed born mid-year).
        """
        if self.kind == MomentKind.DATE and self.year and self.month and self.day:
            return self.year + (self.month - 1) / 12 + (self.day - 0.5) / 365
        if self.kind == MomentKind.MONTH and self.year and self.month:
            return self.year + (self.month - 0.5) / 12
        if self.kind == MomentKind.YEAR and self.year:
            return self.year + 0.5
        if self.kind == MomentKind.AGE and self.age_months is not None and birth_year:
            return birth_year + 0.5 + self.age_months / 12
        return None

    def age_at(self, birth_year: int | None) -> float | None:
        """The child's age in years at this moment (None when it cannot be known)."""
        if self.kind == MomentKind.AGE and self.age_months is not None:
            return self.age_months / 12
        t = self.time()
        return None if t is None or not birth_year else t - (birth_year + 0.5)

    def label(self) -> str:
        """Dutch, as short as is clear: '15 maart 2021', 'maart 2021', '2021', '4 jaar'."""
        about = "ca. " if self.approximate else ""
        if self.kind == MomentKind.DATE and self.year and self.month and self.day:
            return f"{about}{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"
        if self.kind == MomentKind.MONTH and self.year and self.month:
            return f"{about}{MONTH_NAMES[self.month - 1]} {self.year}"
        if self.kind == MomentKind.YEAR and self.year:
            return f"{about}{self.year}"
        if self.kind == MomentKind.AGE and self.age_months is not None:
            return f"{about}{age_text(self.age_months)}"
        return "alleen volgorde"

    def code(self) -> str:
        """The compact form `parse_moment` reads back: '2021-03-15', '2021-03', 'leeftijd 4'."""
        if self.kind == MomentKind.DATE:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.kind == MomentKind.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if self.kind == MomentKind.YEAR:
            return f"{self.year:04d}"
        if self.kind == MomentKind.AGE and self.age_months is not None:
            years, months = divmod(self.age_months, 12)
            return f"leeftijd {years}" + (f";{months}" if months else "")
        return "volgorde"

    def shifted(self, months: int) -> Moment:
        """The same kind of moment `months` later (for 'twee maanden later')."""
        if self.kind == MomentKind.AGE and self.age_months is not None:
            return replace(self, age_months=self.age_months + months, approximate=True)
        if self.year is None:
            return self
        if self.kind == MomentKind.YEAR:
            total = self.year * 12 + 6 + months
            if months % 12 == 0:
                return replace(self, year=self.year + months // 12, approximate=True)
            return Moment(MomentKind.MONTH, total // 12, total % 12 + 1, approximate=True)
        total = self.year * 12 + (self.month or 1) - 1 + months
        return Moment(MomentKind.MONTH, total // 12, total % 12 + 1, approximate=True)


def age_text(age_months: int) -> str:
    """'4 jaar', '10 jaar en 6 maanden', '9 maanden': never '10,5 jaar', which a reader of
    clinical notes could take for ten years and five months."""
    years, months = divmod(age_months, 12)
    in_months = f"{months} {'maand' if months == 1 else 'maanden'}"
    if not years:
        return in_months
    return f"{years} jaar" + (f" en {in_months}" if months else "")


ORDER_ONLY = Moment()


@dataclass(frozen=True)
class Anchor:
    """What relative expressions are counted from: the interview and the previous event."""

    year: int | None = None  # the interview's year (date attribute, else meting)
    month: int | None = None  # the interview's month, when its date is known
    birth_year: int | None = None  # the child's, when the case or document says it
    previous: Moment | None = None  # the moment of the event told just before


NO_ANCHOR = Anchor()  # nothing known to count from: relative expressions give no moment


@dataclass(frozen=True)
class MomentSuggestion:
    moment: Moment
    start: int  # the expression's span within the text given
    end: int
    expression: str

