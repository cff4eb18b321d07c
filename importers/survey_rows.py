"""From a questionnaire table and its confirmed mapping to respondents ready to store.

Every check that can fail runs here, before anything is stored, so a bad file stops with one
message naming the file, the column and the row, and nothing is half-imported: a formula or an
Excel error in a column that is imported, a row with answers but no respondent id, the same id
twice, an answer that is not on its item's scale, an attribute value that is really free text.
Things the researcher should know but that do not stop the import are returned as warnings:
blank rows skipped, numbers stored as text (read as the numbers they are), respondents who
answered nothing.

A respondent's document text holds the open answers under their questions::

    Wat ging goed?
    Het contact met de jeugdconsulent was fijn, …

    Wat kan beter?
    De wachttijd. …

Each answer is one turn, labelled with the question; an empty answer makes no turn and no line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace

from coding.survey.mapping import (
    METING_ATTRIBUTE,
    Answer,
    ColumnMapping,
    PreparedSurvey,
    RespondentRecord,
    Role,
    SurveyMapping,
    speaker_label,
)
from coding.survey.scales import Scale, closest_scale, is_missing_answer
from importers.survey import SurveyImportError, SurveyTable
from importers.text import normalise

MAX_ATTRIBUTE_VALUE = 200  # longer "attribute" values are free text: an open question
MAX_RESPONDENT_ID = 200


def _rows(numbers: Sequence[int], noun: str = "row") -> str:
    shown = ", ".join(str(n) for n in numbers[:8])
    more = f" and {len(numbers) - 8} more" if len(numbers) > 8 else ""
    return f"{noun}{'s' if len(numbers) != 1 else ''} {shown}{more}"


def prepare(table: SurveyTable, mapping: SurveyMapping, name: str | None = None,
            progress: Callable[[int, int], None] | None = None) -> PreparedSurvey:
    """Check every used cell and build one :class:`RespondentRecord` per respondent."""
    fail = table.fail
    file_names = {c.name for c in table.columns}
    for c in mapping.columns:
        if c.column not in file_names:
            raise fail("unknown_column", f"The mapping names column {c.column!r}, which the file "
                       "does not have.")
    if not table.rows:
        raise fail("empty", "The questionnaire has a header row but no respondents.")
    problems = mapping.problems()
    if problems:
        raise fail("mapping", problems[0])
    warnings: list[str] = []
    used = [c for c in mapping.columns if c.role != Role.IGNORE]
    for c in used:
        col = table.column(c.column)
        if col.formulas:
            row, formula = col.formulas[0]
            raise fail("formula", f"{col.ref()}, {table.row_noun} {row} holds a formula "
                       f"({formula}) instead of a value. Save the sheet with values (copy the "
                       "column, paste as values) or leave the column out.")
        if col.errors:
            row, value = col.errors[0]
            raise fail("cell_error", f"{col.ref()}, {table.row_noun} {row} holds the Excel error "
                       f"{value}. Correct the cell or leave the column out.")
        if col.text_numbers:
            warnings.append(f"{col.ref()}: numbers stored as text in "
                            f"{_rows(col.text_numbers, table.row_noun)} were read as numbers.")
    if table.empty_rows:
        warnings.append(f"Empty {_rows(table.empty_rows, table.row_noun)} skipped.")

    id_map = mapping.id_column
    assert id_map is not None  # problems() checked it
    id_col = table.column(id_map.column)
    index = {c.name: i for i, c in enumerate(table.columns)}
    closed = [(c, index[c.column], _ScaleCheck(c)) for c in mapping.of(Role.CLOSED)]
    opens = [(c, index[c.column]) for c in mapping.of(Role.OPEN)]
    attrs = [(c, index[c.column]) for c in mapping.columns
             if c.role in (Role.ATTRIBUTE, Role.METING)]
    id_index = index[id_map.column]

    seen: dict[str, int] = {}
    records: list[RespondentRecord] = []
    silent: list[int] = []
    total = len(table.rows)
    for done, (row, cells) in enumerate(table.rows):
        def cell(i: int, cells: tuple[str, ...] = cells) -> str:
            return cells[i].strip() if i < len(cells) else ""

        rid = " ".join(cell(id_index).split())
        if not rid:
            raise fail("missing_id", f"{table.row_noun.capitalize()} {row} has answers but no "
                       f"respondent id in {id_col.ref()}.")
        if len(rid) > MAX_RESPONDENT_ID:
            raise fail("bad_id", f"{id_col.ref()}, {table.row_noun} {row}: the respondent id is "
                       f"{len(rid)} characters long; is this the right column?")
        if rid in seen:
            raise fail("duplicate_id", f"{id_col.ref()}: respondent id {rid!r} appears twice, in "
                       f"{table.row_noun}s {seen[rid]} and {row}.")
        seen[rid] = row
        attributes: dict[str, str] = {}
        if mapping.meting:
            attributes[METING_ATTRIBUTE] = mapping.meting
        for c, i in attrs:
            value = " ".join(cell(i).split())
            if len(value) > MAX_ATTRIBUTE_VALUE:
                raise fail("long_attribute", f"{table.column(c.column).ref()}, {table.row_noun} "
                           f"{row}: {len(value)} characters is free text, not an attribute; "
                           "map the column as an open question.")
            if value:
                attributes[c.attribute] = value
        for c, i, check in closed:
            value = cell(i)
            if value:
                attributes[c.attribute] = check.category(value, row, table)
        text, answers = _document_text(opens, cell)
        if not answers and not any(cell(i) for _c, i, _k in closed):
            silent.append(row)
        records.append(RespondentRecord(row, rid, text, tuple(answers), attributes))
        if progress is not None and done % 200 == 0:
            progress(done, total)
    if silent:
        warnings.append(f"{len(silent)} respondent(s) answered no question "
                        f"({_rows(silent, table.row_noun)}); they are imported with their "
                        "attributes only.")
    checked = {c.column: check.mapping() for c, _i, check in closed}
    final = SurveyMapping(tuple(checked.get(c.column, c) for c in mapping.columns),
                          mapping.meting)
    return PreparedSurvey(name=name or table.path.stem, source_name=table.path.name,
                          format=table.format, sha256=table.sha256, mapping=final,
                          respondents=tuple(records), warnings=tuple(warnings))


def is_blank_answer(answer: str) -> bool:
    """Nothing to read: empty, or only punctuation ("-", ".", "/") as people type for "nothing".
    An emoji is an answer."""
    return all(ch.isspace() or unicodedata.category(ch).startswith("P") for ch in answer)


def _document_text(opens: list[tuple[ColumnMapping, int]],
                   cell: Callable[[int], str]) -> tuple[str, list[Answer]]:
    parts: list[str] = []
    answers: list[Answer] = []
    pos = 0
    for c, i in opens:
        answer = normalise(cell(i)).strip()
        if is_blank_answer(answer):
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        question = " ".join(c.question.split())
        parts.append(question + "\n")
        pos += len(question) + 1
        parts.append(answer)
        answers.append(Answer(speaker_label(c.question), pos, pos + len(answer)))
        pos += len(answer)
    return "".join(parts), answers


class _ScaleCheck:
    """Maps answers of one closed item onto its scale; "weet niet"-like answers that the scale
    does not list yet are added to its non-scale answers; anything else stops the import."""

    def __init__(self, column: ColumnMapping) -> None:
        assert column.scale is not None
        self.column = column
        self.scale: Scale = column.scale
        self._cache: dict[str, str] = {}

    def category(self, value: str, row: int, table: SurveyTable) -> str:
        found = self._cache.get(value)
        if found is not None:
            return found
        category = self.scale.category_of(value)
        if category is None and is_missing_answer(value):
            category = " ".join(value.split())
            self.scale = replace(self.scale, missing=self.scale.missing + (category,))
        if category is None:
            col = table.column(self.column.column)
            cats = " / ".join(self.scale.categories)
            hint = ""
            other = closest_scale(table.values(col.name))
            if other is not None and other.categories != self.scale.categories:
                hint = f" (the answers look like the scale {' / '.join(other.categories)})"
            raise table.fail("off_scale", f"{col.ref()}, {table.row_noun} {row}: the answer "
                             f"{value!r} is not on the item's scale {cats}{hint}. Correct the "
                             "cell, or give the item its scale.")
        self._cache[value] = category
        return category

    def mapping(self) -> ColumnMapping:
        return replace(self.column, scale=self.scale)


__all__ = ["SurveyImportError", "prepare"]
