"""The review and export dialogs on the path of issue #11's 'Done when', driven like a user:
project with attributes -> review (name list edited, an attribute marked identifying, reject
one, merge two, split a shared surname) -> a refused export with every finding and its fix ->
apply -> code -> Word chapters per municipality with the years compared -> undo warns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from app.context import ProjectContext
from app.ops import wait_all
from app.panels import PanelHost, pseudonymise
from app.panels.export_dialog import ExportDialog
from app.panels.personal_data import PersonalDataWarning
from app.panels.pseudonym_refusal import RefusalDialog
from app.panels.pseudonym_table import EntityModel
from coding.commands import ApplyCodes
from coding.project import Project
from coding.pseudonymise import names as name_list
from tests.helpers import project_with
from tests.translations import assert_placeholders_kept, extracted, translated

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "pseudonymise_nl.ts"
MODULES = ["pseudonymise.py", "pseudonym_table.py", "pseudonym_lists.py", "pseudonym_refusal.py"]

R1 = ("Interviewer: Hoe kwam u bij de hulp?\n\n"
      "Moeder: Mijn dochter Fenna zat op basisschool De Tovertuin. Juf Marleen belde mij en "
      "de coördinator, meneer Dekker, regelde het. Het wijkteam kwam snel, dat vond ik goed.")
R2 = ("Interviewer: En bij u?\n\n"
      "Vader: Ik ben Ruben Dekker. Onze zoon Tesfay wachtte elf weken. Tesfay werd er stil "
      "van. Na de afsluiting hoorden we niets meer.")
R3 = ("Interviewer: Wat ging goed?\n\n"
      "Jongere: Oma Hatice hielp mij. Mijn mentor Yasmina luisterde echt, dat was fijn.")
R4 = ("Interviewer: Wat kan beter?\n\n"
      "Ouder: Onze zoon Wojtek had vier begeleiders in een jaar. Dat is te veel.")


class Host:
    def __init__(self, project: Project) -> None:
        self.window = QMainWindow()
        self.ctx = ProjectContext(self.window)
        self.ctx.set_project(project)
        self.menus: dict[str, QMenu] = {}
        self.panel_host = PanelHost(self.window, self.ctx, self.menu, lambda *a: None,
                                    lambda *a: None)

    def menu(self, key: str) -> QMenu:
        if key not in self.menus:
            self.menus[key] = self.window.menuBar().addMenu(key)
        return self.menus[key]


@pytest.fixture
def host(qtbot, tmp_path: Path) -> Iterator[Host]:  # type: ignore[no-untyped-def]
    project, _ = project_with(
        tmp_path,
        ("R1_ouder.txt", R1, {"respondent_type": "ouder", "gemeente": "Lindewaard",
                              "meting": "2023", "school": "De Tovertuin"}),
        ("R2_ouder.txt", R2, {"respondent_type": "ouder", "gemeente": "Noorderveld",
                              "meting": "2024", "school": ""}),
        ("R3_jongere.txt", R3, {"respondent_type": "jongere", "gemeente": "Lindewaard",
                                "meting": "2024", "school": ""}),
        ("R4_ouder.txt", R4, {"respondent_type": "ouder", "gemeente": "Noorderveld",
                              "meting": "2023", "school": ""}),
    )
    h = Host(project)
    qtbot.addWidget(h.window)
    h.window.resize(1200, 800)
    h.window.show()
    yield h
    wait_all()
    h.ctx.close()


def row_of(model: EntityModel, form: str) -> int:
    for r in range(model.rowCount()):
        entity = model.entity(r)
        if entity is not None and form in entity.forms:
            return r
    raise AssertionError(f"{form!r} not detected")


def detect(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.use_deduce.setChecked(False)  # our own rules; deduce runs in the CLI test
    qtbot.mouseClick(dialog.detect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.model.rowCount() > 0, timeout=20000)


def export(qtbot, host: Host, tmp_path: Path) -> ExportDialog:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(host.ctx, host.window)
    dialog.per.setCurrentIndex(dialog.per.findData("gemeente"))
    dialog.compare_attr.setCurrentIndex(dialog.compare_attr.findData("meting"))
    folder = tmp_path / "hoofdstukken"
    folder.mkdir(exist_ok=True)
    dialog.output.setText(str(folder))
    task = dialog.start()
    assert task is not None
    qtbot.waitUntil(task.is_finished, timeout=20000)
    qtbot.wait(20)
    return dialog


def test_review_then_export_per_municipality(qtbot, host: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = host.ctx.project
    pseudonymise.install(host.panel_host)
    host.menus["data"].actions()[0].trigger()
    dialog = pseudonymise.dialog_for(host.ctx)
    dialog.resize(1200, 760)

    # The name list: add, retype, remove with the Delete key; every change undoes.
    names = dialog.name_list
    qtbot.keyClicks(names.name_edit, "Hatice")
    qtbot.keyClick(names.name_edit, Qt.Key.Key_Return)
    names.name_edit.setText("De Tovertuin")
    names.type_combo.setCurrentIndex(names.type_combo.findData("school"))
    qtbot.mouseClick(names.findChild(type(names.remove_button), "addName"),
                     Qt.MouseButton.LeftButton)
    assert names.entries() == ["Hatice", "De Tovertuin"]
    assert [n.type.value for n in name_list.names(project)] == ["person", "school"]
    names.table.item(0, names.VARIANTS).setText("Hatice Yılmaz")
    assert name_list.names(project)[0].variants == ("Hatice Yılmaz",)
    names.table.selectRow(0)
    names.table.setFocus()
    qtbot.keyClick(names.table, Qt.Key.Key_Delete)
    assert names.entries() == ["De Tovertuin"]
    host.ctx.undo_stack.undo()
    assert names.entries() == ["Hatice", "De Tovertuin"]

    # Attributes: the school attribute is identifying; meting and gemeente stay.
    box = dialog.attribute_box
    assert "municipality stay as they are" in box.findChild(type(dialog.status),
                                                              "attributeNote").text()
    assert box.item("meting").checkState() == Qt.CheckState.Unchecked
    assert box.item("gemeente").checkState() == Qt.CheckState.Unchecked
    school = box.item("school")
    assert school.checkState() == Qt.CheckState.Checked  # by default
    school.setCheckState(Qt.CheckState.Unchecked)
    box.item("school").setCheckState(Qt.CheckState.Checked)  # marked again, explicitly

    detect(qtbot, dialog)
    model = dialog.model
    # One surname, two people: offered with both contexts, split by document.
    dekker = row_of(model, "Dekker")
    assert len(model.entity(dekker).identities) == 2
    dialog.table.selectRow(dekker)
    assert "Possibly different people" in dialog.context.toPlainText()
    assert dialog.split_button.isEnabled()
    qtbot.mouseClick(dialog.split_button, Qt.MouseButton.LeftButton)
    split_rows = [r for r in range(model.rowCount())
                  if any("Dekker" in f for f in model.entity(r).forms)]
    assert len(split_rows) == 2
    assert len({model.entity(r).replacement for r in split_rows}) == 2

    # Before anything is applied, the export asks first, naming the counts and names found,
    # and nothing is written until the user continues.
    service_entities = model.entities()
    from coding.pseudonymise import service

    service.save_review(project, service_entities)
    doc = project.documents.by_name("R2_ouder.txt")
    start = project.documents.text(doc.id).index("Onze zoon")
    host.ctx.run(ApplyCodes(doc.id, start, start + 33, [project.codes.by_path("toegang").id]))
    export_dialog = export(qtbot, host, tmp_path)
    question = export_dialog.findChild(PersonalDataWarning, "personalDataWarning")
    assert question is not None and question.isVisible()
    total = len(project.documents.list())
    assert (f"{total} document(s) of {total} were never pseudonymised."
            in question.informativeText())
    assert "detected name(s) have not been reviewed yet." in question.informativeText()
    forms = {f for e in service_entities for f in e.forms}
    assert set(question.found.names) <= forms and question.found.names
    assert not list((tmp_path / "hoofdstukken").iterdir())
    qtbot.mouseClick(question.cancel_button, Qt.MouseButton.LeftButton)
    assert not list((tmp_path / "hoofdstukken").iterdir())
    export_dialog.close()

    # Review: reject one (Wojtek stays), merge two (Marleen and Yasmina: one teacher, say).
    wojtek = row_of(model, "Wojtek")
    model.setData(model.index(wojtek, EntityModel.STATUS), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    first, second = sorted((row_of(model, "Marleen"), row_of(model, "Yasmina")))
    dialog.table.clearSelection()
    dialog.table.selectRow(first)
    dialog.table.selectionModel().select(
        model.index(second, 0), dialog.table.selectionModel().SelectionFlag.Select
        | dialog.table.selectionModel().SelectionFlag.Rows)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    merged = model.entity(row_of(model, "Marleen"))
    assert sorted(merged.forms) == ["Marleen", "Yasmina"]
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)

    texts = {d.name: project.documents.text(d.id) for d in project.documents.list()}
    assert "Fenna" not in texts["R1_ouder.txt"] and "Tovertuin" not in texts["R1_ouder.txt"]
    assert "Juf [persoon" in texts["R1_ouder.txt"] and "Wojtek" in texts["R4_ouder.txt"]
    attrs = {d.name: d.attributes for d in project.documents.list()}
    assert attrs["R1_ouder.txt"]["gemeente"] == "Lindewaard"
    assert attrs["R1_ouder.txt"]["meting"] == "2023"
    assert "Tovertuin" not in attrs["R1_ouder.txt"]["school"]

    # Code, then export: the chapters are written per municipality with the years compared.
    text = texts["R1_ouder.txt"]
    start = text.index("Het wijkteam kwam snel")
    host.ctx.run(ApplyCodes(project.documents.by_name("R1_ouder.txt").id, start, start + 40,
                            [project.codes.by_path("toegang").id]))
    export_dialog = export(qtbot, host, tmp_path)
    assert sorted(p.name for p in export_dialog.written) == [
        "hoofdstuk_Lindewaard.docx", "hoofdstuk_Noorderveld.docx"]
    for path in export_dialog.written:
        body = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        assert path.stem.split("_")[1] in body and "2023" in body and "2024" in body
        for original in ("Fenna", "Tovertuin", "Marleen", "Tesfay", "Dekker", "Hatice"):
            assert original not in body, (path.name, original)

    # Undo the application: the user is told that exports hold names again.
    while host.ctx.undo_stack.count() and not host.ctx.undo_stack.undoText().startswith(
            "Pseudonymise"):
        host.ctx.undo_stack.undo()
    host.ctx.undo_stack.undo()
    warning = host.window.findChild(QMessageBox, "undoPseudonymsWarning")
    assert warning is not None and warning.isVisible()
    assert "Fenna" in project.documents.text(project.documents.by_name("R1_ouder.txt").id)
    dialog.close()


def test_dutch_translation_covers_every_pseudonymisation_string(tmp_path: Path) -> None:
    """lupdate extracts every tr() string of the review, list and refusal modules; each has a
    finished Dutch translation that keeps its placeholders (%n, {name})."""
    found = extracted([REPO / "app" / "panels" / m for m in MODULES], tmp_path)
    assert len(found) > 60
    done = translated(TS, REPO / "resources" / "translations" / "panels_nlp_nl.ts")
    assert not found - set(done)
    assert_placeholders_kept(done)
    for kind in ("Add to the name list", "Remove from the name list", "Keep original"):
        assert ("UndoText", kind) in done
    assert QCoreApplication.translate("RefusalDialog", "Export refused")  # loads in Qt


def test_refusal_fixes_keep_a_word_and_rename_the_coder(qtbot, host: Host, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch) -> None:
    """The two fixes that change the project: an ordinary word in the key is kept, a coder
    named like someone in the key is renamed; both are undoable and the export then passes."""
    from PySide6.QtWidgets import QInputDialog

    from coding.pseudonymise import service
    from coding.pseudonymise.entities import Decision, Entity
    from coding.pseudonymise.model import PiiType

    project = host.ctx.project
    hoek = Entity(0, PiiType.PERSON, ["hoek"], replacement="[persoon 9]",
                  decision=Decision.ACCEPTED)
    marleen = Entity(1, PiiType.PERSON, ["Marleen"], replacement="[persoon 8]",
                     decision=Decision.ACCEPTED)
    host.ctx.run(service.ApplyPseudonyms([hoek, marleen]))
    project.coders.ensure("Marleen")
    doc = project.documents.by_name("R2_ouder.txt")
    text = project.documents.text(doc.id)
    start = text.index("Onze zoon")
    host.ctx.coder = "Marleen"
    host.ctx.run(ApplyCodes(doc.id, start, start + 20, [project.codes.by_path("toegang").id]))
    dialog = ExportDialog(host.ctx, host.window)
    dialog.set_format("word")
    dialog.title.setText("Bevindingen om de hoek")
    dialog.name_coders.setChecked(True)  # the method paragraph names the coders only on request
    dialog.output.setText(str(tmp_path / "h.docx"))
    task = dialog.start()
    qtbot.waitUntil(task.is_finished, timeout=20000)
    qtbot.wait(20)
    refusal = dialog.findChild(RefusalDialog, "exportRefusal")
    assert refusal is not None
    fixes = {refusal.table.item(r, 2).text(): refusal.table.cellWidget(r, 3)
             for r in range(refusal.table.rowCount())}
    assert set(fixes) == {"hoek", "Marleen"}
    fixes["hoek"].click()
    assert fixes["hoek"].text() == "Kept" and not fixes["hoek"].isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("M.", True))
    fixes["Marleen"].click()
    assert "M." in [n for _i, n, _c, _k in project.coders.list()]
    refusal.close()
    task = dialog.start()
    qtbot.waitUntil(task.is_finished, timeout=20000)
    qtbot.wait(20)
    assert (tmp_path / "h.docx").exists()
    assert host.ctx.undo_stack.undoText().startswith("Rename coder")
