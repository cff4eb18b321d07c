"""Hostile and broken input: each case gets its own reason and a message naming the file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from importers import TranscriptImportError, read_transcript
from importers.safety import ZipLimits, check_zip_container
from tests.importers.builders import make_docx, make_odt, rewrite_zip_member


def refused(path: Path, **kwargs: int) -> TranscriptImportError:
    with pytest.raises(TranscriptImportError) as caught:
        read_transcript(path, **kwargs)
    assert path.name in str(caught.value)
    return caught.value


@pytest.fixture
def good_docx(tmp_path: Path) -> Path:
    return make_docx(tmp_path / "goed.docx", ["Interviewer: Hallo.", "Ouder: Dag."])


def test_encrypted_docx_is_an_ole_file(tmp_path: Path) -> None:
    # Word saves a password-protected .docx as an OLE compound file with an encrypted package.
    path = tmp_path / "geheim.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"EncryptedPackage" * 64)
    error = refused(path)
    assert error.reason == "encrypted"
    assert "password" in error.detail


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04this is not really a zip", b"Interviewer: gewoon tekst", b"\x00\x01\x02\x03"],
    ids=["broken-zip", "text-as-docx", "binary"],
)
def test_corrupt_docx(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "kapot.docx"
    path.write_bytes(data)
    assert refused(path).reason == "corrupt"


def test_truncated_docx_is_corrupt(tmp_path: Path, good_docx: Path) -> None:
    path = tmp_path / "afgebroken.docx"
    path.write_bytes(good_docx.read_bytes()[: good_docx.stat().st_size // 2])
    assert refused(path).reason == "corrupt"


def test_zip_without_document_part_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "leeg.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hallo.txt", "hallo")
    error = refused(path)
    assert error.reason == "corrupt"
    assert "word/document.xml" in error.detail


def test_docx_zip_bomb_by_ratio(tmp_path: Path, good_docx: Path) -> None:
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(good_docx) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        new.writestr("word/media/padding.bin", b"\x00" * (8 * 1024 * 1024))
    assert refused(path).reason == "zip_bomb"


def test_docx_zip_bomb_by_entry_count(tmp_path: Path, good_docx: Path) -> None:
    path = tmp_path / "veel.docx"
    with zipfile.ZipFile(good_docx) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        for number in range(10_001):
            new.writestr(f"customXml/item{number}.bin", b"")
    error = refused(path)
    assert error.reason == "zip_bomb"
    assert "entries" in error.detail


def test_total_unpacked_size_is_bounded(tmp_path: Path, good_docx: Path) -> None:
    limits = ZipLimits(max_total_bytes=10_000)
    with pytest.raises(TranscriptImportError) as caught:
        check_zip_container(good_docx, ("word/document.xml",), limits)
    assert caught.value.reason == "zip_bomb"
    check_zip_container(good_docx, ("word/document.xml",))  # the default limits accept it


BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE w:document [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>Interviewer: &lol2;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
<office:body><office:text><text:p>&xxe;</text:p></office:text></office:body>
</office:document-content>"""


def test_docx_with_entities_is_refused(tmp_path: Path, good_docx: Path) -> None:
    path = rewrite_zip_member(good_docx, tmp_path / "lol.docx", "word/document.xml", BILLION_LAUGHS)
    assert refused(path).reason == "hostile_xml"


def test_odt_with_external_entity_is_refused(tmp_path: Path) -> None:
    good = make_odt(tmp_path / "goed.odt", ["Interviewer - Hallo."])
    path = rewrite_zip_member(good, tmp_path / "xxe.odt", "content.xml", EXTERNAL_ENTITY)
    error = refused(path)
    assert error.reason == "hostile_xml"
    assert "content.xml" in error.detail


def test_odt_with_broken_xml_is_corrupt(tmp_path: Path) -> None:
    good = make_odt(tmp_path / "goed.odt", ["Interviewer - Hallo."])
    path = rewrite_zip_member(good, tmp_path / "stuk.odt", "content.xml", b"<office:document")
    assert refused(path).reason == "corrupt"


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".odt", ".rtf", ".vtt", ".srt", ".pdf"])
def test_empty_files(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"leeg{suffix}"
    path.write_bytes(b"")
    assert refused(path).reason == "empty"


@pytest.mark.parametrize("name", ["opname.mp3", "notities.doc", "geen_extensie"])
def test_unknown_extensions_are_unsupported(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"ID3\x03\x00")
    assert refused(path).reason == "unsupported"


def test_files_over_the_limit_are_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "groot.txt"
    with path.open("wb") as handle:  # sparse: 300 MB on paper, nothing on disk
        handle.truncate(300 * 1024 * 1024)
    error = refused(path)
    assert error.reason == "too_large"
    assert "300 MB" in error.detail


def test_size_limit_is_a_parameter(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Interviewer: " + "bla " * 100)
    assert refused(path, max_bytes=100).reason == "too_large"
    assert read_transcript(path).turns


def test_missing_file_is_not_found(tmp_path: Path) -> None:
    assert refused(tmp_path / "weg.txt").reason == "not_found"
