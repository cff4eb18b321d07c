"""The main window: docks, central tabs, menus and the wiring between panels (views hold
layout, the controllers hold logic; panels get the ProjectContext, never this window).

Layout: documents and codes on the left (never squeezed below what keeps code names readable),
the central tabs (the transcript first, analysis views beside it: app/layout.py), and under the
transcript the tools you use while coding (fragments, search, suggestions) as tabs. With no
project, or a project without transcripts, the transcript tab shows the start page.

Extension points for other engineers: panels in app/panels get a `PanelHost` (`add_view` for a
central tab, `add_dock` for a tool under the transcript, `menu(key)`, `jump`); `add_panel(dock,
area)` adds a dock (remembered between sessions by its objectName) with a View toggle.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.about import show_about, show_manual
from app.attributes_dialog import open_attributes, open_speakers
from app.code_panel import CodeTreePanel
from app.coding_area import CodingArea
from app.context import ProjectContext
from app.document_list import DocumentListPanel
from app.gui_args import project_location
from app.import_dialog import ImportDialog, start_import
from app.layout import CentralTabs, WindowLayout
from app.memo_editor import flush_all, open_memo
from app.ops import running_tasks, wait_all
from app.panels import PanelHost, install_all
from app.project_opening import (
    ask_new_project,
    ask_project_file,
    create_file,
    demo_file,
    open_location,
)
from app.retrieval import RetrievalPanel
from app.settings import add_recent, make_settings, recent_files
from app.start_page import StartPage
from app.synthesis import SynthesisPanel
from app.team_ui import TeamStatus, ask_server_address
from coding.memos import MemoTarget
from coding.project import CONNECTION_SUFFIX, PROJECT_SUFFIX, Project
from coding.types import DocumentId, SegmentId

log = logging.getLogger(__name__)

QUIT_WAIT_MS = 1500  # at most this long for background work to stop when the window closes
DOCUMENTS_MIN_WIDTH = 220
CODES_MIN_WIDTH = 270  # the code names stay readable beside their two counts


class MainWindow(QMainWindow):
    def __init__(self, ctx: ProjectContext | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = make_settings()
        self.ctx = ctx or ProjectContext(self)
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)
        # the left docks run the full height; the tools tab under the transcript only
        self.setCorner(Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._menus: dict[str, QMenu] = {}
        self._pending_docks: list[QDockWidget] = []  # added before the View menu exists
        self._view_docks_end: QAction | None = None  # where the View menu lists the docks
        # panels
        self.documents = DocumentListPanel(self.ctx)
        self.documents.setMinimumWidth(DOCUMENTS_MIN_WIDTH)
        self.codes = CodeTreePanel(self.ctx)
        self.codes.setMinimumWidth(CODES_MIN_WIDTH)
        self.retrieval = RetrievalPanel(self.ctx)
        # central: the coding area (or the start page), then the views' tabs
        self.coding_area = CodingArea(self.ctx, self.codes.selected)
        self.view = self.coding_area.view
        self.coding = self.coding_area.coding
        self.start_page = StartPage()
        self.start_page.new_requested.connect(self.new_project_dialog)
        self.start_page.open_requested.connect(self.open_project_dialog)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.recent_requested.connect(
            lambda p: self.open_project(project_location(p)))
        self.start_page.import_requested.connect(self.import_dialog)
        self.transcript_area = QStackedWidget()
        self.transcript_area.setObjectName("transcriptArea")
        self.transcript_area.addWidget(self.start_page)
        self.transcript_area.addWidget(self.coding_area)
        self.tabs = CentralTabs(self.transcript_area, self.tr("Transcript"))
        self.tabs.setMinimumSize(360, 200)
        self.setCentralWidget(self.tabs)
        self.documents.document_activated.connect(self.coding.open_document)
        self.documents.edit_attributes_requested.connect(self.edit_attributes)
        self.documents.speakers_requested.connect(self.edit_speakers)
        self.codes.selection_changed.connect(self.retrieval.set_codes)
        self.codes.apply_requested.connect(self.coding.apply_codes)
        self.retrieval.jump_requested.connect(self._jump)
        self.coding.document_opened.connect(self._on_document_opened)
        self.synthesis = SynthesisPanel(self.ctx)
        self.codes.selection_changed.connect(
            lambda ids: self.synthesis.set_code(ids[0]) if ids else None)
        self.synthesis.jump_requested.connect(self.coding.jump_to)
        self.documents_dock = self.add_panel(
            self._dock("documentsDock", self.tr("Documents"), self.documents),
            Qt.DockWidgetArea.LeftDockWidgetArea)
        self.codes_dock = self.add_panel(self._dock("codesDock", self.tr("Codes"), self.codes),
                                         Qt.DockWidgetArea.LeftDockWidgetArea)
        self.retrieval_dock = self.add_panel(
            self._dock("retrievalDock", self.tr("Fragments"), self.retrieval),
            Qt.DockWidgetArea.BottomDockWidgetArea)
        # The theme synthesis workspace is a place to write in: a central tab like the
        # analysis views, opened from the Coding menu (Ctrl+Shift+M).
        self.synthesis.setObjectName("synthesisView")
        self.open_synthesis_tab = self.tabs.add_view(self.synthesis, self.tr("Theme synthesis"))
        self._build_menus()
        self.statusBar().addPermanentWidget(TeamStatus(self.ctx, self))
        self._install_panels()
        self.coding.install_shortcuts(self)
        self.ctx.project_changed.connect(self._update_title)
        self.ctx.project_changed.connect(self._update_start)
        self.ctx.changed.connect(lambda c: self._update_start() if c.documents else None)
        self.ctx.changed.connect(lambda _c: self._update_title())
        self.ctx.dialog_parent = self  # errors and progress of every change show over the window
        self.ctx.undo_stack.indexChanged.connect(lambda _i: self._update_title())
        self.resize(1280, 800)
        self.layout_state = WindowLayout(self, self.tabs, self.settings, self._default_sizes)
        self._checked_layout = False
        self.layout_state.restore()
        coder = self.settings.value("coder")
        if coder:
            self.ctx.coder = str(coder)
        self._update_title()
        self._update_start()

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
        if self._view_docks_end is not None:
            self._menus["view"].insertAction(self._view_docks_end, dock.toggleViewAction())
        else:
            self._pending_docks.append(dock)
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
        pseudonymisation, exports, REFI-QDA, analysis views. Views become central tabs; docks
        join the tools under the transcript, hidden until opened from their menu."""

        def add_dock(dock: QDockWidget) -> None:
            self.add_panel(dock, Qt.DockWidgetArea.BottomDockWidgetArea)
            self.tabifyDockWidget(self.retrieval_dock, dock)
            dock.hide()

        def jump(doc_id: int, start: int, end: int) -> None:
            self._jump(DocumentId(doc_id), start, end, None)

        install_all(PanelHost(window=self, ctx=self.ctx, menu=self.menu, add_dock=add_dock,
                              jump=jump, views=self.tabs.add_view))

    def _jump(self, doc_id: DocumentId, start: int, end: int,
              segment_id: SegmentId | None = None) -> None:
        """Show a span in the transcript, wherever it was asked from."""
        self.tabs.show_transcript()
        self.coding.jump_to(doc_id, start, end, segment_id)

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
        f.addAction(self.tr("Open the demo project"), self.open_demo).setObjectName(
            "actionOpenDemo")
        f.addSeparator()
        self.act_import = f.addAction(self.tr("&Import transcripts…"), QKeySequence("Ctrl+I"),
                                      self.import_dialog)
        f.addSeparator()
        f.addAction(self.tr("&Close project"), self.close_project)
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
                    lambda: self.coding_area.open_memo(self.coding.document_id))
        c.addSeparator()
        c.addAction(self.tr("Switch coder…"), self.ask_coder)
        p = self._menus["project"]
        p.addAction(self.tr("Attributes and cases…"), self.edit_attributes)
        p.addAction(self.tr("Case attributes…"), lambda: self.edit_attributes(cases=True))
        p.addAction(self.tr("Speakers of this document…"),
                    lambda: self.edit_speakers(self.coding.document_id))
        p.addAction(self.tr("Project memo…"), self.project_memo)
        v = self._menus["view"]
        for dock in self._pending_docks:
            v.addAction(dock.toggleViewAction())
        self._view_docks_end = v.addSeparator()
        reset = v.addAction(self.tr("Restore default layout"), self.restore_default_layout)
        reset.setObjectName("actionRestoreLayout")
        reset.setToolTip(self.tr("Puts every panel back where it was when Duiding was new."))
        v.addSeparator()
        lang = v.addMenu(self.tr("Language"))
        for code, label in (("nl", "Nederlands"), ("en", "English")):
            act = lang.addAction(label, partial(self._set_language, code))
            act.setCheckable(True)
            act.setChecked(str(self.settings.value("language", "nl")) == code)
        h = self._menus["help"]
        h.addAction(self.tr("Manual"), QKeySequence.StandardKey.HelpContents,
                    lambda: show_manual(self)).setObjectName("manualAction")
        h.addAction(self.tr("About Duiding"),
                    lambda: show_about(self.ctx.project, self)).setObjectName("aboutAction")
        self._menus["analysis"].menuAction().setVisible(False)  # shown once menu() is asked

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_files(self.settings):
            self.recent_menu.addAction(path, partial(self.open_project, project_location(path)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # -- projects ------------------------------------------------------------------------------

    def create_project(self, path: Path, codebook: str = "jeugdhulp",
                       password: str | None = None) -> Project | None:
        project = create_file(self, path, codebook, password, coder=self.ctx.coder or None)
        if project is not None:
            self._set_project(project)
        return project

    def open_project(self, path: Path | str, readonly: bool = False) -> Project | None:
        """Open a project file, a .duiding-team connection file or a postgresql:// address."""
        project = open_location(self, path, readonly=readonly, coder=self.ctx.coder or None)
        if project is not None:
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

    def close_project(self) -> None:
        flush_all(self)  # what was typed in a memo belongs to the project being closed
        self.ctx.close()

    def new_project_dialog(self) -> None:
        chosen = ask_new_project(self)
        if chosen is not None:
            self.create_project(*chosen)

    def open_demo(self) -> Project | None:
        """Create (or re-create) the demo project in the user's data folder and open it."""
        path = demo_file(self, coder=self.ctx.coder or None)
        return None if path is None else self.open_project(path)

    def open_project_dialog(self) -> None:
        path = ask_project_file(self)
        if path is not None:
            self.open_project(path)

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
        open_attributes(self.ctx, self, cases=cases)

    def edit_speakers(self, doc_id: DocumentId | None) -> None:
        open_speakers(self.ctx, doc_id, self)

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

    def _set_language(self, lang: str) -> None:
        self.settings.setValue("language", lang)
        QMessageBox.information(self, "Duiding", self.tr("The language changes when Duiding is "
                                                         "started again."))

    # -- state ---------------------------------------------------------------------------------

    # -- memos ---------------------------------------------------------------------------------

    def show_synthesis(self) -> None:
        """Open the theme synthesis workspace (a central tab) on the selected code."""
        selected = self.codes.selected()
        if selected:
            self.synthesis.set_code(selected[0])
        self.open_synthesis_tab()
        self.synthesis.editor.edit.setFocus()

    def project_memo(self) -> None:
        p = self.ctx.project
        if p is not None:
            open_memo(self.ctx, MemoTarget(), self.tr("Project memo"), self)

    def _on_document_opened(self, doc_id: DocumentId | None) -> None:
        if doc_id is not None:
            self.documents.select_document(doc_id)

    def _update_start(self) -> None:
        """No project, or no transcripts yet: the start page with the next step as buttons.
        Transcripts but none open (the first import just landed): the first one opens."""
        p = self.ctx.project
        docs = p.documents.list() if p is not None else []
        if p is None:
            self.start_page.show_no_project(recent_files(self.settings))
        elif not docs:
            self.start_page.show_no_transcripts(p.title)
        self.transcript_area.setCurrentIndex(1 if docs else 0)
        if docs and self.coding.document_id is None:
            self.coding.open_document(docs[0].id)
        self.view.setPlaceholderText(self.tr("Open a document from the list to start coding."))

    def _update_title(self) -> None:
        p = self.ctx.project
        if p is None:
            self.setWindowTitle("Duiding")
            return
        state = self.tr("read-only") if self.ctx.readonly else self.tr("saved")
        coder = self.tr("coder: {name}").format(name=self.ctx.coder)
        self.setWindowTitle(f"{p.title} — {state} — {coder} — Duiding")

    def _default_sizes(self) -> None:
        self.resizeDocks([self.documents_dock], [400], Qt.Orientation.Horizontal)
        self.resizeDocks([self.documents_dock, self.codes_dock], [300, 500],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.retrieval_dock], [240], Qt.Orientation.Vertical)

    def restore_default_layout(self) -> None:
        """View → Restore default layout."""
        self.layout_state.reset()
        self.retrieval_dock.raise_()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._checked_layout:
            self._checked_layout = True
            QTimer.singleShot(0, self.check_layout)

    def check_layout(self) -> list[str]:
        return self.layout_state.check()

    def save_state(self) -> None:
        self.layout_state.save()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Quit promptly: running background work is asked to stop (it rolls back what it had
        not committed) and given a moment, never half a minute; the process ends in
        app.gui_main without waiting for the interpreter to tear down big caches."""
        flush_all(self)  # what was typed in a memo is saved before anything closes
        self.save_state()
        for task in running_tasks():
            task.cancel()
        if not wait_all(QUIT_WAIT_MS):
            log.warning("quitting while background work still runs; it is abandoned")
        for window in self.findChildren(QWidget):  # its dialogs and progress windows go too
            if window.isWindow() and window.isVisible():
                window.close()
        self.ctx.close()
        super().closeEvent(event)
        # The main window closing ends the session, also when Qt would wait for something that
        # holds its quit lock (seen with a progress dialog of a cancelled import).
        QCoreApplication.quit()

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

