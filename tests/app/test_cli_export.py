"""``duiding export word|xlsx|csv``: files written, --per/--where/--compare, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest

from app.cli import main
from tests.exports.chapter_project import build
from tests.helpers import pseudonymise


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    """The coded study, pseudonymised as a researcher does before exporting."""
    with build(tmp_path) as project:
        pseudonymise(project)
    return tmp_path / "studie.duiding"


def test_word_with_options(project_file: Path, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "hoofdstuk.docx"
    code = main(["export", "word", str(project_file), str(out), "--title", "Jeugdhulp 2024",
                 "--max-quotes", "1", "--min-count", "2", "--compare", "meting=2023,2024",
                 "--themes", "toegang", "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {"files": [str(out)]}
    doc = docx.Document(out)
    assert [p.text for p in doc.paragraphs if p.style.name == "Title"] == ["Jeugdhulp 2024"]
    assert "Aansluiting" not in [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert len(doc.tables) == 2  # overview + meting comparison
    assert "< 2" in [c.text for row in doc.tables[0].rows for c in row.cells]


def test_word_per_gemeente_into_a_folder(project_file: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "per"
    assert main(["export", "word", str(project_file), str(folder), "--per", "gemeente"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["hoofdstuk_Duinmeer.docx",
                                                       "hoofdstuk_Westerveen.docx"]
    assert capsys.readouterr().out.count("written ") == 2


def test_xlsx_and_csv_with_where_and_per(project_file: Path, tmp_path: Path) -> None:
    xlsx = tmp_path / "wv.xlsx"
    assert main(["export", "xlsx", str(project_file), str(xlsx),
                 "--where", "gemeente=Westerveen"]) == 0
    rows = list(openpyxl.load_workbook(xlsx)["Fragmenten"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 6 and all("Westerveen" in r for r in rows)
    assert main(["export", "csv", str(project_file), str(tmp_path / "csv"), "--per", "meting"]) == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "fragmenten_2023.csv", "fragmenten_2024.csv"]


@pytest.mark.parametrize("argv, message", [
    (["export", "pdf"], "unknown export format 'pdf'"),
    (["export", "word", "--template", "ontbreekt.dotx"], "template not found"),
    (["export", "word", "--themes", "bestaat/niet"], "unknown code 'bestaat/niet'"),
    (["export", "word", "--per", "woonplaats"], "no documents have a value for 'woonplaats'"),
    (["export", "xlsx", "--per", "woonplaats"], "no documents have a value for 'woonplaats'"),
    (["export", "qdpx", "--per", "meting"], "--where and --per do not apply to qdpx"),
    (["export", "csv", "--where", "gemeente"], "--where takes ATTRIBUTE=VALUE"),
])
def test_errors_are_one_line(project_file: Path, tmp_path: Path, argv: list[str], message: str,
                             capsys: pytest.CaptureFixture[str]) -> None:
    full = argv[:2] + [str(project_file), str(tmp_path / "uit.docx")] + argv[2:]
    assert main(full) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and err.startswith("duiding export:")
    assert not (tmp_path / "uit.docx").exists()


def test_word_with_the_framework_matrix_appended(project_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "met_matrix.docx"
    assert main(["export", "word", str(project_file), str(out), "--include-matrix"]) == 0
    headings = [p.text for p in docx.Document(out).paragraphs if p.style.name.startswith("Heading")]
    assert "Bijlage: framework-matrix" in headings
    plain = tmp_path / "zonder.docx"
    assert main(["export", "word", str(project_file), str(plain)]) == 0
    assert "Bijlage: framework-matrix" not in [p.text for p in docx.Document(plain).paragraphs]
