"""Merge other coders' projects into the open one (File → Merge projects…).

Merging several student projects can take a while, so `MergeProjects` runs through
`ctx.run(..., background=True)`: on the writer thread, then ONE step on the undo stack.

Why a mapping page: students rename and move codes. Codes of the other projects whose path is not
here are listed (`plan_merge`) with a suggested target the user confirms or changes before the
merge, instead of silently becoming near-duplicate codes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.errors import show_error
from app.panels import PanelHost
from app.panels.out_common import file_action, show_message
from coding.commands import MergeProjects
from coding.merge import (
    MergePlan,
    MergeReport,
    Suggestion,
    UnmatchedCode,
    plan_merge,
)
from coding.types import Changes, CodeInfo


def report_html(dialog: QWidget, report: MergeReport) -> str:
    t = dialog.tr
    rows = [
        (t("Merged from"), ", ".join(report.sources)),
        (t("Documents"), t("{new} new, {known} already present").format(
            new=len(report.documents_added), known=report.documents_matched)),
        (t("Codes"), t("{new} new, {known} already present").format(
            new=len(report.codes_added), known=report.codes_matched)),
        (t("Mapped codes"), t("{codes} codes onto existing codes, {codings} codings").format(
            codes=len(report.codes_mapped), codings=report.codings_mapped)),
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


class MappingTable(QTableWidget):
    """One row per unmatched code path of the other projects; the last column picks the target."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setObjectName("mergeMapping")
        self.setHorizontalHeaderLabels([self.tr("Code in other project"), self.tr("Project"),
                                        self.tr("Fragments"), self.tr("Target code")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.paths: list[str] = []

    def fill(self, plan: MergePlan, ours: list[CodeInfo]) -> None:
        rows: dict[str, tuple[UnmatchedCode, list[str], int]] = {}
        for src in plan.sources:
            for u in src.unmatched:
                first, names, count = rows.get(u.path, (u, [], 0))
                rows[u.path] = (first, [*names, src.source], count + u.segments)
        self.setRowCount(0)
        self.setRowCount(len(rows))
        self.paths = list(rows)
        for row, (u, names, count) in enumerate(rows.values()):
            item = QTableWidgetItem(u.path)
            item.setData(Qt.ItemDataRole.DecorationRole, QColor(u.colour))
            item.setToolTip(u.definition)
            self.setItem(row, 0, item)
            self.setItem(row, 1, QTableWidgetItem(", ".join(names)))
            fragments = QTableWidgetItem()
            fragments.setData(Qt.ItemDataRole.DisplayRole, count)
            self.setItem(row, 2, fragments)
            combo = QComboBox(self)
            combo.addItem(self.tr("Create new code"), None)
            for code in ours:
                combo.addItem(code.path, int(code.id))
            if u.target is not None:
                combo.setCurrentIndex(combo.findData(int(u.target)))
            combo.setToolTip(self._why(u))
            self.setCellWidget(row, 3, combo)
        self.resizeColumnsToContents()

    def _why(self, u: UnmatchedCode) -> str:
        if u.suggestion is Suggestion.EARLIER_MERGE:
            return self.tr("Suggested: where an earlier merge put these fragments")
        if u.suggestion is Suggestion.SAME_NAME:
            return self.tr("Suggested: a code with the same name")
        if u.suggestion is Suggestion.SIMILAR_NAME:
            return self.tr("Suggested: a code with a similar name ({percent}%)").format(
                percent=round(100 * u.ratio))
        return self.tr("No code with a similar name here")

    def combo(self, path: str) -> QComboBox:
        widget = self.cellWidget(self.paths.index(path), 3)
        assert isinstance(widget, QComboBox)
        return widget

    def mapping(self) -> dict[str, int | None]:
        return {path: self.combo(path).currentData() for path in self.paths}


class MergeDialog(QDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: ops.Task | None = None
        self.report: MergeReport | None = None
        self.plan: MergePlan | None = None
        self.setWindowTitle(self.tr("Merge projects"))
        self.setObjectName("mergeDialog")
        intro = QLabel(self.tr("Bring in the documents, codes, coded fragments and memos of "
                               "other Duiding projects of the same study. Documents are "
                               "recognised by their content, codes by their path; for codes "
                               "without a match you choose the target code on the next page. "
                               "Each coder's work stays under their own name. Undo takes the "
                               "whole merge back."))
        intro.setWordWrap(True)
        self.files = QListWidget(objectName="mergeFiles")
        add = QPushButton(self.tr("Add projects…"))
        add.clicked.connect(self._browse)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: [self.files.takeItem(self.files.row(i))
                                        for i in self.files.selectedItems()])
        self.result_view = QTextBrowser(objectName="mergeReport")
        self.result_view.hide()
        self.mapping_table = MappingTable()
        self.buttons = QDialogButtonBox()
        self.back_button = self.buttons.addButton(self.tr("Back"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.next_button = self.buttons.addButton(self.tr("Next"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button = self.buttons.addButton(self.tr("Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.back_button.setObjectName("mergeBack")
        self.next_button.setObjectName("mergeNext")
        self.merge_button.setObjectName("mergeButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.back_button.clicked.connect(lambda: self._show_page(0))
        self.next_button.clicked.connect(self.next_page)
        self.merge_button.clicked.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        side.addWidget(add)
        side.addWidget(remove)
        side.addStretch(1)
        files_page = QWidget()
        row = QHBoxLayout(files_page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.files, 1)
        row.addLayout(side)
        mapping_page = QWidget()
        mapping_lay = QVBoxLayout(mapping_page)
        mapping_lay.setContentsMargins(0, 0, 0, 0)
        explain = QLabel(self.tr("These codes of the other projects have no code with the same "
                                 "path here. Choose where their coded fragments go: onto an "
                                 "existing code, or into a new code."))
        explain.setWordWrap(True)
        mapping_lay.addWidget(explain)
        mapping_lay.addWidget(self.mapping_table, 1)
        self.pages = QStackedWidget(objectName="mergePages")
        self.pages.addWidget(files_page)
        self.pages.addWidget(mapping_page)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.pages, 1)
        lay.addWidget(self.result_view, 1)
        lay.addWidget(self.buttons)
        self._show_page(0)
        self.resize(640, 460)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setVisible(index == 1)
        self.next_button.setVisible(index == 0)
        self.merge_button.setVisible(index == 1)

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

    def next_page(self) -> ops.Task | None:
        """Plan the merge; show the mapping page, or merge at once when every code matches."""
        project, paths = self.ctx.project, self.paths()
        if project is None or not paths:
            return None
        if self.ctx.readonly:
            show_message(self, self.tr("The project is open read-only."))
            return None
        try:
            self.plan = plan_merge(project, paths)
        except Exception as exc:  # a missing, locked or foreign file: say which and why
            show_error(self, exc)
            return None
        if not self.plan.unmatched_paths():
            return self.run()
        self.mapping_table.fill(self.plan, project.codes.tree())
        self._show_page(1)
        return None

    def run(self) -> ops.Task | None:
        """Merge the listed files, with the mapping page's choices once it has been shown."""
        project, paths = self.ctx.project, self.paths()
        if project is None or not paths:
            return None
        if self.ctx.readonly:
            show_message(self, self.tr("The project is open read-only."))
            return None
        mapping = self.mapping_table.mapping() if self.pages.currentIndex() == 1 else None
        command = MergeProjects(paths, mapping)
        self.merge_button.setEnabled(False)

        def done(_changes: Changes) -> None:
            self.merge_button.setEnabled(True)
            self.task = None
            assert command.report is not None
            self.report = command.report
            self.result_view.setHtml(report_html(self, command.report))
            self.result_view.show()
            self.files.clear()
            self.plan = None
            self._show_page(0)

        def failed(_exc: BaseException) -> None:
            self.merge_button.setEnabled(True)
            self.task = None

        self.ctx.run(command, background=True, parent=self, label=self.tr("Merging projects…"),
                     on_done=done, on_failed=failed)
        self.task = self.ctx.task
        return self.task


def _t(text: str) -> str:
    return QCoreApplication.translate("MergeDialog", text)


def install(host: PanelHost) -> None:
    action = file_action(host, _t("Merge projects…"), "actionMerge")

    def open_dialog() -> None:
        if host.ctx.project is None:
            show_message(host.window, _t("Open a project first."))
            return
        dialog = MergeDialog(host.ctx, host.window)
        dialog.open()

    action.triggered.connect(open_dialog)
