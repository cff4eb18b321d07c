"""Before Qt starts on Linux: name a missing system library instead of Qt's abort.

Qt's xcb platform plugin needs a dozen X11 helper libraries that a fresh desktop install does not
always have (libxcb-cursor0 since Qt 6.5). When one is missing, Qt prints "could not load the Qt
platform plugin xcb" and aborts the process (qFatal: nothing to catch). So the plugin Qt will
load is checked first, with `ldd` (every unresolved dependency, transitively; when ldd itself is
absent, a dlopen names the first), and the missing libraries are reported by name with the
command that installs them.

There is no QApplication yet, so there is no translator: the few sentences here carry their own
Dutch and English text, chosen by the saved language. A person who double-clicked the app sees
no terminal, so the message also goes to the log file and, when the desktop has one, to a
zenity/kdialog/notify-send window (those are GTK/KDE tools that do not need Qt's libraries).
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# soname -> (Debian/Ubuntu package, Fedora package)
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
}

_TEXT = {
    "nl": {
        "missing": "Duiding kan niet starten: Qt mist deze systeembibliotheken: {libs}.",
        "install": "Installeer ze met:\n    {command}\nen start Duiding daarna opnieuw.",
        "unknown": "Installeer het pakket dat {lib} bevat (Debian/Ubuntu: apt-file search {lib}).",
        "display": "Duiding kan niet starten: er is geen grafisch scherm (DISPLAY en "
                   "WAYLAND_DISPLAY zijn leeg). Start Duiding vanuit een bureaubladsessie, of "
                   "gebruik de opdrachtregel (duiding --help).",
    },
    "en": {
        "missing": "Duiding cannot start: Qt needs these system libraries: {libs}.",
        "install": "Install them with:\n    {command}\nthen start Duiding again.",
        "unknown": "Install the package that contains {lib} (Debian/Ubuntu: apt-file search {lib}).",
        "display": "Duiding cannot start: there is no graphical display (DISPLAY and "
                   "WAYLAND_DISPLAY are empty). Start Duiding from a desktop session, or use "
                   "the command line (duiding --help).",
    },
}


def platform_plugin(env: Mapping[str, str] = os.environ) -> str:
    """The platform plugin Qt will try first: QT_QPA_PLATFORM, else what Qt picks itself."""
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def plugin_file(plugins_dir: Path, env: Mapping[str, str] = os.environ) -> Path:
    """The xcb plugin Qt will load (QT_QPA_PLATFORM_PLUGIN_PATH is searched first, as Qt does)."""
    override = env.get("QT_QPA_PLATFORM_PLUGIN_PATH", "")
    for folder in [*(p for p in override.split(os.pathsep) if p), str(plugins_dir / "platforms")]:
        candidate = Path(folder) / "libqxcb.so"
        if candidate.exists():
            return candidate
    return plugins_dir / "platforms" / "libqxcb.so"


def missing_libraries(binary: Path) -> list[str]:
    """Shared libraries `binary` needs that the dynamic loader cannot find, by soname."""
    ldd = shutil.which("ldd")
    if ldd:
        try:
            out = subprocess.run([ldd, str(binary)], capture_output=True, text=True,
                                 timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            out = None
        if out is not None:
            found = re.findall(r"^\s*(\S+)\s+=>\s+not found", out, flags=re.MULTILINE)
            return list(dict.fromkeys(found))
    try:
        ctypes.CDLL(str(binary))
    except OSError as exc:
        match = re.match(r"^([^:\s]+\.so[.\d]*): cannot open shared object file", str(exc))
        if match:
            return [match.group(1)]
    return []


def _distro(os_release: Path = Path("/etc/os-release")) -> str:
    try:
        text = os_release.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    ids = " ".join(re.findall(r"^(?:ID|ID_LIKE)=\"?([^\"\n]*)", text, flags=re.MULTILINE))
    if re.search(r"\b(fedora|rhel|centos)\b", ids):
        return "fedora"
    if re.search(r"\b(debian|ubuntu)\b", ids):
        return "debian"
    return ""


def explain_missing(libs: list[str], lang: str = "nl", distro: str = "debian") -> str:
    """The message for missing libraries: their names and the command that installs them."""
    text = _TEXT.get(lang, _TEXT["nl"])
    lines = [text["missing"].format(libs=", ".join(libs))]
    known = [lib for lib in libs if lib in PACKAGES]
    if known:
        if distro == "fedora":
            packages = dict.fromkeys(PACKAGES[lib][1] for lib in known)
            command = "sudo dnf install " + " ".join(packages)
        else:
            packages = dict.fromkeys(PACKAGES[lib][0] for lib in known)
            command = "sudo apt install " + " ".join(packages)
        lines.append(text["install"].format(command=command))
    lines += [text["unknown"].format(lib=lib) for lib in libs if lib not in PACKAGES]
    return "\n".join(lines)


def startup_problem(plugins_dir: Path, lang: str = "nl",
                    env: Mapping[str, str] = os.environ) -> str | None:
    """Why Qt's GUI cannot start here, in words, or None when nothing is known to be wrong.

    Only the xcb plugin on Linux is checked; offscreen, minimal, wayland, Windows and macOS
    start as they are.
    """
    if not sys.platform.startswith("linux") or platform_plugin(env) != "xcb":
        return None
    plugin = plugin_file(plugins_dir, env)
    if not plugin.exists():
        return None  # Qt will say which plugins it has; nothing more precise to add
    libs = missing_libraries(plugin)
    if libs:
        return explain_missing(libs, lang, _distro())
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return _TEXT.get(lang, _TEXT["nl"])["display"]
    return None


def tell_user(message: str) -> None:
    """stderr, and a desktop message box when one of the usual desktop tools is installed."""
    print(message, file=sys.stderr)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return
    for tool, args in (("zenity", ["--error", "--no-markup", "--title=Duiding", "--text"]),
                       ("kdialog", ["--title", "Duiding", "--error"]),
                       ("notify-send", ["Duiding"])):
        found = shutil.which(tool)
        if found:
            try:
                subprocess.run([found, *args, message], timeout=600, check=False,
                               capture_output=True)
            except (OSError, subprocess.SubprocessError):
                continue
            return
