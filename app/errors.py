"""Errors for people: the core raises errors with a stable `code` and an English message; here
they become a translated headline plus the message, in a dialog, never a traceback.

`install_excepthook` replaces the default hook so an unexpected exception in a slot is written to a
crash log of its own (traceback plus the facts of `coding.diagnostics`: version, pipeline, schema)
in the user's log folder, and shown as a short apology that says where that file is, instead of
killing the app. Students send that one file along when they report a problem.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coding import diagnostics
from coding.project import Project
from models.errors import DuidingError

log = logging.getLogger("duiding")



def error_title(code: str) -> str:
    table = {
        "project_not_found": QCoreApplication.translate("Errors", "The project file was not found."),
        "project_exists": QCoreApplication.translate("Errors", "A project with this name already exists."),
        "project_locked": QCoreApplication.translate("Errors", "The project is open elsewhere."),
        "project_format": QCoreApplication.translate("Errors", "This file is not a Duiding project, or it is damaged."),
        "read_only": QCoreApplication.translate("Errors", "The project is open read-only."),
        "not_found": QCoreApplication.translate("Errors", "This item no longer exists."),
        "invalid": QCoreApplication.translate("Errors", "This cannot be done."),
        "duplicate": QCoreApplication.translate("Errors", "Already in the project."),
        "label_only": QCoreApplication.translate(
            "Errors", "Select spoken text: a speaker label or timestamp is not coded."),
        "crosses_turns": QCoreApplication.translate(
            "Errors", "A fragment lies within one speaker turn."),
        "not_now": QCoreApplication.translate("Errors", "This cannot be done right now."),
        "conflict": QCoreApplication.translate(
            "Errors", "Someone else has changed this since: nothing was changed."),
        "permission": QCoreApplication.translate("Errors", "Your role in this project does not allow this."),
        "server": QCoreApplication.translate("Errors", "The server could not be used."),
        "server_unreachable": QCoreApplication.translate("Errors", "The server cannot be reached."),
        "server_auth": QCoreApplication.translate("Errors", "The server refused the sign-in."),
        "server_password": QCoreApplication.translate("Errors", "The server asks for a password."),
        "server_version": QCoreApplication.translate("Errors", "The server's PostgreSQL is too old."),
        "offline": QCoreApplication.translate("Errors", "Offline: the connection to the server was lost."),
        "nothing_to_export": QCoreApplication.translate(
            "Errors", "Nothing was written: no document has a value for this attribute."),
    }
    return table.get(code, QCoreApplication.translate("Errors", "Something went wrong."))


def import_reason(reason: str) -> str:
    """A translated phrase for an importer's stable reason code."""
    table = {
        "duplicate": QCoreApplication.translate("Errors", "already imported"),
        "empty": QCoreApplication.translate("Errors", "the file is empty"),
        "encrypted": QCoreApplication.translate("Errors", "the file is password protected"),
        "corrupt": QCoreApplication.translate("Errors", "the file is damaged or not what its extension says"),
        "unknown_encoding": QCoreApplication.translate("Errors", "the text encoding is not recognised"),
        "binary": QCoreApplication.translate("Errors", "this is not a text file"),
        "too_large": QCoreApplication.translate("Errors", "the file is too large"),
        "unsupported": QCoreApplication.translate("Errors", "this file type cannot be imported"),
        "zip_bomb": QCoreApplication.translate("Errors", "the file unpacks to an unsafe size"),
        "hostile_xml": QCoreApplication.translate("Errors", "the file contains unsafe XML"),
        "invalid": QCoreApplication.translate("Errors", "the file content is not valid"),
        "symlink": QCoreApplication.translate("Errors", "a link inside a folder is not followed"),
        "too_slow": QCoreApplication.translate("Errors", "reading the file took far too long"),
        "unreadable": QCoreApplication.translate("Errors", "the file cannot be read"),
        "not_found": QCoreApplication.translate("Errors", "the file does not exist"),
        "temporary": QCoreApplication.translate("Errors", "this is a hidden or temporary file"),
        "no_text": QCoreApplication.translate("Errors", "the PDF has no text (a scan?)"),
        "hostile_archive": QCoreApplication.translate("Errors", "the archive is unsafe"),
    }
    return table.get(reason, reason or QCoreApplication.translate("Errors", "unknown reason"))


def _out(text: str) -> str:
    return QCoreApplication.translate("OutputPanels", text)


def _output_text(exc: BaseException) -> tuple[str, str] | None:
    """(headline, detail) for what exporters and the REFI-QDA reader raise, or None."""
    code = getattr(exc, "code", None)
    reason = getattr(exc, "reason", None)
    if code == "original_in_export":
        n = len(getattr(exc, "found", []) or [])
        return (_out("Export refused: the text still contains original names."),
                _out("{n} place(s) still contain a name from the pseudonym key. Pseudonymise "
                   "the transcripts (or remove the name from the codebook, memos and "
                   "summaries) and export again. Nothing was written.").format(n=n))
    if code == "template_unreadable":
        return _out("The Word template cannot be used."), str(exc)
    if code == "cancelled":
        return _out("The export was cancelled."), _out("Files finished before cancelling were kept.")
    if reason == "invalid_xml":
        return (_out("The REFI-QDA file does not pass the standard's validation (XSD). "
                   "Nothing was written."), getattr(exc, "detail", str(exc)))
    if reason == "empty_codebook":
        return _out("The codebook is empty: there is nothing to export."), ""
    if reason in ("duplicate_guid", "unknown_code"):
        return (_out("The project cannot be written as REFI-QDA. Nothing was written."),
                getattr(exc, "detail", str(exc)))
    if isinstance(exc, PermissionError):
        return (_out("The file could not be written. Is it open in Word or Excel?"), str(exc))
    return None


def describe(exc: BaseException) -> tuple[str, str]:
    """(headline, detail) for an exception, in the user's language: the one description every
    dialog uses, whether a change, an import or an export failed."""
    known = _output_text(exc)
    if known is not None:
        return known
    if isinstance(exc, DuidingError):
        return error_title(exc.code), str(exc)
    reason = getattr(exc, "reason", None)
    if isinstance(reason, str):  # importers.base.TranscriptImportError
        return import_reason(reason), str(exc)
    if isinstance(exc, OSError):
        return QCoreApplication.translate("Errors", "The file could not be read or written."), str(exc)
    return QCoreApplication.translate("Errors", "Something went wrong."), f"{type(exc).__name__}: {exc}"


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    title, detail = describe(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, "Duiding", title,
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(detail)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal without a nested event loop: callers (and tests) never block
    return box


def write_crash_log(kind: type[BaseException], exc: BaseException, tb: TracebackType | None,
                    project: Project | None = None, folder: Path | None = None) -> Path | None:
    """Write the traceback and the installation's facts to `crash-<time>.log` in the log folder;
    returns its path (None when even that cannot be written)."""
    folder = folder or diagnostics.log_dir()
    details = "".join(traceback.format_exception(kind, exc, tb))
    try:
        facts = diagnostics.facts(project).as_text(qt_version=qVersion())
    except Exception as err:  # the crash may be in what the facts read (the project file)
        facts = f"Duiding {diagnostics.version()} (facts unavailable: {err!r})"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
        path.write_text(f"{facts}\n\n{details}", encoding="utf-8")
    except OSError:
        return None
    return path


_open_boxes: list[QMessageBox] = []


def show_crash(path: Path | None, kind: type[BaseException], exc: BaseException) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Critical, "Duiding",
                      QCoreApplication.translate("Errors", "Sorry, something unexpected went wrong. Your coding so far is "
                         "saved; the details are in the log file."))
    if path is not None:
        where = QCoreApplication.translate(
            "Errors", "The details are in {path}. Please send this file along when you report "
            "the problem.").format(path=path)
        button = box.addButton(QCoreApplication.translate("Errors", "Open log folder"),
                               QMessageBox.ButtonRole.ActionRole)
        button.setObjectName("openLogFolder")
        # ActionRole buttons close the box too; open the folder on the way out.
        button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
    else:
        where = QCoreApplication.translate("Errors", "The log folder could not be written.")
    box.addButton(QMessageBox.StandardButton.Ok)
    box.setInformativeText(f"{kind.__name__}: {exc}\n\n{where}")
    box.setObjectName("apologyBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Without a parent, only a Python reference keeps the box alive until it is closed
    # (dropping it would delete the box the moment it was opened).
    _open_boxes.append(box)
    box.finished.connect(lambda _r: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()
    return box


def install_excepthook(current_project: Callable[[], Project | None] | None = None) -> None:
    """Unexpected exceptions: a crash log plus an apology naming it (never a dead app).

    `current_project` tells which project was open, so the log records its schema revision.
    """
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        try:
            project = current_project() if current_project is not None else None
        except Exception:
            project = None
        path = write_crash_log(kind, exc, tb, project)
        if QApplication.instance() is None:
            return
        show_crash(path, kind, exc)

    sys.excepthook = hook
