"""REFI-QDA in the GUI: the export options, the import report, and code/document groups in the
panels that show codes and documents (driven as a user would, on real project files)."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app import ops
from app.code_panel import CodeTreePanel
from app.document_list import DocumentListPanel
from app.i18n import parse_ts
from app.panels import groups
from app.panels.export_dialog import ExportDialog
from app.panels.refi import ImportReportDialog, import_qdpx
from coding.commands import ApplyCodes, UpdateCode
from coding.groups import GroupKind
from coding.project import Project
from coding.types import Valence
from tests.app.test_panels_analysis import Host, make_host
from tests.helpers import EMOJI_TEXT, pseudonymise, transcript, venv_tool

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "refi_nl.ts"
CODEBOOK = [{"name": "toegang", "children": [{"name": "overig"}]},
            {"name": "nazorg", "children": [{"name": "overig"}]}]


@pytest.fixture
def env(qtbot, tmp_path: Path) -> Iterator[Host]:  # type: ignore[no-untyped-def]
    path = tmp_path / "studie.duiding"
    with Project.create(path, codebook=CODEBOOK, coder="Sanne") as p:
        doc = p.documents.add_transcript(transcript("R01.txt", EMOJI_TEXT))
        start = EMOJI_TEXT.index("zoektocht")
        p.execute(ApplyCodes(doc, start, start + len("zoektocht"),
                             [p.codes.by_path("nazorg/overig").id], Valence.AANDACHTSPUNT))
        pseudonymise(p)  # before exporting, as a researcher does
    h = make_host(qtbot, path)
    yield h
    ops.wait_all()
    h.ctx.close()


def test_export_dialog_offers_unique_names_and_nvivo_positions(qtbot, env: Host,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path) -> None:
    dialog = ExportDialog(env.ctx, env.window)
    dialog.set_format("word")
    assert not dialog.refi.isVisibleTo(dialog)
    dialog.set_format("qdpx")
    assert dialog.refi.isVisibleTo(dialog) and dialog.refi.positions.isVisibleTo(dialog)
    assert dialog.refi.qualified.isChecked()  # offered, because 'overig' occurs twice
    assert "overig (toegang/overig, nazorg/overig)" in dialog.refi.names_note.text()
    dialog.refi.positions.setCurrentIndex(dialog.refi.positions.findData("utf16"))
    dest = tmp_path / "nvivo.qdpx"
    dialog.output.setText(str(dest))
    task = dialog.start()
    assert task is not None
    qtbot.waitUntil(task.is_finished, timeout=20000)
    qde = zipfile.ZipFile(dest).read("project.qde").decode()
    assert "positions: UTF-16 code units" in qde
    assert 'name="nazorg/overig"' in qde and 'name="toegang/overig"' in qde
    dialog.set_format("qdc")
    assert dialog.refi.isVisibleTo(dialog) and not dialog.refi.positions.isVisibleTo(dialog)


def test_import_report_names_what_was_not_kept(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    g = [f"{i:08x}-0000-4000-8000-{i:012x}" for i in range(10)]
    qde = (f'<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="NVivo 14">'
           f'<Sources><TextSource guid="{g[1]}" name="a.txt" plainTextPath="internal://{g[1]}.txt"/>'
           f'<VideoSource guid="{g[2]}" name="gesprek.mp4" path="internal://{g[2]}.mp4"/>'
           f'</Sources><Notes><Note guid="{g[4]}" name="Leeg"/>'
           f'<Note guid="{g[5]}" name="Over a"><PlainTextContent>Goed gesprek.</PlainTextContent>'
           f'</Note></Notes><Links><Link guid="{g[6]}" originGUID="{g[5]}" targetGUID="{g[1]}"/>'
           f'</Links></Project>')
    path = tmp_path / "nvivo.qdpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", qde)
        zf.writestr(f"sources/{g[1]}.txt", "Tekst.")
    opened: list[object] = []
    env.ctx.project_changed.connect(lambda: opened.append(env.ctx.project))
    task = import_qdpx(env.host, path, tmp_path / "nvivo")
    qtbot.waitUntil(task.is_finished, timeout=20000)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    report = next(d for d in env.window.findChildren(ImportReportDialog))
    text = report.view.toPlainText()
    assert "1 × video: Duiding works with text only — for example “gesprek.mp4”" in text
    assert "1 × memos: the memo has no text — for example “Leeg”" in text
    assert "Where the memos went" in text and "1 on documents" in text


def test_code_groups_from_the_code_tree_menu_with_undo(qtbot, env: Host) -> None:  # type: ignore[no-untyped-def]
    panel = CodeTreePanel(env.ctx)
    qtbot.addWidget(panel)
    panel._reload()
    p = env.ctx.project
    toegang, nazorg = p.codes.by_path("toegang").id, p.codes.by_path("nazorg").id
    panel.select_code(toegang)
    menu = panel.build_menu()
    sub = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "Code groups")
    made = groups.new_group(panel, env.ctx, GroupKind.CODE, panel.selected(), name="Kernthema's")
    assert made is not None
    (group,) = p.groups.list(GroupKind.CODE)
    assert group.members == (toegang,)
    tip = panel.model.data(panel.model.index_of(toegang), Qt.ItemDataRole.ToolTipRole)
    assert "Groups: Kernthema's" in tip
    panel.select_code(nazorg)  # add a second code through the menu's check mark
    sub = next(a.menu() for a in panel.build_menu().actions() if a.menu()
               and a.text() == "Code groups")
    action = next(a for a in sub.actions() if a.text() == "Kernthema's")
    assert action.isCheckable() and not action.isChecked()
    action.trigger()
    assert p.groups.list(GroupKind.CODE)[0].members == (toegang, nazorg)
    env.ctx.undo_stack.undo()
    assert p.groups.list(GroupKind.CODE)[0].members == (toegang,)
    env.ctx.undo_stack.undo()
    assert p.groups.list(GroupKind.CODE) == []
    env.ctx.undo_stack.redo()
    assert p.groups.list(GroupKind.CODE)[0].name == "Kernthema's"


def test_a_folder_is_shown_as_one_and_cannot_be_applied(qtbot, env: Host) -> None:  # type: ignore[no-untyped-def]
    panel = CodeTreePanel(env.ctx)
    qtbot.addWidget(panel)
    p = env.ctx.project
    nazorg = p.codes.by_path("nazorg").id
    assert env.ctx.run(UpdateCode(nazorg, is_codable=False)) is not None
    index = panel.model.index_of(nazorg)
    assert panel.model.data(index, Qt.ItemDataRole.FontRole).italic()
    assert "receives no fragments" in panel.model.data(index, Qt.ItemDataRole.ToolTipRole)
    doc = p.documents.list()[0].id
    errors: list[BaseException] = []
    assert env.ctx.run(ApplyCodes(doc, 0, 5, [nazorg]), on_failed=errors.append) is None
    assert "folder" in str(errors[0])
    assert len(p.segments.query()) == 1


def test_document_groups_from_the_document_list(qtbot, env: Host) -> None:  # type: ignore[no-untyped-def]
    docs = DocumentListPanel(env.ctx)
    qtbot.addWidget(docs)
    docs.reload()
    docs.view.selectAll()
    selected = [d.id for d in docs.selected_documents()]
    menu = groups.group_menu(docs, env.ctx, GroupKind.DOCUMENT, selected)
    assert menu.title() == "Document groups"
    assert groups.new_group(docs, env.ctx, GroupKind.DOCUMENT, selected, name="Ouders")
    names = env.ctx.project.groups.names_by_member(GroupKind.DOCUMENT)
    assert names == {selected[0]: ["Ouders"]}


def test_dutch_translation_covers_every_refi_string(tmp_path: Path) -> None:
    """lupdate extracts every string of these modules; each has a Dutch translation in
    refi_nl.ts that keeps its placeholders."""
    generated = tmp_path / "extracted.ts"
    sources = [str(REPO / "app" / "panels" / m) for m in ("refi.py", "refi_export.py",
                                                          "groups.py")]
    subprocess.run([venv_tool("pyside6-lupdate"), "-silent", *sources, "-ts", str(generated)],
                   check=True, capture_output=True, timeout=120)
    extracted = {(c.findtext("name"), m.findtext("source"))
                 for c in ET.parse(generated).getroot().iter("context") for m in c.iter("message")}
    assert len(extracted) > 60
    dutch = parse_ts(TS)
    assert extracted - set(dutch) == set()
    for (_ctx, source), nl in dutch.items():
        assert nl and re.findall(r"\{\w*\}", source) == re.findall(r"\{\w*\}", nl), source
