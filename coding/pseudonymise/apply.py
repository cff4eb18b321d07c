"""Rewrite a text with replacements and shift every coded span so it covers the same words.

This is the one place where a document's text changes after coding (DESIGN.md section 3 makes
text immutable otherwise), so it is a pure function with a property-based test: for any text,
spans and non-overlapping replacements, the characters of each span outside the replaced regions
are exactly preserved, in order, in the new span.

Shifting rules, for a span [s, e) and a replacement [a, b) -> r:
- entirely before s: the span moves by len(r) - (b - a);
- entirely after e: no effect;
- inside the span, or overlapping an edge: the span grows or shrinks to cover the replacement,
  so a coding that contained the name now contains its pseudonym (never half a pseudonym).
"""

from __future__ import annotations

from collections.abc import Sequence


class OverlappingReplacements(ValueError):
    """Two replacements overlap; the detector never produces this, a caller bug otherwise."""


def apply_replacements(
    text: str,
    replacements: Sequence[tuple[int, int, str]],
    spans: Sequence[tuple[int, int]] = (),
) -> tuple[str, list[tuple[int, int]]]:
    """Return the new text and the shifted ``spans`` (same order as given)."""
    ordered = sorted(replacements)
    for (_, e1, _), (s2, _, _) in zip(ordered, ordered[1:], strict=False):
        if s2 < e1:
            raise OverlappingReplacements(f"replacements overlap at {s2}")
    pieces: list[str] = []
    # old position -> new position mapping at replacement boundaries
    starts_old: list[int] = []
    ends_old: list[int] = []
    starts_new: list[int] = []
    ends_new: list[int] = []
    cursor = 0
    new_len = 0
    for start, end, new in ordered:
        if not (0 <= start <= end <= len(text)):
            raise ValueError(f"replacement {start}-{end} outside the text")
        pieces.append(text[cursor:start])
        new_len += start - cursor
        starts_old.append(start)
        ends_old.append(end)
        starts_new.append(new_len)
        pieces.append(new)
        new_len += len(new)
        ends_new.append(new_len)
        cursor = end
    pieces.append(text[cursor:])

    def shift(pos: int, is_start: bool) -> int:
        delta = 0
        for a, b, na, nb in zip(starts_old, ends_old, starts_new, ends_new, strict=True):
            if b < pos or (b == pos and (a < b or is_start)):
                delta = nb - b  # the region lies before pos (an insertion at a start, too)
                continue
            if a < pos < b:
                # Inside a replaced region: snap outwards so the whole replacement is covered.
                return na if is_start else nb
            break
        return pos + delta

    new_spans = []
    for s, e in spans:
        ns, ne = shift(s, True), shift(e, False)
        new_spans.append((ns, max(ns, ne)))
    return "".join(pieces), new_spans
