"""An export that warns (issue #17): documents never pseudonymised, or detections not reviewed,
stop every export in the plan until the user allows personal data to leave.

Own material: two interviews of the same family in Harderwijk with the names a student would
leave in (a daughter, a care worker, a school), coded, so the chapter quotes them.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from coding.commands import ApplyCodes, WithdrawConsent
from coding.project import Project
from coding.pseudonymise import coverage, service
from coding.withdrawal import plan_withdrawal
from exports.plan import ExportRequest, PersonalDataInExport, run_export
from tests.helpers import project_with, pseudonymise, transcript

MOTHER = ("Interviewer: Hoe begon het?\n\n"
          "Moeder: Mijn dochter Fenna Brouwer liep vast op basisschool De Klimop. Juf Ingrid "
          "zag het als eerste. We hebben vijf maanden gewacht op een gesprek.\n\n"
          "Interviewer: En daarna?\n\n"
          "Moeder: Toen kwam Marit van het wijkteam, zij luisterde echt naar ons.")
FENNA = ("Interviewer: Wat vond jij ervan?\n\n"
         "Jongere: Ik ben Fenna. Marit vroeg wat ik zelf wilde, dat was fijn.")
LATER = ("Interviewer: Hoe was de wachttijd?\n\n"
         "Vader: Mijn zoon Daan zat thuis, meneer Okafor van school belde elke week.")


def family(tmp_path: Path) -> Project:
    project, (mother, fenna) = project_with(
        tmp_path, ("moeder_G1.txt", MOTHER, {"gemeente": "Harderwijk", "gezin": "G1"}),
        ("fenna_G1.txt", FENNA, {"gemeente": "Harderwijk", "gezin": "G1"}))
    wachttijd = project.codes.by_path("toegang/wachttijd").id
    text = project.documents.text(mother)
    start = text.index("Mijn dochter")
    project.execute(ApplyCodes(mother, start, text.index("gesprek.") + 8, [wachttijd]))
    text = project.documents.text(fenna)
    project.execute(ApplyCodes(fenna, text.index("Ik ben"), len(text),
                               [project.codes.by_path("aansluiting").id]))
    return project


def word(tmp_path: Path, name: str = "hoofdstuk.docx", **kw: bool) -> ExportRequest:
    return ExportRequest("word", tmp_path / name, **kw)  # type: ignore[arg-type]


def chapter_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(path).paragraphs)


@pytest.mark.parametrize("fmt, name", [("word", "h.docx"), ("xlsx", "f.xlsx"),
                                       ("csv", "f.csv"), ("qdpx", "p.qdpx")])
def test_a_project_never_pseudonymised_is_refused_by_every_export(
        tmp_path: Path, fmt: str, name: str) -> None:
    with family(tmp_path) as project, pytest.raises(PersonalDataInExport) as refused:
        run_export(project, ExportRequest(fmt, tmp_path / name))
    found = refused.value.found
    assert found.documents == ("moeder_G1.txt", "fenna_G1.txt") and found.total_documents == 2
    assert "Fenna" in found.names[:3] and "Marit" in found.names
    line = str(refused.value)
    assert "2 of 2 documents were never pseudonymised" in line and "Fenna" in line
    assert "--allow-personal-data" in line and "\n" not in line
    assert not (tmp_path / name).exists()


def test_allowing_personal_data_writes_the_names_and_a_codebook_never_asks(
        tmp_path: Path) -> None:
    with family(tmp_path) as project:
        result = run_export(project, word(tmp_path, allow_personal_data=True))
        assert "Fenna Brouwer" in chapter_text(result.files[0])
        run_export(project, ExportRequest("qdc", tmp_path / "codeboek.qdc"))
        assert (tmp_path / "codeboek.qdc").is_file()


def test_a_pseudonymised_project_exports_without_asking(tmp_path: Path) -> None:
    with family(tmp_path) as project:
        pseudonymise(project)
        result = run_export(project, word(tmp_path))
    text = chapter_text(result.files[0])
    assert "Fenna" not in text and "vijf maanden gewacht" in text


def test_undoing_the_pseudonymisation_brings_the_warning_back_and_redo_removes_it(
        tmp_path: Path) -> None:
    with family(tmp_path) as project:
        entities = service.detect(project, use_deduce=False)
        service.save_review(project, entities)
        project.execute(service.ApplyPseudonyms(entities))
        run_export(project, word(tmp_path, "na_toepassen.docx"))
        project.history.undo()
        with pytest.raises(PersonalDataInExport) as refused:
            run_export(project, word(tmp_path, "na_ongedaan.docx"))
        assert refused.value.found.documents == ("moeder_G1.txt", "fenna_G1.txt")
        assert refused.value.found.unreviewed > 0  # the key's entries are proposed again
        assert not (tmp_path / "na_ongedaan.docx").exists()
        project.history.redo()
        run_export(project, word(tmp_path, "na_opnieuw.docx"))
    assert "Fenna" not in chapter_text(tmp_path / "na_opnieuw.docx")


def test_a_document_imported_after_pseudonymisation_is_named(tmp_path: Path) -> None:
    with family(tmp_path) as project:
        pseudonymise(project)
        project.documents.add_transcript(transcript("vader_G2.txt", LATER,
                                                    {"gemeente": "Harderwijk"}))
        with pytest.raises(PersonalDataInExport) as refused:
            run_export(project, word(tmp_path))
        found = refused.value.found
        assert found.documents == ("vader_G2.txt",) and found.total_documents == 3
        assert "Daan" in found.names and "Fenna" not in found.names
        assert str(refused.value).startswith("export refused: 1 of 3 documents")


def test_unreviewed_detections_alone_trigger_the_warning(tmp_path: Path) -> None:
    with family(tmp_path) as project:
        pseudonymise(project)
        assert not coverage.personal_data(project)
        # Later the researcher adds a name the rules missed and detects again, without
        # applying: the detection waits in the review.
        assert "Brouwer" in project.documents.text(project.documents.by_name("moeder_G1.txt").id)
        service.add_names(project, ["Brouwer"])
        service.save_review(project, service.detect(project, use_deduce=False))
        with pytest.raises(PersonalDataInExport) as refused:
            run_export(project, word(tmp_path))
        found = refused.value.found
        assert found.documents == () and found.unreviewed == 1 and found.names == ("Brouwer",)
        assert "1 detected name(s) are not reviewed (names found: Brouwer)" in str(refused.value)
        # Consent lets it out, and covers the guard's "detected but not applied" too.
        result = run_export(project, word(tmp_path, "toch.docx", allow_personal_data=True))
        assert "Brouwer" in chapter_text(result.files[0])


def test_a_detection_that_finds_nothing_still_records_the_documents(tmp_path: Path) -> None:
    project, _ids = project_with(tmp_path, ("anoniem.txt", "Interviewer: Hoe ging het?\n\n"
                                            "Ouder: We wachtten lang op de eerste afspraak.",
                                            {}))
    with project:
        assert coverage.personal_data(project).documents == ("anoniem.txt",)
        assert service.detect(project, use_deduce=False) == []
        project.execute(service.ApplyPseudonyms([]))
        assert not coverage.personal_data(project)


def test_a_withdrawn_document_takes_its_record_along(tmp_path: Path) -> None:
    with family(tmp_path) as project:
        pseudonymise(project)
        fenna = project.documents.by_name("fenna_G1.txt").id
        assert fenna in coverage.pseudonymised(project)
        plan = plan_withdrawal(project, document="fenna_G1.txt")
        project.execute(WithdrawConsent.confirmed(plan, remove_backups=False))
        assert coverage.pseudonymised(project) == {
            project.documents.by_name("moeder_G1.txt").id}
