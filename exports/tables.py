"""Coded fragments as a spreadsheet (.xlsx) or CSV, for researchers who filter and pivot in Excel.

One row per fragment *and code*: a fragment coded with two codes gives two rows, so Excel's
autofilter on "Code" or "Thema" finds every fragment of a theme (one row with joined codes would
hide them from a filter). The "Segment" column tells rows of the same fragment apart. Every
document attribute gets its own column. Texts are the project's stored (pseudonymised, once
applied) texts.

Spreadsheet hygiene (``exports.files``): a text cell starting with = + - @ (or a tab or line
break) could run as a formula in Excel; in .xlsx every text is stored as a text cell, in CSV such
cells get a leading apostrophe, headers (attribute names are typed by users) included.
The CSV is what Dutch Excel opens on a double click: UTF-8 with BOM, ';' and CRLF.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coding.project import Project
from coding.pseudonymise.guard import assert_export_safe
from coding.stats import EMPTY, CountRow
from coding.types import SegmentFilter, SpeakerRole
from exports.chapter_data import documents_in_scope, included_codes
from exports.files import csv_rows, write_atomic, xlsx_append, xlsx_cell

VALENCE_LABELS = {"positief": "positief", "aandachtspunt": "aandachtspunt",
                  "neutraal": "neutraal"}
BASE_HEADERS = ("Segment", "Document", "Spreker")
CODE_HEADERS = ("Code", "Thema", "Valentie", "Codeur", "Memo", "Kerncitaat", "Tekst")


def fragment_rows(project: Project, *, where: Sequence[tuple[str, str]] = (),
                  themes: Sequence[str | int] = (), respondent_only: bool = False
                  ) -> tuple[list[str], list[list[str | int]]]:
    """Headers and rows: one per (fragment, code) in scope, in document order."""
    docs = documents_in_scope(project, where)
    doc_ids = {d.id for d in docs}
    names = project.attributes.names()
    used = [n for n in names if any(d.attributes.get(n) for d in docs)]
    codes = {c.id for c in included_codes(project.codes.tree(), themes)}
    headers = [*BASE_HEADERS, *used, *CODE_HEADERS]
    rows: list[list[str | int]] = []
    for seg in project.segments.query(SegmentFilter(attributes=tuple(where))):
        if seg.document_id not in doc_ids:
            continue
        if respondent_only and seg.speaker_role == SpeakerRole.INTERVIEWER:
            continue
        for coding in seg.codings:
            if coding.code_id not in codes:
                continue
            rows.append([
                seg.id, seg.document, seg.speaker or "",
                *[seg.attributes.get(n, "") for n in used],
                coding.path, coding.path.split("/", 1)[0],
                VALENCE_LABELS.get(coding.valence.value, coding.valence.value),
                seg.coder, seg.memo, "ja" if seg.key_quote else "nee", seg.text.strip(),
            ])
    return headers, rows


def count_rows(project: Project, *, where: Sequence[tuple[str, str]] = (),
               themes: Sequence[str | int] = (), respondent_attribute: str = "respondent_type",
               respondent_only: bool = False) -> tuple[list[str], list[list[str | int]]]:
    """Per code: respondents and fragments per respondent type, and in total."""
    docs = documents_in_scope(project, where)
    types = sorted({d.attributes.get(respondent_attribute, "") for d in docs})
    headers = ["Code"]
    for t in [*types, "Totaal"]:
        label = t or "onbekend"
        headers += [f"{label}: respondenten", f"{label}: fragmenten"]
    codes = {c.id for c in included_codes(project.codes.tree(), themes)}
    counts: Sequence[CountRow] = ()
    if docs:
        counts = project.stats.counts(respondent_attribute, respondent_only=respondent_only,
                                      document_ids=[d.id for d in docs]).rows
    rows: list[list[str | int]] = []
    for c in counts:
        if c.code_id not in codes:
            continue
        row: list[str | int] = [c.path]
        for t in types:
            cell = c.by_value.get(t, EMPTY)
            row += [cell.documents, cell.segments]
        row += [c.documents, c.segments]
        rows.append(row)
    return headers, rows


def _guard_export(project: Project, headers: list[str], rows: list[list[str | int]]) -> None:
    assert_export_safe(project, headers + [str(v) for r in rows for v in r])


def write_xlsx(project: Project, dest: Path | str, *, where: Sequence[tuple[str, str]] = (),
               themes: Sequence[str | int] = (), respondent_attribute: str = "respondent_type",
               respondent_only: bool = False) -> Path:
    """Sheets 'Fragmenten' (one row per fragment and code) and 'Telling'; returns the file."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    dest = Path(dest)
    headers, rows = fragment_rows(project, where=where, themes=themes,
                                  respondent_only=respondent_only)
    count_head, counts = count_rows(project, where=where, themes=themes,
                                    respondent_attribute=respondent_attribute,
                                    respondent_only=respondent_only)
    _guard_export(project, headers, rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "Fragmenten"
    _fill(ws, headers, rows)
    widths = {"Segment": 9, "Document": 30, "Spreker": 16, "Code": 30, "Thema": 16,
              "Valentie": 14, "Codeur": 12, "Memo": 30, "Kerncitaat": 11, "Tekst": 80}
    for i, name in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(name, 16)
    text_col = headers.index("Tekst") + 1
    memo_col = headers.index("Memo") + 1
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap if cell.column in (text_col, memo_col) else top
    bold = Font(bold=True)
    ws2 = wb.create_sheet("Telling")
    _fill(ws2, count_head, counts)
    ws2.column_dimensions["A"].width = 34
    for i in range(2, len(count_head) + 1):
        ws2.column_dimensions[get_column_letter(i)].width = 14
    for r, row_values in enumerate(counts, start=2):
        if "/" not in str(row_values[0]):
            for cell in ws2[r]:
                cell.font = bold
    write_atomic(dest, wb.save)
    return dest


def _fill(ws: Any, headers: list[str], rows: list[list[str | int]]) -> None:
    from openpyxl.styles import Font

    xlsx_append(ws, headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            xlsx_cell(ws.cell(row=r, column=c), value)  # a text is never a formula
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = ws.dimensions


def write_csv(project: Project, dest: Path | str, *, where: Sequence[tuple[str, str]] = (),
              themes: Sequence[str | int] = (), respondent_only: bool = False) -> Path:
    """The 'Fragmenten' rows as CSV for Dutch Excel (UTF-8 BOM, ';', CRLF); returns the file."""
    dest = Path(dest)
    headers, rows = fragment_rows(project, where=where, themes=themes,
                                  respondent_only=respondent_only)
    _guard_export(project, headers, rows)
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";", lineterminator="\r\n",
                                quoting=csv.QUOTE_MINIMAL)
            writer.writerows(csv_rows([headers, *rows]))

    return write_atomic(dest, write)
