"""The code tree panel: tree view, toolbar, context menu and the code editor dialog.

It receives the ProjectContext (for the codebook services and `push`); everything it changes is
an undoable core command. Selection is published as `selection_changed(list[CodeId])` for the
retrieval panel, and double-click/Enter applies the code to the transcript selection through
`apply_requested`.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QKeySequenceEdit,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.code_tree import CodeTreeModel
from app.context import ProjectContext
from app.panels.groups import group_menu
from coding.commands import AddCode, Command, DeleteCode, Macro, MergeCodes, MoveCode, UpdateCode
from coding.groups import GroupKind
from coding.types import Changes, CodeId, CodeInfo, DocumentId

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f")


class CodeDialog(QDialog):
    """Edit name, colour, definition, shortcut and keywords of a code."""

    def __init__(self, info: CodeInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit code") if info else self.tr("New code"))
        self.setObjectName("codeDialog")
        self.name = QLineEdit(info.name if info else "")
        self.colour = QColor(info.colour if info else PALETTE[0])
        self.colour_button = QPushButton()
        self.colour_button.clicked.connect(self._pick_colour)
        self._paint_button()
        self.definition = QPlainTextEdit(info.definition if info else "")
        self.definition.setMaximumHeight(90)
        self.shortcut = QKeySequenceEdit(QKeySequence(info.shortcut if info else ""))
        self.keywords = QLineEdit(", ".join(info.keywords) if info else "")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Colour"), self.colour_button)
        form.addRow(self.tr("Definition"), self.definition)
        form.addRow(self.tr("Shortcut"), self.shortcut)
        form.addRow(self.tr("Keywords (comma separated)"), self.keywords)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(440, 300)

    def _paint_button(self) -> None:
        self.colour_button.setText(self.colour.name())
        self.colour_button.setStyleSheet(
            f"background:{self.colour.name()}; color:"
            f"{'#000' if self.colour.lightness() > 140 else '#fff'}")

    def _pick_colour(self) -> None:
        chosen = QColorDialog.getColor(self.colour, self, self.tr("Code colour"))
        if chosen.isValid():
            self.colour = chosen
            self._paint_button()

    def values(self) -> dict[str, object]:
        return {
            "name": self.name.text().strip(),
            "colour": self.colour.name(),
            "definition": self.definition.toPlainText().strip(),
            "shortcut": self.shortcut.keySequence().toString(
                QKeySequence.SequenceFormat.PortableText),
            "keywords": [k.strip() for k in self.keywords.text().split(",") if k.strip()],
        }


class CodeTreePanel(QWidget):
    selection_changed = Signal(list)  # list[CodeId]
    apply_requested = Signal(list)  # list[CodeId]: apply to the transcript selection

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeTreePanel")
        self.ctx = ctx
        self.model = CodeTreeModel(self)
        self.model.drop_handler = self._on_drop
        self.view = QTreeView()
        self.view.setObjectName("codeTree")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.doubleClicked.connect(lambda _ix: self.apply_requested.emit(self.selected()))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        count_width = max(header.fontMetrics().horizontalAdvance(" Frag. ") + 12,
                          self.view.fontMetrics().horizontalAdvance("00000") + 12)
        for col in (1, 2):  # narrow and fixed: the names keep the room (no "to…", "aa…")
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, count_width)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit(self.selected()))
        self.model.rename_handler = self.rename
        bar = QToolBar()
        bar.setObjectName("codeToolbar")
        self.act_new = bar.addAction(self.tr("New code"), self.new_code)
        self.act_new_child = bar.addAction(self.tr("Sub-code"), lambda: self.new_code(child=True))
        self.act_edit = bar.addAction(self.tr("Edit"), self.edit_code)
        self.act_apply = bar.addAction(self.tr("Apply"),
                                       lambda: self.apply_requested.emit(self.selected()))
        self.act_apply.setToolTip(self.tr("Apply the selected codes to the selected text"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.view)
        self._scheduled = False
        self._pending: set[DocumentId] = set()
        self._per_doc: dict[DocumentId, dict[CodeId, int]] = {}
        ctx.project_changed.connect(self._reload)
        ctx.changed.connect(self._on_changed)

    # -- data ----------------------------------------------------------------------------------

    def _reload(self) -> None:
        p = self.ctx.project
        self._pending = set()
        if p is None:
            self._per_doc = {}
            self.model.groups = {}
            self.model.reset_codes([], {})
        else:
            self._per_doc = p.stats.segments_per_document()
            self.model.groups = p.groups.names_by_member(GroupKind.CODE)
            self.model.reset_codes(p.codes.tree(), self._totals())
            self.view.expandAll()
        writable = p is not None and not self.ctx.readonly
        for act in (self.act_new, self.act_new_child, self.act_edit, self.act_apply):
            act.setEnabled(writable)

    def _on_changed(self, changes: Changes) -> None:
        if changes.codes or changes.documents:  # structure now (shortcuts, drops rely on it)
            self._sync()
        elif changes.segments:  # counts only: the changed documents, deferred and coalesced
            self._pending |= set(changes.segments)
            if not self._scheduled:
                self._scheduled = True
                QTimer.singleShot(0, self._recount)

    def _sync(self) -> None:
        p = self.ctx.project
        self._pending = set()
        if p is None:
            return
        known = set(self.model._parent)
        self._per_doc = p.stats.segments_per_document()
        self.model.groups = p.groups.names_by_member(GroupKind.CODE)
        self.model.sync(p.codes.tree(), self._totals())
        for cid in set(self.model._parent) - known:
            self.view.expand(self.model.index_of(CodeId(cid)))

    def _recount(self) -> None:
        """Recount only the documents whose codings changed and add up the others' counts
        (at 100 interviews and 20,000 codings a full count took most of a coding's time)."""
        self._scheduled = False
        p, docs, self._pending = self.ctx.project, self._pending, set()
        if p is None or not docs:
            return
        fresh = p.stats.segments_per_document(docs)
        for doc in docs:
            self._per_doc[doc] = fresh.get(doc, {})
        self.model.set_counts(self._totals())

    def _totals(self) -> dict[CodeId, tuple[int, int]]:
        """(fragments, documents) per code, a theme including its sub-themes, as everywhere
        else (counts view, chapter): a theme row reading 0 above coded sub-themes would
        mislead."""
        segments: dict[CodeId, int] = {}
        documents: dict[CodeId, int] = {}
        for counts in self._per_doc.values():
            for code, n in counts.items():
                if n:
                    segments[code] = segments.get(code, 0) + n
                    documents[code] = documents.get(code, 0) + 1
        return {code: (n, documents[code]) for code, n in segments.items()}

    def selected(self) -> list[CodeId]:
        rows = self.view.selectionModel().selectedRows(0)
        return [cid for ix in rows if (cid := self.model.code_id(ix)) is not None]

    def select_code(self, code_id: CodeId) -> None:
        ix = self.model.index_of(code_id)
        if ix.isValid():
            self.view.selectionModel().select(
                ix, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(ix)

    # -- commands ------------------------------------------------------------------------------

    def _push(self, cmd: Command) -> bool:
        return self.ctx.run(cmd, parent=self) is not None

    def new_code(self, child: bool = False, name: str | None = None) -> CodeId | None:
        sel = self.selected()
        parent_id = sel[0] if child and sel else None
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("New code"), self.tr("Name:"))
            if not ok or not name.strip():
                return None
        count = self.model.rowCount()
        cmd = AddCode(name.strip(), parent_id, colour=PALETTE[count % len(PALETTE)])
        cmd.detail = name.strip()
        if self._push(cmd) and cmd.code_id is not None:
            self.select_code(cmd.code_id)
            return cmd.code_id
        return None

    def edit_code(self) -> None:
        sel = self.selected()
        info = self.model._infos.get(sel[0]) if sel else None
        if info is None:
            return
        dialog = CodeDialog(info, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        current = {"name": info.name, "colour": info.colour, "definition": info.definition,
                   "shortcut": info.shortcut, "keywords": list(info.keywords)}
        changed = {k: v for k, v in values.items() if current[k] != v}
        if changed:
            cmd = UpdateCode(info.id, **changed)
            cmd.detail = info.path
            self._push(cmd)

    def rename(self, code_id: CodeId, name: str) -> bool:
        info = self.model._infos.get(code_id)
        if info is None or not name.strip() or name.strip() == info.name:
            return False
        cmd = UpdateCode(code_id, name=name.strip())
        cmd.detail = f"{info.name} → {name.strip()}"
        return self._push(cmd)

    def delete_code(self, code_id: CodeId | None = None, confirm: bool = True) -> bool:
        sel = [code_id] if code_id is not None else self.selected()
        if not sel:
            return False
        info = self.model._infos.get(sel[0])
        if info is None:
            return False
        segs, _docs = self.model._counts.get(info.id, (0, 0))
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Delete code"),
                self.tr("Delete the code “{code}” with its sub-codes and {n} codings? "
                        "You can undo this.").format(code=info.path, n=segs))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        cmd = DeleteCode(info.id)
        cmd.detail = info.path
        return self._push(cmd)

    def merge_into(self, sources: list[CodeId], target: CodeId) -> bool:
        target_info = self.model._infos.get(target)
        if target_info is None:
            return False
        merges = [MergeCodes(src, target) for src in sources if src != target]
        if not merges:
            return False
        return self._push(Macro("merge_codes", merges, detail=target_info.path))

    def merge_dialog(self) -> None:
        sel = self.selected()
        if not sel:
            return
        others = [c for c in self.model._infos.values() if c.id not in sel]
        if not others:
            return
        paths = [c.path for c in others]
        chosen, ok = QInputDialog.getItem(self, self.tr("Merge codes"),
                                          self.tr("Merge the selected codes into:"), paths, 0,
                                          False)
        if ok:
            self.merge_into(sel, others[paths.index(chosen)].id)

    def _on_drop(self, ids: list[CodeId], target: CodeId | None, row: int, merge: bool) -> bool:
        if self.ctx.readonly or not ids:
            return False
        if merge and target is not None:
            return self.merge_into(ids, target)
        moves: list[Command] = []
        for offset, cid in enumerate(ids):
            if cid == target:
                continue
            parent = target
            if row < 0:
                position = len(self.model._children.get(target or 0, []))
            else:
                siblings = self.model._children.get(target or 0, [])
                position = row + offset
                if cid in siblings and siblings.index(cid) < row:
                    position -= 1
            cmd = MoveCode(cid, parent, position)
            cmd.detail = self.model._infos[cid].path if cid in self.model._infos else ""
            moves.append(cmd)
        return bool(moves) and self._push(Macro("move_code", moves))

    # -- menu ----------------------------------------------------------------------------------

    def _menu(self, pos: QPoint) -> None:
        menu = self.build_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def build_menu(self) -> QMenu:
        menu = QMenu(self)
        sel = self.selected()
        writable = self.ctx.project is not None and not self.ctx.readonly
        menu.addAction(self.tr("Apply to selected text"),
                       lambda: self.apply_requested.emit(self.selected())).setEnabled(bool(sel))
        menu.addSeparator()
        menu.addAction(self.tr("New code"), self.new_code).setEnabled(writable)
        menu.addAction(self.tr("New sub-code"),
                       lambda: self.new_code(child=True)).setEnabled(writable and bool(sel))
        menu.addAction(self.tr("Rename"), lambda: self.view.edit(
            self.view.currentIndex().siblingAtColumn(0))).setEnabled(writable and bool(sel))
        menu.addAction(self.tr("Edit…"), self.edit_code).setEnabled(writable and bool(sel))
        menu.addAction(self.tr("Merge into…"), self.merge_dialog).setEnabled(writable and bool(sel))
        menu.addMenu(group_menu(menu, self.ctx, GroupKind.CODE, sel))
        menu.addSeparator()
        act = QAction(self.tr("Delete…"), menu)
        act.triggered.connect(lambda: self.delete_code())
        act.setEnabled(writable and bool(sel))
        menu.addAction(act)
        return menu
