"""Checking a Dutch .ts file against the strings the code asks for — one rule for every area.

``extracted`` runs the venv's ``pyside6-lupdate`` over source files (found beside
``sys.executable``, never on PATH); ``translated`` reads .ts files and insists every message is
finished and non-empty (each plural form too); ``assert_placeholders_kept`` checks that ``%n``,
``%1`` and ``{name}`` survive translation.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path

from tests.helpers import venv_tool

Key = tuple[str | None, str | None]  # (context, source)
_PLACEHOLDER = re.compile(r"%[1-9n]|\{\w+\}")


def extracted(sources: Iterable[Path], workdir: Path) -> set[Key]:
    generated = workdir / "extracted.ts"
    subprocess.run([venv_tool("pyside6-lupdate"), "-silent", *map(str, sources),
                    "-ts", str(generated)], check=True, capture_output=True, timeout=120)
    return {(c.findtext("name"), m.findtext("source"))
            for c in ET.parse(generated).getroot().iter("context") for m in c.iter("message")}


def translated(*ts_files: Path) -> dict[Key, list[str]]:
    done: dict[Key, list[str]] = {}
    for ts in ts_files:
        for ctx in ET.parse(ts).getroot().iter("context"):
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                assert tr is not None and tr.get("type") is None, (ts.name, msg.findtext("source"))
                forms = [n.text or "" for n in tr.iter("numerusform")] or [tr.text or ""]
                assert all(forms), (ts.name, msg.findtext("source"))
                done[(ctx.findtext("name"), msg.findtext("source"))] = forms
    return done


def assert_placeholders_kept(done: Mapping[Key, list[str]]) -> None:
    for (_ctx, source), forms in done.items():
        for form in forms:
            assert _PLACEHOLDER.findall(source or "") == _PLACEHOLDER.findall(form), source
