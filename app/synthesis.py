"""Theme synthesis: where a coded fragment becomes a chapter sentence.

For the selected theme the workspace shows, side by side, the theme memo (the opening of the
theme's section in the chapter; `app.memo_editor`, saved as typed, every edit undoable) and the
theme's fragments, filtered like retrieval (attribute, case, coder, valence, key quotes:
`app.segment_filters`, one core query). Above them, the sentence the chapter will print
("Genoemd door 7 van de 12 respondenten…"), asked from the chapter itself
(`exports.chapter.theme_counts_text`, with the attribute filter as the chapter's scope) so it
can never disagree. Fragments can be marked or unmarked as key quotes (one undoable step for
the selection) and inserted into the memo as a reference that the chapter prints as the
attributed quote.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.context import ProjectContext
from app.labels import valence_label
from app.memo_editor import MemoEditor
from app.segment_filters import SegmentFilterBar
from coding.commands import Command, EditSegment, Macro
from coding.memos import MemoTarget
from coding.project import Project
from coding.types import Changes, CodeId, CodeInfo, SegmentFilter, SegmentInfo
from exports.chapter import theme_counts_text

Index = QModelIndex | QPersistentModelIndex
KEY_MARK = "★"


def reference_label(seg: SegmentInfo, words: int = 8) -> str:
    """A short reminder of a fragment for the memo's reference (the chapter prints the quote)."""
    parts = seg.text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


class ThemeFragmentModel(QAbstractTableModel):
    """The theme's fragments: key quote mark, the text (what the writer reads), then document,
    speaker and valence (the coder is in the tooltip and the filter)."""

    COLUMNS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SegmentInfo] = []

    def set_segments(self, rows: Sequence[SegmentInfo]) -> None:
        self.beginResetModel()  # a new query result
        self._rows = list(rows)
        self.endResetModel()

    def segment(self, row: int) -> SegmentInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, segment_id: int) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == segment_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        seg = self.segment(index.row()) if index.isValid() else None
        if seg is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return KEY_MARK if seg.key_quote else ""
            if col == 1:
                text = " ".join(seg.text.split())
                if role == Qt.ItemDataRole.ToolTipRole:
                    return f"{text}\n— {seg.coder}"
                return text[:400]
            if col == 2:
                return seg.document
            if col == 3:
                return seg.speaker or ""
            return ", ".join(dict.fromkeys(valence_label(c.valence) for c in seg.codings))
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return QColor("#e0a800")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and col == 1 and seg.key_quote:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return seg.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < self.COLUMNS:
            return (KEY_MARK, self.tr("Fragment"), self.tr("Document"), self.tr("Speaker"),
                    self.tr("Valence"))[section]
        return None


_Question = tuple[CodeId, tuple[tuple[str, str], ...], SegmentFilter]


def _gather(project: Project | None, question: _Question | None
            ) -> tuple[list[SegmentInfo], str] | None:
    """A theme's fragments and the chapter's sentence about it (no widgets: runs anywhere)."""
    if project is None or question is None:
        return None
    code_id, where, segment_filter = question
    return project.segments.query(segment_filter), theme_counts_text(project, code_id,
                                                                     where=where)


class SynthesisPanel(QWidget):
    """The theme synthesis workspace (a dock of the main window)."""

    jump_requested = Signal(object, int, int, object)  # DocumentId, start, end, SegmentId

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("synthesisPanel")
        self.ctx = ctx
        self.code: CodeInfo | None = None
        self._codes: list[CodeInfo] = []
        self._pending = Changes()
        self._scheduled = False
        self._generation = 0  # the newest refresh; an older background read is dropped
        self.task: ops.Task | None = None
        # theme and the chapter's counts
        self.theme = QComboBox(objectName="synthesisTheme")
        self.theme.setMinimumContentsLength(24)
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        self.counts = QLabel(objectName="synthesisCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Theme")))
        head.addWidget(self.theme)
        head.addSpacing(12)
        head.addWidget(self.counts, 1)
        # the memo
        self.editor = MemoEditor(ctx)
        quote = QToolButton(objectName="insertQuoteButton")
        quote.setText(self.tr("Insert quote"))
        quote.setToolTip(self.tr("Insert the selected fragment into the memo: the chapter prints "
                                 "it there as an attributed quote"))
        quote.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        quote.setAutoRaise(True)
        quote.clicked.connect(self.insert_selected)
        self.editor.extra.addWidget(quote)
        memo_title = QLabel(self.tr("Theme memo: the opening of this theme in the chapter"))
        memo_title.setStyleSheet("font-weight: bold;")
        memo_side = QWidget()
        memo_lay = QVBoxLayout(memo_side)
        memo_lay.setContentsMargins(0, 0, 4, 0)
        memo_lay.addWidget(memo_title)
        memo_lay.addWidget(self.editor, 1)
        # the fragments
        self.filters = SegmentFilterBar(object_prefix="synthesis", rows=2)
        self.filters.changed.connect(self._filters_changed)
        self.model = ThemeFragmentModel(self)
        self.table = QTableView(objectName="synthesisFragments")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._rows_fit = QTimer(self)  # wrapped fragments get their height once widths settle
        self._rows_fit.setSingleShot(True)
        self._rows_fit.setInterval(30)
        self._rows_fit.timeout.connect(self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._rows_fit.start())

        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.doubleClicked.connect(lambda _ix: self.show_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync_buttons())
        self.key_button = QPushButton(self.tr("Mark as key quote"), objectName="keyQuoteButton")
        self.key_button.clicked.connect(self.toggle_key_quote)
        self.insert_button = QPushButton(self.tr("Insert in memo"), objectName="insertRefButton")
        self.insert_button.clicked.connect(self.insert_selected)
        self.show_button = QPushButton(self.tr("Show in transcript"))
        self.show_button.clicked.connect(self.show_selected)
        self.found = QLabel()
        # the count stands on its own line above the list, so that the buttons keep their full
        # text when docks leave the tab narrow (a clipped "Markeer als kernq…" was seen)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.key_button, self.insert_button, self.show_button):
            actions.addWidget(button)
        fragment_side = QWidget()
        frag_lay = QVBoxLayout(fragment_side)
        frag_lay.setContentsMargins(4, 0, 0, 0)
        frag_lay.addWidget(self.filters)
        frag_lay.addWidget(self.found)
        frag_lay.addWidget(self.table, 1)
        frag_lay.addLayout(actions)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(memo_side)
        self.splitter.addWidget(fragment_side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.splitter, 1)
        ctx.project_changed.connect(self._on_project)
        ctx.changed.connect(self._on_changed)
        self._sized = False
        self._on_project()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._pending and not self._scheduled:  # what changed while the tab was hidden
            self._scheduled = True
            QTimer.singleShot(0, self._flush)
        if not self._sized and self.splitter.width() > 0:  # the memo 2/5, its fragments 3/5
            self._sized = True
            memo = self.splitter.width() * 2 // 5
            self.splitter.setSizes([memo, self.splitter.width() - memo])

    # -- theme ---------------------------------------------------------------------------------

    def _on_project(self) -> None:
        self.code = None
        self.filters.reload(self.ctx.project)
        self._reload_codes()

    def _reload_codes(self) -> None:
        p = self.ctx.project
        self._codes = p.codes.tree() if p is not None else []
        keep = self.code.id if self.code is not None else None
        self.theme.blockSignals(True)
        self.theme.clear()
        for code in self._codes:
            self.theme.addItem("    " * code.depth + code.name, code.id)
        index = self.theme.findData(keep) if keep is not None else -1
        self.theme.setCurrentIndex(index if index >= 0 else (0 if self._codes else -1))
        self.theme.blockSignals(False)
        self._theme_chosen()

    def set_code(self, code_id: CodeId | None) -> None:
        """Show this theme (the code tree's selection follows here)."""
        index = self.theme.findData(code_id) if code_id is not None else -1
        if index >= 0 and index != self.theme.currentIndex():
            self.theme.setCurrentIndex(index)

    def _theme_chosen(self) -> None:
        code_id = self.theme.currentData()
        self.code = next((c for c in self._codes if c.id == code_id), None)
        if self.code is None:
            self.editor.set_target(None)
        else:
            self.editor.set_target(
                MemoTarget(code_id=self.code.id), self.code.path,
                self.tr("Summarise what respondents said about “{theme}”. This text opens the "
                        "theme's section in the chapter; insert key quotes from the fragments "
                        "on the right.").format(theme=self.code.name))
        self.refresh()

    # -- fragments and counts ------------------------------------------------------------------

    def _filters_changed(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Fill the fragments and the chapter's sentence now (the user chose a theme or filter)."""
        self._generation += 1
        question = self._question()
        self._show(question, _gather(self.ctx.project, question))

    def _refresh_later(self) -> None:
        """The same after a change made elsewhere, read in the background: at study scale the
        chapter's counting takes most of a second, which the window must not wait for."""
        self._generation += 1
        generation, project, question = self._generation, self.ctx.project, self._question()

        def current() -> bool:
            return generation == self._generation and shiboken6.isValid(self)

        def done(found: object) -> None:
            if current():  # not overtaken by a newer refresh
                self._show(question, found)  # type: ignore[arg-type]

        def failed(_exc: BaseException) -> None:
            if current():
                self.refresh()  # again in the foreground, where an error is shown as usual

        self.task = ops.run_task(lambda _progress, _cancelled: _gather(project, question),
                                 parent=self, writer=False, show_progress=False,
                                 cancellable=False, on_done=done, on_error=failed)

    def _question(self) -> _Question | None:
        """What to read, taken from the widgets on the GUI thread."""
        if self.code is None:
            return None
        return (self.code.id, self.filters.where(), self.filters.segment_filter((self.code.id,)))

    def _show(self, question: _Question | None,
              found: tuple[list[SegmentInfo], str] | None) -> None:
        selected = [s.id for s in self.selected()]
        if question is None or found is None:
            self.model.set_segments([])
            self.counts.setText("")
            self.found.setText("")
            self._sync_buttons()
            return
        rows, sentence = found
        scope = " ".join(f"({name} = {value})" for name, value in question[1])
        counts = self.tr("In the chapter{scope}: {sentence}").format(
            scope=f" {scope}" if scope else "", sentence=sentence)
        self.model.set_segments(rows)
        for col in (0, 2, 3, 4):
            self.table.resizeColumnToContents(col)
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 140))
        self.table.resizeRowsToContents()
        for sid in selected:
            row = self.model.row_of(sid)
            if row >= 0:
                self.table.selectRow(row)
        self.found.setText(self.tr("%n fragment(s)", "", len(rows)))
        self.counts.setText(counts)
        self._sync_buttons()

    def _on_changed(self, changes: Changes) -> None:
        self._pending = self._pending | changes
        if not self._scheduled:  # several broadcasts in one turn of the event loop: one query
            self._scheduled = True
            QTimer.singleShot(0, self._flush)

    def _flush(self) -> None:
        self._scheduled = False
        if not self.isVisible():  # a tab in the background catches up when it is shown
            return
        changes, self._pending = self._pending, Changes()
        if changes.attributes or changes.documents:
            self.filters.reload(self.ctx.project)
        if changes.codes:
            self._reload_codes()
        elif changes.segments or changes.attributes or changes.documents:
            self._refresh_later()

    # -- actions -------------------------------------------------------------------------------

    def selected(self) -> list[SegmentInfo]:
        rows = sorted({ix.row() for ix in self.table.selectionModel().selectedRows()})
        return [s for r in rows if (s := self.model.segment(r)) is not None]

    def _sync_buttons(self) -> None:
        chosen = self.selected()
        writable = self.ctx.project is not None and not self.ctx.readonly
        self.key_button.setEnabled(bool(chosen) and writable)
        self.key_button.setText(self.tr("Unmark key quote") if chosen and all(
            s.key_quote for s in chosen) else self.tr("Mark as key quote"))
        self.insert_button.setEnabled(len(chosen) == 1 and writable and self.code is not None)
        self.show_button.setEnabled(len(chosen) == 1)

    def toggle_key_quote(self) -> bool:
        """Mark the selected fragments as key quotes (or unmark them when all are): one step."""
        chosen = self.selected()
        if not chosen:
            return False
        mark = not all(s.key_quote for s in chosen)
        edits: list[Command] = [EditSegment(s.document_id, s.id, key_quote=mark)
                                for s in chosen if s.key_quote != mark]
        command = edits[0] if len(edits) == 1 else Macro("key_quote", edits)
        command.detail = self.code.path if self.code is not None else ""
        return self.ctx.run(command, parent=self) is not None

    def insert_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.editor.insert_reference(chosen[0].guid, reference_label(chosen[0]))

    def show_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            s = chosen[0]
            self.jump_requested.emit(s.document_id, s.start, s.end, s.id)

    def _menu(self, pos: QPoint) -> None:
        if not self.selected():
            return
        menu = QMenu(self)
        menu.addAction(self.key_button.text(), self.toggle_key_quote).setEnabled(
            self.key_button.isEnabled())
        menu.addAction(self.tr("Insert in memo"), self.insert_selected).setEnabled(
            self.insert_button.isEnabled())
        menu.addAction(self.tr("Show in transcript"), self.show_selected).setEnabled(
            self.show_button.isEnabled())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(pos))
