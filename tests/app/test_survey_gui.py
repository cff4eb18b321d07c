"""The questionnaire import dialog and the figures view, driven as a researcher would."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from app.panels.export_dialog import ExportDialog
from app.panels.survey_figures import SurveyFiguresView
from app.panels.survey_import import (
    COL_ROLE,
    COL_SOURCE,
    COL_STORED,
    SurveyImportDialog,
    open_survey_import,
)
from coding.survey.mapping import Role
from tests.helpers import pseudonymise
from tests.survey_data import (
    CIJFER,
    EMAIL,
    GEMEENTE,
    SNEL,
    TIPS,
    TYPE,
    make_questionnaire,
    write_csv,
    write_xlsx,
)
from tests.survey_data import expected_top_box as top_box
from tests.translations import assert_placeholders_kept, extracted, translated

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "survey_nl.ts"
MODULES = ("survey_import.py", "survey_figures.py")


@pytest.fixture
def win(window, tmp_path: Path):  # type: ignore[no-untyped-def]
    window.create_project(tmp_path / "ceo.duiding", "jeugdhulp")
    return window


def open_dialog(qtbot, win, path: Path) -> SurveyImportDialog:  # type: ignore[no-untyped-def]
    task = open_survey_import(win.ctx, win, path)
    assert task is not None
    qtbot.waitUntil(lambda: win.findChild(SurveyImportDialog) is not None, timeout=20000)
    dialog = win.findChild(SurveyImportDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def cell(dialog: SurveyImportDialog, column: str, col: int) -> str:
    return dialog.grid.item(dialog.row_of(column), col).text()


def role(dialog: SurveyImportDialog, column: str) -> Role:
    combo = dialog.grid.cellWidget(dialog.row_of(column), COL_ROLE)
    assert isinstance(combo, QComboBox)
    return combo.currentData()


def run_import(qtbot, win, dialog: SurveyImportDialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.import_button.isEnabled(), dialog.problems.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "surveyImported") is not None,
                    timeout=30000)
    box = win.findChild(QMessageBox, "surveyImported")
    box.accept()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # closed and deleted
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "surveyImported") is None)


def test_walk_the_mapping_then_reimport_next_year_with_it(qtbot, win, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = write_xlsx(make_questionnaire(2023, 60, small_count=4), tmp_path / "CEO 2023.xlsx")
    dialog = open_dialog(qtbot, win, first)
    # the guess, shown per column
    assert role(dialog, "Respondentnummer") == Role.ID
    assert role(dialog, GEMEENTE) == Role.ATTRIBUTE and cell(dialog, GEMEENTE, COL_STORED) == \
        "gemeente"
    assert role(dialog, EMAIL) == Role.IGNORE  # personal data stays out
    assert role(dialog, SNEL) == Role.CLOSED
    assert cell(dialog, SNEL, COL_SOURCE) == "guessed"
    assert dialog.meting.text() == "2023"  # from the file name
    dialog.grid.grab().save(str(tmp_path / "dialog.png"))
    # correct it: tips are left out, the type column gets our own name, the grade is an
    # attribute, and only 'altijd' counts for 'Ik ben snel geholpen'
    dialog.set_role(TIPS, Role.IGNORE)
    dialog.set_role(CIJFER, Role.ATTRIBUTE)
    stored = dialog.grid.item(dialog.row_of(TYPE), COL_STORED)
    stored.setText("rol")
    dialog.grid.selectRow(dialog.row_of(SNEL))
    editor = dialog.scale_editor
    assert [editor.list.item(i).text() for i in range(editor.list.count())] == \
        ["nooit", "soms", "vaak", "altijd"]
    editor.list.item(2).setCheckState(Qt.CheckState.Unchecked)  # 'vaak' out of the top box
    assert cell(dialog, SNEL, COL_SOURCE) == "chosen"
    assert "(altijd)" in cell(dialog, SNEL, 4)
    # a wrong choice is named, and blocks the import until corrected
    dialog.set_role(GEMEENTE, Role.ID)
    assert role(dialog, "Respondentnummer") == Role.IGNORE
    dialog.set_role("Respondentnummer", Role.ID)
    dialog.set_role(GEMEENTE, Role.ATTRIBUTE)
    dialog.meting.clear()  # allowed (the figures then have one group), but said
    assert dialog.import_button.isEnabled() and "No meting" in dialog.problems.text()
    dialog.meting.setText("2023")
    assert dialog.problems.text() == ""
    run_import(qtbot, win, dialog)
    project = win.ctx.project
    assert len(project.documents.list()) == 60
    saved = project.surveys.saved_mapping()
    assert saved[TIPS].role == Role.IGNORE and saved[TYPE].attribute == "rol"
    assert saved[CIJFER].role == Role.ATTRIBUTE
    assert saved[SNEL].scale.top_box == ("altijd",)  # type: ignore[union-attr]
    assert win.ctx.undo_stack.count() == 1  # one undoable step
    # next year's file (a CSV this time): every column comes with last year's choices
    second = write_csv(make_questionnaire(2024, 70, start_id=8001, small_count=4),
                       tmp_path / "CEO 2024.csv")
    dialog = open_dialog(qtbot, win, second)
    assert {dialog.grid.item(r, COL_SOURCE).text() for r in range(dialog.grid.rowCount())} == \
        {"saved"}
    assert role(dialog, TIPS) == Role.IGNORE and cell(dialog, TYPE, COL_STORED) == "rol"
    assert "(altijd)" in cell(dialog, SNEL, 4)
    assert dialog.meting.text() == "2024"
    run_import(qtbot, win, dialog)
    assert len(project.documents.list()) == 130
    figures = project.surveys.figures()
    assert figures.metingen == ("2023", "2024")
    snel = next(f for f in figures.items if f.item.column == SNEL)
    n, pct = top_box(first, SNEL, ("altijd",))
    assert (snel.cell("2023").n, snel.cell("2023").pct) == (n, pct)  # type: ignore[union-attr]
    win.ctx.undo_stack.undo()
    assert len(project.documents.list()) == 60


def test_a_bad_file_is_named_in_the_dialog_and_nothing_is_imported(qtbot, win,  # type: ignore[no-untyped-def]
                                                                    tmp_path: Path) -> None:
    q = make_questionnaire(2024, 30)
    q.rows[7][0] = q.rows[2][0]
    dialog = open_dialog(qtbot, win, write_xlsx(q, tmp_path / "dubbel.xlsx"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "rows 4 and 9" in dialog.problems.text() and "dubbel.xlsx" in dialog.problems.text()
    assert dialog.isVisible() and not dialog.import_button.isEnabled()
    assert win.ctx.project.documents.list() == []
    dialog.reject()
    # a damaged file: one message, no dialog
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"PK\x03\x04 nope")
    open_survey_import(win.ctx, win, broken)
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "errorBox") is not None, timeout=10000)
    assert "kapot.xlsx" in win.findChild(QMessageBox, "errorBox").informativeText()


def test_figures_view_table_chart_links_and_top_box(qtbot, win, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for year, start in ((2023, 1001), (2024, 5001)):
        path = write_xlsx(make_questionnaire(year, 80, start_id=start, small_count=6),
                          tmp_path / f"ceo_{year}.xlsx")
        dialog = open_dialog(qtbot, win, path)
        run_import(qtbot, win, dialog)
    view = SurveyFiguresView(win.ctx, lambda *_: None)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    model = view.model
    assert model.headerData(2, Qt.Orientation.Horizontal) == "2023 (n=80)"
    row = next(r for r in range(model.rowCount()) if model.item_at(r).column == SNEL)  # type: ignore[union-attr]
    n23, p23 = top_box(tmp_path / "ceo_2023.xlsx", SNEL, ("vaak", "altijd"))
    n24, p24 = top_box(tmp_path / "ceo_2024.xlsx", SNEL, ("vaak", "altijd"))
    assert model.index(row, 2).data() == f"{p23}% (n={n23})"
    assert model.index(row, 4).data() == f"{p24 - p23:+d} pp"
    # split by gemeente: the small municipality is suppressed, in the table and the chart
    view.by.setCurrentIndex(view.by.findData("gemeente"))
    rows = [r for r in range(model.rowCount()) if model.index(r, 1).data() == "Heidekamp"]
    assert rows and all(model.index(r, 3).data() == "n < 10" for r in rows)
    assert all(pct is None for label, bars in view.chart.items for g, pct in bars
               if g == "Heidekamp (2024)")
    assert any(pct is not None for label, bars in view.chart.items for g, pct in bars)
    view.grab().save(str(tmp_path / "figures.png"))
    # link the item to a theme, and change its top box: both undoable
    view.by.setCurrentIndex(0)
    view.view.selectRow(row)
    view.link_selected()
    dialog = view.link_dialog
    items = dialog.tree._items  # noqa: SLF001 - the checklist's items, by code id
    wachttijd = win.ctx.project.codes.by_path("toegang/wachttijd").id
    items[wachttijd].setCheckState(0, Qt.CheckState.Checked)
    dialog.accept()
    assert win.ctx.project.surveys.item(SNEL).code_ids == (wachttijd,)
    qtbot.waitUntil(lambda: model.index(row, 5).data() == "toegang/wachttijd")
    view.view.selectRow(row)
    view.edit_top_box()
    top = view.top_box_dialog
    top.list.item(2).setCheckState(Qt.CheckState.Unchecked)
    top.accept()
    _n, only = top_box(tmp_path / "ceo_2024.xlsx", SNEL, ("altijd",))
    qtbot.waitUntil(lambda: model.index(row, 3).data().startswith(f"{only}% "))
    win.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: model.index(row, 3).data().startswith(f"{p24}% "))


def test_dutch_translation_covers_every_survey_string(tmp_path: Path) -> None:
    found = extracted([REPO / "app" / "panels" / m for m in MODULES], tmp_path)
    assert len(found) > 40
    done = translated(TS)
    assert not found - set(done)
    # strings passed through the module's _t() helper (context SurveyImport) are there too
    wrapped = re.findall(r'_t\("([^"]+)"\)', (REPO / "app/panels/survey_import.py").read_text())
    assert len(wrapped) > 10
    assert not {("SurveyImport", w) for w in wrapped} - set(done)
    undo = re.findall(r'"(?:import_survey|survey_top_box|survey_link)": QCoreApplication.translate'
                      r'\("UndoText", "([^"]+)"\)', (REPO / "app/undo.py").read_text())
    main = REPO / "resources" / "translations" / "duiding_nl.ts"  # app/*.py strings live there
    undo_nl = {msg.findtext("source") for c in ET.parse(main).getroot().iter("context")
               if c.findtext("name") == "UndoText" for msg in c.iter("message")}
    assert len(undo) == 3 and set(undo) <= undo_nl
    assert_placeholders_kept(done)


def test_the_dialog_speaks_dutch(qtbot, qapp, win, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app import i18n

    try:
        assert i18n.install(qapp, "nl") == "nl"
        path = write_xlsx(make_questionnaire(2024, 20), tmp_path / "ceo_2024.xlsx")
        dialog = open_dialog(qtbot, win, path)
        assert dialog.import_button.text() == "Importeren"
        assert cell(dialog, SNEL, COL_SOURCE) == "geraden"
        combo = dialog.grid.cellWidget(dialog.row_of(SNEL), COL_ROLE)
        assert combo.currentText() == "Gesloten vraag"
        dialog.resize(1100, 650)
        dialog.grab().save(str(tmp_path / "dialog_nl.png"))
    finally:
        i18n.install(qapp, "en")


def test_export_dialog_asks_the_questionnaire_options_only_when_there_is_one(
        qtbot, win, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    without = ExportDialog(win.ctx, win)
    qtbot.addWidget(without)
    assert not without.survey_by.isVisibleTo(without)
    path = write_xlsx(make_questionnaire(2024, 80, start_id=1, small_count=6),
                      tmp_path / "ceo_2024.xlsx")
    run_import(qtbot, win, open_dialog(qtbot, win, path))
    dialog = ExportDialog(win.ctx, win)
    qtbot.addWidget(dialog)
    dialog.set_format("word")
    dialog.tabs.setCurrentIndex(1)
    dialog.show()
    assert dialog.survey_by.isVisible() and dialog.survey_threshold.isVisible()
    by = next(n for n in win.ctx.project.attributes.names() if n.casefold() == "gemeente")
    dialog.survey_by.setCurrentIndex(dialog.survey_by.findData(by))
    assert dialog.survey_by.currentData() == by
    dialog.survey_threshold.setValue(5)
    dest = tmp_path / "hoofdstuk.docx"
    dialog.output.setText(str(dest))
    pseudonymise(win.ctx.project)  # what a researcher does before the chapter leaves
    task = dialog.start()
    assert task is not None
    qtbot.waitUntil(task.is_finished, timeout=30000)
    qtbot.waitUntil(dest.exists)
    document = docx.Document(str(dest))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "positief antwoord per gemeente" in text  # the second table's caption
    table = next(t for t in document.tables if "Heidekamp" in [c.text for c in t.rows[0].cells])
    col = [c.text for c in table.rows[0].cells].index("Heidekamp")
    shown = [row.cells[col].text for row in table.rows[1:]]
    # Heidekamp's six respondents are shown under the chosen threshold of 5 (10 would hide them)
    assert shown and all(re.search(r"%\nn = [1-9]$", c) for c in shown if c != "–"), shown
