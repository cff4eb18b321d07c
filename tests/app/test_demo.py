"""The demo project and the start-up path."""

from __future__ import annotations

from pathlib import Path

from app.demo import DEMO_CODINGS, create_demo_project
from coding.project import Project
from coding.types import SegmentFilter


def test_demo_project_has_coded_transcripts_with_attributes(tmp_path: Path) -> None:
    path = create_demo_project(tmp_path / "demo", coder="Sanne")
    with Project.open(path) as p:
        docs = p.documents.list()
        assert [d.format for d in docs] == ["txt", "vtt", "txt"]
        assert all(d.attributes.get("respondent_type") for d in docs)
        segs = p.segments.query(SegmentFilter())
        assert len(segs) == len(DEMO_CODINGS)
        assert {s.coder for s in segs} == {"Sanne", "Jeroen"}
        assert any(s.key_quote for s in segs)
    assert create_demo_project(tmp_path / "demo") == path  # re-creating replaces it


def test_gui_starts_and_quits_without_heavy_imports(tmp_path: Path) -> None:
    """Start-up in a fresh interpreter (as a user starts it): no spaCy, python-docx, openpyxl."""
    import os
    import subprocess
    import sys

    code = ("import sys; from app.gui_main import run_gui; rc = run_gui(['--quit-after-start']); "
            "heavy = [m for m in ('spacy', 'docx', 'openpyxl', 'deduce') if m in sys.modules]; "
            "print('HEAVY', heavy); raise SystemExit(rc)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "DUIDING_SETTINGS_DIR": str(tmp_path / "settings")}
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "HEAVY []" in out.stdout
