"""Build the double-clickable app for the system this runs on (Linux, Windows or macOS).

    .venv/bin/pip install -c constraints.txt -e ".[build]"
    .venv/bin/python packaging/build_app.py            # -> dist/Duiding/ and an archive in dist/

Steps: compile the Dutch translations (.ts -> .qm beside them, so the app needs no lrelease),
render the icons, write the Windows version resource, run PyInstaller on packaging/duiding.spec,
add the desktop integration files, and pack one archive: Duiding-<version>-linux-x86_64.tar.gz,
Duiding-<version>-windows-x86_64.zip or Duiding-<version>-macos-<arch>.zip.
Why PyInstaller and not Briefcase, and what differs per system: packaging/README.md.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "build" / "app"
DIST = REPO / "dist"
NAME = "Duiding"


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"build_app: {name} not found beside {sys.executable}; "
                         "install with: pip install -c constraints.txt -e \".[build]\"")
    return found


def version() -> str:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def compile_translations() -> None:
    lrelease = tool("pyside6-lrelease")
    for ts in sorted((REPO / "resources" / "translations").glob("*.ts")):
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


def write_version_info(ver: str) -> None:
    """The Windows version resource (Properties -> Details of Duiding.exe)."""
    nums = ([int(p) for p in ver.split(".")[:3] if p.isdigit()] + [0, 0, 0, 0])[:4]
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={tuple(nums)}, prodvers={tuple(nums)}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('041304B0', [
      StringStruct('CompanyName', 'Duiding'),
      StringStruct('FileDescription', 'Duiding - werkbank voor kwalitatief interviewonderzoek'),
      StringStruct('FileVersion', '{ver}'),
      StringStruct('InternalName', 'Duiding'),
      StringStruct('OriginalFilename', 'Duiding.exe'),
      StringStruct('ProductName', 'Duiding'),
      StringStruct('ProductVersion', '{ver}')])]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200])])
  ]
)
"""
    (BUILD / "version_info.txt").write_text(text, encoding="utf-8")


def run_pyinstaller(ver: str) -> Path:
    env = dict(os.environ, DUIDING_VERSION=ver)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
                    "WARN", "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(REPO / "packaging" / "duiding.spec")], check=True, env=env, cwd=REPO)
    return DIST / (f"{NAME}.app" if sys.platform == "darwin" else NAME)


def add_linux_integration(folder: Path) -> None:
    """The .desktop entry, the mime type for .duiding and an installer for both."""
    for name in ("duiding.desktop", "duiding-mime.xml", "install.sh", "uninstall.sh"):
        shutil.copy2(REPO / "packaging" / "linux" / name, folder / name)
    icons = folder / "icons"
    icons.mkdir(exist_ok=True)
    for png in (BUILD / "icons").glob("duiding-*.png"):
        shutil.copy2(png, icons / png.name)


def archive(built: Path, ver: str) -> Path:
    machine = platform.machine().lower().replace("amd64", "x86_64")
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}[sys.platform]
    stem = f"{NAME}-{ver}-{system}-{machine}"
    if sys.platform.startswith("linux"):
        out = DIST / f"{stem}.tar.gz"
        with tarfile.open(out, "w:gz", compresslevel=6) as tar:
            tar.add(built, arcname=f"{NAME}-{ver}")
        return out
    out = DIST / f"{stem}.zip"
    if sys.platform == "darwin":  # ditto keeps the bundle's symlinks and signatures intact
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(built), str(out)], check=True)
        return out
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(built.rglob("*")):
            zf.write(path, Path(f"{NAME}-{ver}") / path.relative_to(built))
    return out


def main() -> int:
    ver = version()
    BUILD.mkdir(parents=True, exist_ok=True)
    compile_translations()
    subprocess.run([sys.executable, str(REPO / "packaging" / "icons.py"), str(BUILD / "icons")],
                   check=True)
    write_version_info(ver)
    built = run_pyinstaller(ver)
    if sys.platform.startswith("linux"):
        add_linux_integration(built)
    out = archive(built, ver)
    print(f"built {built}\narchive {out} ({out.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
