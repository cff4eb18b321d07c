"""The cases page of the attributes dialog: cases × case attributes, with their documents.

A case (e.g. a family, "gezin 3") has attributes of its own that do not belong on each interview:
the family's gemeente, the number of children, the year help started. Editing a cell pushes
`SetCaseAttribute` (or `RenameCase` for the name column) on the undo stack like every other edit;
the dialog reloads on the broadcast, so the table never writes to the project itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coding.commands import Command, RenameCase, SetCaseAttribute
from coding.project import Project
from coding.types import AttributeScope, CaseId

Index = QModelIndex | QPersistentModelIndex
NAME_COLUMN, DOCUMENTS_COLUMN, FIRST_ATTRIBUTE = 0, 1, 2


@dataclass(frozen=True)
class CaseRow:
    id: CaseId
    name: str
    documents: tuple[str, ...]  # member document names, in document order
    values: dict[str, str]


class CaseTableModel(QAbstractTableModel):
    """Rows are cases; columns: name, member documents, then the case attributes."""

    def __init__(self, push: Callable[[Command], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._push = push
        self._rows: list[CaseRow] = []
        self._attrs: list[str] = []
        self.editable = True

    @property
    def attributes(self) -> list[str]:
        return list(self._attrs)

    def set_data(self, rows: list[CaseRow], attrs: list[str]) -> None:
        # Columns the user added but has not filled yet stay until the dialog closes.
        known = {a.casefold() for a in attrs}
        attrs = attrs + [a for a in self._attrs if a.casefold() not in known]
        if [r.id for r in rows] == [r.id for r in self._rows] and attrs == self._attrs:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows, self._attrs = rows, attrs
        self.endResetModel()

    def add_attribute(self, name: str) -> bool:
        name = name.strip()
        if not name or name.casefold() in {a.casefold() for a in self._attrs}:
            return False
        col = self.columnCount()
        self.beginInsertColumns(QModelIndex(), col, col)
        self._attrs.append(name)
        self.endInsertColumns()
        return True

    def case_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else FIRST_ATTRIBUTE + len(self._attrs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.ToolTipRole and col == DOCUMENTS_COLUMN:
            return "\n".join(row.documents) or None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if col == NAME_COLUMN:
            return row.name
        if col == DOCUMENTS_COLUMN:
            return ", ".join(row.documents)
        return row.values.get(self._attrs[col - FIRST_ATTRIBUTE], "")

    def setData(self, index: Index, value: object,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable
                or index.column() == DOCUMENTS_COLUMN):
            return False
        row, text = self._rows[index.row()], str(value).strip()
        if index.column() == NAME_COLUMN:
            if not text or text == row.name:
                return False
            cmd: Command = RenameCase(row.id, text)
            cmd.detail = f"{row.name} → {text}"
        else:
            name = self._attrs[index.column() - FIRST_ATTRIBUTE]
            if text == row.values.get(name, ""):
                return False
            cmd = SetCaseAttribute(row.id, name, text or None)
            cmd.detail = f"{row.name}: {name}"
        return self._push(cmd)  # the broadcast refreshes the row

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == NAME_COLUMN:
            return self.tr("Case")
        if section == DOCUMENTS_COLUMN:
            return self.tr("Documents")
        i = section - FIRST_ATTRIBUTE
        return self._attrs[i] if 0 <= i < len(self._attrs) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() != DOCUMENTS_COLUMN:
            f |= Qt.ItemFlag.ItemIsEditable
        return f


class CasesPage(QWidget):
    """The "Cases" tab: the table, a button for a new case attribute column, and one for the
    selected case's memo (`memo_requested`, opened by the dialog)."""

    memo_requested = Signal(object, str)  # CaseId, case name

    def __init__(self, push: Callable[[Command], bool], readonly: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casesPage")
        self.model = CaseTableModel(push, self)
        self.model.editable = not readonly
        self.view = QTableView()
        self.view.setObjectName("caseTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.add_button = QPushButton(self.tr("Add case attribute…"))
        self.add_button.clicked.connect(self._ask_attribute)
        self.add_button.setEnabled(not readonly)
        self.memo_button = QPushButton(self.tr("Case memo…"), objectName="caseMemoButton")
        self.memo_button.setToolTip(self.tr("The memo on the selected case (e.g. the family)"))
        self.memo_button.clicked.connect(self._ask_memo)
        self.memo_button.setEnabled(False)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.memo_button.setEnabled(self.view.currentIndex().isValid()))
        hint = QLabel(self.tr("A case groups documents, e.g. the interviews with one family. "
                              "Put documents in a case in the Documents tab; attributes here "
                              "belong to the case as a whole (e.g. its gemeente)."))
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.memo_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view)
        layout.addLayout(row)

    def reload(self, project: Project) -> None:
        names = {d.id: d.name for d in project.documents.list()}
        values = project.attributes.case_values()
        rows = [CaseRow(case_id, name, tuple(names[d] for d in members if d in names),
                        values.get(case_id, {}))
                for case_id, name, members in project.attributes.cases()]
        attrs = [n for _, n, _ in project.attributes.list(AttributeScope.CASE)]
        first = self.model.rowCount() == 0
        self.model.set_data(rows, attrs)
        if first:
            self.view.resizeColumnsToContents()
            if self.view.columnWidth(DOCUMENTS_COLUMN) > 360:  # many interviews: see tooltip
                self.view.setColumnWidth(DOCUMENTS_COLUMN, 360)

    def _ask_memo(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            case = self.model.case_at(index.row())
            self.memo_requested.emit(case.id, case.name)

    def _ask_attribute(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add case attribute"), self.tr("Name:"))
        if ok and self.model.add_attribute(name):
            col = self.model.columnCount() - 1
            self.view.resizeColumnToContents(col)
            if self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(0, col))
