"""The painted timeline: one horizontal lane per perspective, events at their moment.

It draws `coding.timeline.Timeline` exactly as laid out there (the same placement the chapter's
figure uses): filled markers for dated events, open ones for events placed by their order only,
a bar for a told duration, a dotted line joining accounts of the same event and a red dashed one
with "≠" where they contradict. Labels go in the first free row above or below the lane, so none
overlap. Clicking an event emits `event_clicked` (the view jumps to its passage); hovering shows
the quote. `zoom` stretches the time axis; the canvas grows and its scroll area scrolls.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from coding.events import EventInfo
from coding.timeline import Timeline
from coding.told_durations import duration_text

LANE_TITLE_W = 120
MARGIN_R = 40
ROW_H = 30  # one row of two-line labels
AXIS_H = 46
RADIUS = 6
CONTRADICTION = QColor("#c62828")


@dataclass(frozen=True)
class Marker:
    """Where an event was painted (for clicks, hover and tests)."""

    index: int
    event: EventInfo
    lane: str
    centre: QPointF
    label: str


def lane_title(lane: str) -> str:
    titles = {"ouder": QCoreApplication.translate("TimelineCanvas", "Parent"),
              "jongere": QCoreApplication.translate("TimelineCanvas", "Youth"),
              "hulpverlener": QCoreApplication.translate("TimelineCanvas", "Care worker"),
              "school": QCoreApplication.translate("TimelineCanvas", "School"),
              "onbekend": QCoreApplication.translate("TimelineCanvas", "Unknown")}
    return titles.get(lane, lane.replace("_", " ").capitalize())


class TimelineCanvas(QWidget):
    event_clicked = Signal(object)  # EventInfo
    event_menu = Signal(object, object)  # EventInfo, global QPoint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.zoom = 1.0
        self.markers: list[Marker] = []
        self.lane_y: dict[str, float] = {}
        self._levels: list[int] = []
        self._rows = 1  # label rows above and below each lane
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)
        self.setBackgroundRole(self.backgroundRole())
        self.setAutoFillBackground(True)
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(7.0, self._font.pointSizeF() - 1))

    # -- data ------------------------------------------------------------------------------------

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        self._layout()
        self.updateGeometry()
        self.adjustSize()
        self.update()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(0.5, min(zoom, 12.0))
        self._layout()
        self.updateGeometry()
        self.adjustSize()
        self.update()

    def sizeHint(self) -> QSize:
        lanes = len(self.timeline.lanes) if self.timeline else 1
        width = int(LANE_TITLE_W + MARGIN_R + 820 * self.zoom)
        return QSize(width, int(AXIS_H + lanes * (2 * self._rows + 1) * ROW_H + 20))

    def minimumSizeHint(self) -> QSize:
        return QSize(LANE_TITLE_W + MARGIN_R + 200, 160)

    # -- geometry --------------------------------------------------------------------------------

    def _x_range(self) -> tuple[float, float]:
        assert self.timeline is not None
        lo, hi = self.timeline.x_range
        pad = max(0.3, (hi - lo) * 0.05)
        return lo - pad, hi + pad

    def x_of(self, value: float) -> float:
        lo, hi = self._x_range()
        width = max(200.0, self.width() - LANE_TITLE_W - MARGIN_R)
        return LANE_TITLE_W + (value - lo) / (hi - lo) * width

    def _label(self, index: int) -> str:
        assert self.timeline is not None
        e = self.timeline.events[index]
        text = e.event.type
        if e.event.duration_days is not None:
            text += f" · {duration_text(e.event.duration_days)}"
        if e.dated:
            text += f"\n{e.event.moment.label()}"
        return text

    def _layout(self) -> None:
        """Label rows (first free row above or below the lane) and lane positions."""
        self.markers = []
        events = self.timeline.events if self.timeline is not None else []
        if not events:
            self._levels, self._rows = [], 1
            return
        fm = QFontMetrics(self._font)
        width = self.sizeHint().width() if self.width() < 300 else self.width()
        lo, hi = self._x_range()
        per = (width - LANE_TITLE_W - MARGIN_R) / (hi - lo)
        taken: dict[tuple[str, int], list[tuple[float, float]]] = {}
        levels = [0] * len(events)
        for i in sorted(range(len(events)), key=lambda i: events[i].x):
            e = events[i]
            w = max(fm.horizontalAdvance(line) for line in self._label(i).split("\n")) + 8
            x = (e.x - lo) * per
            span = (x - w / 2, x + w / 2)
            level = 0
            while any(a < span[1] and span[0] < b for a, b in taken.get((e.lane, level), [])):
                level += 1
            taken.setdefault((e.lane, level), []).append(span)
            levels[i] = level
        self._levels = levels
        self._rows = max(1, max(levels) // 2 + 1)

    def _lane_positions(self) -> dict[str, float]:
        assert self.timeline is not None
        lane_h = (2 * self._rows + 1) * ROW_H
        return {lane: 10 + lane_h * i + lane_h / 2 for i, lane in enumerate(self.timeline.lanes)}

    # -- painting --------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        tl = self.timeline
        if tl is None or not tl.events:
            p.setPen(QColor("#607d8b"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       self.tr("No events in this family's help history yet.\nSelect a passage "
                               "in a transcript and choose 'Mark as help-history event…'."))
            return
        self.lane_y = ys = self._lane_positions()
        bottom = max(ys.values()) + (self._rows + 0.5) * ROW_H
        bold = QFont(self.font())
        bold.setBold(True)
        for lane, y in ys.items():
            p.setPen(QPen(QColor("#cfd8dc"), 1))
            p.drawLine(QPointF(LANE_TITLE_W - 6, y), QPointF(self.width() - 10, y))
            p.setFont(bold)
            p.setPen(QColor("#263238"))
            p.drawText(QRectF(4, y - 10, LANE_TITLE_W - 14, 20),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       lane_title(lane))
        p.setFont(self._font)
        p.setPen(QPen(QColor("#455a64"), 1))
        p.drawLine(QPointF(LANE_TITLE_W, bottom), QPointF(self.width() - 10, bottom))
        lo, hi = self._x_range()
        for value, label in tl.ticks():
            if not lo <= value <= hi:
                continue
            x = self.x_of(value)
            p.drawLine(QPointF(x, bottom), QPointF(x, bottom + 4))
            p.drawText(QRectF(x - 40, bottom + 5, 80, 34),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        for g in tl.groups:
            members = [tl.events[i] for i in g.members]
            x = sum(self.x_of(m.x) for m in members) / len(members)
            top = min(ys[m.lane] for m in members)
            low = max(ys[m.lane] for m in members)
            pen = QPen(CONTRADICTION if g.contradiction else QColor("#90a4ae"), 1.5)
            pen.setStyle(Qt.PenStyle.DashLine if g.contradiction else Qt.PenStyle.DotLine)
            p.setPen(pen)
            p.drawLine(QPointF(x, top), QPointF(x, low))
            if g.contradiction:
                mark = QRectF(x - 22 - 9, low - 9, 18, 18)
                p.setBrush(QColor("white"))
                p.setPen(QPen(CONTRADICTION, 1.2))
                p.drawEllipse(mark)
                p.drawText(mark, Qt.AlignmentFlag.AlignCenter, "≠")
        self.markers = []
        for i, e in enumerate(tl.events):
            y = ys[e.lane]
            x = self.x_of(e.x)
            colour = QColor(e.event.colour)
            if e.end_x is not None:
                bar = QColor(colour)
                bar.setAlpha(90)
                p.fillRect(QRectF(x, y - 4, max(2.0, self.x_of(e.end_x) - x), 8), bar)
            p.setPen(QPen(colour, 2))
            p.setBrush(colour if e.dated else QColor("white"))
            p.drawEllipse(QPointF(x, y), RADIUS, RADIUS)
            level = self._levels[i] if i < len(self._levels) else 0
            rise = RADIUS + 4 + ROW_H * (level // 2)
            box = QRectF(x - 90, y - rise - ROW_H, 180, ROW_H) if level % 2 == 0 \
                else QRectF(x - 90, y + rise, 180, ROW_H)
            align = Qt.AlignmentFlag.AlignHCenter | (
                Qt.AlignmentFlag.AlignBottom if level % 2 == 0 else Qt.AlignmentFlag.AlignTop)
            if level >= 2:
                p.setPen(QPen(QColor("#b0bec5"), 0.8))
                edge = box.bottom() if level % 2 == 0 else box.top()
                p.drawLine(QPointF(x, y + (-RADIUS if level % 2 == 0 else RADIUS)),
                           QPointF(x, edge))
            p.setPen(QColor("#263238"))
            label = self._label(i)
            p.drawText(box, align, label)
            self.markers.append(Marker(i, e.event, e.lane, QPointF(x, y), label))
        p.end()

    # -- interaction -----------------------------------------------------------------------------

    def marker_at(self, pos: QPointF) -> Marker | None:
        best = None
        for m in self.markers:
            d = (m.centre - pos).manhattanLength()
            if d <= RADIUS * 2.2 and (best is None or d < (best.centre - pos).manhattanLength()):
                best = m
        return best

    def mousePressEvent(self, event: QMouseEvent) -> None:
        m = self.marker_at(event.position())
        if m is None:
            super().mousePressEvent(event)
            return
        if event.button() == Qt.MouseButton.RightButton:
            self.event_menu.emit(m.event, event.globalPosition().toPoint())
        else:
            self.event_clicked.emit(m.event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        m = self.marker_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if m else Qt.CursorShape.ArrowCursor)
        if m is not None:
            e = m.event
            tip = (f"<b>{e.type}</b> — {e.moment.label()}<br>{lane_title(m.lane)}: "
                   f"“{' '.join(e.text.split())[:240]}”")
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)
        super().mouseMoveEvent(event)
