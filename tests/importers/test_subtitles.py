"""Subtitle files: cues become readable turns, timestamps stay in the turns, not in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import TranscriptImportError, read_transcript

VTT = """WEBVTT
Kind: captions

NOTE
Interview jongere, automatisch getranscribeerd.

STYLE
::cue { color: yellow }

1
00:00:01.800 --> 00:00:03.995
<v Interviewer>Oké, hij neemt nu op.</v>

2
00:00:04.045 --> 00:00:12.078 align:start
<v Interviewer>Wie ben je?</v>

3
00:00:42.066 --> 00:00:45.599
<v.loud Jongere>Eh, ik ben <i>Shanice</i>, ik ben zeventien &amp; ik zit op het ROC.</v>

00:45.649 --> 00:50.974
<v Jongere>Ik doe Pedagogisch Werk,
eerste jaar.</v>

5
00:00:51.024 --> 00:00:55.453
<v Interviewer>Oké 🙂.</v>
"""


def test_vtt_voices_form_turns_of_consecutive_cues(tmp_path: Path) -> None:
    path = tmp_path / "R05.vtt"
    path.write_text(VTT, encoding="utf-8")
    transcript = read_transcript(path)
    assert transcript.format == "vtt"
    assert transcript.text == (
        "Interviewer: Oké, hij neemt nu op. Wie ben je?\n\n"
        "Jongere: Eh, ik ben Shanice, ik ben zeventien & ik zit op het ROC. "
        "Ik doe Pedagogisch Werk, eerste jaar.\n\n"
        "Interviewer: Oké 🙂."
    )
    assert [(t.speaker, t.timestamp_ms) for t in transcript.turns] == [
        ("Interviewer", 1_800),
        ("Jongere", 42_066),
        ("Interviewer", 51_024),
    ]
    assert [transcript.text[t.start : t.end] for t in transcript.turns][2] == "Oké 🙂."
    assert transcript.speakers == ["Interviewer", "Jongere"]


def test_vtt_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "r.vtt"
    path.write_bytes(b"\xef\xbb\xbf" + VTT.replace("\n", "\r\n").encode())
    assert len(read_transcript(path).turns) == 3


def test_vtt_without_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.vtt"
    path.write_text("1\n00:00:01.000 --> 00:00:02.000\nHallo\n")
    with pytest.raises(TranscriptImportError) as caught:
        read_transcript(path)
    assert caught.value.reason == "corrupt"


SRT = """1
00:00:01,000 --> 00:00:04,000
Spreker 1: Goedemiddag, fijn dat je er bent.

2
00:00:04,500 --> 00:00:06,000
Hoe gaat het?

3
00:01:12,250 --> 00:01:15,000
Spreker 2: Goed, dank je.

4
00:01:15,500 --> 00:01:18,000
Spreker 1: Mooi.
"""


def test_srt_labels_inside_cues(tmp_path: Path) -> None:
    path = tmp_path / "r.srt"
    path.write_text(SRT.replace("\n", "\r\n"), encoding="cp1252")
    transcript = read_transcript(path)
    assert transcript.format == "srt"
    assert transcript.text == (
        "Spreker 1: Goedemiddag, fijn dat je er bent. Hoe gaat het?\n\n"
        "Spreker 2: Goed, dank je.\n\nSpreker 1: Mooi."
    )
    assert [(t.speaker, t.timestamp_ms) for t in transcript.turns] == [
        ("Spreker 1", 1_000),
        ("Spreker 2", 72_250),
        ("Spreker 1", 75_500),
    ]
    assert transcript.text[transcript.turns[1].start : transcript.turns[1].end] == "Goed, dank je."


def test_srt_without_speakers_is_one_unlabelled_turn(tmp_path: Path) -> None:
    path = tmp_path / "r.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nHallo.\n\n2\n00:00:03,000 --> 00:00:04,000\nDag.\n"
    )
    transcript = read_transcript(path)
    assert transcript.text == "Hallo. Dag."
    assert [(t.speaker, t.start, t.end, t.timestamp_ms) for t in transcript.turns] == [
        (None, 0, 11, 1_000)
    ]


def test_subtitles_without_cues_are_empty(tmp_path: Path) -> None:
    path = tmp_path / "r.vtt"
    path.write_text("WEBVTT\n\nNOTE alleen een notitie\n")
    with pytest.raises(TranscriptImportError) as caught:
        read_transcript(path)
    assert caught.value.reason == "empty"
