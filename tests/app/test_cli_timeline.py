"""``duiding event`` and ``duiding timeline`` on the generated ten-family study."""

from __future__ import annotations

import json
import shutil
import statistics
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from coding.project import Project
from tests.history_study import FAMILIES, expected_durations, study_file


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return study_file(tmp_path_factory.mktemp("cli-history"))


@pytest.fixture
def project_file(built: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "studie.duiding"
    shutil.copy(built, dest)
    return dest


def test_timeline_json_has_the_contract_fields(project_file: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(project_file), "--case", "G-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["lanes"] == ["ouder", "jongere", "hulpverlener"]
    fam = FAMILIES[0]
    assert len(data["events"]) == sum(len(iv.events) for iv in fam.interviews)
    for event in data["events"]:
        assert {"moment", "type", "lane", "document", "start", "end", "text"} <= set(event)
    wait = [e for e in data["events"] if e["type"] == "wachttijd"]
    assert {(e["lane"], e["duration_days"]) for e in wait} == {("ouder", 210),
                                                               ("hulpverlener", 112)}
    contradiction = [g for g in data["groups"] if g["contradiction"]]
    assert [g["type"] for g in contradiction] == ["wachttijd"]


def test_timeline_durations_across_families(project_file: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(project_file), "--case", "G-02", "--durations", "gemeente",
                 "--json"]) == 0
    table = json.loads(capsys.readouterr().out)["durations"]
    per_case = {c["case"]: c for c in table["cases"]}
    for fam in FAMILIES:
        assert per_case[fam.case]["care_worker_changes"] == expected_durations(fam)["changes"]
    assert table["summary"]["registration_to_start"]["n"] == len(FAMILIES)
    assert set(table["by_value"]) == {"Duinmeer", "Westerveen"}


def test_timeline_exports_figure_and_table(project_file: Path, tmp_path: Path) -> None:
    for name in ("g1.png", "g1.svg", "g1.xlsx"):
        assert main(["timeline", str(project_file), "--case", "G-01", "--export",
                     str(tmp_path / name)]) == 0
    assert (tmp_path / "g1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (tmp_path / "g1.svg").read_text(encoding="utf-8")
    for label in ("Hulpgeschiedenis gezin 01", "Ouder", "Jongere", "Hulpverlener",
                  "wachttijd · 7 maanden", "wachttijd · 16 weken", "≠"):
        assert label in svg
    assert "F01_ouder" not in svg  # no document names in a figure
    ws = openpyxl.load_workbook(tmp_path / "g1.xlsx")["Tijdlijn"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == sum(len(iv.events) for iv in FAMILIES[0].interviews)
    assert any(r[4] == "wachttijd" and "16 weken" in (r[9] or "") for r in rows)


def test_event_marks_with_a_moment_and_prints_an_unset_suggestion(
        project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    quote = "Dank u wel voor het gesprek over gezin 3."
    assert main(["event", str(project_file), "--document", "F03_ouder.txt", "--quote", quote,
                 "--type", "nazorg", "--moment", "vorig jaar in maart", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["type"], data["moment"], data["case"]) == ("nazorg", "2023-03", "G-03")
    doc_text = "In het voorjaar van"
    with Project.open(project_file) as p:
        text = p.documents.text(p.documents.by_name("F02_ouder.txt").id)
        start = text.index(doc_text)
    assert main(["event", str(project_file), "--document", "F02_ouder.txt", "--start",
                 str(start), "--end", str(start + len(doc_text) + 5), "--type", "nazorg"]) == 0
    out = capsys.readouterr().out
    assert "moment alleen volgorde" in out and "suggested moment:" in out
    with Project.open(project_file) as p:
        last = p.events.for_document(p.documents.by_name("F02_ouder.txt").id)
        assert [e.moment.label() for e in last if e.type == "nazorg"] == ["alleen volgorde"]


@pytest.mark.parametrize(("args", "message"), [
    (["--type", "gesprek", "--quote", "Dank u wel"],
     "no event type 'gesprek'"),
    (["--type", "signaal", "--quote", "bestaat niet"], "quote not found"),
    (["--type", "signaal", "--quote", "Dank u wel", "--moment", "ergens"], "cannot read the moment"),
    (["--type", "signaal", "--quote", "Dank u wel", "--duration", "lang"], "cannot read the duration"),
])
def test_event_errors_are_one_line(project_file: Path, capsys: pytest.CaptureFixture[str],
                                   args: list[str], message: str) -> None:
    assert main(["event", str(project_file), "--document", "F01_ouder.txt", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_timeline_errors_are_one_line(project_file: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(project_file), "--case", "G-99"]) == 1
    assert "unknown case 'G-99'" in capsys.readouterr().err
    assert main(["timeline", str(project_file), "--case", "G-01", "--export",
                 str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "x.pdf" in err and err.count("\n") == 1


def test_export_word_include_history(project_file: Path, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "hoofdstuk.docx"
    assert main(["export", "word", str(project_file), str(out), "--include-history",
                 "gemeente", "--allow-personal-data"]) == 0
    d = docx.Document(str(out))
    assert "Hulpgeschiedenis per gezin" in [p.text for p in d.paragraphs]
    assert len(d.inline_shapes) == len(FAMILIES)


def _count(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def test_changes_of_care_worker_have_one_number_format_overall_and_per_group(
        project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", str(project_file), "--case", "G-01", "--durations",
                 "gemeente"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines()
                if x.strip().startswith("Wisselingen van hulpverlener"))

    def summary(values: list[int]) -> str:
        return (f"{_count(statistics.median(values))} ({min(values)}–{max(values)}; "
                f"n={len(values)})")

    everyone = [f.changes for f in FAMILIES]
    groups = {g: [f.changes for f in FAMILIES if f.gemeente == g]
              for g in ("Duinmeer", "Westerveen")}
    assert line.strip() == (f"Wisselingen van hulpverlener: {summary(everyone)}; "
                            + "; ".join(f"{g}: {summary(v)}" for g, v in groups.items()))
