"""Merging a student's project whose codebook drifted: plan suggestions, then a mapping that puts
their codings on our codes (coder, valence and memo kept), idempotent and undoable as one step."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding.commands import MergeProjects
from coding.memos import MemoTarget
from coding.merge import Suggestion, merge_projects, plan_merge
from coding.project import Project
from coding.types import SegmentFilter, Valence
from models.errors import DuidingError
from tests.coding.test_analysis import TEXT_1, TEXT_2, Transcript, apply, build, code
from tests.pg import Places

# The lead keeps test_analysis.CODEBOOK: toegang/{wachttijd, informatie}, samenwerking.
STUDENT_BOOK = [
    {"name": "Toegang", "children": [  # same path up to case: matched, not listed
        {"name": "Wachttijden", "children": [{"name": "te lang"}]},
    ]},
    {"name": "informatie", "definition": "Uitleg over de hulp."},  # moved to the top level
    {"name": "Samenwérking"},  # an accent the lead does not write
    {"name": "nazorg", "children": [{"name": "evaluatie"}]},
]


def student(path: Path) -> Path:
    with Project.create(path, codebook=STUDENT_BOOK, coder="Tim") as p:
        p.documents.add_transcript(Transcript("ouder1.txt", TEXT_1, {"type": "ouder"}))
        p.documents.add_transcript(Transcript("jongere1.txt", TEXT_2, {"type": "jongere"}))
        seg = apply(p, "ouder1.txt", TEXT_1, "wachtten heel lang", ["Toegang/Wachttijden"],
                    Valence.AANDACHTSPUNT, coder="Tim")
        p.segments.update(seg, memo="lange wachtlijst")
        apply(p, "ouder1.txt", TEXT_1, "niemand legde uit", ["informatie"],
              Valence.AANDACHTSPUNT, coder="Tim")
        apply(p, "ouder1.txt", TEXT_1, "De school werkte goed samen", ["Samenwérking"],
              Valence.POSITIEF, coder="Tim")
        apply(p, "jongere1.txt", TEXT_2, "maanden wachten", ["Toegang/Wachttijden/te lang"],
              coder="Tim")
        apply(p, "jongere1.txt", TEXT_2, "een plek", ["nazorg/evaluatie"], coder="Tim")
        p.memos.set(MemoTarget(code_id=code(p, "Toegang/Wachttijden")), "Tims wachttijden.")
    return path


@pytest.fixture
def lead(places: Places, tmp_path: Path) -> Project:
    p = build(places.new("lead"), coder="Lead")
    student(tmp_path / "tim.duiding")
    return p


def tims(project: Project) -> list[tuple[str, tuple[str, ...], tuple[str, ...], str]]:
    return sorted(
        (s.text, tuple(s.codes), tuple(c.valence.value for c in s.codings), s.memo)
        for s in project.segments.query(SegmentFilter(coders=("Tim",)))
    )


def test_plan_lists_unmatched_codes_with_suggestions_and_changes_nothing(
    lead: Project, tmp_path: Path
) -> None:
    other = tmp_path / "tim.duiding"
    before = other.read_bytes()
    plan = plan_merge(lead, [other])
    [src] = plan.sources
    assert src.source == "tim.duiding" and src.codes_matched == 1  # "Toegang"
    rows = {u.path: (u.suggestion, u.target_path, u.segments) for u in src.unmatched}
    assert rows == {
        "Toegang/Wachttijden": (Suggestion.SIMILAR_NAME, "toegang/wachttijd", 1),
        "Toegang/Wachttijden/te lang": (Suggestion.CREATE, None, 1),
        "informatie": (Suggestion.SAME_NAME, "toegang/informatie", 1),
        "Samenwérking": (Suggestion.SAME_NAME, "samenwerking", 1),
        "nazorg": (Suggestion.CREATE, None, 0),
        "nazorg/evaluatie": (Suggestion.CREATE, None, 1),
    }
    info = next(u for u in src.unmatched if u.path == "informatie")
    assert info.definition == "Uitleg over de hulp." and info.colour.startswith("#")
    assert plan.suggested_mapping()["informatie"] == code(lead, "toegang/informatie")
    assert plan.as_json()["sources"][0]["unmatched"][0]["path"] == "Toegang/Wachttijden"  # type: ignore[index]
    # Read-only on both sides.
    assert [c.path for c in lead.codes.tree()] == [
        "toegang", "toegang/wachttijd", "toegang/informatie", "samenwerking"]
    assert other.read_bytes() == before
    lead.close()


def test_mapped_codings_land_on_our_codes_with_coder_valence_and_memo(
    lead: Project, tmp_path: Path
) -> None:
    other = tmp_path / "tim.duiding"
    report = merge_projects(lead, [other], plan_merge(lead, [other]).suggested_mapping())
    assert tims(lead) == [
        ("De school werkte goed samen", ("samenwerking",), ("positief",), ""),
        ("een plek", ("nazorg/evaluatie",), ("neutraal",), ""),
        ("maanden wachten", ("toegang/wachttijd/te lang",), ("neutraal",), ""),
        ("niemand legde uit", ("toegang/informatie",), ("aandachtspunt",), ""),
        ("wachtten heel lang", ("toegang/wachttijd",), ("aandachtspunt",), "lange wachtlijst"),
    ]
    assert report.codes_mapped == {
        "Toegang/Wachttijden": "toegang/wachttijd",
        "informatie": "toegang/informatie",
        "Samenwérking": "samenwerking",
    }
    assert report.codings_mapped == 3
    # "te lang" was created under its mapped parent; no near-duplicate codes appeared.
    assert sorted(report.codes_added) == ["nazorg", "nazorg/evaluatie", "toegang/wachttijd/te lang"]
    assert [c.path for c in lead.codes.tree()] == [
        "toegang", "toegang/wachttijd", "toegang/wachttijd/te lang", "toegang/informatie",
        "samenwerking", "nazorg", "nazorg/evaluatie"]
    assert lead.memos.get(MemoTarget(code_id=code(lead, "toegang/wachttijd"))) == \
        "Tims wachttijden."
    assert report.as_json()["codings_mapped"] == 3

    # A second merge with the same mapping adds nothing; the plan now only lists what was mapped.
    again = plan_merge(lead, [other])
    assert {u.path: (u.suggestion, u.target_path) for u in again.sources[0].unmatched} == {
        "Toegang/Wachttijden": (Suggestion.EARLIER_MERGE, "toegang/wachttijd"),
        "Toegang/Wachttijden/te lang": (Suggestion.EARLIER_MERGE, "toegang/wachttijd/te lang"),
        "informatie": (Suggestion.EARLIER_MERGE, "toegang/informatie"),
        "Samenwérking": (Suggestion.EARLIER_MERGE, "samenwerking"),
    }
    before = (tims(lead), [c.path for c in lead.codes.tree()])
    second = merge_projects(lead, [other], again.suggested_mapping())
    assert not second.changed
    assert (second.segments_added, second.codings_added, second.memos_added) == (0, 0, 0)
    assert second.codes_added == [] and second.segments_already_present == 5
    assert (tims(lead), [c.path for c in lead.codes.tree()]) == before
    lead.close()


def test_user_choice_overrides_suggestion_and_two_codes_onto_one_make_one_coding(
    places: Places, tmp_path: Path,
) -> None:
    lead = build(places.new("lead"), coder="Lead")
    with Project.create(tmp_path / "tim.duiding", codebook=STUDENT_BOOK, coder="Tim") as p:
        p.documents.add_transcript(Transcript("ouder1.txt", TEXT_1, {}))
        apply(p, "ouder1.txt", TEXT_1, "wachtten heel lang", ["Toegang/Wachttijden", "informatie"],
              Valence.AANDACHTSPUNT, coder="Tim")
    wacht = code(lead, "toegang/wachttijd")
    report = merge_projects(lead, [tmp_path / "tim.duiding"],
                            {"toegang/wachttijden": wacht, "INFORMATIE": wacht, "nazorg": None})
    assert tims(lead) == [("wachtten heel lang", ("toegang/wachttijd",), ("aandachtspunt",), "")]
    assert report.codings_mapped == 1 and "informatie" not in report.codes_added
    assert "nazorg" in report.codes_added  # None: create, as without a mapping
    # Planning again suggests the user's earlier choice, not the name; merging it adds nothing.
    again = plan_merge(lead, [tmp_path / "tim.duiding"])
    info = next(u for u in again.sources[0].unmatched if u.path == "informatie")
    assert (info.suggestion, info.target_path) == (Suggestion.EARLIER_MERGE, "toegang/wachttijd")
    assert not merge_projects(lead, [tmp_path / "tim.duiding"], again.suggested_mapping()).changed
    lead.close()


def test_mapped_merge_is_one_undoable_step(lead: Project, tmp_path: Path) -> None:
    other = tmp_path / "tim.duiding"
    codes_before = [c.path for c in lead.codes.tree()]
    lead.execute(MergeProjects([other], plan_merge(lead, [other]).suggested_mapping()))
    after = tims(lead)
    assert len(after) == 5
    ids = [s.id for s in lead.segments.query()]
    lead.history.undo()
    assert tims(lead) == []
    assert [c.path for c in lead.codes.tree()] == codes_before
    assert lead.memos.get(MemoTarget(code_id=code(lead, "toegang/wachttijd"))) in (None, "")
    assert "Tim" not in [n for _i, n, _c, _k in lead.coders.list()]
    lead.history.redo()
    assert tims(lead) == after and [s.id for s in lead.segments.query()] == ids
    lead.close()


def test_bad_mappings_are_refused_before_anything_changes(
    lead: Project, places: Places, tmp_path: Path
) -> None:
    other = tmp_path / "tim.duiding"
    with pytest.raises(DuidingError, match="no code 'wachten' in tim.duiding"):
        merge_projects(lead, [other], {"wachten": code(lead, "samenwerking")})
    with pytest.raises(DuidingError, match="9999 does not exist"):
        merge_projects(lead, [other], {"nazorg": 9999})
    with pytest.raises(DuidingError, match="itself"):
        plan_merge(lead, [places.location("lead")])
    with pytest.raises(DuidingError, match="does not exist"):
        plan_merge(lead, [tmp_path / "weg.duiding"])
    assert lead.segments.query() == [] and len(lead.codes.tree()) == 4
    lead.close()
