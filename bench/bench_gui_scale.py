"""Workbench speed at study scale (issue 16), offscreen: 100 interviews of 3,000 words and 20,000
codings, a transcript open with its ~200 codings and a code selected (its ~770 fragments in the
fragments list), as a researcher works.

- apply a code: from the shortcut to the transcript and its stripes repainted (target 16 ms);
- every panel settled: the deferred code counts and fragment list caught up too (target 50 ms);
- code 500 search hits as one command: the one step run, broadcast and every panel settled
  (target 150 ms).
"""

from __future__ import annotations

import os
import random
import statistics
import time
from pathlib import Path

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.main_window import MainWindow
from bench.bench_core import seed_codings
from bench.synth import write_corpus
from coding.commands import CodeSpans
from coding.project import Project
from coding.types import Valence
from importers.batch import import_paths

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _project(workdir: Path) -> Path:
    files = write_corpus(workdir / "scale_corpus", 100, 3000)
    path = workdir / "gui_scale.duiding"
    for old in workdir.glob("gui_scale.duiding*"):
        old.unlink()
    with Project.create(path, "jeugdhulp", coder="Bench") as p:
        import_paths(p, files, attributes=workdir / "respondenten.csv")
        seed_codings(p, 20_000, random.Random(16))
    return path


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
    docs = project.documents.list()
    doc = docs[0]
    window.coding.open_document(doc.id)
    selected = project.codes.by_path("toegang/wachttijd").id
    window.codes.select_code(selected)  # its fragments fill the fragments list
    for _ in range(5):
        app.processEvents()
    shown = len(window.view.segments)
    listed = window.retrieval.segments.rowCount()
    code = project.codes.by_path("toegang/informatie").id
    view = window.view
    applies, settled = [], []
    rng = random.Random(3)
    for _ in range(20):
        start = rng.randrange(0, len(view.text) - 300)
        cursor = view.textCursor()
        cursor.setPosition(view.offsets.to_qt(start))
        cursor.setPosition(view.offsets.to_qt(start + 90), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        app.processEvents()
        t = time.perf_counter()
        window.coding.apply_codes([code])
        view.viewport().repaint()
        view.stripes.repaint()
        applies.append(time.perf_counter() - t)
        app.processEvents()  # deferred panels: code counts, the fragments list
        settled.append(time.perf_counter() - t)
    spans = []
    for i in range(500):
        d = docs[i % len(docs)]
        start = rng.randrange(0, d.length - 200)
        spans.append((d.id, start, start + 60))
    t = time.perf_counter()  # what "Code all hits" runs (coding.nlp.service.hits_command)
    assert window.ctx.run(CodeSpans(spans, [selected], Valence.AANDACHTSPUNT, "Bench")) \
        is not None
    ran = time.perf_counter() - t
    view.viewport().repaint()
    app.processEvents()
    hits_settled = time.perf_counter() - t
    window.close()
    scale = "100 interviews, 20,000 codings"
    load = os.getloadavg()[0]
    return [
        {"name": f"gui scale: apply a code, transcript + stripes repainted ({scale}; "
                 f"{shown} codings in view), median of 20",
         "value": round(statistics.median(applies) * 1000, 1), "unit": "ms", "target": 16,
         "better": "lower"},
        {"name": "gui scale: apply a code, transcript + stripes repainted, best of 20",
         "value": round(min(applies) * 1000, 1), "unit": "ms", "target": None,
         "better": "lower"},
        {"name": f"gui scale: apply a code, every panel settled ({listed} fragments listed), "
                 "median of 20",
         "value": round(statistics.median(settled) * 1000, 1), "unit": "ms", "target": 50,
         "better": "lower"},
        {"name": "gui scale: apply a code, every panel settled, best of 20",
         "value": round(min(settled) * 1000, 1), "unit": "ms", "target": None,
         "better": "lower"},
        {"name": "gui scale: code 500 search hits as one command, run (core)",
         "value": round(ran * 1000, 1), "unit": "ms", "target": None, "better": "lower"},
        {"name": "gui scale: code 500 search hits as one command, every panel settled",
         "value": round(hits_settled * 1000, 1), "unit": "ms", "target": 150,
         "better": "lower"},
        {"name": "gui scale: machine load average while measuring (2 cores, shared)",
         "value": round(load, 1), "unit": "", "target": None, "better": "lower"},
    ]

if __name__ == "__main__":
    import json
    import tempfile

    print(json.dumps(run(Path(tempfile.mkdtemp())), indent=1))
