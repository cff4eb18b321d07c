"""Turning the positions other tools write into code points of Duiding's normalised text.

REFI-QDA says a text selection counts Unicode code points. Real tools do not all agree
(``../shared/refi-qda/FORMAT.md`` section 7): NVivo counts UTF-16 code units over the raw file
with CRLF as two, ATLAS.ti counts a CRLF line break as one. A wrong guess shifts every selection
after the first emoji or line break, so coded fragments silently land on other words. We cannot
trust the producer's name alone (files get rewritten by other tools), so each plausible counting
is tried and the one whose selections start and end on word boundaries wins; the producer only
breaks ties. Duiding declares its counting in ``Project@origin`` (it may code half a word, which
no guess can tell from a shifted span): a declared counting under which every selection fits the
text is taken as it is. Duiding's text is then normalised (NFC, ``\\n``) and offsets are carried
across.
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from coding.interchange_conventions import POSITIONS_CODEPOINTS, POSITIONS_UTF16

CODEPOINTS = "codepoints"
UTF16 = "utf16"
CODEPOINTS_LF = "codepoints_lf"  # CRLF counted as one
UTF16_LF = "utf16_lf"


def normalise_text(raw: str) -> str:
    """Duiding's stored form of a text: no BOM, ``\\n`` line ends, NFC."""
    return unicodedata.normalize("NFC", _newlines(raw.lstrip("\ufeff")))


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class TextMapping:
    """Maps code-point offsets of a raw text onto its normalised form."""

    raw: str
    text: str  # normalised
    _raw_to_norm: Sequence[int] | None  # None: identity; arrays: 8 bytes an offset, not 36

    @classmethod
    def build(cls, raw: str) -> TextMapping:
        if raw.startswith("\ufeff"):
            raw = raw[1:]
        nl = _newlines(raw)
        text = unicodedata.normalize("NFC", nl)
        if nl == raw and text == nl:
            return cls(raw, text, None)
        # raw -> newline-normalised: the CR of a CRLF sits where its LF ends up.
        raw_to_nl = array("q")
        j = 0
        for k, ch in enumerate(raw):
            raw_to_nl.append(j)
            if not (ch == "\r" and raw[k + 1 : k + 2] == "\n"):
                j += 1
        raw_to_nl.append(j)
        nl_to_norm = _nfc_map(nl, text)
        return cls(raw, text, array("q", (nl_to_norm[i] for i in raw_to_nl)))

    def to_text(self, raw_offset: int) -> int:
        if self._raw_to_norm is None:
            return raw_offset
        return self._raw_to_norm[raw_offset]


def _nfc_map(nl: str, text: str) -> Sequence[int]:
    """Offsets of ``nl`` in its NFC form; offsets inside a recomposed cluster go to its start."""
    if nl == text:
        return range(len(nl) + 1)
    out = array("q")
    pos = 0
    # Normalise cluster by cluster (a starter and its combining marks).
    bounds = array("q", (i for i, ch in enumerate(nl) if unicodedata.combining(ch) == 0))
    bounds.append(len(nl))
    if not bounds or bounds[0] != 0:
        bounds.insert(0, 0)
    for a, b in itertools.pairwise(bounds):
        piece = unicodedata.normalize("NFC", nl[a:b])
        out.extend([pos] * (b - a))
        pos += len(piece)
    out.append(pos)
    if pos != len(text):  # clusters interacted across our cut: fall back to proportional mapping
        scale = len(text) / max(len(nl), 1)
        return array("q", (min(len(text), round(i * scale)) for i in range(len(nl) + 1)))
    return out


def _unit_offsets(raw: str, unit: str) -> Sequence[int] | None:
    """``off[k]`` = units before raw character k under ``unit`` counting; None for identity."""
    if unit == CODEPOINTS:
        return None
    utf16 = unit in (UTF16, UTF16_LF)
    lf = unit in (CODEPOINTS_LF, UTF16_LF)

    def width(k: int, ch: str) -> int:
        if lf and ch == "\r" and raw[k + 1 : k + 2] == "\n":
            return 0
        return 2 if utf16 and ord(ch) > 0xFFFF else 1

    return array("q", itertools.accumulate((width(k, ch) for k, ch in enumerate(raw)), initial=0))


class PositionConverter:
    """Converts ``[start, end)`` in one counting scheme to code points of the normalised text."""

    def __init__(self, mapping: TextMapping, unit: str) -> None:
        self.mapping = mapping
        self.unit = unit
        self._off = _unit_offsets(mapping.raw, unit)
        self.length = len(mapping.raw) if self._off is None else self._off[-1]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span in the normalised text, or None when it lies outside the text or is empty."""
        if start < 0 or end > self.length or start >= end:
            return None
        if self._off is None:
            raw_start, raw_end = start, end
        else:  # a position inside a character: start rounds down, end rounds up
            raw_start = bisect.bisect_right(self._off, start) - 1
            raw_end = bisect.bisect_left(self._off, end)
        a, b = self.mapping.to_text(raw_start), self.mapping.to_text(raw_end)
        return (a, b) if a < b else None


def _boundary(text: str, pos: int) -> bool:
    if pos <= 0 or pos >= len(text):
        return True
    return not (text[pos - 1].isalnum() and text[pos].isalnum())


def span_score(text: str, span: tuple[int, int] | None) -> int:
    """2 when both ends sit on word boundaries, 1 for one end, 0 for none or outside the text."""
    if span is None:
        return 0
    return int(_boundary(text, span[0])) + int(_boundary(text, span[1]))


def choose_unit(
    texts: Sequence[tuple[TextMapping, Sequence[tuple[int, int]]]], origin: str
) -> str:
    """The counting scheme under which the selections of all sources fit the words best."""
    declared = {POSITIONS_UTF16.lower(): UTF16, POSITIONS_CODEPOINTS.lower(): CODEPOINTS}
    lowered = origin.lower()
    for words, unit in declared.items():
        if words in lowered and all(PositionConverter(m, unit).span(s, e) is not None
                                    for m, spans in texts for s, e in spans):
            return unit
    if "nvivo" in lowered:
        order = [UTF16, UTF16_LF, CODEPOINTS, CODEPOINTS_LF]
    elif "atlas" in lowered:
        order = [CODEPOINTS_LF, CODEPOINTS, UTF16_LF, UTF16]
    else:
        order = [CODEPOINTS, CODEPOINTS_LF, UTF16, UTF16_LF]
    needs_utf16 = any(any(ord(c) > 0xFFFF for c in m.raw) for m, _ in texts)
    needs_lf = any("\r\n" in m.raw for m, _ in texts)
    candidates = [
        u
        for u in order
        if (needs_utf16 or u not in (UTF16, UTF16_LF)) and (needs_lf or u not in (CODEPOINTS_LF, UTF16_LF))
    ]
    if len(candidates) == 1:
        return candidates[0]
    best, best_score = candidates[0], -1
    for unit in candidates:  # earlier (preferred) candidates win ties
        score = 0
        for mapping, spans in texts:
            conv = PositionConverter(mapping, unit)
            score += sum(span_score(mapping.text, conv.span(s, e)) for s, e in spans)
        if score > best_score:
            best, best_score = unit, score
    return best
