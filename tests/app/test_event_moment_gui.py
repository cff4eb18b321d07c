"""The event dialog on an interview without a date or meting: relative moments say why they
cannot be placed (in Dutch too), ages read unambiguously, and nothing is saved unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.panels.event_dialog import EventDialog
from coding.project import Project
from importers.base import ImportedTranscript, Turn

TEXT = ("Interviewer: Wanneer begon het?\n\n"
        "Vader: Vorig jaar in maart belde de school. Twee maanden later kwam er iemand.\n")


def _undated_project(folder: Path) -> Path:
    path = folder / "zonder_datum.duiding"
    p = Project.create(path, coder="Sanne")
    answer = TEXT.index("Vorig")
    p.documents.add_transcript(ImportedTranscript(
        "gezin7_vader.txt", "txt", TEXT, [Turn(13, 31, "Interviewer"),
                                          Turn(answer, len(TEXT), "Vader")],
        "2" * 64, {"respondent_type": "ouder", "gezin": "G-7"}))  # no datum, no meting
    p.attributes.cases_from_attribute()
    p.close()
    return path


@pytest.fixture
def dialog(window, tmp_path: Path):  # type: ignore[no-untyped-def]
    assert window.open_project(_undated_project(tmp_path)) is not None
    p = window.ctx.project
    doc = p.documents.by_name("gezin7_vader.txt")
    start = TEXT.index("Vorig")
    return EventDialog(window.ctx, doc.id, start, TEXT.index(" Twee"), parent=window)


def test_a_relative_moment_without_interview_date_says_why(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.moment_edit.setText("vorig jaar in maart")
    assert "no date or meting" in dialog.reading.text()
    assert "vorig jaar in maart" in dialog.reading.text()
    assert not ok.isEnabled()
    dialog.save()  # even when called directly: nothing stored, no exception
    assert dialog.ctx.project.events.count() == 0
    dialog.moment_edit.setText("twee maanden later")
    assert "no dated event comes before it" in dialog.reading.text()
    dialog.moment_edit.setText("2023-03")
    assert dialog.reading.text() == "= maart 2023" and ok.isEnabled()
    dialog.moment_edit.setText("leeftijd 10,5")
    assert dialog.reading.text() == "= 10 jaar en 6 maanden"
    dialog.moment_edit.setText("leeftijd 10;6")
    assert dialog.reading.text() == "= 10 jaar en 6 maanden"


@pytest.fixture
def dutch(qapp):  # type: ignore[no-untyped-def]
    from app import i18n

    assert i18n.install(qapp, "nl") == "nl"
    yield
    i18n.install(qapp, "en")


def test_the_reason_is_dutch_in_the_dutch_interface(qtbot, dutch, dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.moment_edit.setText("vorig jaar in maart")
    assert dialog.reading.text().startswith("“vorig jaar in maart” telt vanaf de datum van het "
                                            "interview, maar dit interview heeft geen datum")


def test_marking_the_same_passage_and_type_twice_is_refused_in_the_dialog(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    ctx = dialog.ctx
    errors: list[BaseException] = []
    ctx.error.connect(errors.append)
    dialog.type_box.setCurrentIndex(dialog.type_box.findText("signaal"))
    dialog.moment_edit.setText("2023-03")
    dialog.save()
    assert ctx.project.events.count() == 1 and not errors
    again = EventDialog(ctx, dialog.doc_id, *dialog.span, parent=dialog.parent())
    again.type_box.setCurrentIndex(again.type_box.findText("signaal"))
    again.save()
    assert errors and "already marked as 'signaal'" in str(errors[0])
    assert ctx.project.events.count() == 1
