"""The theme synthesis workspace with real widgets: a memo typed beside the theme's fragments
opens the theme in the Word chapter; the counts are the chapter's; key quotes are marked in one
undo step; quotes are inserted as references; document, case and project memos."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app import i18n
from app.attributes_dialog import AttributesDialog
from app.main_window import MainWindow
from app.memo_editor import MemoDialog
from app.synthesis import ThemeFragmentModel
from coding.commands import ApplyCodes, AssignCase
from coding.memos import MemoTarget
from coding.project import Project
from coding.types import SegmentFilter, Valence
from exports.chapter import ChapterOptions, theme_counts_text, write_chapter
from tests.corpus_coding import code_corpus
from tests.exports.test_chapter import section_of
from tests.helpers import transcript

MEMO = "Wachten is voor ouders het grootste knelpunt in de toegang."


def _open(qtbot, window, path: Path) -> Project:  # type: ignore[no-untyped-def]
    project = window.open_project(path)
    assert project is not None
    window.show_synthesis()
    qtbot.waitUntil(window.synthesis.isVisible)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return project


def _type_memo(qtbot, panel, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(panel.editor.edit.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.editor.edit, text)
    with qtbot.waitSignal(panel.editor.saved, timeout=5000):
        pass


def _select_row(panel, row: int) -> None:  # type: ignore[no-untyped-def]
    panel.table.selectRow(row)


def test_theme_memo_typed_in_the_workspace_opens_the_theme_in_the_chapter(
        qtbot, window, tmp_path: Path, corpus_dir: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "corpus.duiding"
    with Project.create(path, coder="Sanne") as setup:
        code_corpus(setup, corpus_dir)
    project = _open(qtbot, window, path)
    panel = window.synthesis
    toegang = project.codes.by_path("toegang")
    window.codes.select_code(toegang.id)  # the code tree's selection is the workspace's theme
    qtbot.waitUntil(lambda: panel.code is not None and panel.code.id == toegang.id)
    assert panel.model.rowCount() == len(project.segments.query(
        SegmentFilter(code_ids=(toegang.id,))))
    # The counts shown are the chapter's own sentence.
    assert panel.counts.text().endswith(theme_counts_text(project, toegang.id))
    assert "Genoemd door" in panel.counts.text()
    _type_memo(qtbot, panel, MEMO)
    # A key quote from the list, inserted into the memo below the paragraph.
    _select_row(panel, 0)
    chosen = panel.selected()[0]
    qtbot.mouseClick(panel.findChild(QPushButton, "insertRefButton"), Qt.MouseButton.LeftButton)
    panel.editor.flush()
    stored = project.memos.get(MemoTarget(code_id=toegang.id))
    assert stored.startswith(MEMO + "\n\n[") and chosen.guid in stored
    out = write_chapter(project, ChapterOptions(), tmp_path / "hoofdstuk.docx")[0]
    chapter = docx.Document(out)
    section = section_of(chapter, "Toegang", level=1)
    assert section[0] == ("Normal", MEMO)  # the theme's opening paragraph
    assert section[1][0] == "Quote" and " ".join(chosen.text.split())[:40] in section[1][1]
    assert section[2][1].startswith("Genoemd door")


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "studie.duiding"
    texts = {
        "r1.txt": ("Interviewer: Hoe lang wachtte u?\n\nMoeder: We wachtten zeven maanden op hulp "
                   "en niemand belde ons terug.", {"respondent_type": "ouder",
                                                    "gemeente": "Westerveen"}),
        "r2.txt": ("Interviewer: En bij jou?\n\nJongere: Ik wachtte thuis op mijn kamer, het "
                   "duurde echt veel te lang.", {"respondent_type": "jongere",
                                                  "gemeente": "Duinmeer"}),
    }
    with Project.create(path, coder="Sanne") as p:
        wachttijd = p.codes.by_path("toegang/wachttijd").id
        for name, (text, attrs) in texts.items():
            doc = p.documents.add_transcript(transcript(name, text, attrs))
            start = text.index(": ", text.index("\n\n")) + 2
            p.execute(ApplyCodes(doc, start, len(text), [wachttijd], Valence.AANDACHTSPUNT))
        p.execute(AssignCase(p.documents.by_name("r1.txt").id, "G-WV-1"))
    return path


def test_counts_follow_the_attribute_filter_and_fragments_every_filter(
        qtbot, window, small: Path) -> None:  # type: ignore[no-untyped-def]
    project = _open(qtbot, window, small)
    panel = window.synthesis
    code = project.codes.by_path("toegang/wachttijd")
    panel.set_code(code.id)
    assert panel.model.rowCount() == 2
    bar = panel.filters
    bar.attribute.setCurrentIndex(bar.attribute.findData("gemeente"))
    bar.value.setCurrentIndex(bar.value.findData("Duinmeer"))
    assert panel.model.rowCount() == 1 and panel.model.segment(0).document == "r2.txt"
    assert panel.counts.text() == ("In the chapter (gemeente = Duinmeer): " + theme_counts_text(
        project, code.id, where=(("gemeente", "Duinmeer"),)))
    bar.attribute.setCurrentIndex(0)
    bar.case.setCurrentIndex(bar.case.findText("G-WV-1"))
    assert [panel.model.segment(r).document for r in range(panel.model.rowCount())] == ["r1.txt"]


def test_key_quotes_marked_in_one_undo_step(qtbot, window, small: Path) -> None:  # type: ignore[no-untyped-def]
    project = _open(qtbot, window, small)
    panel = window.synthesis
    panel.set_code(project.codes.by_path("toegang").id)
    panel.table.selectAll()
    button = panel.key_button
    assert button.text() == "Mark as key quote"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert all(s.key_quote for s in project.segments.query())
    qtbot.waitUntil(lambda: panel.model.index(0, 0).data() == "★")
    assert button.text() == "Unmark key quote"
    window.ctx.undo_stack.undo()  # both fragments, one step
    assert not any(s.key_quote for s in project.segments.query())
    qtbot.waitUntil(lambda: panel.model.index(0, 0).data() == "")


def test_an_edit_elsewhere_and_undo_show_in_the_memo(qtbot, window, small: Path) -> None:  # type: ignore[no-untyped-def]
    project = _open(qtbot, window, small)
    panel = window.synthesis
    code = project.codes.by_path("toegang")
    panel.set_code(code.id)
    _type_memo(qtbot, panel, "Eerste zin.")
    panel.set_code(project.codes.by_path("nazorg").id)  # switching saves and shows the other
    assert panel.editor.edit.toPlainText() == ""
    panel.set_code(code.id)
    assert panel.editor.edit.toPlainText() == "Eerste zin."
    window.ctx.undo_stack.undo()
    assert panel.editor.edit.toPlainText() == ""
    assert project.memos.get(MemoTarget(code_id=code.id)) == ""


def test_document_case_and_project_memos(qtbot, window, small: Path) -> None:  # type: ignore[no-untyped-def]
    project = _open(qtbot, window, small)
    doc = project.documents.by_name("r1.txt")
    window.coding.open_document(doc.id)
    # from the transcript view
    qtbot.mouseClick(window.coding_area.memo_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(MemoDialog)
    assert dialog is not None and dialog.isVisible() and "r1.txt" in dialog.windowTitle()
    dialog.editor.edit.setFocus()
    qtbot.keyClicks(dialog.editor.edit, "Open gesprek, moeder was kritisch.")
    dialog.close()  # closing saves at once
    assert project.memos.get(MemoTarget(document_id=doc.id)) == (
        "Open gesprek, moeder was kritisch.")
    # The case memo, from the Cases tab of the attributes dialog.
    window.edit_attributes(cases=True)
    attributes = window.findChild(AttributesDialog)
    page = attributes.cases
    page.view.setCurrentIndex(page.model.index(0, 0))
    qtbot.mouseClick(page.memo_button, Qt.MouseButton.LeftButton)
    case_dialog = next(d for d in window.findChildren(MemoDialog) if "G-WV-1" in d.windowTitle())
    case_dialog.editor.edit.setFocus()
    qtbot.keyClicks(case_dialog.editor.edit, "Gezin met twee kinderen.")
    case_dialog.close()
    case_id = project.attributes.cases()[0][0]
    assert project.memos.get(MemoTarget(case_id=case_id)) == "Gezin met twee kinderen."
    attributes.close()
    window.project_memo()
    project_dialog = next(d for d in window.findChildren(MemoDialog)
                          if d.editor.target == MemoTarget() and d.isVisible())
    project_dialog.editor.edit.setFocus()
    qtbot.keyClicks(project_dialog.editor.edit, "Meting 2024.")
    window.close()  # closing the window saves what was typed
    with Project.open(small) as again:
        assert again.memos.get(MemoTarget()) == "Meting 2024."


def test_fragment_model(qtmodeltester, small: Path) -> None:  # type: ignore[no-untyped-def]
    model = ThemeFragmentModel()
    with Project.open(small) as p:
        model.set_segments(p.segments.query())
    qtmodeltester.check(model)


def test_the_buttons_keep_their_dutch_text_beside_the_docks(qtbot, qapp, small: Path) -> None:  # type: ignore[no-untyped-def]
    """At 1280 × 800 with every dock open, no button under the fragments is cut short."""
    assert i18n.install(qapp, "nl") == "nl"
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        project = _open(qtbot, window, small)
        panel = window.synthesis
        panel.set_code(project.codes.by_path("toegang").id)
        panel.table.selectRow(0)
        qtbot.waitUntil(lambda: panel.key_button.isEnabled())
        for button in (panel.key_button, panel.insert_button, panel.show_button):
            assert button.text() in ("Markeer als kernquote", "In memo invoegen",
                                     "Toon in transcript")
            qtbot.waitUntil(lambda b=button: b.width() >= b.sizeHint().width())
        window.ctx.close()
    finally:
        i18n.install(qapp, "en")


def test_a_hidden_workspace_waits_and_catches_up_when_shown(
        qtbot, window, small: Path) -> None:  # type: ignore[no-untyped-def]
    """Coding with the transcript in front costs the workspace nothing (its counts run the
    chapter's own gathering); the changes show as soon as its tab comes back."""
    project = _open(qtbot, window, small)
    panel = window.synthesis
    code = project.codes.by_path("toegang/wachttijd")
    panel.set_code(code.id)
    assert panel.model.rowCount() == 2
    window.tabs.setCurrentIndex(0)  # back to the transcript
    qtbot.waitUntil(lambda: not panel.isVisible())
    doc = project.documents.by_name("r1.txt")
    window.ctx.run(ApplyCodes(doc.id, 0, 11, [code.id], Valence.POSITIEF))
    qtbot.wait(50)
    assert panel.model.rowCount() == 2  # not refreshed while hidden
    window.tabs.setCurrentIndex(window.tabs.indexOf(panel))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    assert "3 fragment" in panel.found.text()
