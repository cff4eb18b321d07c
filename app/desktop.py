"""Desktop integration: a double-clicked .duiding file on macOS.

Windows and Linux start the app with the file as an argument (`Duiding.exe studie.duiding`,
`Exec=… %f` in duiding.desktop), which `app.gui_main` already handles. macOS starts the app
without arguments and sends a QFileOpenEvent to the application instead, also when the app is
already running; this filter turns that event into `open_project`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

from coding.project import PROJECT_SUFFIX


class FileOpenFilter(QObject):
    def __init__(self, open_project: Callable[[Path], object], parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self._open = open_project

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if isinstance(event, QFileOpenEvent) and event.type() == QEvent.Type.FileOpen:
            path = Path(event.file())
            if path.suffix.lower() == PROJECT_SUFFIX:
                self._open(path)
                return True
        return False
