"""Quit promptly: the `duiding` process ends within 2 s of its window closing, whatever it had
loaded (deduce's ~1 GB of lookup tables after a detection run) or was still doing (a large
import on the writer thread, which is rolled back, not half-done).

Each test starts a real process the way `duiding PROJECT` starts (run_gui(exit_process=True)),
drives it from inside with timers, and measures from the moment the window closes to the moment
the process is gone.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from coding import locations
from coding.project import Project
from importers.batch import import_paths

REPO = Path(__file__).resolve().parents[2]
LIMIT_S = 2.0
CLOSE_WAIT_S = 300  # start, open, (detect with deduce), close: minutes at most, even loaded

DRIVER = textwrap.dedent('''
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(["duiding"])
    from app import gui_main, ops
    from app.import_dialog import start_import
    from app.main_window import MainWindow
    from coding.pseudonymise import service

    project, mode, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])

    def close(window):
        print(f"CLOSE {time.time():.3f}", flush=True)
        window.close()

    def begin():
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        if window.ctx.project is None:  # still opening
            QTimer.singleShot(100, begin)
            return
        if mode == "detect":  # what the pseudonymisation dialog runs, deduce included
            ops.run_task(lambda p, c: service.detect(window.ctx.project, use_deduce=True),
                         parent=window, show_progress=False, writer=False,
                         on_done=lambda found: (print("FOUND", len(found), flush=True),
                                                close(window)))
        else:  # a large import still running on the writer thread
            start_import(window.ctx, window, [folder])
            QTimer.singleShot(700, lambda: close(window))

    QTimer.singleShot(300, begin)
    gui_main.run_gui([project], exit_process=True)
    print("NOT REACHED", flush=True)
''')

TEXT = ("Interviewer: Hoe ging het met de hulp?\n\nMoeder: "
        + "Marieke Jansen van het wijkteam belde ons pas na zeven maanden terug. "
          "Op De Regenboog in Westerveen merkten ze niets. " * 8 + "\n")


@dataclass
class Child:
    """What the driven `duiding` process did: its stdout, how long it lived after its window
    closed, and everything it left to explain a failure."""

    out: str
    ended: float
    report: str


def _child_report(proc: subprocess.Popen[str], lines: list[str], stderr: Path) -> str:
    """The child's exit code, stdout, stderr and the end of its logs (its own user folders:
    conftest points XDG_STATE_HOME at the test's home), for the failure message."""
    logs = locations.log_dir()
    parts = [f"exit code {proc.returncode}", "stdout:\n" + "".join(lines),
             "stderr:\n" + stderr.read_text(encoding="utf-8", errors="replace")]
    for name, keep in (("duiding.log", 40), ("fatal.log", 200)):
        log = logs / name
        if log.exists():
            tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-keep:]
            parts.append(f"{name}:\n" + "\n".join(tail))
    return "\n".join(parts)


def _run(tmp_path: Path, mode: str, files: int) -> Child:
    folder = tmp_path / "transcripten"
    folder.mkdir()
    for i in range(files):
        (folder / f"R{i:03d}_ouder.txt").write_text(TEXT.replace("zeven", str(i)),
                                                   encoding="utf-8")
    path = tmp_path / "stoppen.duiding"
    with Project.create(path, coder="Tester") as project:
        if mode == "detect":
            import_paths(project, [folder])
    settings = tmp_path / "settings"
    settings.mkdir()
    (settings / "duiding.ini").write_text("[General]\ncoder=Tester\n", encoding="utf-8")
    (tmp_path / "driver.py").write_text(DRIVER, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DUIDING_SETTINGS_DIR": str(settings),
           "PYTHONPATH": str(REPO)}
    # stderr goes to a file: a pipe nobody reads while waiting for the CLOSE line and the exit
    # could fill up and stop the child mid-write, which would look like a slow quit
    stderr = tmp_path / "child.stderr"
    with stderr.open("w", encoding="utf-8") as err:
        proc = subprocess.Popen([sys.executable, str(tmp_path / "driver.py"), str(path), mode,
                                 str(folder)], cwd=REPO, env=env, stdout=subprocess.PIPE,
                                stderr=err, text=True)
    lines: list[str] = []
    closed = threading.Event()
    closed_at = [0.0]

    def read_stdout() -> None:  # the CLOSE line is the start of the clock: read as it comes
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("CLOSE") and not closed.is_set():
                closed_at[0] = time.time()
                closed.set()
            lines.append(line)

    reader = threading.Thread(target=read_stdout, daemon=True)
    reader.start()
    try:
        deadline = time.time() + CLOSE_WAIT_S
        while not closed.wait(0.1) and time.time() < deadline:
            if proc.poll() is not None:  # ended early: let the reader see its last lines
                reader.join(timeout=10)
                break
        if not closed.is_set():
            raise AssertionError("the window never closed\n" + _finish(proc, reader, lines,
                                                                          stderr))
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            raise AssertionError("the process did not end within 60 s of its window closing\n"
                                 + _finish(proc, reader, lines, stderr)) from None
        ended = time.time() - closed_at[0]
    finally:
        if proc.poll() is None:
            proc.kill()  # never leave it behind, even when the test fails
    report = _finish(proc, reader, lines, stderr)
    assert proc.returncode == 0, report
    return Child("".join(lines), ended, report)


def _finish(proc: subprocess.Popen[str], reader: threading.Thread, lines: list[str],
            stderr: Path) -> str:
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    reader.join(timeout=10)
    return _child_report(proc, lines, stderr)


def test_quits_within_2_s_after_a_detection_run_with_deduce(tmp_path: Path) -> None:
    child = _run(tmp_path, "detect", 3)
    assert "FOUND" in child.out and "NOT REACHED" not in child.out, child.report
    assert child.ended < LIMIT_S, (f"the process lived {child.ended:.2f} s after its window "
                                   f"closed\n{child.report}")
    with Project.open(tmp_path / "stoppen.duiding") as project:  # closed cleanly, lock released
        assert len(project.documents.list()) == 3


def test_quits_within_2_s_during_a_large_import_and_leaves_nothing_half_done(
        tmp_path: Path) -> None:
    child = _run(tmp_path, "import", 400)
    assert "NOT REACHED" not in child.out, child.report
    assert child.ended < LIMIT_S, (f"the process lived {child.ended:.2f} s after its window "
                                   f"closed\n{child.report}")
    # Quitting cancels the import; as with Cancel, the files stored so far stay (each file is
    # its own transaction, importers/batch.py) and every one of them is whole.
    with Project.open(tmp_path / "stoppen.duiding") as project:
        docs = project.documents.list()
        assert len(docs) < 400  # it was stopped, not waited for
        for doc in docs:
            source = (tmp_path / "transcripten" / doc.name).read_text(encoding="utf-8")
            assert project.documents.text(doc.id) == source
            assert len(project.documents.turns(doc.id)) == 2
