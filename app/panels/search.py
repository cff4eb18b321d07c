"""Search panel: lemma / exact word / exact phrase / wildcard search over the project, with
keywords in context, jump to a hit, and "code all hits" as ONE undo step (issue 6).

The search runs in a worker (`app.ops.run_task`): the first search processes every document with
the Dutch pipeline (seconds), later ones read the per-document cache (milliseconds). Coding hits
builds the Macro with `coding.nlp.service.hits_command` and pushes it through the context;
`service.code_all_hits` is not used because it executes the Macro itself (it would run twice).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from app.errors import show_error
from app.ops import Task, run_task
from app.panels import PanelHost
from app.panels.nlp_common import CodeChooser, ElideLeftDelegate, Index, ValenceChooser
from app.panels.pipeline_status import PipelineLabel, status_for
from app.retrieval import register_search_mode
from coding.nlp.search import QuerySyntaxError, parse_query
from coding.nlp.service import ProjectHit, hits_command, search_project
from coding.project import Project
from coding.text_search import TextHit
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
    """The dock's content; `jump(doc_id, start, end)` shows a hit in the transcript."""

    def __init__(self, ctx: ProjectContext, jump: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nlpSearchPanel")
        self.ctx = ctx
        self._jump = jump
        self.task: Task | None = None
        self.model = HitModel(self)
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("e.g. wisseling, \"terug bij af\", wacht*"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run_search)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setObjectName("searchButton")
        self.search_button.clicked.connect(self.run_search)
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
        self.help.setStyleSheet("color: #606060;")
        self.summary = QLabel()
        self.summary.setObjectName("searchSummary")
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
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._jump_to)
        self.code_button = QPushButton(self.tr("Code all hits…"))
        self.code_button.setObjectName("codeAllHits")
        self.code_button.setEnabled(False)
        self.code_button.clicked.connect(self.code_hits_dialog)

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.search_button)
        options = QHBoxLayout()
        options.addWidget(self.mode)
        options.addWidget(self.document, 1)
        options.addWidget(self.respondents_only)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.code_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.help)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.pipeline)
        ctx.project_changed.connect(self._project_changed)
        ctx.changed.connect(self._changed)
        self._project_changed()
        self._show_help()

    # -- state -------------------------------------------------------------------------------

    def _project_changed(self) -> None:
        self.model.set_hits([])
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
        if changes.documents:
            self._fill_documents()
            if self.model.rowCount() and self.task is None:
                # texts may have been rewritten (pseudonymisation): offsets are stale
                self.model.set_hits([])
                self.summary.setText(self.tr("The documents changed; search again."))
                self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.task is not None
        self.search_button.setEnabled(not busy and self.ctx.project is not None)
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

    def run_search(self) -> None:
        project = self.ctx.project
        if project is None or self.task is not None:
            return
        query, lemma = self.effective_query()
        try:
            parse_query(query)
        except QuerySyntaxError as exc:
            self.summary.setText(self._syntax_message(exc.code))
            return
        roles = {"respondent"} if self.respondents_only.isChecked() else None
        doc = self.document.currentData()
        documents = [doc] if isinstance(doc, str) else None
        self.summary.setText(self.tr("Searching…"))
        self.task = run_task(
            lambda progress, cancelled: search_project(
                project, query, lemma=lemma, roles=roles, documents=documents,
                progress=progress, cancelled=cancelled),
            parent=self, label=self.tr("Searching (the first search prepares every document)…"),
            on_done=self._found, on_error=self._failed)
        self._update_buttons()

    def _syntax_message(self, code: str) -> str:
        if code == "unbalanced_quotes":
            return self.tr("A quotation mark is not closed.")
        return self.tr("Type a word to search for.")

    def _found(self, hits: list[ProjectHit]) -> None:
        self.task = None
        self.model.set_hits(hits)
        documents = len({h.document_id for h in hits})
        self.summary.setText(self.tr("%n hit(s)", "", len(hits)) + " · "
                             + self.tr("in %n document(s)", "", documents))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(3)
        status_for(self.ctx).refresh()
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.summary.clear()
        self._update_buttons()
        show_error(self, exc)

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
        self.summary.setText(self.tr("%n fragment(s) coded.", "", len(command.children)))


def lemma_search(project: Project, query: str) -> list[TextHit]:
    """The retrieval panel's "word forms" mode (it runs on the GUI thread: the cache makes it
    fast after the first search; an unparsable query finds nothing)."""
    try:
        parse_query(query)
    except QuerySyntaxError:
        return []
    return [TextHit(ph.document_id, ph.document, ph.hit.start, ph.hit.end, ph.hit.match,
                    ph.hit.left, ph.hit.right, ph.hit.speaker)
            for ph in search_project(project, query, lemma=True)]


def install(host: PanelHost) -> None:
    register_search_mode(
        "lemma", lambda: QCoreApplication.translate("SearchPanel", "Word forms (lemma)"),
        lemma_search)
    dock = QDockWidget()
    dock.setObjectName("nlpSearchDock")
    dock.setWindowTitle(QCoreApplication.translate("SearchPanel", "Search words"))
    panel = SearchPanel(host.ctx, host.jump, dock)
    dock.setWidget(panel)
    host.add_dock(dock)
