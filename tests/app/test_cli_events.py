"""``duiding event`` / ``duiding events``: mark, accept a suggestion, change, list and remove —
one event per passage and type, however often a line is run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.cli import main
from coding.project import Project
from importers.base import ImportedTranscript, Turn
from tests.history_study import FAMILIES, study_file


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return study_file(tmp_path_factory.mktemp("cli-events"))


@pytest.fixture
def project_file(built: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "studie.duiding"
    shutil.copy(built, dest)
    return dest


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main([*argv, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def _passage(project_file: Path, document: str, words: str) -> list[str]:
    with Project.open(project_file) as p:
        text = p.documents.text(p.documents.by_name(document).id)
    start = text.index(words)
    return ["--document", document, "--start", str(start), "--end", str(start + len(words) + 5)]


def _events_at(project_file: Path, document: str, type_name: str) -> list[str]:
    with Project.open(project_file) as p:
        doc = p.documents.by_name(document).id
        return [e.moment.code() for e in p.events.for_document(doc) if e.type == type_name]


def test_without_moment_then_suggested_changes_the_same_event(
        project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    where = _passage(project_file, "F02_ouder.txt", "In het voorjaar van")
    line = ["event", str(project_file), *where, "--type", "nazorg"]
    assert main(line) == 0
    out = capsys.readouterr().out
    first = int(out.split("event ", 1)[1].split(":", 1)[0])
    assert "moment alleen volgorde" in out and "suggested moment:" in out
    assert f"--id {first} --moment suggested" in out  # the command that accepts it
    assert _events_at(project_file, "F02_ouder.txt", "nazorg") == ["volgorde"]
    accepted = _run(capsys, *line, "--moment", "suggested")  # the documented second step
    assert (accepted["action"], accepted["id"]) == ("updated", first)
    assert accepted["moment"] == accepted["suggested_moment"]
    assert accepted["moment"].startswith(str(FAMILIES[1].start[0] + 2))
    again = _run(capsys, *line, "--moment", "suggested")  # the very same line once more
    assert (again["action"], again["id"]) == ("unchanged", first)
    assert _events_at(project_file, "F02_ouder.txt", "nazorg") == [accepted["moment"]]
    also = _run(capsys, "event", str(project_file), "--id", str(first), "--moment",
                "suggested")  # the printed command: the same event again, not a new one
    assert (also["action"], also["id"]) == ("unchanged", first)


def test_events_are_listed_changed_and_removed_by_id(
        project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listed = _run(capsys, "events", str(project_file), "--case", "G-03")["events"]
    fam = FAMILIES[2]
    assert len(listed) == sum(len(iv.events) for iv in fam.interviews)
    assert {e["case"] for e in listed} == {"G-03"}
    with Project.open(project_file) as p:
        truth = {e.id: e.type for e in p.events.list() if e.case == "G-03"}
    assert {e["id"]: e["type"] for e in listed} == truth
    wait = next(e for e in listed if e["type"] == "wachttijd")
    changed = _run(capsys, "event", str(project_file), "--id", str(wait["id"]), "--moment",
                   "leeftijd 10;6", "--duration", "16 weken", "--memo", "volgens moeder")
    assert changed["action"] == "updated"
    assert (changed["moment_label"], changed["duration_days"], changed["memo"]) == (
        "10 jaar en 6 maanden", 112, "volgens moeder")
    assert main(["events", str(project_file), "--document", wait["document"]]) == 0
    out = capsys.readouterr().out
    assert f"{wait['id']:>5}  G-03" in out and "10 jaar en 6 maanden, 16 weken" in out
    removed = _run(capsys, "event", str(project_file), "--remove", str(wait["id"]))
    assert removed["action"] == "removed"
    after = _run(capsys, "events", str(project_file), "--case", "G-03")["events"]
    assert [e["id"] for e in after] == [e["id"] for e in listed if e["id"] != wait["id"]]


@pytest.mark.parametrize(("args", "message"), [
    (["--remove", "99999"], "event 99999 does not exist"),
    (["--id", "99999", "--moment", "2021"], "event 99999 does not exist"),
    (["--id", "1"], "nothing to change"),
    (["--id", "1", "--document", "F01_ouder.txt"], "--id takes no --document"),
    (["--remove", "1", "--type", "signaal"], "--remove takes no --type"),
    (["--quote", "Dank u wel"], "give --document"),
    (["--id", "1", "--moment", "leeftijd 10;14"], "0-11"),
])
def test_event_mistakes_are_one_line(project_file: Path, capsys: pytest.CaptureFixture[str],
                                     args: list[str], message: str) -> None:
    assert main(["event", str(project_file), *args]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    with Project.open(project_file) as p:
        assert p.events.count() == sum(len(iv.events) for f in FAMILIES for iv in f.interviews)


def test_a_relative_moment_in_an_interview_without_date_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Interviewer: En toen?\n\nVader: Vorig jaar in maart belde de school.\n"
    path = tmp_path / "zonder_datum.duiding"
    with Project.create(path, coder="Sanne") as p:
        p.documents.add_transcript(ImportedTranscript(
            "gezin7_vader.txt", "txt", text, [Turn(13, 21, "Interviewer"),
                                              Turn(text.index("Vorig"), len(text), "Vader")],
            "3" * 64, {"respondent_type": "ouder"}))  # no datum, no meting
    base = ["event", str(path), "--document", "gezin7_vader.txt", "--quote",
            "Vorig jaar in maart belde de school.", "--type", "signaal"]
    assert main([*base, "--moment", "vorig jaar in maart"]) == 1
    err = capsys.readouterr().err
    assert "no date or meting" in err and err.count("\n") == 1
    assert main([*base, "--moment", "suggested"]) == 1  # nothing to count from: no suggestion
    assert "suggests no moment" in capsys.readouterr().err
    with Project.open(path) as p:
        assert p.events.count() == 0
