"""Coding suggestions panel: passages that are probably about a code, with the words that
triggered them; the researcher accepts, rejects or adjusts each one or a batch (issue 6).

Nothing is coded without acceptance: proposing runs `suggest_project` in a worker and only fills
this list. Accepting pushes ApplyCodes (a batch: one Macro, one undo step) through the context.
Rejections are remembered for the session (per project) so a rejected passage does not come back
on the next run; passages already coded with the suggested code are left out by the core helper.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from app.errors import show_error
from app.ops import Task, run_task
from app.panels import PanelHost
from app.panels.nlp_common import HTML_ROLE, HtmlDelegate, Index, ValenceChooser, highlight
from app.panels.pipeline_status import PipelineLabel, status_for
from coding.nlp.service import ProjectSuggestion, suggest_project, suggestions_command
from coding.types import Changes, CodeId, DocumentId

Key = tuple[DocumentId, str, int, int]  # document, code path, start, end as first proposed


@dataclass
class Row:
    item: ProjectSuggestion
    start: int
    end: int
    text: str

    @property
    def key(self) -> Key:
        s = self.item.suggestion
        return (self.item.document_id, s.code, s.start, s.end)

    @property
    def html(self) -> str:
        spans: list[tuple[int, int]] = []
        for trigger in set(self.item.suggestion.triggers):
            pattern = rf"(?<!\w){re.escape(trigger)}(?!\w)"
            spans += [(m.start(), m.end()) for m in re.finditer(pattern, self.text)]
        return highlight(self.text, spans)


class SuggestionModel(QAbstractTableModel):
    """Suggestions as rows: code, document, passage (triggers highlighted), triggers, score."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[Row] = []
        self._rows: list[Row] = []
        self._code = ""

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._rows = self._filtered()
        self.endResetModel()

    def set_code_filter(self, path: str) -> None:
        self.beginResetModel()  # a new filter: reset is right here
        self._code = path
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[Row]:
        if not self._code:
            return list(self._all)
        return [r for r in self._all if r.item.suggestion.code == self._code]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self._all:
            out[r.item.suggestion.code] = out.get(r.item.suggestion.code, 0) + 1
        return out

    def row(self, index: int) -> Row | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def remove(self, rows: Sequence[int]) -> None:
        """Remove rows (accepted or rejected), each with exact beginRemoveRows."""
        for r in sorted(set(rows), reverse=True):
            if 0 <= r < len(self._rows):
                self.beginRemoveRows(QModelIndex(), r, r)
                gone = self._rows.pop(r)
                self._all.remove(gone)
                self.endRemoveRows()

    def changed_row(self, r: int) -> None:
        self.dataChanged.emit(self.index(r, 0), self.index(r, self.COLUMNS - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        sg = row.item.suggestion
        if role == Qt.ItemDataRole.DisplayRole:
            return (sg.code, row.item.document, " ".join(row.text.split()),
                    ", ".join(dict.fromkeys(sg.triggers)), f"{sg.score:g}")[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 2:
                return row.text
            if col == 3:
                return self.tr("Keywords: %1").replace("%1", ", ".join(sg.keywords))
            return None
        if role == HTML_ROLE and col == 2:
            return row.html
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < self.COLUMNS:
            return (self.tr("Code"), self.tr("Document"), self.tr("Passage"),
                    self.tr("Trigger words"), self.tr("Score"))[section]
        return None


class SuggestionsPanel(QWidget):
    def __init__(self, ctx: ProjectContext, jump: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nlpSuggestionsPanel")
        self.ctx = ctx
        self._jump = jump
        self.task: Task | None = None
        self.rejected: set[Key] = set()  # remembered for this session and project
        self.model = SuggestionModel(self)
        self.document = QComboBox()
        self.document.setObjectName("suggestDocument")
        self.respondents_only = QCheckBox(self.tr("respondents only"))
        self.respondents_only.setObjectName("suggestRespondentsOnly")
        self.respondents_only.setChecked(True)
        self.propose = QPushButton(self.tr("Propose"))
        self.propose.setObjectName("proposeButton")
        self.propose.setToolTip(self.tr("Look for passages that match the keywords of each code. "
                                        "Nothing is coded until you accept it."))
        self.propose.clicked.connect(self.run_suggest)
        self.code_filter = QComboBox()
        self.code_filter.setObjectName("suggestCodeFilter")
        self.code_filter.currentIndexChanged.connect(
            lambda _i: self.model.set_code_filter(str(self.code_filter.currentData() or "")))
        self.table = QTableView()
        self.table.setObjectName("suggestionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setItemDelegateForColumn(2, HtmlDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._jump_to)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.valence = ValenceChooser()
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("acceptSuggestions")
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setObjectName("rejectSuggestions")
        self.reject_button.clicked.connect(self.reject_selected)
        self.expand_button = QPushButton(self.tr("Whole turn"))
        self.expand_button.setObjectName("expandSuggestions")
        self.expand_button.setToolTip(self.tr("Widen the selected passages to the whole "
                                              "speaker turn before accepting them."))
        self.expand_button.clicked.connect(self.expand_selected)
        self.summary = QLabel()
        self.summary.setObjectName("suggestSummary")
        self.pipeline = PipelineLabel(ctx)
        self.pipeline.setStyleSheet("color: #606060;")

        top = QHBoxLayout()
        top.addWidget(self.document, 1)
        top.addWidget(self.respondents_only)
        top.addWidget(self.propose)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Code:")))
        filters.addWidget(self.code_filter, 1)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Valence:")))
        actions.addWidget(self.valence)
        actions.addStretch(1)
        actions.addWidget(self.expand_button)
        actions.addWidget(self.reject_button)
        actions.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.summary)
        layout.addWidget(self.pipeline)
        ctx.project_changed.connect(self._project_changed)
        ctx.changed.connect(self._changed)
        self._project_changed()

    # -- state -------------------------------------------------------------------------------

    def _project_changed(self) -> None:
        self.rejected.clear()
        self.model.set_rows([])
        self.summary.setText(self.tr("Click Propose to look for passages per code."))
        self._fill_documents()
        self._fill_codes()
        self._update_buttons()

    def _changed(self, changes: Changes) -> None:
        if changes.documents:
            self._fill_documents()
            if self.model.rowCount() and self.task is None:
                self.model.set_rows([])  # texts may have been rewritten: offsets are stale
                self._fill_codes()
                self.summary.setText(self.tr("The documents changed; propose again."))
                self._update_buttons()

    def _fill_documents(self) -> None:
        current = self.document.currentData()
        self.document.clear()
        self.document.addItem(self.tr("all documents"), None)
        if self.ctx.project is not None:
            for doc in self.ctx.project.documents.list():
                self.document.addItem(doc.name, doc.name)
        self.document.setCurrentIndex(max(self.document.findData(current), 0))

    def _fill_codes(self) -> None:
        current = self.code_filter.currentData()
        self.code_filter.blockSignals(True)
        self.code_filter.clear()
        counts = self.model.counts()
        self.code_filter.addItem(self.tr("all codes (%1)").replace("%1", str(sum(counts.values()))),
                                 "")
        keep = {current} if isinstance(current, str) and current else set()
        for path in sorted(set(counts) | keep):  # the chosen code stays, even when done
            self.code_filter.addItem(f"{path} ({counts.get(path, 0)})", path)
        index = self.code_filter.findData(current)
        self.code_filter.setCurrentIndex(max(index, 0))
        self.code_filter.blockSignals(False)
        self.model.set_code_filter(str(self.code_filter.currentData() or ""))

    def _update_buttons(self) -> None:
        selected = bool(self.selected_rows())
        writable = self.ctx.project is not None and not self.ctx.readonly
        self.propose.setEnabled(self.task is None and self.ctx.project is not None)
        self.accept_button.setEnabled(selected and writable)
        self.reject_button.setEnabled(selected)
        self.expand_button.setEnabled(selected)

    # -- proposing ---------------------------------------------------------------------------

    def run_suggest(self) -> None:
        project = self.ctx.project
        if project is None or self.task is not None:
            return
        doc = self.document.currentData()
        documents = [doc] if isinstance(doc, str) else None
        roles = ("respondent",) if self.respondents_only.isChecked() else None
        self.summary.setText(self.tr("Looking for passages…"))
        self.task = run_task(
            lambda progress, cancelled: suggest_project(
                project, documents=documents, roles=roles, progress=progress,
                cancelled=cancelled),
            parent=self, label=self.tr("Looking for passages per code…"),
            on_done=self._found, on_error=self._failed)
        self._update_buttons()

    def _found(self, found: list[ProjectSuggestion]) -> None:
        self.task = None
        rows = [Row(s, s.suggestion.start, s.suggestion.end, s.suggestion.text) for s in found]
        rows = [r for r in rows if r.key not in self.rejected and r.item.code_id is not None]
        rows.sort(key=lambda r: (r.item.suggestion.code, r.item.document, r.start))
        self.model.set_rows(rows)
        self._fill_codes()
        for column in (0, 1, 3, 4):
            self.table.resizeColumnToContents(column)
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 220))
        self.summary.setText(self.tr("%n suggestion(s). Nothing is coded until you accept.", "",
                                     len(rows)))
        status_for(self.ctx).refresh()
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.summary.clear()
        self._update_buttons()
        show_error(self, exc)

    # -- decisions ---------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def accept_selected(self) -> None:
        rows = self.selected_rows()
        items: list[tuple[DocumentId, int, int, CodeId]] = []
        for r in rows:
            row = self.model.row(r)
            if row is not None and row.item.code_id is not None:
                items.append((row.item.document_id, row.start, row.end, row.item.code_id))
        if not items:
            return
        command = suggestions_command(items, self.valence.valence(), self.ctx.coder or None)
        if self.ctx.run(command, parent=self) is None:  # a batch is one Macro: one undo step
            return
        self.model.remove(rows)
        self._fill_codes()
        self.summary.setText(self.tr("%n suggestion(s) accepted and coded.", "", len(items)))
        self._update_buttons()

    def reject_selected(self) -> None:
        rows = self.selected_rows()
        for r in rows:
            row = self.model.row(r)
            if row is not None:
                self.rejected.add(row.key)
        self.model.remove(rows)
        self._fill_codes()
        self.summary.setText(self.tr("%n suggestion(s) rejected; they will not be proposed "
                                     "again in this session.", "", len(rows)))
        self._update_buttons()

    def expand_selected(self) -> None:
        project = self.ctx.project
        if project is None:
            return
        for r in self.selected_rows():
            row = self.model.row(r)
            if row is None:
                continue
            start, end = project.documents.turn_span_at(row.item.document_id, row.start, row.end)
            text = project.documents.text(row.item.document_id)
            row.start, row.end, row.text = start, end, text[start:end]
            self.model.changed_row(r)

    def _jump_to(self, index: QModelIndex) -> None:
        row = self.model.row(index.row())
        if row is not None and callable(self._jump):
            self._jump(row.item.document_id, row.start, row.end)


def install(host: PanelHost) -> None:
    dock = QDockWidget()
    dock.setObjectName("nlpSuggestionsDock")
    dock.setWindowTitle(QCoreApplication.translate("SuggestionsPanel", "Coding suggestions"))
    dock.setWidget(SuggestionsPanel(host.ctx, host.jump, dock))
    host.add_dock(dock)
