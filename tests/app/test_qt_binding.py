"""The Qt binding must not leak or steal references on the calls the transcript view makes.

PySide6 6.12.0 on Python 3.11 dropped one reference to None per void call: after a few thousand
calls (one refresh of a transcript with 1,000 codings) the interpreter aborted. pyproject.toml
excludes it; this test fails loudly if an installed binding brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit


def test_void_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit, label = QPlainTextEdit(), QLabel()
    qtbot.addWidget(edit)
    qtbot.addWidget(label)
    edit.setPlainText("woord " * 200)
    before = sys.getrefcount(None)
    for i in range(20_000):
        cursor = edit.textCursor()
        cursor.setPosition(i % 500)
        cursor.setPosition(i % 500 + 3, QTextCursor.MoveMode.KeepAnchor)
        label.setText("x")
    assert before - sys.getrefcount(None) < 1_000
