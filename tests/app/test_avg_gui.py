"""The workbench's privacy dialogs, driven as a user would: withdrawal, new encrypted project,
the password at open (wrong, then right)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from app.panels.avg import NewProjectDialog, PasswordDialog, WithdrawDialog
from coding.commands import SetMemo
from coding.memos import MemoTarget
from coding.project import Project
from tests.avg_study import PHRASES, build, occurrences, raw_files
from tests.translations import assert_placeholders_kept, extracted, translated

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "avg_nl.ts"
# The export dialog's options this area added (the rest of it is in panels_output_nl.ts).
EXPORT_OPTIONS = {"“< N”", "“–”", "Name the coders in the method paragraph", "Hidden counts read"}


def test_withdraw_dialog_previews_confirms_and_removes(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    build(tmp_path / "studie.duiding").close()
    window.open_project(tmp_path / "studie.duiding")
    assert window.ctx.undo_stack.count() == 0
    window.ctx.run(SetMemo(MemoTarget(), "Projectmemo"))
    assert window.ctx.undo_stack.canUndo()
    dialog = WithdrawDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("respondent"))
    dialog.who.setCurrentText("R01")
    assert not dialog.ok.isEnabled()
    dialog.show_plan.click()
    text = dialog.preview_text.toPlainText()
    assert "R01_moeder_WV.txt" in text and "code toegang/wachttijd" in text
    assert not dialog.ok.isEnabled()  # not before the user confirms
    dialog.confirm.setChecked(True)
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=20000)
    names = [d.name for d in window.ctx.project.documents.list()]
    assert "R01_moeder_WV.txt" not in names and len(names) == 3
    assert not window.ctx.undo_stack.canUndo()  # a final step: the history is gone
    assert occurrences(raw_files(tmp_path, "studie"), PHRASES) == {}


def test_the_dialog_says_it_cannot_be_undone(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    build(tmp_path / "studie.duiding").close()
    window.open_project(tmp_path / "studie.duiding")
    dialog = WithdrawDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    warning = dialog.findChild(QLabel, "withdrawWarning")
    assert "cannot be undone" in warning.text()
    action = next(a for a in window.menu("project").actions()
                  if a.objectName() == "withdrawAction")
    assert action.text().startswith("Withdraw consent")


def test_new_project_dialog_asks_the_password_twice(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NewProjectDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.chosen_password() is None
    dialog.encrypt.setChecked(True)
    assert not ok.isEnabled()
    dialog.password.setText("zomer")
    dialog.repeat.setText("zome")
    assert not ok.isEnabled() and dialog.problem.text() == "The passwords differ."
    dialog.repeat.setText("zomer")
    assert ok.isEnabled() and dialog.chosen_password() == "zomer"


def test_open_encrypted_project_wrong_then_right_password(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "geheim.duiding"
    window.create_project(path, "jeugdhulp", "lente")
    assert window.ctx.project.encrypted
    window.ctx.close()
    typed = iter(["herfst", "lente"])
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PasswordDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.problem.text())
        dialog.password.setText(next(typed))
        dialog.accept()
        QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    project = window.open_project(path)
    assert project is not None and window.ctx.project is project and project.encrypted
    assert seen == ["", "Wrong password; nothing was changed. Try again."]
    window.ctx.close()
    assert Project.is_encrypted(path)


def test_dutch_translation_covers_every_avg_string(tmp_path: Path) -> None:
    found = {(ctx, source) for ctx, source in
             extracted([REPO / "app/panels/avg.py", REPO / "app/panels/export_dialog.py"], tmp_path)
             if ctx != "ExportDialog" or source in EXPORT_OPTIONS}
    assert len(found) > 30
    done = translated(TS)
    assert not found - set(done)
    assert_placeholders_kept(done)
