"""The main window: docks, menus and the wiring between panels (views hold layout, the
controllers hold logic; panels get the ProjectContext, never this window).

Extension points for other engineers: `add_panel(dock, area)` adds a dock (remembered between
sessions by its objectName) and a toggle in the View menu; `menu(key)` returns a top-level menu
("file", "edit", "coding", "project", "analysis", "view", "help") to add actions to.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.attributes_dialog import AttributesDialog, SpeakersDialog
from app.code_panel import CodeTreePanel
from app.coding_controller import CodingController
from app.context import ProjectContext
from app.document_list import DocumentListPanel
from app.errors import show_error
from app.import_dialog import ImportDialog, start_import
from app.labels import valence_label
from app.memo_editor import flush_all, open_memo
from app.retrieval import RetrievalPanel
from app.settings import add_recent, make_settings, recent_files
from app.synthesis import SynthesisPanel
from app.team_ui import TeamStatus, ask_server_address, open_with_password
from app.transcript_view import TranscriptView
from coding.memos import MemoTarget
from coding.project import CONNECTION_SUFFIX, PROJECT_SUFFIX, Project
from coding.types import DocumentId, Valence
from models.errors import ProjectLockedError

STATE_VERSION = 1


class MainWindow(QMainWindow):
    def __init__(self, ctx: ProjectContext | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = make_settings()
        self.ctx = ctx or ProjectContext(self)
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)
        self._menus: dict[str, QMenu] = {}
        # central: coding toolbar + transcript
        self.view = TranscriptView()
        self.doc_label = QLabel()
        self.doc_label.setObjectName("documentTitle")
        self.doc_label.setStyleSheet("font-weight: bold; padding: 4px 6px;")
        self.valence = QComboBox()
        self.valence.setObjectName("valenceCombo")
        for v in (Valence.NEUTRAAL, Valence.POSITIEF, Valence.AANDACHTSPUNT):
            self.valence.addItem(valence_label(v), v)
        self.show_others = QCheckBox(self.tr("Show other coders"))
        self.show_others.setChecked(True)
        self.show_others.toggled.connect(self._toggle_others)
        coding_bar = QToolBar()
        coding_bar.setObjectName("codingToolbar")
        coding_bar.addWidget(self.doc_label)
        self.memo_button = QToolButton(objectName="documentMemoButton")
        self.memo_button.setText(self.tr("Memo"))
        self.memo_button.setToolTip(self.tr("The memo on this document"))
        self.memo_button.clicked.connect(lambda: self.document_memo(self.coding.document_id))
        self.memo_button.setEnabled(False)
        coding_bar.addWidget(self.memo_button)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy())
        coding_bar.addWidget(spacer)
        coding_bar.addWidget(QLabel(self.tr("Valence:") + " "))
        coding_bar.addWidget(self.valence)
        coding_bar.addWidget(self.show_others)
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(coding_bar)
        lay.addWidget(self.view)
        self.setCentralWidget(central)
        # panels
        self.documents = DocumentListPanel(self.ctx)
        self.codes = CodeTreePanel(self.ctx)
        self.retrieval = RetrievalPanel(self.ctx)
        self.coding = CodingController(self.ctx, self.view, self.codes.selected, self)
        self.valence.currentIndexChanged.connect(
            lambda _i: setattr(self.coding, "valence", self.valence.currentData()))
        self.documents.document_activated.connect(self.coding.open_document)
        self.documents.edit_attributes_requested.connect(self.edit_attributes)
        self.documents.speakers_requested.connect(self.edit_speakers)
        self.codes.selection_changed.connect(self.retrieval.set_codes)
        self.codes.apply_requested.connect(self.coding.apply_codes)
        self.retrieval.jump_requested.connect(self.coding.jump_to)
        self.coding.document_opened.connect(self._on_document_opened)
        self.coding.document_memo_requested.connect(self.document_memo)
        self.synthesis = SynthesisPanel(self.ctx)
        self.codes.selection_changed.connect(
            lambda ids: self.synthesis.set_code(ids[0]) if ids else None)
        self.synthesis.jump_requested.connect(self.coding.jump_to)
        self.add_panel(self._dock("documentsDock", self.tr("Documents"), self.documents),
                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_panel(self._dock("codesDock", self.tr("Codes"), self.codes),
                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_panel(self._dock("retrievalDock", self.tr("Retrieval"), self.retrieval),
                       Qt.DockWidgetArea.BottomDockWidgetArea)
        self.synthesis_dock = self.add_panel(
            self._dock("synthesisDock", self.tr("Theme synthesis"), self.synthesis),
            Qt.DockWidgetArea.RightDockWidgetArea)
        self.synthesis_dock.hide()  # opened from the Coding menu (or a restored session)
        self._build_menus()
        self.statusBar().addPermanentWidget(TeamStatus(self.ctx, self))
        self._install_panels()
        self.coding.install_shortcuts(self)
        self.ctx.project_changed.connect(self._update_title)
        self.ctx.project_changed.connect(self._update_hint)
        self.ctx.changed.connect(lambda c: self._update_hint() if c.documents else None)
        self.ctx.changed.connect(lambda _c: self._update_title())
        self.ctx.dialog_parent = self  # errors and progress of every change show over the window
        self.ctx.undo_stack.indexChanged.connect(lambda _i: self._update_title())
        self.resize(1280, 800)
        self.resizeDocks([self.findChild(QDockWidget, "documentsDock")], [410],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.findChild(QDockWidget, "retrievalDock")], [230],
                         Qt.Orientation.Vertical)
        self._restore_state()
        self._update_title()
        self._update_hint()

    # -- extension points ----------------------------------------------------------------------

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def add_panel(self, dock: QDockWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """Add a dock (give it an objectName so its place is remembered) and a View toggle."""
        if not dock.objectName():
            raise ValueError("a panel needs an objectName to be remembered between sessions")
        self.addDockWidget(area, dock)
        if "view" in self._menus:
            self._menus["view"].addAction(dock.toggleViewAction())
        else:
            self._pending_docks = [*getattr(self, "_pending_docks", []), dock]
        return dock

    def menu(self, key: str) -> QMenu:
        """A top-level menu by key; other panels add their actions here. A key the window does
        not have yet (e.g. "data") gets its own menu, placed before View."""
        if key not in self._menus:
            titles = {"data": self.tr("&Data")}
            menu = QMenu(titles.get(key, key.capitalize()), self)
            self.menuBar().insertMenu(self._menus["view"].menuAction(), menu)
            self._menus[key] = menu
        menu = self._menus[key]
        menu.menuAction().setVisible(True)
        return menu

    def _install_panels(self) -> None:
        """Panels developed beside the workbench (app/panels): search, suggestions,
        pseudonymisation, exports, REFI-QDA, analysis views. Their docks share the right-hand
        area as tabs and stay hidden until opened from their menu (or a restored session)."""
        from app.panels import PanelHost, install_all

        self._panel_docks: list[QDockWidget] = []

        def add_dock(dock: QDockWidget) -> None:
            self.add_panel(dock, Qt.DockWidgetArea.RightDockWidgetArea)
            if self._panel_docks:
                self.tabifyDockWidget(self._panel_docks[-1], dock)
            self._panel_docks.append(dock)
            dock.hide()

        def jump(doc_id: int, start: int, end: int) -> None:
            self.coding.jump_to(DocumentId(doc_id), start, end)

        install_all(PanelHost(window=self, ctx=self.ctx, menu=self.menu, add_dock=add_dock,
                              jump=jump))

    # -- menus ---------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in (("file", self.tr("&File")), ("edit", self.tr("&Edit")),
                           ("coding", self.tr("&Coding")), ("project", self.tr("&Project")),
                           ("analysis", self.tr("&Analysis")), ("view", self.tr("&View")),
                           ("help", self.tr("&Help"))):
            self._menus[key] = bar.addMenu(title)
        f = self._menus["file"]
        f.addAction(self.tr("&New project…"), QKeySequence.StandardKey.New, self.new_project_dialog)
        f.addAction(self.tr("&Open project…"), QKeySequence.StandardKey.Open,
                    self.open_project_dialog)
        f.addAction(self.tr("Open &team project (server)…"), self.open_server_dialog)
        self.recent_menu = f.addMenu(self.tr("Recent projects"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        f.addSeparator()
        self.act_import = f.addAction(self.tr("&Import transcripts…"), QKeySequence("Ctrl+I"),
                                      self.import_dialog)
        f.addSeparator()
        f.addAction(self.tr("&Close project"), lambda: (flush_all(self), self.ctx.close()))
        f.addAction(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        e = self._menus["edit"]
        undo = self.ctx.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.ctx.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        undo.setObjectName("undoAction")
        redo.setObjectName("redoAction")
        e.addAction(undo)
        e.addAction(redo)
        c = self._menus["coding"]
        c.addAction(self.tr("Apply selected codes"), QKeySequence("Ctrl+Return"),
                    lambda: self.coding.apply_codes(self.codes.selected()))
        c.addAction(self.tr("In-vivo code"), QKeySequence("Ctrl+Shift+V"), self.coding.in_vivo)
        c.addSeparator()
        c.addAction(self.tr("Theme synthesis"), QKeySequence("Ctrl+Shift+M"),
                    self.show_synthesis)
        c.addAction(self.tr("Document memo…"),
                    lambda: self.document_memo(self.coding.document_id))
        c.addSeparator()
        c.addAction(self.tr("Switch coder…"), self.ask_coder)
        c.addAction(self.tr("Search in transcripts"), QKeySequence.StandardKey.Find,
                    self._focus_search)
        p = self._menus["project"]
        p.addAction(self.tr("Attributes and cases…"), self.edit_attributes)
        p.addAction(self.tr("Case attributes…"), lambda: self.edit_attributes(cases=True))
        p.addAction(self.tr("Speakers of this document…"),
                    lambda: self.edit_speakers(self.coding.document_id))
        p.addAction(self.tr("Project memo…"), self.project_memo)
        v = self._menus["view"]
        for dock in getattr(self, "_pending_docks", []):
            v.addAction(dock.toggleViewAction())
        v.addSeparator()
        lang = v.addMenu(self.tr("Language"))
        for code, label in (("nl", "Nederlands"), ("en", "English")):
            act = lang.addAction(label, lambda c=code: self._set_language(c))
            act.setCheckable(True)
            act.setChecked(str(self.settings.value("language", "nl")) == code)
        h = self._menus["help"]
        h.addAction(self.tr("About Duiding"), self._about)
        self._menus["analysis"].menuAction().setVisible(False)  # shown once menu() is asked

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_files(self.settings):
            self.recent_menu.addAction(path, lambda p=path: self.open_project(
                p if p.startswith("postgresql://") else Path(p)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # -- projects ------------------------------------------------------------------------------

    def create_project(self, path: Path, codebook: str = "jeugdhulp") -> Project | None:
        try:
            project = Project.create(path, codebook=codebook, coder=self.ctx.coder or None)
        except Exception as exc:
            show_error(self, exc)
            return None
        self._set_project(project)
        return project

    def open_project(self, path: Path | str, readonly: bool = False) -> Project | None:
        """Open a project file, a .duiding-team connection file or a postgresql:// address."""
        try:
            project = open_with_password(
                self, str(path), lambda pw: Project.open(
                    path, readonly=readonly, password=pw, coder=self.ctx.coder or None))
            if project is None:
                return None
        except ProjectLockedError:
            answer = QMessageBox.question(
                self, self.tr("Project in use"),
                self.tr("“{name}” is open in another Duiding window or command. Open it "
                        "read-only?").format(name=Path(path).name),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Open:
                return None
            return self.open_project(path, readonly=True)
        except Exception as exc:
            show_error(self, exc)
            return None
        self._set_project(project)
        return project

    def _set_project(self, project: Project) -> None:
        flush_all(self)  # what was typed in a memo belongs to the project being closed
        self.ctx.set_project(project)
        add_recent(self.settings, project.location)
        self.act_import.setEnabled(not self.ctx.readonly)
        docs = project.documents.list()
        if docs:
            self.coding.open_document(docs[0].id)
            self.documents.select_document(docs[0].id)

    def new_project_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("New project"), "",
                                              self.tr("Duiding project") + f" (*{PROJECT_SUFFIX})")
        if not name:
            return
        choices = [self.tr("Youth care codebook (jeugdhulp)"), self.tr("Empty codebook")]
        choice, ok = QInputDialog.getItem(self, self.tr("Codebook"),
                                          self.tr("Start with which codebook?"), choices, 0, False)
        if ok:
            self.create_project(Path(name), "jeugdhulp" if choice == choices[0] else "empty")

    def open_project_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), "",
            self.tr("Duiding project") + f" (*{PROJECT_SUFFIX} *{CONNECTION_SUFFIX});;"
            + self.tr("Team project connection") + f" (*{CONNECTION_SUFFIX})")
        if name:
            self.open_project(Path(name))

    def open_server_dialog(self) -> None:
        address = ask_server_address(self)
        if address:
            self.open_project(address)

    # -- dialogs -------------------------------------------------------------------------------

    def import_dialog(self) -> None:
        if self.ctx.project is None:
            return
        dialog = ImportDialog(self)
        if dialog.exec() == ImportDialog.DialogCode.Accepted:
            start_import(self.ctx, self, dialog.paths(), dialog.attribute_sheet())

    def edit_attributes(self, cases: bool = False) -> None:
        if self.ctx.project is not None:
            dialog = AttributesDialog(self.ctx, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            if cases:
                dialog.show_cases()
            dialog.show()

    def edit_speakers(self, doc_id: DocumentId | None) -> None:
        if self.ctx.project is not None and doc_id is not None:
            dialog = SpeakersDialog(self.ctx, doc_id, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()

    def ask_coder(self) -> str:
        name, ok = QInputDialog.getText(self, self.tr("Coder"),
                                        self.tr("Your name as coder (recorded with every coding):"),
                                        text=self.ctx.coder)
        if ok and name.strip():
            self.set_coder(name.strip())
        return self.ctx.coder

    def set_coder(self, name: str) -> None:
        self.ctx.coder = name
        self.settings.setValue("coder", self.ctx.coder)
        self._update_title()

    def _toggle_others(self, show: bool) -> None:
        p = self.ctx.project
        others = {n for _i, n, _c, _k in p.coders.list()} - {self.ctx.coder} if p else set()
        self.ctx.hidden_coders = set() if show else others
        self.coding.refresh_segments()

    def _focus_search(self) -> None:
        self.retrieval.tabs.setCurrentIndex(1)
        self.retrieval.query.setFocus()

    def _set_language(self, lang: str) -> None:
        self.settings.setValue("language", lang)
        QMessageBox.information(self, "Duiding", self.tr("The language changes when Duiding is "
                                                         "started again."))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Duiding"),
                          self.tr("Duiding: a workbench for qualitative interview research."))

    # -- state ---------------------------------------------------------------------------------

    # -- memos ---------------------------------------------------------------------------------

    def show_synthesis(self) -> None:
        """Open the theme synthesis workspace on the selected code, wide enough to write in."""
        selected = self.codes.selected()
        if selected:
            self.synthesis.set_code(selected[0])
        self.synthesis_dock.show()
        self.synthesis_dock.raise_()
        self.resizeDocks([self.synthesis_dock], [max(560, self.width() // 2)],
                         Qt.Orientation.Horizontal)
        self.synthesis.editor.edit.setFocus()

    def document_memo(self, doc_id: DocumentId | None) -> None:
        p = self.ctx.project
        if p is not None and doc_id is not None:
            name = p.documents.get(doc_id).name
            open_memo(self.ctx, MemoTarget(document_id=doc_id), name,
                      self).setWindowTitle(self.tr("Memo: {name}").format(name=name))

    def project_memo(self) -> None:
        p = self.ctx.project
        if p is not None:
            open_memo(self.ctx, MemoTarget(), self.tr("Project memo"), self)

    def _on_document_opened(self, doc_id: DocumentId | None) -> None:
        self.memo_button.setEnabled(doc_id is not None)
        p = self.ctx.project
        if p is None or doc_id is None:
            self.doc_label.setText("")
        else:
            info = p.documents.get(doc_id)
            self.doc_label.setText(f"{info.name}  ·  "
                                   + self.tr("{n} words").format(n=info.words))
            self.documents.select_document(doc_id)

    def _update_hint(self) -> None:
        """What the empty transcript view tells a user to do next."""
        p = self.ctx.project
        if p is None:
            hint = self.tr("No project is open. Create one with File → New project (Ctrl+N) or "
                           "open one with Ctrl+O. To look around first, start Duiding with: "
                           "duiding --demo")
        elif p.documents.list():
            hint = self.tr("Open a document from the list to start coding.")
        else:
            hint = self.tr("This project has no transcripts yet. Import them with File → Import "
                           "transcripts, or drag the files onto this window.")
        self.view.setPlaceholderText(hint)

    def _update_title(self) -> None:
        p = self.ctx.project
        if p is None:
            self.setWindowTitle("Duiding")
            return
        state = self.tr("read-only") if self.ctx.readonly else self.tr("saved")
        coder = self.tr("coder: {name}").format(name=self.ctx.coder)
        self.setWindowTitle(f"{p.title} — {state} — {coder} — Duiding")

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state, STATE_VERSION)
        coder = self.settings.value("coder")
        if coder:
            self.ctx.coder = str(coder)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(STATE_VERSION))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        from app.ops import wait_all

        flush_all(self)
        self.save_state()
        wait_all(30000)
        self.ctx.close()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and self.ctx.project is not None and not self.ctx.readonly:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        projects = [p for p in paths if p.suffix in (PROJECT_SUFFIX, CONNECTION_SUFFIX)]
        if projects:
            self.open_project(projects[0])
        elif paths:
            start_import(self.ctx, self, paths)
        event.acceptProposedAction()

    def current_document(self) -> DocumentId | None:
        return self.coding.document_id
