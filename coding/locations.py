"""Where Duiding keeps its files on this machine, and which version is installed.

Small on purpose: the start-up code (`app.gui_main`) needs the log folder and the version before
anything else, and nothing more of the core for it. `coding.diagnostics` adds the facts that do
need the rest (pipeline, schema).
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import platformdirs

APP_NAME = "duiding"


def version() -> str:
    """The installed version of Duiding (from its package metadata, also in the frozen app)."""
    try:
        return metadata.version(APP_NAME)
    except metadata.PackageNotFoundError:
        return "0+unknown"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def frozen() -> bool:
    """True in the double-clickable app (PyInstaller), False when run from a Python install."""
    return bool(getattr(sys, "frozen", False))
