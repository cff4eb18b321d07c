"""Pseudonymisation over a project: apply keeps codings on their words, undo, key and guard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coding.analysis import AnalysisManager
from coding.commands import ApplyCodes, SetCellSummary
from coding.commands.events import MarkEvent
from coding.project import Project
from coding.pseudonymise import OriginalInExport, PiiType, assert_no_originals, service
from models.schema import Memo
from tests.coding.test_nlp_service import transcript
from tests.pg import Places


def make_project(places: Places | Path) -> Project:
    where = places.new("studie") if isinstance(places, Places) else places / "studie.duiding"
    project = Project.create(where, coder="Sanne")
    project.documents.add_transcript(
        transcript(
            "R01.txt",
            [
                ("Interviewer", "Vertel eens over Shanice."),
                (
                    "Ouder",
                    "Shanice Pinas zat op basisschool De Regenboog. Ze is zeventien nu. "
                    "In maart belde meneer Van Dijk.",
                ),
            ],
        )
    )
    project.documents.add_transcript(
        transcript(
            "R05.txt",
            [
                ("Jongere", "Ik ben Shanice. De Regenboog was fijn 🙂."),
            ],
        )
    )
    return project


def test_names_file_one_per_line_or_csv_column(tmp_path: Path) -> None:
    plain = tmp_path / "namen.txt"
    plain.write_text("Shanice Pinas\nJayden\n\n", encoding="utf-8")
    assert service.read_names_file(plain) == ["Shanice Pinas", "Jayden"]
    sheet = tmp_path / "namen.csv"
    sheet.write_bytes("rol;naam\r\nkind;Jayden\r\nmentor;Van Dijk\r\n".encode("cp1252"))
    assert service.read_names_file(sheet) == ["Jayden", "Van Dijk"]


def test_apply_rewrites_texts_shifts_codings_and_can_be_undone(places: Places, tmp_path: Path) -> None:
    with make_project(places) as project:
        service.add_names(project, ["Shanice Pinas"])
        doc = project.documents.by_name("R01.txt")
        text = project.documents.text(doc.id)
        quote = "zat op basisschool De Regenboog. Ze is zeventien"
        start = text.index(quote)
        code = project.codes.by_path("samenwerking")
        project.execute(ApplyCodes(doc.id, start, start + len(quote), [code.id]))
        entities = service.detect(project, use_deduce=False)
        shanice = next(e for e in entities if "Shanice Pinas" in e.forms)
        assert "Shanice" in shanice.forms and shanice.type is PiiType.PERSON
        service.save_review(project, entities)
        project.execute(service.ApplyPseudonyms(entities))

        new_text = project.documents.text(doc.id)
        assert "Shanice" not in new_text and "Regenboog" not in new_text
        assert "Shanice" not in project.documents.text(project.documents.by_name("R05.txt").id)
        [segment] = project.segments.query()
        assert segment.text == "zat op [school 1]. Ze is [leeftijd]"
        # Turns still cover what was said (labels untouched).
        for turn in project.documents.turns(doc.id):
            assert not new_text[turn.start : turn.end].startswith(("Ouder", "Interviewer"))
        with pytest.raises(OriginalInExport):
            assert_no_originals(["Een citaat over Shanice."], project)
        assert_no_originals([new_text], project)

        project.history.undo()
        assert project.documents.text(doc.id) == text
        assert project.segments.query()[0].text == quote
        assert service.originals(project) == []

        project.history.redo()
        assert service.confirm(project) > 0
        with pytest.raises(PermissionError):
            project.history.undo()


def test_apply_moves_events_and_passage_memos_with_their_words(tmp_path: Path) -> None:
    """Help-history events and memos on a passage point into the text like codings do: after a
    name before them is replaced they still cover the same words; their own text loses the name
    too (as does a matrix cell summary); undo puts every position and text back."""
    with make_project(tmp_path) as project:
        service.add_names(project, ["Shanice Pinas", "Van Dijk"])
        doc = project.documents.by_name("R01.txt")
        text = project.documents.text(doc.id)
        passage = "In maart belde meneer Van Dijk."
        start = text.index(passage)
        wachttijd = project.events.types()[0]
        project.execute(MarkEvent(doc.id, start, start + len(passage), wachttijd.id,
                                  memo="Shanice wachtte op Van Dijk"))
        note = "Pinas zat op"
        with project.store.write() as s:
            s.add(Memo(document_id=doc.id, start=text.index(note),
                       end=text.index(note) + len(note), text="Shanice vertelt over school"))
        code = project.codes.by_path("toegang")
        project.execute(SetCellSummary("document", doc.guid, code.id, "Shanice Pinas: lang wachten"))

        entities = service.detect(project, use_deduce=False)
        service.save_review(project, entities)
        project.execute(service.ApplyPseudonyms(entities))

        new_text = project.documents.text(doc.id)
        [event] = project.events.for_document(doc.id)
        assert re.fullmatch(r"In .+ belde meneer \[persoon \d+\]\.", new_text[event.start:event.end])
        assert "Shanice" not in event.memo and "Van Dijk" not in event.memo
        [memo] = [m for m in project.memos.list() if m.start is not None]
        assert re.fullmatch(r"\[persoon \d+\] zat op", new_text[memo.start:memo.end])
        assert "Shanice" not in memo.text
        summaries = AnalysisManager(project).matrix("document").summaries.values()
        assert summaries and not any("Shanice" in t for t in summaries)

        project.history.undo()
        [event] = project.events.for_document(doc.id)
        assert text[event.start:event.end] == passage and "Shanice" in event.memo
        [memo] = [m for m in project.memos.list() if m.start is not None]
        assert (memo.start, memo.end) == (text.index(note), text.index(note) + len(note))
