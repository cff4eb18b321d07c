"""Questionnaire exports as a table: ``.xlsx``, ``.csv`` and SPSS ``.sav``, one row per respondent.

Municipalities get their client-experience questionnaire back from the survey tool as an Excel
sheet, a CSV file (Dutch Excel: ``;`` in Windows-1252; others: ``,`` in UTF-8) or an SPSS file
with value labels. Every reader here returns the same :class:`SurveyTable`: the header of each
column (for SPSS the variable name, with its label and value labels), and each non-empty row as
text cells with the row number a researcher sees in Excel, so every later message can name the
file, the column and the row.

What the readers refuse or report is about the file itself: too large, damaged, no header,
two columns with one name. Formula and error cells and numbers stored as text are recorded per
column, not refused here: they only matter for a column that is imported, which the mapping
decides (:mod:`importers.survey_rows`). Readers are pure: no database, no dialogs.

SPSS files are read with pyreadstat (ReadStat's reader; wheels for Windows, macOS and Linux; it
needs numpy only, not pandas, with ``output_format="dict"``), imported lazily like openpyxl.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import hashlib
import multiprocessing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers.attributes import sniff_delimiter
from importers.base import TranscriptImportError
from importers.boundary import importer
from importers.safety import ZipLimits, check_size, check_zip_container
from importers.text import decode_text, normalise

MAX_SURVEY_BYTES = 25 * 1024 * 1024
"""A questionnaire export of 2,000 respondents with open answers is 1-5 MB; far larger files are
refused before reading (a whole survey tool's database, or the wrong file)."""

MAX_RESPONDENT_ROWS = 50_000
SAV_SECONDS = 60  # a .sav of 25 MB reads in seconds; a reader stuck past this is stopped
SURVEY_EXTENSIONS = (".xlsx", ".xlsm", ".csv", ".sav", ".zsav")
_ZIP_LIMITS = ZipLimits(max_total_bytes=300 * 1024 * 1024)
_KEEP = 5  # formula/error/text-number rows kept per column, for the message


class SurveyImportError(TranscriptImportError):
    """A questionnaire that cannot be imported; the message names the file, column and row."""


@dataclass(frozen=True)
class SurveyColumn:
    """A column as read: its header, where it stands, and what the file says about it."""

    name: str  # the header (for .sav: the variable name)
    position: int  # 1-based
    letter: str  # "D" in a spreadsheet, "4" in a CSV file, the variable name in .sav
    label: str = ""  # .sav variable label (the question text)
    value_labels: dict[str, str] = field(default_factory=dict)  # .sav: code -> label
    user_missing: tuple[str, ...] = ()  # .sav: codes declared missing
    formulas: tuple[tuple[int, str], ...] = ()  # (row, formula) of formula cells
    errors: tuple[tuple[int, str], ...] = ()  # (row, value) of Excel error cells (#N/A...)
    text_numbers: tuple[int, ...] = ()  # rows where a number is stored as text among numbers

    def ref(self) -> str:
        """How a message names the column: "column 'v3' (D)"."""
        if self.letter and self.letter != self.name:
            return f"column {self.name!r} ({self.letter})"
        return f"column {self.name!r}"


@dataclass(frozen=True)
class SurveyTable:
    path: Path
    format: str  # "xlsx", "csv", "sav"
    sha256: str
    columns: tuple[SurveyColumn, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number in the file, cells as text)
    empty_rows: tuple[int, ...] = ()  # blank rows between respondents, skipped
    row_noun: str = "row"  # "case" in SPSS

    def index(self, column: str) -> int:
        for i, c in enumerate(self.columns):
            if c.name == column:
                return i
        raise KeyError(column)

    def column(self, name: str) -> SurveyColumn:
        return self.columns[self.index(name)]

    def values(self, column: str) -> list[str]:
        i = self.index(column)
        return [cells[i] if i < len(cells) else "" for _row, cells in self.rows]

    def fail(self, reason: str, detail: str) -> SurveyImportError:
        return SurveyImportError(self.path, reason, detail)


@importer
def read_survey(path: Path | str, max_bytes: int = MAX_SURVEY_BYTES) -> SurveyTable:
    """Read a questionnaire export; raise :class:`SurveyImportError` when it cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SURVEY_EXTENSIONS:
        raise SurveyImportError(path, "unsupported",
                                f"Questionnaires must be .xlsx, .csv or .sav (SPSS), not "
                                f"'{path.suffix or '(no extension)'}'.")
    try:
        check_size(path, max_bytes)
    except TranscriptImportError as exc:
        hint = (" A questionnaire export of a few thousand respondents is a few MB: split the "
                "file (per meting or per gemeente) or leave out columns you do not import."
                if exc.reason == "too_large" else "")
        raise SurveyImportError(path, exc.reason, exc.detail + hint) from None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SurveyImportError(path, "unreadable",
                                f"The file cannot be read ({exc.strerror or exc}).") from None
    digest = hashlib.sha256(data).hexdigest()
    try:
        if suffix == ".csv":
            return _read_csv(path, data, digest)
        if suffix in (".sav", ".zsav"):
            return _read_sav(path, digest)
        return _read_xlsx(path, digest)
    except SurveyImportError:
        raise
    except TranscriptImportError as exc:  # the shared safety and encoding checks
        raise SurveyImportError(path, exc.reason, exc.detail) from None


# -- spreadsheets ----------------------------------------------------------------------------------


def _column_letter(index: int) -> str:
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _read_xlsx(path: Path, digest: str) -> SurveyTable:
    check_zip_container(path, ("xl/workbook.xml",), _ZIP_LIMITS, kind="Excel workbook")
    from openpyxl import load_workbook

    try:
        # Formulas are kept as formulas (data_only=False): a formula is reported, never
        # silently replaced by whatever value Excel last cached for it.
        workbook = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises KeyError, ValueError, zip and XML errors
        raise SurveyImportError(path, "corrupt",
                                f"The Excel workbook is damaged and cannot be read ({exc}).") \
            from None
    try:
        sheet = workbook.worksheets[0]
        reset = getattr(sheet, "reset_dimensions", None)
        if reset is not None:  # some tools write a wrong <dimension>; read what is there
            reset()
        grid: list[tuple[int, list[tuple[str, str, Any]]]] = []
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            row = [_typed_cell(cell) for cell in cells]
            grid.append((number, row))
            if len(grid) > MAX_RESPONDENT_ROWS + 1:
                raise SurveyImportError(path, "too_large",
                                        f"Row {number} of the sheet is past the limit of "
                                        f"{MAX_RESPONDENT_ROWS} respondents; split the file.")
    except SurveyImportError:
        raise
    except Exception as exc:
        raise SurveyImportError(path, "corrupt",
                                f"The Excel workbook is damaged and cannot be read ({exc}).") \
            from None
    finally:
        workbook.close()
    return _table_from_grid(path, "xlsx", digest, grid, letters=True)


def _typed_cell(cell: Any) -> tuple[str, str, Any]:
    """(kind, text, raw): kind is 'n' number, 's' text, 'f' formula, 'e' error, '' empty."""
    value = getattr(cell, "value", None)
    kind = getattr(cell, "data_type", "")
    if value is None:
        return "", "", None
    if kind == "f" or (isinstance(value, str) and kind != "s" and value.startswith("=")):
        return "f", str(value), value
    if kind == "e":
        return "e", str(value), value
    if isinstance(value, bool):
        return "s", "ja" if value else "nee", value
    if isinstance(value, int | float):
        if isinstance(value, float) and value.is_integer():
            return "n", str(int(value)), value
        return "n", str(value), value
    if isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat()
        return "s", text, value
    if isinstance(value, dt.date):
        return "s", value.isoformat(), value
    return "s", normalise(str(value)).strip(), value


def _looks_numeric(text: str) -> bool:
    t = text.strip().replace(",", ".", 1)
    if not t:
        return False
    try:
        float(t)
    except ValueError:
        return False
    return True


def _table_from_grid(path: Path, fmt: str, digest: str,
                     grid: list[tuple[int, list[tuple[str, str, Any]]]],
                     letters: bool) -> SurveyTable:
    filled = [(n, row) for n, row in grid if any(kind for kind, _t, _r in row)]
    if not filled:
        raise SurveyImportError(path, "empty", "The questionnaire contains no rows.")
    header_row, header_cells = filled[0]
    width = max(len(row) for _n, row in filled)
    header_cells = header_cells + [("", "", None)] * (width - len(header_cells))
    # A column with neither header nor values is trailing layout: drop it.
    used = [i for i in range(width)
            if header_cells[i][1].strip()
            or any(i < len(row) and row[i][0] for _n, row in filled[1:])]
    names: list[str] = []
    for i in used:
        name = " ".join(header_cells[i][1].split())
        ref = _column_letter(i + 1) if letters else str(i + 1)
        if not name:
            first = next(n for n, row in filled[1:] if i < len(row) and row[i][0])
            raise SurveyImportError(path, "corrupt",
                                    f"Column {ref} has no header in row {header_row} but holds "
                                    f"values (first in row {first}).")
        if name in names:
            raise SurveyImportError(path, "corrupt",
                                    f"Two columns are named {name!r} (row {header_row}); give "
                                    "each column its own header.")
        names.append(name)
    empty_rows = tuple(n for n, row in grid if n > header_row and not any(k for k, _t, _r in row))
    body: list[tuple[int, tuple[str, ...]]] = []
    formulas: dict[int, list[tuple[int, str]]] = {i: [] for i in used}
    errors: dict[int, list[tuple[int, str]]] = {i: [] for i in used}
    numbers: dict[int, int] = dict.fromkeys(used, 0)
    text_numbers: dict[int, list[int]] = {i: [] for i in used}
    for number, row in filled[1:]:
        cells = []
        for i in used:
            kind, text, _raw = row[i] if i < len(row) else ("", "", None)
            if kind == "f" and len(formulas[i]) < _KEEP:
                formulas[i].append((number, text))
            elif kind == "e" and len(errors[i]) < _KEEP:
                errors[i].append((number, text))
            elif kind == "n":
                numbers[i] += 1
            elif kind == "s" and letters and _looks_numeric(text) and len(text_numbers[i]) < _KEEP:
                text_numbers[i].append(number)
            cells.append(text if kind in ("n", "s") else "")
        body.append((number, tuple(cells)))
    columns = tuple(
        SurveyColumn(name=name, position=i + 1,
                     letter=_column_letter(i + 1) if letters else str(i + 1),
                     formulas=tuple(formulas[i]), errors=tuple(errors[i]),
                     # Only a mix is worth a word: a column of text numbers is consistent.
                     text_numbers=tuple(text_numbers[i]) if numbers[i] else ())
        for name, i in zip(names, used, strict=True))
    return SurveyTable(path, fmt, digest, columns, tuple(body), empty_rows)


# -- CSV --------------------------------------------------------------------------------------------


def _read_csv(path: Path, data: bytes, digest: str) -> SurveyTable:
    import csv

    text, _codec = decode_text(path, data)
    text = normalise(text)
    if not text.strip():
        raise SurveyImportError(path, "empty", "The questionnaire contains no rows.")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(text.split("\n"), delimiter=delimiter)
    grid: list[tuple[int, list[tuple[str, str, Any]]]] = []
    start = 1
    try:
        for record in reader:
            grid.append((start, [("s" if c.strip() else "", c.strip(), c) for c in record]))
            start = reader.line_num + 1
            if len(grid) > MAX_RESPONDENT_ROWS + 1:
                raise SurveyImportError(path, "too_large",
                                        f"Line {reader.line_num} is past the limit of "
                                        f"{MAX_RESPONDENT_ROWS} respondents; split the file.")
    except csv.Error as exc:
        raise SurveyImportError(path, "corrupt",
                                f"Line {reader.line_num} of the CSV file cannot be read ({exc}).") \
            from None
    return _table_from_grid(path, "csv", digest, grid, letters=False)


# -- SPSS -------------------------------------------------------------------------------------------


def _code_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN: system missing
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return normalise(str(value)).strip()


def _sav_in_child(path: str) -> dict[str, Any]:
    """ReadStat's reading of a .sav, as plain values (run in a child process, see below)."""
    import pyreadstat

    try:
        data, meta = pyreadstat.read_sav(path, output_format="dict", user_missing=True)
    except Exception as exc:  # ReadstatError, PyreadstatError, UnicodeDecodeError...
        return {"error": str(exc)}
    return {"data": {name: list(values) for name, values in data.items()},
            "names": list(meta.column_names),
            "labels": list(meta.column_labels or []),
            "value_labels": dict(meta.variable_value_labels or {}),
            "missing_ranges": dict(getattr(meta, "missing_ranges", {}) or {})}


def _read_sav_safely(path: Path) -> dict[str, Any]:
    """ReadStat is C code, and a damaged .sav can crash it (a segfault the fuzzing campaign
    found: bench/reproducers/). It reads in a child process of its own, so such a file becomes
    "this SPSS file is damaged" instead of ending Duiding; spawn works the same on Windows, macOS,
    Linux and in the frozen app (which calls multiprocessing.freeze_support)."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        try:
            return pool.submit(_sav_in_child, str(path)).result(timeout=SAV_SECONDS)
        except (concurrent.futures.process.BrokenProcessPool, OSError) as exc:
            raise SurveyImportError(path, "corrupt",
                                    "The SPSS file is damaged: reading it made the SPSS "
                                    f"reader crash ({type(exc).__name__}).") from None
        except concurrent.futures.TimeoutError:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
            raise SurveyImportError(path, "too_large",
                                    f"Reading the SPSS file took longer than {SAV_SECONDS} s; "
                                    "it is damaged or far larger than a questionnaire.") from None


def _read_sav(path: Path, digest: str) -> SurveyTable:
    got = _read_sav_safely(path)
    if "error" in got:
        raise SurveyImportError(path, "corrupt",
                                f"The SPSS file is damaged or not an SPSS .sav file "
                                f"({got['error']}).")
    data: dict[str, list[Any]] = got["data"]
    names: list[str] = got["names"]
    if not names:
        raise SurveyImportError(path, "empty", "The SPSS file has no variables.")
    labels = list(got["labels"] or [None] * len(names))
    value_labels: dict[str, dict[Any, str]] = got["value_labels"]
    missing_ranges: dict[str, list[dict[str, Any]]] = got["missing_ranges"]
    count = len(data[names[0]]) if names else 0
    if count > MAX_RESPONDENT_ROWS:
        raise SurveyImportError(path, "too_large",
                                f"The file holds {count} cases; the limit is "
                                f"{MAX_RESPONDENT_ROWS} respondents.")
    columns = []
    decoded: list[list[str]] = []
    for i, name in enumerate(names):
        codes = {_code_text(k): " ".join(str(v).split())
                 for k, v in value_labels.get(name, {}).items()}
        missing = tuple(_code_text(r.get("lo")) for r in missing_ranges.get(name, [])
                        if r.get("lo") == r.get("hi"))
        columns.append(SurveyColumn(name=name, position=i + 1, letter=name,
                                    label=" ".join((labels[i] or "").split()),
                                    value_labels=codes, user_missing=missing))
        raw = [_code_text(v) for v in data[name]]
        decoded.append([codes.get(v, v) if v else "" for v in raw])
    body: list[tuple[int, tuple[str, ...]]] = []
    empty: list[int] = []
    for r in range(count):
        cells = tuple(col[r] for col in decoded)
        if any(cells):
            body.append((r + 1, cells))
        else:
            empty.append(r + 1)
    if not body:
        raise SurveyImportError(path, "empty", "The SPSS file contains no cases.")
    return SurveyTable(path, "sav", digest, tuple(columns), tuple(body), tuple(empty),
                       row_noun="case")
