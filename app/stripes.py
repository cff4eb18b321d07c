"""Coding stripes: one vertical bar per coding beside the transcript, like MAXQDA and NVivo.

`StripeModel` is plain data: bars in UTF-16 positions, each given a column so that overlapping
codings sit side by side (greedy interval colouring, stable for the whole document, so bars do not
jump sideways while scrolling). `StripeArea` paints only the bars that intersect the visible
blocks, aligned with the text lines through the editor's own cursor rectangles, tells
code/valence/coder/memo on hover and selects the fragment on click.

Labels must be readable, not just present: rotated text along a bar was cut short ("vindbaar…")
whenever the next coding in its column started a line or two below. So a column is as wide as
the document's code names need (up to a cap, and the whole margin within a share of the editor),
and each label is a small horizontal tag at the top of its bar, allowed to run on to the right
over columns that are empty at that height. Only when that is too narrow is the name written
rotated along the bar, and only when neither fits is it elided (the tooltip has it in full).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, replace

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

from app.labels import valence_label
from coding.types import CodeId, SegmentId, Valence

COLUMN_WIDTH = 17  # the narrowest column: a bar and a rotated label beside it
BAR_WIDTH = 5
MAX_COLUMNS = 8
LABEL_ROOM = 78  # at most this much beside a bar for a horizontal tag; longer names run on
MARGIN_SHARE = 0.2  # the margin takes at most this share of the editor's width...
MARGIN_MAX = 240  # ...and never more than this
TAG_PAD = 3


@dataclass(frozen=True)
class Bar:
    segment_id: SegmentId
    code_id: CodeId
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
    # The paragraph(s) the bar runs beside (UTF-16 positions; -1: just start-end). Columns are
    # given by these, so two fragments on one line never share a column and hide each other.
    lane_start: int = -1
    lane_end: int = -1


@dataclass(frozen=True)
class Label:
    """Where a bar's name is drawn: a horizontal tag, or text rotated along the bar."""

    text: str
    rect: QRect  # the tag, or (rotated) the box the text runs down in
    rotated: bool
    elided: bool


def assign_columns(spans: list[tuple[int, int]]) -> list[int]:
    """Columns for intervals so that overlapping ones never share a column (fewest columns)."""
    # By start only: optimal for intervals, and equal starts keep the caller's order (bars
    # come sorted by their own start and length, so the column follows the text).
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
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
        cols = assign_columns([(b.lane_start if b.lane_start >= 0 else b.start,
                                max(b.lane_end, b.end)) for b in items])
        self.bars = [replace(b, column=min(c, MAX_COLUMNS - 1))
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
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        self._font = font
        self._metrics = QFontMetrics(font)
        self._widths: dict[str, int] = {}
        self._names: set[str] = set()
        self._longest = 0

    def column_width(self) -> int:
        """Wide enough for the longest code name in a tag, within the margin's budget."""
        columns = max(1, self.model.columns)
        if not self.model.bars:
            return COLUMN_WIDTH  # an empty margin stays narrow
        names = {b.name for b in self.model.bars}
        if names != self._names:
            self._names = names
            self._longest = max(self._text_width(n) for n in names)
        need = BAR_WIDTH + 4 + min(self._longest + 2 * TAG_PAD, LABEL_ROOM)
        budget = min(MARGIN_MAX, int(self._editor.width() * MARGIN_SHARE))
        narrowest = max(COLUMN_WIDTH, BAR_WIDTH + 5 + self._metrics.ascent())
        return max(narrowest, min(need, budget // columns))

    def preferred_width(self) -> int:
        return max(1, self.model.columns) * self.column_width() + 6

    def _text_width(self, text: str) -> int:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self._metrics.horizontalAdvance(text)
        return width

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.preferred_width(), 0)

    # -- geometry ------------------------------------------------------------------------------

    def visible_range(self) -> tuple[int, int]:
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
        first, last = self.visible_range()
        cursor = ed.textCursor()
        out = []
        doc_end = ed.document().characterCount() - 1
        col_w = self.column_width()
        line = QFontMetrics(ed.font()).height()
        for bar in self.model.bars_in(first, last):
            cursor.setPosition(max(bar.start, first))
            top = ed.cursorRect(cursor).top()
            cursor.setPosition(min(bar.end, last, doc_end))
            bottom = ed.cursorRect(cursor).bottom()
            if bottom <= top:
                bottom = top + line
            x = 3 + bar.column * col_w
            out.append((QRect(x, top + 1, col_w - 2, bottom - top - 1), bar))
        return out

    def placed_bars(self) -> list[tuple[QRect, Bar, Label | None]]:
        """The visible bars with their labels, placed so that no label covers another."""
        visible = self.visible_bars()
        metrics = self._metrics
        tag_h = metrics.height() + 2
        # A label may run down (rotated) until the next bar in its column starts.
        room: dict[int, int] = {}
        by_column: dict[int, list[int]] = {}
        for i, (_rect, bar) in enumerate(visible):
            by_column.setdefault(bar.column, []).append(i)
        for items in by_column.values():
            items.sort(key=lambda i: visible[i][0].top())
            for k, i in enumerate(items):
                nxt = visible[items[k + 1]][0].top() if k + 1 < len(items) else self.height()
                room[i] = min(nxt - visible[i][0].top() - 3, 200)
        # Right-hand columns first: a tag runs on to the right only over what is still free.
        taken: list[QRect] = [rect for rect, _bar in visible]
        labels: dict[int, Label | None] = {}
        for i in sorted(range(len(visible)), key=lambda i: -visible[i][1].column):
            rect, bar = visible[i]
            label = self._place(bar, rect, room[i], tag_h, taken)
            labels[i] = label
            if label is not None:
                taken.append(label.rect)
        return [(rect, bar, labels[i]) for i, (rect, bar) in enumerate(visible)]

    def _place(self, bar: Bar, rect: QRect, room: int, tag_h: int,
               taken: list[QRect]) -> Label | None:
        metrics = self._metrics
        text_w = self._text_width(bar.name)
        x0 = rect.x() + BAR_WIDTH + 2
        right = self.width() - 2
        band = QRect(x0, rect.top(), max(1, right - x0), tag_h)
        for other in taken:
            if other.left() >= x0 and other.intersects(band):
                right = min(right, other.left() - 2)
        flat = right - x0 - 2 * TAG_PAD if room >= tag_h else 0
        if text_w <= flat:
            return Label(bar.name, QRect(x0, rect.top(), text_w + 2 * TAG_PAD, tag_h),
                         False, False)
        # rotated, the text's height must fit beside the bar in its own column
        down = room - 2 if rect.right() + 2 - x0 >= metrics.ascent() else 0
        if text_w <= down:
            return Label(bar.name, QRect(x0, rect.top() + 1, metrics.height(), text_w),
                         True, False)
        best = max(flat, down)
        if best < 3 * metrics.averageCharWidth():
            return None  # nothing readable fits; the tooltip still names the code
        text = metrics.elidedText(bar.name, Qt.TextElideMode.ElideRight, best)
        width = self._text_width(text)
        if best == flat:
            return Label(text, QRect(x0, rect.top(), width + 2 * TAG_PAD, tag_h), False, True)
        return Label(text, QRect(x0, rect.top() + 1, metrics.height(), width), True, True)

    # -- painting and interaction ------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window().color().lighter(103))
        painter.setPen(QColor("#d0d0d0"))
        painter.drawLine(0, 0, 0, self.height())
        painter.setFont(self._font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        placed = self.placed_bars()
        for rect, bar, _label in placed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(bar.colour))
            painter.drawRoundedRect(QRect(rect.x(), rect.y(), BAR_WIDTH, rect.height()), 2, 2)
        for _rect, bar, label in placed:
            if label is not None:
                self._paint_label(painter, QColor(bar.colour), label)
        painter.end()

    def _paint_label(self, painter: QPainter, colour: QColor, label: Label) -> None:
        ink = _ink(colour)
        if label.rotated:
            painter.save()
            painter.translate(label.rect.x() - 1, label.rect.y())
            painter.rotate(90)
            painter.setPen(ink)
            painter.drawText(0, -2, label.text)
            painter.restore()
            return
        fill = QColor(colour)
        fill.setAlpha(40)
        base = self.palette().base().color()
        painter.setBrush(base)  # opaque under the tint: a tag over another colour stays legible
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(label.rect, 3, 3)
        edge = QColor(colour)
        edge.setAlpha(150)
        painter.setPen(edge)
        painter.setBrush(fill)
        painter.drawRoundedRect(label.rect.adjusted(0, 0, -1, -1), 3, 3)
        painter.setPen(ink)
        painter.drawText(label.rect.adjusted(TAG_PAD, 0, 0, 0),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         label.text)

    def bar_at(self, x: int, y: int) -> Bar | None:
        placed = self.placed_bars()
        for _rect, bar, label in placed:  # a tag lies on top of whatever it runs over
            if label is not None and not label.rotated and label.rect.contains(x, y):
                return bar
        for rect, bar, _label in placed:
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


def _ink(colour: QColor) -> QColor:
    """The code's colour pulled towards near-black: its hue, but legible on a light tag."""
    dark, k = QColor("#1f2429"), 0.62
    return QColor(round(colour.red() * (1 - k) + dark.red() * k),
                  round(colour.green() * (1 - k) + dark.green() * k),
                  round(colour.blue() * (1 - k) + dark.blue() * k))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
