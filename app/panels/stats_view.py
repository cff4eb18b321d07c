"""Counts per code (dock): fragments and respondents, split by valence and by an attribute,
as a table and a bar chart.

Why both: the table gives exact numbers for the chapter ("genoemd door 5 van de 12
respondenten"); the chart shows at a glance which themes dominate and for whom. Numbers come
from `AnalysisManager.counts` unchanged, so the view, the CLI (`duiding stats`) and the Word
chapter agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.labels import valence_label
from app.manual import explanation
from app.panels import PanelHost
from app.panels.bar_chart import PALETTE, BarChart
from app.panels.out_common import (
    AnalysisPanel,
    CodeRowsModel,
    FragmentView,
    Index,
    fill_combo,
    install_view,
)
from coding.analysis import AnalysisManager
from coding.stats import CellCount, CountRow, CountsTable
from coding.types import Valence

VALENCE_COLOURS = {Valence.POSITIEF: "#2E9E5B", Valence.AANDACHTSPUNT: "#E08A1E",
                   Valence.NEUTRAAL: "#9AA3AD"}


class CountsModel(CodeRowsModel):
    """One row per code: fragments, respondents, per valence, and per attribute value."""

    FIXED = 5  # code, fragments, respondents, positive, attention; neutral is column 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: CountsTable | None = None
        self.measure = "segments"

    def set_table(self, table: CountsTable | None, measure: str = "segments") -> None:
        self.beginResetModel()
        self.table, self.measure = table, measure
        self.endResetModel()

    def rows(self) -> Sequence[CountRow]:
        return self.table.rows if self.table is not None else ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid():
            return 0
        return 6 + (len(self.table.values) if self.table is not None else 0)

    def cell(self, row: int, col: int) -> CellCount | None:
        """The counts behind a cell (None for the code-name column)."""
        assert self.table is not None
        r = self.table.rows[row]
        if col <= 0:
            return None
        if col <= 5:
            return r.total
        return r.by_value[self.table.values[col - 6]]

    def value(self, row: int, col: int) -> int | None:
        assert self.table is not None
        r = self.table.rows[row]
        if col == 1:
            return r.total.segments
        if col == 2:
            return r.total.documents
        if 3 <= col <= 5:
            return r.total.by_valence.get(list(Valence)[col - 3].value, 0)
        if col >= 6:
            c = r.by_value[self.table.values[col - 6]]
            return c.segments if self.measure == "segments" else c.documents
        return None

    def extra(self, row: int, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and col > 0 and self.value(row, col) == 0:
            return QColor("#9AA3AD")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.table is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            fixed = [self.tr("Code"), self.tr("Fragments"), self.tr("Respondents"),
                     valence_label(Valence.POSITIEF), valence_label(Valence.AANDACHTSPUNT),
                     valence_label(Valence.NEUTRAAL)]
            if section < 6:
                return fixed[section]
            if section - 6 < len(self.table.values):
                value = self.table.values[section - 6]
                n = self.table.documents_per_value.get(value, 0)
                return self.tr("{value} (n={n})").format(value=value or self.tr("(none)"), n=n)
        if role == Qt.ItemDataRole.ToolTipRole and section >= 6:
            return (self.tr("Fragments per value") if self.measure == "segments"
                    else self.tr("Respondents per value"))
        return None


class CountsView(AnalysisPanel):
    def __init__(self, ctx: Any, jump: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, jump, parent)
        self.setObjectName("countsView")
        self.by = QComboBox(objectName="countsBy")
        self.measure = QComboBox(objectName="countsMeasure")
        self.measure.addItem(self.tr("Fragments"), "segments")
        self.measure.addItem(self.tr("Respondents"), "documents")
        self.coder = QComboBox(objectName="countsCoder")
        self.subthemes = QCheckBox(self.tr("Sub-themes in the chart"), objectName="countsSub")
        self.model = CountsModel(self)
        self.table_view = QTableView(objectName="countsTable")
        self.table_view.setModel(self.model)
        self.table_view.verticalHeader().hide()
        self.table_view.setAlternatingRowColors(True)
        self.table_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.chart = BarChart()
        self.chart.empty_text = self.tr("No coded fragments yet.")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        self.fragments = FragmentView(lambda: self.project, jump)
        self.table_view.clicked.connect(self._show_fragments)

        top = QHBoxLayout()
        for label, widget in ((self.tr("Split by"), self.by), (self.tr("Count"), self.measure),
                              (self.tr("Coder"), self.coder)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(self.subthemes)
        top.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table_view)
        split.addWidget(scroll)
        split.addWidget(self.fragments)
        split.setSizes([300, 260, 120])
        lay = QVBoxLayout(self)
        lay.addWidget(explanation(self.tr(
            "How many fragments and how many respondents each code has, split by valence or "
            "by an attribute such as respondent type. Click a number to read its fragments."),
            "analyse.md", "tellingen-per-code"))
        lay.addLayout(top)
        lay.addWidget(split, 1)
        for combo in (self.by, self.measure, self.coder):
            combo.currentIndexChanged.connect(self.reload)
        self.subthemes.toggled.connect(self._draw_chart)
        self.project_opened()

    def project_opened(self) -> None:
        p = self.project
        names = p.attributes.names() if p else []
        fill_combo(self.by, [(self.tr("Valence"), None)] + [(n, n) for n in names])
        fill_combo(self.coder, [(self.tr("All coders"), None)]
                   + [(n, n) for n in (p.coders.names() if p else [])])

    def refills(self, changes: Any) -> bool:
        return bool(changes.attributes or changes.segments or changes.codes)

    def refresh(self) -> None:
        assert self.project is not None
        coder = self.coder.currentData()
        table = AnalysisManager(self.project).counts(self.by.currentData(),
                                                     coders=(coder,) if coder else ())
        self.model.set_table(table, self.measure.currentData())
        self.fragments.show_segments([])
        self._draw_chart()

    def clear(self) -> None:
        self.model.set_table(None)
        self.chart.set_data([], [], [])

    def _show_fragments(self, index: QModelIndex) -> None:
        cell = self.model.cell(index.row(), index.column()) if self.model.table else None
        self.fragments.show_segments(cell.segment_ids if cell else [])

    def _draw_chart(self) -> None:
        table = self.model.table
        if table is None:
            return
        rows = [r for r in table.rows if self.subthemes.isChecked() or r.depth == 0]
        measure = self.measure.currentData()
        if table.attribute is None:
            if measure == "segments":
                series = [(valence_label(v), VALENCE_COLOURS[v]) for v in Valence]
                values = [[r.total.by_valence.get(v.value, 0) for v in Valence] for r in rows]
            else:
                series = [(self.tr("Respondents"), PALETTE[0])]
                values = [[r.total.documents] for r in rows]
        else:
            series = [(v or self.tr("(none)"), PALETTE[i % len(PALETTE)])
                      for i, v in enumerate(table.values)]
            values = [[(r.by_value[v].segments if measure == "segments"
                        else r.by_value[v].documents) for v in table.values] for r in rows]
        if not any(any(v) for v in values):
            self.chart.set_data([], [], [])
            return
        self.chart.set_data([r.path.rsplit("/", 1)[-1] for r in rows], series, values,
                            [r.depth for r in rows])


def install(host: PanelHost) -> None:
    view = CountsView(host.ctx, host.jump)
    install_view(host, view, view.tr("Counts per code"), view.tr("Counts per code"), "actionCounts")
