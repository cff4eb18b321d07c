"""Workbench targets (issue 4), offscreen: open a 30,000-word transcript with 1,000 codings
(first paint < 300 ms), apply a code (view + stripes updated < 50 ms), start the app (< 2 s,
measured in a fresh interpreter, as a user starts it)."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.main_window import MainWindow
from bench.synth import transcript_text
from coding.project import Project
from coding.types import CodeId, DocumentId, Valence
from importers.batch import import_paths

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent


def _project(workdir: Path) -> Path:
    rng = random.Random(4)
    src = workdir / "long.txt"
    src.write_text(transcript_text(rng, 30000), encoding="utf-8")
    path = workdir / "gui_bench.duiding"
    for old in workdir.glob("gui_bench.duiding*"):
        old.unlink()
    with Project.create(path, "jeugdhulp", coder="Bench") as p:
        import_paths(p, [src])
        doc = p.documents.list()[0]
        text = p.documents.text(doc.id)
        codes = [c.id for c in p.codes.tree()]
        with p.store.write():
            for _ in range(1000):
                start = rng.randrange(0, len(text) - 400)
                end = start + rng.randrange(20, 400)
                p.segments.apply(DocumentId(doc.id), start, end,
                                 [CodeId(rng.choice(codes))], rng.choice(list(Valence)))
    return path


def _startup_seconds() -> float:
    code = "from app.gui_main import run_gui; raise SystemExit(run_gui(['--quit-after-start']))"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                       capture_output=True, timeout=60)
        times.append(time.perf_counter() - t)
    return min(times)


def run(workdir: Path) -> list[dict[str, object]]:
    os.environ.setdefault("DUIDING_SETTINGS_DIR", str(workdir / "settings"))
    path = _project(workdir)
    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.set_coder("Bench")
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    project = window.open_project(path)
    assert project is not None
    doc = project.documents.list()[0]
    # a second document to switch away to, so each open is a real first paint
    window.coding.document_id = None
    paints = []
    for _ in range(5):
        window.coding.document_id = None
        t = time.perf_counter()
        window.coding.open_document(doc.id)
        window.view.viewport().repaint()
        window.view.stripes.repaint()
        app.processEvents()
        paints.append(time.perf_counter() - t)
    code = project.codes.by_path("toegang/wachttijd").id
    applies, settled = [], []
    text = window.view.toPlainText()
    for i in range(10):
        cursor = window.view.textCursor()
        start = 1000 + i * 5000
        cursor.setPosition(start)
        cursor.setPosition(start + 120, QTextCursor.MoveMode.KeepAnchor)
        window.view.setTextCursor(cursor)
        t = time.perf_counter()
        window.coding.apply_codes([code])
        window.view.viewport().repaint()
        window.view.stripes.repaint()
        applies.append(time.perf_counter() - t)
        app.processEvents()  # the deferred panel refreshes (code counts, retrieval)
        settled.append(time.perf_counter() - t)
    scroll = []
    bar = window.view.verticalScrollBar()
    for i in range(20):
        t = time.perf_counter()
        bar.setValue(int(bar.maximum() * i / 20))
        window.view.viewport().repaint()
        window.view.stripes.repaint()
        scroll.append(time.perf_counter() - t)
    words = len(text.split())
    window.close()
    return [
        {"name": f"gui: open {words}-word transcript with 1000 codings, first paint",
         "value": round(statistics.median(paints) * 1000, 1), "unit": "ms", "target": 300,
         "better": "lower"},
        {"name": "gui: apply a code, view + stripes updated", "value":
         round(statistics.median(applies) * 1000, 1), "unit": "ms", "target": 50,
         "better": "lower"},
        {"name": "gui: apply a code, every panel settled (counts, retrieval of all fragments)",
         "value": round(statistics.median(settled) * 1000, 1), "unit": "ms", "target": None,
         "better": "lower"},
        {"name": "gui: scroll one step, text + stripes repainted", "value":
         round(statistics.median(scroll) * 1000, 1), "unit": "ms", "target": None,
         "better": "lower"},
        {"name": "gui: start-up (fresh interpreter, offscreen)", "value":
         round(_startup_seconds(), 2), "unit": "s", "target": 2, "better": "lower"},
    ]


if __name__ == "__main__":
    import json
    import tempfile

    print(json.dumps(run(Path(tempfile.mkdtemp())), indent=1))
