"""Issue #12, "What was seen": each point pinned by a test that failed before the fix.

Seen 1 (no memo can be written) is pinned by tests/app/test_cli_memo.py and the GUI tests of the
synthesis workspace; seen 2 by tests/app/test_drag_attribution.py (the mouse) and here (core, CLI).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coding.types import SegmentFilter, SpeakerRole
from tests.app.test_cli_core import duiding
from tests.helpers import project_with

QA = ("I: Hoe komen gezinnen bij jullie binnen?\n\n"
      "R: Eh, de meeste gezinnen komen via het Sociaal Team. Soms via de school.\n\n"
      "I: Wat doen jullie dan?\n\n"
      "R: We gaan eerst op huisbezoek.")


@pytest.fixture
def qa_project(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r2.txt").write_text(QA, encoding="utf-8")
    path = tmp_path / "studie.duiding"
    duiding("new", path)
    duiding("import", path, tmp_path / "in")
    return path


def test_seen_2_cli_start_at_the_label_codes_the_respondent_words(qa_project: Path) -> None:
    start = QA.index("R: Eh")
    end = QA.index(" Soms")
    seg = json.loads(duiding("code", qa_project, "--document", "r2.txt", "--start", str(start),
                             "--end", str(end), "--code", "toegang", "--json").stdout)
    assert seg["text"] == "Eh, de meeste gezinnen komen via het Sociaal Team."
    assert seg["speaker"] == "R"


def test_seen_2_a_fragment_belongs_to_the_turn_holding_most_of_it(tmp_path: Path) -> None:
    project, (doc,) = project_with(tmp_path, ("r2.txt", QA, {}))
    with project:
        start = QA.index("school.")  # one word of the answer, then the whole next question
        end = QA.index("dan?") + 4
        project.segments.apply(doc, start, end, [project.codes.by_path("toegang").id])
        seg = project.segments.query(SegmentFilter())[0]
        assert (seg.speaker, seg.speaker_role) == ("I", SpeakerRole.INTERVIEWER)


def test_seen_3_moderator_q_i2_are_interviewers_and_tolk_is_other(tmp_path: Path) -> None:
    text = ("Moderator: Welkom allemaal.\n\nQ: Wat vond u?\n\nI2: En u?\n\n"
            "Tolk: Zij zegt dat het goed ging.\n\nMoeder: Het ging goed.")
    project, (doc,) = project_with(tmp_path, ("groep.txt", text, {}))
    with project:
        roles = {s.label: s.role for s in project.documents.speakers(doc)}
    assert roles == {"Moderator": SpeakerRole.INTERVIEWER, "Q": SpeakerRole.INTERVIEWER,
                     "I2": SpeakerRole.INTERVIEWER, "Tolk": SpeakerRole.OTHER,
                     "Moeder": SpeakerRole.RESPONDENT}


def test_seen_4_coder_spelled_with_two_spaces_is_the_same_coder(qa_project: Path) -> None:
    quote = "We gaan eerst op huisbezoek."
    for coder in ("Sanne  Jansen", "Sanne Jansen", " Sanne Jansen "):
        duiding("code", qa_project, "--document", "r2.txt", "--quote", quote,
                "--code", "toegang", "--coder", coder)
    segs = json.loads(duiding("segments", qa_project, "--json").stdout)
    assert [(s["text"], s["coder"]) for s in segs] == [(quote, "Sanne Jansen")]
    found = json.loads(duiding("segments", qa_project, "--coder", "Sanne  Jansen",
                               "--json").stdout)
    assert len(found) == 1


def test_cli_refuses_a_span_across_turns_in_one_line(qa_project: Path) -> None:
    start, end = QA.index("Soms"), QA.index("dan?")
    result = duiding("code", qa_project, "--document", "r2.txt", "--start", str(start),
                     "--end", str(end), "--code", "toegang", check=False)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "crosses speaker turns" in result.stderr
    assert json.loads(duiding("segments", qa_project, "--json").stdout) == []


def test_cli_quote_with_its_label_is_coded_without_it(qa_project: Path) -> None:
    seg = json.loads(duiding("code", qa_project, "--document", "r2.txt", "--quote",
                             "R: We gaan eerst op huisbezoek.", "--code", "toegang",
                             "--json").stdout)
    assert (seg["text"], seg["speaker"]) == ("We gaan eerst op huisbezoek.", "R")
