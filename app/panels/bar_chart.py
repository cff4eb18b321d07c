"""A horizontal bar chart drawn with QPainter: QtCharts is not part of PySide6-Essentials.

Why horizontal: code names are long ("aansluiting/samen beslissen"); on the left they stay
readable instead of being rotated under a column. Bars are stacked by series (valence, or the
values of an attribute), with the total at the end of each bar and a legend on top.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

# Colour-blind friendly (Okabe-Ito) for attribute values; valences get their own meaning colours.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#999999")


class BarChart(QWidget):
    ROW = 22
    GAP = 6
    PAD = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self.labels: list[str] = []
        self.indent: list[int] = []
        self.series: list[tuple[str, QColor]] = []
        self.values: list[list[int]] = []  # [row][series]
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_data(self, labels: Sequence[str], series: Sequence[tuple[str, str | QColor]],
                 values: Sequence[Sequence[int]], indent: Sequence[int] = ()) -> None:
        self.labels = list(labels)
        self.indent = list(indent) or [0] * len(self.labels)
        self.series = [(name, QColor(colour)) for name, colour in series]
        self.values = [list(v) for v in values]
        self.updateGeometry()
        self.update()

    def totals(self) -> list[int]:
        return [sum(v) for v in self.values]

    def _legend_height(self) -> int:
        return self.ROW + self.GAP if len(self.series) > 1 else 0

    def sizeHint(self) -> QSize:  # noqa: N802
        rows = max(len(self.labels), 1)
        return QSize(520, self.PAD * 2 + self._legend_height() + rows * (self.ROW + self.GAP))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(260, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        fm = QFontMetrics(self.font())
        text_colour = pal.color(QPalette.ColorRole.Text)
        if not self.labels:
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        width = self.width() - 2 * self.PAD
        label_w = min(max(fm.horizontalAdvance(t) + 12 * i for t, i in
                          zip(self.labels, self.indent, strict=True)) + 12, int(width * 0.42))
        totals = self.totals()
        top = max(totals + [1])
        number_w = fm.horizontalAdvance(str(top)) + 10
        bar_x = self.PAD + label_w
        bar_w = max(width - label_w - number_w, 10)
        y = self.PAD
        # Legend.
        if len(self.series) > 1:
            x: float = bar_x
            for name, colour in self.series:
                p.fillRect(QRectF(x, y + 5, 12, 12), colour)
                p.setPen(text_colour)
                shown = fm.elidedText(name, Qt.TextElideMode.ElideRight, 160)
                p.drawText(QRectF(x + 16, y, fm.horizontalAdvance(shown) + 4, self.ROW),
                           Qt.AlignmentFlag.AlignVCenter, shown)
                x += 16 + fm.horizontalAdvance(shown) + 18
            y += self._legend_height()
        grid = QColor(pal.color(QPalette.ColorRole.Mid))
        grid.setAlpha(90)
        p.setPen(grid)
        p.drawLine(bar_x, y, bar_x, y + len(self.labels) * (self.ROW + self.GAP))
        for label, ind, row, total in zip(self.labels, self.indent, self.values, totals,
                                          strict=True):
            p.setPen(text_colour)
            shown = fm.elidedText(label, Qt.TextElideMode.ElideMiddle, label_w - 10 - 12 * ind)
            font = p.font()
            font.setBold(ind == 0 and any(i > 0 for i in self.indent))
            p.setFont(font)
            p.drawText(QRectF(self.PAD + 12 * ind, y, label_w - 12 * ind - 8, self.ROW),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
            font.setBold(False)
            p.setFont(font)
            x = float(bar_x)
            for value, (_name, colour) in zip(row, self.series, strict=True):
                w = bar_w * value / top
                if w > 0:
                    p.fillRect(QRectF(x, y + 3, w, self.ROW - 6), colour)
                x += w
            p.setPen(text_colour)
            p.drawText(QRectF(x + 4, y, number_w, self.ROW), Qt.AlignmentFlag.AlignVCenter,
                       str(total))
            y += self.ROW + self.GAP
        p.end()
