"""Qt UTF-16 positions vs stored code points: emoji, non-BMP letters and accents."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from app.offsets import OffsetMap
from tests.app.conftest import import_files


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(st.text(alphabet="aé😀𝔸ß中👍🏽\n ", max_size=60))
def test_offset_map_round_trips_every_position(text: str) -> None:
    m = OffsetMap(text)
    assert m.qt_length == utf16_len(text)
    for cp in range(len(text) + 1):
        q = utf16_len(text[:cp])
        assert m.to_qt(cp) == q
        assert m.to_cp(q) == cp


def test_mid_surrogate_positions_never_split_a_character() -> None:
    m = OffsetMap("a😀b")
    assert (m.to_cp(2), m.to_cp(2, round_up=True)) == (1, 2)
    assert m.span_to_cp(2, 2) == (1, 2)


def test_emoji_transcript_codes_exactly_the_selected_characters(qtbot, window, tmp_path: Path
                                                                 ) -> None:
    text = ("Interviewer: Hoe was het? 🙂\n\n"
            "Ouder: Het café 😀 was fijn, ze heette Zoë 𝔸𝔹 en de wachtlijst 👍🏽 duurde lang. "
            "Naïef? Nee! 💯 Klaar.\n")
    path = tmp_path / "in" / "emoji.txt"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    project = window.create_project(tmp_path / "e.duiding", "jeugdhulp")
    import_files(qtbot, window, [path])
    doc = project.documents.list()[0]
    stored = project.documents.text(doc.id)
    window.coding.open_document(doc.id)
    view = window.view
    assert view.toPlainText() == stored.replace("\n", "\u2029") or \
        view.toPlainText() == stored
    code = project.codes.by_path("toegang/wachttijd").id
    for wanted in ("😀 was fijn, ze heette Zoë 𝔸𝔹", "wachtlijst 👍🏽 duurde lang", "💯 Klaar"):
        cp = stored.index(wanted)
        q_start = utf16_len(stored[:cp])
        cursor = view.textCursor()
        cursor.setPosition(q_start)
        cursor.setPosition(q_start + utf16_len(wanted), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        assert cursor.selectedText() == wanted
        seg_id = window.coding.apply_codes([code])
        seg = project.segments.get(seg_id)
        assert seg.text == wanted, (seg.text, wanted)
        assert (seg.start, seg.end) == (cp, cp + len(wanted))
        # and back: the view highlights and selects exactly those characters
        window.coding.jump_to(doc.id, seg.start, seg.end, seg.id)
        assert view.textCursor().selectedText() == wanted
        bar = view.stripe_model.bars_for_segment(seg_id)[0]
        assert (bar.start, bar.end) == (q_start, q_start + utf16_len(wanted))
