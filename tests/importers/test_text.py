"""Plain-text transcripts: every encoding and line ending students' machines produce."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from importers import TranscriptImportError, read_transcript

DUTCH = "Interviewer: Hoe was de wachttijd?\n\nOuder: Eh... te lang. Ik wás echt óp, één café."


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding_warning"),
    [
        (DUTCH.encode("utf-8"), None),
        (codecs.BOM_UTF8 + DUTCH.encode("utf-8"), None),
        (codecs.BOM_UTF16_LE + DUTCH.encode("utf-16-le"), None),
        (codecs.BOM_UTF16_BE + DUTCH.encode("utf-16-be"), None),
        (DUTCH.encode("cp1252"), "encoding:windows-1252"),
        (DUTCH.replace("\n", "\r\n").encode("cp1252"), "encoding:windows-1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252", "cp1252-crlf"],
)
def test_encodings_give_the_same_text(
    tmp_path: Path, data: bytes, encoding_warning: str | None
) -> None:
    transcript = read_transcript(write(tmp_path / "r.txt", data))
    assert transcript.text == DUTCH
    assert transcript.speakers == ["Interviewer", "Ouder"]
    assert transcript.format == "txt"
    assert transcript.warnings == ([encoding_warning] if encoding_warning else [])


def test_cp1252_typographic_quotes_and_dashes(tmp_path: Path) -> None:
    text = "Ouder: \u201cIk zei \u2018nee\u2019\u201d \u2013 en toen\u2026 \u20ac 20."
    transcript = read_transcript(write(tmp_path / "r.txt", text.encode("cp1252")))
    assert transcript.text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_become_newlines(tmp_path: Path, newline: str) -> None:
    transcript = read_transcript(write(tmp_path / "r.txt", DUTCH.replace("\n", newline).encode()))
    assert transcript.text == DUTCH
    assert len(transcript.turns) == 2


def test_decomposed_accents_become_nfc(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", DUTCH)
    assert nfd != DUTCH
    transcript = read_transcript(write(tmp_path / "r.txt", nfd.encode()))
    assert transcript.text == DUTCH


def test_emoji_and_accents_spans_slice_exactly(tmp_path: Path) -> None:
    source = (
        "Interviewer: Hoi 👋🏽, hoe gaat het met je? 🙂\r\n\r\n"
        "Jongere: Ernáást 😅 – maar Zoë zei: ‘het komt goed’ 🇳🇱.\r\n"
        "Echt waar 👍.\r\n\r\n"
        "Interviewer: Dank je 🙏"
    )
    transcript = read_transcript(
        write(tmp_path / "emoji.txt", unicodedata.normalize("NFD", source).encode())
    )
    pieces = [transcript.text[t.start : t.end] for t in transcript.turns]
    assert pieces == [
        "Hoi 👋🏽, hoe gaat het met je? 🙂",
        "Ernáást 😅 – maar Zoë zei: ‘het komt goed’ 🇳🇱.\nEcht waar 👍.",
        "Dank je 🙏",
    ]
    assert transcript.speakers == ["Interviewer", "Jongere"]


def test_timestamped_text_keeps_times(tmp_path: Path) -> None:
    text = "[00:00:04] Interviewer: Start.\n\n[00:00:29] Intern begeleider: Ja, hoor.\n"
    transcript = read_transcript(write(tmp_path / "r.txt", text.encode()))
    assert [(t.speaker, t.timestamp_ms) for t in transcript.turns] == [
        ("Interviewer", 4_000),
        ("Intern begeleider", 29_000),
    ]
    assert transcript.text.startswith("[00:00:04] Interviewer: Start.")


def test_text_without_labels_is_one_unlabelled_turn(tmp_path: Path) -> None:
    text = "\ufeff\n  Beste Fleur,\n\nIk schrijf liever.\n\nGroet,\nFatima\n\n"
    transcript = read_transcript(write(tmp_path / "brief.txt", text.encode()))
    assert transcript.speakers == []
    [turn] = transcript.turns
    assert turn.speaker is None
    assert (
        transcript.text[turn.start : turn.end]
        == "Beste Fleur,\n\nIk schrijf liever.\n\nGroet,\nFatima"
    )


def test_sha256_identifies_the_source_bytes(tmp_path: Path) -> None:
    first = read_transcript(write(tmp_path / "a.txt", DUTCH.encode()))
    second = read_transcript(write(tmp_path / "b.txt", DUTCH.encode()))
    third = read_transcript(write(tmp_path / "c.txt", DUTCH.encode("cp1252")))
    assert first.sha256 == second.sha256 != third.sha256
    assert first.name == "a.txt"


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    transcript = read_transcript(write(tmp_path / "r.txt", DUTCH.encode("utf-16-le")))
    assert transcript.text == DUTCH


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 50,
        bytes(range(1, 32)) * 40,
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    ],
    ids=["png", "exe", "control-chars", "pdf"],
)
def test_binary_renamed_to_txt_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(TranscriptImportError) as caught:
        read_transcript(write(tmp_path / "opname.txt", data))
    assert caught.value.reason == "binary"
    assert "opname.txt" in str(caught.value)


def test_broken_utf16_with_bom_is_unknown_encoding(tmp_path: Path) -> None:
    with pytest.raises(TranscriptImportError) as caught:
        read_transcript(write(tmp_path / "r.txt", codecs.BOM_UTF16_LE + b"a\x00\x00\xd8"))
    assert caught.value.reason == "unknown_encoding"


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n", codecs.BOM_UTF8])
def test_empty_text_files_are_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(TranscriptImportError) as caught:
        read_transcript(write(tmp_path / "leeg.txt", data))
    assert caught.value.reason == "empty"
