"""The speakers dialog shows the one guesser's role beside the researcher's choice; the choice wins."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox

from app.attributes_dialog import SpeakersDialog
from coding.project import Project
from coding.types import SpeakerRole
from tests.helpers import transcript


def test_guess_beside_the_choice_and_the_choice_counts(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "groep.duiding"
    text = "Moderator: Welkom.\n\nTolk: Zij zegt dank.\n\nSpreker 1: Dank u."
    with Project.create(path) as p:
        p.documents.add_transcript(transcript("groep.txt", text))
    project = window.open_project(path)
    doc = project.documents.by_name("groep.txt")
    dialog = SpeakersDialog(window.ctx, doc.id, window)
    qtbot.addWidget(dialog)
    table = dialog.table

    def row(label: str) -> int:
        return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == label)

    guesses = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert guesses == {"Moderator": "interviewer", "Tolk": "other", "Spreker 1": "respondent"}
    combo = table.cellWidget(row("Spreker 1"), 1)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(SpeakerRole.INTERVIEWER))  # the researcher knows
    roles = {s.label: s.role for s in project.documents.speakers(doc.id)}
    assert roles["Spreker 1"] == SpeakerRole.INTERVIEWER
    assert table.item(row("Spreker 1"), 2).text() == "respondent (your choice differs)"
    window.ctx.undo_stack.undo()
    assert {s.label: s.role for s in project.documents.speakers(doc.id)}["Spreker 1"] == \
        SpeakerRole.RESPONDENT
