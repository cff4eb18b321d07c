"""``duiding export`` refuses personal data in one line unless ``--allow-personal-data``."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from coding.project import Project
from coding.pseudonymise import service
from tests.exports.test_export_warns import LATER, chapter_text, family
from tests.helpers import pseudonymise, transcript


@pytest.fixture
def study(tmp_path: Path) -> Path:
    family(tmp_path).close()
    return tmp_path / "studie.duiding"


@pytest.mark.parametrize("fmt, name", [("word", "h.docx"), ("xlsx", "f.xlsx"),
                                       ("csv", "f.csv"), ("qdpx", "p.qdpx")])
def test_export_refuses_a_project_never_pseudonymised_in_one_line(
        study: Path, tmp_path: Path, fmt: str, name: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / name
    assert main(["export", fmt, str(study), str(out), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("duiding export: export refused: 2 of 2 documents were never "
                          "pseudonymised (names found: ")
    assert "Fenna" in err and "Marit" in err and err.rstrip().endswith("--allow-personal-data")
    assert not out.exists()


def test_allow_personal_data_writes_the_export(study: Path, tmp_path: Path) -> None:
    out = tmp_path / "hoofdstuk.docx"
    assert main(["export", "word", str(study), str(out), "--allow-personal-data"]) == 0
    assert "Fenna Brouwer" in chapter_text(out)


def test_a_pseudonymised_project_exports_without_the_flag(study: Path, tmp_path: Path) -> None:
    with Project.open(study) as project:
        pseudonymise(project)
    out = tmp_path / "hoofdstuk.docx"
    assert main(["export", "word", str(study), str(out)]) == 0
    assert "Fenna" not in chapter_text(out)


def test_allow_unreviewed_covers_detections_but_not_documents_never_pseudonymised(
        study: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Project.open(study) as project:
        pseudonymise(project)
        service.add_names(project, ["Brouwer"])  # missed by the rules, detected afterwards
        service.save_review(project, service.detect(project, use_deduce=False))
    out = tmp_path / "hoofdstuk.docx"
    assert main(["export", "word", str(study), str(out)]) == 1
    assert "1 detected name(s) are not reviewed (names found: Brouwer)" in capsys.readouterr().err
    assert main(["export", "word", str(study), str(out), "--allow-unreviewed"]) == 0
    assert "Brouwer" in chapter_text(out)
    with Project.open(study) as project:  # then a new interview comes in, never pseudonymised
        project.documents.add_transcript(transcript("vader_G2.txt", LATER))
    assert main(["export", "word", str(study), str(out), "--allow-unreviewed"]) == 1
    assert "1 of 3 documents were never pseudonymised" in capsys.readouterr().err
