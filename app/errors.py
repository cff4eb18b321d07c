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
    }
    return table.get(reason, reason or QCoreApplication.translate("Errors", "unknown reason"))


def describe(exc: BaseException) -> tuple[str, str]:
    """(headline, detail) for an exception."""
    if isinstance(exc, DuidingError):
        return error_title(exc.code), str(exc)
    reason = getattr(exc, "reason", None)
    if isinstance(reason, str):  # importers.base.TranscriptImportError
        return import_reason(reason), str(exc)
    if isinstance(exc, OSError):
        return QCoreApplication.translate("Errors", "The file could not be read or written."), str(exc)
    return QCoreApplication.translate("Errors", "Something went wrong."), f"{type(exc).__name__}: {exc}"


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    title, detail = describe(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, "Duiding", title,
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(detail)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal without a nested event loop: callers (and tests) never block


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
