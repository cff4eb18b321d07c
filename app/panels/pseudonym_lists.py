"""The two lists beside the pseudonymisation review: the names the researcher knows, and which
attributes are identifying. Every edit is a core command run through ``ctx.run`` (undoable).

Name list (issue #21 item 4): add, remove (button, Delete key, context menu), rename and edit
variants in place, change the type (a school or organisation is never split into words, so a
multi-word school can no longer replace the municipality). Attributes (issue #11): a ticked
attribute's values are pseudonymised; years, ``meting``, respondent type and municipality stay
unless ticked, and the box says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from app.errors import show_error
from coding.commands import Command
from coding.pseudonymise import attributes, names
from coding.pseudonymise.detect import NameEntry
from coding.pseudonymise.model import PiiType


def name_type_label(kind: PiiType) -> str:
    labels = {
        PiiType.PERSON: QCoreApplication.translate("NameListBox", "person"),
        PiiType.SCHOOL: QCoreApplication.translate("NameListBox", "school"),
        PiiType.ORGANISATION: QCoreApplication.translate("NameListBox", "organisation"),
        PiiType.LOCATION: QCoreApplication.translate("NameListBox", "place"),
        PiiType.STREET: QCoreApplication.translate("NameListBox", "street"),
        PiiType.OTHER: QCoreApplication.translate("NameListBox", "other"),
    }
    return labels.get(kind, kind.value)


class NameListBox(QGroupBox):
    NAME, TYPE, VARIANTS = range(3)

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Names you know"), parent)
        self.ctx = ctx
        self._filling = False
        intro = QLabel(self.tr("Respondents, children, care workers, schools: names on this "
                               "list are always found, also in lower case and with -s/'s."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("nameList")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Type"),
                                              self.tr("Other forms")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(self.NAME,
                                                           QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(self.VARIANTS,
                                                           QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(self.tr("Double-click a name or its other forms to edit them "
                                      "(forms separated by commas)."))
        self.table.itemChanged.connect(self._item_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        remove_action = QAction(self.tr("Remove from the list"), self.table)
        remove_action.triggered.connect(self.remove_selected)
        self.table.addAction(remove_action)
        self.table.installEventFilter(self)  # Delete / Backspace remove the selected names
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. Shanice Pinas"))
        self.name_edit.setMinimumWidth(140)
        self.name_edit.returnPressed.connect(self.add_typed_name)
        self.type_combo = self._type_combo(PiiType.PERSON)
        self.type_combo.setObjectName("nameType")
        add = QPushButton(self.tr("Add"))
        add.setObjectName("addName")
        add.clicked.connect(self.add_typed_name)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeName")
        self.remove_button.clicked.connect(self.remove_selected)
        import_button = QPushButton(self.tr("Import list…"))
        import_button.setObjectName("importNames")
        import_button.setToolTip(self.tr("A text file with one name per line, or a CSV/Excel "
                                         "sheet saved as CSV with a column 'naam'."))
        import_button.clicked.connect(self.import_names_dialog)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.type_combo)
        row.addWidget(add)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(import_button)
        layout.addLayout(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and self.table.state() != QAbstractItemView.State.EditingState):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    def _type_combo(self, current: PiiType) -> QComboBox:
        combo = QComboBox()
        for kind in names.NAME_TYPES:
            combo.addItem(name_type_label(kind), kind.value)
        combo.setCurrentIndex(max(0, combo.findData(current.value)))
        return combo

    def refresh(self) -> None:
        project = self.ctx.project
        entries = names.names(project) if project is not None else []
        self._filling = True
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            item = QTableWidgetItem(entry.text)
            item.setData(Qt.ItemDataRole.UserRole, entry.text)
            self.table.setItem(row, self.NAME, item)
            combo = self._type_combo(entry.type)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, n=entry.text: self._type_changed(n, c))
            self.table.setCellWidget(row, self.TYPE, combo)
            self.table.setItem(row, self.VARIANTS, QTableWidgetItem(", ".join(entry.variants)))
        self.table.resizeColumnToContents(self.TYPE)
        self._filling = False

    def entries(self) -> list[str]:
        items = (self.table.item(r, self.NAME) for r in range(self.table.rowCount()))
        return [item.text() for item in items if item is not None]

    def _run(self, command: Command) -> bool:
        ok = self.ctx.run(command, parent=self.window()) is not None
        self.refresh()
        return ok

    def add_typed_name(self) -> None:
        name = " ".join(self.name_edit.text().split())
        if not name or self.ctx.project is None:
            return
        kind = PiiType(self.type_combo.currentData())
        if self._run(names.AddNames([NameEntry(name, kind)])):
            self.name_edit.clear()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            item = self.table.item(row, self.NAME)
            if item is not None:
                self._run(names.RemoveName(item.data(Qt.ItemDataRole.UserRole)))

    def _type_changed(self, name: str, combo: QComboBox) -> None:
        if not self._filling:
            self._run(names.EditName(name, type=PiiType(combo.currentData())))

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        name_item = self.table.item(item.row(), self.NAME)
        if name_item is None:
            return
        original = name_item.data(Qt.ItemDataRole.UserRole)
        if item.column() == self.NAME:
            self._run(names.EditName(original, new_name=item.text()))
        elif item.column() == self.VARIANTS:
            forms = [v for v in (x.strip() for x in item.text().split(",")) if v]
            self._run(names.EditName(original, variants=forms))

    def import_names(self, path: Path) -> int:
        if self.ctx.project is None:
            return 0
        try:
            found = names.read_names_file(path)
        except (OSError, UnicodeError, ValueError) as exc:
            show_error(self, exc)
            return 0
        command = names.AddNames(found)
        self._run(command)
        return len(command.added)

    def import_names_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import names"), "", self.tr("Name lists (*.txt *.csv);;All files (*)"))
        if path:
            self.import_names(Path(path))


class AttributeBox(QGroupBox):
    """Which attributes are pseudonymised: ticked = identifying."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attributes"), parent)
        self.ctx = ctx
        self._filling = False
        note = QLabel(self.tr("Only ticked attributes are pseudonymised. Years (meting), "
                              "respondent type and municipality stay as they are: reports are "
                              "published per municipality and compare years."))
        note.setObjectName("attributeNote")
        note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("identifyingAttributes")
        self.list.itemChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list)

    def refresh(self) -> None:
        project = self.ctx.project
        flags = attributes.identifying(project) if project is not None else {}
        self._filling = True
        self.list.clear()
        for name, identifying in flags.items():
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if identifying else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setMaximumHeight(max(48, min(6, self.list.count()) * 22 + 8))
        self._filling = False

    def item(self, name: str) -> QListWidgetItem | None:
        found = self.list.findItems(name, Qt.MatchFlag.MatchExactly)
        return found[0] if found else None

    def _changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        checked = item.checkState() == Qt.CheckState.Checked
        self.ctx.run(attributes.MarkAttribute(item.text(), checked), parent=self.window())
        self.refresh()
