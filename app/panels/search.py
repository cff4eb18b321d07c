"""The one search panel (Ctrl+F): lemma / exact word / exact phrase / wildcard search over the
project, respondents only, keywords in context with the whole turn beside them, jump to a hit,
and "code all hits" as ONE undo step. (The retrieval dock's older text search was removed: two
searches, of which only one could code its hits, confused students.)

The search runs in a worker (`app.ops.run_task`): the first search processes every document with
the Dutch pipeline (1–4 s), later ones read the per-document cache (milliseconds); a busy
indicator shows after 200 ms and the Search button stops it. Coding hits builds the Macro with
`coding.nlp.service.hits_command` and runs it through `ctx.run` (one transaction, one step).
When texts change (pseudonymisation and its undo, an import) the last search runs again.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.busy import BusyIndicator
from app.context import ProjectContext
from app.errors import show_error
from app.ops import Task, run_task
from app.panels import PanelHost
from app.panels.nlp_common import (
    CodeChooser,
    ElideLeftDelegate,
    Index,
    ValenceChooser,
    highlight,
)
from app.panels.pipeline_status import PipelineLabel, status_for
from coding.nlp.search import QuerySyntaxError, parse_query
from coding.nlp.service import ProjectHit, hits_command, search_project
from coding.types import Changes, CodeId, Valence

MODES = ("lemma", "word", "phrase", "wildcard")


class HitModel(QAbstractTableModel):
    """Hits as rows: document, speaker, left context, match, right context."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: list[ProjectHit] = []

    def set_hits(self, hits: Sequence[ProjectHit]) -> None:
        self.beginResetModel()  # a new search: the whole list is new
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> ProjectHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def hits(self) -> list[ProjectHit]:
        return list(self._hits)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        ph, col = self._hits[index.row()], index.column()
        hit = ph.hit
        if role == Qt.ItemDataRole.DisplayRole:
            return (ph.document, hit.speaker or "", hit.left, hit.match, hit.right)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.context
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if col == 2 else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == 3:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < self.COLUMNS:
            return (self.tr("Document"), self.tr("Speaker"), self.tr("Before"),
                    self.tr("Match"), self.tr("After"))[section]
        return None


class CodeHitsDialog(QDialog):
    """Choose code, valence, and whether to code the word or its sentence."""

    def __init__(self, ctx: ProjectContext, total: int, selected: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeHitsDialog")
        self.setWindowTitle(self.tr("Code all hits"))
        self.code = CodeChooser(ctx)
        self.valence = ValenceChooser()
        self.unit_word = QRadioButton(self.tr("only the matching words"))
        self.unit_sentence = QRadioButton(self.tr("the whole sentence"))
        self.unit_sentence.setChecked(True)
        self.scope_all = QRadioButton(self.tr("all %n hits", "", total))
        self.scope_selected = QRadioButton(self.tr("only the %n selected hits", "", selected))
        self.scope_selected.setEnabled(selected > 0)
        (self.scope_selected if selected > 1 else self.scope_all).setChecked(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Valence:"), self.valence)
        form.addRow(self.tr("Extent:"), self.unit_sentence)
        form.addRow("", self.unit_word)
        scope = QWidget()
        box = QVBoxLayout(scope)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.scope_all)
        box.addWidget(self.scope_selected)
        form.addRow(self.tr("Hits:"), scope)
        note = QLabel(self.tr("This is one step: Edit → Undo removes all these codings at once."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class SearchPanel(QWidget):
    """The one search: query, mode, document, respondents only; hits in context with the whole
    turn beside them; jump (Enter or double-click); code all (or the selected) hits in one step.
    `jump(doc_id, start, end)` shows a hit in the transcript."""

    def __init__(self, ctx: ProjectContext, jump: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nlpSearchPanel")
        self.ctx = ctx
        self._jump = jump
        self.task: Task | None = None
        self._last: tuple[str, bool, set[str] | None, list[str] | None] | None = None
        self._again = False  # the documents changed while a search ran: run it once more
        self.model = HitModel(self)
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("e.g. wisseling, \"terug bij af\", wacht*"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run_search)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setObjectName("searchButton")
        self.search_button.clicked.connect(self._search_or_stop)
        self.mode = QComboBox()
        self.mode.setObjectName("searchMode")
        for key, label in zip(MODES, (self.tr("all word forms (lemma)"), self.tr("exact word"),
                                      self.tr("exact phrase"), self.tr("wildcard (* and ?)")),
                              strict=True):
            self.mode.addItem(label, key)
        self.mode.currentIndexChanged.connect(self._show_help)
        self.respondents_only = QCheckBox(self.tr("respondents only"))
        self.respondents_only.setObjectName("respondentsOnly")
        self.respondents_only.setToolTip(self.tr("Only what respondents said; interviewer "
                                                 "questions are skipped."))
        self.document = QComboBox()
        self.document.setObjectName("searchDocument")
        self.help = QLabel()
        self.help.setObjectName("searchHelp")
        self.help.setWordWrap(True)
        self.help.setMinimumWidth(100)
        self.help.setStyleSheet("color: #606060;")
        self.summary = QLabel()
        self.summary.setObjectName("searchSummary")
        self.busy = BusyIndicator()
        self.pipeline = PipelineLabel(ctx)
        self.pipeline.setStyleSheet("color: #606060;")
        self.table = QTableView()
        self.table.setObjectName("searchHits")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setItemDelegateForColumn(2, ElideLeftDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._jump_to)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_context(current.row()))
        self.context = QTextBrowser()
        self.context.setObjectName("searchContext")
        self.context.setOpenLinks(False)
        self.context.setPlaceholderText(self.tr("Select a hit to read its whole turn here; "
                                                "double-click or Enter shows it in the "
                                                "transcript."))
        self.code_button = QPushButton(self.tr("Code all hits…"))
        self.code_button.setObjectName("codeAllHits")
        self.code_button.setToolTip(self.tr("Code every hit (or the selected ones) with one "
                                            "code, as one step that Ctrl+Z takes back."))
        self.code_button.setEnabled(False)
        self.code_button.clicked.connect(self.code_hits_dialog)

        # Narrow enough to sit under the transcript without pushing the docks aside: the
        # query takes what is left, the document list shrinks, the pipeline is in the status
        # bar already (the label is kept, hidden, for a panel shown on its own).
        self.query.setMinimumWidth(140)
        self.document.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.document.setMinimumContentsLength(10)
        self.pipeline.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.query, 3)
        top.addWidget(self.mode)
        top.addWidget(self.document, 1)
        top.addWidget(self.respondents_only)
        top.addWidget(self.search_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("searchSplit")
        split.addWidget(self.table)
        split.addWidget(self.context)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy)
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.pipeline)
        bottom.addWidget(self.code_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.help)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        ctx.project_changed.connect(self._project_changed)
        ctx.changed.connect(self._changed)
        self._project_changed()
        self._show_help()

    # -- state -------------------------------------------------------------------------------

    def _project_changed(self) -> None:
        self._last = None
        self.model.set_hits([])
        self.context.clear()
        self.summary.clear()
        self._fill_documents()
        self._update_buttons()

    def _fill_documents(self) -> None:
        current = self.document.currentData()
        self.document.blockSignals(True)
        self.document.clear()
        self.document.addItem(self.tr("all documents"), None)
        if self.ctx.project is not None:
            for doc in self.ctx.project.documents.list():
                self.document.addItem(doc.name, doc.name)
        found = self.document.findData(current)
        self.document.setCurrentIndex(max(found, 0))
        self.document.blockSignals(False)

    def _changed(self, changes: Changes) -> None:
        """Texts may have been rewritten (pseudonymisation, its undo, an import): the hits on
        screen are searched again, so their words and positions are the project's."""
        if not changes.documents:
            return
        self._fill_documents()
        if self._last is None:
            return
        if self.task is not None:
            self._again = True
            return
        self.model.set_hits([])
        self.context.clear()
        self._start(*self._last)

    def _update_buttons(self) -> None:
        busy = self.task is not None
        self.search_button.setText(self.tr("Stop") if busy else self.tr("Search"))
        self.search_button.setEnabled(self.ctx.project is not None)
        self.code_button.setEnabled(not busy and self.model.rowCount() > 0
                                    and not self.ctx.readonly)

    def _show_help(self) -> None:
        texts = {
            "lemma": self.tr("Finds every form of the word: wisseling also finds wisselingen, "
                             "gewisseld and wisselen."),
            "word": self.tr("Finds only this word as typed (upper case and accents ignored)."),
            "phrase": self.tr("Finds these words next to each other, in this order, within "
                              "one turn."),
            "wildcard": self.tr("* stands for any letters, ? for one letter: wacht* finds "
                                "wachten, wachtlijst and wachttijd."),
        }
        self.help.setText(texts[str(self.mode.currentData())])

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    # -- searching ---------------------------------------------------------------------------

    def effective_query(self) -> tuple[str, bool]:
        """(query, lemma) as the core understands it, from the text and the chosen mode."""
        text = self.query.text().strip()
        mode = str(self.mode.currentData())
        if mode == "phrase" and text and not text.startswith(('"', "\u201c", "\u201e")):
            text = f'"{text}"'
        elif mode == "wildcard" and text and "*" not in text and "?" not in text:
            text = " ".join(f"{w}*" for w in text.split())
        return text, mode == "lemma"

    def _search_or_stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.run_search()

    def run_search(self) -> None:
        if self.ctx.project is None or self.task is not None:
            return
        query, lemma = self.effective_query()
        try:
            parse_query(query)
        except QuerySyntaxError as exc:
            self.summary.setText(self._syntax_message(exc.code))
            return
        roles = {"respondent"} if self.respondents_only.isChecked() else None
        doc = self.document.currentData()
        self._start(query, lemma, roles, [doc] if isinstance(doc, str) else None)

    def _start(self, query: str, lemma: bool, roles: set[str] | None,
               documents: list[str] | None) -> None:
        project = self.ctx.project
        if project is None:
            return
        known = {d.name for d in project.documents.list()}
        if documents is not None and not set(documents) <= known:
            documents = None  # the document was renamed or removed meanwhile
        self._last = (query, lemma, roles, documents)
        self._again = False
        self.summary.setText(self.tr("Searching…"))
        self.busy.start(self.tr("Searching (the first search prepares every document)…"))
        # No modal dialog: the indicator beside the results shows the search is busy (after
        # 200 ms), and the user may go on reading or stop it with the same button.
        self.task = run_task(
            lambda progress, cancelled: search_project(
                project, query, lemma=lemma, roles=roles, documents=documents,
                progress=progress, cancelled=cancelled),
            parent=self, show_progress=False, on_done=self._found, on_error=self._failed)
        self.task.progress.connect(self.busy.progress)
        self._update_buttons()

    def _syntax_message(self, code: str) -> str:
        if code == "unbalanced_quotes":
            return self.tr("A quotation mark is not closed.")
        return self.tr("Type a word to search for.")

    def _found(self, hits: list[ProjectHit]) -> None:
        cancelled = self.task is not None and self.task.cancelled
        self.task = None
        self.busy.stop()
        if self._again:
            self._update_buttons()
            assert self._last is not None
            self._start(*self._last)
            return
        self.model.set_hits(hits)
        self.context.clear()
        documents = len({h.document_id for h in hits})
        text = (self.tr("%n hit(s)", "", len(hits)) + " · "
                + self.tr("in %n document(s)", "", documents))
        if cancelled:
            text += " " + self.tr("(stopped: not every document was searched)")
        self.summary.setText(text)
        for col in (0, 1, 3):
            self.table.resizeColumnToContents(col)
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 180))
        status_for(self.ctx).refresh()
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.busy.stop()
        self.summary.clear()
        self._update_buttons()
        show_error(self, exc)

    def _show_context(self, row: int) -> None:
        """The whole turn around the hit, its words marked: the full context the columns cut."""
        ph = self.model.hit(row)
        project = self.ctx.project
        if ph is None or project is None:
            self.context.clear()
            return
        text = project.documents.text(ph.document_id)
        start, end = project.documents.turn_span_at(ph.document_id, ph.hit.start, ph.hit.end)
        if (start, end) == (ph.hit.start, ph.hit.end):  # no turns: a few hundred characters
            start, end = max(0, start - 300), min(len(text), end + 300)
        body = highlight(text[start:end], [(ph.hit.start - start, ph.hit.end - start)])
        who = html.escape(ph.hit.speaker or "")
        self.context.setHtml(f"<p style='color:#606060'>{html.escape(ph.document)}</p>"
                             + (f"<p><b>{who}:</b> {body}</p>" if who else f"<p>{body}</p>"))

    def _jump_to(self, index: QModelIndex) -> None:
        ph = self.model.hit(index.row())
        if ph is not None and callable(self._jump):
            self._jump(ph.document_id, ph.hit.start, ph.hit.end)

    # -- coding ------------------------------------------------------------------------------

    def selected_hits(self) -> list[ProjectHit]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [h for h in (self.model.hit(r) for r in rows) if h is not None]

    def code_hits_dialog(self) -> CodeHitsDialog:
        dialog = CodeHitsDialog(self.ctx, self.model.rowCount(), len(self.selected_hits()), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            code = dialog.code.code_id()
            if code is None:
                return
            hits = (self.selected_hits() if dialog.scope_selected.isChecked()
                    else self.model.hits())
            unit = "sentence" if dialog.unit_sentence.isChecked() else "hit"
            self.code_hits(hits, code, dialog.valence.valence(), unit)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def code_hits(self, hits: Sequence[ProjectHit], code_id: CodeId, valence: Valence,
                  unit: str) -> None:
        if not hits:
            return
        command = hits_command(hits, [code_id], valence, unit=unit,
                               coder=self.ctx.coder or None)
        if self.ctx.run(command, parent=self) is None:  # one Macro: one transaction, one step
            return
        self.summary.setText(self.tr("%n fragment(s) coded.", "", len(command.spans)))


def install(host: PanelHost) -> None:
    """The search dock (the main window keeps it beside the fragments, under the transcript)
    and Edit → Search in transcripts (Ctrl+F), which opens it with the query selected."""
    dock = QDockWidget()
    dock.setObjectName("nlpSearchDock")
    dock.setWindowTitle(QCoreApplication.translate("SearchPanel", "Search"))
    panel = SearchPanel(host.ctx, host.jump, dock)
    dock.setWidget(panel)
    host.add_dock(dock)
    action = QAction(QCoreApplication.translate("SearchPanel", "Search in transcripts…"),
                     host.window)
    action.setObjectName("actionSearch")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def open_search() -> None:
        dock.show()
        dock.raise_()
        panel.focus_query()

    action.triggered.connect(open_search)
    host.menu("edit").addAction(action)
