"""The fragments spreadsheet and CSV, opened the way a researcher's Excel would."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from coding.project import Project
from coding.types import SegmentFilter
from exports.tables import write_csv, write_xlsx
from tests.exports.chapter_project import build


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = build(tmp_path)
    yield p
    p.close()


def coded_pairs(project: Project, where: tuple[tuple[str, str], ...] = ()) -> int:
    return sum(len(s.codings) for s in project.segments.query(SegmentFilter(attributes=where)))


def test_xlsx_one_row_per_fragment_and_code(project: Project, tmp_path: Path) -> None:
    out = write_xlsx(project, tmp_path / "fragmenten.xlsx")
    ws = openpyxl.load_workbook(out)["Fragmenten"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Segment", "Document", "Spreker"]
    for name in ("respondent_type", "gemeente", "meting", "gezin", "Code", "Thema", "Valentie",
                 "Codeur", "Memo", "Kerncitaat", "Tekst"):
        assert name in header
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    assert len(rows) == coded_pairs(project) == 10
    # The fragment with two codes is two rows, one per code, with the same segment number.
    two = [r for r in rows if str(r["Tekst"]).startswith("De hulpverlener luisterde")]
    assert sorted(r["Code"] for r in two) == ["aansluiting/relatie", "aansluiting/samen beslissen"]
    assert len({r["Segment"] for r in two}) == 1 and two[0]["Thema"] == "aansluiting"
    assert two[0]["Kerncitaat"] == "ja" and two[0]["Valentie"] == "positief"
    jongere = next(r for r in rows if str(r["Tekst"]).startswith("Ik zat"))
    assert (jongere["Spreker"], jongere["gemeente"], jongere["gezin"], jongere["Codeur"]) == (
        "Jongere", "Westerveen", "G-WV-001", "Sanne")
    # Readable: frozen header, filters on, wide wrapped text column.
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    text_col = openpyxl.utils.get_column_letter(header.index("Tekst") + 1)
    assert ws.column_dimensions[text_col].width >= 60
    assert ws[f"{text_col}2"].alignment.wrap_text


def test_xlsx_counts_sheet_matches_stats(project: Project, tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(write_xlsx(project, tmp_path / "f.xlsx"))["Telling"]
    header = [c.value for c in ws[1]]
    rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=2)}
    stats = {c.path: c for c in project.stats.counts("respondent_type").rows}
    for path, values in rows.items():
        assert values[header.index("Totaal: respondenten")] == stats[path].documents
        assert values[header.index("Totaal: fragmenten")] == stats[path].segments
        assert values[header.index("ouder: respondenten")] == stats[path].by_value["ouder"].documents
    assert rows["toegang"][header.index("Totaal: respondenten")] == 4


def test_xlsx_filter_and_formula_cells_stay_text(project: Project, tmp_path: Path) -> None:
    out = write_xlsx(project, tmp_path / "dm.xlsx", where=(("gemeente", "Duinmeer"),))
    ws = openpyxl.load_workbook(out)["Fragmenten"]
    header = [c.value for c in ws[1]]
    rows = list(ws.iter_rows(min_row=2))
    assert len(rows) == coded_pairs(project, (("gemeente", "Duinmeer"),)) == 4
    memo = next(r[header.index("Memo")] for r in rows if r[header.index("Memo")].value)
    assert memo.value.startswith("=HYPERLINK") and memo.data_type == "s"
    text = next(r[header.index("Tekst")] for r in rows
                if str(r[header.index("Tekst")].value).startswith("="))
    assert text.data_type == "s"


def test_csv_for_dutch_excel(project: Project, tmp_path: Path) -> None:
    out = write_csv(project, tmp_path / "fragmenten.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    # Records end in CRLF; line breaks inside a quoted text cell stay as they are.
    assert raw.endswith(b"\r\n") and raw.count(b"\r\n") == coded_pairs(project) + 1
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:3] == ["Segment", "Document", "Spreker"]
    assert len(rows) - 1 == coded_pairs(project)
    header = rows[0]
    # Formula injection: cells starting with = get a leading apostrophe.
    memos = [r[header.index("Memo")] for r in rows[1:] if r[header.index("Memo")]]
    assert memos == ["'=HYPERLINK(\"http://x\")"]
    assert any(r[header.index("Tekst")].startswith("'=De brief") for r in rows[1:])
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
    # Multi-line text survives the round trip.
    assert any("Klopt dat?\n\nHulpverlener: Ja." in r[header.index("Tekst")] for r in rows)


def test_empty_scope_gives_headers_only(project: Project, tmp_path: Path) -> None:
    out = write_csv(project, tmp_path / "leeg.csv", where=(("gemeente", "Nergenshuizen"),))
    assert out.read_bytes().count(b"\r\n") == 1
    ws = openpyxl.load_workbook(write_xlsx(project, tmp_path / "leeg.xlsx",
                                           where=(("gemeente", "Nergenshuizen"),)))["Telling"]
    assert ws.max_row == 1
