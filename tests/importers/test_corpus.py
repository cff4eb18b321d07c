"""Acceptance on the shared corpus: gold speakers, turn counts, quotes and attributes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from importers import iter_transcript_files, read_transcript
from importers.attributes import match_rows, read_attribute_sheet

pytestmark = pytest.mark.corpus


def gold_files(corpus_dir: Path) -> list[dict[str, Any]]:
    golds = [json.loads(p.read_text("utf-8")) for p in sorted(corpus_dir.glob("*.gold.json"))]
    assert len(golds) == 6
    return golds


def test_every_transcript_has_the_gold_speakers_turns_and_quotes(corpus_dir: Path) -> None:
    for gold in gold_files(corpus_dir):
        transcript = read_transcript(corpus_dir / gold["file"])
        name = gold["file"]
        labelled = [turn for turn in transcript.turns if turn.speaker is not None]
        assert transcript.speakers == gold["speakers"], name
        assert len(labelled) == gold["speaker_turns"], name
        assert transcript.format == gold["format"], name
        if gold["speaker_turns"]:
            assert len(transcript.turns) == gold["speaker_turns"], name
        else:
            assert len(transcript.turns) == 1, name  # the whole text as one unlabelled turn
        for theme in gold["themes"]:
            start_quote, end_quote = theme["start_quote"], theme["end_quote"]
            if theme["turn"] is None:
                container = transcript.text
            else:
                turn = transcript.turns[theme["turn"] - 1]
                assert turn.speaker == theme["speaker"], (name, theme["turn"])
                container = transcript.text[turn.start : turn.end]
            assert transcript.text.count(start_quote) == 1, (name, start_quote)
            at = container.find(start_quote)
            assert at >= 0, (name, start_quote)
            assert container.find(end_quote, at) >= 0, (name, end_quote)


def test_turn_spans_hold_the_words_and_never_the_labels(corpus_dir: Path) -> None:
    for gold in gold_files(corpus_dir):
        transcript = read_transcript(corpus_dir / gold["file"])
        if gold["speaker_turns"]:
            words = sum(len(transcript.text[t.start : t.end].split()) for t in transcript.turns)
        else:
            words = len(transcript.text.split())
        assert words == gold["word_count"], gold["file"]
        for turn in transcript.turns:
            spoken = transcript.text[turn.start : turn.end]
            assert spoken == spoken.strip() and spoken, gold["file"]
            if turn.speaker is not None:
                assert not spoken.startswith(f"{turn.speaker}:"), gold["file"]


def test_docx_metadata_and_timestamps(corpus_dir: Path) -> None:
    r03 = read_transcript(corpus_dir / "R03_jeugdconsulent_OH_2024.docx")
    assert r03.attributes["Gemeente"] == "Oosthaven"
    assert set(r03.attributes) == {"Respondent", "Gemeente", "Datum", "Interviewer"}
    r07 = read_transcript(corpus_dir / "R07_intern_begeleider_DM_2023.txt")
    assert r07.turns[1].timestamp_ms == 29_000
    r05 = read_transcript(corpus_dir / "R05_jongere_WV_2024.vtt")
    assert r05.turns[0].timestamp_ms == 1_800
    assert all(t.timestamp_ms is not None for t in r05.turns)


def test_respondents_sheet_attaches_to_all_six_files(corpus_dir: Path) -> None:
    sheet = read_attribute_sheet(corpus_dir / "respondents.csv")
    assert sheet.columns == ["file", "respondent_type", "gemeente", "meting", "gezin"]
    files = [c.path.name for c in iter_transcript_files([corpus_dir]) if c.skipped is None]
    match = match_rows(sheet, files)
    assert match.unmatched_names == [] and match.unmatched_rows == []
    for gold in gold_files(corpus_dir):
        respondent = gold["respondent"]
        expected = {
            "respondent_type": respondent["respondent_type"],
            "gemeente": respondent["gemeente"],
            "meting": str(respondent["meting"]),
        }
        if respondent["gezin_id"]:
            expected["gezin"] = respondent["gezin_id"]
        assert match.attributes[gold["file"]] == expected, gold["file"]
