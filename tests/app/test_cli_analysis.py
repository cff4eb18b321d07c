"""`duiding agreement` and `duiding merge` on real project files (DESIGN.md section 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from coding.project import Project
from coding.types import SegmentFilter
from tests.coding.test_analysis import TEXT_1, TEXT_2, apply, build


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two_coders(tmp_path: Path) -> Path:
    path = tmp_path / "studie.duiding"
    with build(path) as p:
        apply(p, "ouder1.txt", TEXT_1, "wachtten heel lang op hulp", ["toegang/wachttijd"])
        apply(p, "ouder1.txt", TEXT_1, "De school werkte goed samen", ["samenwerking"])
        apply(p, "ouder1.txt", TEXT_1, "wachtten heel lang op hulp", ["toegang/wachttijd"],
              coder="Tim")
        apply(p, "ouder1.txt", TEXT_1, "niemand legde uit", ["toegang/informatie"], coder="Tim")
    return path


def test_agreement_json_has_every_figure(capsys: pytest.CaptureFixture[str], two_coders: Path) -> None:
    code, out, err = run(capsys, "agreement", two_coders, "--coders", "Sanne", "Tim", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["coders"] == ["Sanne", "Tim"]
    assert data["documents"] == ["ouder1.txt"]
    char = {c["code"]: c for c in data["character"]["per_code"]}
    assert char["toegang/wachttijd"]["kappa"] == pytest.approx(1.0)
    assert char["toegang/wachttijd"]["percent_agreement"] == pytest.approx(1.0)
    assert char["samenwerking"]["only_first"] == len("De school werkte goed samen")
    assert char["samenwerking"]["kappa"] == pytest.approx(0.0)
    for key in ("percent_agreement", "kappa", "alpha", "units"):
        assert key in data["character"]["pooled"] and key in data["character"]["averaged"]
    seg = {c["code"]: c for c in data["segment"]["per_code"]}
    assert (seg["toegang/wachttijd"]["both"], seg["toegang/informatie"]["only_second"]) == (1, 1)
    assert data["segment"]["threshold"] == 0.5


def test_agreement_readable_and_threshold(capsys: pytest.CaptureFixture[str], two_coders: Path) -> None:
    code, out, _ = run(capsys, "agreement", two_coders, "--coders", "Sanne", "Tim")
    assert code == 0
    assert "toegang/wachttijd" in out and "kappa" in out and "segmentniveau" in out
    code, out, _ = run(capsys, "agreement", two_coders, "--coders", "Sanne", "Tim",
                       "--threshold", "1", "--json")
    assert json.loads(out)["segment"]["threshold"] == 1.0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--coders", "Sanne", "Niemand"], "Niemand"),
        (["--coders", "Sanne", "Sanne"], "two different"),
        (["--coders", "Sanne", "Tim", "--threshold", "1.5"], "threshold"),
    ],
)
def test_agreement_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], two_coders: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "agreement", two_coders, *argv)
    assert code == 1 and out == ""
    assert message in err and err.count("\n") == 1


def test_merge_twice_adds_nothing_the_second_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lead = tmp_path / "lead.duiding"
    build(lead, coder="Lead").close()
    student = tmp_path / "student.duiding"
    with build(student, coder="Tim") as p:
        apply(p, "jongere1.txt", TEXT_2, "maanden wachten", ["toegang/wachttijd"], coder="Tim")
    code, out, err = run(capsys, "merge", lead, student, "--json")
    assert (code, err) == (0, "")
    first = json.loads(out)
    assert (first["segments_added"], first["documents_matched"], first["coders"]) == (1, 2, ["Tim"])
    code, out, _ = run(capsys, "merge", lead, student, "--json")
    second = json.loads(out)
    assert (second["segments_added"], second["segments_already_present"]) == (0, 1)
    with Project.open(lead, readonly=True) as p:
        assert [s.text for s in p.segments.query(SegmentFilter(coders=("Tim",)))] == [
            "maanden wachten"
        ]
    code, out, _ = run(capsys, "merge", lead, student)
    assert code == 0 and "al aanwezig" in out


def test_merge_missing_file_fails_cleanly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lead = tmp_path / "lead.duiding"
    build(lead).close()
    code, out, err = run(capsys, "merge", lead, tmp_path / "weg.duiding")
    assert code == 1 and out == ""
    assert "weg.duiding" in err and err.count("\n") == 1
