"""A student's first afternoon in Duiding (issue 21), with real widgets in Dutch: new project,
import a folder with a respondent sheet, code five passages with shortcuts, change the valence of
a selected fragment, search and code all hits, pseudonymise, apply, undo, redo, export the
chapter. After every step the test compares what is on screen with what the project holds."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QDockWidget, QMessageBox

from app import i18n
from app.import_dialog import start_import
from app.main_window import MainWindow
from app.panels import pseudonymise
from app.panels.export_dialog import ExportDialog
from app.panels.personal_data import PersonalDataWarning
from app.panels.search import CodeHitsDialog
from coding.project import Project
from coding.types import SegmentFilter, Valence

TRANSCRIPTS = {
    "R01_moeder_Westerveen.txt": (
        "Interviewer: Hoe bent u bij de jeugdhulp terechtgekomen?\n\n"
        "Moeder: Via de huisarts. Daarna hebben we zeven maanden gewacht op de eerste "
        "afspraak, en in die tijd hoorden we niets van niemand.\n\n"
        "Interviewer: Hoe was het contact met de hulpverlener?\n\n"
        "Moeder: Sanne Vermeulen nam echt de tijd voor ons. Ze vroeg wat wij zelf wilden en "
        "we maakten samen een plan.\n\n"
        "Interviewer: Zijn er dingen veranderd in de hulp?\n\n"
        "Moeder: We kregen drie keer een andere hulpverlener. Elke keer moesten we ons verhaal "
        "opnieuw vertellen.\n"
    ),
    "R02_jongere_Westerveen.txt": (
        "Interviewer: Wat vond jij van het wachten?\n\n"
        "Jongere: Het wachten duurde heel lang. Ik wist niet waar ik moest beginnen en "
        "niemand legde uit hoe het werkte.\n\n"
        "Interviewer: En nu?\n\n"
        "Jongere: Nu heb ik Sanne, zij luistert echt. Ik hoef niet steeds te wachten op "
        "een antwoord.\n"
    ),
    "R03_leerkracht_Duinmeer.txt": (
        "Interviewer: Hoe verloopt de samenwerking met de jeugdhulp?\n\n"
        "Leerkracht: Wisselend. Soms wachten we weken op een terugbelverzoek. "
        "Met Sanne Vermeulen van het wijkteam gaat het goed.\n"
    ),
}
SHEET = ("bestand;respondent_type;gemeente;meting\n"
         "R01_moeder_Westerveen.txt;ouder;Westerveen;2024\n"
         "R02_jongere_Westerveen.txt;jongere;Westerveen;2024\n"
         "R03_leerkracht_Duinmeer.txt;professional;Duinmeer;2024\n")
# (document, passage, shortcut key, modifier, code path)
PASSAGES = [
    ("R01_moeder_Westerveen.txt", "zeven maanden gewacht op de eerste afspraak",
     Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier, "toegang/wachttijd"),
    ("R01_moeder_Westerveen.txt", "in die tijd hoorden we niets van niemand",
     Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier, "toegang/informatie"),
    ("R01_moeder_Westerveen.txt", "Sanne Vermeulen nam echt de tijd voor ons",
     Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier, "aansluiting/relatie"),
    ("R01_moeder_Westerveen.txt", "we maakten samen een plan",
     Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier, "aansluiting/samen beslissen"),
    ("R01_moeder_Westerveen.txt", "We kregen drie keer een andere hulpverlener",
     Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier, "wisselingen"),
]


@pytest.fixture
def dutch(qapp):  # type: ignore[no-untyped-def]
    assert i18n.install(qapp, "nl") == "nl"
    yield
    i18n.install(qapp, "en")


def _select(view, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    cursor = view.textCursor()
    cursor.setPosition(view.offsets.to_qt(start))
    cursor.setPosition(view.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def _screen_is_project(window: MainWindow, project: Project) -> None:
    """The open transcript, its highlights and stripes, the code counts and the fragment list
    are exactly what the project holds."""
    view, doc_id = window.view, window.coding.document_id
    assert doc_id is not None
    assert view.toPlainText() == project.documents.text(doc_id)
    stored = sorted(s.text for s in project.segments.for_document(doc_id))
    assert sorted(sel.cursor.selectedText() for sel in view.extraSelections()) == stored
    bars = []
    for bar in view.stripe_model.bars:
        cursor = QTextCursor(view.document())
        cursor.setPosition(bar.start)
        cursor.setPosition(bar.end, QTextCursor.MoveMode.KeepAnchor)
        bars.append((cursor.selectedText(), bar.path))
    assert sorted(bars) == sorted((s.text, c.path) for s in project.segments.for_document(doc_id)
                                  for c in s.codings)
    counts = {c.code_id: c.segments for c in project.stats.counts().rows}
    model = window.codes.model
    for code in project.codes.tree():
        assert model.index_of(code.id, 1).data() == counts.get(code.id, 0), code.path


def _settle(qtbot, window: MainWindow, project: Project) -> None:  # type: ignore[no-untyped-def]
    """Deferred views (counts, fragments) catch up within one event-loop turn."""
    qtbot.wait(20)
    _screen_is_project(window, project)


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def test_a_students_first_afternoon(qtbot, dutch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_coder("Lotte")
    window.resize(1366, 768)  # a student's laptop
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    # 1. A new project: the start page asks for transcripts, in Dutch.
    assert window.start_page.demo_button.text() == "Demo-project openen"
    project = window.create_project(tmp_path / "eerste_studie.duiding", "jeugdhulp")
    assert project is not None
    assert window.transcript_area.currentWidget() is window.start_page
    assert window.start_page.import_button.isVisible()

    # 2. Import the folder with the respondent sheet (what the import dialog starts).
    folder = tmp_path / "transcripten"
    folder.mkdir()
    for name, text in TRANSCRIPTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (tmp_path / "respondenten.csv").write_text(SHEET, encoding="utf-8")
    start_import(window.ctx, window, [folder], tmp_path / "respondenten.csv")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "importSummary") is not None,
                    timeout=20000)
    summary = window.findChild(QMessageBox, "importSummary")
    assert summary.text() == "3 geïmporteerd, 0 overgeslagen, 0 mislukt"
    assert "R01_moeder_Westerveen.txt: 6 beurten" in summary.informativeText()
    summary.accept()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    docs = project.documents.list()
    assert window.documents.model.rowCount() == len(docs) == 3
    assert docs[0].attributes["gemeente"] == "Westerveen"
    assert window.transcript_area.currentWidget() is not window.start_page  # no stale hint
    assert window.coding.document_id == docs[0].id
    _settle(qtbot, window, project)

    # 3. Code five passages with the codebook's shortcuts.
    view = window.view
    text = project.documents.text(docs[0].id)
    for _doc, passage, key, modifier, path in PASSAGES:
        start = text.index(passage)
        _select(view, start, start + len(passage))
        view.setFocus()
        qtbot.keyClick(view, key, modifier)
        assert passage in [s.text for s in project.segments.query(
            SegmentFilter(code_ids=(project.codes.by_path(path).id,)))]
        _settle(qtbot, window, project)
    assert len(project.segments.query()) == 5
    wachttijd = project.codes.by_path("toegang/wachttijd")
    tip = window.codes.model.index_of(wachttijd.id, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Sneltoets: Ctrl+2" in tip  # no English left in the tooltip
    window.codes.select_code(wachttijd.id)
    qtbot.wait(20)
    assert window.retrieval.title.text() == "1 fragment"

    # 4. The waiting passage is negative: select it (click its stripe), one click fixes it.
    [waiting] = [s for s in project.segments.query() if s.codes == ["toegang/wachttijd"]]
    _select(view, waiting.start, waiting.start)
    view.centerCursor()
    [rect] = [r for r, b in view.stripes.visible_bars() if b.segment_id == waiting.id]
    qtbot.mouseClick(view.stripes, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.coding_area.fragment_valence.segment is not None
    assert window.coding_area.fragment_valence.segment.id == waiting.id
    assert window.coding_area.fragment_valence.buttons[Valence.NEUTRAAL].isChecked()
    qtbot.mouseClick(window.coding_area.fragment_valence.buttons[Valence.AANDACHTSPUNT],
                     Qt.MouseButton.LeftButton)
    assert project.segments.get(waiting.id).codings[0].valence == Valence.AANDACHTSPUNT
    assert window.coding_area.fragment_valence.buttons[Valence.AANDACHTSPUNT].isChecked()
    assert "aandachtspunt" in view.stripes.tooltip(view.stripe_model.bars_for_segment(
        waiting.id)[0])
    _settle(qtbot, window, project)

    # 5. Search every form of "wachten" and code all hits in one step.
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.findChild(QDockWidget, "nlpSearchDock").widget()
    assert search.isVisible() and search.query.hasFocus()
    qtbot.keyClicks(search.query, "wachten")
    qtbot.keyClick(search.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.task is None and search.model.rowCount() > 0, timeout=30000)
    hits = search.model.hits()
    assert {h.hit.match.lower() for h in hits} >= {"gewacht", "wachten"}
    assert search.summary.text().startswith(f"{len(hits)} treffers")
    steps = window.ctx.undo_stack.count()
    qtbot.mouseClick(search.code_button, Qt.MouseButton.LeftButton)
    dialog = search.findChild(CodeHitsDialog, "codeHitsDialog")
    dialog.code.select_path("toegang/wachttijd")
    dialog.valence.setCurrentIndex(dialog.valence.findData(Valence.AANDACHTSPUNT.value))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.ctx.undo_stack.count() == steps + 1  # one step
    coded = project.segments.query(SegmentFilter(code_ids=(wachttijd.id,)))
    assert len(coded) >= 3  # the sentences of the hits (one of them was coded already)
    _settle(qtbot, window, project)
    window.codes.select_code(wachttijd.id)
    qtbot.wait(20)
    assert window.retrieval.title.text() == f"{len(coded)} fragmenten"
    assert window.retrieval.segments.rowCount() == len(coded)

    # 6. Pseudonymise: the names the student knows, reviewed, then applied.
    _action(window, "pseudonymiseAction").trigger()
    pseudo = pseudonymise.dialog_for(window.ctx)
    assert pseudo.isVisible()
    qtbot.keyClicks(pseudo.name_edit, "Sanne Vermeulen")
    qtbot.keyClick(pseudo.name_edit, Qt.Key.Key_Return)
    pseudo.use_deduce.setChecked(False)
    qtbot.mouseClick(pseudo.detect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pseudo.task is None and pseudo.model.rowCount() > 0, timeout=30000)
    before = {d.id: project.documents.text(d.id) for d in docs}
    qtbot.mouseClick(pseudo.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pseudo.task is None
                    and "Sanne" not in project.documents.text(docs[0].id), timeout=30000)
    qtbot.wait(20)
    assert "Sanne" not in view.toPlainText()  # the open transcript shows the new text...
    _settle(qtbot, window, project)  # ...and every highlight sits on the same words
    relatie = [s for s in project.segments.query() if "aansluiting/relatie" in s.codes][0]
    assert relatie.text.endswith("nam echt de tijd voor ons") and "Sanne" not in relatie.text
    qtbot.waitUntil(lambda: search.task is None, timeout=30000)  # the hits were searched again
    assert all("Sanne" not in search.model.index(r, 4).data() + search.model.index(r, 2).data()
               for r in range(search.model.rowCount()))

    # 7. Undo: the names come back on screen, the codings on their words.
    window.ctx.undo_stack.undo()
    assert {d.id: project.documents.text(d.id) for d in docs} == before
    assert "Sanne Vermeulen nam echt de tijd" in view.toPlainText()
    _settle(qtbot, window, project)
    # The names are back, so an export asks first (in Dutch); "Annuleren" writes nothing.
    _action(window, "actionExport").trigger()
    asked = window.findChild(ExportDialog, "exportDialog")
    asked.set_format("word")
    early = tmp_path / "te_vroeg.docx"
    asked.output.setText(str(early))
    qtbot.mouseClick(asked.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: asked.findChild(PersonalDataWarning) is not None, timeout=30000)
    question = asked.findChild(PersonalDataWarning)
    assert f"{len(docs)} documenten van de {len(docs)} zijn nooit gepseudonimiseerd." in \
        question.informativeText() and "Sanne" in question.informativeText()
    assert question.cancel_button.text() == "Annuleren"
    qtbot.mouseClick(question.cancel_button, Qt.MouseButton.LeftButton)
    assert not early.exists()
    asked.reject()
    asked.setParent(None)  # the next Export… opens a fresh dialog

    # 8. Redo, and export the chapter: it quotes the coded fragments, pseudonymised.
    window.ctx.undo_stack.redo()
    _settle(qtbot, window, project)
    _action(window, "actionExport").trigger()
    export = window.findChild(ExportDialog, "exportDialog")
    assert export is not None and export.isVisible()
    export.set_format("word")
    out = tmp_path / "hoofdstuk.docx"
    export.output.setText(str(out))
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "exportDone") is not None,
                    timeout=60000)
    assert window.findChild(QMessageBox, "exportDone").text() == "De export is klaar."
    chapter = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "Sanne" not in chapter
    assert "Toegang" in chapter and "In vivo" not in chapter
    quotes = [p.text for p in docx.Document(out).paragraphs if p.style.name == "Quote"]
    stored = [s.text for s in project.segments.query()]
    assert quotes and all(any(q.strip("“”\"' .…") in s or s in q for s in stored)
                          for q in quotes)
    window.ctx.close()
