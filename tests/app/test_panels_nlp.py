"""NLP panels on real widgets and real project files: lemma search with keywords in context and
"code all hits" as one undo step, coding suggestions accepted/rejected/adjusted, and the
pseudonymisation review (name list, detect, merge, replace, apply, undo, confirm)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QDockWidget, QMainWindow, QMenu, QMessageBox

from app.context import ProjectContext
from app.i18n import parse_ts
from app.ops import wait_all
from app.panels import PanelHost, pipeline_status, pseudonymise, search, suggestions
from app.panels.pseudonym_table import EntityModel
from app.panels.pseudonymise import PseudonymiseDialog
from app.panels.search import CodeHitsDialog, SearchPanel
from app.panels.suggestions import SuggestionsPanel
from coding.project import Project
from coding.pseudonymise import service
from coding.types import Valence
from importers.batch import import_paths
from tests.translations import assert_placeholders_kept, extracted, translated

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "panels_nlp_nl.ts"
# pseudonymise.py and pseudonym_table.py: tests/app/test_pseudonymise_dialogs.py
NLP_MODULES = ["search.py", "suggestions.py", "pipeline_status.py", "nlp_common.py"]

R01 = """Interviewer: Hoe ging het met de wisselingen van hulpverleners?
Respondent: We hebben drie keer gewisseld van hulpverlener. Elke wisseling betekende dat ik mijn \
verhaal opnieuw moest vertellen. Shanice Pinas vond dat heel moeilijk.
Interviewer: En de wachttijd?
Respondent: De wachtlijst was zeven maanden. Zeven maanden wachten, terwijl het thuis steeds \
slechter ging. Shanice zat toen op basisschool De Regenboog.
Interviewer: Wie hielp er toen?
Respondent: Meneer Van Dijk van het jeugdteam belde elke week. Dat was fijn.
"""
R02 = """Interviewer: Kun je vertellen over de wisseling?
Respondent: Ik vond het wisselen van begeleider stom. Steeds een nieuwe hulpverlener. Ik moest \
alles opnieuw vertellen.
Interviewer: Hoe lang moest je wachten?
Respondent: We stonden heel lang op de wachtlijst, wel een half jaar wachten. Mijn moeder \
Fatima Bouzid belde elke week met Henk.
"""


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    docs = tmp_path / "transcripten"
    docs.mkdir()
    (docs / "R01_ouder.txt").write_text(R01, encoding="utf-8")
    (docs / "R02_jongere.txt").write_text(R02, encoding="utf-8")
    project = Project.create(tmp_path / "studie.duiding", coder="Sanne")
    assert len(import_paths(project, [docs]).imported) == 2
    yield project


class Host:
    """A PanelHost on a plain QMainWindow with a real ProjectContext and a jump recorder."""

    def __init__(self, project: Project) -> None:
        self.window = QMainWindow()
        self.ctx = ProjectContext(self.window)
        self.ctx.set_project(project)
        self.jumps: list[tuple[int, int, int]] = []
        self.menus: dict[str, QMenu] = {}
        self.docks: list[QDockWidget] = []
        self.panel_host = PanelHost(self.window, self.ctx, self.menu, self.add_dock,
                                    lambda d, s, e: self.jumps.append((d, s, e)))

    def menu(self, key: str) -> QMenu:
        if key not in self.menus:
            self.menus[key] = self.window.menuBar().addMenu(key)
        return self.menus[key]

    def add_dock(self, dock: QDockWidget) -> None:
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.show()
        self.docks.append(dock)


@pytest.fixture
def host(qtbot, project: Project) -> Iterator[Host]:  # type: ignore[no-untyped-def]
    h = Host(project)
    qtbot.addWidget(h.window)
    h.window.resize(1200, 800)
    h.window.show()
    yield h
    wait_all()
    h.ctx.close()


def _panel(host: Host, kind: type) -> object:
    for dock in host.docks:
        if isinstance(dock.widget(), kind):
            return dock.widget()
    raise AssertionError(f"no {kind.__name__} dock installed")


def _column(model: object, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]  # type: ignore


# -- search -----------------------------------------------------------------------------------


def test_lemma_search_shows_hits_in_context_and_jumps(qtbot, host: Host, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    search.install(host.panel_host)
    panel = _panel(host, SearchPanel)
    assert isinstance(panel, SearchPanel)
    assert host.docks[0].windowTitle() and host.docks[0].objectName() == "nlpSearchDock"
    qtbot.keyClicks(panel.query, "wisseling")
    qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.task is None and panel.model.rowCount() > 0, timeout=20000)

    matches = _column(panel.model, 3)
    assert sorted(m.lower() for m in matches) == sorted(
        ["wisselingen", "gewisseld", "wisseling", "wisseling", "wisselen"])
    row = matches.index("gewisseld")
    assert panel.model.index(row, 0).data() == "R01_ouder.txt"
    assert panel.model.index(row, 1).data() == "Respondent"
    assert panel.model.index(row, 2).data().endswith("We hebben drie keer ")
    assert panel.model.index(row, 4).data().startswith(" van hulpverlener.")
    assert panel.model.index(row, 3).data(Qt.ItemDataRole.FontRole).bold()
    assert panel.summary.text() == "5 hit(s) · in 2 document(s)"
    assert "spacy.blank('nl')" in panel.pipeline.text()
    qtmodeltester.check(panel.model)

    panel.table.scrollTo(panel.model.index(row, 3))
    rect = panel.table.visualRect(panel.model.index(row, 3))
    assert panel.table.viewport().rect().contains(rect.center())
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    doc = host.ctx.project.documents.by_name("R01_ouder.txt")
    text = host.ctx.project.documents.text(doc.id)
    assert len(host.jumps) == 1
    jumped_doc, start, end = host.jumps[0]
    assert jumped_doc == doc.id and text[start:end] == "gewisseld"

    panel.respondents_only.setChecked(True)
    qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.task is None and panel.model.rowCount() == 3, timeout=20000)
    assert set(_column(panel.model, 1)) == {"Respondent"}


def test_code_all_hits_is_one_undo_step(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    search.install(host.panel_host)
    panel = _panel(host, SearchPanel)
    assert isinstance(panel, SearchPanel)
    project = host.ctx.project
    panel.query.setText("wisseling")
    panel.respondents_only.setChecked(True)
    panel.run_search()
    qtbot.waitUntil(lambda: panel.task is None and panel.model.rowCount() == 3, timeout=20000)

    qtbot.mouseClick(panel.code_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(CodeHitsDialog, "codeHitsDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.code.select_path("wisselingen")
    dialog.valence.setCurrentIndex(dialog.valence.findData(Valence.AANDACHTSPUNT.value))
    dialog.unit_word.setChecked(True)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    segments = project.segments.query()
    assert sorted(s.text for s in segments) == ["gewisseld", "wisselen", "wisseling"]
    assert all(s.codes == ["wisselingen"] and s.coder == "Sanne" for s in segments)
    assert all(s.codings[0].valence == Valence.AANDACHTSPUNT for s in segments)
    assert host.ctx.undo_stack.count() == 1  # one step, executed once (no doubles)

    host.ctx.undo_stack.undo()
    assert project.segments.query() == []
    host.ctx.undo_stack.redo()
    assert len(project.segments.query()) == 3

    # selected hits only, coded as whole sentences
    panel.table.selectRow(0)
    panel.code_hits(panel.selected_hits(), project.codes.by_path("wisselingen/opnieuw vertellen")
                    .id, Valence.NEUTRAAL, "sentence")
    newest = [s for s in project.segments.query() if "wisselingen/opnieuw vertellen" in s.codes]
    assert [s.text for s in newest] == ["We hebben drie keer gewisseld van hulpverlener."]
    assert host.ctx.undo_stack.count() == 2


def test_phrase_and_wildcard_modes_and_syntax_message(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    search.install(host.panel_host)
    panel = _panel(host, SearchPanel)
    assert isinstance(panel, SearchPanel)
    panel.mode.setCurrentIndex(panel.mode.findData("phrase"))
    assert "next to each other" in panel.help.text()
    panel.query.setText("opnieuw vertellen")
    panel.run_search()
    qtbot.waitUntil(lambda: panel.task is None and panel.model.rowCount() > 0, timeout=20000)
    assert _column(panel.model, 3) == ["opnieuw vertellen"]  # R01 has "opnieuw moest vertellen"

    panel.mode.setCurrentIndex(panel.mode.findData("wildcard"))
    panel.query.setText("wacht")
    panel.document.setCurrentIndex(panel.document.findData("R01_ouder.txt"))
    panel.run_search()
    qtbot.waitUntil(lambda: panel.task is None and panel.model.rowCount() > 0, timeout=20000)
    assert {m.lower() for m in _column(panel.model, 3)} == {"wachttijd", "wachtlijst", "wachten"}
    assert set(_column(panel.model, 0)) == {"R01_ouder.txt"}

    panel.mode.setCurrentIndex(panel.mode.findData("word"))
    panel.query.setText('"niet gesloten')
    panel.run_search()
    assert panel.task is None and "not closed" in panel.summary.text()


# -- suggestions ------------------------------------------------------------------------------


def _propose(qtbot, panel: SuggestionsPanel) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(panel.propose, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.task is None, timeout=20000)


def _rows(panel: SuggestionsPanel) -> list[tuple[str, str, str]]:
    m = panel.model
    return [(m.index(r, 0).data(), m.index(r, 1).data(), m.index(r, 2).data())
            for r in range(m.rowCount())]


def test_suggestions_accept_batch_reject_and_expand(qtbot, host: Host, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    suggestions.install(host.panel_host)
    panel = _panel(host, SuggestionsPanel)
    assert isinstance(panel, SuggestionsPanel)
    project = host.ctx.project
    _propose(qtbot, panel)
    assert project.segments.query() == []  # nothing coded without acceptance
    rows = _rows(panel)
    assert ("toegang/wachttijd", "R01_ouder.txt",
            "Zeven maanden wachten, terwijl het thuis steeds slechter ging.") in rows
    qtmodeltester.check(panel.model)
    waiting = [i for i, r in enumerate(rows) if r[0] == "toegang/wachttijd"]
    html = panel.model.index(waiting[0], 2).data(int(Qt.ItemDataRole.UserRole) + 10)
    assert "<b" in html and "wachtlijst</b>" in html  # trigger words highlighted

    # the code filter narrows the list to one code
    panel.code_filter.setCurrentIndex(panel.code_filter.findData("toegang/wachttijd"))
    assert {r[0] for r in _rows(panel)} == {"toegang/wachttijd"}
    assert panel.model.rowCount() == 3

    # batch accept of two rows = one Macro = one undo step
    panel.table.selectRow(0)
    panel.table.selectionModel().select(
        panel.model.index(1, 0),
        panel.table.selectionModel().SelectionFlag.Select
        | panel.table.selectionModel().SelectionFlag.Rows)
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    coded = project.segments.query()
    assert len(coded) == 2 and all(s.codes == ["toegang/wachttijd"] for s in coded)
    assert panel.model.rowCount() == 1
    assert host.ctx.undo_stack.count() == 1
    host.ctx.undo_stack.undo()
    assert project.segments.query() == []
    host.ctx.undo_stack.redo()

    # reject the last one: it does not come back on the next run (nor do the accepted ones)
    panel.table.selectRow(0)
    rejected = _rows(panel)[0]
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 0
    panel.code_filter.setCurrentIndex(0)
    _propose(qtbot, panel)
    assert rejected not in _rows(panel)
    assert not any(r[0] == "toegang/wachttijd" for r in _rows(panel))
    assert len(project.segments.query()) == 2

    # adjust: widen to the whole turn, then accept a single one
    panel.table.selectRow(0)
    before = _rows(panel)[0]
    qtbot.mouseClick(panel.expand_button, Qt.MouseButton.LeftButton)
    widened = _rows(panel)[0]
    assert before[2] in widened[2] and len(widened[2]) > len(before[2])
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert any(" ".join(s.text.split()) == widened[2] for s in project.segments.query())
    assert host.ctx.undo_stack.count() == 2


# -- pseudonymisation -------------------------------------------------------------------------


def _dialog(host: Host) -> PseudonymiseDialog:
    pseudonymise.install(host.panel_host)
    action = host.menus["data"].actions()[0]
    assert action.objectName() == "pseudonymiseAction"
    action.trigger()
    dialog = pseudonymise.dialog_for(host.ctx)
    assert dialog.isVisible()
    return dialog


def _entity_row(model: EntityModel, form: str) -> int:
    for r in range(model.rowCount()):
        entity = model.entity(r)
        if entity is not None and form in entity.forms:
            return r
    raise AssertionError(f"{form!r} not detected")


def test_pseudonymise_review_apply_undo_confirm(qtbot, host: Host, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 qtmodeltester) -> None:
    project = host.ctx.project
    doc = project.documents.by_name("R01_ouder.txt")
    original = project.documents.text(doc.id)
    quote = "Shanice zat toen op basisschool De Regenboog."
    start = original.index(quote)
    from coding.commands import ApplyCodes

    host.ctx.run(ApplyCodes(doc.id, start, start + len(quote),
                             [project.codes.by_path("samenwerking").id]))

    dialog = _dialog(host)
    qtbot.keyClicks(dialog.name_edit, "Shanice Pinas")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    names_file = tmp_path / "namen.csv"
    names_file.write_text("rol;naam\nmoeder;Fatima Bouzid\nhulpverlener;Van Dijk\n"
                          "hulpverlener;Henk\n", encoding="utf-8")
    assert dialog.import_names(names_file) == 3
    assert dialog.name_list.entries() == ["Shanice Pinas", "Fatima Bouzid", "Van Dijk", "Henk"]

    dialog.use_deduce.setChecked(False)
    qtbot.mouseClick(dialog.detect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.model.rowCount() > 0, timeout=20000)
    model = dialog.model
    qtmodeltester.check(model)
    row = _entity_row(model, "Shanice Pinas")
    shanice = model.entity(row)
    assert "Shanice" in shanice.forms and len(shanice.mentions) == 2
    assert model.index(row, EntityModel.TYPE).data() == "person"

    # mentions in context on selection
    dialog.table.selectRow(row)
    assert "Pinas vond dat heel moeilijk" in dialog.context.toPlainText()
    # edit the replacement like a user: a type label
    assert model.setData(model.index(row, EntityModel.REPLACEMENT), "[dochter]")
    # "Henk" and "Van Dijk" are the same care worker: the researcher merges them
    first, last = sorted((_entity_row(model, "Henk"), _entity_row(model, "Van Dijk")))
    dialog.table.clearSelection()
    dialog.table.selectRow(first)
    dialog.table.selectionModel().select(
        model.index(last, 0),
        dialog.table.selectionModel().SelectionFlag.Select
        | dialog.table.selectionModel().SelectionFlag.Rows)
    count = model.rowCount()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == count - 1
    merged = model.entity(_entity_row(model, "Van Dijk"))
    assert sorted(merged.forms) == ["Henk", "Van Dijk"] and len(merged.mentions) == 2
    # do not replace Fatima Bouzid (unchecked = rejected)
    fatima = _entity_row(model, "Fatima Bouzid")
    model.setData(model.index(fatima, EntityModel.STATUS), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert model.index(fatima, EntityModel.STATUS).data() == "keep original"

    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    text = project.documents.text(doc.id)
    assert "Shanice" not in text and "Van Dijk" not in text and "[dochter]" in text
    r02 = project.documents.text(project.documents.by_name("R02_jongere.txt").id)
    assert "Fatima Bouzid" in r02  # rejected: kept
    assert f"week met {merged.replacement}." in r02 and f"Meneer {merged.replacement} van" in text
    [segment] = project.segments.query()
    assert segment.text == "[dochter] zat toen op [school 1]."  # still the same words
    # coding, two name-list additions, the application: each its own undo step
    assert host.ctx.undo_stack.count() == 4 and dialog.confirm_button.isEnabled()
    assert "undo" in dialog.status.text()

    host.ctx.undo_stack.undo()  # Ctrl+Z restores every text and the coding
    assert project.documents.text(doc.id) == original
    warning = host.window.findChild(QMessageBox, "undoPseudonymsWarning")
    assert warning is not None and "original names again" in warning.text()
    warning.close()
    assert project.segments.query()[0].text == quote
    assert not dialog.confirm_button.isEnabled()
    host.ctx.undo_stack.redo()
    assert "[dochter]" in project.documents.text(doc.id)
    assert dialog.confirm_button.isEnabled()

    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    box = dialog.findChild(QMessageBox, "confirmPseudonymsBox")
    assert box is not None and "can no longer be undone" in box.informativeText()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert host.ctx.undo_stack.count() == 0  # final: nothing left to undo
    assert "Shanice Pinas" in service.originals(project)
    assert not dialog.confirm_button.isEnabled()
    assert "[dochter]" in project.documents.text(doc.id)


def test_review_survives_closing_the_dialog(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(host)
    service.add_names(host.ctx.project, ["Shanice Pinas"])
    dialog.use_deduce.setChecked(False)
    dialog.run_detect()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.model.rowCount() > 0, timeout=20000)
    row = _entity_row(dialog.model, "Shanice Pinas")
    dialog.model.setData(dialog.model.index(row, EntityModel.REPLACEMENT), "Lisa")
    dialog.close()
    dialog.reset()  # even a fresh review restores the decision from the project's key
    dialog.run_detect()
    qtbot.waitUntil(lambda: dialog.task is None and dialog.model.rowCount() > 0, timeout=20000)
    again = dialog.model.entity(_entity_row(dialog.model, "Shanice Pinas"))
    assert again.replacement == "Lisa"


@pytest.mark.slow
def test_pseudonymise_with_deduce_for_real(qtbot, host: Host) -> None:  # type: ignore[no-untyped-def]
    """deduce loads in the worker (its cache in the user cache dir) and finds names the name
    list does not hold; applying them leaves no original in any document."""
    dialog = _dialog(host)
    assert dialog.use_deduce.isChecked()
    qtbot.mouseClick(dialog.detect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=600000)
    persons = [dialog.model.entity(r) for r in range(dialog.model.rowCount())]
    forms = {f for e in persons if e is not None for f in e.forms}
    assert {"Shanice Pinas", "Fatima Bouzid"} <= forms
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60000)
    project = host.ctx.project
    for d in project.documents.list():
        text = project.documents.text(d.id)
        assert "Shanice" not in text and "Fatima" not in text


# -- pipeline status and translations ---------------------------------------------------------


def test_pipeline_shown_in_status_bar(host: Host) -> None:
    pipeline_status.install(host.panel_host)
    label = host.window.statusBar().findChild(pipeline_status.PipelineLabel)
    assert label is not None and "spacy.blank('nl')" in label.text() and "simplemma" in label.text()


def test_dutch_translation_covers_every_panel_string(tmp_path: Path) -> None:
    """lupdate extracts every tr() string of these modules; each has a finished Dutch
    translation that keeps its placeholders (%1, %n)."""
    found = extracted([REPO / "app" / "panels" / m for m in NLP_MODULES], tmp_path)
    assert len(found) > 60
    done = translated(TS)
    assert not found - set(done)
    assert_placeholders_kept(done)
    # plain (non-plural) messages load through the app's own .ts reader as well
    assert parse_ts(TS)[("SearchPanel", "Search")] == "Zoeken"


def test_models_are_empty_and_sane_without_a_project(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from app.panels.search import HitModel
    from app.panels.suggestions import SuggestionModel

    for model in (HitModel(), SuggestionModel(), EntityModel()):
        qtmodeltester.check(model)
        assert model.rowCount() == 0 and model.data(model.index(0, 0)) is None
        assert model.rowCount(QModelIndex()) == 0


def test_panels_speak_dutch_with_plurals(qtbot, qapp, host: Host) -> None:  # type: ignore[no-untyped-def]
    from app import i18n

    try:
        assert i18n.install(qapp, "nl") == "nl"
        panel = SearchPanel(host.ctx, None)
        qtbot.addWidget(panel)
        assert panel.search_button.text() == "Zoeken"
        assert panel.respondents_only.text() == "alleen respondenten"
        panel.query.setText("wisseling")
        panel.run_search()
        qtbot.waitUntil(lambda: panel.task is None and panel.model.rowCount() > 0, timeout=20000)
        assert panel.summary.text() == "5 treffers · in 2 documenten"
        assert panel.pipeline.text().startswith("Taalmodel: ")
    finally:
        i18n.install(qapp, "en")
