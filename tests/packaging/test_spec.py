"""The frozen app carries every data file the program reads from resources/: a lexicon added
later (first_names.txt, places.txt) once went missing and every export of the app failed."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SPEC = (REPO / "packaging" / "duiding.spec").read_text(encoding="utf-8")


def _bundled(path: Path) -> bool:
    rel = path.relative_to(REPO / "resources").as_posix()
    if f'"resources" / "{rel}"' in SPEC:
        return True
    top = rel.split("/")[0]
    if f'"resources" / "{top}"' in SPEC:  # a whole folder (demo, translations)
        return True
    globs = re.findall(r'\(REPO / "resources"\)\.glob\("([^"]+)"\)', SPEC)
    return "/" not in rel and any(path.match(g) for g in globs)


def test_every_resource_file_is_in_the_frozen_app() -> None:
    files = [p for p in (REPO / "resources").rglob("*") if p.is_file()
             and p.suffix not in (".py", ".pyc", ".qm") and "__pycache__" not in p.parts]
    assert len(files) > 5
    missing = [str(p.relative_to(REPO)) for p in files if not _bundled(p)]
    assert missing == []
