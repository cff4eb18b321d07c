"""Plain values shared by the detectors, the review model and the replacer.

A :class:`Mention` is one occurrence of personal information in one text, with code-point offsets
(the same positions coded segments use). Detectors never decide *what replaces* a mention; that is
the review step's job (:mod:`coding.pseudonymise.entities`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum


class PiiType(StrEnum):
    PERSON = "person"
    LOCATION = "location"
    STREET = "street"
    SCHOOL = "school"
    ORGANISATION = "organisation"
    DATE = "date"
    AGE = "age"
    PHONE = "phone"
    EMAIL = "email"
    ID = "id"  # BSN, court and case numbers
    HANDLE = "handle"  # social-media user names (@naam.12)
    OTHER = "other"  # deduce's ids and urls


class Source(IntEnum):
    """Where a mention comes from; a lower value wins an overlap (DESIGN.md section 4)."""

    NAME_LIST = 0  # names the researcher entered: always right
    RULE = 1  # precise own rules (e-mail, phone, organisation/school patterns, dates, streets)
    DEDUCE = 2
    PROPAGATED = 3  # a form found elsewhere in the project, found again here
    WEAK_RULE = 4  # context rules (place after a preposition, spelled-out ages)


@dataclass(frozen=True, order=True)
class Mention:
    start: int
    end: int
    text: str
    type: PiiType
    source: Source

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end
