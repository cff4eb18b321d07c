"""Co-occurrence matrix (dock): which codes overlap in the text, or fall in the same turn.

Why: themes that come together ("wachttijd" with "wisseling hulpverlener") point at stories
the chapter should tell as one. The diagonal holds each code's own number of fragments; a cell
off the diagonal lists the fragments that make the pair (double-click opens one).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.manual import explanation
from app.panels import PanelHost
from app.panels.out_common import (
    AnalysisPanel,
    CodeChooser,
    FragmentView,
    Index,
    fill_combo,
    install_view,
)
from coding.analysis import AnalysisManager, Cooccurrence
from coding.types import CodeId


class CooccurrenceModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Cooccurrence | None = None
        self._top = 1

    def set_result(self, result: Cooccurrence | None) -> None:
        self.beginResetModel()
        self.result = result
        if result is None:
            self._top = 1
        else:
            off = [v for i, r in enumerate(result.counts) for j, v in enumerate(r) if i != j]
            self._top = max(off + [1])
        self.endResetModel()

    def segment_ids(self, row: int, col: int) -> tuple[int, ...]:
        """The fragments behind an off-diagonal cell (both codes' fragments)."""
        r = self.result
        if r is None or row == col:
            return ()
        a, b = sorted((row, col))
        return r.segment_ids.get((r.code_ids[a], r.code_ids[b]), ())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.result is None else len(self.result.code_ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return self.rowCount(parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.result is None:
            return None
        r, c = index.row(), index.column()
        value = self.result.counts[r][c]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if r == c:
                return QColor("#E6E8EB")
            if value:
                colour = QColor("#D55E00")
                colour.setAlpha(25 + int(130 * value / self._top))
                return colour
        if role == Qt.ItemDataRole.ForegroundRole and (r == c or not value):
            return QColor("#6B7580")
        if role == Qt.ItemDataRole.ToolTipRole:
            paths = self.result.code_paths
            if r == c:
                return self.tr("{code}: %n fragment(s) in total", "", value).format(code=paths[r])
            return self.tr("{a} and {b}: {n}").format(a=paths[r], b=paths[c], n=value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.result
        if r is None or not 0 <= section < len(r.code_paths):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return r.code_paths[section].rsplit("/", 1)[-1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.code_paths[section]
        return None


class CooccurrenceView(AnalysisPanel):
    def __init__(self, ctx: Any, jump: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, jump, parent)
        self.setObjectName("cooccurrenceView")
        self.code_ids: list[int] | None = None  # None: every sub-code (or themes without)
        self.mode = QComboBox(objectName="coocMode")
        self.mode.addItem(self.tr("Overlapping fragments"), "overlap")
        self.mode.addItem(self.tr("Same speaker turn"), "turn")
        self.coder = QComboBox(objectName="coocCoder")
        choose = QPushButton(self.tr("Codes…"))
        choose.clicked.connect(self.choose_codes)
        self.model = CooccurrenceModel(self)
        self.table = QTableView(objectName="coocTable")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setDefaultSectionSize(80)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)  # code names readable, not "ereikbaarhei"
        self.table.selectionModel().selectionChanged.connect(self._cell_selected)
        self.info = QLabel(self.tr("Select a cell to see the fragments where both codes occur."))
        self.info.setWordWrap(True)
        self.fragments = FragmentView(lambda: self.project, jump)
        top = QHBoxLayout()
        for label, widget in ((self.tr("Co-occurrence"), self.mode),
                              (self.tr("Coder"), self.coder)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(choose)
        top.addStretch(1)
        below = QWidget()
        bl = QVBoxLayout(below)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.info)
        bl.addWidget(self.fragments, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(below)
        lay = QVBoxLayout(self)
        lay.addWidget(explanation(self.tr(
            "How often two codes were given to the same passage (overlapping fragments) or "
            "occur in the same speaker turn. A 0 means the two never meet; high numbers show "
            "themes that go together. Click a cell to read those passages."),
            "analyse.md", "samen-voorkomen"))
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self.mode.currentIndexChanged.connect(self.reload)
        self.coder.currentIndexChanged.connect(self.reload)
        self.project_opened()

    def project_opened(self) -> None:
        fill_combo(self.coder, [(self.tr("All coders"), None)]
                   + [(n, n) for n in (self.project.coders.names() if self.project else [])])

    def default_codes(self) -> list[int]:
        """Codes without children: sub-themes, and themes that have none."""
        assert self.project is not None
        tree = self.project.codes.tree()
        parents = {c.parent_id for c in tree}
        return [c.id for c in tree if c.id not in parents]

    def set_codes(self, code_ids: list[int] | None) -> None:
        self.code_ids = code_ids
        self.reload()

    def choose_codes(self) -> None:
        if self.project is None:
            return
        current = self.code_ids if self.code_ids is not None else self.default_codes()
        dialog = CodeChooser(self.project.codes.tree(), current, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_codes(dialog.chosen())

    def refresh(self) -> None:
        assert self.project is not None
        ids = self.code_ids if self.code_ids is not None else self.default_codes()
        coder = self.coder.currentData()
        result = AnalysisManager(self.project).cooccurrence(
            [CodeId(i) for i in ids], mode=self.mode.currentData() or "overlap",
            coders=(coder,) if coder else ())
        self.model.set_result(result)
        self.fragments.show_segments([])
        n = len(result.code_ids)
        if not any(result.counts[a][b] for a in range(n) for b in range(n) if a != b):
            self.info.setText(self.tr(
                "No two of these codes meet yet: every cell outside the grey diagonal is 0. A "
                "cell fills when one passage is coded with both codes (or, per turn, when one "
                "speaker turn has both)."))
        else:
            self.info.setText(self.tr("Select a cell to see the fragments where both codes "
                                      "occur."))

    def clear(self) -> None:
        self.model.set_result(None)
        self.fragments.show_segments([])

    def _cell_selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.show_cell(indexes[0].row(), indexes[0].column())

    def show_cell(self, row: int, col: int) -> None:
        r = self.model.result
        if r is None:
            return
        if row == col:
            self.info.setText(self.tr("{code}: %n fragment(s) in total.", "",
                                      r.counts[row][col]).format(code=r.code_paths[row]))
            self.fragments.show_segments([])
            return
        self.info.setText(self.tr("{a} and {b}: {n}").format(
            a=r.code_paths[row], b=r.code_paths[col], n=r.counts[row][col]))
        self.fragments.show_segments(self.model.segment_ids(row, col))


def install(host: PanelHost) -> None:
    view = CooccurrenceView(host.ctx, host.jump)
    install_view(host, view, view.tr("Co-occurrence"), view.tr("Co-occurrence of codes"), "actionCooccurrence")
