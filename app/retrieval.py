"""Retrieval: every fragment of the selected code(s), with document, speaker and attributes,
filtered by attribute values, case, coder and valence. Double-clicking a fragment emits
`jump_requested(document_id, start, end, segment_id)`.

Searching the transcripts is the search panel's (app/panels/search.py, Ctrl+F), the one search
that can also code its hits; this dock had a second, weaker one until students asked why.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from app.labels import valence_label
from app.segment_filters import SegmentFilterBar
from coding.types import (
    Changes,
    CodeId,
    DocumentId,
    SegmentFilter,
    SegmentId,
    SegmentInfo,
)
from models.errors import ConnectionLostError

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[list[SegmentId]], list[SegmentInfo]]


class SegmentTableModel(QAbstractTableModel):
    """Fragments as rows: document, fragment text, codes, valence, speaker, coder, then the
    attributes. The text comes second so it is never squeezed behind the other columns."""

    DOCUMENT, TEXT, CODES, VALENCE, SPEAKER, CODER = range(6)
    FIXED = 6

    PAGE = 150  # rows fetched at once, as they scroll into view

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[SegmentId] = []
        self._cache: dict[SegmentId, SegmentInfo] = {}
        self._fetch: Fetch | None = None
        self._attrs: list[str] = []

    def set_segments(self, rows: Sequence[SegmentInfo], attributes: Sequence[str]) -> None:
        """A new list, every row given (tests, small lists)."""
        self.beginResetModel()
        self._ids = [r.id for r in rows]
        self._cache = {r.id: r for r in rows}
        self._fetch, self._attrs = None, list(attributes)
        self.endResetModel()

    def set_ids(self, ids: Sequence[SegmentId], attributes: Sequence[str], fetch: Fetch) -> None:
        """A new list of IDs; a row's fragment is fetched (a page at a time, with `fetch`)
        when it is first shown: 20,000 fragments list as fast as 20 (STYLE.md rule 9)."""
        self.beginResetModel()
        self._ids, self._cache = list(ids), {}
        self._fetch, self._attrs = fetch, list(attributes)
        self.endResetModel()

    def segment(self, row: int) -> SegmentInfo | None:
        if not 0 <= row < len(self._ids):
            return None
        sid = self._ids[row]
        found = self._cache.get(sid)
        if found is None and self._fetch is not None:
            first = row - row % self.PAGE
            page = [i for i in self._ids[first:first + self.PAGE] if i not in self._cache]
            try:
                fetched = self._fetch(page)
            except ConnectionLostError:  # a team project's server is away: an empty row until
                return None              # the window is back online and repaints
            for info in fetched:
                self._cache[info.id] = info
            found = self._cache.get(sid)
        return found

    def update_ids(self, ids: Sequence[SegmentId], docs: set[DocumentId]) -> None:
        """The list after a change in `docs`: the rows that differ are removed and inserted
        exactly (one block: a document's rows are one run), rows of those documents that
        stayed are re-read; the rest, the selection and the scroll position stay."""
        old, new = self._ids, list(ids)
        head = 0
        while head < min(len(old), len(new)) and old[head] == new[head]:
            head += 1
        tail = 0
        while (tail < min(len(old), len(new)) - head
               and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]):
            tail += 1
        if head < len(old) - tail:
            self.beginRemoveRows(QModelIndex(), head, len(old) - tail - 1)
            del self._ids[head:len(old) - tail]
            self.endRemoveRows()
        if head < len(new) - tail:
            self.beginInsertRows(QModelIndex(), head, len(new) - tail - 1)
            self._ids[head:head] = new[head:len(new) - tail]
            self.endInsertRows()
        stale = {sid for sid, info in self._cache.items() if info.document_id in docs}
        for sid in stale:
            del self._cache[sid]
        last = self.columnCount() - 1
        for row, sid in enumerate(self._ids):
            if sid in stale:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def ids(self) -> list[SegmentId]:
        return list(self._ids)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.FIXED + len(self._attrs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        seg = self.segment(index.row()) if index.isValid() else None
        if seg is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TEXT:
            text = " ".join(seg.text.split())
            if seg.memo:
                text += "\n\n" + self.tr("Memo: {memo}").format(memo=seg.memo)
            return text
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.DOCUMENT:
                return seg.document
            if col == self.TEXT:
                text = " ".join(seg.text.split())[:300]
                return f"✎ {text}" if seg.memo else text  # a fragment memo is never hidden
            if col == self.CODES:
                return ", ".join(seg.codes)
            if col == self.VALENCE:
                return ", ".join(dict.fromkeys(valence_label(c.valence) for c in seg.codings))
            if col == self.SPEAKER:
                return seg.speaker or ""
            if col == self.CODER:
                return seg.coder
            if col - self.FIXED < len(self._attrs):
                return seg.attributes.get(self._attrs[col - self.FIXED], "")
        if role == Qt.ItemDataRole.DecorationRole and col == self.CODES and seg.codings:
            return QColor(seg.codings[0].colour)
        if role == Qt.ItemDataRole.UserRole:
            return seg.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < self.FIXED:
            return (self.tr("Document"), self.tr("Fragment"), self.tr("Codes"),
                    self.tr("Valence"), self.tr("Speaker"), self.tr("Coder"))[section]
        if section < self.columnCount():
            return self._attrs[section - self.FIXED]
        return None


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setResizeContentsPrecision(60)  # size columns on 60 rows, not all
    return view


class RetrievalPanel(QWidget):
    jump_requested = Signal(object, int, int, object)  # DocumentId, start, end, SegmentId|None

    TEXT_MIN = 320  # the fragment column never gets narrower than this (it scrolls instead)

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retrievalPanel")
        self.ctx = ctx
        self.code_ids: list[CodeId] = []
        self.segments = SegmentTableModel(self)
        self.title = QLabel()
        self.title.setObjectName("retrievalTitle")
        self.filters = SegmentFilterBar()  # shared with the theme synthesis workspace
        self.filters.changed.connect(self.refresh)
        # The bar's widgets by their old names (tests and panels reach them here).
        self.attribute, self.value = self.filters.attribute, self.filters.value
        self.case, self.coder = self.filters.case, self.filters.coder
        self.valence, self.key_only = self.filters.valence, self.filters.key_only
        self.title.setMinimumWidth(self.title.fontMetrics().horizontalAdvance("0000 fragmenten"))
        filters = QHBoxLayout()
        filters.addWidget(self.title, 1)
        filters.addWidget(self.filters)
        self.table = _table(self.segments, "retrievalTable")
        self.table.doubleClicked.connect(self._jump_segment)
        self.table.horizontalHeader().setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        ctx.project_changed.connect(self._reload_filters)
        ctx.changed.connect(self._on_changed)
        self._loading = False
        self._pending = Changes()
        self._scheduled = False
        self._reload_filters()

    # -- filters -------------------------------------------------------------------------------

    def _reload_filters(self) -> None:
        self._loading = True
        self.filters.reload(self.ctx.project)
        self._loading = False
        self.refresh()

    def current_filter(self) -> SegmentFilter:
        return self.filters.segment_filter(self.code_ids)

    # -- data ----------------------------------------------------------------------------------

    def set_codes(self, code_ids: Sequence[CodeId]) -> None:
        self.code_ids = list(code_ids)
        self.refresh()

    def refresh(self, *, resize: bool = True) -> None:
        if self._loading:
            return
        p = self.ctx.project
        if p is None:
            self.segments.set_segments([], [])
            self.title.setText("")
            return
        ids = p.segments.ids(self.current_filter())
        self.segments.set_ids(ids, p.attributes.names(), p.segments.by_ids)
        if resize:  # a new question (code, filter): fit the columns to the new answer
            for col in range(self.segments.columnCount()):
                if col != SegmentTableModel.TEXT:
                    self.table.resizeColumnToContents(col)  # precision-limited: see _table()
            self._fit_text_column()
        self.title.setText(self.tr("%n fragment(s)", "", len(ids)))

    def _fit_text_column(self) -> None:
        """The fragment text takes the room the other columns leave, never less than
        TEXT_MIN: a narrow dock scrolls sideways instead of cutting the text to 'Ik w…'."""
        others = sum(self.table.columnWidth(c) for c in range(self.segments.columnCount())
                     if c != SegmentTableModel.TEXT)
        room = self.table.viewport().width() - others
        self.table.setColumnWidth(SegmentTableModel.TEXT, max(self.TEXT_MIN, room))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_text_column()

    def _on_changed(self, changes: Changes) -> None:
        # Coalesced and deferred: the transcript (where the user is looking) updates first;
        # several broadcasts in one event-loop turn cost one query.
        self._pending = self._pending | changes
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self._flush)

    def _flush(self) -> None:
        changes, self._pending, self._scheduled = self._pending, Changes(), False
        if changes.codes or changes.attributes or changes.documents:
            self._reload_filters()
        elif changes.segments:
            self._update_documents(changes.segments)

    def _update_documents(self, docs: set[DocumentId]) -> None:
        """After a coding: the list's IDs again (one cheap query), the rows that changed
        swapped in place; fragments are read only as their rows are shown."""
        p = self.ctx.project
        if p is None or self._loading:
            return
        self.segments.update_ids(p.segments.ids(self.current_filter()), docs)
        self.title.setText(self.tr("%n fragment(s)", "", self.segments.rowCount()))

    def _jump_segment(self, index: QModelIndex) -> None:
        seg = self.segments.segment(index.row())
        if seg is not None:
            self.jump_requested.emit(seg.document_id, seg.start, seg.end, seg.id)
