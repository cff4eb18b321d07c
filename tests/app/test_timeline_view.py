"""The timeline view on the generated ten-family study, driven through the real workbench."""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from app.panels.event_dialog import EventDialog
from app.panels.timeline_canvas import lane_title
from app.panels.timeline_view import TimelineView
from coding.timeline import perspective
from tests.history_study import FAMILIES, expected_durations, study_file
from tests.translations import assert_placeholders_kept, extracted, translated

REPO = Path(__file__).resolve().parent.parent.parent
TS = REPO / "resources" / "translations" / "timeline_nl.ts"
MODULES = ("app/panels/timeline_view.py", "app/panels/timeline_canvas.py",
           "app/panels/event_dialog.py", "app/panels/event_types_dialog.py")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return study_file(tmp_path_factory.mktemp("gui-history"))


@pytest.fixture
def win(window, built: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "studie.duiding"
    shutil.copy(built, path)
    assert window.open_project(path) is not None
    return window


def _view(win) -> tuple[TimelineView, QWidget]:  # type: ignore[no-untyped-def]
    """The view opens as a tab beside the transcript (its 'dock' here is the view itself)."""
    win.findChild(type(win.menu("analysis").actions()[0]), "actionTimeline").trigger()
    view = win.tabs.currentWidget()
    assert isinstance(view, TimelineView)
    return view, view


def test_each_family_shows_its_lanes_and_events(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    view, dock = _view(win)
    assert dock.isVisible()
    for fam in FAMILIES:
        view.select_case(fam.case)
        qtbot.waitUntil(lambda: view.canvas.markers != [] or not view.canvas.isVisible())
        view.canvas.repaint()
        lanes = [perspective(iv.respondent_type) for iv in fam.interviews]
        expected = [p for p in ("ouder", "jongere", "hulpverlener", "school") if p in lanes]
        assert list(view.canvas.lane_y) == expected, fam.case
        ys = [view.canvas.lane_y[lane] for lane in expected]
        assert ys == sorted(ys)  # top to bottom in the fixed order
        markers = view.canvas.markers
        assert len(markers) == sum(len(iv.events) for iv in fam.interviews)
        for m in markers:  # every event sits on its teller's lane
            iv = next(iv for iv in fam.interviews if iv.file == m.event.document)
            assert m.centre.y() == view.canvas.lane_y[perspective(iv.respondent_type)]
        if fam.contradiction:
            assert "7 maanden (ouder) vs 16 weken (hulpverlener)" in view.contradictions.text()
            waits = [m for m in markers if m.event.type == "wachttijd"]
            assert len({round(m.centre.x()) for m in waits}) == 1  # side by side
        else:
            assert view.contradictions.isHidden()


def test_click_jumps_to_the_passage_and_zoom_widens(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    view, _dock = _view(win)
    view.select_case("G-02")
    view.canvas.repaint()
    signal = next(m for m in view.canvas.markers if m.event.type == "signaal")
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=signal.centre.toPoint())
    assert win.coding.document_id == signal.event.document_id
    assert win.view.selection_cp() == (signal.event.start, signal.event.end)
    assert win.tabs.currentWidget() is win.transcript_area  # the jump shows the transcript
    win.tabs.setCurrentWidget(view)  # and the user clicks the timeline's tab again
    before = view.canvas.width()
    qtbot.mouseClick(view.zoom_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.canvas.width() > before)
    view.canvas.repaint()
    dated = sorted((m for m in view.canvas.markers if m.event.moment.dated),
                   key=lambda m: m.centre.x())
    assert dated[-1].centre.x() - dated[0].centre.x() > 0


def test_durations_table_matches_the_truth(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    view, _dock = _view(win)
    view.by_box.setCurrentIndex(view.by_box.findText("gemeente"))
    table = view.durations_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[2:] == ["Duinmeer", "Westerveen"]
    changes = [f.changes for f in FAMILIES]
    assert table.item(2, 1).text() == (f"{statistics.median(changes):g} ({min(changes)}–"
                                       f"{max(changes)}; n={len(changes)})")
    for column, gemeente in ((2, "Duinmeer"), (3, "Westerveen")):  # the same format per group
        mine = [f.changes for f in FAMILIES if f.gemeente == gemeente]
        assert table.item(2, column).text() == (f"{statistics.median(mine):g} ({min(mine)}–"
                                                f"{max(mine)}; n={len(mine)})")
    view.select_case("G-01")
    want = expected_durations(FAMILIES[0])
    assert f"{want['signal_to_help']:.1f}".replace(".", ",") in view.case_line.text()


def test_marking_from_the_transcript_menu_is_undoable_and_shows(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    view, _dock = _view(win)
    view.select_case("G-03")
    p = win.ctx.project
    doc = p.documents.by_name("F03_jongere.txt")
    text = p.documents.text(doc.id)
    quote = "Dank u wel voor het gesprek over gezin 3."
    start = text.index(quote)
    win.coding.jump_to(doc.id, start, start + len(quote))
    view.canvas.repaint()
    before = len(view.canvas.markers)
    menu = win.coding.build_context_menu(start + 3)
    action = next(a for a in menu.actions() if a.objectName() == "actionMarkEvent")
    assert action.isEnabled()
    dialog = EventDialog(win.ctx, doc.id, start, start + len(quote), parent=win)
    dialog.type_box.setCurrentIndex(dialog.type_box.findText("nazorg"))
    assert dialog.findChild(QPushButton, "useMomentSuggestion") is None  # no date in the words
    dialog.moment_edit.setText("vorig jaar in maart")
    assert dialog.reading.text() == "= maart 2023"
    dialog.save()
    view.canvas.repaint()
    assert len(view.canvas.markers) == before + 1
    assert any(m.event.type == "nazorg" and m.event.moment.label() == "maart 2023"
               for m in view.canvas.markers)
    win.ctx.undo_stack.undo()
    view.canvas.repaint()
    assert len(view.canvas.markers) == before


def test_suggestions_wait_for_the_user(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    p = win.ctx.project
    doc = p.documents.by_name("F02_ouder.txt")
    text = p.documents.text(doc.id)
    quote = "In het voorjaar van"
    start = text.index(quote)
    dialog = EventDialog(win.ctx, doc.id, start, start + len(quote) + 5, parent=win)
    assert dialog.moment_edit.text() == ""  # shown, not filled in
    use = dialog.findChild(QPushButton, "useMomentSuggestion")
    assert use is not None
    qtbot.mouseClick(use, Qt.MouseButton.LeftButton)
    assert dialog.moment_edit.text().startswith(str(FAMILIES[1].start[0] + 2))


def test_export_from_the_view(qtbot, win, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view, _dock = _view(win)
    view.select_case("G-01")
    for name in ("t.png", "t.svg", "t.xlsx"):
        assert view.export_to(tmp_path / name)
        assert (tmp_path / name).stat().st_size > 1000
    assert lane_title("school") == "School"


def test_event_types_are_edited_in_a_dialog_and_undone(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    from app.panels.event_types_dialog import EventTypesDialog

    dialog = EventTypesDialog(win.ctx, win)
    table = dialog.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())][:3] == [
        "signaal", "aanmelding", "wachttijd"]
    dialog.add_type()
    assert table.item(table.rowCount() - 1, 0).text() == "new type"
    table.item(table.rowCount() - 1, 0).setText("huisbezoek")
    assert win.ctx.project.events.type_by_name("huisbezoek")
    table.setCurrentCell(2, 0)  # wachttijd is used by events: refused, list unchanged
    before = table.rowCount()
    errors: list[BaseException] = []
    win.ctx.error.connect(errors.append)
    dialog.remove_type()
    assert errors and "events have the type 'wachttijd'" in str(errors[0])
    assert table.rowCount() == before
    win.ctx.undo_stack.undo()  # the rename
    win.ctx.undo_stack.undo()  # the new type
    assert table.rowCount() == before - 1


def test_export_dialog_offers_the_history_section(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    from app.panels.export_dialog import ExportDialog

    dialog = ExportDialog(win.ctx, win)
    qtbot.addWidget(dialog)
    assert not dialog.request().chapter.include_history
    dialog.include_history.setChecked(True)
    assert dialog.request().chapter.include_history


@pytest.fixture
def dutch(qapp):  # type: ignore[no-untyped-def]
    from app import i18n

    assert i18n.install(qapp, "nl") == "nl"
    yield
    i18n.install(qapp, "en")


def test_the_view_speaks_dutch(qtbot, dutch, win, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view, dock = _view(win)
    assert win.tabs.tabText(win.tabs.indexOf(view)) == "Hulpgeschiedenis per gezin"
    view.select_case("G-01")
    assert view.contradictions.text().startswith("Verhalen die elkaar tegenspreken:")
    assert view.durations_table.horizontalHeaderItem(1).text() == "Alle gezinnen"
    win.resize(1600, 900)
    qtbot.wait(50)
    image = dock.grab().toImage()
    assert image.width() >= 1000 and image.pixelColor(600, 200).isValid()


def test_dutch_translation_covers_every_timeline_string(tmp_path: Path) -> None:
    found = extracted([REPO / m for m in MODULES], tmp_path)
    assert len(found) > 30
    done = translated(TS)
    assert not found - set(done), sorted(found - set(done))
    assert_placeholders_kept(done)
