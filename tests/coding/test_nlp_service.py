"""Project-level NLP: the per-document cache, project search, code-all-hits as one undo step."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from coding.nlp.service import (
    code_all_hits,
    processed_text,
    search_project,
    suggest_project,
)
from coding.project import Project
from importers.base import ImportedTranscript, Turn
from models.nlp_models import NlpCache
from tests.pg import Places


def transcript(name: str, turns: list[tuple[str, str]]) -> ImportedTranscript:
    text, spans = "", []
    for label, said in turns:
        start = len(text) + len(label) + 2
        text += f"{label}: {said}\n\n"
        spans.append(Turn(start, start + len(said), label))
    return ImportedTranscript(name, "txt", text, spans, sha256=name.ljust(64, "0"))


def make_project(places: Places | Path) -> Project:
    where = places.new("studie") if isinstance(places, Places) else places / "studie.duiding"
    project = Project.create(where, coder="Sanne")
    project.documents.add_transcript(
        transcript(
            "R01.txt",
            [
                ("Interviewer", "Hoe was het met de wisselingen?"),
                (
                    "Ouder",
                    "We hebben vaak gewisseld 😀. De wachtlijst was zeven maanden, echt wachten.",
                ),
            ],
        )
    )
    project.documents.add_transcript(
        transcript(
            "R02.txt",
            [
                ("Interviewer", "En bij jullie?"),
                ("Ouder", "Elke wisseling betekende opnieuw mijn verhaal vertellen."),
            ],
        )
    )
    return project


def test_processing_is_cached_per_document(places: Places, tmp_path: Path) -> None:
    with make_project(places) as project:
        doc = project.documents.by_name("R01.txt")
        first = processed_text(project, doc.id)
        with project.store.read() as s:
            row = s.scalar(select(NlpCache).where(NlpCache.document_id == doc.id))
            assert row is not None and row.pipeline == first.pipeline_name
        assert processed_text(project, doc.id) == first


def test_project_search_restricted_to_respondents(places: Places, tmp_path: Path) -> None:
    with make_project(places) as project:
        hits = search_project(project, "wisseling", lemma=True, roles={"respondent"})
        assert [(h.document, h.hit.match) for h in hits] == [
            ("R01.txt", "gewisseld"),
            ("R02.txt", "wisseling"),
        ]
        all_hits = search_project(project, "wisseling", lemma=True)
        assert "wisselingen" in [h.hit.match for h in all_hits]


def test_code_all_hits_is_one_undoable_command(places: Places, tmp_path: Path) -> None:
    with make_project(places) as project:
        code = project.codes.by_path("wisselingen")
        hits = search_project(project, "wisseling", lemma=True, roles={"respondent"})
        code_all_hits(project, hits, [code.id], unit="sentence")
        segs = project.segments.query()
        assert sorted(s.text for s in segs) == [
            "Elke wisseling betekende opnieuw mijn verhaal vertellen.",
            "We hebben vaak gewisseld 😀.",
        ]
        project.history.undo()
        assert project.segments.query() == []
        project.history.redo()
        assert len(project.segments.query()) == 2


def test_suggestions_over_the_project_use_codebook_keywords(places: Places, tmp_path: Path) -> None:
    with make_project(places) as project:
        found = suggest_project(project)
        codes = {(f.document, f.suggestion.code) for f in found}
        assert ("R01.txt", "toegang/wachttijd") in codes
        assert all(f.code_id is not None for f in found)
        assert project.segments.query() == []  # nothing is ever applied


def test_an_accepted_suggestion_is_not_proposed_again(places: Places) -> None:
    from coding.commands import ApplyCodes

    with make_project(places) as project:
        first = next(f for f in suggest_project(project)
                     if f.suggestion.code == "toegang/wachttijd")
        assert first.code_id is not None
        project.execute(ApplyCodes(first.document_id, first.suggestion.start,
                                   first.suggestion.end, [first.code_id]))
        again = [(f.document_id, f.code_id, f.suggestion.start) for f in suggest_project(project)]
        assert (first.document_id, first.code_id, first.suggestion.start) not in again
        seen: list[tuple[int, int, str]] = []
        suggest_project(project, progress=lambda d, t, n: seen.append((d, t, n)))
        assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]  # progress from 0 to done
