"""The Cases tab of the attributes dialog: a researcher edits a family's attributes in the table,
sees its interviews, and Ctrl+Z brings the old value back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from tests.app.conftest import import_files


def _dialog_with_a_case(qtbot, window, tmp_path: Path, transcript_file: Path):  # type: ignore[no-untyped-def]
    from app.attributes_dialog import AttributesDialog
    from coding.commands import AssignCase

    project = window.create_project(tmp_path / "c.duiding", "empty")
    import_files(qtbot, window, [transcript_file])
    doc = project.documents.list()[0]
    window.ctx.run(AssignCase(doc.id, "gezin 3"))
    dialog = AttributesDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_cases()
    qtbot.waitExposed(dialog)
    return project, dialog


def test_edit_a_case_attribute_in_the_table_and_undo(qtbot, window, tmp_path: Path,
                                                     transcript_file: Path) -> None:
    project, dialog = _dialog_with_a_case(qtbot, window, tmp_path, transcript_file)
    page = dialog.cases
    model, view = page.model, page.view
    assert dialog.tabs.currentWidget() is page
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "gezin 3"
    assert model.index(0, 1).data() == "R01_ouder.txt"  # the member document is listed
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable

    assert model.add_attribute("gemeente")
    assert model.headerData(2, Qt.Orientation.Horizontal) == "gemeente"
    # edit the cell as a user does: select it, F2, type, Enter
    view.setCurrentIndex(model.index(0, 2))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, "Westerveen")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    case_id = project.attributes.cases()[0][0]
    qtbot.waitUntil(lambda: project.attributes.case_values() == {case_id: {"gemeente": "Westerveen"}})
    assert model.index(0, 2).data() == "Westerveen"
    assert "Westerveen" not in project.documents.list()[0].attributes.values()
    assert window.ctx.undo_stack.undoText().endswith("gezin 3: gemeente")

    model.setData(model.index(0, 2), "Oosterhout")
    assert project.attributes.case_values()[case_id] == {"gemeente": "Oosterhout"}
    window.activateWindow()
    window.ctx.undo_stack.undo()
    assert project.attributes.case_values()[case_id] == {"gemeente": "Westerveen"}
    assert model.index(0, 2).data() == "Westerveen"  # the table follows the undo
    window.ctx.undo_stack.undo()
    assert project.attributes.case_values() == {}
    assert model.index(0, 2).data() == ""
    assert model.columnCount() == 3  # the new column stays while the dialog is open
    window.ctx.undo_stack.redo()
    assert project.attributes.case_values() == {case_id: {"gemeente": "Westerveen"}}


def test_rename_a_case_updates_the_document_list_and_undoes(qtbot, window, tmp_path: Path,
                                                             transcript_file: Path) -> None:
    project, dialog = _dialog_with_a_case(qtbot, window, tmp_path, transcript_file)
    model = dialog.cases.model
    assert model.setData(model.index(0, 0), "gezin 3 (Westerveen)")
    assert project.documents.list()[0].case == "gezin 3 (Westerveen)"
    assert dialog.model.index(0, 0).data() == "gezin 3 (Westerveen)"  # the documents tab too
    assert not model.setData(model.index(0, 0), "")  # a case keeps a name
    window.ctx.undo_stack.undo()
    assert project.documents.list()[0].case == "gezin 3"
    assert model.index(0, 0).data() == "gezin 3"


def test_a_taken_case_name_is_refused_with_a_dialog(qtbot, window, tmp_path: Path,
                                                    transcript_file: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    project, dialog = _dialog_with_a_case(qtbot, window, tmp_path, transcript_file)
    project.attributes.ensure_case("gezin 4")
    dialog.cases.reload(project)
    model = dialog.cases.model
    assert not model.setData(model.index(0, 0), "gezin 4")
    box = dialog.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    box.accept()
    assert sorted(n for _, n, _ in project.attributes.cases()) == ["gezin 3", "gezin 4"]


def test_case_model_passes_qtmodeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from app.case_attributes import CaseRow, CaseTableModel
    from coding.types import CaseId

    pushed = []
    model = CaseTableModel(lambda cmd: pushed.append(cmd) or True)
    rows = [CaseRow(CaseId(1), "gezin 1", ("a.txt", "b.txt"), {"gemeente": "Westerveen"}),
            CaseRow(CaseId(2), "gezin 2", (), {})]
    model.set_data(rows, ["gemeente"])
    qtmodeltester.check(model)
    model.add_attribute("kinderen")
    qtmodeltester.check(model)
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "a.txt\nb.txt"
    assert model.setData(model.index(1, 3), "2")
    assert (pushed[0].case_id, pushed[0].name, pushed[0].value) == (2, "kinderen", "2")
    assert not model.setData(model.index(0, 2), "Westerveen")  # unchanged: nothing pushed
    model.editable = False
    assert not model.setData(model.index(0, 2), "X") and len(pushed) == 1
