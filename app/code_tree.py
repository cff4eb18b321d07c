"""The code tree: a thin QAbstractItemModel over code IDs (STYLE.md rule 9) and its panel.

The model keeps only ids, parent links and the plain `CodeInfo`/counts the core returns. On a
codebook change it syncs exactly: removed subtrees with beginRemoveRows, moved codes as a layout
change with persistent indexes remapped, new codes with beginInsertRows, and dataChanged for the
rest; it resets only when another project is opened. Dropping codes onto a code moves them under
it (MoveCode), or merges them into it when Alt/Shift is held (MergeCodes); between rows, it
reorders. The model never mutates the project: drops go to a callback that pushes commands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication

from app.panels.groups import tooltip_lines
from app.transcript_view import CODE_MIME
from coding.types import CodeId, CodeInfo

Index = QModelIndex | QPersistentModelIndex
DropHandler = Callable[[list[CodeId], CodeId | None, int, bool], bool]
# (dragged ids, new parent or None, row in the parent or -1 = onto the parent, merge?)


class CodeTreeModel(QAbstractItemModel):
    COLUMNS = ("name", "segments", "documents")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._infos: dict[int, CodeInfo] = {}
        self._children: dict[int, list[int]] = {0: []}  # 0 = the invisible root
        self._parent: dict[int, int] = {}
        self._counts: dict[CodeId, tuple[int, int]] = {}
        self.groups: dict[int, list[str]] = {}  # code id -> names of its code groups
        self.drop_handler: DropHandler | None = None
        self.rename_handler: Callable[[CodeId, str], bool] | None = None

    # -- loading -------------------------------------------------------------------------------

    def reset_codes(self, tree: Sequence[CodeInfo], counts: dict[CodeId, tuple[int, int]]) -> None:
        """Replace everything (another project)."""
        self.beginResetModel()
        self._load(tree)
        self._counts = dict(counts)
        self.endResetModel()

    def _load(self, tree: Sequence[CodeInfo]) -> None:
        self._infos = {c.id: c for c in tree}
        self._children = {0: []}
        self._parent = {}
        for c in tree:  # parents come before children, siblings in order
            p = c.parent_id or 0
            self._parent[c.id] = p
            self._children.setdefault(p, []).append(c.id)
            self._children.setdefault(c.id, [])

    def sync(self, tree: Sequence[CodeInfo], counts: dict[CodeId, tuple[int, int]]) -> None:
        """Bring the model to the new codebook with exact row signals."""
        new_parent = {c.id: (c.parent_id or 0) for c in tree}
        new_children: dict[int, list[int]] = {0: []}
        for c in tree:
            new_children.setdefault(new_parent[c.id], []).append(c.id)
            new_children.setdefault(c.id, [])
        survivors = [c.id for c in tree if c.id in self._parent]
        if any(new_parent[c] != 0 and new_parent[c] not in self._parent for c in survivors):
            self.reset_codes(tree, counts)  # an old code moved under a brand-new one: rare
            return
        # 1. removals: the top of every removed subtree
        for cid in [c for c in list(self._parent) if c not in new_parent]:
            if cid not in self._parent:
                continue  # went with its parent already
            p = self._parent[cid]
            if p != 0 and p not in new_parent and p in self._parent:
                continue  # its parent goes too (handled when the parent is processed)
            row = self._children[p].index(cid)
            self.beginRemoveRows(self._index_of(p), row, row)
            self._drop_subtree(cid)
            self._children[p].remove(cid)
            self.endRemoveRows()
        # 2. moves and reorders among surviving codes: one layout change
        target = {p: [c for c in kids if c in self._parent]
                  for p, kids in new_children.items() if p == 0 or p in self._parent}
        current = {p: kids for p, kids in self._children.items()}
        if any(current.get(p, []) != kids for p, kids in target.items()):
            self.layoutAboutToBeChanged.emit()
            old = self.persistentIndexList()
            ids = [(ix, int(ix.internalId()), ix.column()) for ix in old]
            for p, kids in target.items():
                self._children[p] = list(kids)
                for k in kids:
                    self._parent[k] = p
            self.changePersistentIndexList(old, [self._index_of(cid, col) for _, cid, col in ids])
            self.layoutChanged.emit()
        # 3. insertions, parents first
        for c in tree:
            if c.id in self._parent:
                continue
            p = new_parent[c.id]
            siblings = [k for k in new_children[p] if k in self._parent or k == c.id]
            row = siblings.index(c.id)
            self.beginInsertRows(self._index_of(p), row, row)
            self._children[p].insert(row, c.id)
            self._children[c.id] = []
            self._parent[c.id] = p
            self._infos[c.id] = c
            self.endInsertRows()
        # 4. data
        changed = [c.id for c in tree if self._infos.get(c.id) != c
                   or self._counts.get(c.id) != counts.get(c.id)]
        self._infos = {c.id: c for c in tree}
        self._counts = dict(counts)
        for cid in changed:
            self.dataChanged.emit(self._index_of(cid, 0), self._index_of(cid, 2))

    def set_counts(self, counts: dict[CodeId, tuple[int, int]]) -> None:
        """New counts for an unchanged codebook: a dataChanged for each code whose counts
        changed (after a coding, one or two rows), nothing else."""
        for cid in map(CodeId, self._infos):
            new = counts.get(cid, (0, 0))
            if self._counts.get(cid, (0, 0)) != new:
                self._counts[cid] = new
                self.dataChanged.emit(self._index_of(cid, 1), self._index_of(cid, 2))

    def _drop_subtree(self, cid: int) -> None:
        for child in self._children.pop(cid, []):
            self._drop_subtree(child)
        self._parent.pop(cid, None)
        self._infos.pop(cid, None)

    # -- lookup --------------------------------------------------------------------------------

    def _index_of(self, cid: int, column: int = 0) -> QModelIndex:
        if cid == 0 or cid not in self._parent:
            return QModelIndex()
        row = self._children[self._parent[cid]].index(cid)
        return self.createIndex(row, column, cid)

    def index_of(self, code_id: CodeId, column: int = 0) -> QModelIndex:
        return self._index_of(code_id, column)

    def code_id(self, index: Index) -> CodeId | None:
        return CodeId(int(index.internalId())) if index.isValid() else None

    def info(self, index: Index) -> CodeInfo | None:
        cid = self.code_id(index)
        return self._infos.get(cid) if cid is not None else None

    # -- QAbstractItemModel ----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        p = int(parent.internalId()) if parent.isValid() else 0
        kids = self._children.get(p, [])
        if not (0 <= row < len(kids) and 0 <= column < len(self.COLUMNS)):
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    # Qt's QAbstractItemModel::parent(index) beside QObject::parent(): Python overrides both.
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        return self._index_of(self._parent.get(int(index.internalId()), 0))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        p = int(parent.internalId()) if parent.isValid() else 0
        return len(self._children.get(p, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        info = self.info(index)
        if info is None:
            return None
        col = index.column()
        segs, docs = self._counts.get(info.id, (0, 0))
        if role == Qt.ItemDataRole.DisplayRole:
            return (info.name, segs, docs)[col]
        if role == Qt.ItemDataRole.EditRole and col == 0:
            return info.name
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return QColor(info.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"<b>{info.path}</b>"
            if info.definition:
                tip += f"<br>{info.definition}"
            if info.shortcut:
                tip += "<br>" + self.tr("Shortcut: {key}").format(key=info.shortcut)
            for line in tooltip_lines(self.groups.get(info.id, []), info.is_codable):
                tip += f"<br>{line}"
            return tip
        if role == Qt.ItemDataRole.FontRole and col == 0 and not info.is_codable:
            font = QFont()
            font.setItalic(True)  # a folder: groups codes, receives no fragments
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return info.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 3:
            return None
        if role == Qt.ItemDataRole.DisplayRole:  # short: the code names need the width
            return (self.tr("Code"), self.tr("Frag."), self.tr("Docs"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (self.tr("Code"),
                    self.tr("Fragments coded with this code (a theme includes its sub-themes)"),
                    self.tr("Documents (respondents) with at least one such fragment"))[section]
        return None

    def setData(self, index: Index, value: object,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        cid = self.code_id(index)
        if cid is None or index.column() != 0 or role != Qt.ItemDataRole.EditRole \
                or self.rename_handler is None:
            return False
        return self.rename_handler(cid, str(value))  # the broadcast updates the row

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable \
            | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == 0:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    # -- drag and drop -------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [CODE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        ids = list(dict.fromkeys(int(ix.internalId()) for ix in indexes if ix.isValid()))
        mime = QMimeData()
        mime.setData(CODE_MIME, QByteArray(",".join(map(str, ids)).encode()))
        mime.setText("\n".join(self._infos[i].path for i in ids if i in self._infos))
        return mime

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        if not data.hasFormat(CODE_MIME) or self.drop_handler is None:
            return False
        ids = [CodeId(int(x)) for x in bytes(data.data(CODE_MIME).data()).decode().split(",")
               if x.strip().isdigit()]
        target = self.code_id(parent)
        mods = QGuiApplication.keyboardModifiers()
        merge = row < 0 and target is not None and bool(
            mods & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier))
        # The model changes through the context's broadcast; Qt must not remove source rows.
        self.drop_handler(ids, target, row, merge)
        return False
