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

import zipfile
from dataclasses import dataclass
from pathlib import Path

from importers.base import TranscriptImportError

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Default upper bound for a source file; bigger files are refused before reading (``too_large``)."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound File header: an encrypted OOXML file (or a Word 97-2003 file) carries it."""


@dataclass(frozen=True)
class ZipLimits:
    """Bounds for a zip container (docx, odt, xlsx). Real documents stay far below them."""

    max_total_bytes: int = 512 * 1024 * 1024  # sum of declared uncompressed sizes
    max_entries: int = 10_000
    max_ratio: float = 200.0  # per member, uncompressed / compressed
    ratio_floor_bytes: int = 4 * 1024 * 1024  # small members may compress extremely well
    max_xml_part_bytes: int = 256 * 1024 * 1024  # one XML part we scan for DTDs


DEFAULT_ZIP_LIMITS = ZipLimits()

_XML_SUFFIXES = (".xml", ".rels")
_DTD_MARKERS = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)


def check_size(path: Path, max_bytes: int = MAX_FILE_BYTES) -> int:
    """Return the file size after refusing missing, empty and oversized files (by ``stat`` only)."""
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
            _check_zip_bounds(path, infos, limits)
            names = {info.filename for info in infos}
            missing = [name for name in required if name not in names]
            if missing:
                raise TranscriptImportError(
                    path, "corrupt", f"The {kind} is damaged: it has no {missing[0]}."
                )
            if any(info.flag_bits & 0x1 for info in infos):
                raise TranscriptImportError(
                    path, "encrypted", f"The {kind} contains encrypted parts."
                )
            for info in infos:
                if info.filename.lower().endswith(_XML_SUFFIXES):
                    _check_xml_part(path, archive, info, limits)
    except TranscriptImportError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        raise TranscriptImportError(
            path, "corrupt", f"The {kind} is damaged and cannot be opened ({exc})."
        ) from None
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


def _check_xml_part(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ZipLimits
) -> None:
    """Refuse DTDs and entity declarations: Office and ODF never need them, attacks do."""
    if info.file_size > limits.max_xml_part_bytes:
        raise TranscriptImportError(
            path, "zip_bomb", f"The part {info.filename} is too large to read safely."
        )
    # The prolog is where a DTD must stand, but read the whole part: it is bounded above, and a
    # streaming search would have to deal with markers split across chunks.
    with archive.open(info) as member:
        data = member.read(limits.max_xml_part_bytes + 1)
    if any(marker in data for marker in _DTD_MARKERS):
        raise TranscriptImportError(
            path,
            "hostile_xml",
            f"The part {info.filename} declares a DTD or XML entities, which documents never "
            "need; it was refused for safety.",
        )
