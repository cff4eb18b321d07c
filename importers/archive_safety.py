"""Reading untrusted ZIP archives and XML without letting them hurt the machine.

A .qdpx file comes from someone else's computer, so it is treated as hostile until checked:
entries that would escape the extraction folder (``../``, absolute paths, drive letters),
symbolic links, encrypted entries, archives that expand to far more than they weigh (zip bombs,
including overlapping-entry bombs whose headers lie), XML with a DOCTYPE or entities (billion
laughs, external entities) and absurdly deep nesting. Every refusal is a
``TranscriptImportError`` with a stable reason, so the user sees one clear sentence and nothing
is imported. Nothing is ever extracted to disk: members are read into memory with hard caps.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree

from importers.base import TranscriptImportError
from importers.safety import check_xml_bytes


@dataclass(frozen=True)
class ArchiveLimits:
    max_entries: int = 10_000
    max_total_bytes: int = 1_000_000_000  # all members together, uncompressed
    max_member_bytes: int = 500_000_000
    max_ratio: float = 200.0  # uncompressed / compressed, for members above ratio_floor
    ratio_floor: int = 1_000_000  # small members may compress well (XML, repetitive text)
    max_xml_depth: int = 128
    max_xml_bytes: int = 200_000_000
    max_xml_elements: int = 20_000_000


DEFAULT_LIMITS = ArchiveLimits()


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    name = info.filename.replace("\\", "/")
    if not name:
        return "the archive holds an entry without a name"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return f"the archive holds an absolute path ({info.filename!r})"
    if ".." in PurePosixPath(name).parts:
        return f"the archive holds a path that leaves the archive ({info.filename!r})"
    mode = info.external_attr >> 16
    if mode and stat.S_ISLNK(mode):
        return f"the archive holds a symbolic link ({info.filename!r})"
    return None


class SafeZip:
    """A checked ZIP archive. Members are read fully into memory, each read capped."""

    def __init__(self, path: Path, limits: ArchiveLimits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.limits = limits
        self._read_so_far = 0
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            raise TranscriptImportError(
                path, "corrupt", f"this is not a readable REFI-QDA archive ({exc})"
            ) from exc
        try:
            self._check()
        except BaseException:
            self._zip.close()
            raise

    def _check(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_entries:
            raise TranscriptImportError(
                self.path, "zip_bomb", f"the archive holds {len(infos)} entries (too many)"
            )
        total = 0
        for info in infos:
            problem = _member_problem(info)
            if problem:
                raise TranscriptImportError(self.path, "hostile_archive", problem)
            if info.flag_bits & 0x1:
                raise TranscriptImportError(
                    self.path, "encrypted", f"the archive entry {info.filename!r} is encrypted"
                )
            total += info.file_size
            if info.file_size > self.limits.max_member_bytes or total > self.limits.max_total_bytes:
                raise TranscriptImportError(
                    self.path, "zip_bomb", "the archive expands to more data than Duiding accepts"
                )
            if info.file_size > self.limits.ratio_floor and info.file_size > (
                self.limits.max_ratio * max(info.compress_size, 1)
            ):
                raise TranscriptImportError(
                    self.path,
                    "zip_bomb",
                    f"the archive entry {info.filename!r} is compressed suspiciously far",
                )

    def names(self) -> list[str]:
        """Member names (directories left out), with ``/`` as separator."""
        return [i.filename.replace("\\", "/") for i in self._zip.infolist() if not i.is_dir()]

    def size(self, name: str) -> int:
        """The declared unpacked size of a member (0 when there is no such member)."""
        return next((i.file_size for i in self._zip.infolist()
                     if i.filename.replace("\\", "/") == name), 0)

    def read(self, name: str, max_bytes: int | None = None) -> bytes:
        """A member's bytes; refuses more than declared, the member cap or the archive total."""
        info = next(
            (i for i in self._zip.infolist() if i.filename.replace("\\", "/") == name), None
        )
        if info is None:
            raise KeyError(name)
        cap = min(info.file_size, max_bytes or self.limits.max_member_bytes)
        out = io.BytesIO()
        try:
            with self._zip.open(info) as handle:
                while True:
                    chunk = handle.read(1 << 16)
                    if not chunk:
                        break
                    out.write(chunk)
                    self._read_so_far += len(chunk)
                    if out.tell() > cap or self._read_so_far > self.limits.max_total_bytes:
                        raise TranscriptImportError(
                            self.path,
                            "zip_bomb",
                            f"the archive entry {name!r} expands beyond its declared size",
                        )
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:  # CRC, cut
            raise TranscriptImportError(
                self.path, "corrupt", f"the archive entry {name!r} is damaged ({exc})"
            ) from exc
        except NotImplementedError as exc:  # unsupported compression method
            raise TranscriptImportError(
                self.path, "corrupt", f"the archive entry {name!r} cannot be unpacked ({exc})"
            ) from exc
        return out.getvalue()

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _safe_parser_options() -> dict[str, Any]:
    return {
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "dtd_validation": False,
        "huge_tree": False,
        "remove_comments": True,
        "remove_pis": True,
    }


def parse_untrusted_xml(
    data: bytes, path: Path, limits: ArchiveLimits = DEFAULT_LIMITS
) -> etree._Element:
    """Parse XML from an untrusted file: no DTD, no entities, no network, bounded depth."""
    if len(data) > limits.max_xml_bytes:
        raise TranscriptImportError(path, "too_large", "the XML is larger than Duiding accepts")
    # DTDs and entities in any encoding a parser would accept (UTF-16 either way round, an
    # odd declared encoding), whatever the part is called: one check shared with Office files.
    check_xml_bytes(path, "", data, limits.max_xml_elements)
    depth = 0
    try:
        context = etree.iterparse(io.BytesIO(data), events=("start", "end"), **_safe_parser_options())
        for event, _element in context:
            if event == "start":
                depth += 1
                if depth > limits.max_xml_depth:
                    raise TranscriptImportError(
                        path, "hostile_xml", f"the XML is nested more than {limits.max_xml_depth} deep"
                    )
            else:
                depth -= 1
        root: etree._Element = context.root
    except etree.XMLSyntaxError as exc:
        if "excessive depth" in str(exc).lower():  # libxml2's own nesting limit (lxml >= 6)
            raise TranscriptImportError(
                path, "hostile_xml", f"the XML is nested more than {limits.max_xml_depth} deep"
            ) from exc
        raise TranscriptImportError(path, "corrupt", f"the XML is malformed ({exc})") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise TranscriptImportError(
            path, "hostile_xml", "the XML declares a DOCTYPE or entities, which REFI-QDA never uses"
        )
    return root
