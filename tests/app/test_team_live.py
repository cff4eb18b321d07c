"""Live team work in the workbench: a fragment another coder makes in another process appears in
this window's stripes and counts within a second, without a refresh; the status bar says which
server, database and role, and shows when the server connection is lost and back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from PySide6.QtWidgets import QLabel, QMessageBox

from app.about import AboutDialog
from coding.team import TeamManager
from tests.helpers import project_with
from tests.pg import Places

TEXT = ("Interviewer: Hoe lang moest u wachten op hulp?\n\n"
        "Ouder: Heel lang. De wachtlijst was lang en niemand belde ons terug.")
REPO = Path(__file__).resolve().parents[2]


def test_another_coders_fragment_appears_in_stripes_and_counts(qtbot, window,  # type: ignore[no-untyped-def]
                                                               server_places: Places) -> None:
    cluster = server_places.cluster
    assert cluster is not None
    lead, (doc,) = project_with(server_places, ("r1.txt", TEXT, {}))
    TeamManager(lead).add_user("anna", "codeur", password="anna-pw")
    cluster.remember("anna", "anna-pw")
    wachttijd = lead.codes.by_path("toegang/wachttijd").id
    lead.close()
    url = str(server_places.location("studie"))

    project = window.open_project(url)
    assert project is not None and project.is_server
    window.coding.open_document(doc)
    status = window.findChild(QLabel, "teamStatus")
    assert status.isVisible() and "127.0.0.1" in status.text() and "leider" in status.text()
    assert "project lead" in status.text() or "projectleider" in status.text()
    assert window.view.stripe_model.bars == []
    heard = []
    window.ctx.changed.connect(heard.append)

    start = TEXT.index("De wachtlijst was lang")
    script = textwrap.dedent(f"""
        from coding.commands import ApplyCodes
        from coding.project import Project
        with Project.open({url.replace('leider@', 'anna@')!r}) as p:
            p.execute(ApplyCodes({doc}, {start}, {start + len('De wachtlijst was lang')},
                                 [{wachttijd}]))
    """)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, timeout=60,
                   cwd=REPO)
    saved = time.monotonic()
    qtbot.waitUntil(lambda: bool(window.view.stripe_model.bars), timeout=5000)
    seen = time.monotonic() - saved
    (bar,) = window.view.stripe_model.bars
    assert bar.path == "toegang/wachttijd"
    qtbot.waitUntil(lambda: window.codes.model.index_of(wachttijd, 1).data() == 1, timeout=5000)
    assert seen < 1.0, f"the other coder's fragment took {seen:.2f} s to appear"
    assert window.ctx.undo_stack.count() == 0  # their work is not on our undo stack

    # Withdrawal of consent wipes a file: on a server it is one clear message, nothing removed.
    next(a for a in window.menu("project").actions()
         if a.objectName() == "withdrawAction").trigger()
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and "team project on a server" in box.informativeText() + box.text()
    box.close()
    assert window.view.stripe_model.bars != []

    # The connection to the server is cut: the status bar says offline, then online again.
    states: list[bool] = []
    window.ctx.online_changed.connect(states.append)
    with cluster.admin() as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE application_name LIKE %s", (project.store.tag + "%",))
    qtbot.waitUntil(lambda: states[-2:] == [False, True], timeout=10000)
    assert "online" in status.text()


def test_a_password_libpq_did_not_find_is_asked_and_kept_in_memory_only(  # type: ignore[no-untyped-def]
        qtbot, window, server_places: Places, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    lead, _docs = project_with(server_places, ("r1.txt", TEXT, {}))
    TeamManager(lead).add_user("pieter", "lezer", password="pieter-geheim")  # not in .pgpass
    lead.close()
    url = str(server_places.location("studie")).replace("leider@", "pieter@")
    answers = ["fout", "pieter-geheim"]
    prompts: list[str] = []

    def answer() -> None:  # polls until both answers are given, then stops (no stray timer)
        if not answers:
            return
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QInputDialog) and w.isVisible()), None)
        if dialog is not None:
            prompts.append(dialog.labelText())
            dialog.setTextValue(answers.pop(0))
            dialog.accept()
        QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    project = window.open_project(url)
    assert project is not None and project.server_info().role == "lezer"  # type: ignore[union-attr]
    assert answers == []
    assert "password" in prompts[0].lower() and "refused" in prompts[1].lower()
    window.settings.sync()  # the recent list and every other setting: no password
    assert "pieter-geheim" not in Path(window.settings.fileName()).read_text(encoding="utf-8")
    assert url in str(window.settings.value("recent"))
    about = AboutDialog(project)  # the About window names the server project, not its password
    qtbot.addWidget(about)
    shown = "\n".join(label.text() for label in about.findChildren(QLabel))
    assert url in shown and "geheim" not in shown + about.details()
