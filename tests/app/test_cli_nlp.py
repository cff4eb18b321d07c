"""`duiding search`, `suggest` and `pseudonymise` on a small project built in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from coding.project import Project
from tests.coding.test_nlp_service import make_project


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    make_project(tmp_path).close()
    return tmp_path / "studie.duiding"


def test_search_json_lemma_and_role(project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "search",
            str(project_file),
            "wisseling",
            "--lemma",
            "--speaker-role",
            "respondent",
            "--json",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert [(h["document"], h["match"]) for h in data["hits"]] == [
        ("R01.txt", "gewisseld"),
        ("R02.txt", "wisseling"),
    ]
    hit = data["hits"][0]
    assert {"document", "start", "end", "match", "context"} <= set(hit)
    assert "gewisseld" in hit["context"]
    assert "simplemma" in data["pipeline"]


def test_search_bad_query_is_one_line_error(
    project_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", str(project_file), '"open']) == 1
    err = capsys.readouterr().err
    assert err.startswith("duiding search:") and err.count("\n") == 1


def test_suggest_lists_but_never_codes(
    project_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["suggest", str(project_file), "--document", "R01.txt", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert any(s["code"] == "toegang/wachttijd" and "wachtlijst" in s["triggers"] for s in data)
    with Project.open(project_file) as project:
        assert project.segments.query() == []


@pytest.mark.slow
def test_pseudonymise_detect_then_apply(
    project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = tmp_path / "namen.txt"
    names.write_text("Sanne de Vries\n", encoding="utf-8")
    with Project.open(project_file) as project:
        doc = project.documents.by_name("R02.txt")
        from importers.base import ImportedTranscript, Turn

        text = "Ouder: Sanne belde in maart. Daarna niks meer.\n\n"
        project.documents.add_transcript(
            ImportedTranscript("R03.txt", "txt", text, [Turn(7, len(text) - 2, "Ouder")], "3" * 64)
        )
        assert doc.name == "R02.txt"
    assert (
        main(["pseudonymise", str(project_file), "--detect", "--names", str(names), "--json"]) == 0
    )
    detected = json.loads(capsys.readouterr().out)
    assert not detected["applied"]
    sanne = next(e for e in detected["entities"] if "Sanne" in e["forms"])
    assert sanne["type"] == "person"
    assert any(e["type"] == "date" and "maart" in e["forms"] for e in detected["entities"])
    assert main(["pseudonymise", str(project_file), "--apply", "--json"]) == 0
    applied = json.loads(capsys.readouterr().out)
    assert applied["applied"] and applied["key_entries"] >= 2
    with Project.open(project_file) as project:
        new = project.documents.text(project.documents.by_name("R03.txt").id)
    assert "Sanne" not in new and sanne["replacement"] in new
