"""Qt translations: English source strings in code, Dutch in resources/translations/duiding_nl.ts.

Decision: the .ts is compiled with `pyside6-lrelease` (shipped with PySide6-Essentials) into the
user cache dir on first run, or when the .ts changed (the cached .qm is named by the .ts's
content hash), so a fresh checkout needs no build step. When lrelease cannot be run (a frozen
build without the tool), the .ts is parsed directly into `TsTranslator`, a QTranslator
subclass: slower to load, same result.
Qt's own strings (standard buttons, file dialogs) come from the qtbase_nl.qm that PySide6 ships
(PySide6/Qt/translations, also in the frozen app). That file lags behind Qt's sources: Qt 6.11's
file dialog asks "&Look in:" and "Files of &type:", which qtbase_nl.qm only has without the
ampersand, so the dialog was half English. `qtbase_supplement_nl.ts` fills exactly those gaps; it
is loaded after qtbase_nl, so it is searched first (see tests/app/test_install_first_run.py).
In the frozen app the .ts files are compiled at build time and the .qm files beside them are used.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("nl", "en")


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"duiding_{lang}.ts"


def ts_files(lang: str) -> list[Path]:
    """Every translation source for a language: the workbench's first, then each panel's
    (`panels_nlp_nl.ts`...), so separately developed panels keep their own file."""
    main = ts_path(lang)
    rest = sorted(p for p in TRANSLATIONS.glob(f"*_{lang}.ts") if p != main)
    return ([main] if main.exists() else []) + rest


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("duiding", appauthor=False)) / "translations"


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if found:
        return found
    import PySide6

    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        candidate = Path(PySide6.__file__).parent / name
        if candidate.exists():
            return str(candidate)
    return None


def compiled_qm(ts: Path) -> Path | None:
    """The .qm for a .ts file, compiled into the cache unless a .qm of exactly this .ts is there.

    The cached file is named by the .ts's content hash, not by its date: the user cache is
    shared by every Duiding on the machine (two versions, several checkouts), and a .qm compiled
    from another copy of `duiding_nl.ts` once silently replaced this one's translations."""
    if not ts.exists():
        return None
    shipped = ts.with_suffix(".qm")  # the frozen app ships the .qm compiled at build time
    if getattr(sys, "frozen", False) and shipped.exists():
        return shipped
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    qm = _cache_dir() / f"{ts.stem}-{digest}.qm"
    if qm.exists():
        return qm
    tool = _lrelease()
    if tool is None:
        return None
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_name(f"{qm.stem}.{os.getpid()}.partial.qm")
    try:
        subprocess.run([tool, "-silent", str(ts), "-qm", str(partial)], check=True,
                       capture_output=True, timeout=60)
        os.replace(partial, qm)  # whole or not at all, also with another process compiling
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("lrelease failed (%s); reading the .ts directly", exc)
        partial.unlink(missing_ok=True)
        return None
    return qm if qm.exists() else None


def parse_ts(path: Path) -> dict[tuple[str, str], str]:
    """{(context, source): translation} for every finished message in a .ts file (for a plural
    message, its first form; see `parse_ts_plurals`)."""
    return {key: forms[0] for key, forms in parse_ts_plurals(path).items()}


def parse_ts_plurals(path: Path) -> dict[tuple[str, str], list[str]]:
    """{(context, source): [form, ...]}: one form, or the numerus forms of a %n message."""
    out: dict[tuple[str, str], list[str]] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            if all(forms):
                out[(name, source)] = forms
    return out


class TsTranslator(QTranslator):
    """Translations read straight from a .ts file (fallback when lrelease is unavailable)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._table = parse_ts_plurals(path)

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None, not "": an empty string would be taken as the translation and blank the UI.
        forms = self._table.get((context, source))
        if forms is None:
            return None
        # Dutch and English: the first form for exactly one, the second otherwise.
        form = forms[0] if n == 1 or len(forms) == 1 else forms[1]
        return form.replace("%n", str(n)) if n >= 0 else form

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return not self._table


_installed: list[QTranslator] = []


def qt_translation_dirs() -> list[Path]:
    """Where Qt's own .qm files are: Qt's configured folder, then the one inside the PySide6
    package (the same folder unless qt.conf points elsewhere, as in some frozen layouts)."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            Path(PySide6.__file__).resolve().parent / "Qt" / "translations"]
    return list(dict.fromkeys(d for d in dirs if d.is_dir()))


def qt_base_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Qt's translations of its standard dialogs and buttons (qtbase_<lang>.qm), or None."""
    for folder in qt_translation_dirs():
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", str(folder)):
            return qt
    log.warning("qtbase_%s.qm not found in %s: Qt's dialogs stay English", lang,
                qt_translation_dirs())
    return None


def install(app: QCoreApplication, lang: str) -> str:
    """Install the translators for `lang`; returns the language actually in use."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang not in LANGUAGES:
        lang = "nl"
    if lang == "en":
        return lang
    qt = qt_base_translator(app, lang)
    if qt is not None:
        app.installTranslator(qt)
        _installed.append(qt)
    files = ts_files(lang)
    if not files:
        print(f"duiding: no translation for {lang!r}", file=sys.stderr)
        return "en"
    for ts in files:
        qm = compiled_qm(ts)
        ours: QTranslator
        if qm is not None:
            ours = QTranslator(app)
            if not ours.load(str(qm)):
                ours = TsTranslator(ts)
        else:
            ours = TsTranslator(ts)
        app.installTranslator(ours)
        _installed.append(ours)
    return lang
