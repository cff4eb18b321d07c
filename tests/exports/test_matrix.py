"""The framework matrix with cell summaries in Word and Excel, alone and as a chapter appendix.

A real coded project (tests/exports/chapter_project.py) gets a few cell summaries through the
service; the files are read back with python-docx and openpyxl as a reader would see them.
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from coding.analysis import AnalysisManager, FrameworkMatrix
from coding.commands import SetDocumentAttribute
from coding.project import Project
from coding.pseudonymise import OriginalInExport, service
from exports.chapter import ChapterOptions, write_chapter
from exports.matrix import GREY, write_matrix_docx, write_matrix_xlsx
from tests.exports.chapter_project import build

WV_TOEGANG = ("Moeder en zoon wachtten maanden op de eerste afspraak.\n"
              "Niemand belde terug; de zoon zat thuis.")
WV_AANSLUITING = "De hulpverlener luisterde en liet het gezin meebeslissen."
DM_TOEGANG = "Brief onduidelijk, loket wel goed bereikbaar."


def themes(project: Project) -> list[int]:
    return [c.id for c in project.codes.tree() if c.depth == 0]


def summarise(project: Project) -> FrameworkMatrix:
    """Three case summaries: two for gezin WV-001, one for DM-002; the rest stays empty."""
    am = AnalysisManager(project)
    m = am.matrix("case", themes(project))
    key = {r.label: r.key for r in m.rows}
    col = dict(zip(m.code_paths, m.code_ids, strict=True))
    am.set_cell_summary("case", key["G-WV-001"], col["toegang"], WV_TOEGANG)
    am.set_cell_summary("case", key["G-WV-001"], col["aansluiting"], WV_AANSLUITING)
    am.set_cell_summary("case", key["G-DM-002"], col["toegang"], DM_TOEGANG)
    return am.matrix("case", themes(project))


def captions(doc: object) -> list[str]:
    """Caption texts as Word shows them, the SEQ field's number included."""
    return ["".join(t.text or "" for t in p._p.iter(qn("w:t")))
            for p in doc.paragraphs if p.style.name == "Caption"]  # type: ignore[attr-defined]


def grid(table: object) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]  # type: ignore[attr-defined]


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = build(tmp_path)
    yield p  # type: ignore[misc]
    p.close()


def test_word_matrix_rows_columns_summaries_and_counts(project: Project, tmp_path: Path) -> None:
    matrix = summarise(project)
    dest = write_matrix_docx(project, matrix, tmp_path / "uit" / "matrix.docx")
    doc = docx.Document(dest)
    assert [p.text for p in doc.paragraphs if p.style.name == "Title"] == ["Framework-matrix"]
    assert any("Framework-methode" in p.text and "casus" in p.text for p in doc.paragraphs)
    assert captions(doc) == ["Tabel 1 Samenvattingen per casus en thema"]
    [table] = doc.tables
    assert table.style.name == "Table Grid"
    rows = grid(table)
    assert rows[0] == ["Casus", "Toegang", "Aansluiting", "Samenwerking", "Wisselingen",
                       "Nazorg"]
    by_label = {r[0]: r[1:] for r in rows[1:]}
    assert set(by_label) == {"G-WV-001", "G-DM-002"}
    assert by_label["G-WV-001"][:2] == [WV_TOEGANG, WV_AANSLUITING]
    assert by_label["G-DM-002"][0] == DM_TOEGANG
    # Empty cells show the fragments behind them, as the matrix counts them, in grey.
    r = [row.label for row in matrix.rows].index("G-WV-001")
    assert by_label["G-WV-001"][2:] == [
        f"{n} {'fragment' if n == 1 else 'fragmenten'}" for n in matrix.counts[r][2:]]
    assert by_label["G-DM-002"][4] == "0 fragmenten"
    wv_row = table.rows[1 + r]
    grey_run = wv_row.cells[3].paragraphs[0].runs[0]
    assert grey_run.font.color.rgb == docx.shared.RGBColor(*GREY)
    assert wv_row.cells[1].paragraphs[0].runs[0].font.color.rgb is None
    # A two-line summary stays two paragraphs; the header row repeats on every page.
    assert len(wv_row.cells[1].paragraphs) == 2
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    # Five theme columns: the page turns to landscape.
    assert doc.sections[-1].orientation == WD_ORIENT.LANDSCAPE
    assert doc.sections[-1].page_width > doc.sections[-1].page_height


def test_few_columns_stay_portrait_and_rows_by_attribute(project: Project,
                                                          tmp_path: Path) -> None:
    am = AnalysisManager(project)
    ids = [project.codes.by_path(p).id for p in ("toegang", "nazorg")]
    am.set_cell_summary("attribute:gemeente", "Duinmeer", ids[1], "Geen nazorg na afsluiting.")
    matrix = am.matrix("attribute:gemeente", ids)
    doc = docx.Document(write_matrix_docx(project, matrix, tmp_path / "g.docx", title="Per gemeente"))
    assert doc.sections[-1].orientation == WD_ORIENT.PORTRAIT
    assert grid(doc.tables[0]) == [["Gemeente", "Toegang", "Nazorg"],
                                   ["Duinmeer", "3 fragmenten", "Geen nazorg na afsluiting."],
                                   ["Westerveen", "2 fragmenten", "0 fragmenten"]]
    assert doc.paragraphs[0].text == "Per gemeente"


def test_excel_matrix_has_counts_and_summaries(project: Project, tmp_path: Path) -> None:
    matrix = summarise(project)
    wb = openpyxl.load_workbook(write_matrix_xlsx(project, matrix, tmp_path / "m.xlsx"))
    counts, summaries = wb["Matrix"], wb["Samenvattingen"]
    assert [c.value for c in counts[1]] == ["Casus", *matrix.code_paths]
    r = [row.label for row in matrix.rows].index("G-WV-001") + 2
    assert [c.value for c in counts[r]] == ["G-WV-001", *matrix.counts[r - 2]]
    assert summaries.cell(r, 2).value == WV_TOEGANG
    assert summaries.cell(r, 6).value is None


def test_chapter_option_appends_the_matrix(project: Project, tmp_path: Path) -> None:
    summarise(project)
    plain = docx.Document(write_chapter(project, ChapterOptions(), tmp_path / "a.docx")[0])
    assert "Bijlage: framework-matrix" not in [p.text for p in plain.paragraphs]
    [out] = write_chapter(project, ChapterOptions(include_matrix=True), tmp_path / "b.docx")
    doc = docx.Document(out)
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1[-2:] == ["Bijlage: codeboek", "Bijlage: framework-matrix"]
    assert len(doc.tables) == len(plain.tables) + 1
    rows = grid(doc.tables[-1])
    assert rows[0][:2] == ["Casus", "Toegang"]
    assert {r[0]: r[1] for r in rows[1:]} == {"G-WV-001": WV_TOEGANG, "G-DM-002": DM_TOEGANG}
    assert captions(doc)[-1] == "Tabel 2 Samenvattingen per casus en thema"
    assert doc.sections[-1].orientation == WD_ORIENT.LANDSCAPE  # the appendix only
    assert doc.sections[0].orientation == WD_ORIENT.PORTRAIT


def test_filtered_chapter_shows_only_its_own_rows(project: Project, tmp_path: Path) -> None:
    summarise(project)
    opts = ChapterOptions(include_matrix=True, where=(("gemeente", "Westerveen"),))
    doc = docx.Document(write_chapter(project, opts, tmp_path / "wv.docx")[0])
    rows = grid(doc.tables[-1])
    assert [r[0] for r in rows[1:]] == ["G-WV-001"]
    assert DM_TOEGANG not in "\n".join(c for r in rows for c in r)


def test_a_planted_original_in_a_summary_is_refused(project: Project, tmp_path: Path) -> None:
    doc = project.documents.by_name("R1_ouder_WV.txt")
    project.execute(SetDocumentAttribute(doc.id, "Respondent", "Shanice Pinas"))
    service.add_names(project, ["Shanice Pinas"])
    found = service.detect(project, use_deduce=False)
    project.execute(service.ApplyPseudonyms([e for e in found if "Shanice Pinas" in e.forms]))
    assert "Shanice" not in project.documents.get(doc.id).attributes["Respondent"]
    matrix = summarise(project)
    write_matrix_docx(project, matrix, tmp_path / "ok.docx")  # clean: written
    am = AnalysisManager(project)
    am.set_cell_summary("case", matrix.rows[0].key, matrix.code_ids[3], "Shanice Pinas wisselde vaak.")
    planted = am.matrix("case", themes(project))
    for dest, write in ((tmp_path / "m.docx", write_matrix_docx),
                        (tmp_path / "m.xlsx", write_matrix_xlsx)):
        with pytest.raises(OriginalInExport):
            write(project, planted, dest)
        assert not dest.exists()
    with pytest.raises(OriginalInExport):
        write_chapter(project, ChapterOptions(include_matrix=True), tmp_path / "h.docx")
    assert not (tmp_path / "h.docx").exists()
    write_chapter(project, ChapterOptions(), tmp_path / "h.docx")  # without the matrix: fine
