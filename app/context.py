"""ProjectContext: the one object every widget shares: the open project, its QUndoStack, the
current coder, and the one way a change reaches the project (STYLE.md rules 6-8).

    ctx.run(ApplyCodes(doc, 10, 42, [code]))               # now, on the GUI thread
    ctx.run(ApplyPseudonyms(entities), background=True,     # on the writer thread, with progress
            label=tr("Pseudonymising…"), on_done=show_report)

`run` executes the command in one transaction, puts it once on the undo stack (a command with
`undoable = False` clears the stack instead: nothing before a final step can be taken back),
broadcasts `changed(Changes)` once and shows an error one way: a dialog over `dialog_parent` and
the `error` signal. Widgets never push, notify or wrap "already done in a worker" commands
themselves; they refresh from `changed` only what the `Changes` say they show. Compound edits
are one `Macro` (one transaction, one undo step).

Another process's writes: a project is written by one process at a time (the file lock), so the
only window that can fall behind is a read-only one. While a project is open read-only, the
context polls SQLite's `data_version` (one PRAGMA on a connection of its own) every
`WATCH_INTERVAL_MS` and when the application becomes active again, and broadcasts
`Changes.everything(...)` once when the writer committed: every view re-reads what it shows.
A writable window needs no polling: every change it can see came through `run`, undo or redo.

A team project on a server has many writers: there the server tells (a change listener on its
own thread, `coding.live`), for read-only and writable windows alike. Both ways end in one
entry, `external_change`, which broadcasts on `changed` like a change of our own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QWidget

from app import ops
from app.errors import show_error
from app.undo import UndoableCommand
from coding import live
from coding.coders import coder_name, resolve_coder
from coding.commands import Command, CommandCancelled
from coding.project import Project, retrying
from coding.types import Changes
from models.errors import ConnectionLostError, DuidingError, ReadOnlyProjectError

log = logging.getLogger(__name__)

WATCH_INTERVAL_MS = 1500


class NotNowError(DuidingError):
    """A change asked for while none can be made: no project, or a background task runs."""

    code = "not_now"


class ProjectContext(QObject):
    changed = Signal(object)  # Changes, once per change (run, undo, redo)
    project_changed = Signal()  # another project was opened (or the project was closed)
    coder_changed = Signal(str)
    error = Signal(object)  # an exception from run/undo/redo, after it was shown
    busy_changed = Signal(bool)  # a background command started (True) or ended (False)
    online_changed = Signal(bool)  # a team project's server connection went away / came back
    _heard = Signal(object)  # Changes from the listener thread (queued to the GUI thread)
    _status = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.undo_stack = QUndoStack(self)
        self._coder = ""
        self.hidden_coders: set[str] = set()  # blind coding: codings of these are not shown
        self.dialog_parent: QWidget | None = None  # the main window: errors and progress show here
        self.show_errors = True  # tests that inspect `error` may turn the dialogs off
        self._running: ops.Task | None = None
        self._listener: live.ChangeListener | None = None  # a team project's other coders
        self.online = True
        self._heard.connect(self.external_change)
        self._status.connect(self._set_online)
        self._seen_version: int | None = None
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self.check_outside_changes)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state)

    # -- project -------------------------------------------------------------------------------

    @property
    def readonly(self) -> bool:
        return self.project is not None and self.project.store.readonly

    @property
    def task(self) -> ops.Task | None:
        """The background command's task while one runs."""
        return self._running

    @property
    def busy(self) -> bool:
        """A background command is running; other changes wait until it is done."""
        return self._running is not None

    def set_project(self, project: Project | None) -> None:
        """Make `project` the open project (closing the previous one); clears the undo stack.
        A team project's other coders are heard from here on (`external_change`)."""
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        old, self.project = self.project, project
        self.undo_stack.clear()
        self.undo_stack.setClean()
        if old is not None and old is not project:
            old.close()
        if project is not None and self._coder and not project.is_server:
            # the window's choice outlives the project it was made in; on a server the
            # server says who you are
            project.coder = self._coder
        self._set_online(True)
        self._seen_version = None
        if project is not None and project.is_server:  # the server tells (LISTEN/NOTIFY)
            self._watch.stop()
            self._listener = live.watch(project, self._heard.emit, self._status.emit)
        elif project is not None and self.readonly:  # a file: look at SQLite's data_version
            self.check_outside_changes()  # the baseline
            self._watch.start()
        else:
            self._watch.stop()
        self.project_changed.emit()

    # -- other people's writes -----------------------------------------------------------------

    def external_change(self, changes: Changes) -> None:
        """The one way in for a change made elsewhere (another coder on the server, another
        process): broadcast like our own, so every view re-reads what it shows. It joins no
        undo stack: each user undoes only their own work."""
        if self.project is not None and changes:
            self.changed.emit(changes)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    def close(self) -> None:
        self.set_project(None)

    def check_outside_changes(self) -> bool:
        """Broadcast everything once when another process committed since the last look (only
        for a read-only project; see the module docstring). True when it did."""
        project = self.project
        if project is None or not self.readonly or project.is_server:
            return False
        try:
            version = project.data_version()
        except Exception as exc:  # the file went away (network drive, USB stick): try later
            log.info("cannot read the project's data version: %r", exc)
            return False
        if self._seen_version is None or version == self._seen_version:
            self._seen_version = version
            return False
        self._seen_version = version
        self.external_change(Changes.everything(d.id for d in project.documents.list()))
        return True

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_outside_changes()

    # -- coder ---------------------------------------------------------------------------------

    @property
    def coder(self) -> str:
        """Who codes: the name chosen in this window, else the core's default (one rule)."""
        return self.project.coder if self.project is not None else resolve_coder(self._coder)

    @coder.setter
    def coder(self, name: str) -> None:
        name = coder_name(name)
        if not name or name == self._coder:
            return
        self._coder = name
        if self.project is not None and not self.project.is_server:
            self.project.coder = name
        self.coder_changed.emit(name)

    # -- the one way in ------------------------------------------------------------------------

    def run(self, command: Command, *, background: bool = False, label: str = "",
            parent: QWidget | None = None,
            on_done: Callable[[Changes], None] | None = None,
            on_failed: Callable[[BaseException], None] | None = None) -> Changes | None:
        """Run `command` as one user action; see the module docstring.

        In the foreground the changes are returned (None when it failed: the error was shown).
        In the background None is returned at once; `on_done(changes)` follows on the GUI
        thread, or `on_failed(exc)` after the error was shown (a cancel is not an error: it
        calls `on_failed` with the `CommandCancelled` and shows nothing).
        """
        project = self.project
        if project is None or self.readonly or self.busy:
            exc = self._refusal(project)
            self._fail(exc, parent, on_failed)
            return None
        if background:
            self._start(project, command, label, parent, on_done, on_failed)
            return None
        try:
            changes = retrying(lambda: command.do(project))
        except Exception as exc:
            self._fail(exc, parent, on_failed)
            return None
        self._record(command, changes)
        if on_done is not None:
            on_done(changes)
        return changes

    def _start(self, project: Project, command: Command, label: str, parent: QWidget | None,
               on_done: Callable[[Changes], None] | None,
               on_failed: Callable[[BaseException], None] | None) -> None:
        def work(progress: ops.Progress, cancelled: Callable[[], bool]) -> Changes:
            command.bind(progress, cancelled)
            try:
                return retrying(lambda: command.do(project))
            finally:
                command.bind()

        def done(changes: Changes) -> None:
            self._finish()
            if project is not self.project:  # closed meanwhile: nothing left to report to
                return
            self._record(command, changes)
            if on_done is not None:
                on_done(changes)

        def failed(exc: BaseException) -> None:
            self._finish()
            self._fail(exc, parent, on_failed)

        self._running = ops.run_task(work, parent=parent or self.dialog_parent, label=label,
                                     on_done=done, on_error=failed)
        self.busy_changed.emit(True)

    def _finish(self) -> None:
        self._running = None
        self.busy_changed.emit(False)

    def _record(self, command: Command, changes: Changes) -> None:
        self._set_online(True)  # it was saved: whatever broke is back
        if command.is_empty():
            pass
        elif command.undoable:
            self.undo_stack.push(UndoableCommand(command, self._step))
        else:
            self.undo_stack.clear()
        self.changed.emit(changes)

    def _step(self, step: Callable[[Project], Changes]) -> bool:
        """Undo or redo one command (called by UndoableCommand); False when it failed."""
        if self.project is None:
            return False
        try:
            changes = step(self.project)
        except Exception as exc:  # e.g. undoing what someone else has changed since
            self._fail(exc, None, None)
            return False
        self.changed.emit(changes)
        return True

    def _refusal(self, project: Project | None) -> Exception:
        if project is None:
            return NotNowError(QCoreApplication.translate("Context", "No project is open."))
        if self.readonly:
            return ReadOnlyProjectError(
                QCoreApplication.translate("Context", "The project is open read-only."))
        return NotNowError(
            QCoreApplication.translate("Context", "Wait until the running task has finished."))

    def _fail(self, exc: BaseException, parent: QWidget | None,
              on_failed: Callable[[BaseException], None] | None) -> None:
        if isinstance(exc, ConnectionLostError):
            self._set_online(False)  # the listener says when it is back
        if not isinstance(exc, CommandCancelled):
            if isinstance(exc, DuidingError):
                log.info("change refused: %r", exc)
            else:
                log.error("change failed", exc_info=exc)
            if self.show_errors:
                show_error(parent or self.dialog_parent, exc)
            self.error.emit(exc)
        if on_failed is not None:
            on_failed(exc)
