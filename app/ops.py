"""One small helper for long work (STYLE.md rule 8): run a core callable on a QThreadPool with
progress and cancel, and deliver its result or its error on the GUI thread.

    run_task(lambda progress, cancelled: import_paths(project, files, progress=progress,
                                                      cancelled=cancelled),
             parent=window, label=tr("Importing…"), on_done=show_summary, on_error=show_error)

Writers (anything that changes the project) run on a pool of one thread, so there is never more
than one writer at a time; readers use the global pool. The core is thread-aware: `store.write()`
keeps its session per thread and SQLAlchemy's QueuePool (the default for SQLite files, with
`check_same_thread=False`) gives each worker its own connection, so a worker simply calls the
same services the GUI calls. WAL mode lets the GUI keep reading while a worker writes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Work = Callable[[Progress, Callable[[], bool]], Any]

_writer_pool: QThreadPool | None = None
_running: set[Task] = set()


def writer_pool() -> QThreadPool:
    global _writer_pool
    if _writer_pool is None:
        _writer_pool = QThreadPool()
        _writer_pool.setMaxThreadCount(1)  # one writer at a time
    return _writer_pool


class Task(QObject):
    """A handle on one background job; its signals arrive on the GUI thread."""

    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_finished(self) -> bool:
        return self._finished.is_set()


class _Job(QRunnable):
    def __init__(self, work: Work, task: Task) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._task = work, task

    def run(self) -> None:
        task = self._task
        try:
            result = self._work(task.progress.emit, task._cancel.is_set)
        except BaseException as exc:  # delivered to the GUI thread, shown as a dialog there
            log.info("background task failed: %r", exc)
            task.error = exc
            task._finished.set()
            task.failed.emit(exc)
        else:
            task.result = result
            task._finished.set()
            task.done.emit(result)
        task.finished.emit()


def run_task(work: Work, *, parent: QWidget | None, label: str = "",
             on_done: Callable[[Any], object] | None = None,
             on_error: Callable[[BaseException], object] | None = None,
             writer: bool = True, show_progress: bool = True,
             cancellable: bool = True) -> Task:
    """Run `work(progress, cancelled)` in the background; callbacks run on the GUI thread."""
    task = Task()
    _running.add(task)
    dialog: QProgressDialog | None = None
    if show_progress:
        dialog = QProgressDialog(label, QCoreApplication.translate("Ops", "Cancel") if cancellable else "", 0, 0, parent)
        dialog.setWindowTitle(label or "Duiding")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(task.cancel)

        def on_progress(done: int, total: int, name: str) -> None:
            if not _alive(dialog):  # its parent window was closed while the job ran
                return
            assert dialog is not None
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))
            if name:
                dialog.setLabelText(f"{label}\n{name}")

        task.progress.connect(on_progress)
    if on_done is not None:
        task.done.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)

    def cleanup() -> None:
        if dialog is not None and _alive(dialog):
            dialog.canceled.disconnect(task.cancel)
            dialog.close()
            dialog.deleteLater()
        _running.discard(task)

    task.finished.connect(cleanup)
    pool = writer_pool() if writer else QThreadPool.globalInstance()
    pool.start(_Job(work, task))
    return task


def _alive(widget: QWidget | None) -> bool:
    """False once Qt deleted the widget (e.g. with the dialog that parented it)."""
    return widget is not None and shiboken6.isValid(widget)


def running_tasks() -> list[Task]:
    """Every background job that has not finished yet."""
    return [t for t in _running if not t.is_finished()]


def wait_all(timeout_ms: int = 30000) -> bool:
    """Wait for every background job, at most `timeout_ms` in all (used on quit and in tests).

    One deadline for both pools: the readers get what the writer left of it (each pool had the
    whole timeout, so quitting could wait twice as long as the window promised)."""
    deadline = time.monotonic() + timeout_ms / 1000
    ok = writer_pool().waitForDone(timeout_ms)
    left = max(0, round((deadline - time.monotonic()) * 1000))
    return QThreadPool.globalInstance().waitForDone(left) and ok
