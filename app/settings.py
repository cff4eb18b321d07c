"""QSettings for UI state only (geometry, docks, recent files, coder name, language).

Project data never goes here: it lives in the project file. `DUIDING_SETTINGS_DIR` redirects the
settings to an ini file in that folder, so tests (and portable installs) never touch the user's
registry or ~/.config (STYLE.md rule 11).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8


def make_settings() -> QSettings:
    folder = os.environ.get("DUIDING_SETTINGS_DIR", "").strip()
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "duiding.ini"), QSettings.Format.IniFormat)
    return QSettings("Duiding", "Duiding")


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value("recent", [])
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [str(v) for v in items if v]


def add_recent(settings: QSettings, path: str | os.PathLike[str]) -> list[str]:
    """Put a project first in the recent list: a file's full path, or a team project's
    connection file or URL (as the project gives it: never with a password)."""
    text = str(path)
    path = text if text.startswith(("postgresql://", "postgres://")) else str(Path(path).resolve())
    items = [path] + [p for p in recent_files(settings) if p != path]
    settings.setValue("recent", items[:MAX_RECENT])
    return items[:MAX_RECENT]


def language(settings: QSettings) -> str:
    return str(settings.value("language", "nl") or "nl")
