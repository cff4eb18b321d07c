"""The help history of ten families: lanes, placement, contradictions and durations.

Runs on the generated study of 10 families x 3 interviews (tests/history_study.py); every
expected number is computed in the test from the study's truth, not read from the code.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator

import pytest

from coding.durations import durations
from coding.project import Project
from coding.timeline import build_timeline, perspective
from tests.history_study import FAMILIES, build_study, expected_durations


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    tmp = tmp_path_factory.mktemp("history")
    project = Project.create(tmp / "studie.duiding", coder="Onderzoeker")
    build_study(project, tmp / "interviews")
    yield project
    project.close()


def _case(project: Project, name: str) -> int:
    return next(cid for cid, n, _ in project.attributes.cases() if n == name)


def test_each_family_has_the_lanes_of_its_respondents(study: Project) -> None:
    for fam in FAMILIES:
        tl = build_timeline(study, _case(study, fam.case))
        expected = [p for p in ("ouder", "jongere", "hulpverlener", "school")
                    if p in {perspective(iv.respondent_type) for iv in fam.interviews}]
        assert list(tl.lanes) == expected
        assert len(tl.events) == sum(len(iv.events) for iv in fam.interviews)
        for placed in tl.events:
            iv = next(iv for iv in fam.interviews if iv.file == placed.event.document)
            assert placed.lane == perspective(iv.respondent_type)


def test_dated_events_sit_at_their_time_and_undated_ones_by_order(study: Project) -> None:
    fam = FAMILIES[1]  # family 2: two changes of care worker, the second undated
    tl = build_timeline(study, _case(study, fam.case))
    ouder = [e for e in tl.events if e.lane == "ouder"]
    assert [e.event.type for e in ouder][:4] == ["signaal", "aanmelding", "wachttijd",
                                                  "start hulp"]
    signal, registration, wait, start = ouder[:4]
    assert signal.dated and signal.x == pytest.approx(fam.birth_year + 0.5 + fam.signal_age)
    assert not wait.dated and registration.x < wait.x < start.x  # told between the two
    second_change = [e for e in ouder if e.event.type == "wisseling hulpverlener"][1]
    first_change = [e for e in ouder if e.event.type == "wisseling hulpverlener"][0]
    closing = ouder[-1]
    assert not second_change.dated and first_change.x < second_change.x < closing.x


def test_accounts_of_one_event_are_grouped_and_contradictions_marked(study: Project) -> None:
    for fam in FAMILIES:
        tl = build_timeline(study, _case(study, fam.case))
        contradictions = tl.contradictions()
        if fam.contradiction:
            assert [g.type for g in contradictions] == ["wachttijd"]
            assert "7 maanden (ouder) vs 16 weken (hulpverlener)" in contradictions[0].reason
            members = [tl.events[i] for i in contradictions[0].members]
            assert {m.lane for m in members} == {"ouder", "hulpverlener"}
            assert len({round(m.x, 6) for m in members}) == 1  # side by side
        else:
            assert contradictions == []
        starts = next(g for g in tl.groups if g.type == "start hulp")
        assert len(starts.members) == (3 if fam.number <= 6 else 2)


def test_age_stays_an_age_without_the_birth_year(study: Project) -> None:
    fam = next(f for f in FAMILIES if f.birth_year is None)
    tl = build_timeline(study, _case(study, fam.case))
    signal = next(e for e in tl.events if e.event.type == "signaal")
    assert tl.birth_year is None and not signal.dated
    assert signal.event.moment.label() == f"{fam.signal_age} jaar"


def test_durations_per_family_and_across_families(study: Project) -> None:
    table = durations(study, by="gemeente")
    got = {c.case: c for c in table.cases}
    assert set(got) == {f.case for f in FAMILIES}
    for fam in FAMILIES:
        want = expected_durations(fam)
        c = got[fam.case]
        assert c.signal_to_help == want["signal_to_help"], fam.case
        assert c.registration_to_start == want["registration_to_start"], fam.case
        assert c.changes == want["changes"], fam.case
        assert c.group == fam.gemeente
    signals = [v for f in FAMILIES if (v := expected_durations(f)["signal_to_help"]) is not None]
    s = table.summary("signal_to_help")
    assert (s.n, s.median, s.low, s.high) == (len(signals), statistics.median(signals),
                                              min(signals), max(signals))
    for gemeente in ("Duinmeer", "Westerveen"):
        waits = [float(expected_durations(f)["registration_to_start"] or 0) for f in FAMILIES
                 if f.gemeente == gemeente]
        s = table.summary("registration_to_start", gemeente)
        assert (s.n, s.median) == (len(waits), statistics.median(waits))
    changes = table.summary("changes")
    assert changes.high == max(f.changes for f in FAMILIES)
