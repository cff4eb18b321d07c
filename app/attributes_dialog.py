"""Attributes, cases and speakers editors.

`AttributeTableModel` shows documents × (case, attributes); editing a cell pushes
SetDocumentAttribute (or AssignCase for the case column) on the undo stack, so every edit is
undoable and broadcast like any other. The dialog's second tab (`app.case_attributes`) edits the
cases themselves: their names and case attributes, with their member documents. `SpeakersDialog` renames a document's speakers and sets
their role here or in every document.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.case_attributes import CasesPage
from app.context import ProjectContext
from app.labels import role_label
from app.memo_editor import open_memo
from coding.commands import (
    AssignCase,
    Command,
    SetDocumentAttribute,
    SetRoleEverywhere,
    SetSpeaker,
)
from coding.memos import MemoTarget
from coding.speaker_roles import guess_role
from coding.types import Changes, DocumentId, DocumentInfo, SpeakerRole

Index = QModelIndex | QPersistentModelIndex


class AttributeTableModel(QAbstractTableModel):
    def __init__(self, push: Callable[[Command], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._push = push
        self._docs: list[DocumentInfo] = []
        self._attrs: list[str] = []
        self.editable = True

    def set_data(self, docs: list[DocumentInfo], attrs: list[str]) -> None:
        if [d.id for d in docs] == [d.id for d in self._docs] and attrs == self._attrs:
            self._docs = docs
            if docs:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(docs) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._docs, self._attrs = docs, attrs
        self.endResetModel()

    def add_attribute(self, name: str) -> None:
        if name in self._attrs:
            return
        col = self.columnCount()
        self.beginInsertColumns(QModelIndex(), col, col)
        self._attrs.append(name)
        self.endInsertColumns()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 1 + len(self._attrs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.EditRole):
            return None
        doc = self._docs[index.row()]
        if index.column() == 0:
            return doc.case or ""
        return doc.attributes.get(self._attrs[index.column() - 1], "")

    def setData(self, index: Index, value: object,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        doc, text = self._docs[index.row()], str(value).strip()
        if index.column() == 0:
            if text == (doc.case or ""):
                return False
            cmd: Command = AssignCase(doc.id, text or None)
            cmd.detail = f"{doc.name}: {text}"
        else:
            name = self._attrs[index.column() - 1]
            if text == doc.attributes.get(name, ""):
                return False
            cmd = SetDocumentAttribute(doc.id, name, text or None)
        return self._push(cmd)  # the broadcast refreshes the row

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._docs[section].name if section < len(self._docs) else None
        if section == 0:
            return self.tr("Case")
        return self._attrs[section - 1] if section - 1 < len(self._attrs) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return f | Qt.ItemFlag.ItemIsEditable if self.editable else f


class AttributesDialog(QDialog):
    """Two tabs: documents × attributes (case in the first column), and cases × case attributes."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributesDialog")
        self.setWindowTitle(self.tr("Attributes and cases"))
        self.ctx = ctx
        self.model = AttributeTableModel(self._push, self)
        self.model.editable = not ctx.readonly
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        add = QPushButton(self.tr("Add attribute…"))
        add.clicked.connect(self._add_attribute)
        add.setEnabled(not ctx.readonly)
        documents = QWidget()
        page = QVBoxLayout(documents)
        page.addWidget(QLabel(self.tr("Double-click a cell to edit. The first column is the "
                                      "case (e.g. the family) a document belongs to.")))
        page.addWidget(self.view)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        page.addLayout(row)
        self.cases = CasesPage(self._push, ctx.readonly)
        self.cases.memo_requested.connect(
            lambda case_id, name: open_memo(ctx, MemoTarget(case_id=case_id), name,
                                            self.parentWidget() or self).setWindowTitle(
                self.tr("Memo: {name}").format(name=name)))
        self.tabs = QTabWidget()
        self.tabs.addTab(documents, self.tr("Documents"))
        self.tabs.addTab(self.cases, self.tr("Cases"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(820, 420)
        self._reload()
        ctx.changed.connect(self._on_changed)

    def show_cases(self) -> None:
        self.tabs.setCurrentWidget(self.cases)

    def _reload(self) -> None:
        p = self.ctx.project
        if p is not None:
            self.model.set_data(p.documents.list(), p.attributes.names())
            self.view.resizeColumnsToContents()
            self.cases.reload(p)

    def _on_changed(self, changes: Changes) -> None:
        if changes.attributes or changes.documents:
            self._reload()

    def _push(self, cmd: Command) -> bool:
        return self.ctx.run(cmd, parent=self) is not None

    def _add_attribute(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add attribute"), self.tr("Name:"))
        if ok and name.strip():
            self.model.add_attribute(name.strip())


def open_attributes(ctx: ProjectContext, parent: QWidget | None, *, cases: bool = False) -> None:
    """Project → Attributes and cases… (with `cases`: its cases tab), not blocking."""
    if ctx.project is not None:
        dialog = AttributesDialog(ctx, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if cases:
            dialog.show_cases()
        dialog.show()


class SpeakersDialog(QDialog):
    """Rename speakers of one document; set their role here or in every document. Beside each
    role stands the guess from the label (`coding.speaker_roles.guess_role`, the one guesser
    import used); the researcher's choice is what counts."""

    def __init__(self, ctx: ProjectContext, doc_id: DocumentId,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakersDialog")
        self.ctx, self.doc_id = ctx, doc_id
        p = ctx.project
        assert p is not None
        self.setWindowTitle(self.tr("Speakers in {document}").format(
            document=p.documents.get(doc_id).name))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("speakersTable")
        self.table.setHorizontalHeaderLabels([self.tr("Speaker"), self.tr("Role"),
                                              self.tr("Guessed from the label"), self.tr("Turns")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._renamed)
        everywhere = QPushButton(self.tr("Use this role in every document"))
        everywhere.clicked.connect(self._everywhere)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(everywhere)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(620, 300)
        self._fill()

    def _fill(self) -> None:
        p = self.ctx.project
        assert p is not None
        self.table.blockSignals(True)
        self.speakers = p.documents.speakers(self.doc_id)
        self.table.setRowCount(len(self.speakers))
        for r, sp in enumerate(self.speakers):
            self.table.setItem(r, 0, QTableWidgetItem(sp.label))
            combo = QComboBox()
            for role in SpeakerRole:
                combo.addItem(role_label(role), role)
            combo.setCurrentIndex(combo.findData(sp.role))
            combo.currentIndexChanged.connect(lambda _i, row=r, c=combo: self._role(row, c))
            self.table.setCellWidget(r, 1, combo)
            guess = guess_role(sp.label)
            guessed = QTableWidgetItem(role_label(guess) if guess == sp.role else self.tr(
                "{role} (your choice differs)").format(role=role_label(guess)))
            guessed.setFlags(Qt.ItemFlag.ItemIsEnabled)
            guessed.setData(Qt.ItemDataRole.UserRole, guess.value)
            if guess != sp.role:
                guessed.setForeground(QColor("#8a6d00"))
            self.table.setItem(r, 2, guessed)
            turns = QTableWidgetItem(str(sp.turns))
            turns.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(r, 3, turns)
        self.table.blockSignals(False)

    def _push(self, cmd: Command) -> None:
        self.ctx.run(cmd, parent=self)
        self._fill()

    def _renamed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        sp = self.speakers[item.row()]
        if item.text().strip() and item.text().strip() != sp.label:
            cmd = SetSpeaker(self.doc_id, sp.id, label=item.text().strip())
            cmd.detail = item.text().strip()
            self._push(cmd)

    def _role(self, row: int, combo: QComboBox) -> None:
        sp = self.speakers[row]
        role = combo.currentData()
        if role != sp.role:
            cmd = SetSpeaker(self.doc_id, sp.id, role=role)
            cmd.detail = sp.label
            self._push(cmd)

    def _everywhere(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        sp = self.speakers[row]
        combo = self.table.cellWidget(row, 1)
        assert isinstance(combo, QComboBox)
        cmd = SetRoleEverywhere(sp.label, combo.currentData())
        cmd.detail = sp.label
        self._push(cmd)


def open_speakers(ctx: ProjectContext, doc_id: DocumentId | None, parent: QWidget | None) -> None:
    """The speakers of a document (its roles and names), not blocking."""
    if ctx.project is not None and doc_id is not None:
        dialog = SpeakersDialog(ctx, doc_id, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
