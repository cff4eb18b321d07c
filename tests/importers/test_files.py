"""Finding files to import: folders expand, junk is passed over, and a bad file spoils nothing."""

from __future__ import annotations

from pathlib import Path

from importers import (
    SUPPORTED_EXTENSIONS,
    ImportedTranscript,
    TranscriptImportError,
    iter_transcript_files,
    read_transcript,
)
from tests.importers.builders import make_docx


def test_folders_expand_recursively_sorted_and_skip_junk(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in [
        "b.txt",
        "A.docx",
        "sub/c.vtt",
        "~$A.docx",
        ".DS_Store",
        ".git/config.txt",
        "notes.md",
        "sub/opname.mp3",
        "oud.txt~",
    ]:
        (tmp_path / name).write_text("x")
    found = list(iter_transcript_files([tmp_path]))
    assert [
        (c.path.relative_to(tmp_path).as_posix(), c.skipped and c.skipped.reason) for c in found
    ] == [
        ("A.docx", None),
        ("b.txt", None),
        ("notes.md", "unsupported"),
        ("sub/c.vtt", None),
        ("sub/opname.mp3", "unsupported"),
    ]


def test_explicit_files_are_reported_once_with_reasons(tmp_path: Path) -> None:
    good = tmp_path / "r.srt"
    good.write_text("x")
    lock = tmp_path / "~$r.docx"
    lock.write_text("x")
    found = list(iter_transcript_files([good, str(good), lock, tmp_path / "weg.odt"]))
    assert [(c.path.name, c.skipped and c.skipped.reason) for c in found] == [
        ("r.srt", None),
        ("~$r.docx", "temporary"),
        ("weg.odt", "not_found"),
    ]


def test_extension_dispatch_is_case_insensitive(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "INTERVIEW.DOCX", ["Interviewer: Hallo.", "Ouder: Dag."])
    assert read_transcript(path).format == "docx"
    assert ".docx" in SUPPORTED_EXTENSIONS and ".DOCX" not in SUPPORTED_EXTENSIONS


def test_a_failing_file_in_a_batch_leaves_the_others_readable(tmp_path: Path) -> None:
    (tmp_path / "1_goed.txt").write_text("Interviewer: Hallo.\nOuder: Dag.", encoding="utf-8")
    (tmp_path / "2_kapot.docx").write_bytes(b"PK\x03\x04kapot")
    make_docx(tmp_path / "3_goed.docx", ["I: Vraag.", "R: Antwoord."])
    (tmp_path / "4_plaatje.png").write_bytes(b"\x89PNG")
    read: list[ImportedTranscript] = []
    failed: list[TranscriptImportError] = []
    for candidate in iter_transcript_files([tmp_path]):
        if candidate.skipped is not None:
            failed.append(candidate.skipped)
            continue
        try:
            read.append(read_transcript(candidate.path))
        except TranscriptImportError as error:
            failed.append(error)
    assert [t.name for t in read] == ["1_goed.txt", "3_goed.docx"]
    assert [(e.path.name, e.reason) for e in failed] == [
        ("2_kapot.docx", "corrupt"),
        ("4_plaatje.png", "unsupported"),
    ]
