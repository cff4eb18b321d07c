"""Subtitle files from transcription tools (WebVTT, SRT) turned into a readable transcript.

A subtitle file cuts speech into cues of a few seconds; a researcher wants to read and code
turns. So consecutive cues of the same voice form one turn, whose text is the cue texts joined
with single spaces, and the document text is one paragraph ``Label: turn text`` per turn,
separated by blank lines. Timestamps are kept in ``Turn.timestamp_ms`` (the first cue's start),
not in the text. Speakers come from WebVTT voice spans (``<v Interviewer>``); files without them
(most SRT, Zoom's VTT) often write ``Name: text`` inside the cue, which is recognised with the
same rules as plain text. Parsing is done here (the formats are small) rather than with another
dependency, so that both formats share one code path.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from importers.base import ImportedTranscript, TranscriptImportError, Turn
from importers.boundary import importer
from importers.limits import MAX_TIMESTAMP_HOURS, check_text, current, number
from importers.safety import MAX_FILE_BYTES, read_bytes
from importers.speakers import accepted_labels, match_label, parse_timestamp_ms
from importers.text import decode_text, normalise, sha256_of

_TIMING = re.compile(
    r"^\s*(?P<start>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*"
    r"(?P<end>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})"
)
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]*)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>")


@dataclass
class Cue:
    start_ms: int
    text: str
    speaker: str | None


@importer
def read_vtt(path: Path, max_bytes: int = MAX_FILE_BYTES) -> ImportedTranscript:
    """A WebVTT file: ``WEBVTT`` header, NOTE/STYLE/REGION blocks skipped, cues with voices."""
    data, text = _decode(path, max_bytes)
    if not text.lstrip().startswith("WEBVTT"):
        raise TranscriptImportError(
            path, "corrupt", "The file is not a WebVTT subtitle file (no WEBVTT header)."
        )
    return _build(path, data, "vtt", _parse_cues(path, text, skip_first_block=True))


@importer
def read_srt(path: Path, max_bytes: int = MAX_FILE_BYTES) -> ImportedTranscript:
    """An SRT file: numbered cues with ``00:00:01,000 --> 00:00:04,000`` timings."""
    data, text = _decode(path, max_bytes)
    return _build(path, data, "srt", _parse_cues(path, text, skip_first_block=False))


def _decode(path: Path, max_bytes: int) -> tuple[bytes, str]:
    data = read_bytes(path, max_bytes)
    text, _codec = decode_text(path, data)
    text = normalise(text)
    check_text(path, text)
    return data, text


def _parse_cues(path: Path, text: str, skip_first_block: bool) -> list[Cue]:
    cues: list[Cue] = []
    budget = current(path)
    blocks = re.split(r"\n[ \t]*\n", text.strip())
    for index, block in enumerate(blocks):
        budget.tick()
        lines = block.split("\n")
        if skip_first_block and index == 0:
            continue  # the WEBVTT header block (with optional header lines)
        if lines[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing_at = next((i for i, line in enumerate(lines[:2]) if _TIMING.match(line)), None)
        if timing_at is None:
            continue  # stray text between cues is not part of the transcript
        timing = _TIMING.match(lines[timing_at])
        assert timing is not None
        payload = "\n".join(lines[timing_at + 1 :])
        voice = _VOICE.search(payload)
        speaker = voice.group(1).strip() if voice else None
        cue_text = " ".join(html.unescape(_TAG.sub("", payload)).split())
        if cue_text:
            cues.append(Cue(_start_ms(path, timing), cue_text, speaker or None))
    if not cues:
        raise TranscriptImportError(path, "empty", "The subtitle file contains no cues with text.")
    return cues


def _start_ms(path: Path, timing: re.Match[str]) -> int:
    """The cue's start in milliseconds; an impossible time (hours of 20 digits) refuses the file
    with the timing line, instead of a number no database column can hold."""
    start = timing.group("start")
    hours = start.split(":")[0] if start.count(":") == 2 else "0"
    if len(hours) > 6 or int(hours) > MAX_TIMESTAMP_HOURS:
        shown = timing.group(0).strip()
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise TranscriptImportError(
            path, "corrupt",
            f"The timing line '{shown}' has an impossible time (more than "
            f"{number(MAX_TIMESTAMP_HOURS)} hours). Correct it (hours:minutes:seconds) or export the "
            "subtitles again.")
    return parse_timestamp_ms(start)


def _labels_inside_cues(cues: list[Cue]) -> None:
    """Without voice spans, take ``Name: text`` at the start of a cue as its speaker."""
    matches = [match_label(cue.text, 0, len(cue.text)) for cue in cues]
    matches = [m if m is not None and m.style in ("colon", "dash") else None for m in matches]
    labels = accepted_labels(matches)
    if not labels:
        return
    current: str | None = None
    for cue, found in zip(cues, matches, strict=True):
        if found is not None and found.label in labels:
            current = found.label
            cue.text = cue.text[found.content_start :].strip()
        cue.speaker = current


def _build(path: Path, data: bytes, fmt: str, cues: list[Cue]) -> ImportedTranscript:
    if all(cue.speaker is None for cue in cues):
        _labels_inside_cues(cues)
    else:  # a cue without a voice span continues the voice before it
        for previous, cue in zip(cues, cues[1:], strict=False):
            if cue.speaker is None:
                cue.speaker = previous.speaker
    # Runs of consecutive cues by one voice.
    runs: list[tuple[str | None, int, list[str]]] = []
    for cue in cues:
        if runs and runs[-1][0] == cue.speaker:
            runs[-1][2].append(cue.text)
        else:
            runs.append((cue.speaker, cue.start_ms, [cue.text]))
    pieces: list[str] = []
    turns: list[Turn] = []
    offset = 0
    for speaker, start_ms, texts in runs:
        prefix = f"{speaker}: " if speaker is not None else ""
        body = " ".join(t for t in texts if t)
        if not body:
            continue
        if pieces:
            offset += 2  # the blank line between paragraphs
        start = offset + len(prefix)
        pieces.append(prefix + body)
        offset += len(prefix) + len(body)
        turns.append(Turn(start, start + len(body), speaker, start_ms))
    text = "\n\n".join(pieces)
    if not text.strip():
        raise TranscriptImportError(path, "empty", "The subtitle file contains no text.")
    return ImportedTranscript(path.name, fmt, text, turns, sha256_of(data))
