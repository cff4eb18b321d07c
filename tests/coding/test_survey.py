"""Questionnaires in the domain: scales, storing respondents (undo/redo), the saved mapping,
figures with suppression and year-over-year differences, links to themes, document kinds."""

from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from coding.commands import ApplyCodes, DeleteDocuments
from coding.project import Project
from coding.survey.commands import ImportSurvey, LinkSurveyItem, SetSurveyScale
from coding.survey.figures import percent
from coding.survey.kinds import DocumentKind, count_by_kind
from coding.survey.scales import KNOWN_SCALES, fit_scale, scale_from_labels
from coding.survey.store import DuplicateSurveyError
from coding.types import SegmentFilter, Valence
from importers.survey import read_survey
from importers.survey_guess import guess_mapping
from importers.survey_rows import prepare
from tests.helpers import transcript
from tests.pg import Places
from tests.survey_data import (
    FREQ,
    GEMEENTE,
    GOED,
    SAMEN,
    SNEL,
    make_questionnaire,
    write_xlsx,
)


def half_up(part: int, whole: int) -> int:
    return int((Decimal(100 * part) / Decimal(whole)).quantize(Decimal(1), ROUND_HALF_UP))


@pytest.mark.parametrize(("part", "whole"), [(1, 8), (29, 40), (1, 3), (2, 3), (0, 5), (7, 7),
                                             (145, 212), (63, 212)])
def test_percent_rounds_half_up(part: int, whole: int) -> None:
    assert percent(part, whole) == half_up(part, whole)


def test_known_scales_order_and_top_box() -> None:
    freq = fit_scale(["Vaak", "nooit", "soms", "ALTIJD", "weet niet", ""])
    assert freq is not None and freq.categories == ("nooit", "soms", "vaak", "altijd")
    assert freq.top_box == ("vaak", "altijd") and freq.missing == ("weet niet",)
    five = fit_scale(["nooit", "zelden", "soms", "vaak", "altijd"])
    assert five is not None and len(five.categories) == 5
    assert fit_scale(["ja", "nee", "Ja"]).categories == ("nee", "ja")  # type: ignore[union-attr]
    grade = fit_scale([str(n) for n in (6, 7, 8, 10, 3)])
    assert grade is not None and grade.categories[0] == "1" and grade.top_box == ("8", "9", "10")
    assert fit_scale(["vaak", "soms", "eens"]) is None  # two scales mixed
    assert fit_scale(["12", "17", "15"]) is None  # ages, not a scale
    for scale in KNOWN_SCALES:
        assert set(scale.top_box) <= set(scale.categories)
    labels = scale_from_labels({"1": "Zeer ontevreden", "2": "Ontevreden", "3": "Neutraal",
                                "4": "Tevreden", "5": "Zeer tevreden", "8": "n.v.t.",
                                "9": "geen antwoord"}, ["9"])
    assert labels is not None
    assert labels.categories == ("Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden",
                                 "Zeer tevreden")
    assert labels.top_box == ("Tevreden", "Zeer tevreden")
    assert labels.missing == ("n.v.t.", "geen antwoord")


# -- storing --------------------------------------------------------------------------------------


def import_file(project: Project, path: Path, meting: str | None = None) -> ImportSurvey:
    table = read_survey(path)
    command = ImportSurvey(prepare(table, guess_mapping(table, project.surveys.saved_mapping(),
                                                        meting)))
    project.execute(command)
    return command


@pytest.fixture
def two_years(tmp_path: Path, places: Places) -> tuple[Project, Path, Path]:
    first = write_xlsx(make_questionnaire(2023, 160), tmp_path / "ceo_2023.xlsx")
    second = write_xlsx(make_questionnaire(2024, 170, start_id=5001), tmp_path / "ceo_2024.xlsx")
    project = Project.create(places.new("studie"), coder="Sanne")
    import_file(project, first)
    import_file(project, second)
    yield project, first, second
    project.close()


def test_respondents_become_documents_with_turns_and_attributes(two_years) -> None:
    project, first, _second = two_years
    docs = project.documents.list()
    assert len(docs) == 330
    q = make_questionnaire(2023, 160)
    doc = project.documents.by_name("ceo_2023_1001")
    text = project.documents.text(doc.id)
    turns = project.documents.turns(doc.id)
    answer = str(q.rows[0][q.headers.index(GOED)]).strip()
    assert text.startswith(f"{GOED}\n")
    assert [t.speaker for t in turns][0] == GOED
    assert text[turns[0].start:turns[0].end] == answer
    assert all(t.role.value == "respondent" for t in turns)
    assert doc.attributes["meting"] == "2023"
    assert doc.attributes.get(SNEL, "") == q.rows[0][q.headers.index(SNEL)]
    assert doc.words == len(" ".join(text[t.start:t.end] for t in turns).split())
    silent = project.documents.by_name("ceo_2023_1006")  # answered no open question
    assert silent.turns == 0 and project.documents.text(silent.id) == ""
    assert silent.attributes["gemeente"]
    kinds = count_by_kind((d.id for d in docs), project.surveys.questionnaire_documents())
    assert kinds == {DocumentKind.QUESTIONNAIRE: 330, DocumentKind.INTERVIEW: 0}
    # closed items are choice attributes listing their scale, usable like any attribute
    assert set(project.attributes.values(SNEL)) == set(FREQ) | {"weet niet"}
    hits = project.segments.query(SegmentFilter(attributes=((GEMEENTE, "Westerveen"),)))
    assert hits == []  # nothing coded yet, but the filter works on questionnaire attributes


def test_next_years_file_reuses_the_saved_mapping(tmp_path: Path, places: Places) -> None:
    project = Project.create(places.new("p"))
    first = write_xlsx(make_questionnaire(2023, 40), tmp_path / "ceo_2023.xlsx")
    import_file(project, first)
    saved = project.surveys.saved_mapping()
    assert saved[SNEL].scale is not None and saved[GEMEENTE].attribute == "gemeente"
    project.execute(SetSurveyScale(SNEL, saved[SNEL].scale.with_top_box(["altijd"])))
    second = write_xlsx(make_questionnaire(2024, 40, start_id=9001), tmp_path / "ceo_2024.xlsx")
    table = read_survey(second)
    mapping = guess_mapping(table, project.surveys.saved_mapping())
    assert {c.source.value for c in mapping.columns} == {"saved"}
    assert mapping.get(SNEL).scale.top_box == ("altijd",)  # type: ignore[union-attr]
    project.close()


def test_import_is_one_undoable_step_and_redo_brings_back_the_same_ids(
        tmp_path: Path, places: Places) -> None:
    project = Project.create(places.new("p"), coder="Sanne")
    project.documents.add_transcript(transcript("R01.txt", "Interviewer: Hoe?\n\nOuder: Goed."))
    before_attrs = project.attributes.names()
    command = import_file(project, write_xlsx(make_questionnaire(2024, 30), tmp_path / "c.xlsx"))
    ids = command.document_ids
    names = [d.name for d in project.documents.list()]
    code = project.codes.by_path("toegang/wachttijd").id
    doc = ids[0]
    turn = project.documents.turns(doc)[0]
    project.execute(ApplyCodes(doc, turn.start, turn.end, [code], Valence.AANDACHTSPUNT))
    project.history.undo()  # the coding
    project.history.undo()  # the import
    assert [d.name for d in project.documents.list()] == ["R01.txt"]
    assert project.attributes.names() == before_attrs  # the import's attributes are gone too
    assert project.surveys.imports() == [] and project.surveys.saved_mapping() == {}
    project.history.redo()
    project.history.redo()
    assert [d.name for d in project.documents.list()] == names
    assert sorted(project.surveys.questionnaire_documents()) == sorted(ids)
    assert project.segments.query(SegmentFilter(document_ids=(doc,)))[0].codes == \
        ["toegang/wachttijd"]
    assert len(project.surveys.items()) == 5
    project.close()


def test_same_file_twice_is_refused_and_leaves_nothing(tmp_path: Path, places: Places) -> None:
    project = Project.create(places.new("p"))
    path = write_xlsx(make_questionnaire(2024, 20), tmp_path / "c.xlsx")
    import_file(project, path)
    with pytest.raises(DuplicateSurveyError, match="c.xlsx: this file was already imported"):
        import_file(project, path)
    assert len(project.documents.list()) == 20 and len(project.surveys.imports()) == 1
    project.close()


def test_deleting_a_respondent_and_undo_keeps_its_kind(two_years) -> None:
    project, *_ = two_years
    doc = project.documents.by_name("ceo_2024_5001")
    project.execute(DeleteDocuments([doc.id]))
    assert doc.id not in project.surveys.questionnaire_documents()
    project.history.undo()
    assert project.surveys.kind(doc.id) == DocumentKind.QUESTIONNAIRE


# -- figures ------------------------------------------------------------------------------------------


def expected(q, item: str, top: tuple[str, ...], gemeente: str | None = None) -> tuple[int, int]:
    i = q.headers.index(item)
    g = q.headers.index(GEMEENTE)
    answers = [r[i] for r in q.rows if r[i] in FREQ and (gemeente is None or r[g] == gemeente)]
    hits = sum(1 for a in answers if a in top)
    return len(answers), half_up(hits, len(answers))


def test_figures_per_meting_with_difference_and_distribution(two_years) -> None:
    project, *_ = two_years
    q23, q24 = make_questionnaire(2023, 160), make_questionnaire(2024, 170, start_id=5001)
    table = project.surveys.figures()
    assert table.metingen == ("2023", "2024")
    assert table.respondents == {"2023": 160, "2024": 170}
    snel = next(f for f in table.items if f.item.column == SNEL)
    for meting, q in (("2023", q23), ("2024", q24)):
        n, pct = expected(q, SNEL, ("vaak", "altijd"))
        cell = snel.cell(meting)
        assert cell is not None and (cell.n, cell.pct) == (n, pct)
        i = q.headers.index(SNEL)
        counts = Counter(r[i] for r in q.rows)
        assert cell.counts == {c: counts[c] for c in FREQ}
        assert cell.not_counted == {"weet niet": counts["weet niet"]}
    assert snel.difference("2024") == snel.cell("2024").pct - snel.cell("2023").pct  # type: ignore[union-attr]
    assert snel.difference("2023") is None


def test_suppression_below_the_threshold_and_breakdown(two_years) -> None:
    project, *_ = two_years
    q24 = make_questionnaire(2024, 170, start_id=5001)
    table = project.surveys.figures(by="gemeente")
    assert table.groups == ("Duinmeer", "Heidekamp", "Westerveen")
    samen = next(f for f in table.items if f.item.column == SAMEN)
    small = samen.cell("2024", "Heidekamp")
    assert small is not None and small.suppressed and small.pct is None
    assert small.n_text() == "< 10" and small.pct_text() == "–" and small.distribution() is None
    assert small.as_json()["n"] is None
    assert samen.difference("2024", "Heidekamp") is None
    n, pct = expected(q24, SAMEN, ("vaak", "altijd"), "Westerveen")
    west = samen.cell("2024", "Westerveen")
    assert west is not None and (west.n, west.pct) == (n, pct)
    # a lower threshold shows the small municipality; a filter restricts the respondents
    loose = project.surveys.figures(by="gemeente", threshold=5)
    assert not next(f for f in loose.items if f.item.column == SAMEN).cell(
        "2024", "Heidekamp").suppressed  # type: ignore[union-attr]
    only = project.surveys.figures(where=(("gemeente", "Westerveen"),))
    cell = next(f for f in only.items if f.item.column == SAMEN).cell("2024")
    assert cell is not None and (cell.n, cell.pct) == (n, pct)


def test_user_top_box_changes_the_summary_and_undoes(two_years) -> None:
    project, *_ = two_years
    q24 = make_questionnaire(2024, 170, start_id=5001)
    item = project.surveys.item(SNEL)
    project.execute(SetSurveyScale(item.column, item.scale.with_top_box(["altijd"])))
    cell = next(f for f in project.surveys.figures().items if f.item.column == SNEL).cell("2024")
    assert cell is not None and cell.pct == expected(q24, SNEL, ("altijd",))[1]
    project.history.undo()
    assert project.surveys.item(SNEL).scale.top_box == ("vaak", "altijd")


def test_linking_items_to_themes(two_years) -> None:
    project, *_ = two_years
    wachttijd = project.codes.by_path("toegang/wachttijd").id
    samen = project.codes.by_path("aansluiting/samen beslissen").id
    project.execute(LinkSurveyItem(SNEL, [wachttijd]))
    item = project.surveys.item("beslissingen over de hulp worden samen met mij genomen")
    project.execute(LinkSurveyItem(item.column, [samen]))  # found by question, any case
    assert project.surveys.item(SNEL).code_ids == (wachttijd,)
    assert project.surveys.item(SAMEN).code_ids == (samen,)
    project.history.undo()
    assert project.surveys.item(SAMEN).code_ids == ()
    with pytest.raises(Exception, match="no closed item 'Wat ging goed\\?'"):
        project.surveys.item(GOED)
