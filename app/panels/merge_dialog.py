"""Merge other coders' projects into the open one (File → Merge projects…).

Why a worker and a wrapper command: merging several student projects can take a while, so it
runs off the GUI thread; yet it must land on the undo stack as ONE step. `MergeProjects.do`
merges the first time and restores its row snapshot on later calls (redo), so running it in the
worker and then `ctx.push`-ing it would merge twice. `_DoneInWorker` hands `ctx.push` the
changes the worker already made on its first `do`, and delegates undo/redo to the real command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.panels.out_common import file_action, show_failure, show_message
from coding.commands import Command
from coding.merge import MergeProjects, MergeReport
from coding.project import Project
from coding.types import Changes


class _DoneInWorker(Command):
    """A command whose first `do` already ran in a worker: `ctx.push` gets its changes."""

    def __init__(self, inner: MergeProjects, changes: Changes) -> None:
        super().__init__()
        self.kind, self.detail = inner.kind, inner.detail
        self.inner, self._changes = inner, changes
        self._fresh = True

    def do(self, p: Project) -> Changes:
        if self._fresh:
            self._fresh = False
            return self._changes
        return self.inner.do(p)

    def undo(self, p: Project) -> Changes:
        return self.inner.undo(p)


def report_html(dialog: QWidget, report: MergeReport) -> str:
    t = dialog.tr
    rows = [
        (t("Merged from"), ", ".join(report.sources)),
        (t("Documents"), t("{new} new, {known} already present").format(
            new=len(report.documents_added), known=report.documents_matched)),
        (t("Codes"), t("{new} new, {known} already present").format(
            new=len(report.codes_added), known=report.codes_matched)),
        (t("Coders"), ", ".join(report.coders) or "–"),
        (t("Coded fragments"), t("{new} new, {codes} codes added to existing fragments, "
                                 "{same} already present").format(
            new=report.segments_added, codes=report.codings_added,
            same=report.segments_already_present)),
        (t("Memos"), str(report.memos_added)),
        (t("Matrix summaries"), str(report.summaries_added)),
    ]
    body = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
    extra = ""
    if report.codes_added:
        extra += "<p>" + t("New codes:") + " " + ", ".join(report.codes_added) + "</p>"
    if report.documents_added:
        extra += "<p>" + t("New documents:") + " " + ", ".join(report.documents_added) + "</p>"
    if not report.changed:
        extra += "<p><i>" + t("Nothing new: everything in these projects was already here.") \
            + "</i></p>"
    return f"<table cellspacing='4'>{body}</table>{extra}"


class MergeDialog(QDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: ops.Task | None = None
        self.report: MergeReport | None = None
        self.setWindowTitle(self.tr("Merge projects"))
        self.setObjectName("mergeDialog")
        intro = QLabel(self.tr("Bring in the documents, codes, coded fragments and memos of "
                               "other Duiding projects of the same study. Documents are "
                               "recognised by their content, codes by their path; each "
                               "coder's work stays under their own name. Undo takes the whole "
                               "merge back."))
        intro.setWordWrap(True)
        self.files = QListWidget(objectName="mergeFiles")
        add = QPushButton(self.tr("Add projects…"))
        add.clicked.connect(self._browse)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: [self.files.takeItem(self.files.row(i))
                                        for i in self.files.selectedItems()])
        self.result_view = QTextBrowser(objectName="mergeReport")
        self.result_view.hide()
        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton(self.tr("Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.merge_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        side.addWidget(add)
        side.addWidget(remove)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addLayout(side)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(row)
        lay.addWidget(self.result_view, 1)
        lay.addWidget(self.buttons)
        self.resize(560, 420)

    def add_files(self, paths: list[Path]) -> None:
        present = {self.files.item(i).text() for i in range(self.files.count())}
        for p in paths:
            if str(p) not in present:
                self.files.addItem(str(p))

    def _browse(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Projects to merge"), "",
                                                self.tr("Duiding projects (*.duiding)"))
        self.add_files([Path(n) for n in names])

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def run(self) -> ops.Task | None:
        project, paths = self.ctx.project, self.paths()
        if project is None or not paths:
            return None
        if self.ctx.readonly:
            show_message(self, self.tr("The project is open read-only."))
            return None
        command = MergeProjects(paths)
        self.merge_button.setEnabled(False)

        def done(changes: Changes) -> None:
            self.merge_button.setEnabled(True)
            assert command.report is not None
            self.report = command.report
            if command.report.changed:
                self.ctx.push(_DoneInWorker(command, changes))
                step = self.ctx.undo_stack.command(self.ctx.undo_stack.index() - 1)
                if step is not None:
                    step.setText(self.tr("Merge projects: {files}").format(files=command.detail))
            self.result_view.setHtml(report_html(self, command.report))
            self.result_view.show()
            self.files.clear()

        def failed(exc: BaseException) -> None:
            self.merge_button.setEnabled(True)
            show_failure(self, exc)

        self.task = ops.run_task(lambda _p, _c: command.do(project), parent=self,
                                 label=self.tr("Merging projects…"), cancellable=False,
                                 on_done=done, on_error=failed)
        return self.task


def _t(text: str) -> str:
    return QCoreApplication.translate("MergeDialog", text)


def install(host: Any) -> None:
    action = file_action(host, _t("Merge projects…"), "actionMerge")

    def open_dialog() -> None:
        if host.ctx.project is None:
            show_message(host.window, _t("Open a project first."))
            return
        dialog = MergeDialog(host.ctx, host.window)
        dialog.open()

    action.triggered.connect(open_dialog)
