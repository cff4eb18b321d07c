"""The workbench gets out of the way: analysis views open as central tabs without squeezing the
docks, a broken saved layout is reset, View → Restore default layout works, there is one
search (Ctrl+F) with the whole turn as context, and valence is shown and changed in one click."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit

from app.busy import BusyIndicator
from app.main_window import MainWindow
from coding.types import Valence
from tests.app.conftest import import_files

VIEWS = ("actionCounts", "actionMatrix", "actionCooccurrence", "actionComparison",
         "actionAgreement")


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def _dock(window: MainWindow, name: str) -> QDockWidget:
    dock = window.findChild(QDockWidget, name)
    assert dock is not None, name
    return dock


def _coded_window(qtbot, window, tmp_path: Path, transcript_file: Path):  # type: ignore[no-untyped-def]
    project = window.create_project(tmp_path / "indeling.duiding", "jeugdhulp")
    import_files(qtbot, window, [transcript_file])
    doc = project.documents.list()[0]
    window.coding.open_document(doc.id)
    return project, doc


def _select(view, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_analysis_views_open_as_tabs_and_the_docks_keep_their_width(
        qtbot, window, tmp_path: Path, transcript_file: Path) -> None:
    _coded_window(qtbot, window, tmp_path, transcript_file)
    codes, documents = _dock(window, "codesDock"), _dock(window, "documentsDock")
    widths = (codes.width(), documents.width())
    assert codes.widget().width() >= 270  # room for the code names beside their counts
    for name in VIEWS:
        _action(window, name).trigger()
        qtbot.wait(10)
    assert window.tabs.count() == 1 + len(VIEWS)  # the transcript and five views
    assert window.tabs.currentWidget().objectName() == "agreementView"
    assert not [d for d in window.findChildren(QDockWidget) if d.objectName().endswith("ViewDock")]
    assert (codes.width(), documents.width()) == widths  # nothing squeezed
    # every view says what it shows and links to its manual section
    for i in range(1, window.tabs.count()):
        label = window.tabs.widget(i).findChild(QLabel, "viewExplanation")
        assert label is not None and 'href="analyse.md#' in label.text()
        assert str(label.property("manualPage")) == "analyse.md" and label.property("manualAnchor")
    # a jump from a view brings the transcript back
    counts = window.tabs.views["countsView"][0]
    doc_id = window.coding.document_id
    counts.jump(int(doc_id), 0, 5)
    assert window.tabs.currentWidget() is window.transcript_area
    # the transcript tab cannot be closed; a view's can, and opens again from the menu
    window.tabs.close_tab(0)
    assert window.tabs.widget(0) is window.transcript_area
    window.tabs.close_tab(window.tabs.indexOf(counts))
    assert window.tabs.indexOf(counts) < 0
    _action(window, "actionCounts").trigger()
    assert window.tabs.currentWidget() is counts


def test_the_layout_and_open_views_survive_a_restart_and_a_broken_one_is_reset(
        qtbot, window, tmp_path: Path, transcript_file: Path) -> None:
    _coded_window(qtbot, window, tmp_path, transcript_file)
    _action(window, "actionMatrix").trigger()
    window.save_state()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.tabs.open_names() == ["matrixView"]  # the open views come back
    assert again.tabs.currentWidget() is again.transcript_area

    # A layout that cannot be restored (damaged, or saved by the version that squeezed the
    # Codes dock) is ignored: the default layout, with every dock in place.
    window.settings.setValue("window/state", QByteArray(b"\x00garbage"))
    broken = MainWindow()
    qtbot.addWidget(broken)
    broken.show()
    qtbot.waitExposed(broken)
    for name in ("documentsDock", "codesDock", "retrievalDock"):
        assert _dock(broken, name).isVisible(), name
    assert broken.codes.width() >= 270
    # A window off every screen is noticed and brought back.
    broken.move(-20000, -20000)
    assert broken.check_layout()
    assert any(s.availableGeometry().intersects(broken.frameGeometry())
               for s in broken.screen().virtualSiblings())

    # View → Restore default layout puts a closed dock back.
    _dock(window, "codesDock").close()
    assert not _dock(window, "codesDock").isVisible()
    _action(window, "actionRestoreLayout").trigger()
    assert _dock(window, "codesDock").isVisible()
    broken.ctx.close()
    again.ctx.close()


def test_one_search_opened_with_ctrl_f_shows_the_whole_turn(qtbot, window, tmp_path: Path,
                                                            transcript_file: Path) -> None:
    project, doc = _coded_window(qtbot, window, tmp_path, transcript_file)
    # The fragments dock has no search of its own any more.
    assert window.retrieval.findChildren(QLineEdit) == []
    search = _dock(window, "nlpSearchDock")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = search.widget()
    assert search.isVisible() and panel.query.hasFocus()
    assert search.isFloating() is False and window.dockWidgetArea(search) == \
        Qt.DockWidgetArea.BottomDockWidgetArea  # under the transcript, beside the fragments
    qtbot.keyClicks(panel.query, "wachtlijst")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.busy.running  # the indicator is armed; it shows once 200 ms have passed
    qtbot.waitUntil(lambda: panel.task is None and panel.model.rowCount() == 1, timeout=20000)
    assert not panel.busy.isVisible()
    # the context stays inside the hit's turn: no "Ouder:" label or interviewer question in it
    assert panel.model.index(0, 2).data() == "Heel lang. De "
    panel.table.selectRow(0)
    shown = panel.context.toPlainText()
    text = project.documents.text(doc.id)
    turn = "Heel lang. De wachtlijst was lang en niemand belde ons terug."
    assert turn in text and turn in shown and shown.count("Ouder") >= 1  # the whole turn
    # Enter jumps to the hit in the transcript
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.view.textCursor().selectedText() == "wachtlijst"


def test_the_busy_indicator_shows_only_after_200_ms(qtbot) -> None:  # type: ignore[no-untyped-def]
    busy = BusyIndicator()
    qtbot.addWidget(busy)
    busy.start("Zoeken…")
    assert not busy.isVisible()
    qtbot.waitUntil(busy.isVisible, timeout=2000)
    busy.progress(3, 10, "R03.txt")
    assert (busy.bar.value(), busy.bar.maximum()) == (3, 10)
    busy.stop()
    assert not busy.isVisible()
    busy.start("kort")
    busy.stop()  # done within 200 ms: never shown
    qtbot.wait(300)
    assert not busy.isVisible()


def test_the_selected_fragment_shows_its_valence_and_changes_it_in_one_click(
        qtbot, window, tmp_path: Path, transcript_file: Path) -> None:
    project, doc = _coded_window(qtbot, window, tmp_path, transcript_file)
    view, bar = window.view, window.coding_area.fragment_valence
    assert not bar.buttons[Valence.POSITIEF].isEnabled()  # nothing selected yet
    assert bar.buttons[Valence.POSITIEF].toolTip()
    assert window.coding_area.default_valence.toolTip()
    text = view.toPlainText()
    quote = "De wachtlijst was lang"
    a = text.index(quote)
    _select(view, a, a + len(quote))
    view.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # toegang/wachttijd
    [seg] = project.segments.for_document(doc.id)
    steps = window.ctx.undo_stack.count()
    assert bar.segment is not None and bar.segment.id == seg.id  # the new fragment is shown
    assert bar.buttons[Valence.NEUTRAAL].isChecked()  # ...with the valence it really got
    assert "wachttijd" in bar.title.text()

    qtbot.mouseClick(bar.buttons[Valence.AANDACHTSPUNT], Qt.MouseButton.LeftButton)
    assert project.segments.get(seg.id).codings[0].valence == Valence.AANDACHTSPUNT
    assert bar.buttons[Valence.AANDACHTSPUNT].isChecked()
    assert not bar.buttons[Valence.NEUTRAAL].isChecked()
    assert window.coding_area.default_valence.value() == Valence.NEUTRAAL  # the default is a separate thing
    assert window.ctx.undo_stack.count() == steps + 1  # one step

    qtbot.keyClick(view, Qt.Key.Key_Plus)  # the keys + − 0 do the same
    assert project.segments.get(seg.id).codings[0].valence == Valence.POSITIEF
    assert bar.buttons[Valence.POSITIEF].isChecked()
    window.ctx.undo_stack.undo()
    assert bar.buttons[Valence.AANDACHTSPUNT].isChecked()  # undo shows on the toolbar too

    # A plain click outside any fragment deselects; a click inside selects it again.
    cursor = view.textCursor()
    cursor.setPosition(0)
    view.setTextCursor(cursor)
    assert bar.segment is None and not bar.buttons[Valence.POSITIEF].isEnabled()
    cursor.setPosition(a + 3)
    view.setTextCursor(cursor)
    assert bar.segment is not None and bar.segment.id == seg.id
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert project.segments.get(seg.id).codings[0].valence == Valence.NEUTRAAL

