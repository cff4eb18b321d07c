"""Plain-text transcripts: decode the bytes reliably, then normalise once for good.

Text files come from Notepad, Word's "save as text", transcription services and old Windows
machines, so the encoding is not known. The order of evidence matters: a byte-order mark is
certain, strict UTF-8 is almost certain (legacy Dutch text with accents is never valid UTF-8 by
accident), then Windows-1252 (what Dutch Windows saves), and charset-normalizer only as a tie
breaker for text that is clearly something else. A binary file renamed to ``.txt`` is refused
rather than imported as mojibake.

``normalise`` is the single place where text becomes what every position in the project points
into: NFC, ``\\n`` line ends, no BOM.
"""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
from pathlib import Path

from importers.base import ImportedTranscript, TranscriptImportError
from importers.boundary import importer
from importers.limits import check_text
from importers.safety import MAX_FILE_BYTES, read_bytes
from importers.speakers import find_turns

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (perhaps a .docx or .odt)"),
    (b"\xd0\xcf\x11\xe0", "an Office 97-2003 document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"),
)
_WESTERN = {"cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15", "cp850", "mac_roman"}
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def normalise(text: str) -> str:
    """NFC, ``\\n`` line ends (from CRLF and lone CR), no BOM: the one canonical form."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return unicodedata.normalize("NFC", text)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding name)``; refuse binary or undecodable bytes."""
    for bom, codec, _name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise TranscriptImportError(
                    path,
                    "unknown_encoding",
                    f"The file starts with a {_name} byte-order mark but is not valid {_name}.",
                ) from None
            _refuse_binary(path, text)
            return text, codec
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise TranscriptImportError(
                path, "binary", f"This is not a text file: it looks like {what}."
            )
    if b"\x00" in data:
        text16 = _utf16_without_bom(data)
        if text16 is None:
            raise TranscriptImportError(
                path, "binary", "This is not a text file: it contains binary data (NUL bytes)."
            )
        _refuse_binary(path, text16)
        return text16, "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_binary(path, text)
        return text, "utf-8"
    text, codec = _legacy(path, data)
    _refuse_binary(path, text)
    return text, codec


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: NULs in every other byte of mostly-ASCII text, else ``None``."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    codec = None
    if odd_nuls > 0.6 * half and even_nuls < 0.05 * half:
        codec = "utf-16-le"
    elif even_nuls > 0.6 * half and odd_nuls < 0.05 * half:
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _legacy(path: Path, data: bytes) -> tuple[str, str]:
    """Not UTF-8: Windows-1252 unless the bytes clearly are another encoding.

    Western text in Windows-1252 is mostly ASCII letters with a few accented ones; Cyrillic,
    Greek or Turkish legacy text read as Windows-1252 turns into words made entirely of accented
    letters. Only in that case is charset-normalizer asked (on short Dutch text it tends to guess
    a Central European code page, which would garble every accent).
    """
    try:
        cp1252: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    if cp1252 is not None:
        letters = [ch for ch in cp1252[:200_000] if ch.isalpha()]
        foreign = sum(1 for ch in letters if not ch.isascii())
        if foreign <= 0.25 * len(letters):
            return cp1252, "windows-1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 256 * 1024]).best()
    if best is not None and best.encoding not in _WESTERN:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    if cp1252 is not None:
        return cp1252, "windows-1252"
    raise TranscriptImportError(
        path,
        "unknown_encoding",
        "The text encoding could not be recognised; save the file as UTF-8 and try again.",
    )


def _refuse_binary(path: Path, text: str) -> None:
    sample = text[:100_000]
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS
    )
    if "\x00" in sample or controls > max(2, len(sample) // 200):
        raise TranscriptImportError(
            path, "binary", "This is not a text file: it contains binary control characters."
        )


def transcript_from_text(
    path: Path, data: bytes, text: str, fmt: str, warnings: list[str] | None = None
) -> ImportedTranscript:
    """Normalise ``text``, find its turns and wrap it; refuses text that is only whitespace."""
    text = normalise(text)
    if not text.strip():
        raise TranscriptImportError(path, "empty", "The file contains no text.")
    check_text(path, text)
    return ImportedTranscript(
        name=path.name,
        format=fmt,
        text=text,
        turns=find_turns(text),
        sha256=sha256_of(data),
        warnings=list(warnings or []),
    )


@importer
def read_txt(path: Path, max_bytes: int = MAX_FILE_BYTES) -> ImportedTranscript:
    """A ``.txt`` transcript in any of the encodings students bring."""
    data = read_bytes(path, max_bytes)
    text, codec = decode_text(path, data)
    warnings = []
    if codec not in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        warnings.append(f"encoding:{codec}")
    return transcript_from_text(path, data, text, "txt", warnings)
