"""Retrieval filters and counts: what a research lead asks of the coded fragments."""

from __future__ import annotations

from typing import Any

import pytest

from coding.commands import ApplyCodes, AssignCase, EditSegment, SetRoleEverywhere
from coding.project import Project
from coding.types import SegmentFilter, SpeakerRole, Valence
from tests.helpers import project_with
from tests.pg import Places

TEXT = ("Interviewer: Hoe lang wachtte u op hulp?\n\n"
        "{who}: We wachtten {n} maanden op de intake. De jeugdconsulent was wel aardig.\n\n"
        "Interviewer: En daarna?\n\n"
        "{who}: Daarna ging het beter, de hulp paste bij ons.")


@pytest.fixture
def project(places: Places) -> Any:
    p, ids = project_with(
        places,
        ("ouder_wv.txt", TEXT.format(who="Ouder", n="zeven"),
         {"respondent_type": "ouder", "gemeente": "Westerveen"}),
        ("jongere_wv.txt", TEXT.format(who="Jongere", n="drie"),
         {"respondent_type": "jongere", "gemeente": "Westerveen"}),
        ("ouder_dm.txt", TEXT.format(who="Ouder", n="twee"),
         {"respondent_type": "ouder", "gemeente": "Duinmeer"}),
    )
    wacht, passend = p.codes.by_path("toegang/wachttijd").id, \
        p.codes.by_path("aansluiting/passende hulp").id
    for i, doc in enumerate(ids):
        text = p.documents.text(doc)
        s = text.index("We wachtten")
        p.execute(ApplyCodes(doc, s, text.index("intake.") + 7, [wacht], Valence.AANDACHTSPUNT))
        if i < 2:
            s = text.index("de hulp paste")
            p.execute(ApplyCodes(doc, s, s + 22, [passend], Valence.POSITIEF,
                                 coder="Femke" if i == 1 else None))
    # An interviewer's words coded too: counted unless interviewer turns are left out.
    p.execute(ApplyCodes(ids[0], 13, 40, [wacht], Valence.NEUTRAAL))
    p.execute(AssignCase(ids[0], "gezin 1"))
    p.execute(AssignCase(ids[1], "gezin 1"))
    yield p
    p.close()


def test_a_theme_retrieves_its_subthemes(project: Project) -> None:
    toegang = project.codes.by_path("toegang").id
    segs = project.segments.query(SegmentFilter(code_ids=(toegang,)))
    assert len(segs) == 4
    assert project.segments.query(SegmentFilter(code_ids=(toegang,), include_subcodes=False)) == []


def test_filters_by_attribute_case_coder_valence_document(project: Project) -> None:
    wacht = project.codes.by_path("toegang/wachttijd").id
    f = SegmentFilter(code_ids=(wacht,), attributes=(("gemeente", "Westerveen"),))
    assert {s.document for s in project.segments.query(f)} == {"ouder_wv.txt", "jongere_wv.txt"}
    both = SegmentFilter(attributes=(("gemeente", "Westerveen"), ("respondent_type", "ouder")))
    assert {s.document for s in project.segments.query(both)} == {"ouder_wv.txt"}
    either = SegmentFilter(attributes=(("gemeente", "Westerveen"), ("gemeente", "Duinmeer")))
    assert len(project.segments.query(either)) == 6
    case_id = project.attributes.cases()[0][0]
    assert {s.document for s in project.segments.query(SegmentFilter(case_ids=(case_id,)))} == \
        {"ouder_wv.txt", "jongere_wv.txt"}
    femke = project.segments.query(SegmentFilter(coders=("Femke",)))
    assert [s.document for s in femke] == ["jongere_wv.txt"]
    positive = project.segments.query(SegmentFilter(valences=(Valence.POSITIEF,)))
    assert all(s.codings[0].valence == Valence.POSITIEF for s in positive) and len(positive) == 2
    doc = project.documents.by_name("ouder_dm").id
    assert len(project.segments.query(SegmentFilter(document_ids=(doc,)))) == 1


def test_fragments_know_speaker_attributes_and_case(project: Project) -> None:
    seg = project.segments.query(SegmentFilter(coders=("Femke",)))[0]
    assert seg.speaker == "Jongere" and seg.speaker_role == SpeakerRole.RESPONDENT
    assert seg.attributes["respondent_type"] == "jongere" and seg.case == "gezin 1"
    assert seg.text == "de hulp paste bij ons."


def test_key_quotes_only(project: Project) -> None:
    seg = project.segments.query()[0]
    project.execute(EditSegment(seg.document_id, seg.id, key_quote=True))
    assert [s.id for s in project.segments.query(SegmentFilter(key_quotes_only=True))] == [seg.id]


def test_counts_per_code_by_attribute_and_without_interviewer(project: Project) -> None:
    counts = {c.path: c for c in project.stats.counts(by="respondent_type").rows}
    assert (counts["toegang/wachttijd"].segments, counts["toegang/wachttijd"].documents) == (4, 3)
    assert counts["toegang"].documents == 3  # a theme counts its sub-themes' respondents
    assert {v: (c.segments, c.documents) for v, c in counts["toegang/wachttijd"].by_value.items()
            if c.segments} == {"jongere": (1, 1), "ouder": (3, 2)}
    assert counts["aansluiting"].total.by_valence == {"positief": 2}
    resp = {c.path: c for c in project.stats.counts(respondent_only=True).rows}
    assert resp["toegang/wachttijd"].segments == 3
    project.execute(SetRoleEverywhere("Ouder", SpeakerRole.INTERVIEWER))
    resp = {c.path: c for c in project.stats.counts(respondent_only=True).rows}
    assert resp["toegang/wachttijd"].documents == 1  # only the youth is a respondent now
    assert project.stats.documents_by_value("gemeente") == {"Westerveen": 2, "Duinmeer": 1}


def test_a_fragment_with_a_theme_and_its_subtheme_counts_once(project: Project) -> None:
    doc = project.documents.by_name("ouder_dm").id
    text = project.documents.text(doc)
    s = text.index("de hulp paste")
    project.execute(ApplyCodes(doc, s, s + 22, [project.codes.by_path("toegang").id,
                                                project.codes.by_path("toegang/intake").id],
                               Valence.POSITIEF))
    counts = {c.path: c for c in project.stats.counts(by="gemeente").rows}
    assert counts["toegang"].segments == 5  # 4 wachttijd + this one, not 6
    assert counts["toegang"].total.by_valence == {"aandachtspunt": 3, "neutraal": 1, "positief": 1}
    cell = counts["toegang"].by_value["Duinmeer"]
    assert (cell.segments, cell.documents) == (2, 1)
    assert counts["toegang/intake"].segments == 1


@pytest.mark.parametrize("respondent_only", [False, True])
def test_every_face_counts_a_theme_the_same_way(project: Project, respondent_only: bool) -> None:
    """The counts view, the Excel counts sheet and the chapter all take their numbers from
    coding.stats: the same respondents, fragments, split and valences for every theme, also for
    a fragment with two codes of one theme in different valences and with interviewer turns
    left out (the chapter used to count those by its own rules)."""
    from coding.analysis import AnalysisManager
    from exports.chapter_data import gather

    doc = project.documents.by_name("jongere_wv").id
    text = project.documents.text(doc)
    s = text.index("Daarna ging")
    project.execute(ApplyCodes(doc, s, s + 25, [project.codes.by_path("toegang").id],
                               Valence.POSITIEF))
    project.execute(ApplyCodes(doc, s, s + 25, [project.codes.by_path("toegang/intake").id],
                               Valence.AANDACHTSPUNT))
    stats = {r.path: r for r in project.stats.counts(
        "respondent_type", respondent_only=respondent_only).rows}
    view = {r.path: r for r in AnalysisManager(project).counts("respondent_type").rows}
    data = gather(project, title="t", respondent_only=respondent_only)
    for section in data.sections:
        row = stats[section.code.path]
        assert section.respondents == row.documents
        assert section.fragments == row.segments
        assert section.by_type == {t: c.documents for t, c in row.by_value.items() if c.documents}
        assert {v.value: n for v, n in section.by_valence.items()} == row.total.by_valence
        if not respondent_only:
            assert (view[section.code.path].total.segments,
                    view[section.code.path].total.documents) == (row.segments, row.documents)
    toegang = next(s for s in data.sections if s.code.path == "toegang")
    assert toegang.fragments == (4 if respondent_only else 5)  # the two codes: one fragment
