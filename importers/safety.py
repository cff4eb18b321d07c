"""Checks that run before any parser sees a file, so hostile or broken input fails early and clearly.

Students bring files from everywhere: a .docx that is really a password-protected Office file, a
zip that inflates to gigabytes, an XML part with entity declarations, a video renamed to .txt.
The format libraries would either crash with a traceback or, worse, spend minutes and gigabytes on
such a file. Every check here raises :class:`TranscriptImportError` with a stable ``reason`` code
and an English ``detail`` sentence; the GUI translates by reason.

The checks only read what they must: the size comes from ``stat`` before any byte is read, and a
zip container is judged by its central directory (which Python's ``zipfile`` enforces while
inflating: a member can never yield more bytes than its declared size) before python-docx, odfpy or
openpyxl parse it.
"""

from __future__ import annotations

import codecs
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from importers.base import TranscriptImportError
from importers.limits import (
    MAX_FILE_BYTES,
    MAX_TEXT_FILE_BYTES,
    MAX_XML_ELEMENTS,
    MAX_XML_PART_BYTES,
    number,
)

__all__ = ["MAX_FILE_BYTES", "ZipLimits", "check_size", "check_xml_bytes", "check_zip_container",
           "read_bytes"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound File header: an encrypted OOXML file (or a Word 97-2003 file) carries it."""


@dataclass(frozen=True)
class ZipLimits:
    """Bounds for a zip container (docx, odt, xlsx). Real documents stay far below them."""

    max_total_bytes: int = 512 * 1024 * 1024  # sum of declared uncompressed sizes
    max_entries: int = 10_000
    max_ratio: float = 200.0  # per member, uncompressed / compressed
    ratio_floor_bytes: int = 4 * 1024 * 1024  # small members may compress extremely well
    max_xml_part_bytes: int = MAX_XML_PART_BYTES  # one XML part, which a library parses whole
    max_xml_elements: int = MAX_XML_ELEMENTS


DEFAULT_ZIP_LIMITS = ZipLimits()

_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_TEXT = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_ASCII_COMPATIBLE = {"utf-8", "utf8", "ascii", "us-ascii", "iso-8859-1", "latin-1", "latin1",
                     "iso-8859-15", "windows-1252", "cp1252"}
_UTF16 = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
          (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be"))


def looks_like_xml(head: bytes) -> bool:
    """Would an XML parser take these first bytes as the start of a document?"""
    head = head.lstrip(b" \t\r\n")
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE,
                codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            return True
    return head.startswith((b"<", b"\x00<", b"\x00\x00\x00<"))


def check_xml_bytes(path: Path, part: str, data: bytes,
                    max_elements: int = MAX_XML_ELEMENTS) -> None:
    """Refuse an XML part with a DTD or entity declarations (Office and ODF never need them;
    billion-laughs and external-entity attacks do), in an encoding a byte scan cannot see
    through, or with more elements than `max_elements`. Whatever the part is called."""
    body = data.lstrip(b" \t\r\n")
    if body.startswith(codecs.BOM_UTF8):
        body = body[len(codecs.BOM_UTF8):]
    where = f"The part {part!r} of the file" if part else "The file"
    if body.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, b"\x00\x00\x00<",
                        b"<\x00\x00\x00")):
        raise TranscriptImportError(path, "hostile_xml",
                                    f"{where} is XML in UTF-32, which documents never use; "
                                    "it was refused for safety.")
    codec = next((c for prefix, c in _UTF16 if body.startswith(prefix)), None)
    if codec is not None:
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            raise TranscriptImportError(path, "corrupt",
                                        f"{where} is damaged (broken UTF-16 text).") from None
        hostile = _DTD_TEXT.search(text) is not None
        elements = text.count("<") - text.count("</")  # start and empty-element tags
    else:
        declared = _DECLARED.match(body[:512])
        if declared and declared.group(1).decode().lower() not in _ASCII_COMPATIBLE:
            raise TranscriptImportError(
                path, "hostile_xml",
                f"{where} declares the text encoding {declared.group(1).decode()!r}, which "
                "documents never use; it was refused for safety.")
        hostile = _DTD.search(body) is not None
        elements = body.count(b"<") - body.count(b"</")
    if hostile:
        raise TranscriptImportError(
            path, "hostile_xml",
            f"{where} declares a DTD or XML entities, which documents never need; it was "
            "refused for safety.")
    if elements > max_elements:
        raise TranscriptImportError(
            path, "too_large",
            f"{where} holds more than {number(max_elements)} XML elements (the limit); no real "
            "document has that many, so it was refused.")


def check_size(path: Path, max_bytes: int = MAX_FILE_BYTES) -> int:
    """Return the file size after refusing missing, empty and oversized files (by ``stat`` only).

    Text formats have their own, lower limit (``MAX_TEXT_FILE_BYTES``)."""
    max_bytes = min(max_bytes, MAX_TEXT_FILE_BYTES.get(path.suffix.lower(), max_bytes))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise TranscriptImportError(path, "not_found", "The file does not exist.") from None
    except OSError as exc:
        raise TranscriptImportError(
            path, "unreadable", f"The file cannot be read ({exc.strerror or exc})."
        ) from None
    if not path.is_file():
        raise TranscriptImportError(path, "unsupported", "This is not a regular file.")
    if size == 0:
        raise TranscriptImportError(path, "empty", "The file is empty (0 bytes).")
    if size > max_bytes:
        raise TranscriptImportError(
            path,
            "too_large",
            f"The file is {size / 1024 / 1024:.0f} MB; the limit is "
            f"{max_bytes / 1024 / 1024:.0f} MB.",
        )
    return size


def read_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Read a whole file after :func:`check_size`; an OS error becomes ``unreadable``."""
    check_size(path, max_bytes)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise TranscriptImportError(
            path, "unreadable", f"The file cannot be read ({exc.strerror or exc})."
        ) from None


def check_zip_container(
    path: Path,
    required: tuple[str, ...] = (),
    limits: ZipLimits = DEFAULT_ZIP_LIMITS,
    kind: str = "document",
) -> None:
    """Refuse a zip-based document that is encrypted, corrupt, a zip bomb or carries a DTD.

    ``required`` names members that must exist (``word/document.xml`` for a docx). Call after
    :func:`check_size` and before handing the file to a format library.
    """
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE_MAGIC):
        raise TranscriptImportError(
            path,
            "encrypted",
            f"The {kind} is password-protected (encrypted), or an old Office 97-2003 file "
            "saved under a new extension; save it again without a password in the current format.",
        )
    if not head.startswith(b"PK"):
        raise TranscriptImportError(
            path, "corrupt", f"The {kind} is damaged: it is not a valid zip container."
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if any(not info.filename for info in infos):  # (ZipInfo.is_dir would crash on it)
                raise TranscriptImportError(
                    path, "corrupt", f"The {kind} is damaged: it holds a part without a name. "
                    "Open it and save it again, then import that copy.")
            _check_zip_bounds(path, infos, limits)
            names = {info.filename for info in infos}
            missing = [name for name in required if name not in names]
            actual = _what_it_is(archive, names)
            suffix = _SAME_FORMAT.get(path.suffix.lower(), path.suffix.lower())
            if actual is not None and (missing or actual[0] != suffix):
                raise TranscriptImportError(
                    path, "unsupported",
                    f"This is not a {kind} but {actual[1]} ({actual[0]}) with another extension; "
                    f"save the transcript as a {kind} ({path.suffix.lower()}) and import that.")
            if missing:
                raise TranscriptImportError(
                    path, "corrupt",
                    f"The {kind} is damaged: an essential part ({missing[0]}) is missing. Open it "
                    "and save it again, then import that copy.")
            if any(info.flag_bits & 0x1 for info in infos):
                raise TranscriptImportError(
                    path, "encrypted", f"The {kind} contains encrypted parts."
                )
            for info in infos:
                if not info.is_dir():
                    _check_part(path, archive, info, limits)
    except TranscriptImportError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError,
            zlib.error):
        raise TranscriptImportError(
            path, "corrupt", f"The {kind} is damaged (its zip container cannot be unpacked); "
            "open it and save it again, then import that copy.") from None
    except NotImplementedError:
        raise TranscriptImportError(
            path, "corrupt", f"The {kind} uses an unsupported zip compression method."
        ) from None


def _check_zip_bounds(path: Path, infos: list[zipfile.ZipInfo], limits: ZipLimits) -> None:
    if len(infos) > limits.max_entries:
        raise TranscriptImportError(
            path,
            "zip_bomb",
            f"The file holds {len(infos)} zip entries (limit {limits.max_entries}); "
            "it looks like a zip bomb.",
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_bytes:
        raise TranscriptImportError(
            path,
            "zip_bomb",
            f"The file would unpack to {total / 1024 / 1024:.0f} MB (limit "
            f"{limits.max_total_bytes / 1024 / 1024:.0f} MB); it looks like a zip bomb.",
        )
    for info in infos:
        if info.file_size <= limits.ratio_floor_bytes:
            continue
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            raise TranscriptImportError(
                path,
                "zip_bomb",
                f"The part {info.filename} is compressed {ratio:.0f} times (limit "
                f"{limits.max_ratio:.0f}); it looks like a zip bomb.",
            )


_SAME_FORMAT = {".xlsm": ".xlsx", ".docm": ".docx", ".ott": ".odt"}
_ODF_KINDS = {
    "application/vnd.oasis.opendocument.text": (".odt", "an OpenDocument text"),
    "application/vnd.oasis.opendocument.text-template": (".odt", "an OpenDocument text"),
    "application/vnd.oasis.opendocument.spreadsheet": (".ods", "an OpenDocument spreadsheet"),
    "application/vnd.oasis.opendocument.presentation": (".odp", "an OpenDocument presentation"),
    "application/vnd.oasis.opendocument.graphics": (".odg", "an OpenDocument drawing"),
}


def _what_it_is(archive: zipfile.ZipFile, names: set[str]) -> tuple[str, str] | None:
    """(extension, description) of a known zip-based format, from its parts; None: unknown."""
    if "word/document.xml" in names:
        return ".docx", "a Word document"
    if "xl/workbook.xml" in names:
        return ".xlsx", "an Excel workbook"
    if "ppt/presentation.xml" in names:
        return ".pptx", "a PowerPoint presentation"
    if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
        mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
        if mimetype in _ODF_KINDS:
            return _ODF_KINDS[mimetype]
    if any(name.lower().endswith(".qde") for name in names):
        return ".qdpx", "a REFI-QDA project"
    return None


def _check_part(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ZipLimits
) -> None:
    """Any part that an XML parser would take for XML is checked as XML, whatever its name:
    python-docx follows relationships and odfpy the manifest, not file extensions."""
    with archive.open(info) as member:
        head = member.read(4)
    if not looks_like_xml(head):
        return
    if info.file_size > limits.max_xml_part_bytes:
        raise TranscriptImportError(
            path, "too_large",
            f"The part {info.filename!r} unpacks to {info.file_size / 1024 / 1024:.0f} MB of XML "
            f"(the limit is {limits.max_xml_part_bytes / 1024 / 1024:.0f} MB); no real "
            "transcript is that large inside.")
    with archive.open(info) as member:
        data = member.read(limits.max_xml_part_bytes + 1)
    check_xml_bytes(path, info.filename, data, limits.max_xml_elements)
