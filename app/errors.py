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


def _t(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def error_title(code: str) -> str:
    table = {
        "project_not_found": _t("The project file was not found."),
        "project_exists": _t("A project with this name already exists."),
        "project_locked": _t("The project is open elsewhere."),
        "project_format": _t("This file is not a Duiding project, or it is damaged."),
        "read_only": _t("The project is open read-only."),
        "not_found": _t("This item no longer exists."),
        "invalid": _t("This cannot be done."),
        "duplicate": _t("Already in the project."),
    }
    return table.get(code, _t("Something went wrong."))


def import_reason(reason: str) -> str:
    """A translated phrase for an importer's stable reason code."""
    table = {
        "duplicate": _t("already imported"),
        "empty": _t("the file is empty"),
        "encrypted": _t("the file is password protected"),
        "corrupt": _t("the file is damaged or not what its extension says"),
        "unknown_encoding": _t("the text encoding is not recognised"),
        "binary": _t("this is not a text file"),
        "too_large": _t("the file is too large"),
        "unsupported": _t("this file type cannot be imported"),
        "zip_bomb": _t("the file unpacks to an unsafe size"),
        "hostile_xml": _t("the file contains unsafe XML"),
        "invalid": _t("the file content is not valid"),
    }
    return table.get(reason, reason or _t("unknown reason"))


def describe(exc: BaseException) -> tuple[str, str]:
    """(headline, detail) for an exception."""
    if isinstance(exc, DuidingError):
        return error_title(exc.code), str(exc)
    reason = getattr(exc, "reason", None)
    if isinstance(reason, str):  # importers.base.TranscriptImportError
        return import_reason(reason), str(exc)
    if isinstance(exc, OSError):
        return _t("The file could not be read or written."), str(exc)
    return _t("Something went wrong."), f"{type(exc).__name__}: {exc}"


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
                          _t("Sorry, something unexpected went wrong. Your coding so far is "
                             "saved; the details are in the log file."))
        box.setInformativeText(f"{kind.__name__}: {exc}")
        box.setObjectName("apologyBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    sys.excepthook = hook
