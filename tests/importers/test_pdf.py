"""Text-based PDF transcripts; a scan without a text layer gets its own clear reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers import TranscriptImportError, read_transcript
from tests.importers.builders import make_pdf


def test_pdf_text_layer_with_speakers(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "r.pdf",
        [
            "Interviewer: Hoe ging het?",
            "Ouder: Ik vond het ernáást (lacht).",
            "Echt.",
            "Interviewer: Oké.",
        ],
    )
    transcript = read_transcript(path)
    assert transcript.format == "pdf"
    assert [(t.speaker, transcript.text[t.start : t.end]) for t in transcript.turns] == [
        ("Interviewer", "Hoe ging het?"),
        ("Ouder", "Ik vond het ernáást (lacht).\nEcht."),
        ("Interviewer", "Oké."),
    ]


def test_pdf_without_text_layer_is_no_text(tmp_path: Path) -> None:
    with pytest.raises(TranscriptImportError) as caught:
        read_transcript(make_pdf(tmp_path / "scan.pdf", [], text_layer=False))
    assert caught.value.reason == "no_text"
    assert "scan.pdf" in str(caught.value)


def test_damaged_pdf_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF garbage")
    with pytest.raises(TranscriptImportError) as caught:
        read_transcript(path)
    assert caught.value.reason == "corrupt"


def test_other_file_named_pdf_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "notities.pdf"
    path.write_text("Interviewer: dit is tekst, geen PDF")
    with pytest.raises(TranscriptImportError) as caught:
        read_transcript(path)
    assert caught.value.reason == "corrupt"
