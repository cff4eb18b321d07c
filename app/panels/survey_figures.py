"""Analysis → Questionnaire figures: closed items per meting as a table and a bar chart.

Per item the share in the top box with n, the difference with the previous meting in
percentage points, and the distribution over the scale; split by any attribute (gemeente); groups
below the threshold read "< 10" and get no bar. From here the researcher links an item to themes
and changes its top box (both undoable, through `ctx.run`). Numbers come from
`project.surveys.figures`, which the command line and the chapter use too.

A plain QWidget (an `AnalysisPanel`), so it can live in a dock or a central tab.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.panels import PanelHost
from app.panels.bar_chart import PALETTE
from app.panels.out_common import AnalysisPanel, CodeChecklist, Index, fill_combo
from coding.survey.commands import LinkSurveyItem, SetSurveyScale
from coding.survey.figures import FiguresTable, ItemFigures
from coding.survey.items import SurveyItem
from coding.types import CodeId

SUPPRESSED_COLOUR = "#9AA3AD"


class FiguresModel(QAbstractTableModel):
    """Rows: each item (and, split by an attribute, each item x value); columns: the metingen,
    then the difference, then the themes it is linked to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: FiguresTable | None = None
        self.rows: list[tuple[ItemFigures, str]] = []
        self.paths: dict[CodeId, str] = {}

    def set_table(self, table: FiguresTable | None,
                  paths: dict[CodeId, str] | None = None) -> None:
        self.beginResetModel()
        self.table = table
        self.paths = paths or {}
        groups = (table.groups if table and table.by else ("",)) if table else ()
        self.rows = [(f, g) for f in (table.items if table else []) for g in groups]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() or self.table is None:
            return 0
        return 2 + len(self.table.metingen) + (1 if len(self.table.metingen) > 1 else 0) + 1

    def _diff_column(self) -> int | None:
        assert self.table is not None
        return 2 + len(self.table.metingen) if len(self.table.metingen) > 1 else None

    def item_at(self, row: int) -> SurveyItem | None:
        return self.rows[row][0].item if 0 <= row < len(self.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.table is None:
            return None
        fig, group = self.rows[index.row()]
        col = index.column()
        metingen = self.table.metingen
        diff_col = self._diff_column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return fig.item.label
            if col == 1:
                return group or (self.tr("(all)") if self.table.by else
                                 fig.item.scale.top_box_text())
            if 2 <= col < 2 + len(metingen):
                cell = fig.cell(metingen[col - 2], group)
                if cell is None:
                    return "–"
                if cell.suppressed:
                    return self.tr("n {n}").format(n=cell.n_text())
                return self.tr("{pct} (n={n})").format(pct=cell.pct_text(), n=cell.n)
            if col == diff_col:
                diff = fig.difference(metingen[-1], group)
                return "–" if diff is None else self.tr("{diff} pp").format(diff=f"{diff:+d}")
            return ", ".join(self.paths.get(c, "?") for c in fig.item.code_ids)
        if role == Qt.ItemDataRole.ToolTipRole and 2 <= col < 2 + len(metingen):
            cell = fig.cell(metingen[col - 2], group)
            dist = cell.distribution() if cell else None
            if dist:
                return "\n".join(f"{k}: {v}%" for k, v in dist.items())
        if role == Qt.ItemDataRole.ForegroundRole and 2 <= col < 2 + len(metingen):
            cell = fig.cell(metingen[col - 2], group)
            if cell is not None and cell.suppressed:
                return QColor(SUPPRESSED_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.table is None \
                or role != Qt.ItemDataRole.DisplayRole:
            return None
        metingen = self.table.metingen
        if section == 0:
            return self.tr("Question")
        if section == 1:
            return self.table.by or self.tr("Top box")
        if 2 <= section < 2 + len(metingen):
            meting = metingen[section - 2] or self.tr("(no meting)")
            n = self.table.respondents.get(metingen[section - 2], 0)
            return self.tr("{meting} (n={n})").format(meting=meting, n=n)
        if section == self._diff_column():
            return self.tr("Difference")
        return self.tr("Themes")


class FiguresChart(QWidget):
    """Horizontal bars: per item one bar per meting (or per value of the split), % top box."""

    ROW = 18
    GAP = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveyChart")
        self.items: list[tuple[str, list[tuple[str, int | None]]]] = []  # label, (series, pct)
        self.series: list[str] = []
        self.empty_text = ""
        self.suppressed_text = "n < 10"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_data(self, series: list[str],
                 items: list[tuple[str, list[tuple[str, int | None]]]]) -> None:
        self.series, self.items = series, items
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        bars = sum(len(b) for _l, b in self.items)
        return QSize(560, 40 + len(self.items) * (self.ROW + self.GAP) + bars * self.ROW)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        text = pal.color(QPalette.ColorRole.Text)
        fm = QFontMetrics(self.font())
        if not self.items:
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        colours = {s: QColor(PALETTE[i % len(PALETTE)]) for i, s in enumerate(self.series)}
        pad = 10
        x0 = pad + min(max(fm.horizontalAdvance(s) for s in self.series) + 24, 160)
        width = max(self.width() - x0 - pad - 50, 40)
        y = pad
        x = x0
        for name in self.series:  # legend
            p.fillRect(QRectF(x, y + 3, 12, 12), colours[name])
            p.setPen(text)
            p.drawText(int(x + 16), int(y + 13), name)
            x += 16 + fm.horizontalAdvance(name) + 18
        y += self.ROW + 6
        grid = QColor(pal.color(QPalette.ColorRole.Mid))
        for label, bars in self.items:
            p.setPen(text)
            font = p.font()
            font.setBold(True)
            p.setFont(font)
            p.drawText(QRectF(pad, y, self.width() - 2 * pad, self.ROW),
                       Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(label, Qt.TextElideMode.ElideRight, self.width() - 2 * pad))
            font.setBold(False)
            p.setFont(font)
            y += self.ROW
            for name, pct in bars:
                p.setPen(text)
                p.drawText(QRectF(pad + 8, y, x0 - pad - 12, self.ROW),
                           Qt.AlignmentFlag.AlignVCenter, name)
                p.setPen(grid)
                p.drawLine(int(x0), int(y), int(x0), int(y + self.ROW))
                if pct is None:
                    p.setPen(QColor(SUPPRESSED_COLOUR))
                    p.drawText(QRectF(x0 + 4, y, 120, self.ROW), Qt.AlignmentFlag.AlignVCenter,
                               self.suppressed_text)
                else:
                    w = width * pct / 100
                    p.fillRect(QRectF(x0, y + 2, w, self.ROW - 4), colours[name])
                    p.setPen(text)
                    p.drawText(QRectF(x0 + w + 4, y, 48, self.ROW),
                               Qt.AlignmentFlag.AlignVCenter, f"{pct}%")
                y += self.ROW
            y += self.GAP
        p.end()


class TopBoxDialog(QDialog):
    """Which answers of an item count as positive."""

    def __init__(self, item: SurveyItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBoxDialog")
        self.setWindowTitle(self.tr("Top box: {item}").format(item=item.label))
        self.item = item
        self.list = QListWidget(objectName="topBoxList")
        for cat in item.scale.categories:
            entry = QListWidgetItem(cat)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if cat in item.scale.top_box
                                else Qt.CheckState.Unchecked)
            self.list.addItem(entry)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Tick the answers that count as positive (lowest first):")))
        lay.addWidget(self.list)
        lay.addWidget(buttons)

    def top_box(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


class LinkDialog(QDialog):
    """The themes a closed item belongs to (its figure is shown beside them in the chapter)."""

    def __init__(self, item: SurveyItem, codes: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveyLinkDialog")
        self.setWindowTitle(self.tr("Themes of: {item}").format(item=item.label))
        self.tree = CodeChecklist()
        linked = set(item.code_ids)
        self.tree.set_codes(codes, lambda c: c.id in linked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Show this item's figures with these themes:")))
        lay.addWidget(self.tree, 1)
        lay.addWidget(buttons)
        self.resize(380, 460)

    def chosen(self) -> list[CodeId]:
        return [CodeId(cid) for cid, _path in self.tree.checked()]


class SurveyFiguresView(AnalysisPanel):
    def __init__(self, ctx: Any, jump: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, jump, parent)
        self.setObjectName("surveyFiguresView")
        self.by = QComboBox(objectName="surveyBy")
        self.threshold = QSpinBox(objectName="surveyThreshold")
        self.threshold.setRange(0, 100)
        self.threshold.setValue(10)
        self.threshold.setToolTip(self.tr("Groups with fewer answers are not shown"))
        self.model = FiguresModel(self)
        self.view = QTableView(objectName="surveyTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.chart = FiguresChart()
        self.chart.empty_text = self.tr("No questionnaire yet: File → Import questionnaire…")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        self.link_button = QPushButton(self.tr("Link to themes…"), objectName="surveyLink")
        self.top_button = QPushButton(self.tr("Top box…"), objectName="surveyTopBox")
        self.link_button.clicked.connect(self.link_selected)
        self.top_button.clicked.connect(self.edit_top_box)
        self.summary = QLabel(objectName="surveySummary")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Split by")))
        top.addWidget(self.by)
        top.addWidget(QLabel(self.tr("Hide groups under")))
        top.addWidget(self.threshold)
        top.addStretch(1)
        top.addWidget(self.link_button)
        top.addWidget(self.top_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(scroll)
        split.setSizes([260, 320])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(split, 1)
        self.by.currentIndexChanged.connect(self.reload)
        self.threshold.valueChanged.connect(self.reload)
        self.project_opened()

    def project_opened(self) -> None:
        p = self.project
        names = p.attributes.names() if p else []
        fill_combo(self.by, [(self.tr("(nothing)"), None)] + [(n, n) for n in names])

    def wants(self, changes: Any) -> bool:
        if changes.attributes or changes.documents:
            self.project_opened()
        return bool(changes.attributes or changes.documents or changes.codes)

    def refresh(self) -> None:
        assert self.project is not None
        table = self.project.surveys.figures(by=self.by.currentData(),
                                             threshold=self.threshold.value())
        paths = {c.id: c.path for c in self.project.codes.tree()}
        self.model.set_table(table, paths)
        self.view.resizeRowsToContents()
        if table.items:
            per = ", ".join(f"{m or '?'}: {n}" for m, n in table.respondents.items())
            self.summary.setText(self.tr("{items} closed items; respondents per meting: {per}")
                                 .format(items=len(table.items), per=per))
        else:
            self.summary.setText("")
        self._draw(table)

    def clear(self) -> None:
        self.model.set_table(None)
        self.chart.set_data([], [])
        self.summary.setText("")

    def _draw(self, table: FiguresTable) -> None:
        self.chart.suppressed_text = self.tr("n < {n}").format(n=table.threshold)
        if table.by and table.metingen:
            latest = table.metingen[-1]
            names = [f"{g or self.tr('(none)')} ({latest})" if latest else
                     (g or self.tr("(none)")) for g in table.groups]
            series = names
            items = [(f.item.label, [(name, c.pct if (c := f.cell(latest, g)) else None)
                                     for name, g in zip(names, table.groups, strict=True)])
                     for f in table.items]
        else:
            series = [m or self.tr("(no meting)") for m in table.metingen]
            items = [(f.item.label, [(m or self.tr("(no meting)"),
                                      c.pct if (c := f.cell(m)) else None)
                                     for m in table.metingen]) for f in table.items]
        self.chart.set_data(series, items)

    def selected_item(self) -> SurveyItem | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def link_selected(self) -> None:
        item = self.selected_item()
        if item is None or self.project is None:
            return
        dialog = LinkDialog(item, self.project.codes.tree(), self)
        dialog.accepted.connect(lambda: self.ctx.run(LinkSurveyItem(item.column,
                                                                    dialog.chosen())))
        dialog.open()
        self.link_dialog = dialog

    def edit_top_box(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        dialog = TopBoxDialog(item, self)

        def apply() -> None:
            chosen = dialog.top_box()
            if chosen:
                self.ctx.run(SetSurveyScale(item.column, item.scale.with_top_box(chosen)))

        dialog.accepted.connect(apply)
        dialog.open()
        self.top_box_dialog = dialog


def install(host: PanelHost) -> None:
    view = SurveyFiguresView(host.ctx, host.jump)
    title = QCoreApplication.translate("SurveyFiguresView", "Questionnaire figures")
    opener = host.add_view(view, title)  # a tab beside the transcript (app/panels/__init__.py)
    menu = host.menu("analysis")
    menu.menuAction().setVisible(True)
    action = menu.addAction(title)
    action.setObjectName("actionSurveyFigures")
    action.triggered.connect(opener)
