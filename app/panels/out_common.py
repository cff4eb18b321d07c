"""Pieces the output and analysis panels share: the fragment list behind a number, a checkable
code tree, error texts for exports, and loading this area's Dutch translations.

Why shared: every analysis view drills down from a count to the coded fragments, and every
export can be refused by the same guards; one implementation keeps them alike for the user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QAction, QDesktopServices, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from app.panels import PanelHost
from coding.project import Project
from coding.types import Changes, CodeId, CodeInfo, SegmentInfo

Index = QModelIndex | QPersistentModelIndex
Jump = Callable[[int, int, int], None]
TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "panels_output_nl.ts"


def _t(text: str) -> str:
    return QCoreApplication.translate("OutputPanels", text)


# -- messages ------------------------------------------------------------------------------------


def show_message(parent: QWidget | None, title: str, detail: str = "", *,
                 icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
                 name: str = "outputMessage") -> QMessageBox:
    """A window-modal message that does not block (tests can find it by objectName)."""
    box = QMessageBox(icon, "Duiding", title, QMessageBox.StandardButton.Ok, parent)
    if detail:
        box.setInformativeText(detail)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_path(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_written(parent: QWidget | None, title: str, paths: Sequence[Path]) -> QMessageBox:
    """Success: which files were written, with “Open” (the file, or the folder of several)."""
    paths = [Path(p) for p in paths]
    listed = "\n".join(str(p) for p in paths[:12])
    if len(paths) > 12:
        listed += "\n" + _t("… and {n} more").format(n=len(paths) - 12)
    box = show_message(parent, title, listed, icon=QMessageBox.Icon.Information,
                       name="exportDone")
    if paths:
        target = paths[0] if len(paths) == 1 else paths[0].parent
        opener = box.addButton(_t("Open") if len(paths) == 1 else _t("Open folder"),
                               QMessageBox.ButtonRole.ActionRole)
        opener.setObjectName("openButton")
        opener.clicked.connect(lambda: open_path(target))
    return box


# -- fragments behind a number -------------------------------------------------------------------


class FragmentModel(QAbstractTableModel):
    """Coded fragments as rows: document, speaker, coder, codes, text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segments: list[SegmentInfo] = []

    def set_segments(self, segments: Sequence[SegmentInfo]) -> None:
        self.beginResetModel()
        self.segments = list(segments)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Document"), self.tr("Speaker"), self.tr("Coder"), self.tr("Codes"),
                self.tr("Fragment")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.segments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.segments):
            return None
        s = self.segments[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(s.text.split())
            return (s.document, s.speaker or "", s.coder, ", ".join(s.codes),
                    text if len(text) <= 300 else text[:297] + "…")[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 4:
            return s.text
        if role == Qt.ItemDataRole.UserRole:
            return s
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < 5):
            return self.headers()[section]
        return None


class FragmentView(QTableView):
    """The fragments behind a number; double-click jumps to the fragment in its transcript."""

    def __init__(self, project: Callable[[], Project | None], jump: Jump,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._project, self._jump = project, jump
        self.fragments = FragmentModel(self)
        self.setModel(self.fragments)
        self.setObjectName("fragmentView")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        head = self.horizontalHeader()
        for col in range(4):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setStretchLastSection(True)
        self.doubleClicked.connect(self._open)

    def show_segments(self, ids: Iterable[int]) -> None:
        project = self._project()
        ids = list(ids)
        self.fragments.set_segments(project.segments.by_ids(ids) if project and ids else [])

    def _open(self, index: QModelIndex) -> None:
        seg = self.fragments.data(index, Qt.ItemDataRole.UserRole)
        if seg is not None:
            self._jump(int(seg.document_id), seg.start, seg.end)


# -- codes ---------------------------------------------------------------------------------------


class CodeChecklist(QTreeWidget):
    """The codebook as a tree of check boxes (which themes a view or export includes)."""

    def __init__(self, parent: QWidget | None = None, *, tristate: bool = False) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setObjectName("codeChecklist")
        self._items: dict[CodeId, QTreeWidgetItem] = {}
        self._tristate = tristate  # checking a theme checks its sub-themes

    def set_codes(self, codes: Sequence[CodeInfo], checked: Callable[[CodeInfo], bool]) -> None:
        self.clear()
        self._items.clear()
        for c in codes:
            parent = self._items.get(c.parent_id) if c.parent_id is not None else None
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self)
            item.setText(0, c.name)
            item.setToolTip(0, c.definition or c.path)
            item.setData(0, Qt.ItemDataRole.UserRole, (int(c.id), c.path))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if checked(c) else Qt.CheckState.Unchecked)
            self._items[c.id] = item
            if self._tristate and parent is not None:
                parent.setFlags(parent.flags() | Qt.ItemFlag.ItemIsAutoTristate)
        self.expandToDepth(0)

    def themes(self) -> list[str] | None:
        """The smallest set of checked paths whose sub-codes are implied; None when all are."""
        items = list(self._items.values())
        if all(i.checkState(0) == Qt.CheckState.Checked for i in items):
            return None
        out = []
        for item in items:
            parent = item.parent()
            if item.checkState(0) == Qt.CheckState.Checked and (
                    parent is None or parent.checkState(0) != Qt.CheckState.Checked):
                out.append(item.data(0, Qt.ItemDataRole.UserRole)[1])
        return out

    def checked(self) -> list[tuple[int, str]]:
        """(code id, path) of every checked code, in codebook order."""
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in self._items.values()
                if item.checkState(0) == Qt.CheckState.Checked]

    def set_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for item in self._items.values():
            item.setCheckState(0, state)


class CodeChooser(QDialog):
    """Pick the codes a matrix shows (a checkable tree with quick choices)."""

    def __init__(self, codes: Sequence[CodeInfo], chosen: Iterable[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose codes"))
        self.setObjectName("codeChooser")
        chosen = set(chosen)
        self.tree = CodeChecklist()
        self.tree.set_codes(codes, lambda c: c.id in chosen)
        themes = QPushButton(self.tr("Themes only"))
        themes.clicked.connect(lambda: self.tree.set_codes(codes, lambda c: c.depth == 0))
        every = QPushButton(self.tr("All codes"))
        every.clicked.connect(lambda: self.tree.set_all(True))
        none = QPushButton(self.tr("None"))
        none.clicked.connect(lambda: self.tree.set_all(False))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        quick = QHBoxLayout()
        for b in (themes, every, none):
            quick.addWidget(b)
        quick.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(quick)
        lay.addWidget(self.tree, 1)
        lay.addWidget(buttons)
        self.resize(380, 480)

    def chosen(self) -> list[int]:
        return [cid for cid, _path in self.tree.checked()]


def install_view(host: PanelHost, view: QWidget, title: str, action_text: str, name: str) -> QAction:
    """An analysis view as a central tab (`host.add_view`), opened from the Analysis menu."""
    opener = host.add_view(view, title)
    menu = host.menu("analysis")
    menu.menuAction().setVisible(True)
    action = menu.addAction(action_text)
    action.setObjectName(name)
    action.triggered.connect(opener)
    return action


def file_action(host: PanelHost, text: str, name: str) -> QAction:
    """An action in the File menu, placed before its last group (Close project / Quit)."""
    menu = host.menu("file")
    separators = [a for a in menu.actions() if a.isSeparator()]
    action = QAction(text, menu)
    action.setObjectName(name)
    if separators:
        menu.insertAction(separators[-1], action)
    else:
        menu.addAction(action)
    return action


# -- panels --------------------------------------------------------------------------------------


class AnalysisPanel(QWidget):
    """A view over the open project that recomputes when the broadcast says its data changed.

    Hidden panels only mark themselves stale and recompute when shown again, so a coding
    session does not pay for analysis docks nobody looks at.
    """

    def __init__(self, ctx: ProjectContext, jump: Jump, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.jump = ctx, jump
        self._stale = True
        self._choices_stale = False
        ctx.changed.connect(self._on_changed)
        ctx.project_changed.connect(self._on_project)

    @property
    def project(self) -> Project | None:
        return self.ctx.project

    def wants(self, changes: Changes) -> bool:
        """The figures depend on this change (recomputed now if shown, else when shown)."""
        return bool(changes.segments or changes.codes or changes.attributes or changes.documents)

    def refills(self, changes: Changes) -> bool:
        """The choices (attributes, coders: `project_opened`) depend on this change; refilled
        when the view is shown, so a hidden view costs nothing while the user codes."""
        return False

    def _on_changed(self, changes: Changes) -> None:
        if self.refills(changes):
            self._choices_stale = True
        if self.wants(changes):
            self.invalidate()
        elif self._choices_stale and self.isVisible():
            self._choices_stale = False
            self.project_opened()

    def _on_project(self) -> None:
        self.project_opened()
        self.invalidate()

    def project_opened(self) -> None:
        """Refill choices (attributes, coders) for a newly opened project."""

    def invalidate(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        if self._choices_stale:
            self._choices_stale = False
            self.project_opened()
        if self.project is not None:
            self.refresh()
        else:
            self.clear()

    def refresh(self) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        """Show nothing (no project)."""


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, Any]], keep: bool = True) -> None:
    """Replace a combo's items (label, data), keeping the current choice when it still exists."""
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    for label, data in items:
        combo.addItem(label, data)
    if current is not None:
        found = combo.findData(current)
        if found >= 0:
            combo.setCurrentIndex(found)
    combo.blockSignals(False)


class CodeRow(Protocol):
    """A row of a `CodeRowsModel`: a code's path and its depth in the tree."""

    @property
    def path(self) -> str: ...

    @property
    def depth(self) -> int: ...


class CodeRowsModel(QAbstractTableModel):
    """A table with one row per code (name indented by depth, themes bold) and count columns.

    Subclasses give `rows()`, `value(row, col)` for the count columns and, if they like,
    `extra(row, col, role)` for their own roles.
    """

    def rows(self) -> Sequence[CodeRow]:
        raise NotImplementedError

    def value(self, row: int, col: int) -> int | None:
        raise NotImplementedError

    def extra(self, row: int, col: int, role: int) -> Any:
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows()[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return "    " * r.depth + r.path.rsplit("/", 1)[-1]
            return str(self.value(index.row(), col))
        if role == Qt.ItemDataRole.UserRole:
            return r.path if col == 0 else self.value(index.row(), col)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return r.path
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and r.depth == 0:
            font = QFont()
            font.setBold(True)
            return font
        return self.extra(index.row(), col, role)
