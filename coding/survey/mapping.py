"""What a questionnaire column is (its role) and what one respondent becomes: plain values.

The importer reads a file and guesses a :class:`SurveyMapping`; the researcher confirms or corrects
it; :func:`importers.survey_rows.prepare` turns the rows into :class:`RespondentRecord` values;
:class:`coding.survey.commands.ImportSurvey` stores them. The mapping is saved in the project and
reused, column by column, for next year's file. These types live in the domain (not in
importers/) because the domain stores and reuses them and must not import upward.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from coding.survey.scales import Scale

MAX_ATTRIBUTE_NAME = 60  # longer question texts are shortened for use as an attribute name
MAX_LABEL = 100  # a speaker label (the question shown before an open answer)
METING_ATTRIBUTE = "meting"
RESPONDENT_TYPE_ATTRIBUTE = "respondent_type"


class Role(enum.StrEnum):
    ID = "id"  # the respondent id (one per row, unique)
    ATTRIBUTE = "attribute"  # gemeente, leeftijd, type respondent ...
    METING = "meting"  # the year / measurement round
    CLOSED = "closed"  # an item on an ordered answer scale
    OPEN = "open"  # free text: becomes a turn of the respondent's document
    IGNORE = "ignore"


class Source(enum.StrEnum):
    """Where a column's role came from, so the dialog can say it."""

    GUESS = "guess"
    SAVED = "saved"  # the project's mapping from an earlier import
    USER = "user"  # chosen in the dialog or on the command line


@dataclass(frozen=True)
class ColumnMapping:
    column: str  # the header as in the file (for .sav: the variable name)
    role: Role
    label: str = ""  # question text (closed/open); for .sav the variable label
    attribute: str = ""  # the attribute the values are stored under (attribute/meting/closed)
    scale: Scale | None = None  # closed items
    source: Source = Source.GUESS

    @property
    def question(self) -> str:
        return self.label or self.column


@dataclass(frozen=True)
class SurveyMapping:
    columns: tuple[ColumnMapping, ...]
    meting: str = ""  # one meting value for every respondent (when no column holds it)

    def of(self, role: Role) -> list[ColumnMapping]:
        return [c for c in self.columns if c.role == role]

    def get(self, column: str) -> ColumnMapping | None:
        return next((c for c in self.columns if c.column == column), None)

    @property
    def id_column(self) -> ColumnMapping | None:
        ids = self.of(Role.ID)
        return ids[0] if len(ids) == 1 else None

    def with_column(self, new: ColumnMapping) -> SurveyMapping:
        return replace(self, columns=tuple(new if c.column == new.column else c
                                           for c in self.columns))

    def problems(self) -> list[str]:
        """What stops an import, as English sentences (empty: the mapping can be used)."""
        out = []
        ids = self.of(Role.ID)
        if not ids:
            out.append("No column is chosen as the respondent id.")
        elif len(ids) > 1:
            out.append("Only one column can be the respondent id, not "
                       + ", ".join(repr(c.column) for c in ids) + ".")
        if len(self.of(Role.METING)) > 1:
            out.append("Only one column can hold the meting.")
        for c in self.of(Role.CLOSED):
            if c.scale is None:
                out.append(f"Column {c.column!r} has no answer scale.")
            elif not c.scale.top_box:
                out.append(f"Column {c.column!r}: choose which answers make the top box.")
        seen: dict[str, str] = {}
        for c in self.columns:
            if c.role in (Role.ATTRIBUTE, Role.CLOSED, Role.METING) and c.attribute:
                key = c.attribute.casefold()
                if key in seen:
                    out.append(f"Columns {seen[key]!r} and {c.column!r} would both be stored "
                               f"as attribute {c.attribute!r}.")
                seen[key] = c.column
        if not self.of(Role.OPEN) and not self.of(Role.CLOSED):
            out.append("No column is chosen as an open or closed question.")
        return out


@dataclass(frozen=True)
class Answer:
    """An open answer: the question it answers (label) and the span of the answer in the text."""

    label: str
    start: int
    end: int


@dataclass(frozen=True)
class RespondentRecord:
    """One respondent, ready to store: text with the open answers, and every attribute."""

    row: int  # the row in the file (for messages)
    respondent: str
    text: str
    answers: tuple[Answer, ...]
    attributes: dict[str, str]


@dataclass(frozen=True)
class PreparedSurvey:
    """A checked questionnaire file: what an import stores, in one transaction."""

    name: str  # the import's name, and the prefix of its documents' names
    source_name: str
    format: str
    sha256: str
    mapping: SurveyMapping
    respondents: tuple[RespondentRecord, ...]
    warnings: tuple[str, ...] = ()
    doc_names: tuple[str, ...] = field(default=())

    def document_name(self, respondent: str) -> str:
        return f"{self.name}_{respondent}"


# -- naming ---------------------------------------------------------------------------------------

_ATTRIBUTE_SYNONYMS = {
    METING_ATTRIBUTE: ("meting", "jaar", "year", "meetjaar", "peiljaar", "ronde", "wave",
                       "meetmoment", "jaargang", "onderzoeksjaar"),
    "gemeente": ("gemeente", "gemeentenaam", "woonplaats", "woongemeente", "gemeente van "
                 "inwoning", "municipality"),
    RESPONDENT_TYPE_ATTRIBUTE: ("respondent_type", "respondenttype", "type respondent", "type",
                                "rol", "invuller", "ingevuld door", "wie vult de vragenlijst in",
                                "doelgroep", "respondentgroep", "soort respondent"),
    "leeftijd": ("leeftijd", "age", "leeftijd kind", "leeftijd jeugdige", "leeftijdscategorie",
                 "leeftijdsgroep"),
}


def header_key(header: str) -> str:
    """A header compared loosely: case, underscores, punctuation and spaces do not matter."""
    text = re.sub(r"[_\-.:?()/]+", " ", header.casefold())
    return " ".join(text.split())


def canonical_attribute(header: str) -> str | None:
    """'Type respondent' -> 'respondent_type', 'Jaar' -> 'meting': the names the chapter uses."""
    key = header_key(header)
    for name, forms in _ATTRIBUTE_SYNONYMS.items():
        if key in {header_key(f) for f in forms}:
            return name
    return None


def attribute_name(header: str, label: str = "") -> str:
    """The attribute a column's values are stored under: a known name, else the header (or, for
    a short variable label, the label), shortened to fit a list of attributes."""
    known = canonical_attribute(header) or (canonical_attribute(label) if label else None)
    if known:
        return known
    text = " ".join((label or header).split())
    if len(text) <= MAX_ATTRIBUTE_NAME:
        return text
    short = " ".join(header.split())
    if label and len(short) <= MAX_ATTRIBUTE_NAME:
        return short
    return text[: MAX_ATTRIBUTE_NAME - 1].rstrip() + "…"


def speaker_label(question: str) -> str:
    text = " ".join(question.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def unique_attributes(columns: Iterable[ColumnMapping]) -> tuple[ColumnMapping, ...]:
    """Make attribute names unique ('x', 'x (2)') in column order; other columns unchanged."""
    seen: set[str] = set()
    out = []
    for c in columns:
        if c.role in (Role.ATTRIBUTE, Role.CLOSED, Role.METING) and c.attribute:
            name, n = c.attribute, 2
            while name.casefold() in seen:
                name = f"{c.attribute} ({n})"
                n += 1
            seen.add(name.casefold())
            if name != c.attribute:
                c = replace(c, attribute=name)
        out.append(c)
    return tuple(out)
