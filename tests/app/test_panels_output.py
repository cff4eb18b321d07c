"""The export dialog and the REFI-QDA import on real project files: what a user gets on disk.

The dialog's fields are set as a user would, the export runs in its worker, and the written
.docx/.xlsx/.qdpx are opened with python-docx/openpyxl and checked.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app import ops
from tests.app.test_panels_analysis import Host, build_project, make_host
from tests.helpers import pseudonymised_file


@pytest.fixture(scope="module")
def template_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The coded study, pseudonymised as a researcher does before exporting (an export of a
    project that was not is asked about first: tests/app/test_export_warning_gui.py)."""
    return pseudonymised_file(build_project(tmp_path_factory.mktemp("template")))


@pytest.fixture
def env(qtbot, tmp_path: Path, template_project: Path) -> Iterator[Host]:  # type: ignore[no-untyped-def]
    import shutil

    target = tmp_path / "studie.duiding"
    shutil.copy(template_project, target)
    h = make_host(qtbot, target)
    yield h
    ops.wait_all()
    h.ctx.close()


def run_dialog(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    task = dialog.start()
    assert task is not None
    qtbot.waitUntil(task.is_finished, timeout=20000)
    qtbot.wait(10)  # let the queued done/failed slot run


def message_boxes(h: Host) -> list[QMessageBox]:
    return [b for b in h.window.findChildren(QMessageBox) if b.isVisible()]


def test_export_word_chapter_with_filter_and_options(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docx

    from app.panels.export_dialog import ExportDialog

    dialog = ExportDialog(env.ctx, env.window)
    dialog.set_format("word")
    dest = tmp_path / "hoofdstuk.docx"
    dialog.output.setText(str(dest))
    dialog.title.setText("Bevindingen ouders")
    dialog.add_filter("respondent_type", "ouder")
    dialog.max_quotes.setValue(2)
    qtbot.mouseClick(dialog.include_matrix, Qt.MouseButton.LeftButton)
    run_dialog(qtbot, dialog)
    assert dialog.written == [dest]
    doc = docx.Document(str(dest))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert "Bevindingen ouders" in headings
    assert "Bijlage: framework-matrix" in headings  # the option the user ticked
    assert any(h.lower().startswith("toegang") for h in headings)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "verhaal vertellen" not in text  # the youth's interview is filtered out
    assert "wachtten heel lang" in text
    # Success is announced with an Open button.
    box = next(b for b in message_boxes(env) if b.objectName() == "exportDone")
    assert str(dest) in box.informativeText()
    assert any(b.objectName() == "openButton" for b in box.buttons())


def test_export_one_chapter_per_value_into_a_folder(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.panels.export_dialog import ExportDialog

    dialog = ExportDialog(env.ctx, env.window)
    dialog.per.setCurrentIndex(dialog.per.findData("meting"))
    assert dialog.output_label.text() == "Folder"
    folder = tmp_path / "per_meting"
    folder.mkdir()
    dialog.output.setText(str(folder))
    run_dialog(qtbot, dialog)
    assert sorted(p.name for p in dialog.written) == ["hoofdstuk_2023.docx",
                                                       "hoofdstuk_2024.docx"]


@pytest.mark.parametrize("fmt", ["word", "xlsx"])
def test_a_per_export_without_values_is_refused_as_on_the_command_line(  # type: ignore[no-untyped-def]
        qtbot, env: Host, tmp_path: Path, fmt: str) -> None:
    """The dialog and `duiding export --per` share one plan: no values, no files, one message
    (the dialog used to report success with nothing written, the CLI refused)."""
    from app.panels.export_dialog import ExportDialog

    dialog = ExportDialog(env.ctx, env.window)
    dialog.set_format(fmt)
    dialog.add_filter("meting", "1999")
    dialog.per.setCurrentIndex(dialog.per.findData("meting"))
    folder = tmp_path / "leeg"
    folder.mkdir()
    dialog.output.setText(str(folder))
    run_dialog(qtbot, dialog)
    assert dialog.written == [] and list(folder.iterdir()) == []
    box = next(b for b in dialog.findChildren(QMessageBox) if b.objectName() == "errorBox")
    assert box.text().startswith("Nothing was written") and "'meting'" in box.informativeText()


def test_export_xlsx_rows_equal_coded_fragments(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    from app.panels.export_dialog import ExportDialog

    dialog = ExportDialog(env.ctx, env.window)
    dialog.set_format("xlsx")
    assert dialog.output.text().endswith("fragmenten.xlsx")
    dest = tmp_path / "fragmenten.xlsx"
    dialog.output.setText(str(dest))
    run_dialog(qtbot, dialog)
    sheet = openpyxl.load_workbook(dest)["Fragmenten"]
    links = sum(len(s.codings) for s in env.ctx.project.segments.query())
    assert sheet.max_row - 1 == links == 12


def test_export_themes_choice_limits_the_fragments(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import csv

    from app.panels.export_dialog import ExportDialog

    dialog = ExportDialog(env.ctx, env.window)
    dialog.set_format("csv")
    dialog.themes.set_all(False)
    item = next(i for i in dialog.themes._items.values() if i.text(0) == "toegang")
    item.setCheckState(0, Qt.CheckState.Checked)  # a theme includes its sub-themes
    assert dialog.themes.themes() == ["toegang"]
    dest = tmp_path / "toegang.csv"
    dialog.output.setText(str(dest))
    run_dialog(qtbot, dialog)
    rows = list(csv.reader(dest.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert len(rows) - 1 == 6
    assert all(any("toegang" in cell for cell in row) for row in rows[1:])


def test_export_qdpx_and_reimport_into_a_new_project(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.panels.export_dialog import ExportDialog
    from app.panels.refi import ImportReportDialog, import_qdpx

    dialog = ExportDialog(env.ctx, env.window)
    dialog.set_format("qdpx")
    assert not dialog.tabs.isVisibleTo(dialog)
    dest = tmp_path / "studie.qdpx"
    dialog.output.setText(str(dest))
    run_dialog(qtbot, dialog)
    assert zipfile.ZipFile(dest).namelist().count("project.qde") == 1
    opened: list[object] = []
    env.ctx.project_changed.connect(lambda: opened.append(env.ctx.project))
    task = import_qdpx(env.host, dest, tmp_path / "kopie")
    qtbot.waitUntil(task.is_finished, timeout=20000)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    project = env.ctx.project
    assert project is not None and project.path == tmp_path / "kopie.duiding"
    assert len(project.documents.list()) == 3
    assert len(project.segments.query()) == 12
    report = next(d for d in env.window.findChildren(ImportReportDialog))
    text = report.view.toPlainText()
    assert "3 documents" in text and "Everything in the file was imported." in text


def test_import_qdc_adds_codes_and_reports(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.panels.export_dialog import ExportDialog
    from app.panels.refi import ImportReportDialog, import_qdc
    from coding.project import Project

    dialog = ExportDialog(env.ctx, env.window)
    dialog.set_format("qdc")
    dest = tmp_path / "codeboek.qdc"
    dialog.output.setText(str(dest))
    run_dialog(qtbot, dialog)
    assert dest.exists()
    empty = Project.create(tmp_path / "leeg.duiding", codebook="empty")
    env.ctx.set_project(empty)
    seen: list[object] = []
    env.ctx.changed.connect(seen.append)
    task = import_qdc(env.host, dest)
    qtbot.waitUntil(task.is_finished, timeout=20000)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0].codes
    assert "toegang/wachttijd" in {c.path for c in empty.codes.tree()}
    assert env.window.findChildren(ImportReportDialog)
    # One undo step takes the whole codebook out again; redo brings the same codes back.
    imported = [(c.id, c.path) for c in empty.codes.tree()]
    assert env.ctx.undo_stack.count() == 1
    env.ctx.undo_stack.undo()
    assert empty.codes.tree() == []
    env.ctx.undo_stack.redo()
    assert [(c.id, c.path) for c in empty.codes.tree()] == imported


def test_hostile_qdpx_gives_a_clear_error_and_no_project(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.panels.refi import import_qdpx

    bad = tmp_path / "kapot.qdpx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("../../evil.txt", "x")
        z.writestr("project.qde", "<Project/>")
    before = env.ctx.project
    task = import_qdpx(env.host, bad, tmp_path / "nieuw")
    qtbot.waitUntil(task.is_finished, timeout=20000)
    qtbot.wait(10)
    assert task.error is not None
    assert not (tmp_path / "nieuw.duiding").exists()
    assert env.ctx.project is before
    assert any(b.objectName() == "errorBox" for b in message_boxes(env))


def test_export_guard_refusal_is_a_clear_dialog(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.panels.export_dialog import ExportDialog
    from coding.pseudonymise.entities import Decision, Entity
    from coding.pseudonymise.model import PiiType
    from coding.pseudonymise.service import ApplyPseudonyms, originals

    marloes = Entity(0, PiiType.PERSON, ["Marloes"], replacement="Jeugdconsulent A",
                     decision=Decision.ACCEPTED)
    env.ctx.run(ApplyPseudonyms([marloes]))
    assert "Marloes" in originals(env.ctx.project)
    dialog = ExportDialog(env.ctx, env.window)
    dialog.set_format("word")
    dialog.title.setText("Bevindingen Marloes")
    dest = tmp_path / "geweigerd.docx"
    dialog.output.setText(str(dest))
    run_dialog(qtbot, dialog)
    assert not dest.exists()
    # The refusal lists each place with where it is and a fix (issue #21), never a bare count.
    from app.panels.pseudonym_refusal import RefusalDialog

    refusal = dialog.findChild(RefusalDialog, "exportRefusal")
    assert refusal is not None and refusal.isVisible()
    assert refusal.table.item(0, 2).text() == "Marloes"
    assert "[Marloes]" in refusal.table.item(0, 1).text()
    assert refusal.anyway_button is None  # an applied original: no "export anyway"
    refusal.close()


def test_export_errors_are_translated_to_clear_texts() -> None:
    from app.errors import describe as export_error_text
    from coding.pseudonymise.guard import OriginalFound, OriginalInExport
    from exports.chapter import ExportCancelled
    from exports.qdpx import QdpxExportError

    title, detail = export_error_text(OriginalInExport([OriginalFound(0, "Marloes", 3)]))
    assert "original names" in title and "1 place(s)" in detail and "Marloes" not in detail
    title, detail = export_error_text(QdpxExportError("invalid_xml", "line 3: bad element"))
    assert "XSD" in title and "line 3" in detail
    assert "cancelled" in export_error_text(ExportCancelled([]))[0]
    assert "Word or Excel" in export_error_text(PermissionError("locked"))[0]


def test_missing_template_and_empty_output_are_refused_before_work(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.panels.export_dialog import ExportDialog

    dialog = ExportDialog(env.ctx, env.window)
    dialog.template.setText(str(tmp_path / "bestaat-niet.dotx"))
    assert dialog.start() is None
    assert any("template was not found" in b.text() for b in message_boxes(env))
    dialog.template.setText("")
    dialog.themes.set_all(False)
    assert dialog.start() is None
