"""Issue #11 points 2 and 7, issue #21 items 2–4: attributes that stay, the guard's findings,
undo that re-opens the review, and an editable, undoable name list. Text written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding.commands import SetDocumentAttribute, SetMemo
from coding.memos import MemoTarget
from coding.project import Project
from coding.pseudonymise import (
    FindingKind,
    Fix,
    OriginalInExport,
    PiiType,
    allow_unreviewed,
    attributes,
    names,
    service,
)
from coding.pseudonymise.detect import NameEntry
from coding.pseudonymise.guard import check
from exports.chapter import ChapterOptions, write_chapter
from exports.tables import write_csv
from tests.helpers import project_with

R1 = ("Interviewer: Hoe ging het?\n\n"
      "Moeder: Mijn dochter Fenna zat op basisschool De Tovertuin. Juf Marleen belde mij. "
      "Die nacht met de storm sliep ze niet. We wachtten elf weken op hulp.")
R2 = ("Interviewer: En bij u?\n\n"
      "Vader: Onze zoon Tesfay kreeg hulp van mevrouw Storm. Het ging om de hoek mis. "
      "Tesfay is negen jaar.")


def studie(tmp_path: Path) -> Project:
    project, _ = project_with(
        tmp_path,
        ("R1_ouder.txt", R1, {"respondent_type": "ouder", "gemeente": "Lindewaard",
                              "meting": "2023", "naam": "Wytske Hoekstra"}),
        ("R2_ouder.txt", R2, {"respondent_type": "ouder", "gemeente": "Noorderveld",
                              "meting": "2024", "naam": "Habte"}),
    )
    return project


def apply_all(project: Project) -> list:  # type: ignore[type-arg]
    entities = service.detect(project, use_deduce=False)
    service.save_review(project, entities)
    project.execute(service.ApplyPseudonyms(entities))
    return entities


def test_structural_attributes_stay_and_identifying_ones_are_replaced(tmp_path: Path) -> None:
    with studie(tmp_path) as project:
        flags = attributes.identifying(project)
        assert flags == {"respondent_type": False, "gemeente": False, "meting": False,
                         "naam": True}
        apply_all(project)
        docs = {d.name: d.attributes for d in project.documents.list()}
        assert docs["R1_ouder.txt"]["meting"] == "2023" and docs["R2_ouder.txt"]["meting"] == "2024"
        assert docs["R1_ouder.txt"]["gemeente"] == "Lindewaard"
        assert docs["R2_ouder.txt"]["gemeente"] == "Noorderveld"
        assert docs["R1_ouder.txt"]["respondent_type"] == "ouder"
        assert "Wytske" not in docs["R1_ouder.txt"]["naam"]
        assert "Habte" not in docs["R2_ouder.txt"]["naam"]
        # The csv of fragments goes out with the municipalities and years by name.
        out = write_csv(project, tmp_path / "fragmenten.csv")
        assert out.exists()


def test_marking_an_attribute_is_undoable_and_changes_what_is_replaced(tmp_path: Path) -> None:
    with studie(tmp_path) as project:
        project.execute(attributes.MarkAttribute("naam", False))
        assert attributes.identifying(project)["naam"] is False
        project.history.undo()
        assert attributes.identifying(project)["naam"] is True
        project.history.redo()
        apply_all(project)
        assert project.documents.by_name("R1_ouder.txt").attributes["naam"] == "Wytske Hoekstra"


def test_detected_but_unapplied_names_block_export_until_allowed(tmp_path: Path) -> None:
    with studie(tmp_path) as project:
        service.save_review(project, service.detect(project, use_deduce=False))
        from coding.commands import ApplyCodes

        doc = project.documents.by_name("R2_ouder.txt")
        start = project.documents.text(doc.id).index("Onze zoon")
        project.execute(ApplyCodes(doc.id, start, start + 40,
                                   [project.codes.by_path("toegang").id]))
        with pytest.raises(OriginalInExport) as refused:
            write_csv(project, tmp_path / "fout.csv")
        assert not (tmp_path / "fout.csv").exists()
        tesfay = [f for f in refused.value.findings if f.original == "Tesfay"]
        assert tesfay and tesfay[0].kind is FindingKind.UNREVIEWED
        assert tesfay[0].document == "R2_ouder.txt" and "[Tesfay]" in tesfay[0].context
        lines = str(refused.value).splitlines()
        assert len(lines) == 1 + len(refused.value.findings)  # one line per finding
        assert any(line.startswith("R2_ouder.txt: ") for line in lines[1:])
        assert any(f.document == "R2_ouder.txt [naam]" for f in refused.value.findings)
        with allow_unreviewed():
            write_csv(project, tmp_path / "toch.csv")
        assert (tmp_path / "toch.csv").exists()


def test_the_guard_ignores_ordinary_words_and_numbers_that_are_in_the_key(
        tmp_path: Path) -> None:
    with studie(tmp_path) as project:
        entities = apply_all(project)
        assert any("Storm" in e.forms for e in entities)
        prose = ["Ouders noemen de storm in hun hoofd; elf weken wachten is lang.",
                 "Om de hoek van de school vindt men hulp; negen jaar is jong."]
        assert check(project, prose) == []
        assert [f.original for f in check(project, ["Een citaat over mevrouw Storm."])] == [
            "Storm"]


def test_undo_of_an_applied_pseudonymisation_makes_the_key_unreviewed_again(
        tmp_path: Path) -> None:
    with studie(tmp_path) as project:
        apply_all(project)
        assert check(project, [project.documents.text(d.id)
                               for d in project.documents.list()]) == []
        project.history.undo()
        texts = [project.documents.text(d.id) for d in project.documents.list()]
        found = check(project, texts)
        assert found and {f.kind for f in found} == {FindingKind.UNREVIEWED}
        assert any(f.original == "Fenna" for f in found)


def test_a_coder_named_like_someone_in_the_key_is_named_with_its_fix(tmp_path: Path) -> None:
    with studie(tmp_path) as project:
        apply_all(project)
        project.coders.ensure("Marleen de Vries")
        found = check(project, ["Gecodeerd door Marleen de Vries en Sanne."])
        assert [(f.original, f.fix, f.document) for f in found] == [
            ("Marleen", Fix.RENAME_CODER, "coder name")]


def test_a_memo_typed_after_apply_is_found_with_its_context(tmp_path: Path) -> None:
    with studie(tmp_path) as project:
        apply_all(project)
        code = project.codes.by_path("toegang")
        project.execute(SetMemo(MemoTarget(code_id=code.id), "Fenna's moeder wachtte lang."))
        with pytest.raises(OriginalInExport) as refused:
            write_chapter(project, ChapterOptions(), tmp_path / "fout.docx")
        [finding] = refused.value.findings
        assert finding.kind is FindingKind.ORIGINAL and finding.original == "Fenna's"


def test_the_name_list_is_editable_and_every_change_undoes(tmp_path: Path) -> None:
    with studie(tmp_path) as project:
        names.add_names(project, ["Wytske Hoekstra", "De Tovertuin Lindewaard"])
        project.execute(names.EditName("De Tovertuin Lindewaard", type=PiiType.SCHOOL,
                                       new_name="De Tovertuin", variants=["Tovertuin"]))
        assert names.names(project)[1] == NameEntry("De Tovertuin", PiiType.SCHOOL,
                                                    ("Tovertuin",))
        project.execute(names.RemoveName("Wytske Hoekstra"))
        assert [n.text for n in names.names(project)] == ["De Tovertuin"]
        project.history.undo()
        assert [n.text for n in names.names(project)] == ["Wytske Hoekstra", "De Tovertuin"]
        project.history.undo()
        assert names.names(project)[1] == NameEntry("De Tovertuin Lindewaard", PiiType.PERSON)
        project.history.undo()
        assert names.names(project) == []
        project.history.redo()
        assert [n.text for n in names.names(project)] == ["Wytske Hoekstra",
                                                          "De Tovertuin Lindewaard"]


def test_a_school_on_the_name_list_never_replaces_the_municipality(tmp_path: Path) -> None:
    with studie(tmp_path) as project:
        names.add_names(project, [NameEntry("Tovertuin Lindewaard", PiiType.SCHOOL)])
        project.execute(SetDocumentAttribute(project.documents.by_name("R1_ouder.txt").id,
                                             "opmerking", "In Lindewaard gesproken"))
        apply_all(project)
        texts = " ".join(project.documents.text(d.id) for d in project.documents.list())
        assert "Lindewaard" not in texts or "gemeente" in texts
        attrs = project.documents.by_name("R1_ouder.txt").attributes
        assert attrs["gemeente"] == "Lindewaard" and attrs["opmerking"] == "In Lindewaard gesproken"
