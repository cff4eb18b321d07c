"""Meting comparison (dock): the same theme counts side by side for two values of an attribute
(2023 against 2024, or Westerveen against Oosthaven), with the fragments behind each number.

Why: reports compare with the previous measurement; a number alone invites over-reading, so
clicking it shows exactly which fragments it counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.manual import explanation
from app.panels import PanelHost
from app.panels.out_common import (
    AnalysisPanel,
    CodeRowsModel,
    FragmentView,
    Index,
    fill_combo,
    install_view,
)
from coding.analysis import AnalysisManager, Comparison, ComparisonRow
from coding.stats import CellCount


class ComparisonModel(CodeRowsModel):
    """Code | first: fragments, respondents | second: fragments, respondents."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Comparison | None = None

    def set_result(self, result: Comparison | None) -> None:
        self.beginResetModel()
        self.result = result
        self.endResetModel()

    def cell(self, row: int, col: int) -> CellCount | None:
        assert self.result is not None
        r = self.result.rows[row]
        return None if col == 0 else r.first if col <= 2 else r.second

    def value(self, row: int, col: int) -> int | None:
        c = self.cell(row, col)
        if c is None:
            return None
        return c.segments if col in (1, 3) else c.documents

    def rows(self) -> Sequence[ComparisonRow]:
        return self.result.rows if self.result is not None else ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def extra(self, row: int, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and col in (3, 4):
            return QColor(0, 114, 178, 18)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.result
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Code")
        if r is None or not 1 <= section <= 4:
            return None
        value, n = ((r.first_value, r.first_documents) if section <= 2
                    else (r.second_value, r.second_documents))
        what = self.tr("fragments") if section in (1, 3) else self.tr("respondents")
        return self.tr("{value} (n={n})\n{what}").format(value=value, n=n, what=what)


class ComparisonView(AnalysisPanel):
    def __init__(self, ctx: Any, jump: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, jump, parent)
        self.setObjectName("comparisonView")
        self.attribute = QComboBox(objectName="compareAttribute")
        self.first = QComboBox(objectName="compareFirst")
        self.second = QComboBox(objectName="compareSecond")
        self.model = ComparisonModel(self)
        self.table = QTableView(objectName="compareTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.clicked.connect(self._show_fragments)
        self.info = QLabel(self.tr("Click a number to see the fragments behind it."))
        self.fragments = FragmentView(lambda: self.project, jump)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Attribute")))
        top.addWidget(self.attribute)
        top.addWidget(QLabel(self.tr("compare")))
        top.addWidget(self.first)
        top.addWidget(QLabel(self.tr("with")))
        top.addWidget(self.second)
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
            "Two groups side by side, for example measurement 2023 against 2024: for each code "
            "how many respondents in each group raised it. Click a number to read the "
            "fragments."), "analyse.md", "metingen-vergelijken"))
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self.attribute.currentIndexChanged.connect(self._fill_values)
        self.first.currentIndexChanged.connect(self.reload)
        self.second.currentIndexChanged.connect(self.reload)
        self.project_opened()

    def project_opened(self) -> None:
        p = self.project
        names = p.attributes.names() if p else []
        preferred = next((n for n in ("meting", "jaar") if n in names), None)
        had = self.attribute.currentData()
        fill_combo(self.attribute, [(n, n) for n in names])
        if preferred and had not in names:
            self.attribute.blockSignals(True)
            self.attribute.setCurrentIndex(self.attribute.findData(preferred))
            self.attribute.blockSignals(False)
        self._fill_values(reload=False)

    def refills(self, changes: Any) -> bool:
        return bool(changes.attributes)

    def _fill_values(self, *_args: Any, reload: bool = True) -> None:
        p, name = self.project, self.attribute.currentData()
        values = p.attributes.values(name) if p and name else []
        fill_combo(self.first, [(v, v) for v in values])
        fill_combo(self.second, [(v, v) for v in values])
        if len(values) >= 2 and self.first.currentData() == self.second.currentData():
            self.first.setCurrentIndex(len(values) - 2)
            self.second.setCurrentIndex(len(values) - 1)
        if reload:
            self.reload()

    def choose(self, attribute: str, first: str, second: str) -> None:
        self.attribute.setCurrentIndex(self.attribute.findData(attribute))
        self.first.setCurrentIndex(self.first.findData(first))
        self.second.setCurrentIndex(self.second.findData(second))
        self.reload()

    def refresh(self) -> None:
        assert self.project is not None
        name, a, b = (self.attribute.currentData(), self.first.currentData(),
                      self.second.currentData())
        if not (name and a is not None and b is not None):
            self.clear()
            return
        self.model.set_result(AnalysisManager(self.project).compare(name, a, b))
        self.fragments.show_segments([])

    def clear(self) -> None:
        self.model.set_result(None)
        self.fragments.show_segments([])

    def _show_fragments(self, index: QModelIndex) -> None:
        if self.model.result is None:
            return
        cell = self.model.cell(index.row(), index.column())
        self.fragments.show_segments(cell.segment_ids if cell else [])


def install(host: PanelHost) -> None:
    view = ComparisonView(host.ctx, host.jump)
    install_view(host, view, view.tr("Compare measurements"), view.tr("Compare measurements"), "actionComparison")
