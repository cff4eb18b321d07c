"""The document list: documents with their attributes as columns, a filter box, grouping by case.

`DocumentListModel` is a two-level adapter over `DocumentInfo` values: flat (one row per
document) or grouped (cases, each with its documents). It resets only when the grouping or the
set of documents/columns changes, and emits dataChanged when only values changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from app.panels.groups import group_menu
from coding.commands import DeleteDocuments, RenameDocument
from coding.groups import GroupKind
from coding.types import Changes, DocumentId, DocumentInfo

Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(QAbstractItemModel):
    FIXED = 3  # name, words, case

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._docs: list[DocumentInfo] = []
        self._attrs: list[str] = []
        self.grouped = False
        self._groups: list[tuple[str | None, list[DocumentInfo]]] = []
        self.no_case_label = ""

    def set_documents(self, docs: Sequence[DocumentInfo], attributes: Sequence[str]) -> None:
        same_shape = [d.id for d in docs] == [d.id for d in self._docs] \
            and list(attributes) == self._attrs and [d.case for d in docs] == \
            [d.case for d in self._docs]
        if same_shape and self._docs:
            self._docs = list(docs)
            self._regroup()
            self._emit_all_changed()
            return
        self.beginResetModel()
        self._docs, self._attrs = list(docs), list(attributes)
        self._regroup()
        self.endResetModel()

    def set_grouped(self, grouped: bool) -> None:
        if grouped != self.grouped:
            self.beginResetModel()
            self.grouped = grouped
            self._regroup()
            self.endResetModel()

    def _regroup(self) -> None:
        groups: dict[str | None, list[DocumentInfo]] = {}
        for d in self._docs:
            groups.setdefault(d.case, []).append(d)
        self._groups = sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))

    def _emit_all_changed(self) -> None:
        last = self.columnCount() - 1
        if self.grouped:
            for r, (_case, docs) in enumerate(self._groups):
                parent = self.index(r, 0)
                self.dataChanged.emit(self.index(r, 0), self.index(r, last))
                if docs:
                    self.dataChanged.emit(self.index(0, 0, parent),
                                          self.index(len(docs) - 1, last, parent))
        elif self._docs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._docs) - 1, last))

    # -- lookup --------------------------------------------------------------------------------

    def document(self, index: Index) -> DocumentInfo | None:
        if not index.isValid():
            return None
        if not self.grouped:
            return self._docs[index.row()] if index.row() < len(self._docs) else None
        group = int(index.internalId())
        if group == 0:
            return None
        docs = self._groups[group - 1][1]
        return docs[index.row()] if index.row() < len(docs) else None

    def index_of(self, doc_id: DocumentId) -> QModelIndex:
        if not self.grouped:
            for r, d in enumerate(self._docs):
                if d.id == doc_id:
                    return self.index(r, 0)
            return QModelIndex()
        for g, (_case, docs) in enumerate(self._groups):
            for r, d in enumerate(docs):
                if d.id == doc_id:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    # -- QAbstractItemModel ----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not (0 <= column < self.columnCount()) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            limit = len(self._groups) if self.grouped else len(self._docs)
            return self.createIndex(row, column, 0) if row < limit else QModelIndex()
        if not self.grouped or parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        if row >= len(self._groups[parent.row()][1]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    # Qt's QAbstractItemModel::parent(index) beside QObject::parent(): Python overrides both.
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._groups) if self.grouped else len(self._docs)
        if self.grouped and parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return self.FIXED + len(self._attrs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        doc = self.document(index)
        col = index.column()
        if doc is None:  # a case group
            case, docs = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                if col == 0:
                    return f"{case or self.no_case_label} ({len(docs)})"
                return None
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return doc.name
            if col == 1:
                return doc.words
            if col == 2:
                return doc.case or ""
            return doc.attributes.get(self._attrs[col - self.FIXED], "")
        if role == Qt.ItemDataRole.UserRole:
            return doc.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < self.FIXED:
            return (self.tr("Document"), self.tr("Words"), self.tr("Case"))[section]
        if section < self.columnCount():
            return self._attrs[section - self.FIXED]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class DocumentListPanel(QWidget):
    document_activated = Signal(object)  # DocumentId
    edit_attributes_requested = Signal()
    speakers_requested = Signal(object)  # DocumentId

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentListPanel")
        self.ctx = ctx
        self.model = DocumentListModel(self)
        self.model.no_case_label = self.tr("(no case)")
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("documentFilter")
        self.filter.setPlaceholderText(self.tr("Filter documents…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.group = QCheckBox(self.tr("Group by case"))
        self.group.toggled.connect(self._set_grouped)
        self.view = QTreeView()
        self.view.setObjectName("documentList")
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.activated.connect(self._activate)
        self.view.clicked.connect(self._activate)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.group)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.view)
        ctx.project_changed.connect(self.reload)
        ctx.changed.connect(self._on_changed)

    def reload(self) -> None:
        p = self.ctx.project
        if p is None:
            self.model.set_documents([], [])
            return
        self.model.set_documents(p.documents.list(), p.attributes.names())
        self.view.resizeColumnToContents(0)

    def _on_changed(self, changes: Changes) -> None:
        if changes.documents or changes.attributes:
            self.reload()

    def _set_grouped(self, on: bool) -> None:
        self.model.set_grouped(on)
        self.view.setRootIsDecorated(on)
        if on:
            self.view.expandAll()

    def _activate(self, index: QModelIndex) -> None:
        doc = self.model.document(self.proxy.mapToSource(index))
        if doc is not None:
            self.document_activated.emit(doc.id)

    def select_document(self, doc_id: DocumentId) -> None:
        ix = self.proxy.mapFromSource(self.model.index_of(doc_id))
        if ix.isValid():
            self.view.setCurrentIndex(ix)

    def selected_documents(self) -> list[DocumentInfo]:
        out = []
        for ix in self.view.selectionModel().selectedRows(0):
            doc = self.model.document(self.proxy.mapToSource(ix))
            if doc is not None:
                out.append(doc)
        return out

    def _menu(self, pos: QPoint) -> None:
        docs = self.selected_documents()
        writable = self.ctx.project is not None and not self.ctx.readonly
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Open"), lambda: self.document_activated.emit(docs[0].id)) \
            .setEnabled(len(docs) == 1)
        menu.addAction(self.tr("Rename…"), lambda: self._rename(docs[0])) \
            .setEnabled(writable and len(docs) == 1)
        menu.addAction(self.tr("Speakers…"), lambda: self.speakers_requested.emit(docs[0].id)) \
            .setEnabled(len(docs) == 1)
        menu.addAction(self.tr("Attributes and cases…"), self.edit_attributes_requested.emit)
        menu.addMenu(group_menu(menu, self.ctx, GroupKind.DOCUMENT, [d.id for d in docs]))
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self._delete(docs)) \
            .setEnabled(writable and bool(docs))
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _rename(self, doc: DocumentInfo) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Rename document"), self.tr("Name:"),
                                        text=doc.name)
        if ok and name.strip() and name.strip() != doc.name:
            cmd = RenameDocument(doc.id, name.strip())
            cmd.detail = name.strip()
            self.ctx.run(cmd, parent=self)

    def _delete(self, docs: list[DocumentInfo]) -> None:
        answer = QMessageBox.question(
            self, self.tr("Delete documents"),
            self.tr("Delete %n document(s) with all their codings? You can undo this.", "",
                    len(docs)))
        if answer == QMessageBox.StandardButton.Yes:
            cmd = DeleteDocuments([d.id for d in docs])
            cmd.detail = ", ".join(d.name for d in docs)[:80]
            self.ctx.run(cmd, parent=self)
