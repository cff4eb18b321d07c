"""Names outside the texts are pseudonymised too, and every exporter refuses a planted original."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding.commands import ApplyCodes, SetDocumentAttribute, SetMemo
from coding.interchange_db import snapshot
from coding.memos import MemoTarget
from coding.project import Project
from coding.pseudonymise import OriginalInExport, service
from tests.coding.test_pseudonymise_service import make_project


def pseudonymised(tmp_path: Path) -> Project:
    project = make_project(tmp_path)
    doc = project.documents.by_name("R01.txt")
    # A docx metadata table puts the respondent's name in an attribute; a memo names her too.
    project.execute(SetDocumentAttribute(doc.id, "Respondent", "Shanice Pinas (dochter)"))
    project.execute(SetMemo(MemoTarget(document_id=doc.id), "Gesprek met Shanice thuis."))
    text = project.documents.text(doc.id)
    start = text.index("zat op")
    project.execute(ApplyCodes(doc.id, start, start + 6, [project.codes.by_path("toegang").id],
                               memo="Shanice vertelt"))
    service.add_names(project, ["Shanice Pinas"])
    entities = service.detect(project, use_deduce=False)
    project.execute(service.ApplyPseudonyms(entities))
    return project


def test_attribute_values_and_memos_are_pseudonymised_and_restored_by_undo(
        tmp_path: Path) -> None:
    with pseudonymised(tmp_path) as project:
        doc = project.documents.by_name("R01.txt")
        attrs = project.documents.get(doc.id).attributes
        assert "Shanice" not in attrs["Respondent"] and "(dochter)" in attrs["Respondent"]
        assert "Shanice" not in project.memos.get(MemoTarget(document_id=doc.id))
        assert "Shanice" not in project.segments.query()[0].memo
        project.history.undo()
        assert project.documents.get(doc.id).attributes["Respondent"] == "Shanice Pinas (dochter)"
        assert project.memos.get(MemoTarget(document_id=doc.id)) == "Gesprek met Shanice thuis."
        assert project.segments.query()[0].memo == "Shanice vertelt"


def test_every_exporter_refuses_an_original_planted_after_pseudonymisation(
        tmp_path: Path) -> None:
    from exports.chapter import ChapterOptions, write_chapter
    from exports.tables import write_csv, write_xlsx

    with pseudonymised(tmp_path) as project:
        # Clean: each export is written.
        write_chapter(project, ChapterOptions(), tmp_path / "ok.docx")
        snapshot(project)
        # The researcher writes the original name into a theme memo afterwards.
        code = project.codes.by_path("toegang")
        project.execute(SetMemo(MemoTarget(code_id=code.id), "Shanice wachtte lang."))
        with pytest.raises(OriginalInExport):
            write_chapter(project, ChapterOptions(), tmp_path / "planted.docx")
        assert not (tmp_path / "planted.docx").exists()
        with pytest.raises(OriginalInExport):
            snapshot(project)  # the .qdpx/.qdc path
        seg = project.segments.query()[0]
        from coding.commands import EditSegment

        project.execute(EditSegment(seg.document_id, seg.id, memo="over SHANICE"))
        with pytest.raises(OriginalInExport):
            write_xlsx(project, tmp_path / "planted.xlsx")
        with pytest.raises(OriginalInExport):
            write_csv(project, tmp_path / "planted.csv")
        assert not (tmp_path / "planted.xlsx").exists() and not (tmp_path / "planted.csv").exists()


def test_a_name_only_in_an_attribute_is_detected_and_replaced(tmp_path: Path) -> None:
    with make_project(tmp_path) as project:
        doc = project.documents.by_name("R01.txt")
        project.execute(SetDocumentAttribute(doc.id, "Interviewer", "Jeroen Bakker"))
        service.add_names(project, ["Jeroen Bakker"])
        entities = service.detect(project, use_deduce=False)
        jeroen = next(e for e in entities if "Jeroen Bakker" in e.forms)
        assert [m.document for m in jeroen.mentions] == ["R01.txt [Interviewer]"]
        project.execute(service.ApplyPseudonyms(entities))
        value = project.documents.get(doc.id).attributes["Interviewer"]
        assert "Jeroen" not in value and value == jeroen.replacement
