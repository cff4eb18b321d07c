"""Guessing what each questionnaire column is: respondent id, attribute, meting, closed item, open
question, or something to leave out.

A guess, never a decision: the import dialog shows it per column and the researcher confirms or
corrects it; the command line prints it (``--plan``). The evidence, in order: the project's saved
mapping for a column with this header (next year's file is mapped as last year's); personal data
that must stay out (names, e-mail, phone, address); the header (``respnr``, ``Gemeente``,
``Type respondent``, ``Jaar``); SPSS value labels; and the values themselves (answers that fit
one ordered scale make a closed item; long, varied text makes an open question; a few short
values make an attribute).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from statistics import mean

from coding.survey.mapping import (
    METING_ATTRIBUTE,
    ColumnMapping,
    Role,
    Source,
    SurveyMapping,
    attribute_name,
    canonical_attribute,
    header_key,
    unique_attributes,
)
from coding.survey.scales import fit_scale, scale_from_labels
from importers.survey import SurveyColumn, SurveyTable

_ID_HEADERS = {
    "id", "respondent", "respondent id", "respondentid", "respondentnummer", "respondent nr",
    "respnr", "resp nr", "respnummer", "resp id", "nummer", "nr", "volgnummer", "response id",
    "responseid", "record id", "recordid", "deelnemer", "deelnemernummer", "caseid", "case id",
    "token", "uuid", "vragenlijstnummer", "formulier", "formuliernummer", "respondentcode",
}  # fmt: skip
_PERSONAL = re.compile(
    r"^(naam|voornaam|achternaam|name|e ?mail|emailadres|e mailadres|mail|telefoon|"
    r"telefoonnummer|tel|mobiel|adres|straat|huisnummer|postcode|ip|ip adres|ipadres|"
    r"ip address|bsn|geboortedatum)\b")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
_IGNORE = re.compile(
    r"^(start|eind|einde|startdatum|einddatum|starttijd|eindtijd|datum|tijd|duur|"
    r"ingevuld op|submitted|started|completed|voltooid|status|taal|language|bron|source|"
    r"browser|device|apparaat)\b")
_ATTRIBUTE_WORDS = re.compile(
    r"\b(geslacht|gender|regio|wijk|kern|dorp|school|schooltype|opleiding|"
    r"leeftijdscategorie|aanbieder|zorgaanbieder|soort hulp|type hulp|vorm van hulp|"
    r"hulpvorm|traject|team|locatie|achtergrond|gezinssituatie)\b")
_OPEN_WORDS = re.compile(
    r"(toelichting|opmerking|waarom|wat ging goed|wat kan beter|wat kon beter|tip|tips|"
    r"verbeter|suggestie|anders namelijk|anders, namelijk|namelijk|vertel|beschrijf|"
    r"open vraag|uitleg|ervaring)")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def guess_mapping(table: SurveyTable, saved: Mapping[str, ColumnMapping] | None = None,
                  meting: str | None = None) -> SurveyMapping:
    """A mapping for every column: saved roles first, then guesses. ``meting`` fixes the meting
    value; without it and without a meting column, a single year in the file name is used."""
    saved_by_key = {header_key(k): v for k, v in (saved or {}).items()}
    columns: list[ColumnMapping] = []
    for col in table.columns:
        previous = (saved or {}).get(col.name) or saved_by_key.get(header_key(col.name))
        if previous is not None:
            columns.append(replace(previous, column=col.name, source=Source.SAVED))
        else:
            columns.append(guess_column(col, table.values(col.name)))
    ids = [c for c in columns if c.role == Role.ID]
    if len(ids) > 1:  # keep the first id-like column; the others are left out
        columns = [c if c.role != Role.ID or c is ids[0] else replace(c, role=Role.IGNORE)
                   for c in columns]
    if not ids:
        columns = _fallback_id(table, columns)
    metings = [c for c in columns if c.role == Role.METING]
    for extra in metings[1:]:
        columns = [replace(c, role=Role.ATTRIBUTE) if c is extra else c for c in columns]
    value = meting.strip() if meting else ""
    if not value and not metings:
        years = set(_YEAR.findall(table.path.stem))
        value = years.pop() if len(years) == 1 else ""
    return SurveyMapping(unique_attributes(columns), value)


def guess_column(column: SurveyColumn, values: list[str]) -> ColumnMapping:
    """The role of one column from its header and values (pure; see the module docstring)."""
    header = column.name
    key = header_key(header)
    label_key = header_key(column.label)
    filled = [v for v in values if v.strip()]
    label = column.label or header

    def make(role: Role, **kw: object) -> ColumnMapping:
        attr = ""
        if role in (Role.ATTRIBUTE, Role.CLOSED):
            attr = attribute_name(header, column.label)
        elif role == Role.METING:
            attr = METING_ATTRIBUTE
        return ColumnMapping(header, role, label if role in (Role.OPEN, Role.CLOSED) else "",
                             attr, **kw)  # type: ignore[arg-type]

    if _PERSONAL.match(key) or _PERSONAL.match(label_key) \
            or (filled and sum(bool(_EMAIL.match(v.strip())) for v in filled) > len(filled) / 2):
        return make(Role.IGNORE)  # personal data stays out of the project unless chosen
    if column.formulas and len(column.formulas) >= min(len(filled), 5):
        return make(Role.IGNORE)
    if not filled:
        return make(Role.IGNORE)
    distinct = {v.strip().casefold() for v in filled}
    id_header = key in _ID_HEADERS or key.endswith(" id") or key.startswith("id ")
    if id_header and len(distinct) >= 0.5 * len(filled):  # a duplicate id is reported later
        return make(Role.ID)
    known = canonical_attribute(header) or canonical_attribute(column.label)
    if known == METING_ATTRIBUTE and len(distinct) <= 12:
        return make(Role.METING)
    if known is not None:
        return make(Role.ATTRIBUTE)
    if _IGNORE.match(key):
        return make(Role.IGNORE)
    if column.value_labels and not _ATTRIBUTE_WORDS.search(key):
        scale = scale_from_labels(column.value_labels, column.user_missing)
        if scale is not None and all(scale.category_of(v) is not None for v in filled):
            return make(Role.CLOSED, scale=scale)
    lengths = [len(v) for v in filled]
    words = mean(len(v.split()) for v in filled)
    long_text = mean(lengths) >= 30 or max(lengths) >= 80 or (words >= 4 and len(distinct) > 3)
    if long_text:
        return make(Role.OPEN)
    if not _ATTRIBUTE_WORDS.search(key) and len(distinct) >= 2:
        scale = fit_scale(filled)
        if scale is not None and not (scale.numeric and column.value_labels):
            return make(Role.CLOSED, scale=scale)
    question = (column.label or header).rstrip().endswith("?")
    varied = len(distinct) >= 0.7 * len(filled)
    open_header = bool(_OPEN_WORDS.search(key) or _OPEN_WORDS.search(label_key))
    if varied and (open_header or (question and words >= 1.5)):
        return make(Role.OPEN)
    if _ATTRIBUTE_WORDS.search(key) or len(distinct) <= max(12, len(filled) // 20):
        return make(Role.ATTRIBUTE)
    return make(Role.IGNORE)


def _fallback_id(table: SurveyTable, columns: list[ColumnMapping]) -> list[ColumnMapping]:
    """No id header: the first column with a short, unique value in every row."""
    for i, c in enumerate(columns):
        if c.role not in (Role.IGNORE, Role.ATTRIBUTE):
            continue
        values = [v.strip() for v in table.values(c.column)]
        if all(values) and len(set(values)) == len(values) and max(map(len, values)) <= 40:
            columns = list(columns)
            columns[i] = replace(c, role=Role.ID, attribute="", source=Source.GUESS)
            return columns
    return columns
