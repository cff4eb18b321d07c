"""Every tr() string of the team project's GUI (and the strings it added to the main window and
the error titles) has a finished Dutch translation in some .ts file the app loads, with the
same placeholders."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from app.i18n import parse_ts, ts_files
from tests.helpers import venv_tool

REPO = Path(__file__).resolve().parents[2]


def test_team_strings_are_translated(tmp_path: Path) -> None:
    generated = tmp_path / "extracted.ts"
    sources = [str(REPO / "app" / m)
               for m in ("team_ui.py", "main_window.py", "project_opening.py", "errors.py")]
    subprocess.run([venv_tool("pyside6-lupdate"), "-silent", *sources, "-ts", str(generated)],
                   check=True, capture_output=True, timeout=120)
    extracted = {(c.findtext("name"), m.findtext("source"))
                 for c in ET.parse(generated).getroot().iter("context")
                 for m in c.iter("message")}
    known: dict[tuple[str, str], str] = {}
    for ts in ts_files("nl"):
        known.update(parse_ts(ts))
    team = {k for k in extracted if k[0] in ("TeamStatus", "TeamDialogs")}
    assert len(team) >= 10
    missing = sorted(k for k in extracted if k not in known or not known[k])
    assert missing == []
    for key in extracted:
        source, dutch = key[1] or "", known[key]
        assert re.findall(r"\{\w+\}|%[1-9n]", source) == re.findall(r"\{\w+\}|%[1-9n]", dutch)
