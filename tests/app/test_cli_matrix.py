"""``duiding matrix``: counts and summaries printed, every cell in JSON, Word/Excel export."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest

from app.cli import main
from coding.analysis import AnalysisManager
from coding.project import Project
from tests.exports.chapter_project import build

SUMMARY = "Wachten op hulp was zwaar; het loket belde wel snel terug."


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    with build(tmp_path) as project:
        am = AnalysisManager(project)
        row = next(r for r in am.matrix("case").rows if r.label == "G-WV-001")
        am.set_cell_summary("case", row.key, project.codes.by_path("toegang").id, SUMMARY)
    return tmp_path / "studie.duiding"


def test_json_has_every_cell_with_count_and_summary(project_file: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["matrix", str(project_file), "--rows", "case", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rows_kind"] == "case"
    assert data["codes"] == ["toegang", "aansluiting", "samenwerking", "wisselingen", "nazorg"]
    assert [r["label"] for r in data["rows"]] == ["G-DM-002", "G-WV-001"]
    assert data["rows"][1]["documents"] == ["R1_ouder_WV.txt", "R2_jongere_WV.txt"]
    assert len(data["cells"]) == 2 * 5
    cell = {(c["row"], c["code"]): c for c in data["cells"]}
    wv = cell[("G-WV-001", "toegang")]
    assert (wv["count"], wv["summary"], len(wv["segments"])) == (2, SUMMARY, 2)
    assert cell[("G-WV-001", "aansluiting")]["count"] == 1  # two sub-themes, one fragment
    empty = cell[("G-DM-002", "nazorg")]
    assert (empty["count"], empty["segments"], empty["summary"]) == (0, [], "")


def test_text_output_marks_summarised_cells_and_prints_them(
        project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["matrix", str(project_file), "--rows", "case"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["Casus", "toegang", "aansluiting"]
    assert lines[2].split() == ["G-WV-001", "2*", "1", "1", "1", "0"]
    assert "G-WV-001 × toegang:" in lines and f"  {SUMMARY}" in lines


def test_rows_by_attribute_and_chosen_codes(project_file: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["matrix", str(project_file), "--rows", "attribute:respondent_type",
                 "--codes", "toegang/wachttijd,nazorg", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["codes"] == ["toegang/wachttijd", "nazorg"]
    counts = {(c["row"], c["code"]): c["count"] for c in data["cells"]}
    assert counts == {("hulpverlener", "toegang/wachttijd"): 1, ("hulpverlener", "nazorg"): 1,
                      ("jongere", "toegang/wachttijd"): 1, ("jongere", "nazorg"): 0,
                      ("ouder", "toegang/wachttijd"): 1, ("ouder", "nazorg"): 0}


def test_export_word_and_excel(project_file: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "matrix.docx"
    assert main(["matrix", str(project_file), "--rows", "case", "--export", str(out),
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"file": str(out)}
    rows = [[c.text for c in r.cells] for r in docx.Document(out).tables[0].rows]
    assert rows[2][:3] == ["G-WV-001", SUMMARY, "1 fragment"]
    xlsx = tmp_path / "matrix.xlsx"
    assert main(["matrix", str(project_file), "--rows", "case", "--export", str(xlsx)]) == 0
    assert openpyxl.load_workbook(xlsx)["Samenvattingen"].cell(3, 2).value == SUMMARY


@pytest.mark.parametrize(("extra", "message"), [
    (["--codes", "toegang/bestaat-niet"], "unknown code 'toegang/bestaat-niet' in --codes"),
    (["--rows", "gezin"], "unknown matrix rows 'gezin'"),
    (["--rows", "attribute:leeftijd"], "attribute 'leeftijd' does not exist"),
    (["--export", "matrix.pdf"], "--export writes .docx or .xlsx"),
])
def test_bad_options_give_one_line(project_file: Path, capsys: pytest.CaptureFixture[str],
                                   extra: list[str], message: str) -> None:
    assert main(["matrix", str(project_file), *extra]) == 1
    err = capsys.readouterr().err
    assert err.startswith("duiding matrix: ") and message in err and err.count("\n") == 1


def test_an_original_name_in_a_summary_refuses_the_export(
        project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from coding.commands import SetDocumentAttribute
    from coding.pseudonymise import service

    with Project.open(project_file) as project:
        doc = project.documents.by_name("R2_jongere_WV.txt")
        project.execute(SetDocumentAttribute(doc.id, "Respondent", "Dewi Kartosen"))
        service.add_names(project, ["Dewi Kartosen"])
        found = service.detect(project, use_deduce=False)
        project.execute(service.ApplyPseudonyms([e for e in found if "Dewi Kartosen" in e.forms]))
        am = AnalysisManager(project)
        row = am.matrix("case").rows[0]
        am.set_cell_summary("case", row.key, project.codes.by_path("nazorg").id,
                            "Dewi Kartosen miste nazorg.")
    out = tmp_path / "m.docx"
    assert main(["matrix", str(project_file), "--rows", "case", "--export", str(out)]) == 1
    assert "export refused" in capsys.readouterr().err
    assert not out.exists()
