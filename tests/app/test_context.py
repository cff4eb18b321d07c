"""The one way in: `ProjectContext.run` runs a change once, in one transaction, puts it once on
the undo stack, broadcasts it once and shows a failure one way — in the foreground and on the
writer thread alike."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from app import ops
from app.context import ProjectContext
from coding.commands import (
    AddCode,
    ApplyCodes,
    Command,
    CommandCancelled,
    InVivoCode,
    Macro,
)
from coding.project import Project
from coding.types import Changes, CodeId
from tests.helpers import project_with

APP = Path(__file__).resolve().parents[2] / "app"
TEXT = "Interviewer: Hoe ging het?\n\nMoeder: We wachtten zeven maanden op hulp."


@pytest.fixture
def env(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    project, (doc,) = project_with(tmp_path, ("r1.txt", TEXT, {}))
    parent = QWidget()
    qtbot.addWidget(parent)
    ctx = ProjectContext()
    ctx.dialog_parent = parent
    ctx.set_project(project)
    broadcasts: list[Changes] = []
    ctx.changed.connect(broadcasts.append)
    yield ctx, project, doc, parent, broadcasts
    ops.wait_all()
    ctx.close()


def _boxes(parent: QWidget) -> list[QMessageBox]:
    return [b for b in parent.findChildren(QMessageBox) if b.objectName() == "errorBox"]


def _code_count(project: Project) -> int:
    return len(project.codes.tree())


class _Slow(Command):
    """Adds a code, reports progress from the worker thread, and can be cancelled."""

    kind = "add_code"

    def __init__(self) -> None:
        super().__init__()
        self.thread: threading.Thread | None = None
        self.add = AddCode("Traag")
        self.release = threading.Event()

    def do(self, p: Project) -> Changes:
        self.thread = threading.current_thread()
        with p.store.write():
            changes = self.add.do(p)
            self.report_progress(1, 2, "half")
            self.release.wait(10)
            self.check_cancelled()
        return changes

    def undo(self, p: Project) -> Changes:
        return self.add.undo(p)


class _Final(Command):
    kind = "confirm_pseudonyms"
    undoable = False

    def do(self, p: Project) -> Changes:
        p.set_info("final", "yes")
        return Changes(documents=True)

    def undo(self, p: Project) -> Changes:
        raise AssertionError("a final step is never undone")


def test_a_change_is_run_once_pushed_once_and_broadcast_once(env) -> None:  # type: ignore[no-untyped-def]
    ctx, project, doc, _parent, broadcasts = env
    code = project.codes.by_path("toegang").id
    changes = ctx.run(ApplyCodes(doc, 41, 48, [code]))
    assert changes is not None and doc in changes.segments
    assert len(project.segments.for_document(doc)) == 1
    assert ctx.undo_stack.count() == 1 and len(broadcasts) == 1
    ctx.undo_stack.undo()
    assert project.segments.for_document(doc) == [] and len(broadcasts) == 2
    ctx.undo_stack.redo()
    assert len(project.segments.for_document(doc)) == 1


def test_a_failing_change_is_shown_and_leaves_nothing(env, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx, project, doc, parent, broadcasts = env
    errors: list[BaseException] = []
    ctx.error.connect(errors.append)
    code = project.codes.by_path("toegang").id
    assert ctx.run(ApplyCodes(doc, 40, 4000, [code])) is None  # span outside the document
    assert ctx.undo_stack.count() == 0 and broadcasts == []
    assert len(errors) == 1
    box = _boxes(parent)[0]
    assert box.isVisible() and "outside the document" in box.informativeText()


def test_a_macro_is_one_transaction_a_failing_child_undoes_the_others(env) -> None:  # type: ignore[no-untyped-def]
    ctx, project, doc, _parent, _b = env
    before = _code_count(project)
    code = project.codes.by_path("toegang").id
    macro = Macro("code_search_hits", [AddCode("Nieuw thema"),
                                       ApplyCodes(doc, 41, 48, [code]),
                                       ApplyCodes(doc, 0, 99999, [code])])
    assert ctx.run(macro) is None
    assert _code_count(project) == before and project.segments.for_document(doc) == []
    assert ctx.undo_stack.count() == 0


def test_in_vivo_is_one_step_and_one_transaction(env) -> None:  # type: ignore[no-untyped-def]
    ctx, project, doc, _parent, _b = env
    before = _code_count(project)
    start = TEXT.index("zeven maanden")
    cmd = InVivoCode(doc, start, start + len("zeven maanden"), "zeven maanden")
    assert ctx.run(cmd) is not None
    assert project.codes.by_path("In vivo/zeven maanden").id == cmd.code_id
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert _code_count(project) == before and project.segments.for_document(doc) == []
    bad = InVivoCode(doc, 10, 99999, "te lang")
    assert ctx.run(bad) is None
    assert _code_count(project) == before  # the new code went with the failed coding


def test_background_runs_on_the_writer_thread_then_lands_once(env, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx, project, _doc, _parent, broadcasts = env
    cmd = _Slow()
    done: list[Changes] = []
    assert ctx.run(cmd, background=True, label="Traag…", on_done=done.append) is None
    assert ctx.busy and ctx.task is not None
    cmd.release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert cmd.thread is not threading.main_thread()
    assert not ctx.busy and ctx.undo_stack.count() == 1 and len(broadcasts) == 1
    assert project.codes.by_path("Traag")
    ctx.undo_stack.undo()
    with pytest.raises(Exception, match="Traag"):
        project.codes.by_path("Traag")


def test_a_change_while_a_background_one_runs_waits_its_turn(env, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx, project, doc, parent, _b = env
    cmd = _Slow()
    ctx.run(cmd, background=True)
    code = project.codes.by_path("toegang").id
    assert ctx.run(ApplyCodes(doc, 41, 48, [code])) is None
    box = _boxes(parent)[-1]
    assert box.text() == "This cannot be done right now."
    assert box.informativeText() == "Wait until the running task has finished."
    cmd.release.set()
    qtbot.waitUntil(lambda: not ctx.busy, timeout=10000)
    assert project.segments.for_document(doc) == []


def test_cancel_rolls_back_without_an_error_dialog(env, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx, project, _doc, parent, broadcasts = env
    before = _code_count(project)
    cmd = _Slow()
    failed: list[BaseException] = []
    ctx.run(cmd, background=True, on_failed=failed.append)
    assert ctx.task is not None
    ctx.task.cancel()
    cmd.release.set()
    qtbot.waitUntil(lambda: bool(failed), timeout=10000)
    assert isinstance(failed[0], CommandCancelled)
    assert _code_count(project) == before and ctx.undo_stack.count() == 0
    assert broadcasts == [] and _boxes(parent) == []


def test_a_final_step_clears_the_history_instead_of_joining_it(env) -> None:  # type: ignore[no-untyped-def]
    ctx, project, doc, _parent, _b = env
    ctx.run(ApplyCodes(doc, 41, 48, [CodeId(project.codes.by_path("toegang").id)]))
    assert ctx.undo_stack.count() == 1
    assert ctx.run(_Final()) is not None
    assert ctx.undo_stack.count() == 0 and project.info()["final"] == "yes"


def test_no_other_way_in_is_left_in_the_app() -> None:
    """The idioms this replaced must not come back: pushing a command that a worker already
    ran, committing a macro step by step, or a private push-and-show-error wrapper."""
    offenders = []
    for path in APP.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in (r"ctx\.push\(", r"push_done", r"_DoneInWorker", r"ctx\.macro\(",
                        r"undo_stack\.push\(", r"beginMacro", r"def notify\("):
            if re.search(pattern, text) and path.name != "context.py":
                offenders.append(f"{path.relative_to(APP)}: {pattern}")
        if path.name == "context.py":
            assert text.count("undo_stack.push(") == 1
    assert offenders == []
