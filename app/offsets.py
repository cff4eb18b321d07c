"""Exact conversion between Qt positions (UTF-16 code units) and stored offsets (code points).

A character outside the Basic Multilingual Plane (emoji, some CJK, mathematical letters) is one
code point in Python but two UTF-16 units in QTextDocument. The map is built once per document:
the code-point index of every such character, and its UTF-16 position, so each conversion is a
binary search. A document without them (most Dutch transcripts) converts as the identity.
A Qt position in the middle of a surrogate pair is rounded down for starts, up for ends, so a
selection never splits a character.
"""

from __future__ import annotations

import bisect


class OffsetMap:
    __slots__ = ("_astral", "_qstarts", "length", "qt_length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # One C-speed check: no surrogate pairs means the positions are the same.
        if text.isascii() or len(text.encode("utf-16-le")) == 2 * len(text):
            self._astral: list[int] = []
        else:
            self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._qstarts = [cp + i for i, cp in enumerate(self._astral)]
        self.qt_length = self.length + len(self._astral)

    @property
    def identity(self) -> bool:
        return not self._astral

    def to_qt(self, cp: int) -> int:
        """Code-point offset -> UTF-16 position."""
        if not self._astral:
            return cp
        return cp + bisect.bisect_left(self._astral, cp)

    def to_cp(self, qt: int, *, round_up: bool = False) -> int:
        """UTF-16 position -> code-point offset (mid-pair: down, or up with `round_up`)."""
        if not self._astral:
            return qt
        before = bisect.bisect_left(self._qstarts, qt)  # astral characters starting before qt
        if before and qt == self._qstarts[before - 1] + 1:  # inside a surrogate pair
            return self._astral[before - 1] + (1 if round_up else 0)
        return qt - before

    def span_to_cp(self, qt_start: int, qt_end: int) -> tuple[int, int]:
        a, b = sorted((qt_start, qt_end))
        return self.to_cp(a), self.to_cp(b, round_up=True)

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)
