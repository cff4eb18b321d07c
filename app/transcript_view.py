"""The transcript view: the stored text exactly as is, read-only, with speaker labels and
timestamps styled, codings as coloured highlights and the coding stripes beside it.

The view knows nothing about the project: a controller (app/coding_controller.py) hands it the
text, the turns and the segments as plain values and listens to its signals. The document is
built once per opened transcript (label and timestamp runs inserted with their own character
format, so bold text is laid out as bold); codings are ExtraSelections (background only, no
re-layout), so applying a code costs one pass over the document's codings, not a re-layout.
Positions: Qt works in UTF-16 units, the core in code points; `OffsetMap` converts both ways.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from app.offsets import OffsetMap
from app.stripes import Bar, StripeArea, StripeModel
from coding.types import SegmentId, SegmentInfo, Valence

CODE_MIME = "application/x-duiding-code-ids"
VALENCE_KEYS = {"+": Valence.POSITIEF, "-": Valence.AANDACHTSPUNT,
                "−": Valence.AANDACHTSPUNT, "0": Valence.NEUTRAAL}
_TIMESTAMP = re.compile(r"[\[(]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?[\])]?(?:\s*-->\s*"
                        r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?)?")


def label_zones(text: str, turns: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, 'label'|'time') runs in code points: what stands before each turn's text.

    A turn's span excludes its label and timestamp; what lies between the previous turn's end
    (or, for the first turn, the start of its line or the line above) and the turn's start is
    label material, its timestamps grey, the rest bold.
    """
    zones: list[tuple[int, int, str]] = []
    prev_end = -1
    for start, _end in sorted(turns):
        if prev_end < 0:
            line = text.rfind("\n", 0, start) + 1
            if line == start and start > 0:  # label on its own line above the text
                line = text.rfind("\n", 0, start - 1) + 1
            zone_start = line
        else:
            zone_start = prev_end
        prev_end = max(prev_end, _end)
        chunk = text[zone_start:start]
        if not chunk.strip() or len(chunk) > 200:
            continue
        pos = zone_start
        for m in _TIMESTAMP.finditer(chunk):
            a, b = zone_start + m.start(), zone_start + m.end()
            _add_label(text, pos, a, zones)
            zones.append((a, b, "time"))
            pos = b
        _add_label(text, pos, start, zones)
    return zones


def _add_label(text: str, a: int, b: int, zones: list[tuple[int, int, str]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        zones.append((a, b, "label"))


def lighter(colour: str, alpha: int = 70) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


class TranscriptView(QPlainTextEdit):
    """Read-only transcript with highlights and stripes; emits what the user asks for."""

    bar_clicked = Signal(object)  # Bar (the fragment is selected already)
    context_menu_requested = Signal(QPoint, int)  # global position, code-point offset under it
    codes_dropped = Signal(list)  # code ids dropped onto the current selection
    valence_key = Signal(object)  # Valence: + − 0 pressed (for the selected fragment)
    segment_clicked = Signal(object)  # the innermost fragment under a plain click, or None
    segments_changed = Signal()  # the shown codings were replaced (after a change)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAcceptDrops(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(False)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.text = ""
        self.offsets = OffsetMap("")
        self.stripe_model = StripeModel()
        self.stripes = StripeArea(self, self.stripe_model)
        self.stripes.bar_clicked.connect(self._on_bar_clicked)
        self._segments: list[SegmentInfo] = []
        self._sorted: list[SegmentInfo] = []
        # segment id -> ((segment, highlighted), selection): rebuilt only for what changed
        self._sel_cache: dict[int, tuple[tuple[SegmentInfo, bool], QTextEdit.ExtraSelection]] = {}
        self._selection_bg: dict[int, QColor] = {}
        self._bar_cache: dict[int, tuple[SegmentInfo, list[Bar]]] = {}  # segment id -> bars
        self.highlighted_segment: SegmentId | None = None
        self.updateRequest.connect(lambda *_: self.stripes.update())
        self.cursorPositionChanged.connect(self._on_cursor)
        self._covered = (0, 0)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._on_scroll())
        self._sync_margin()
        self.setPlaceholderText(self.tr("Open a document from the list to start coding."))

    # -- content -------------------------------------------------------------------------------

    def show_document(self, text: str, turns: Sequence[tuple[int, int]],
                      segments: Sequence[SegmentInfo] = ()) -> None:
        """Show a new transcript (replaces the document; codings via `set_segments`)."""
        self.text = text
        self.offsets = OffsetMap(text)
        doc = QTextDocument()  # owned here (Python), so replacing it frees the old one
        doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(8)
        cursor = QTextCursor(doc)
        plain = QTextCharFormat()
        label = QTextCharFormat()
        label.setFontWeight(QFont.Weight.Bold)
        label.setForeground(QColor("#37474f"))
        stamp = QTextCharFormat()
        stamp.setForeground(QColor("#8a8a8a"))
        formats = {"label": label, "time": stamp}
        pos = 0
        cursor.beginEditBlock()
        for a, b, kind in label_zones(text, turns):
            if a > pos:
                cursor.insertText(text[pos:a], plain)
            cursor.insertText(text[a:b], formats[kind])
            pos = b
        cursor.insertText(text[pos:], plain)
        cursor.endEditBlock()
        self._segments, self._sorted, self._sel_cache = [], [], {}  # the old text's codings
        self._bar_cache = {}
        self.highlighted_segment = None
        self.setDocument(doc)
        self._doc = doc
        self.highlighted_segment = None
        self._sel_cache = {}
        self.set_segments(segments)

    def set_segments(self, segments: Sequence[SegmentInfo], *, keep_cache: bool = False) -> None:
        """Highlights and stripes for these (visible) segments."""
        self._segments = list(segments)
        self._sorted = sorted(self._segments, key=lambda s: (s.start, -s.end))
        if not keep_cache:
            self._sel_cache = {}
        om = self.offsets
        doc = self.document()
        bars: list[Bar] = []
        cache = self._bar_cache if keep_cache else {}
        self._bar_cache = {}
        for seg in self._segments:
            hit = cache.get(seg.id)
            if hit is not None and hit[0] == seg:  # unchanged: its bars as they were
                made = hit[1]
            else:
                qs, qe = om.to_qt(seg.start), om.to_qt(seg.end)
                last = doc.findBlock(max(qs, qe - 1))
                lane = (doc.findBlock(qs).position(), last.position() + last.length())
                made = [Bar(seg.id, c.code_id, c.path.rsplit("/", 1)[-1], c.path, c.colour,
                            qs, qe, c.valence, seg.coder, seg.memo, seg.key_quote,
                            lane_start=lane[0], lane_end=lane[1]) for c in seg.codings]
            self._bar_cache[seg.id] = (seg, made)
            bars.extend(made)
        self.stripe_model.set_bars(bars)
        if self.highlighted_segment is not None and all(
                s.id != self.highlighted_segment for s in self._segments):
            self.highlighted_segment = None  # the fragment went (removed, undone)
        self._apply_selections()
        self._sync_margin()
        self.stripes.update()
        self.segments_changed.emit()

    def replace_segments(self, changed: Sequence[SegmentInfo], removed: Sequence[int] = ()
                         ) -> None:
        """Incremental update: swap in changed/new segments, drop removed ones."""
        gone = set(removed) | {s.id for s in changed}
        for sid in gone:
            self._sel_cache.pop(sid, None)
        self.set_segments([s for s in self._segments if s.id not in gone] + list(changed),
                          keep_cache=True)

    def _selection_for(self, seg: SegmentInfo, is_current: bool) -> QTextEdit.ExtraSelection:
        key = (seg, is_current)
        cached = self._sel_cache.get(seg.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        om = self.offsets
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(om.to_qt(seg.start))
        cursor.setPosition(om.to_qt(seg.end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(lighter(seg.codings[0].colour, 150 if is_current else 60))
        if seg.key_quote:
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(QColor(seg.codings[0].colour))
        sel.format = fmt
        self._sel_cache[seg.id] = (key, sel)
        return sel

    def _apply_selections(self) -> None:
        """Highlights for the codings in and around the visible text (one screen either way):
        Qt measures every extra selection whenever they are set, so a long transcript with a
        thousand codings would pay for all of them on every coding. Scrolling beyond the
        covered stretch brings the next ones (`_on_scroll`)."""
        first, last = self.stripes.visible_range()
        reach = max(last - first, 2000)
        low, high = self.offsets.to_cp(max(0, first - reach)), self.offsets.to_cp(last + reach)
        self._covered = (first - reach, last + reach)
        sels = []
        strong = None
        for seg in self._sorted:
            if seg.start >= high:
                break
            is_current = seg.id == self.highlighted_segment
            if not seg.codings or (seg.end <= low and not is_current):
                continue
            sel = self._selection_for(seg, is_current)
            if is_current:
                strong = sel
            else:
                sels.append(sel)
        if strong is None and self.highlighted_segment is not None:
            current = next((x for x in self._sorted if x.id == self.highlighted_segment), None)
            if current is not None and current.codings:
                strong = self._selection_for(current, True)
        if strong is not None:
            sels.append(strong)  # drawn last: on top of overlapping codings
        self.setExtraSelections(sels)

    def _on_scroll(self) -> None:
        first, last = self.stripes.visible_range()
        if first < self._covered[0] or last > self._covered[1]:
            self._apply_selections()

    @property
    def segments(self) -> list[SegmentInfo]:
        return list(self._segments)

    # -- selection and positions ---------------------------------------------------------------

    def selection_cp(self) -> tuple[int, int] | None:
        """The selected span in code points (None without a selection)."""
        cur = self.textCursor()
        if not cur.hasSelection():
            return None
        return self.offsets.span_to_cp(cur.selectionStart(), cur.selectionEnd())

    def select_cp(self, start: int, end: int, *, center: bool = True) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if center:
            self.centerCursor()

    def highlight_segment(self, segment_id: SegmentId | None) -> None:
        self.highlighted_segment = segment_id
        self._apply_selections()

    def segments_at(self, cp: int) -> list[SegmentInfo]:
        return [s for s in self._segments if s.start <= cp < s.end]

    def innermost_at(self, cp: int) -> SegmentInfo | None:
        """The shortest fragment at a position: what a click there means."""
        found = self.segments_at(cp)
        return min(found, key=lambda s: (s.end - s.start, s.id)) if found else None

    def _on_cursor(self) -> None:
        """A plain click (no selection) selects the fragment under it, as a stripe click does."""
        cursor = self.textCursor()
        if cursor.hasSelection() or not self._segments:
            return
        seg = self.innermost_at(self.offsets.to_cp(cursor.position()))
        if (seg.id if seg else None) != self.highlighted_segment:
            self.highlight_segment(seg.id if seg else None)
            self.segment_clicked.emit(seg)

    def cp_at(self, viewport_pos: QPoint) -> int:
        return self.offsets.to_cp(self.cursorForPosition(viewport_pos).position())

    # -- margin --------------------------------------------------------------------------------

    def _sync_margin(self) -> None:
        width = self.stripes.preferred_width()
        if self.viewportMargins().right() != width:  # a new width re-wraps the whole text
            self.setViewportMargins(0, 0, width, 0)
        vp = self.viewport().geometry()
        self.stripes.setGeometry(vp.right() + 1, vp.top(), width, vp.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._sync_margin()
        self._on_scroll()

    def _on_bar_clicked(self, bar: Bar) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(bar.start)
        cursor.setPosition(bar.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.highlight_segment(bar.segment_id)
        self.bar_clicked.emit(bar)

    # -- events --------------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            segs = self.segments_at(self.cp_at(event.pos()))
            if segs:
                bars = [b for s in segs for b in self.stripe_model.bars_for_segment(s.id)]
                QToolTip.showText(event.globalPos(), "<hr>".join(
                    self.stripes.tooltip(b) for b in bars), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        mods = event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                    | Qt.KeyboardModifier.AltModifier
                                    | Qt.KeyboardModifier.MetaModifier)
        valence = VALENCE_KEYS.get(event.text())
        if valence is not None and not mods:
            event.accept()
            self.valence_key.emit(valence)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        self.context_menu_requested.emit(event.globalPos(), self.cp_at(event.pos()))

    def _code_ids(self, mime: QMimeData) -> list[int]:
        if not mime.hasFormat(CODE_MIME):
            return []
        raw = bytes(mime.data(CODE_MIME).data()).decode()
        return [int(x) for x in raw.split(",") if x.strip().isdigit()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._code_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        # Accept without moving the text cursor: the selection is what gets coded.
        if self._code_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        ids = self._code_ids(event.mimeData())
        if ids:
            event.acceptProposedAction()
            self.codes_dropped.emit(ids)
        else:
            event.ignore()
