"""Attribution: a coding never holds a label or timestamp; a fragment is the speaker's who holds
most of it; retrieval, counts and the respondent-only filter agree on that one rule."""

from __future__ import annotations

import pytest

from coding.commands import InVivoCode
from coding.selection import CodeSelection, CrossesTurnsError, LabelOnlyError, single_piece
from coding.turn_spans import TurnIndex, clip_to_turns
from coding.types import SegmentFilter, SpeakerRole, Valence
from tests.helpers import project_with
from tests.pg import Places

TEXT = ("[00:00:05] Interviewer: Hoe kwam u bij de hulp?\n\n"
        "[00:00:09] Moeder: Via de huisarts. Het duurde lang.\n\n"
        "[00:00:20] Interviewer: Hoe lang?\n\n"
        "[00:00:22] Moeder: Zeven maanden.")
TURNS = [(TEXT.index("Hoe kwam"), TEXT.index("hulp?") + 5),
         (TEXT.index("Via"), TEXT.index("lang.") + 5),
         (TEXT.index("Hoe lang"), TEXT.index("lang?") + 5),
         (TEXT.index("Zeven"), len(TEXT))]


def test_a_selection_from_the_start_of_the_line_loses_label_and_timestamp() -> None:
    line = TEXT.index("[00:00:09]")
    assert clip_to_turns(TEXT, TURNS, line, TEXT.index(" Het")) == [
        (TEXT.index("Via"), TEXT.index(" Het"))]


def test_a_selection_running_into_the_next_label_stops_at_the_turn_end() -> None:
    start = TEXT.index("Het duurde")
    end = TEXT.index("Interviewer: Hoe lang") + len("Interviewer:")
    assert clip_to_turns(TEXT, TURNS, start, end) == [(start, TURNS[1][1])]


def test_a_selection_across_turns_is_one_piece_per_turn() -> None:
    start, end = TEXT.index("Het duurde"), TEXT.index("maanden") + 3
    assert clip_to_turns(TEXT, TURNS, start, end) == [
        (start, TURNS[1][1]), TURNS[2], (TURNS[3][0], end)]


def test_only_a_label_or_white_space_is_nothing_to_code() -> None:
    a = TEXT.index("[00:00:20]")
    assert clip_to_turns(TEXT, TURNS, a, TEXT.index("Hoe lang")) == []
    assert clip_to_turns("  tekst  ", [], 0, 9) == [(2, 7)]  # no turns: as selected, trimmed


def _index() -> TurnIndex:
    roles = [("Interviewer", SpeakerRole.INTERVIEWER), ("Moeder", SpeakerRole.RESPONDENT)] * 2
    return TurnIndex((1, a, b, label, role) for (a, b), (label, role) in zip(TURNS, roles,
                                                                             strict=True))


def test_the_speaker_is_the_turn_holding_most_of_the_fragment() -> None:
    index = _index()
    most_answer = (TEXT.index("Het duurde"), TEXT.index("Hoe lang") + 3)
    most_question = (TEXT.index("lang.") + 1, TURNS[2][1])
    assert index.speaker(1, *most_answer) == ("Moeder", SpeakerRole.RESPONDENT)
    assert index.speaker(1, *most_question) == ("Interviewer", SpeakerRole.INTERVIEWER)
    label = TEXT.index("[00:00:22]")  # between turns: the turn the label introduces
    assert index.speaker(1, label, label + 10) == ("Moeder", SpeakerRole.RESPONDENT)
    assert index.speaker(2, 0, 5) == (None, None)  # a document without turns


def test_cli_rule_refuses_spans_across_turns_and_label_only(places: Places) -> None:
    text = "Interviewer: Hoe was het?\n\nMoeder: Goed, echt goed."
    project, (doc,) = project_with(places, ("r.txt", text, {}))
    with project:
        assert single_piece(project, doc, 0, text.index("\n")) == (text.index("Hoe"),
                                                                    text.index("?") + 1)
        with pytest.raises(CrossesTurnsError, match="crosses speaker turns"):
            single_piece(project, doc, text.index("was"), text.index("echt"))
        with pytest.raises(LabelOnlyError, match="no spoken text"):
            single_piece(project, doc, text.index("Moeder"), text.index("Goed"))


def test_a_selection_across_turns_is_coded_in_one_undo_step(places: Places) -> None:
    """From the very first character (the label) to the end: two fragments, no labels."""
    text = "Interviewer: Hoe was het?\n\nMoeder: Goed, echt goed."
    project, (doc,) = project_with(places, ("r.txt", text, {"respondent_type": "ouder"}))
    with project:
        code = project.codes.by_path("nazorg").id
        project.execute(CodeSelection(doc, 0, len(text), [code], Valence.POSITIEF))
        segs = project.segments.query(SegmentFilter())
        assert [(s.text, s.speaker) for s in segs] == [("Hoe was het?", "Interviewer"),
                                                       ("Goed, echt goed.", "Moeder")]
        counts = {c.path: c.segments for c in
                  project.stats.counts(respondent_only=True).rows}
        assert counts["nazorg"] == 1  # the question is the interviewer's
        project.history.undo()
        assert project.segments.query(SegmentFilter()) == []
        project.history.redo()
        assert [s.id for s in project.segments.query(SegmentFilter())] == [s.id for s in segs]


def test_respondent_only_counts_follow_the_speaker_of_most_of_the_fragment(
        places: Places) -> None:
    text = "I: Vraag?\n\nR: Een lang antwoord over de wachttijd bij de jeugdhulp."
    project, (doc,) = project_with(places, ("r.txt", text, {}))
    with project:
        code = project.codes.by_path("toegang").id
        # An older fragment that starts in the question but is mostly the answer.
        project.segments.apply(doc, text.index("Vraag"), len(text), [code])
        seg = project.segments.query(SegmentFilter())[0]
        assert seg.speaker_role == SpeakerRole.RESPONDENT
        counts = {c.path: c.segments for c in project.stats.counts(respondent_only=True).rows}
        assert counts["toegang"] == 1


def test_a_label_only_selection_is_refused_and_leaves_nothing(places: Places) -> None:
    text = "Interviewer: Hoe was het?\n\nMoeder: Goed, echt goed."
    project, (doc,) = project_with(places, ("r.txt", text, {}))
    with project:
        code = project.codes.by_path("nazorg").id
        with pytest.raises(LabelOnlyError):
            project.execute(CodeSelection(doc, text.index("Moeder"), text.index("Goed"), [code]))
        assert project.segments.query(SegmentFilter()) == []


def test_in_vivo_across_turns_is_one_code_on_each_speakers_words(places: Places) -> None:
    text = "Interviewer: Hoe was het?\n\nMoeder: Goed, echt goed."
    project, (doc,) = project_with(places, ("r.txt", text, {}))
    with project:
        pieces = clip_to_turns(text, [(13, 25), (35, len(text))], 20, len(text))
        project.execute(InVivoCode(doc, pieces[0][0], pieces[-1][1], "het goed", pieces=pieces))
        segs = project.segments.query(SegmentFilter())
        assert [(s.text, s.codes) for s in segs] == [("het?", ["In vivo/het goed"]),
                                                     ("Goed, echt goed.", ["In vivo/het goed"])]
        project.history.undo()
        assert project.segments.query(SegmentFilter()) == []
        assert "het goed" not in [c.path for c in project.codes.tree()]
