"""The memo editor with real keystrokes: saved as typed (debounced), one undo step per burst,
formatting stored as Markdown, references inserted, and nothing acknowledged lost on kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.context import ProjectContext
from app.memo_editor import MemoEditor
from coding.memo_text import parse, reference
from coding.memos import MemoTarget
from coding.project import Project
from tests.helpers import project_with

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def editor(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    project, _docs = project_with(tmp_path, ("a.txt", "Moeder: We wachtten lang.", {}))
    ctx = ProjectContext()
    ctx.show_errors = False
    ctx.set_project(project)
    ed = MemoEditor(ctx)
    qtbot.addWidget(ed)
    ed.show()
    ed.activateWindow()
    qtbot.waitUntil(ed.isActiveWindow)  # shortcuts (Ctrl+B) work in the active window
    target = MemoTarget(code_id=project.codes.by_path("toegang").id)
    ed.set_target(target, "toegang")
    ed.edit.setFocus()
    yield ed
    ctx.close()


def test_typing_is_saved_after_a_pause_as_one_undo_step_per_burst(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    project, target, stack = editor.ctx.project, editor.target, editor.ctx.undo_stack
    qtbot.keyClicks(editor.edit, "Wachten is het knelpunt.")
    assert project.memos.get(target) == ""  # not yet: the writer has not paused
    assert editor.status.text() != "Saved" and stack.count() == 0
    with qtbot.waitSignal(editor.saved, timeout=5000):
        pass
    assert project.memos.get(target) == "Wachten is het knelpunt."
    assert stack.count() == 1 and editor.status.text() == "Saved"
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.edit, "Ook bij de GGZ.")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        pass
    assert project.memos.get(target) == "Wachten is het knelpunt.\n\nOok bij de GGZ."
    assert stack.count() == 2
    # Ctrl+Z in the editor undoes the last burst on the project's stack and shows it.
    qtbot.keyClick(editor.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.memos.get(target) == "Wachten is het knelpunt."
    assert editor.edit.toPlainText() == "Wachten is het knelpunt."
    qtbot.keyClick(editor.edit, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.edit.toPlainText() == "Wachten is het knelpunt.\nOok bij de GGZ."


def test_undo_before_the_pause_saves_the_burst_first(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    project, target = editor.ctx.project, editor.target
    qtbot.keyClicks(editor.edit, "Eerste versie.")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.memos.get(target) == ""  # saved as one step, then that step undone
    assert editor.edit.toPlainText() == ""
    editor.ctx.undo_stack.redo()
    assert editor.edit.toPlainText() == "Eerste versie."


def test_bold_italic_and_lists_are_stored_as_markdown(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(editor.edit, "Kern: ")
    qtbot.keyClick(editor.edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.edit, "wachten")
    qtbot.keyClick(editor.edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.edit, " en ")
    qtbot.keyClick(editor.edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.edit, "bellen")
    qtbot.keyClick(editor.edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    editor.bullets.trigger()
    qtbot.keyClicks(editor.edit, "geen contact")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.edit, "geen brief")
    editor.flush()
    stored = editor.ctx.project.memos.get(editor.target)
    assert stored == "Kern: **wachten** en *bellen*\n\n- geen contact\n- geen brief"
    assert [b.kind for b in parse(stored)] == ["paragraph", "bullet", "bullet"]


def test_a_fragment_reference_is_inserted_as_its_own_paragraph(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(editor.edit, "Zie:")
    guid = "0F8FAD5B-D9CB-469F-A165-70867728950E"
    editor.insert_reference(guid, "We wachtten [lang]")
    qtbot.keyClicks(editor.edit, "Daarna.")
    editor.flush()
    stored = editor.ctx.project.memos.get(editor.target)
    assert stored == f"Zie:\n\n{reference(guid, 'We wachtten [lang]')}\n\nDaarna."
    assert parse(stored)[1].is_reference_only


def test_the_editor_reads_back_what_the_command_line_wrote(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    memo = ("Ouders noemen de **wachttijd**, *vooral* bij _Meerstroom_.\n\n- een\n  - genest\n"
            "- twee\n\n1. eerst\n2. dan\n\n" + reference("abc-1", "citaat") + "\n\nEinde.")
    editor.edit.setMarkdown(memo)
    assert parse(editor.markdown()) == parse(memo)  # Qt's dialect is our subset


SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from app.context import ProjectContext
from app.memo_editor import MemoEditor
from coding.memos import MemoTarget
from coding.project import Project
app = QApplication([])
ctx = ProjectContext()
ctx.set_project(Project.open(sys.argv[1]))
editor = MemoEditor(ctx)
editor.show()
editor.set_target(MemoTarget(code_id=ctx.project.codes.by_path("toegang").id), "toegang")
editor.saved.connect(lambda text: print("saved " + text, flush=True))
QTest.keyClicks(editor.edit, "Wachten is het grootste knelpunt.")
app.exec()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_memo_survives_kill_9_once_the_editor_said_saved(tmp_path: Path) -> None:
    path = tmp_path / "studie.duiding"
    Project.create(path).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(path)], stdout=subprocess.PIPE,
                            text=True, cwd=REPO, env=env)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "saved Wachten is het grootste knelpunt."
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert (tmp_path / "studie.duiding-wal").exists()  # killed before any checkpoint
    with Project.open(path) as again:
        toegang = MemoTarget(code_id=again.codes.by_path("toegang").id)
        assert again.memos.get(toegang) == "Wachten is het grootste knelpunt."


def test_a_reference_after_a_list_is_a_paragraph_not_an_item(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    editor.edit.setMarkdown("Kern.\n\n- een\n- twee")
    editor.edit.moveCursor(editor.edit.textCursor().MoveOperation.End)
    editor.insert_reference("abc-1", "citaat")
    editor.flush()
    stored = editor.ctx.project.memos.get(editor.target)
    assert stored == "Kern.\n\n- een\n- twee\n\n[citaat](fragment:abc-1)"
    assert [b.kind for b in parse(stored)] == ["paragraph", "bullet", "bullet", "paragraph"]
