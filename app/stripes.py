"""Coding stripes: one vertical bar per coding beside the transcript, like MAXQDA and NVivo.

`StripeModel` is plain data: bars in UTF-16 positions, each given a column so that overlapping
codings sit side by side (greedy interval colouring, stable for the whole document, so bars do not
jump sideways while scrolling). `StripeArea` paints only the bars that intersect the visible
blocks, aligned with the text lines through the editor's own cursor rectangles, labels each bar
with its code name (rotated along the bar), tells code/valence/coder/memo on hover and selects
the fragment on click.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from coding.types import Valence

COLUMN_WIDTH = 17
BAR_WIDTH = 5
MAX_COLUMNS = 8


@dataclass(frozen=True)
class Bar:
    segment_id: int
    code_id: int
    name: str
    path: str
    colour: str
    start: int  # UTF-16 positions in the view's document
    end: int
    valence: Valence
    coder: str
    memo: str
    key_quote: bool
    column: int = 0


def assign_columns(spans: list[tuple[int, int]]) -> list[int]:
    """Columns for intervals so that overlapping ones never share a column (fewest columns)."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    free: list[int] = []  # free column numbers (heap)
    busy: list[tuple[int, int]] = []  # (end, column) heap
    used = 0
    out = [0] * len(spans)
    for i in order:
        start, end = spans[i]
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            col = heapq.heappop(free)
        else:
            col, used = used, used + 1
        out[i] = col
        heapq.heappush(busy, (end, col))
    return out


class StripeModel:
    """The bars of one document's visible codings."""

    def __init__(self) -> None:
        self.bars: list[Bar] = []
        self.columns = 0

    def set_bars(self, bars: Iterable[Bar]) -> None:
        items = sorted(bars, key=lambda b: (b.start, -b.end, b.path))
        cols = assign_columns([(b.start, b.end) for b in items])
        self.bars = [Bar(**{**b.__dict__, "column": min(c, MAX_COLUMNS - 1)})
                     for b, c in zip(items, cols, strict=True)]
        self.columns = min(max(cols, default=-1) + 1, MAX_COLUMNS)

    def bars_for_segment(self, segment_id: int) -> list[Bar]:
        return [b for b in self.bars if b.segment_id == segment_id]

    def bars_in(self, start: int, end: int) -> list[Bar]:
        return [b for b in self.bars if b.start < end and b.end > start]

    def bars_at(self, pos: int) -> list[Bar]:
        return [b for b in self.bars if b.start <= pos < b.end]


class StripeArea(QWidget):
    """The margin widget; lives inside the editor, to the right of its viewport."""

    bar_clicked = Signal(object)  # Bar

    def __init__(self, editor: QPlainTextEdit, model: StripeModel) -> None:
        super().__init__(editor)
        self._editor = editor
        self.model = model
        self.setMouseTracking(True)
        self.setObjectName("codingStripes")
        font = QFont(self.font())
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.78))
        self._font = font

    def preferred_width(self) -> int:
        return max(1, self.model.columns) * COLUMN_WIDTH + 6

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.preferred_width(), 0)

    # -- geometry ------------------------------------------------------------------------------

    def _visible_range(self) -> tuple[int, int]:
        ed = self._editor
        block = ed.firstVisibleBlock()
        start = block.position()
        offset = ed.contentOffset()
        height = ed.viewport().height()
        end = start
        while block.isValid():
            geo = ed.blockBoundingGeometry(block).translated(offset)
            if geo.top() > height:
                break
            end = block.position() + block.length()
            block = block.next()
        return start, end

    def visible_bars(self) -> list[tuple[QRect, Bar]]:
        """Each bar intersecting the viewport with its rectangle in this widget."""
        ed = self._editor
        first, last = self._visible_range()
        cursor = ed.textCursor()
        out = []
        doc_end = ed.document().characterCount() - 1
        for bar in self.model.bars_in(first, last):
            cursor.setPosition(max(bar.start, first))
            top = ed.cursorRect(cursor).top()
            cursor.setPosition(min(bar.end, last, doc_end))
            bottom = ed.cursorRect(cursor).bottom()
            if bottom <= top:
                bottom = top + QFontMetrics(ed.font()).height()
            x = 3 + bar.column * COLUMN_WIDTH
            out.append((QRect(x, top + 1, COLUMN_WIDTH - 2, bottom - top - 1), bar))
        return out

    # -- painting and interaction ------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window().color().lighter(103))
        painter.setPen(QColor("#d0d0d0"))
        painter.drawLine(0, 0, 0, self.height())
        painter.setFont(self._font)
        metrics = QFontMetrics(self._font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        visible = self.visible_bars()
        # A label runs down along its bar and on, until the next bar in the same column.
        room: dict[int, int] = {}
        by_column: dict[int, list[int]] = {}
        for i, (_rect, bar) in enumerate(visible):
            by_column.setdefault(bar.column, []).append(i)
        for items in by_column.values():
            items.sort(key=lambda i: visible[i][0].top())
            for k, i in enumerate(items):
                nxt = visible[items[k + 1]][0].top() if k + 1 < len(items) else self.height()
                room[i] = max(visible[i][0].height(), min(nxt - visible[i][0].top() - 4, 160))
        for i, (rect, bar) in enumerate(visible):
            colour = QColor(bar.colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRect(rect.x(), rect.y(), BAR_WIDTH, rect.height()), 2, 2)
            if room[i] >= 24:
                label = metrics.elidedText(bar.name, Qt.TextElideMode.ElideRight, room[i] - 2)
                painter.save()
                painter.translate(rect.x() + BAR_WIDTH + 1, rect.y() + 1)
                painter.rotate(90)
                painter.setPen(colour.darker(160))
                painter.drawText(0, -2, label)
                painter.restore()
        painter.end()

    def bar_at(self, x: int, y: int) -> Bar | None:
        for rect, bar in self.visible_bars():
            if rect.adjusted(-1, 0, 1, 0).contains(x, y):
                return bar
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            bar = self.bar_at(event.pos().x(), event.pos().y())
            if bar is not None:
                QToolTip.showText(event.globalPos(), self.tooltip(bar), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip(self, bar: Bar) -> str:
        from app.labels import valence_label

        lines = [f"<b>{_esc(bar.path)}</b>",
                 self.tr("Valence: {valence}").format(valence=valence_label(bar.valence)),
                 self.tr("Coder: {coder}").format(coder=_esc(bar.coder))]
        if bar.key_quote:
            lines.append(self.tr("Key quote"))
        if bar.memo:
            lines.append(self.tr("Memo: {memo}").format(memo=_esc(bar.memo[:300])))
        return "<br>".join(lines)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        bar = self.bar_at(int(event.position().x()), int(event.position().y()))
        if bar is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(bar)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        over = self.bar_at(int(event.position().x()), int(event.position().y())) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
