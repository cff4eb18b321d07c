"""Attribute sheets: Dutch Excel CSV, UTF-8 CSV with commas, and .xlsx, matched on file name."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from importers import TranscriptImportError
from importers.attributes import match_rows, read_attribute_sheet

ROWS = [
    ["bestand", "respondent_type", "gemeente", "meting", "gezin"],
    ["R01_ouder_WV_2024.txt", "ouder", "Westerveen", "2024", "G-WV-014"],
    ["R03_jeugdconsulent_OH_2024", "hulpverlener", "Oosthaven", "2024", ""],
    ["r05_JONGERE_wv_2024.VTT", "jongere", "Súdwest-Fryslân", "2024", "G-WV-014"],
]
NAMES = ["R01_ouder_WV_2024.txt", "R03_jeugdconsulent_OH_2024.docx", "R05_jongere_WV_2024.vtt"]


def check(sheet_path: Path) -> None:
    sheet = read_attribute_sheet(sheet_path)
    assert sheet.columns == ROWS[0]
    assert sheet.rows[2]["gemeente"] == "Súdwest-Fryslân"
    match = match_rows(sheet, [*NAMES, "R99_extra.txt"])
    assert match.key_column == "bestand"
    assert match.attributes == {
        "R01_ouder_WV_2024.txt": {
            "respondent_type": "ouder",
            "gemeente": "Westerveen",
            "meting": "2024",
            "gezin": "G-WV-014",
        },
        "R03_jeugdconsulent_OH_2024.docx": {
            "respondent_type": "hulpverlener",
            "gemeente": "Oosthaven",
            "meting": "2024",
        },
        "R05_jongere_WV_2024.vtt": {
            "respondent_type": "jongere",
            "gemeente": "Súdwest-Fryslân",
            "meting": "2024",
            "gezin": "G-WV-014",
        },
    }
    assert match.unmatched_names == ["R99_extra.txt"]


def test_dutch_excel_csv_semicolons_cp1252_crlf(tmp_path: Path) -> None:
    path = tmp_path / "respondenten.csv"
    path.write_bytes("\r\n".join(";".join(row) for row in ROWS).encode("cp1252") + b"\r\n")
    check(path)


def test_utf8_bom_csv_with_commas_and_quotes(tmp_path: Path) -> None:
    path = tmp_path / "respondenten.csv"
    lines = [",".join(f'"{cell}"' for cell in row) for row in ROWS]
    path.write_bytes(codecs.BOM_UTF8 + "\n".join(lines).encode("utf-8"))
    check(path)


def test_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in ROWS:
        sheet.append([int(c) if c.isdigit() else (c or None) for c in row])
    sheet.append([None] * 5)
    path = tmp_path / "respondenten.xlsx"
    workbook.save(path)
    check(path)


def test_xlsx_numbers_and_dates_read_as_people_wrote_them(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["document", "meting", "datum", "score"])
    sheet.append(["a.txt", 2023.0, dt.datetime(2024, 3, 7), 7.5])
    path = tmp_path / "s.xlsx"
    workbook.save(path)
    assert read_attribute_sheet(path).rows == [
        {"document": "a.txt", "meting": "2023", "datum": "2024-03-07", "score": "7.5"}
    ]


def test_key_column_found_by_values_when_not_named(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("type;interview\nouder;R01.txt\njongere;R05.txt\n", encoding="utf-8")
    match = match_rows(read_attribute_sheet(path), ["R05.txt", "R01.txt"])
    assert match.key_column == "interview"
    assert match.attributes == {"R05.txt": {"type": "jongere"}, "R01.txt": {"type": "ouder"}}


def test_rows_without_documents_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("file,type\nR01.txt,ouder\nR02.txt,vader\n", encoding="utf-8")
    match = match_rows(read_attribute_sheet(path), ["R01.txt"])
    assert match.unmatched_rows == ["R02.txt"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("s.csv", b"", "empty"),
        ("s.csv", b"\r\n;;\r\n", "empty"),
        ("s.csv", b"file;type;type\r\na;b;c\r\n", "corrupt"),
        ("s.csv", b"file;;type\r\na;b;c\r\n", "corrupt"),
        ("s.csv", b"file;type\r\na;b;c\r\n", "corrupt"),
        ("s.ods", b"PK\x03\x04", "unsupported"),
        ("s.xlsx", b"PK\x03\x04kapot", "corrupt"),
        ("s.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "encrypted"),
    ],
)
def test_bad_sheets_get_clear_errors(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(TranscriptImportError) as caught:
        read_attribute_sheet(path)
    assert caught.value.reason == reason
    assert name in str(caught.value)
