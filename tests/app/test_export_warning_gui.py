"""The export dialog asks before personal data leaves (issue #17), in Dutch, naming the count and
the first names found; "Annuleren" writes nothing, "Doorgaan met exporteren" writes the file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app import i18n, ops
from app.panels.export_dialog import ExportDialog
from app.panels.personal_data import PersonalDataWarning
from app.panels.pseudonymise import PseudonymiseDialog, open_review
from coding.pseudonymise import service
from tests.app.test_panels_analysis import Host, make_host
from tests.exports.test_export_warns import chapter_text, family
from tests.helpers import project_with, pseudonymise
from tests.translations import assert_placeholders_kept, extracted, translated

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "warn_nl.ts"


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[QApplication]:
    assert i18n.install(qapp, "nl") == "nl"
    yield qapp
    i18n.install(qapp, "en")


@pytest.fixture
def env(qtbot, tmp_path: Path) -> Iterator[Host]:  # type: ignore[no-untyped-def]
    family(tmp_path).close()
    h = make_host(qtbot, tmp_path / "studie.duiding")
    yield h
    ops.wait_all()
    h.ctx.close()


def export_word(qtbot, env: Host, dest: Path) -> ExportDialog:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(env.ctx, env.window)
    dialog.set_format("word")
    dialog.output.setText(str(dest))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dialog)
    return dialog


def wait(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    task = dialog.task
    assert task is not None
    qtbot.waitUntil(task.is_finished, timeout=20000)
    qtbot.wait(10)  # let the queued done/failed slot run


def warning(dialog: ExportDialog) -> PersonalDataWarning | None:
    shown = [b for b in dialog.findChildren(PersonalDataWarning) if b.isVisible()]
    return shown[0] if shown else None


def test_cancel_in_the_dutch_question_writes_nothing(qtbot, dutch, env: Host,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    dest = tmp_path / "hoofdstuk.docx"
    dialog = export_word(qtbot, env, dest)
    box = warning(dialog)
    assert box is not None and box.objectName() == "personalDataWarning"
    assert box.windowTitle() == "Persoonsgegevens in de export"
    text = box.informativeText()
    assert "2 documenten van de 2 zijn nooit gepseudonimiseerd." in text
    names = re.search(r"Gevonden namen: (.+)", text)
    assert names is not None and "Fenna" in names.group(1) and "Marit" in names.group(1)
    assert box.detailedText().split("\n") == ["moeder_G1.txt", "fenna_G1.txt"]
    labels = {b.objectName(): b.text() for b in box.buttons()}
    assert labels["continueExport"] == "Doorgaan met exporteren"
    assert labels["cancelExport"] == "Annuleren"
    assert labels["openReview"] == "Pseudonimiseren…"
    assert box.defaultButton() is box.cancel_button  # Enter does not send names out
    box.grab().save(str(tmp_path / "warning.png"))
    qtbot.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert warning(dialog) is None
    assert not dest.exists() and dialog.written == []
    assert dialog.export_button.isEnabled()  # the user can change the choices and try again
    assert not [b for b in env.window.findChildren(QMessageBox)
                if b.isVisible() and b.objectName() == "exportDone"]


def test_continue_writes_the_file_with_the_names(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dest = tmp_path / "hoofdstuk.docx"
    dialog = export_word(qtbot, env, dest)
    box = warning(dialog)
    assert box is not None and not dest.exists()
    qtbot.mouseClick(box.continue_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dialog)
    assert dialog.written == [dest]
    assert "Fenna Brouwer" in chapter_text(dest)
    assert warning(dialog) is None


def test_a_pseudonymised_project_exports_without_asking(qtbot, env: Host,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path) -> None:
    pseudonymise(env.ctx.project)
    dest = tmp_path / "hoofdstuk.docx"
    dialog = export_word(qtbot, env, dest)
    assert warning(dialog) is None and dialog.written == [dest]
    assert "Fenna" not in chapter_text(dest)


def test_undo_of_the_pseudonymisation_brings_the_question_back(qtbot, env: Host,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path) -> None:
    project = env.ctx.project
    entities = service.detect(project, use_deduce=False)
    service.save_review(project, entities)
    assert env.ctx.run(service.ApplyPseudonyms(entities)) is not None
    first = export_word(qtbot, env, tmp_path / "toegepast.docx")
    assert warning(first) is None and (tmp_path / "toegepast.docx").is_file()
    env.ctx.undo_stack.undo()
    again = export_word(qtbot, env, tmp_path / "ongedaan.docx")
    box = warning(again)
    assert box is not None and not (tmp_path / "ongedaan.docx").exists()
    assert "2 document(s) of 2 were never pseudonymised." in box.informativeText()
    assert "detected name(s) have not been reviewed yet." in box.informativeText()
    qtbot.mouseClick(box.cancel_button, Qt.MouseButton.LeftButton)
    env.ctx.undo_stack.redo()
    last = export_word(qtbot, env, tmp_path / "opnieuw.docx")
    assert warning(last) is None and (tmp_path / "opnieuw.docx").is_file()


def test_the_question_opens_the_review(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = export_word(qtbot, env, tmp_path / "hoofdstuk.docx")
    box = warning(dialog)
    assert box is not None
    qtbot.mouseClick(box.review_button, Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    review = [d for d in env.window.findChildren(PseudonymiseDialog) if d.isVisible()]
    assert review and not (tmp_path / "hoofdstuk.docx").exists()
    review[0].close()


def test_a_detection_that_found_nothing_can_be_applied_in_the_review(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path) -> None:
    """Otherwise a transcript without names would be asked about in every export forever."""
    project, _ids = project_with(tmp_path, ("anoniem.txt", "Interviewer: Hoe ging het?\n\n"
                                            "Ouder: We wachtten heel lang op hulp.", {}))
    project.close()
    h = make_host(qtbot, tmp_path / "studie.duiding")
    try:
        review = open_review(h.ctx, h.window)
        review.use_deduce.setChecked(False)
        assert not review.apply_button.isEnabled()
        qtbot.mouseClick(review.detect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: review.task is None, timeout=20000)
        assert review.model.rowCount() == 0 and review.apply_button.isEnabled()
        qtbot.mouseClick(review.apply_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: review.task is None and not h.ctx.busy, timeout=20000)
        review.close()
        dialog = export_word(qtbot, h, tmp_path / "hoofdstuk.docx")
        assert warning(dialog) is None and (tmp_path / "hoofdstuk.docx").is_file()
        h.ctx.undo_stack.undo()  # the record goes with the undo
        dialog = export_word(qtbot, h, tmp_path / "weer.docx")
        assert warning(dialog) is not None
    finally:
        ops.wait_all()
        h.ctx.close()


def test_dutch_translation_covers_every_warning_string(tmp_path: Path) -> None:
    found = extracted([REPO / "app/panels/personal_data.py"], tmp_path)
    assert len(found) >= 9
    done = translated(TS)
    assert not found - set(done)
    assert_placeholders_kept(done)
