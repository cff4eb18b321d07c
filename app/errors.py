"""Errors for people: the core raises errors with a stable `code` and an English message; here
they become a translated headline plus the message, in a dialog, never a traceback.

`install_excepthook` replaces the default hook so an unexpected exception in a slot is logged
(with its traceback, to the log file) and shown as a short apology instead of killing the app.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

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


def install_excepthook() -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        app = QApplication.instance()
        if app is None:
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "Duiding",
                          QCoreApplication.translate("Errors", "Sorry, something unexpected went wrong. Your coding so far is "
                             "saved; the details are in the log file."))
        box.setInformativeText(f"{kind.__name__}: {exc}")
        box.setObjectName("apologyBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    sys.excepthook = hook
