"""The merge dialog's mapping page: a student renamed codes; the lead sees them listed with a
suggestion, changes one, merges, and finds the student's fragments on the chosen codes."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from app import i18n, ops
from app.i18n import parse_ts
from app.panels import out_common
from app.panels.merge_dialog import MergeDialog
from coding.project import Project
from coding.types import SegmentFilter
from tests.app.test_panels_analysis import CODINGS, build_project, make_host
from tests.helpers import venv_tool

REPO = Path(__file__).resolve().parents[2]


def settled(qtbot, dialog: MergeDialog) -> None:  # type: ignore[no-untyped-def]
    """Wait until the worker's progress dialog is cleaned up, so no signal outlives the test."""
    qtbot.waitUntil(lambda: not dialog.findChildren(QProgressDialog), timeout=15000)


def renamed_student(folder: Path) -> Path:
    """Tim's project with two codes renamed: one close to ours, one nothing like it."""
    path = build_project(folder, "tim.duiding", codings=[c for c in CODINGS if c[4] == "Tim"])
    with Project.open(path) as p:
        p.codes.update(p.codes.by_path("toegang/wachttijd").id, name="Wachttijden")
        p.codes.update(p.codes.by_path("toegang/informatie").id, name="uitleg over hulp")
    return path


def tims(project: Project) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((s.text, tuple(s.codes))
                  for s in project.segments.query(SegmentFilter(coders=("Tim",))))


def test_mapping_page_suggests_lets_the_user_choose_and_merges_as_one_step(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    lead = build_project(tmp_path / "lead", codings=[c for c in CODINGS if c[4] == "Sanne"])
    other = renamed_student(tmp_path / "tim")
    h = make_host(qtbot, lead)
    project = h.ctx.project
    codes_before = [c.path for c in project.codes.tree()]
    dialog = MergeDialog(h.ctx, h.window)
    dialog.show()
    dialog.add_files([other])
    assert dialog.next_button.isVisible() and not dialog.merge_button.isVisible()
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 1 and dialog.merge_button.isVisible()
    table = dialog.mapping_table
    assert table.paths == ["toegang/Wachttijden", "toegang/uitleg over hulp"]
    assert [table.item(r, 2).text() for r in range(2)] == ["1", "1"]  # Tim's fragments
    assert table.item(0, 1).text() == "tim.duiding"
    wacht, uitleg = table.combo("toegang/Wachttijden"), table.combo("toegang/uitleg over hulp")
    assert wacht.currentText() == "toegang/wachttijd"  # a similar name
    assert "similar name (90%)" in wacht.toolTip()
    assert uitleg.currentText() == "Create new code" and uitleg.currentData() is None
    assert uitleg.count() == len(codes_before) + 1
    uitleg.setCurrentIndex(uitleg.findText("toegang/informatie"))  # the lead knows better

    dialog.merge_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=15000)
    assert dialog.report.codings_mapped == 2
    assert tims(project) == [
        ("De school werkte goed samen", ("samenwerking/school en jeugdhulp",)),
        ("Het duurde lang voordat er iemand kwam", ("toegang/informatie",)),
        ("Ik moest steeds opnieuw mijn verhaal vertellen", ("wisselingen/opnieuw vertellen",)),
        ("We wachtten heel lang op hulp", ("toegang/wachttijd",)),
    ]
    assert [c.path for c in project.codes.tree()] == codes_before  # no near-duplicates
    assert "2 codes onto existing codes, 2 codings" in dialog.result_view.toPlainText()
    assert dialog.pages.currentIndex() == 0 and dialog.files.count() == 0
    assert h.ctx.undo_stack.count() == 1
    h.ctx.undo_stack.undo()
    assert tims(project) == []
    h.ctx.undo_stack.redo()
    assert len(tims(project)) == 4

    # Again: the page now pre-fills the lead's earlier choice; merging it adds nothing.
    dialog.add_files([other])
    dialog.next_button.click()
    assert dialog.mapping_table.combo("toegang/uitleg over hulp").currentText() == \
        "toegang/informatie"
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: dialog.merge_button.isEnabled() and dialog.files.count() == 0,
                    timeout=15000)
    assert not dialog.report.changed and h.ctx.undo_stack.count() == 1
    assert len(tims(project)) == 4
    settled(qtbot, dialog)
    ops.wait_all()
    h.ctx.close()


def test_when_every_code_matches_next_merges_at_once(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lead = build_project(tmp_path / "lead", codings=[c for c in CODINGS if c[4] == "Sanne"])
    other = build_project(tmp_path / "tim", "tim.duiding",
                          codings=[c for c in CODINGS if c[4] == "Tim"])
    h = make_host(qtbot, lead)
    dialog = MergeDialog(h.ctx, h.window)
    dialog.add_files([other, tmp_path / "weg.duiding"])
    assert dialog.next_page() is None  # a missing file: a message, nothing merged
    box = dialog.findChild(QMessageBox, "errorBox")
    assert box is not None
    assert "weg.duiding" in box.text() + box.informativeText()
    assert h.ctx.undo_stack.count() == 0
    dialog.files.takeItem(1)
    task = dialog.next_page()
    assert task is not None and dialog.pages.currentIndex() == 0
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=15000)
    assert dialog.report.segments_added == 4 and dialog.report.codings_mapped == 0
    settled(qtbot, dialog)
    ops.wait_all()
    h.ctx.close()


def test_every_mapping_string_has_a_dutch_translation(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    generated = tmp_path / "extracted.ts"
    subprocess.run([venv_tool("pyside6-lupdate"), "-silent", str(REPO / "app/panels/merge_dialog.py"),
                    "-ts", str(generated)], check=True, capture_output=True, timeout=120)
    extracted = {(c.findtext("name"), m.findtext("source"))
                 for c in ET.parse(generated).getroot().iter("context")
                 for m in c.iter("message")}
    assert ("MappingTable", "Create new code") in extracted
    table = parse_ts(out_common.TS_FILE)
    missing = {key for key in extracted if not table.get(key)}  # type: ignore[call-overload]
    assert not missing
    i18n.install(QCoreApplication.instance(), "nl")
    try:
        assert QCoreApplication.translate("MappingTable", "Create new code") == \
            "Nieuwe code maken"
    finally:
        i18n.install(QCoreApplication.instance(), "en")
