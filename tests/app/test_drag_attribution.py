"""Issue #12, seen 2: a passage dragged with the mouse from the very start of a turn is stored
without its speaker label, attributed to the respondent (real widget, real mouse events)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

from coding.types import SegmentFilter, SpeakerRole
from tests.app.conftest import import_files

TRANSCRIPT = (
    "I: Hoe komen gezinnen bij jullie binnen?\n\n"
    "R: Eh, de meeste gezinnen komen via het Sociaal Team. Soms via de school.\n\n"
    "I: Wat doen jullie dan?\n\n"
    "R: We gaan eerst op huisbezoek.\n"
)


def _point(view: QPlainTextEdit, qt_pos: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_pos)
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def drag(qtbot, view: QPlainTextEdit, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Press at `start`, move to `end` with the button held, release: a real mouse selection."""
    vp = view.viewport()
    a, b = _point(view, start), _point(view, end)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, 6):
        qtbot.mouseMove(vp, a + (b - a) * (i / 5))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=b)


def code_dragged(qtbot, window, doc_name: str, start: int, end: int):  # type: ignore[no-untyped-def]
    project = window.ctx.project
    doc = project.documents.by_name(doc_name)
    window.coding.open_document(doc.id)
    view = window.view
    view.centerCursor()
    view.select_cp(start, start, center=True)
    drag(qtbot, view, view.offsets.to_qt(start), view.offsets.to_qt(end))
    assert view.textCursor().hasSelection()
    code = project.codes.by_path("toegang")
    window.coding.apply_codes([code.id])
    return project.segments.query(SegmentFilter(document_ids=(doc.id,)))


def test_drag_from_the_start_of_a_turn_codes_the_respondent_words(qtbot, window,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "files" / "R02_hulpverlener.txt"
    path.parent.mkdir()
    path.write_text(TRANSCRIPT, encoding="utf-8")
    window.create_project(tmp_path / "studie.duiding", "jeugdhulp")
    import_files(qtbot, window, [path])
    label = TRANSCRIPT.index("R: Eh")
    end = TRANSCRIPT.index(" Soms")
    segs = code_dragged(qtbot, window, path.name, label, end)
    assert [s.text for s in segs] == ["Eh, de meeste gezinnen komen via het Sociaal Team."]
    assert segs[0].speaker == "R"
    assert segs[0].speaker_role == SpeakerRole.RESPONDENT


def test_drag_on_the_shared_corpus(qtbot, window, tmp_path: Path, corpus_dir: Path) -> None:
    source = corpus_dir / "R07_intern_begeleider_DM_2023.txt"
    window.create_project(tmp_path / "studie.duiding", "jeugdhulp")
    import_files(qtbot, window, [source])
    project = window.ctx.project
    doc = project.documents.by_name(source.name)
    text = project.documents.text(doc.id)
    turn = next(t for t in project.documents.turns(doc.id) if t.role == SpeakerRole.RESPONDENT)
    line = text.rfind("\n", 0, turn.start) + 1  # the very start of the line: the label
    assert text[line:turn.start].strip().endswith(":")
    end = text.index(" ", turn.start + 40)
    segs = code_dragged(qtbot, window, source.name, line, end)
    assert len(segs) == 1
    assert segs[0].start == turn.start
    assert segs[0].text == text[turn.start:end]
    assert segs[0].speaker == turn.speaker and segs[0].speaker_role == SpeakerRole.RESPONDENT


def test_drag_across_turns_codes_each_speaker_apart_in_one_undo_step(qtbot, window,
                                                                      tmp_path: Path) -> None:
    path = tmp_path / "files" / "R02_hulpverlener.txt"
    path.parent.mkdir()
    path.write_text(TRANSCRIPT, encoding="utf-8")
    window.create_project(tmp_path / "studie.duiding", "jeugdhulp")
    import_files(qtbot, window, [path])
    start = TRANSCRIPT.index("Soms via")
    end = TRANSCRIPT.index("jullie dan?") + len("jullie")
    segs = code_dragged(qtbot, window, path.name, start, end)
    assert [(s.text, s.speaker) for s in segs] == [("Soms via de school.", "R"),
                                                   ("Wat doen jullie", "I")]
    assert all("I:" not in s.text and "\n" not in s.text for s in segs)
    assert len(window.view.stripe_model.bars_for_segment(segs[1].id)) == 1  # both painted
    window.ctx.undo_stack.undo()
    assert window.ctx.project.segments.query(SegmentFilter()) == []
    assert window.view.segments == []


def test_a_label_alone_is_not_coded(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "files" / "R02_hulpverlener.txt"
    path.parent.mkdir()
    path.write_text(TRANSCRIPT, encoding="utf-8")
    window.create_project(tmp_path / "studie.duiding", "jeugdhulp")
    import_files(qtbot, window, [path])
    label = TRANSCRIPT.index("I: Wat")
    segs = code_dragged(qtbot, window, path.name, label, label + 2)
    assert segs == []
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and "label" in box.text().lower() + box.informativeText().lower()
    box.accept()
