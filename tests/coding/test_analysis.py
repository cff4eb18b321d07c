"""Analysis services on real project files: counts, matrix, co-occurrence, comparison,
agreement among project coders, and merging projects (idempotent, undoable)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from coding.agreement import AgreementData, character_agreement
from coding.analysis import AnalysisManager
from coding.commands import MergeProjects, SetCellSummary
from coding.memos import MemoTarget
from coding.merge import merge_projects
from coding.project import Project
from coding.types import SegmentFilter, Valence
from tests.pg import Places

CODEBOOK = [
    {"name": "toegang", "children": [{"name": "wachttijd"}, {"name": "informatie"}]},
    {"name": "samenwerking"},
]

TEXT_1 = (
    "I: Hoe ging het met de hulp?\n"
    "R: We wachtten heel lang op hulp en niemand legde uit hoe het werkte.\n"
    "I: En de school?\n"
    "R: De school werkte goed samen met het wijkteam.\n"
)
TEXT_2 = "I: Hoe was het voor jou?\nR: Ik moest maanden wachten op een plek.\n"


@dataclass
class TurnData:
    start: int
    end: int
    speaker: str | None
    timestamp_ms: int | None = None


@dataclass
class Transcript:
    name: str
    text: str
    attributes: dict[str, str]
    format: str = "txt"
    turns: list[TurnData] = field(default_factory=list)

    def __post_init__(self) -> None:
        pos = 0
        for line in self.text.splitlines(keepends=True):
            label, _, _ = line.partition(": ")
            self.turns.append(TurnData(pos + len(label) + 2, pos + len(line.rstrip("\n")), label))
            pos += len(line)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def build(path: Path | str, coder: str = "Sanne") -> Project:
    project = Project.create(path, codebook=CODEBOOK, coder=coder)
    project.documents.add_transcript(
        Transcript("ouder1.txt", TEXT_1, {"meting": "2023", "type": "ouder", "gezin": "1"})
    )
    project.documents.add_transcript(
        Transcript("jongere1.txt", TEXT_2, {"meting": "2024", "type": "jongere", "gezin": "1"})
    )
    return project


def code(project: Project, path: str) -> int:
    return project.codes.by_path(path).id


def doc(project: Project, name: str) -> int:
    return project.documents.by_name(name).id


def apply(
    project: Project,
    name: str,
    text: str,
    quote: str,
    paths: list[str],
    valence: Valence = Valence.NEUTRAAL,
    coder: str = "Sanne",
) -> int:
    start, end = span(text, quote)
    result = project.segments.apply(
        doc(project, name), start, end, [code(project, p) for p in paths], valence, coder=coder
    )
    return result.segment_id


@pytest.fixture
def project(places: Places) -> Project:
    p = build(places.new("studie"))
    apply(
        p,
        "ouder1.txt",
        TEXT_1,
        "wachtten heel lang op hulp",
        ["toegang/wachttijd"],
        Valence.AANDACHTSPUNT,
    )
    apply(
        p,
        "ouder1.txt",
        TEXT_1,
        "hulp en niemand legde uit",
        ["toegang/informatie"],
        Valence.AANDACHTSPUNT,
    )
    apply(
        p, "ouder1.txt", TEXT_1, "De school werkte goed samen", ["samenwerking"], Valence.POSITIEF
    )
    apply(
        p, "jongere1.txt", TEXT_2, "maanden wachten", ["toegang/wachttijd"], Valence.AANDACHTSPUNT
    )
    yield p
    p.close()


def test_counts_by_attribute_and_valence(project: Project) -> None:
    table = AnalysisManager(project).counts(by="meting")
    rows = {r.path: r for r in table.rows}
    assert table.values == ("2023", "2024")
    assert table.documents_per_value == {"2023": 1, "2024": 1}
    toegang = rows["toegang"]  # includes its sub-themes
    assert (toegang.total.segments, toegang.total.documents) == (3, 2)
    assert toegang.total.by_valence == {"aandachtspunt": 3}
    assert toegang.by_value["2023"].segments == 2
    assert toegang.by_value["2024"].segments == 1
    assert rows["samenwerking"].by_value["2023"].by_valence == {"positief": 1}
    assert rows["samenwerking"].by_value["2024"].segments == 0
    # The same totals as the core's own statistics.
    core = {c.path: (c.segments, c.documents) for c in project.stats.counts().rows}
    assert core == {r.path: (r.total.segments, r.total.documents) for r in table.rows}


def test_meting_comparison_side_by_side(project: Project) -> None:
    comparison = AnalysisManager(project).compare("meting", "2023", "2024")
    rows = {r.path: r for r in comparison.rows}
    assert (comparison.first_documents, comparison.second_documents) == (1, 1)
    wacht = rows["toegang/wachttijd"]
    assert (wacht.first.segments, wacht.second.segments) == (1, 1)
    behind = project.segments.query(
        SegmentFilter(
            code_ids=(code(project, "toegang/wachttijd"),), attributes=(("meting", "2024"),)
        )
    )
    assert set(wacht.second.segment_ids) == {s.id for s in behind}


def test_framework_matrix_counts_fragments_and_summaries(project: Project) -> None:
    analysis = AnalysisManager(project)
    m = analysis.matrix("document")
    assert [r.label for r in m.rows] == ["ouder1.txt", "jongere1.txt"]
    col = m.code_paths.index("toegang")
    assert [row[col] for row in m.counts] == [2, 1]
    cell = m.segment_ids[0][m.code_paths.index("samenwerking")]
    texts = [project.segments.get(i).text for i in cell]
    assert texts == ["De school werkte goed samen"]

    row, code_id = m.rows[0], m.code_ids[col]
    assert analysis.set_cell_summary("document", row.key, code_id, "Lang wachten.") == ""
    assert analysis.set_cell_summary("document", row.key, code_id, "Lang wachten op hulp.") == (
        "Lang wachten."
    )
    again = analysis.matrix("document")
    assert again.summaries == {(row.key, code_id): "Lang wachten op hulp."}

    project.execute(SetCellSummary("document", row.key, code_id, "Zeven maanden."))
    assert analysis.matrix("document").summaries == {(row.key, code_id): "Zeven maanden."}
    project.history.undo()
    assert analysis.matrix("document").summaries == {(row.key, code_id): "Lang wachten op hulp."}
    project.history.redo()
    assert analysis.matrix("document").summaries == {(row.key, code_id): "Zeven maanden."}

    by_meting = analysis.matrix("attribute:meting")
    assert [r.label for r in by_meting.rows] == ["2023", "2024"]
    project.attributes.cases_from_attribute("gezin")
    by_case = analysis.matrix("case", [code_id])
    assert [r.label for r in by_case.rows] == ["1"]
    assert by_case.counts == ((3,),)


def test_cooccurrence_overlap_and_turn(project: Project) -> None:
    analysis = AnalysisManager(project)
    overlap = analysis.cooccurrence(mode="overlap")
    i, j = (
        overlap.code_paths.index("toegang/wachttijd"),
        overlap.code_paths.index("toegang/informatie"),
    )
    k = overlap.code_paths.index("samenwerking")
    assert overlap.counts[i][j] == overlap.counts[j][i] == 1
    assert overlap.counts[i][k] == 0
    assert overlap.counts[i][i] == 2  # the diagonal: segments with the code
    pair = (overlap.code_ids[min(i, j)], overlap.code_ids[max(i, j)])
    texts = sorted(project.segments.get(s).text for s in overlap.segment_ids[pair])
    assert texts == ["hulp en niemand legde uit", "wachtten heel lang op hulp"]

    # Same turn: wachttijd and informatie share the respondent's first answer; samenwerking
    # is in a later turn, so it co-occurs with neither.
    turn = analysis.cooccurrence(mode="turn")
    assert turn.counts[i][j] == 1
    assert turn.counts[i][k] == turn.counts[j][k] == 0


def test_cooccurrence_turn_without_overlap(places: Places) -> None:
    p = build(places.new("t"))
    apply(p, "ouder1.txt", TEXT_1, "We wachtten", ["toegang/wachttijd"])
    apply(p, "ouder1.txt", TEXT_1, "niemand legde uit", ["toegang/informatie"])
    analysis = AnalysisManager(p)
    paths = analysis.cooccurrence(mode="overlap").code_paths
    i, j = paths.index("toegang/wachttijd"), paths.index("toegang/informatie")
    assert analysis.cooccurrence(mode="overlap").counts[i][j] == 0
    assert analysis.cooccurrence(mode="turn").counts[i][j] == 1
    p.close()


def test_agreement_for_project_coders(project: Project) -> None:
    apply(
        project,
        "ouder1.txt",
        TEXT_1,
        "wachtten heel lang op hulp",
        ["toegang/wachttijd"],
        coder="Tim",
    )
    apply(project, "ouder1.txt", TEXT_1, "De school werkte goed", ["samenwerking"], coder="Tim")
    result = AnalysisManager(project).agreement(["Sanne", "Tim"], threshold=0.5)
    assert result.documents == ("ouder1.txt",)  # Tim did not code jongere1.txt
    per = {result.code_paths[c.code]: c for c in result.character.per_code}
    assert per["toegang/wachttijd"].kappa == pytest.approx(1.0)
    assert per["toegang/informatie"].only_first == len("hulp en niemand legde uit")
    # The same figures as the pure function on hand-built spans.
    n = len(TEXT_1)
    w, inf, sw = (
        code(project, p) for p in ("toegang/wachttijd", "toegang/informatie", "samenwerking")
    )
    data = AgreementData(
        {1: n},
        {
            "Sanne": {
                1: [
                    (*span(TEXT_1, "wachtten heel lang op hulp"), w),
                    (*span(TEXT_1, "hulp en niemand legde uit"), inf),
                    (*span(TEXT_1, "De school werkte goed samen"), sw),
                ]
            },
            "Tim": {
                1: [
                    (*span(TEXT_1, "wachtten heel lang op hulp"), w),
                    (*span(TEXT_1, "De school werkte goed"), sw),
                ]
            },
        },
    )
    expected = character_agreement(data)
    assert result.character.pooled.kappa == pytest.approx(expected.pooled.kappa)
    seg = {result.code_paths[c.code]: c for c in result.segment.per_code}
    assert (seg["samenwerking"].both, seg["toegang/informatie"].only_first) == (1, 1)
    disagreements = AnalysisManager(project).disagreements(
        doc(project, "ouder1.txt"), ["Sanne", "Tim"]
    )
    assert {(d.start, d.end) for d in disagreements} == {
        span(TEXT_1, "hulp en niemand legde uit"),
        span(TEXT_1, " samen"),
    }


def test_merge_brings_in_other_coder_and_is_idempotent(places: Places, tmp_path: Path) -> None:
    main = build(places.new("lead"), coder="Lead")
    apply(
        main,
        "ouder1.txt",
        TEXT_1,
        "wachtten heel lang op hulp",
        ["toegang/wachttijd"],
        coder="Lead",
    )
    other = build(tmp_path / "student.duiding", coder="Tim")
    other.codes.add_tree([{"name": "nazorg"}])
    seg = apply(
        other,
        "ouder1.txt",
        TEXT_1,
        "wachtten heel lang",
        ["toegang/wachttijd"],
        Valence.AANDACHTSPUNT,
        coder="Tim",
    )
    apply(other, "jongere1.txt", TEXT_2, "een plek", ["nazorg"], coder="Tim")
    other.memos.set(MemoTarget(code_id=code(other, "nazorg")), "Nieuw thema van Tim.")
    other.segments.update(seg, memo="lange wachtlijst")
    extra = Transcript("school.txt", "I: Vraag?\nR: Antwoord.\n", {"type": "school"})
    other.documents.add_transcript(extra)
    other.close()

    report = merge_projects(main, [tmp_path / "student.duiding"])
    assert report.documents_matched == 2
    assert report.documents_added == ["school.txt"]
    assert report.codes_added == ["nazorg"]
    assert report.coders_added == ["Tim"]
    assert report.segments_added == 2
    assert report.memos_added == 1
    tims = main.segments.query(SegmentFilter(coders=("Tim",)))
    assert sorted((s.document, s.text, tuple(s.codes)) for s in tims) == [
        ("jongere1.txt", "een plek", ("nazorg",)),
        ("ouder1.txt", "wachtten heel lang", ("toegang/wachttijd",)),
    ]
    assert main.memos.get(MemoTarget(code_id=code(main, "nazorg"))) == "Nieuw thema van Tim."
    assert [s.memo for s in tims if s.text == "wachtten heel lang"] == ["lange wachtlijst"]
    assert main.documents.by_name("school.txt").attributes == {"type": "school"}
    before = [(s.id, s.document, s.start, s.end, s.coder) for s in main.segments.query()]

    second = merge_projects(main, [tmp_path / "student.duiding"])
    assert not second.changed
    assert (second.segments_added, second.memos_added, second.documents_added) == (0, 0, [])
    assert second.segments_already_present == 2
    assert [(s.id, s.document, s.start, s.end, s.coder) for s in main.segments.query()] == before
    assert len(main.documents.list()) == 3
    main.close()


def test_merge_is_one_undoable_step(places: Places, tmp_path: Path) -> None:
    main = build(places.new("lead"), coder="Lead")
    other = build(tmp_path / "student.duiding", coder="Tim")
    apply(other, "ouder1.txt", TEXT_1, "wachtten heel lang", ["toegang/wachttijd"], coder="Tim")
    other.codes.add_tree([{"name": "nazorg"}])
    other.documents.add_transcript(Transcript("school.txt", "I: Vraag?\nR: Antwoord.\n", {}))
    other.close()
    command = MergeProjects([tmp_path / "student.duiding"])
    main.execute(command)
    after = [(s.id, s.text, s.coder) for s in main.segments.query()]
    assert len(after) == 1
    main.history.undo()
    assert main.segments.query() == []
    assert [d.name for d in main.documents.list()] == ["ouder1.txt", "jongere1.txt"]
    assert "nazorg" not in [c.path for c in main.codes.tree()]
    main.history.redo()
    assert [(s.id, s.text, s.coder) for s in main.segments.query()] == after
    assert len(main.documents.list()) == 3
    main.close()


def test_merge_refuses_itself_and_missing_files(places: Places, tmp_path: Path) -> None:
    main = build(places.new("lead"))
    with pytest.raises(Exception, match="itself"):
        merge_projects(main, [places.location("lead")])
    with pytest.raises(Exception, match="does not exist"):
        merge_projects(main, [tmp_path / "missing.duiding"])
    main.close()
