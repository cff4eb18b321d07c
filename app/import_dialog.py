"""File → Import: choose files or a folder and an optional attribute sheet, run the bulk import
(`importers.batch.ImportFiles`) in the background with progress and cancel as one undo step, and
show the summary with translated reasons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from app.errors import import_reason
from app.ops import Task
from coding.types import Changes
from importers.batch import ImportFiles, ImportSummary

TRANSCRIPT_FILTER = "*.txt *.docx *.odt *.rtf *.vtt *.srt *.pdf"


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import transcripts"))
        self.files = QListWidget()
        add_files = QPushButton(self.tr("Add files…"))
        add_files.clicked.connect(self._add_files)
        add_folder = QPushButton(self.tr("Add folder…"))
        add_folder.clicked.connect(self._add_folder)
        self.sheet = QLineEdit()
        self.sheet.setPlaceholderText(self.tr("optional: respondents.csv or .xlsx"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._pick_sheet)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Transcripts (Word, text, ODT, RTF, PDF, subtitles):")))
        layout.addWidget(self.files)
        row = QHBoxLayout()
        row.addWidget(add_files)
        row.addWidget(add_folder)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Attribute sheet (one row per respondent):")))
        row2 = QHBoxLayout()
        row2.addWidget(self.sheet, 1)
        row2.addWidget(browse)
        layout.addLayout(row2)
        layout.addWidget(buttons)
        self.resize(520, 380)

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def attribute_sheet(self) -> Path | None:
        return Path(self.sheet.text().strip()) if self.sheet.text().strip() else None

    def _add_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose transcripts"), "",
            self.tr("Transcripts") + f" ({TRANSCRIPT_FILTER});;" + self.tr("All files") + " (*)")
        self.files.addItems(names)

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"))
        if folder:
            self.files.addItem(folder)

    def _pick_sheet(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attribute sheet"), "",
                                              "CSV / Excel (*.csv *.xlsx)")
        if name:
            self.sheet.setText(name)


def start_import(ctx: ProjectContext, parent: QWidget | None, paths: Sequence[Path],
                 attributes: Path | None = None,
                 on_finished: Callable[[object], None] | None = None) -> Task | None:
    """Import in the background (one undo step); then show the summary."""
    if ctx.project is None or ctx.readonly or not paths:
        return None
    command = ImportFiles(list(paths), attributes)

    def done(_changes: Changes) -> None:
        assert command.summary is not None
        show_summary(parent, command.summary)
        if on_finished is not None:
            on_finished(command.summary)

    def failed(exc: BaseException) -> None:
        if on_finished is not None:
            on_finished(exc)

    ctx.run(command, background=True, parent=parent,
            label=QCoreApplication.translate("Import", "Importing transcripts…"),
            on_done=done, on_failed=failed)
    return ctx.task



def summary_text(summary: ImportSummary) -> tuple[str, str]:
    head = QCoreApplication.translate("Import", "{imported} imported, {skipped} skipped, {failed} failed").format(
        imported=summary.count("imported"), skipped=summary.count("skipped"),
        failed=summary.count("failed"))
    if summary.cancelled:
        head += " " + QCoreApplication.translate("Import", "(cancelled)")
    lines = []
    for o in summary.outcomes:
        if o.status == "imported":
            lines.append(QCoreApplication.translate("Import", "✓ {name}: %n turn(s)", "",
                                                    o.turns).format(name=o.name or o.path.name))
        elif o.reason == "unsupported" and o.status == "skipped":
            continue  # README.md, .json next to the transcripts: not worth a line each
        else:
            lines.append(QCoreApplication.translate("Import", "✗ {file}: {reason}").format(file=o.path.name,
                                                         reason=import_reason(o.reason)))
    if summary.unmatched_rows:
        lines.append(QCoreApplication.translate("Import", "Sheet rows without a document: {rows}").format(
            rows=", ".join(summary.unmatched_rows)))
    return head, "\n".join(lines)


def show_summary(parent: QWidget | None, summary: ImportSummary) -> None:
    head, detail = summary_text(summary)
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("Import", "Import"), head,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("importSummary")
    box.setInformativeText(detail)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
