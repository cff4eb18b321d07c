"""Privacy (AVG) in the workbench: withdrawal of consent, and the password of encrypted projects.

- Project → Toestemming intrekken…: `WithdrawDialog` shows the same plan as ``duiding withdraw``
  (`coding.withdrawal.plan_withdrawal`), says that it cannot be undone, asks consent to remove
  the backups that still hold the respondent, and runs `WithdrawConsent` through ``ctx.run`` (on
  the writer thread: the wipe rewrites the file), which clears the undo history.
- `NewProjectDialog`: codebook and "encrypt with a password" for File → New project.
- `ask_open_password`: the password of an encrypted project at open; a wrong one is said in the
  dialog, which asks again. The password is handed to the core and kept nowhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import show_error
from coding.commands import WithdrawConsent
from coding.project import Project, WrongPasswordError
from coding.withdrawal import WithdrawalPlan, WithdrawalTarget, plan_withdrawal, refuse_on_server
from models.errors import DuidingError


class WithdrawDialog(QDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: WithdrawalPlan | None = None
        self.setWindowTitle(self.tr("Withdraw consent"))
        self.setObjectName("withdrawDialog")
        self.resize(620, 520)
        self.kind = QComboBox(objectName="withdrawKind")
        for key, label in (("respondent", self.tr("Respondent (id)")),
                           ("document", self.tr("Document")), ("case", self.tr("Case (family)"))):
            self.kind.addItem(label, key)
        self.who = QComboBox(objectName="withdrawWho")
        self.who.setEditable(True)
        self.kind.currentIndexChanged.connect(self._fill_names)
        self.show_plan = QPushButton(self.tr("Show what will be removed"),
                                     objectName="withdrawPreview")
        self.show_plan.clicked.connect(self.preview)
        self.preview_text = QPlainTextEdit(objectName="withdrawPlan")
        self.preview_text.setReadOnly(True)
        warning = QLabel(self.tr(
            "This cannot be undone, and the undo history is cleared. Their text is removed from "
            "the project file for good; files you exported earlier are not changed."))
        warning.setWordWrap(True)
        warning.setObjectName("withdrawWarning")
        self.remove_backups = QCheckBox(objectName="withdrawBackups")
        self.remove_backups.setChecked(True)
        self.remove_backups.setVisible(False)
        self.confirm = QCheckBox(self.tr("I understand: remove all of this"),
                                 objectName="withdrawConfirm")
        self.confirm.toggled.connect(self._update_ok)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(self.tr("Withdraw and remove"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("withdrawOk")
        self.buttons.accepted.connect(self.withdraw)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Withdraw by"), self.kind)
        form.addRow(self.tr("Who"), self.who)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.show_plan)
        lay.addWidget(self.preview_text)
        lay.addWidget(warning)
        lay.addWidget(self.remove_backups)
        lay.addWidget(self.confirm)
        lay.addWidget(self.buttons)
        self._fill_names()
        self.who.currentTextChanged.connect(self._forget_plan)

    def _fill_names(self) -> None:
        project: Project | None = self.ctx.project
        self.who.clear()
        if project is not None:
            kind = self.kind.currentData()
            if kind == "document":
                self.who.addItems([d.name for d in project.documents.list()])
            elif kind == "case":
                self.who.addItems([n for _i, n, _d in project.attributes.cases()])
        self._forget_plan()

    def _forget_plan(self) -> None:
        self.plan = None
        self.preview_text.clear()
        self.confirm.setChecked(False)
        self.remove_backups.setVisible(False)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok.setEnabled(self.plan is not None and self.confirm.isChecked())

    def preview(self) -> None:
        project = self.ctx.project
        if project is None:
            return
        try:
            target = WithdrawalTarget(str(self.kind.currentData()), self.who.currentText())
            plan = plan_withdrawal(project, target=target)
        except DuidingError as exc:
            show_error(self, exc)
            return
        self.plan = plan
        self.preview_text.setPlainText("\n".join(self.plan_lines(plan)))
        self.remove_backups.setText(self.tr(
            "Also remove the %n backup(s) beside the project that still hold their data", "",
            len(plan.backups)))
        self.remove_backups.setVisible(bool(plan.backups))
        self._update_ok()

    def plan_lines(self, plan: WithdrawalPlan) -> list[str]:
        lines = [self.tr("Documents:")] + [f"  {d.name}" for d in plan.documents]
        if plan.cases:
            lines.append(self.tr("Cases, with their attributes and memos:"))
            lines += [f"  {name}" for _i, name in plan.cases]
        lines.append(self.tr("{segments} coded fragments, {events} help-history events, "
                             "{rows} questionnaire rows, {values} attribute values, {nlp} NLP "
                             "caches").format(segments=plan.segments, events=plan.events,
                                              rows=plan.questionnaire_rows,
                                              values=plan.attribute_values, nlp=plan.nlp_caches))
        removed = [m for m in plan.memos if m.removed]
        changed = [m for m in plan.memos if not m.removed]
        if removed:
            lines.append(self.tr("Memos removed:"))
            lines += [f"  {m.where}" + (f": {m.title}" if m.title else "") for m in removed]
        if changed:
            lines.append(self.tr("Memos that quote them (the quoted passages are cut; review "
                                 "them afterwards):"))
            lines += [f"  {m.where}" + (f": {m.title}" if m.title else "") for m in changed]
        if plan.cells:
            lines.append(self.tr("Matrix summaries removed:"))
            lines += [f"  {c.code} × {c.row}" for c in plan.cells]
        if plan.key_entries or plan.names:
            lines.append(self.tr("{keys} pseudonym key entries and {names} names that only they "
                                 "had").format(keys=len(plan.key_entries), names=len(plan.names)))
        if plan.backups:
            lines.append(self.tr("Backups that still hold their data:"))
            lines += [f"  {b.name}" for b in plan.backups]
        return lines

    def withdraw(self) -> None:
        if self.plan is None or not self.confirm.isChecked():
            return
        command = WithdrawConsent.confirmed(self.plan, self.remove_backups.isChecked())
        self.ok.setEnabled(False)
        self.ctx.run(command, background=True, parent=self,
                     label=self.tr("Removing their data and wiping the project file…"),
                     on_done=lambda _c: self.accept(),
                     on_failed=lambda _e: self._update_ok())


class NewProjectDialog(QDialog):
    """File → New project: which codebook, and whether the file is encrypted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New project"))
        self.setObjectName("newProjectDialog")
        self.codebook = QComboBox(objectName="newCodebook")
        self.codebook.addItem(self.tr("Youth care codebook (jeugdhulp)"), "jeugdhulp")
        self.codebook.addItem(self.tr("Empty codebook"), "empty")
        self.encrypt = QCheckBox(self.tr("Encrypt the project file with a password"),
                                 objectName="newEncrypt")
        self.password = QLineEdit(objectName="newPassword")
        self.repeat = QLineEdit(objectName="newPasswordRepeat")
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setEnabled(False)
            edit.textChanged.connect(self._check)
        self.encrypt.toggled.connect(self._toggle)
        self.note = QLabel(self.tr("Duiding does not keep the password. Without it the project "
                                   "cannot be opened: store it safely."))
        self.note.setWordWrap(True)
        self.problem = QLabel(objectName="newPasswordProblem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Codebook"), self.codebook)
        form.addRow(self.encrypt)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        form.addRow(self.note)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self._check()

    def _toggle(self, on: bool) -> None:
        self.password.setEnabled(on)
        self.repeat.setEnabled(on)
        self._check()

    def _check(self) -> None:
        problem = ""
        if self.encrypt.isChecked():
            if not self.password.text():
                problem = self.tr("Choose a password.")
            elif self.password.text() != self.repeat.text():
                problem = self.tr("The passwords differ.")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def chosen_password(self) -> str | None:
        return self.password.text() if self.encrypt.isChecked() else None


class PasswordDialog(QDialog):
    """The password of an encrypted project, asked at open."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Encrypted project"))
        self.setObjectName("passwordDialog")
        self.password = QLineEdit(objectName="openPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(objectName="openPasswordProblem")
        self.problem.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("“{name}” is encrypted. Its password:").format(name=name)))
        lay.addWidget(self.password)
        lay.addWidget(self.problem)
        lay.addWidget(buttons)


def open_encrypted(path: Path, parent: QWidget | None, *, readonly: bool = False,
                   coder: str | None = None) -> Project | None:
    """Ask the password until it opens the project (None when the user cancels). Other
    errors (locked, damaged) are raised to the caller as for a plain project."""
    dialog = PasswordDialog(path.name, parent)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            return Project.open(path, readonly=readonly, coder=coder,
                                password=dialog.password.text())
        except WrongPasswordError:
            dialog.problem.setText(QCoreApplication.translate(
                "PasswordDialog", "Wrong password; nothing was changed. Try again."))
            dialog.password.clear()
    return None


def install(host: Any) -> None:
    def open_dialog() -> None:
        if host.ctx.project is None or host.ctx.readonly:
            return
        try:  # a team project on a server: one clear message instead of the dialog
            refuse_on_server(host.ctx.project)
        except DuidingError as exc:
            show_error(host.window, exc)
            return
        dialog = WithdrawDialog(host.ctx, host.window)
        dialog.exec()

    menu = host.menu("project")
    menu.addSeparator()
    action = menu.addAction(QCoreApplication.translate("WithdrawDialog", "Withdraw consent…"),
                            open_dialog)
    action.setObjectName("withdrawAction")
