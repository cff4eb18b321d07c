"""The researcher's flow with real widgets: new project with the built-in codebook, import,
select, code by shortcut, see the stripe, retrieve, undo/redo, jump back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from coding.types import SegmentFilter, Valence
from tests.app.conftest import import_files


def _select(view, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_code_by_shortcut_stripe_retrieval_undo_redo_and_jump(qtbot, window, tmp_path: Path,
                                                              transcript_file: Path) -> None:
    project = window.create_project(tmp_path / "studie.duiding", "jeugdhulp")
    assert project is not None
    assert "opgeslagen" in window.windowTitle() or "saved" in window.windowTitle()
    wachttijd = project.codes.by_path("toegang/wachttijd")
    assert wachttijd.shortcut == "Ctrl+2"
    import_files(qtbot, window, [transcript_file])
    doc = project.documents.list()[0]
    window.coding.open_document(doc.id)
    view = window.view
    text = view.toPlainText()
    # Select from the middle of "wachtlijst" to the middle of "lang": snapped to whole words.
    a = text.index("achtlijst was la")
    _select(view, a, a + len("achtlijst was la"))
    view.setFocus()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)

    segs = project.segments.query(SegmentFilter())
    assert len(segs) == 1
    seg = segs[0]
    assert seg.text == "wachtlijst was lang"
    assert seg.codes == ["toegang/wachttijd"]
    assert seg.coder == "Tester"
    assert seg.codings[0].valence == Valence.NEUTRAAL
    bars = view.stripe_model.bars_for_segment(seg.id)
    assert [b.path for b in bars] == ["toegang/wachttijd"]
    assert any(b.segment_id == seg.id for _rect, b in view.stripes.visible_bars())
    assert len(view.extraSelections()) == 1

    window.codes.select_code(wachttijd.id)
    assert window.retrieval.segments.rowCount() == 1
    assert window.retrieval.segments.segment(0).id == seg.id
    # counts follow right after (deferred one event-loop turn, coalesced)
    qtbot.waitUntil(lambda: window.codes.model.index_of(wachttijd.id, 1).data() == 1)

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.segments.query(SegmentFilter()) == []
    assert view.stripe_model.bars == []
    qtbot.waitUntil(lambda: window.retrieval.segments.rowCount() == 0)
    qtbot.keyClick(view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    redone = project.segments.query(SegmentFilter())
    assert [(s.id, s.text) for s in redone] == [(seg.id, "wachtlijst was lang")]
    assert view.stripe_model.bars_for_segment(seg.id)

    # Move away, then double-click the fragment in retrieval: back in the transcript, selected.
    _select(view, 0, 0)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: window.retrieval.segments.rowCount() == 1)
    table = window.retrieval.table
    rect = table.visualRect(window.retrieval.segments.index(0, 1))  # the fragment's text
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.coding.document_id == doc.id
    assert view.selection_cp() == (seg.start, seg.end)
    assert view.textCursor().selectedText() == "wachtlijst was lang"


def test_valence_in_vivo_memo_key_quote_span_and_remove(qtbot, window, tmp_path: Path,
                                                        transcript_file: Path) -> None:
    project = window.create_project(tmp_path / "p.duiding", "jeugdhulp")
    import_files(qtbot, window, [transcript_file])
    doc = project.documents.list()[0]
    window.coding.open_document(doc.id)
    view, coding = window.view, window.coding
    text = view.toPlainText()
    a = text.index("de hulpverlener luisterde echt")
    _select(view, a, a + len("de hulpverlener luisterde echt"))
    valence = window.coding_area.default_valence.combo
    valence.setCurrentIndex(valence.findData(Valence.POSITIEF))
    relatie = project.codes.by_path("aansluiting/relatie")
    deskundig = project.codes.by_path("aansluiting/deskundigheid")
    seg_id = coding.apply_codes([relatie.id, deskundig.id])  # several codes at once
    seg = project.segments.get(seg_id)
    assert seg.codes == ["aansluiting/relatie", "aansluiting/deskundigheid"]
    assert {c.valence for c in seg.codings} == {Valence.POSITIEF}
    assert len(view.stripe_model.bars_for_segment(seg_id)) == 2
    assert len({b.column for b in view.stripe_model.bars}) == 2  # overlapping: side by side

    assert coding.set_valence(seg_id, relatie.id, Valence.AANDACHTSPUNT)
    assert coding.set_memo(seg_id, "mooi citaat")
    assert coding.set_key_quote(seg_id, True)
    seg = project.segments.get(seg_id)
    assert (seg.memo, seg.key_quote) == ("mooi citaat", True)
    assert seg.codings[0].valence == Valence.AANDACHTSPUNT
    assert "mooi citaat" in view.stripes.tooltip(view.stripe_model.bars_for_segment(seg_id)[0])

    b = text.index("luisterde echt")
    _select(view, b, b + len("luisterde echt"))
    assert coding.change_span(seg_id)
    assert project.segments.get(seg_id).text == "luisterde echt"

    c = text.index("niemand belde ons terug")
    _select(view, c, c + len("niemand belde ons terug"))
    vivo = coding.in_vivo()
    # In-vivo codes gather under "In vivo" (created on first use), not as a sixth theme.
    assert project.segments.get(vivo).codes == ["In vivo/niemand belde ons terug"]
    assert window.codes.model.index_of(
        project.codes.by_path("In vivo/niemand belde ons terug").id).isValid()
    window.ctx.undo_stack.undo()  # one step removes the coding, the code and its new parent
    assert not [c for c in project.codes.tree() if c.path.startswith("In vivo")]
    window.ctx.undo_stack.redo()
    assert project.segments.get(vivo).codes == ["In vivo/niemand belde ons terug"]
    window.ctx.undo_stack.undo()

    assert coding.remove_coding(seg_id, relatie.id)
    assert project.segments.get(seg_id).codes == ["aansluiting/deskundigheid"]
    assert coding.remove_coding(seg_id)
    assert project.segments.query(SegmentFilter()) == []
    menu = coding.build_context_menu(0)
    assert menu.actions()  # builds without a selection or segments


def test_blind_coding_hides_other_coders(qtbot, window, tmp_path: Path,
                                         transcript_file: Path) -> None:
    from coding.commands import ApplyCodes

    project = window.create_project(tmp_path / "b.duiding", "jeugdhulp")
    import_files(qtbot, window, [transcript_file])
    doc = project.documents.list()[0]
    code = project.codes.by_path("toegang/wachttijd").id
    window.ctx.run(ApplyCodes(doc.id, 40, 45, [code], coder="Ander"))
    window.coding.open_document(doc.id)
    assert len(window.view.stripe_model.bars) == 1
    window.coding_area.show_others.setChecked(False)
    assert window.view.stripe_model.bars == []
    window.coding_area.show_others.setChecked(True)
    assert len(window.view.stripe_model.bars) == 1


def test_dropping_files_on_the_window_imports_them(qtbot, window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   transcript_file: Path) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QMessageBox

    project = window.create_project(tmp_path / "studie.duiding", "jeugdhulp")
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"not a zip")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(transcript_file)), QUrl.fromLocalFile(str(broken))])
    # Qt delivers drops only inside a real drag; offscreen there is none, so the window's
    # own handlers get the real event objects a drag would bring.
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()  # the window takes files while a project is open
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 1, timeout=15000)
    assert [d.name for d in project.documents.list()] == [transcript_file.name]
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "importSummary") is not None,
                    timeout=5000)
    summary = window.findChild(QMessageBox, "importSummary")
    shown = summary.text() + summary.informativeText() + summary.detailedText()
    assert "kapot.docx" in shown  # the broken file is named in the summary, not imported
    summary.accept()


def test_the_empty_view_says_what_to_do_next(qtbot, window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             transcript_file: Path) -> None:
    # No project: the start page offers the next steps as buttons (no command line).
    assert window.transcript_area.currentWidget() is window.start_page
    page = window.start_page
    assert page.new_button.isVisible() and page.demo_button.isVisible()
    assert "--demo" not in page.text.text()
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    demo = window.ctx.project
    assert demo is not None and demo.documents.list()
    assert window.transcript_area.currentWidget() is not page  # the demo transcript is open
    assert window.view.toPlainText() == demo.documents.text(window.coding.document_id)
    # A project without transcripts: Import, and nothing else.
    window.create_project(tmp_path / "studie.duiding", "jeugdhulp")
    assert window.transcript_area.currentWidget() is page
    assert page.import_button.isVisible() and not page.demo_button.isVisible()
    # After the import the first transcript is open; no stale "no transcripts yet" text.
    import_files(qtbot, window, [transcript_file])
    qtbot.waitUntil(lambda: window.coding.document_id is not None, timeout=5000)
    assert window.transcript_area.currentWidget() is not page
    assert window.view.toPlainText() == window.ctx.project.documents.text(
        window.coding.document_id)
