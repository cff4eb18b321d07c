"""File → Import questionnaire…: show the guessed mapping per column, let the researcher confirm or
correct it (role, attribute name, scale order, top box), then import as one undoable step.

The file is read off the GUI thread (`ops.run_task`, a reader); the dialog works on the plain
`SurveyTable` and `SurveyMapping` values and changes a column through `importers.survey_choose`,
the same functions `duiding import-survey` uses, so both accept and refuse alike. The import runs
through `ctx.run(ImportSurvey(...), background=True)`. Next year's file opens with the project's
saved mapping: those rows say "saved".
"""

from __future__ import annotations

from dataclasses import replace
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
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.context import ProjectContext
from app.errors import show_error
from app.panels import PanelHost
from app.panels.out_common import file_action, show_message
from coding.survey.commands import ImportSurvey
from coding.survey.mapping import ColumnMapping, Role, Source, SurveyMapping
from coding.survey.scales import Scale
from coding.types import Changes
from importers.survey import SurveyImportError, SurveyTable, read_survey
from importers.survey_choose import with_role
from importers.survey_guess import guess_mapping
from importers.survey_rows import prepare

SURVEY_FILTER = "*.xlsx *.csv *.sav"
ROLES = (Role.ID, Role.ATTRIBUTE, Role.METING, Role.CLOSED, Role.OPEN, Role.IGNORE)
COL_NAME, COL_EXAMPLE, COL_ROLE, COL_STORED, COL_SCALE, COL_SOURCE = range(6)


def _t(text: str) -> str:
    return QCoreApplication.translate("SurveyImport", text)


def role_label(role: Role) -> str:
    return {
        Role.ID: _t("Respondent id"), Role.ATTRIBUTE: _t("Attribute"), Role.METING: _t("Meting"),
        Role.CLOSED: _t("Closed item"), Role.OPEN: _t("Open question"),
        Role.IGNORE: _t("Leave out"),
    }[role]


def source_label(source: Source) -> str:
    return {Source.GUESS: _t("guessed"), Source.SAVED: _t("saved"),
            Source.USER: _t("chosen")}[source]


def provisional_scale(values: list[str]) -> Scale:
    """Answers that fit no known scale: listed for the researcher to put in order."""
    cats = tuple(sorted({" ".join(v.split()) for v in values if v.strip()}, key=str.casefold))
    return Scale(cats or ("?",), (cats or ("?",))[-1:], (), "")


class ScaleEditor(QGroupBox):
    """The answers of one closed item, lowest first; checked answers form the top box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Answer scale (lowest first; tick the answers that count as "
                              "positive)"))
        self.setObjectName("scaleEditor")
        self.list = QListWidget(objectName="scaleList")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.up = QPushButton(self.tr("Up"), objectName="scaleUp")
        self.down = QPushButton(self.tr("Down"), objectName="scaleDown")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.missing = QLabel(objectName="scaleMissing")
        self.missing.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        row.addWidget(self.missing, 1)
        self._scale: Scale | None = None
        self.on_change: Any = None
        self.list.itemChanged.connect(self._changed)
        self.list.model().rowsMoved.connect(self._changed)

    def show_scale(self, scale: Scale | None) -> None:
        self._scale = scale
        self.list.blockSignals(True)
        self.list.clear()
        for cat in scale.categories if scale else ():
            item = QListWidgetItem(cat)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if scale and cat in scale.top_box
                               else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        shown = ", ".join(scale.missing) if scale and scale.missing else ""
        self.missing.setText(self.tr("Not counted: {answers}").format(answers=shown)
                             if shown else "")
        self.setEnabled(scale is not None)

    def scale(self) -> Scale | None:
        if self._scale is None:
            return None
        cats = tuple(self.list.item(i).text() for i in range(self.list.count()))
        top = tuple(self.list.item(i).text() for i in range(self.list.count())
                    if self.list.item(i).checkState() == Qt.CheckState.Checked)
        return Scale(cats, top, self._scale.missing, self._scale.name)

    def set_top_box(self, answers: list[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in answers
                               else Qt.CheckState.Unchecked)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._changed()

    def _changed(self, *_args: object) -> None:
        if self.on_change is not None:
            self.on_change()


class SurveyImportDialog(QDialog):
    """One row per column of the file: its role, where it is stored, its scale."""

    def __init__(self, ctx: ProjectContext, table: SurveyTable,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.table = ctx, table
        self.setObjectName("surveyImportDialog")
        self.setWindowTitle(self.tr("Import questionnaire: {file}").format(file=table.path.name))
        saved = ctx.project.surveys.saved_mapping() if ctx.project else {}
        self.mapping: SurveyMapping = guess_mapping(table, saved)
        self.notes: dict[str, str] = {}  # column -> why its scale is provisional
        intro = QLabel(self.tr(
            "{n} respondents. Check what each column is: the respondent id, an attribute "
            "(gemeente, type respondent…), the meting, a closed item on an answer scale, or an "
            "open question whose answers you will code. Personal data such as names and e-mail "
            "addresses is left out.").format(n=len(table.rows)))
        intro.setWordWrap(True)
        self.grid = QTableWidget(0, 6, objectName="surveyColumns")
        self.grid.setHorizontalHeaderLabels([
            self.tr("Column"), self.tr("Example answers"), self.tr("Import as"),
            self.tr("Attribute or question"), self.tr("Scale (top box)"), self.tr("From")])
        self.grid.verticalHeader().hide()
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        head = self.grid.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setStretchLastSection(False)
        self.grid.itemSelectionChanged.connect(self._selected)
        self.grid.itemChanged.connect(self._renamed)
        self.scale_editor = ScaleEditor()
        self.scale_editor.on_change = self._scale_edited
        self.meting = QLineEdit(self.mapping.meting, objectName="surveyMeting")
        self.meting.setPlaceholderText(self.tr("e.g. 2024"))
        self.meting.textChanged.connect(self._meting_changed)
        self.problems = QLabel(objectName="surveyProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.import_button.setObjectName("surveyImportButton")
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        meting_row = QHBoxLayout()
        meting_row.addWidget(QLabel(self.tr("Meting for every respondent (when no column "
                                            "holds it):")))
        meting_row.addWidget(self.meting)
        meting_row.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.grid)
        split.addWidget(self.scale_editor)
        split.setSizes([380, 140])
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(meting_row)
        lay.addWidget(split, 1)
        lay.addWidget(self.problems)
        lay.addWidget(buttons)
        self._fill()
        self.resize(1040, 640)
        for col, width in ((COL_NAME, 230), (COL_EXAMPLE, 230), (COL_ROLE, 160),
                           (COL_STORED, 200), (COL_SCALE, 180), (COL_SOURCE, 70)):
            self.grid.setColumnWidth(col, width)

    # -- the grid ----------------------------------------------------------------------------

    def _examples(self, column: str) -> str:
        seen: list[str] = []
        for v in self.table.values(column):
            v = " ".join(v.split())
            if v and v not in seen:
                seen.append(v[:40] + ("…" if len(v) > 40 else ""))
            if len(seen) == 3:
                break
        return " · ".join(seen)

    def _fill(self) -> None:
        self.grid.blockSignals(True)
        self.grid.setRowCount(len(self.mapping.columns))
        for row, c in enumerate(self.mapping.columns):
            name = QTableWidgetItem(self.table.column(c.column).label or c.column)
            name.setToolTip(c.column)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.grid.setItem(row, COL_NAME, name)
            example = QTableWidgetItem(self._examples(c.column))
            example.setFlags(example.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.grid.setItem(row, COL_EXAMPLE, example)
            combo = QComboBox()
            combo.setObjectName(f"role_{row}")
            for role in ROLES:
                combo.addItem(role_label(role), role)
            combo.currentIndexChanged.connect(lambda _i, r=row: self._role_changed(r))
            self.grid.setCellWidget(row, COL_ROLE, combo)
            for col in (COL_STORED, COL_SCALE, COL_SOURCE):
                self.grid.setItem(row, col, QTableWidgetItem())
            self._show_row(row)
        self.grid.blockSignals(False)
        self._check()

    def _show_row(self, row: int) -> None:
        c = self.mapping.columns[row]
        self.grid.blockSignals(True)
        combo = self.grid.cellWidget(row, COL_ROLE)
        assert isinstance(combo, QComboBox)
        combo.blockSignals(True)
        combo.setCurrentIndex(ROLES.index(c.role))
        combo.blockSignals(False)
        stored = self._cell(row, COL_STORED)
        stored.setText(c.attribute if c.role in (Role.ATTRIBUTE, Role.CLOSED, Role.METING)
                       else c.label if c.role == Role.OPEN else "")
        editable = c.role in (Role.ATTRIBUTE, Role.CLOSED)
        flags = stored.flags()
        stored.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable
                        else flags & ~Qt.ItemFlag.ItemIsEditable)
        scale = self._cell(row, COL_SCALE)
        scale.setFlags(scale.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if c.scale is not None:
            scale.setText(f"{' / '.join(c.scale.categories)} ({c.scale.top_box_text()})")
        else:
            scale.setText("")
        scale.setToolTip(self.notes.get(c.column, ""))
        scale.setForeground(QColor("#b00020") if c.column in self.notes else QColor())
        source = self._cell(row, COL_SOURCE)
        source.setFlags(source.flags() & ~Qt.ItemFlag.ItemIsEditable)
        source.setText(source_label(c.source))
        self.grid.blockSignals(False)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.grid.item(row, column)
        assert item is not None  # the grid is filled with an item in every cell
        return item

    def row_of(self, column: str) -> int:
        return next(i for i, c in enumerate(self.mapping.columns) if c.column == column)

    def set_role(self, column: str, role: Role) -> None:
        """Choose a role for a column (what the combo box does)."""
        combo = self.grid.cellWidget(self.row_of(column), COL_ROLE)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(ROLES.index(role))

    def _role_changed(self, row: int) -> None:
        combo = self.grid.cellWidget(row, COL_ROLE)
        assert isinstance(combo, QComboBox)
        role = Role(combo.currentData())  # Qt hands the enum back as its str value
        column = self.mapping.columns[row].column
        self.notes.pop(column, None)
        try:
            self.mapping = with_role(self.table, self.mapping, column, role)
        except SurveyImportError as exc:  # answers fit no known scale: let the user order them
            scale = provisional_scale(self.table.values(column))
            self.mapping = with_role(self.table, self.mapping, column, role, scale=scale)
            self.notes[column] = exc.detail
        if role == Role.METING:
            self.meting.blockSignals(True)
            self.meting.clear()
            self.meting.blockSignals(False)
        for r in range(len(self.mapping.columns)):
            self._show_row(r)
        self.grid.selectRow(row)
        self._selected()
        self._check()

    def _renamed(self, item: QTableWidgetItem) -> None:
        if item.column() != COL_STORED:
            return
        c = self.mapping.columns[item.row()]
        name = " ".join(item.text().split())
        if name and name != c.attribute and c.role in (Role.ATTRIBUTE, Role.CLOSED):
            self.mapping = self.mapping.with_column(replace(c, attribute=name,
                                                            source=Source.USER))
            self._show_row(item.row())
            self._check()

    def _selected(self) -> None:
        rows = self.grid.selectionModel().selectedRows()
        c = self.mapping.columns[rows[0].row()] if rows else None
        self.scale_editor.show_scale(c.scale if c is not None and c.role == Role.CLOSED
                                     else None)

    def _scale_edited(self) -> None:
        rows = self.grid.selectionModel().selectedRows()
        scale = self.scale_editor.scale()
        if not rows or scale is None:
            return
        c = self.mapping.columns[rows[0].row()]
        self.notes.pop(c.column, None)
        self.mapping = self.mapping.with_column(replace(c, scale=scale, source=Source.USER))
        self._show_row(rows[0].row())
        self._check()

    def _meting_changed(self, text: str) -> None:
        self.mapping = SurveyMapping(self.mapping.columns, text.strip())
        self._check()

    def _check(self) -> None:
        problems = self.mapping.problems() + [
            self.tr("{column}: {why} Put the answers in order and tick the top box.").format(
                column=column, why=why) for column, why in self.notes.items()]
        self.import_button.setEnabled(not problems)
        if not self.mapping.meting and not self.mapping.of(Role.METING):  # allowed, but say so
            problems.append(self.tr("No meting: type one for every respondent, or choose the "
                                    "column that holds it."))
        self.problems.setText("\n".join(problems))

    # -- import ------------------------------------------------------------------------------

    def run_import(self) -> None:
        try:
            prepared = prepare(self.table, self.mapping)
        except SurveyImportError as exc:
            self.problems.setText(str(exc))
            self.import_button.setEnabled(False)
            return
        command = ImportSurvey(prepared)

        def done(_changes: Changes) -> None:
            n = len(prepared.respondents)
            detail = "\n".join(prepared.warnings)
            show_message(self.parentWidget(), _t("{n} respondents imported from {file}.").format(
                n=n, file=prepared.source_name), detail, name="surveyImported")
            self.accept()

        self.ctx.run(command, background=True, parent=self,
                     label=_t("Importing questionnaire…"), on_done=done)


def open_survey_import(ctx: ProjectContext, parent: QWidget | None,
                       path: Path) -> ops.Task | None:
    """Read the file in the background, then show the mapping dialog."""
    if ctx.project is None or ctx.readonly:
        return None

    def shown(table: SurveyTable) -> None:
        dialog = SurveyImportDialog(ctx, table, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    return ops.run_task(lambda _progress, _cancelled: read_survey(path), parent=parent,
                        label=_t("Reading {file}…").format(file=path.name), on_done=shown,
                        on_error=lambda exc: show_error(parent, exc), writer=False,
                        cancellable=False)


def install(host: PanelHost) -> None:
    action = file_action(host, _t("Import &questionnaire…"), "actionImportSurvey")

    def choose() -> None:
        if host.ctx.project is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            host.window, _t("Choose a questionnaire export"), "",
            _t("Questionnaires") + f" ({SURVEY_FILTER});;" + _t("All files") + " (*)")
        if name:
            open_survey_import(host.ctx, host.window, Path(name))

    action.triggered.connect(choose)


__all__ = ["ColumnMapping", "SurveyImportDialog", "open_survey_import"]
