"""Retrieval: every fragment of the selected code(s), with document, speaker and attributes,
filtered by attribute values, case, coder and valence; and a text search with keywords in context.

Search modes are pluggable: `register_search_mode("lemma", label, fn)` adds a mode (the NLP
engineer's lemma search through `coding.nlp`); `fn(project, query)` returns hits with
`document_id, document, start, end, match, left, right, speaker`. Double-clicking a fragment or a
hit emits `jump_requested(document_id, start, end, segment_id | None)`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from app.labels import valence_label
from app.segment_filters import SegmentFilterBar
from coding.project import Project
from coding.text_search import find_text
from coding.types import Changes, CodeId, SegmentFilter, SegmentInfo

Index = QModelIndex | QPersistentModelIndex
SearchFn = Callable[[Project, str], Sequence[Any]]
SEARCH_MODES: dict[str, tuple[Callable[[], str], SearchFn]] = {}


def register_search_mode(key: str, label: Callable[[], str], fn: SearchFn) -> None:
    """Add a search mode to the retrieval panel (label is a callable so it is translated late)."""
    SEARCH_MODES[key] = (label, fn)


register_search_mode("text", lambda: QCoreApplication.translate("Retrieval", "Text"),
                     lambda project, query: find_text(project, query))


class SegmentTableModel(QAbstractTableModel):
    """Fragments as rows: document, speaker, codes, valence, coder, text, then attributes."""

    FIXED = 6

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[SegmentInfo] = []
        self._attrs: list[str] = []

    def set_segments(self, rows: Sequence[SegmentInfo], attributes: Sequence[str]) -> None:
        self.beginResetModel()  # a new query result: the whole list is new
        self._rows, self._attrs = list(rows), list(attributes)
        self.endResetModel()

    def segment(self, row: int) -> SegmentInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.FIXED + len(self._attrs)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        seg, col = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return seg.document
            if col == 1:
                return seg.speaker or ""
            if col == 2:
                return ", ".join(seg.codes)
            if col == 3:
                return ", ".join(dict.fromkeys(valence_label(c.valence) for c in seg.codings))
            if col == 4:
                return seg.coder
            if col == 5:
                text = " ".join(seg.text.split())
                return text if role == Qt.ItemDataRole.ToolTipRole else text[:300]
            if col - self.FIXED < len(self._attrs):
                return seg.attributes.get(self._attrs[col - self.FIXED], "")
        if role == Qt.ItemDataRole.DecorationRole and col == 2 and seg.codings:
            return QColor(seg.codings[0].colour)
        if role == Qt.ItemDataRole.UserRole:
            return seg.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < self.FIXED:
            return (self.tr("Document"), self.tr("Speaker"), self.tr("Codes"), self.tr("Valence"),
                    self.tr("Coder"), self.tr("Fragment"))[section]
        if section < self.columnCount():
            return self._attrs[section - self.FIXED]
        return None


class HitTableModel(QAbstractTableModel):
    """Search hits, keywords in context: document, speaker, left, match, right."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._hits: list[Any] = []

    def set_hits(self, hits: Sequence[Any]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Any:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit, col = self._hits[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.document, getattr(hit, "speaker", None) or "", hit.left, hit.match,
                    hit.right)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            return QColor("#b71c1c")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Speaker"), self.tr("Before"), self.tr("Match"),
                    self.tr("After"))[section]
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

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retrievalPanel")
        self.ctx = ctx
        self.code_ids: list[CodeId] = []
        self.segments = SegmentTableModel(self)
        self.hits = HitTableModel(self)
        self.tabs = QTabWidget()
        # fragments tab
        self.title = QLabel()
        self.filters = SegmentFilterBar()
        self.filters.changed.connect(self.refresh)
        # The bar's widgets by their old names (tests and panels reach them here).
        self.attribute, self.value = self.filters.attribute, self.filters.value
        self.case, self.coder = self.filters.case, self.filters.coder
        self.valence, self.key_only = self.filters.valence, self.filters.key_only
        filters = QHBoxLayout()
        filters.addWidget(self.title, 1)
        filters.addWidget(self.filters)
        self.table = _table(self.segments, "retrievalTable")
        self.table.doubleClicked.connect(self._jump_segment)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(filters)
        lay.addWidget(self.table)
        self.tabs.addTab(page, self.tr("Fragments"))
        # search tab
        self.query = QLineEdit()
        self.query.setObjectName("searchBox")
        self.query.setPlaceholderText(self.tr("Search the transcripts…"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.search)
        self.mode = QComboBox()
        self.hit_count = QLabel()
        self.hit_table = _table(self.hits, "hitTable")
        self.hit_table.doubleClicked.connect(self._jump_hit)
        self.hit_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.hit_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        spage = QWidget()
        slay = QVBoxLayout(spage)
        slay.setContentsMargins(2, 2, 2, 2)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.mode)
        row.addWidget(self.hit_count)
        slay.addLayout(row)
        slay.addWidget(self.hit_table)
        self.tabs.addTab(spage, self.tr("Search"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
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
        self.mode.clear()
        for key, (label, _fn) in SEARCH_MODES.items():
            self.mode.addItem(label(), key)
        self._loading = False
        self.refresh()

    def current_filter(self) -> SegmentFilter:
        return self.filters.segment_filter(self.code_ids)

    # -- data ----------------------------------------------------------------------------------

    def set_codes(self, code_ids: Sequence[CodeId]) -> None:
        self.code_ids = list(code_ids)
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        p = self.ctx.project
        if p is None:
            self.segments.set_segments([], [])
            self.title.setText("")
            return
        rows = p.segments.query(self.current_filter())
        self.segments.set_segments(rows, p.attributes.names())
        for col in (0, 1, 2, 3, 4):
            self.table.resizeColumnToContents(col)  # precision-limited: see _table()
        self.title.setText(self.tr("%n fragment(s)", "", len(rows)))

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
            self.refresh()

    def search(self) -> None:
        p = self.ctx.project
        key = self.mode.currentData() or "text"
        if p is None or key not in SEARCH_MODES:
            return
        hits = SEARCH_MODES[key][1](p, self.query.text())
        self.hits.set_hits(hits)
        self.hit_count.setText(self.tr("%n hit(s)", "", len(hits)))
        for col in (0, 1, 3):
            self.hit_table.resizeColumnToContents(col)
        self.tabs.setCurrentIndex(1)

    def _jump_segment(self, index: QModelIndex) -> None:
        seg = self.segments.segment(index.row())
        if seg is not None:
            self.jump_requested.emit(seg.document_id, seg.start, seg.end, seg.id)

    def _jump_hit(self, index: QModelIndex) -> None:
        hit = self.hits.hit(index.row())
        if hit is not None:
            self.jump_requested.emit(hit.document_id, hit.start, hit.end, None)
