"""Speaker labels and turns, shared by every format, so ``Interviewer:`` means the same everywhere.

Research groups write speakers in many ways: ``Interviewer:``, ``I:`` / ``R:``, ``JONGERE:``,
``Intern begeleider:``, ``Interviewer - ...`` (an ODT convention), ``[00:03:41] Ouder: ...``, or a
transcription service's ``00:01:12 Spreker 1`` on its own line with the text below it. The danger
is the other way round: an ordinary sentence ``Wat ik bedoel: ...``, a numbered question ``1.`` or
a signature line must never become a speaker. So a *candidate* label must be short (at most four
words, 40 characters), start with a letter at the start of a line, and then either be a known
label (``Interviewer``, ``Ouder``, ``Spreker 2``...) or recur in the document.

Turns are built line by line: a labelled line starts a turn, unlabelled lines continue the current
one (its span grows over them), text before the first label (a title) belongs to no turn. A
document without any label is one turn with speaker ``None`` over the whole (stripped) text. A
turn's span never contains its label or timestamp. In text formats a repeated label starts a new
turn (the label stays outside every span); subtitle readers merge consecutive cues themselves.
Which labels are "known", and the role each one suggests, is `coding.speaker_roles`: one
vocabulary for the importers, the project and the speakers dialog.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from coding.speaker_roles import is_known_label
from importers.base import Turn

MAX_LABEL_WORDS = 4
MAX_LABEL_CHARS = 40

_TIME = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?"
_TS = rf"(?:\[\s*(?P<ts>{_TIME})\s*\]|\(\s*(?P<ts2>{_TIME})\s*\)|(?P<ts3>{_TIME}))"
_WORD = r"[\w.'’()&/+\-]+"
_LABEL = rf"(?P<label>[^\W\d_]{_WORD[:-1]}*(?:[ \t]+{_WORD}){{0,{MAX_LABEL_WORDS - 1}}})"

_COLON = re.compile(rf"(?:{_TS}[ \t]+)?{_LABEL}[ \t]*:(?:[ \t]+|$)")
_DASH = re.compile(rf"(?:{_TS}[ \t]+)?{_LABEL}[ \t]+[-–—][ \t]+")
_ALONE = re.compile(rf"(?:{_TS}[ \t]+)?{_LABEL}[ \t]*:?[ \t]*$")
_ALONE_TS_AFTER = re.compile(rf"{_LABEL}[ \t]+{_TS}[ \t]*$")
_TIMESTAMP_ONLY = re.compile(rf"{_TS}[ \t]*$")


@dataclass(frozen=True)
class LabelMatch:
    """A label candidate at the start of one line.

    ``content_start`` is the offset (in the whole text) where the spoken text begins; for a label
    alone on its line it equals the line end and the text follows on the next line.
    """

    label: str
    style: Literal["colon", "dash", "alone", "alone_ts", "bold"]
    content_start: int
    timestamp_ms: int | None


def parse_timestamp_ms(value: str) -> int:
    """``01:02:03``, ``02:03``, ``00:00:01.800`` or ``00:00:01,800`` to milliseconds."""
    main, _, fraction = value.replace(",", ".").partition(".")
    seconds = 0
    for part in main.split(":"):
        seconds = seconds * 60 + int(part)
    millis = int((fraction + "000")[:3]) if fraction else 0
    return seconds * 1000 + millis


def line_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of ``text[start:end]``, each stripped of surrounding blanks."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        stop = end if newline < 0 else newline
        left, right = pos, stop
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        if left < right:
            spans.append((left, right))
        pos = stop + 1
    return spans


def _valid_label(label: str) -> bool:
    """Short, and capitalised like a name or role (``int:`` and ``resp:`` pass as known labels)."""
    return (
        len(label) <= MAX_LABEL_CHARS
        and len(label.split()) <= MAX_LABEL_WORDS
        and (label[:1].isupper() or is_known_label(label))
    )


def _timestamp(match: re.Match[str]) -> int | None:
    raw = match.group("ts") or match.group("ts2") or match.group("ts3")
    return parse_timestamp_ms(raw) if raw else None


def match_label(text: str, start: int, end: int, bold_prefix: int = 0) -> LabelMatch | None:
    """The label candidate at the start of the line ``text[start:end]``, if any.

    ``bold_prefix`` is the length of a bold run opening the line (Word documents): a bold short
    phrase counts as a label even without a colon.
    """
    line = text[start:end]
    for pattern, style in ((_COLON, "colon"), (_DASH, "dash")):
        found = pattern.match(line)
        if found:
            label = found.group("label").rstrip()
            if _valid_label(label):
                return LabelMatch(label, style, start + found.end(), _timestamp(found))  # type: ignore[arg-type]
    if bold_prefix:
        bold = line[:bold_prefix].strip().rstrip(":").rstrip()
        rest = line[bold_prefix:]
        if bold and re.fullmatch(_LABEL, bold) and _valid_label(bold) and rest.strip():
            skipped = len(rest) - len(rest.lstrip(" \t:-–—"))
            return LabelMatch(bold, "bold", start + bold_prefix + skipped, None)
    found = _ALONE.match(line) or _ALONE_TS_AFTER.match(line)
    if found:
        label = found.group("label").rstrip()
        ts = _timestamp(found)
        if _valid_label(label):
            return LabelMatch(label, "alone_ts" if ts is not None else "alone", end, ts)
    return None


def accepted_labels(matches: Sequence[LabelMatch | None]) -> set[str]:
    """The candidates that really are speaker labels: known ones, or ones that recur.

    A dash-separated label (``Interviewer - ...``) only counts when the document has no labels
    with a colon, so that a ``Ja - ...`` inside a colon-labelled transcript stays text.
    """
    strong = Counter(m.label for m in matches if m and m.style in ("colon", "alone_ts", "bold"))
    weak_alone = Counter(m.label for m in matches if m and m.style == "alone")
    dash = Counter(m.label for m in matches if m and m.style == "dash")

    def accept(counts: Counter[str]) -> set[str]:
        return {label for label, n in counts.items() if n >= 2 or is_known_label(label)}

    labels = accept(strong)
    if not labels:
        labels = accept(dash)
    # A label alone on its line without a timestamp (``Interviewer`` above the text) is the
    # weakest sign: only when nothing else was found, and then known or recurring often.
    if not labels:
        labels = {
            label
            for label, n in weak_alone.items()
            if is_known_label(label) or (n >= 3 and label[-1].isalnum())
        }
    return labels


def find_turns(
    text: str,
    spans: Sequence[tuple[int, int]] | None = None,
    bold_prefixes: Mapping[int, int] | None = None,
) -> list[Turn]:
    """Speaker turns of ``text``, reading the non-empty lines ``spans`` (default: all lines).

    ``bold_prefixes`` maps a span's index to the length of a bold run that opens it.
    """
    spans = line_spans(text) if spans is None else spans
    bold_prefixes = bold_prefixes or {}
    matches = [
        match_label(text, start, end, bold_prefixes.get(index, 0))
        for index, (start, end) in enumerate(spans)
    ]
    labels = accepted_labels(matches)
    if not labels:
        return whole_text_turn(text)

    turns: list[Turn] = []
    current: LabelMatch | None = None
    current_end = -1  # -1: the label stood alone and its text has not started yet
    for (start, end), found in zip(spans, matches, strict=True):
        if found is not None and found.label in labels:
            if current is not None:
                _close(turns, current, current_end)
            current = found
            current_end = end if found.content_start < end else -1
            continue
        if current is None:
            continue  # a title or preamble before the first label belongs to no turn
        if current_end < 0:
            if _TIMESTAMP_ONLY.match(text[start:end]):
                continue
            current = replace(current, content_start=start)
        current_end = end
    if current is not None:
        _close(turns, current, current_end)
    return turns


def _close(turns: list[Turn], found: LabelMatch, end: int) -> None:
    if end > found.content_start:
        turns.append(Turn(found.content_start, end, found.label, found.timestamp_ms))


def whole_text_turn(text: str) -> list[Turn]:
    """One unlabelled turn over the stripped text (none for a blank text)."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return [Turn(start, end, None)] if end > start else []
