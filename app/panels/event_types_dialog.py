"""The editable list of event types: rename, map codebook codes onto a type, add, remove.

Each edit is one undoable command through `ctx.run` (a type still used by events cannot be
removed; the error says how many use it). The durations count the default names (signaal,
aanmelding, wachttijd, start hulp, wisseling hulpverlener), which the dialog says.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from coding.commands.events import AddEventType, RemoveEventType, UpdateEventType
from coding.durations import CHANGE, REGISTRATION, SIGNAL, START, WAIT
from coding.events import EventTypeId
from coding.types import Changes


class EventTypesDialog(QDialog):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Event types"))
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The durations use the types {names}; renaming one of them "
                              "leaves it out of the durations.").format(
            names=", ".join((SIGNAL, REGISTRATION, WAIT, START, CHANGE))))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("eventTypesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Type"),
                                              self.tr("Codes that suggest it (comma-separated)")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._edited)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add type"))
        add.setObjectName("addEventType")
        add.clicked.connect(self.add_type)
        remove = QPushButton(self.tr("Remove type"))
        remove.setObjectName("removeEventType")
        remove.clicked.connect(self.remove_type)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ctx.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.events:
            self.reload()

    def reload(self) -> None:
        p = self.ctx.project
        self.table.blockSignals(True)
        types = p.events.types() if p is not None else []
        self.table.setRowCount(len(types))
        for r, t in enumerate(types):
            name = QTableWidgetItem(t.name)
            name.setData(Qt.ItemDataRole.UserRole, t.id)
            self.table.setItem(r, 0, name)
            self.table.setItem(r, 1, QTableWidgetItem(", ".join(t.code_paths)))
        self.table.blockSignals(False)

    def _edited(self, item: QTableWidgetItem) -> None:
        type_id = self._type_id(item.row())
        if item.column() == 0:
            cmd = UpdateEventType(type_id, name=item.text())
        else:
            paths = tuple(p.strip() for p in item.text().split(",") if p.strip())
            cmd = UpdateEventType(type_id, code_paths=paths)
        if self.ctx.run(cmd, parent=self) is None:
            self.reload()  # refused: show what the project holds

    def add_type(self) -> None:
        p = self.ctx.project
        if p is None:
            return
        names = {t.name for t in p.events.types()}
        base = self.tr("new type")
        name, n = base, 2
        while name in names:
            name, n = f"{base} {n}", n + 1
        self.ctx.run(AddEventType(name), parent=self)

    def remove_type(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.ctx.run(RemoveEventType(self._type_id(row)), parent=self)

    def _type_id(self, row: int) -> EventTypeId:
        name = self.table.item(row, 0)  # reload() puts an item in every cell
        assert name is not None
        return EventTypeId(int(name.data(Qt.ItemDataRole.UserRole)))
