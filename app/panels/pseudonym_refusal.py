"""An export the pseudonymisation guard refused: every finding with its document, context and a
way to fix it — never a bare count (issue #21 item 3, issue #11 'The guard').

Fixes offered per finding (``coding.pseudonymise.guard.Fix``): open the review (the name was
detected but never applied, or is still in a text), rename the coder (a coder's name equals a
name in the key; the chapter names its coders), keep an ordinary word (``negen``, ``hoek``
ended up in the key). When every finding is a name that was detected but never applied, the
dialog also offers to export anyway, naming how many names that lets through.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from app.panels.pseudonymise import open_review
from coding.pseudonymise.fixes import RejectKeyEntry, RenameCoder
from coding.pseudonymise.guard import Finding, FindingKind, Fix, OriginalInExport


class RefusalDialog(QDialog):
    DOCUMENT, CONTEXT, ORIGINAL, ACTION = range(4)

    def __init__(self, ctx: ProjectContext, refused: OriginalInExport,
                 parent: QWidget | None = None,
                 export_anyway: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportRefusal")
        self.setWindowTitle(self.tr("Export refused"))
        self.ctx = ctx
        self.findings = refused.findings
        self._export_anyway = export_anyway
        unreviewed = [f for f in self.findings if f.kind is FindingKind.UNREVIEWED]
        head = QLabel(self.tr("Nothing was written: %n place(s) in the export still hold "
                              "personal data from the pseudonym key.", "", len(self.findings)))
        head.setObjectName("refusalHeadline")
        head.setWordWrap(True)
        explain = QLabel(self.tr("Names marked 'not pseudonymised yet' were detected but never "
                                 "applied (or the pseudonymisation was undone). Open the review "
                                 "to apply them, or fix each place below."))
        explain.setWordWrap(True)
        self.table = QTableWidget(len(self.findings), 4)
        self.table.setObjectName("refusalFindings")
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Context"),
                                              self.tr("Name"), ""])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.CONTEXT, QHeaderView.ResizeMode.Stretch)
        for row, finding in enumerate(self.findings):
            self._fill(row, finding)
        self.table.resizeColumnToContents(self.DOCUMENT)
        self.table.resizeColumnToContents(self.ORIGINAL)
        self.table.resizeColumnToContents(self.ACTION)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.review_button = buttons.addButton(self.tr("Open the review"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.review_button.setObjectName("openReview")
        self.review_button.clicked.connect(self.open_review)
        self.anyway_button: QPushButton | None = None
        if export_anyway is not None and unreviewed and len(unreviewed) == len(self.findings):
            names = len({f.original.casefold() for f in unreviewed})
            self.anyway_button = buttons.addButton(
                self.tr("Export anyway (%n name(s) not pseudonymised)", "", names),
                QDialogButtonBox.ButtonRole.DestructiveRole)
            self.anyway_button.setObjectName("exportAnyway")
            self.anyway_button.clicked.connect(self.export_anyway)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(880, 420)

    def _fill(self, row: int, finding: Finding) -> None:
        where = finding.document
        if finding.kind is FindingKind.UNREVIEWED:
            where += "\n" + self.tr("not pseudonymised yet")
        for col, text in ((self.DOCUMENT, where), (self.CONTEXT, finding.context),
                          (self.ORIGINAL, finding.original)):
            self.table.setItem(row, col, QTableWidgetItem(text))
        labels = {Fix.REVIEW: self.tr("Open the review"),
                  Fix.RENAME_CODER: self.tr("Rename the coder…"),
                  Fix.REJECT_COMMON_WORD: self.tr("Keep this word")}
        button = QPushButton(labels[finding.fix])
        button.setObjectName(f"fix_{finding.fix.value}_{row}")
        button.clicked.connect(lambda _c=False, f=finding, b=button: self.fix(f, b))
        self.table.setCellWidget(row, self.ACTION, button)

    def fix(self, finding: Finding, button: QPushButton) -> None:
        if finding.fix is Fix.REVIEW:
            self.open_review()
            return
        if finding.fix is Fix.REJECT_COMMON_WORD:
            if self.ctx.run(RejectKeyEntry(finding.original), parent=self) is not None:
                button.setEnabled(False)
                button.setText(self.tr("Kept"))
            return
        project = self.ctx.project
        coders = [n for _i, n, _c, _k in project.coders.list()] if project else []
        old = next((c for c in coders if finding.original.casefold() in c.casefold()), None)
        if old is None:
            return
        new, ok = QInputDialog.getText(self, self.tr("Rename the coder"),
                                       self.tr("New name for coder “{name}” (e.g. initials):")
                                       .format(name=old))
        if ok and new.strip() and self.ctx.run(RenameCoder(old, new), parent=self) is not None:
            button.setEnabled(False)
            button.setText(self.tr("Renamed"))

    def open_review(self) -> None:
        open_review(self.ctx, self.parentWidget())
        self.accept()

    def export_anyway(self) -> None:
        self.accept()
        if self._export_anyway is not None:
            self._export_anyway()


def show_refusal(ctx: ProjectContext, refused: OriginalInExport, parent: QWidget | None = None,
                 export_anyway: Callable[[], object] | None = None) -> RefusalDialog:
    """Open (window-modal, not blocking) the refusal dialog for a refused export."""
    dialog = RefusalDialog(ctx, refused, parent, export_anyway)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
