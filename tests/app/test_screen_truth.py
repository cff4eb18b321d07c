"""What the screen shows is what the project holds: after pseudonymisation and its undo, after a
merge-like bulk change and after another process's write, the open transcript shows the stored
text and every highlight and stripe sits on the words the project says it codes."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtGui import QTextCursor

from coding.commands import ApplyCodes
from coding.pseudonymise import service
from coding.pseudonymise.service import ApplyPseudonyms
from coding.types import Valence
from tests.app.conftest import import_files
from tests.helpers import venv_tool

TRANSCRIPT = (
    "Interviewer: Wie hielp jullie in het begin?\n\n"
    "Moeder: Eerst Marieke Jansen van het wijkteam, daarna Marieke alleen nog via de mail. "
    "De wachtlijst was lang, zeven maanden.\n\n"
    "Interviewer: En op school?\n\n"
    "Moeder: Op De Regenboog luisterde juf Annelies wel. Marieke Jansen belde haar een keer, "
    "dat hielp echt.\n"
)
QUOTES = [
    ("De wachtlijst was lang, zeven maanden.", "toegang/wachttijd", Valence.AANDACHTSPUNT),
    ("luisterde juf Annelies wel", "aansluiting/relatie", Valence.POSITIEF),
    ("Marieke Jansen belde haar een keer, dat hielp echt.", "samenwerking", Valence.POSITIEF),
]


def _highlights(view) -> list[str]:  # type: ignore[no-untyped-def]
    """The words under every coding highlight, as the user sees them."""
    return sorted(sel.cursor.selectedText() for sel in view.extraSelections())


def _stripe_words(view) -> list[str]:  # type: ignore[no-untyped-def]
    """The words each coding stripe spans (the bars hold Qt positions in the shown text)."""
    out = []
    for bar in view.stripe_model.bars:
        cursor = QTextCursor(view.document())
        cursor.setPosition(bar.start)
        cursor.setPosition(bar.end, QTextCursor.MoveMode.KeepAnchor)
        out.append(cursor.selectedText())
    return sorted(out)


def _stored(project, doc_id) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(s.text for s in project.segments.for_document(doc_id))


def _assert_screen_is_project(window, project, doc_id) -> None:  # type: ignore[no-untyped-def]
    view = window.view
    assert view.toPlainText() == project.documents.text(doc_id)
    assert _highlights(view) == _stored(project, doc_id)
    assert _stripe_words(view) == _stored(project, doc_id)
    words = project.documents.get(doc_id).words
    assert window.coding_area.doc_label.text().split("·")[-1].strip().startswith(str(words))


def _project_with_codings(qtbot, window, tmp_path: Path):  # type: ignore[no-untyped-def]
    source = tmp_path / "files" / "R07_moeder.txt"
    source.parent.mkdir()
    source.write_text(TRANSCRIPT, encoding="utf-8")
    project = window.create_project(tmp_path / "waarheid.duiding", "jeugdhulp")
    import_files(qtbot, window, [source])
    doc = project.documents.list()[0]
    window.coding.open_document(doc.id)
    for quote, path, valence in QUOTES:
        start = TRANSCRIPT.index(quote)
        window.ctx.run(ApplyCodes(doc.id, start, start + len(quote),
                                  [project.codes.by_path(path).id], valence))
    return project, doc


def test_pseudonymisation_and_its_undo_reload_the_open_transcript(qtbot, window,
                                                                  tmp_path: Path) -> None:
    project, doc = _project_with_codings(qtbot, window, tmp_path)
    before = window.view.toPlainText()
    _assert_screen_is_project(window, project, doc.id)
    window.view.verticalScrollBar().setValue(0)

    service.add_names(project, ["Marieke Jansen", "Annelies"])
    entities = service.detect(project, use_deduce=False)
    assert window.ctx.run(ApplyPseudonyms(entities)) is not None
    shown = window.view.toPlainText()
    assert "Marieke" not in shown and "Annelies" not in shown  # the names are gone on screen
    _assert_screen_is_project(window, project, doc.id)
    assert any(h.endswith("belde haar een keer, dat hielp echt.") and "Marieke" not in h
               for h in _highlights(window.view))

    window.ctx.undo_stack.undo()  # Ctrl+Z: the names are back, and the highlights with them
    assert window.view.toPlainText() == before
    _assert_screen_is_project(window, project, doc.id)
    assert "Marieke Jansen belde haar een keer, dat hielp echt." in _highlights(window.view)

    window.ctx.undo_stack.redo()
    assert "Marieke" not in window.view.toPlainText()
    _assert_screen_is_project(window, project, doc.id)


def test_a_read_only_window_follows_another_process_that_writes(qtbot, window,
                                                                tmp_path: Path) -> None:
    project, doc = _project_with_codings(qtbot, window, tmp_path)
    path = project.path
    window.ctx.close()
    # This window now watches read-only; the real `duiding` command line writes.
    reader = window.open_project(path, readonly=True)
    assert reader is not None and window.ctx.readonly
    window.coding.open_document(doc.id)
    assert len(window.view.extraSelections()) == len(QUOTES)
    quote = "Eerst Marieke Jansen van het wijkteam"
    done = subprocess.run(
        [venv_tool("duiding"), "code", str(path), "--document", doc.name, "--quote", quote,
         "--code", "toegang/informatie", "--coder", "Sanne"],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    # No click needed: the watch notices the commit within its interval.
    qtbot.waitUntil(lambda: quote in _highlights(window.view), timeout=10000)
    _assert_screen_is_project(window, reader, doc.id)
    informatie = reader.codes.by_path("toegang/informatie").id
    qtbot.waitUntil(lambda: window.codes.model.index_of(informatie, 1).data() == 1,
                    timeout=5000)


def test_a_long_transcript_highlights_every_coding_wherever_it_is_scrolled(
        qtbot, window, tmp_path: Path) -> None:
    """The view hands Qt only the highlights around what is visible (a thousand codings made
    every coding slow); scrolling must bring each coding's highlight in time."""
    paragraphs = [f"Moeder: Dit is alinea {i}. We wachtten weken op een antwoord van het team."
                  for i in range(300)]
    text = "\n\n".join(paragraphs) + "\n"
    source = tmp_path / "files" / "R09_lang.txt"
    source.parent.mkdir()
    source.write_text(text, encoding="utf-8")
    project = window.create_project(tmp_path / "lang.duiding", "jeugdhulp")
    import_files(qtbot, window, [source])
    doc = project.documents.list()[0]
    stored = project.documents.text(doc.id)
    code = project.codes.by_path("toegang/wachttijd").id
    for i in range(0, 300, 3):
        quote = f"alinea {i}."
        start = stored.index(quote)
        window.ctx.run(ApplyCodes(doc.id, start, start + len(quote), [code]))
    window.coding.open_document(doc.id)
    view = window.view
    bar = view.verticalScrollBar()
    assert len(view.extraSelections()) < 100  # not all of them at once
    for value in (0, bar.maximum() // 3, bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        qtbot.wait(5)
        first, last = view.stripes.visible_range()
        visible = {s.text for s in project.segments.for_document(doc.id)
                   if view.offsets.to_qt(s.start) < last and view.offsets.to_qt(s.end) > first}
        assert visible
        assert visible <= {sel.cursor.selectedText() for sel in view.extraSelections()}
