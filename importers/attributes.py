"""Respondent attribute sheets (.csv or .xlsx) and matching their rows to transcript files.

Research leads keep one row per interview in Excel: file name, respondent type, gemeente, meting,
gezin. Dutch Excel saves "CSV" with semicolons in Windows-1252; others save commas in UTF-8, with or
without BOM. Both must just work, so the delimiter is sniffed and the encoding decided by the same
rules as transcripts. Every column other than the file-name column becomes an attribute; an empty
cell means "no value" and is left out when rows are matched to documents.

Matching is forgiving about what students type in the file column: the exact file name, or the
name without extension, case-insensitively (``R01_ouder_WV_2024`` matches
``R01_ouder_WV_2024.txt``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers.base import TranscriptImportError
from importers.boundary import damaged, importer
from importers.limits import MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, current
from importers.limits import number as shown_number
from importers.safety import MAX_FILE_BYTES, check_zip_container, read_bytes
from importers.text import decode_text, normalise

KEY_COLUMN_NAMES = (
    "file", "filename", "file name", "bestand", "bestandsnaam", "document", "documentnaam",
    "transcript", "naam", "name",
)  # fmt: skip
"""Headers recognised as the file-name column, in order of preference (case-insensitive)."""


@dataclass(frozen=True)
class AttributeSheet:
    """A sheet as read: the header names and one ``{column: value}`` dict per row (all str)."""

    path: Path
    columns: list[str]
    rows: list[dict[str, str]]


@dataclass(frozen=True)
class SheetMatch:
    """Rows matched to document names.

    ``attributes`` maps each matched document name to its attributes (every column except
    ``key_column``; empty cells left out). ``unmatched_names`` are documents without a row,
    ``unmatched_rows`` the file-column values of rows that matched no document.
    """

    key_column: str | None
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)
    unmatched_names: list[str] = field(default_factory=list)
    unmatched_rows: list[str] = field(default_factory=list)


@importer
def read_attribute_sheet(path: Path | str, max_bytes: int = MAX_FILE_BYTES) -> AttributeSheet:
    """Read a ``.csv`` (``;``, ``,`` or tab; UTF-8 or Windows-1252) or ``.xlsx`` (first sheet)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = _read_csv(path, max_bytes)
    elif suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(path, max_bytes)
    else:
        raise TranscriptImportError(
            path,
            "unsupported",
            f"Attribute sheets must be .csv or .xlsx, not '{path.suffix or '(no extension)'}'.",
        )
    return _to_sheet(path, table)


def _read_csv(path: Path, max_bytes: int) -> list[list[str]]:
    data = read_bytes(path, max_bytes)
    text, _codec = decode_text(path, data)
    text = normalise(text)
    if not text.strip():
        raise TranscriptImportError(path, "empty", "The attribute sheet contains no rows.")
    delimiter = sniff_delimiter(text)
    rows = _csv_rows(path, text, delimiter)
    _check_one_delimiter(path, rows, delimiter)
    return rows


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV sheet (``;``, ``,`` or tab), judged by its header line.

    Headers are plain words, so the delimiter is whatever separates them; values may well
    contain commas ("Nadia Ouali (jeugdconsulent, Jeugdteam Oost)"), headers rarely do.
    """
    header = text.lstrip("\n").split("\n", 1)[0]
    delimiter = max(";,\t", key=header.count)
    if header.count(delimiter) == 0:
        try:
            delimiter = csv.Sniffer().sniff("\n".join(text.split("\n")[:20]), ";,\t").delimiter
        except csv.Error:
            delimiter = ";"
    return delimiter


def _csv_rows(path: Path, text: str, delimiter: str) -> list[list[str]]:
    """Rows of the CSV; a quote that is never closed refuses the sheet (read leniently, it
    would swallow every row after it into one cell without a word)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    budget = current(path)
    last_line = 0
    try:
        for row in reader:
            budget.tick()
            _count_cells(path, rows, row)
            last_line = reader.line_num
    except csv.Error as exc:
        if "end of data" in str(exc):
            raise TranscriptImportError(
                path, "corrupt",
                f'A quote (") opened in line {last_line + 1} is never closed, so the rest of '
                "the sheet would be read as one cell. Remove the stray quote or save the sheet "
                "again from Excel.") from None
        if "field larger" in str(exc):
            raise _cell_too_long(path, last_line + 1) from None
        # Stray quotes inside a value ("Westerveen" (oost)) are read as they stand.
        rows = []
        try:
            for row in csv.reader(io.StringIO(text), delimiter=delimiter):
                _count_cells(path, rows, row)
        except csv.Error:
            raise _cell_too_long(path, len(rows) + 1) from None
    return rows


def _cell_too_long(path: Path, line: int) -> TranscriptImportError:
    return TranscriptImportError(
        path, "too_large",
        f"A cell in or after line {line} is longer than {shown_number(csv.field_size_limit())} characters; "
        "a respondent sheet holds short values. Check the quotes in that line.")


def _count_cells(path: Path, rows: list[list[str]], row: list[str]) -> None:
    rows.append(row)
    if len(rows) > MAX_SHEET_ROWS + 1:
        raise TranscriptImportError(
            path, "too_large", f"The sheet has more than {shown_number(MAX_SHEET_ROWS)} rows (the limit)."
            )
    if len(row) > MAX_SHEET_COLUMNS:
        raise TranscriptImportError(
            path, "too_large",
            f"Row {len(rows)} of the sheet has {shown_number(len(row))} columns; the limit is "
            f"{shown_number(MAX_SHEET_COLUMNS)}.")
    budget = current(path)
    budget.chars += len(row)  # cells, counted against their own limit below
    if budget.chars > MAX_SHEET_CELLS:
        raise TranscriptImportError(
            path, "too_large",
            f"The sheet has more than {shown_number(MAX_SHEET_CELLS)} cells (the limit).")


def _check_one_delimiter(path: Path, rows: list[list[str]], delimiter: str) -> None:
    """The header and the rows must be split by the same character: a sheet whose header uses
    ';' and whose rows use ',' would otherwise attach no attributes without a word."""
    filled = [row for row in rows if any(cell.strip() for cell in row)]
    if not filled:
        return
    header, data = filled[0], filled[1:]
    shown = {";": "';'", ",": "','", "\t": "a tab"}
    if len([c for c in header if c.strip()]) < 2:
        raise TranscriptImportError(
            path, "corrupt",
            f"The sheet has only one column ('{header[0].strip()[:40]}'): Duiding could not find "
            "what separates the columns. Save it as CSV with ';' or ',' between the values, or "
            "as .xlsx.")
    single = [row for row in data if len(row) == 1]
    for other in ";,\t":
        if other != delimiter and single and all(other in row[0] for row in single) \
                and len(single) == len(data):
            raise TranscriptImportError(
                path, "corrupt",
                f"The header row is separated by {shown[delimiter]} but the other rows by "
                f"{shown[other]}. Save the sheet again so that every row uses the same "
                "separator.")


def _read_xlsx(path: Path, max_bytes: int) -> list[list[str]]:
    read_bytes(path, max_bytes)
    check_zip_container(path, ("xl/workbook.xml",), kind="Excel workbook")
    from openpyxl import load_workbook

    with warnings.catch_warnings():  # openpyxl warns on stderr about odd cells: not for users
        warnings.simplefilter("ignore")
        return _xlsx_rows(path, load_workbook)


def _xlsx_rows(path: Path, load_workbook: Any) -> list[list[str]]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises KeyError, ValueError, zip and XML errors
        raise damaged(path) from None
    try:
        budget = current(path)
        sheet = workbook.worksheets[0]
        rows: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True):  # parsed lazily: damage shows here
            budget.tick()
            _count_cells(path, rows, [_cell_text(value) for value in values])
        return rows
    except TranscriptImportError:
        raise
    except Exception:  # openpyxl: KeyError, ValueError, OverflowError on absurd dates, XML...
        raise damaged(path) from None
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _to_sheet(path: Path, table: list[list[str]]) -> AttributeSheet:
    rows = [[cell.strip() for cell in row] for row in table]
    rows = [row for row in rows if any(row)]
    if not rows:
        raise TranscriptImportError(path, "empty", "The attribute sheet contains no rows.")
    header = rows[0]
    while header and not header[-1]:
        header = header[:-1]
    if not header:
        raise TranscriptImportError(path, "corrupt", "The first row of the sheet has no headers.")
    columns: list[str] = []
    seen: set[str] = set()
    for index, name in enumerate(header, start=1):
        if not name:
            raise TranscriptImportError(
                path, "corrupt", f"Column {index} of the sheet has no header."
            )
        if name in seen:
            raise TranscriptImportError(
                path, "corrupt", f"The sheet has two columns named '{name}'."
            )
        seen.add(name)
        columns.append(name)
    records: list[dict[str, str]] = []
    for number, row in enumerate(rows[1:], start=2):
        extra = [cell for cell in row[len(columns) :] if cell]
        if extra:
            raise TranscriptImportError(
                path,
                "corrupt",
                f"Row {number} of the sheet has more values than there are columns.",
            )
        padded = row + [""] * (len(columns) - len(row))
        records.append(dict(zip(columns, padded, strict=False)))
    return AttributeSheet(path, columns, records)


def _names_for(value: str) -> tuple[str, str]:
    """(file name, name without extension), case-folded, of what a cell says."""
    pure = value.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].strip().casefold()
    return pure, pure.rsplit(".", 1)[0] if "." in pure else pure


def match_rows(sheet: AttributeSheet, names: Iterable[str]) -> SheetMatch:
    """Match sheet rows to document file names (exact name first, then the stem).

    The key column is the first column named like ``file`` / ``bestand`` / ``document``;
    without one, the first column whose values match any of the names.
    """
    names = list(names)
    key_column = _key_column(sheet, names)
    if key_column is None:
        return SheetMatch(None, {}, names, [])
    exact: dict[str, dict[str, str]] = {}
    by_stem: dict[str, dict[str, str]] = {}
    for row in sheet.rows:
        full, stem = _names_for(row.get(key_column, ""))
        if full:
            exact.setdefault(full, row)
            by_stem.setdefault(stem, row)
    matched: dict[str, dict[str, str]] = {}
    used: set[int] = set()
    unmatched_names: list[str] = []
    for name in names:
        full, stem = _names_for(name)
        found = exact.get(full) or by_stem.get(full) or by_stem.get(stem)
        if found is None:
            unmatched_names.append(name)
            continue
        used.add(id(found))
        matched[name] = {
            column: value for column, value in found.items() if column != key_column and value
        }
    unmatched_rows = [
        row[key_column] for row in sheet.rows if id(row) not in used and row.get(key_column)
    ]
    return SheetMatch(key_column, matched, unmatched_names, unmatched_rows)


def _key_column(sheet: AttributeSheet, names: list[str]) -> str | None:
    wanted_names = {part for name in names for part in _names_for(name)}

    def matches(column: str) -> bool:
        return any(_names_for(row.get(column, ""))[1] in wanted_names for row in sheet.rows)

    by_header = {column.casefold(): column for column in sheet.columns}
    named = [by_header[wanted] for wanted in KEY_COLUMN_NAMES if wanted in by_header]
    for column in named + [c for c in sheet.columns if c not in named]:
        if matches(column):
            return column
    return named[0] if named else None
