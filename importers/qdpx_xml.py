"""The small pieces every part of the REFI-QDA reader shares: XML access and the archive.

Split from ``importers.qdpx`` so that the parts of the reader (``qdpx_sources``, ``qdpx_notes``)
and its entry points all import these from below, at the top of the file, and never from each
other. Elements are matched by their local name, because files come with the 1.0 namespace,
pre-1.0 namespaces (``urn:QDA-XML:project:0:10``) or none at all.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath

from lxml import etree

from coding.interchange import ImportReport, VariableValue, normalise_guid
from importers.archive_safety import SafeZip
from importers.limits import MAX_PROJECT_TEXT_CHARS, current, refuse_text_size

_GUID = re.compile(r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
                   r"-[0-9a-fA-F]{12}\}?")


def local(el: etree._Element) -> str:
    tag = el.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def kids(el: etree._Element | None, name: str) -> list[etree._Element]:
    if el is None:
        return []
    return [c for c in el if local(c) == name]


def kid(el: etree._Element | None, name: str) -> etree._Element | None:
    found = kids(el, name)
    return found[0] if found else None


def child_text(el: etree._Element | None, name: str) -> str:
    """The text of the first child called ``name`` ('' when absent), CRLF as LF."""
    child = kid(el, name)
    return (child.text or "").replace("\r\n", "\n") if child is not None else ""


def guid_of(el: etree._Element, attr: str = "guid") -> str | None:
    value = el.get(attr)
    return normalise_guid(value) if value and value.strip() else None


def looks_like_guid(text: str) -> bool:
    return _GUID.fullmatch(text.strip()) is not None


def when(value: str | None) -> datetime | None:
    """xsd:dateTime with or without zone, as naive UTC; None when absent or unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        try:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:  # 9999-12-31T23:00-05:00 leaves the calendar: no date at all
            return None
    return parsed


def namespace_ok(root: etree._Element, kind: str) -> bool:
    ns = etree.QName(root.tag).namespace
    return ns is None or ns.lower().startswith(f"urn:qda-xml:{kind}:")


def colour(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if len(value) == 4 and value.startswith("#"):
        value = "#" + "".join(ch * 2 for ch in value[1:])
    ok = len(value) == 7 and value.startswith("#") and all(c in "0123456789abcdefABCDEF"
                                                           for c in value[1:])
    return value if ok else None  # case kept: Duiding stores colours lower case


class ArchiveReader:
    """Files inside the .qdpx (or none, for a bare .qde) and values read with a report."""

    def __init__(self, path: Path, archive: SafeZip | None, report: ImportReport) -> None:
        self.path = path
        self.archive = archive
        self.report = report
        self._members: dict[str, str] = {}
        if archive is not None:
            for name in archive.names():
                self._members.setdefault(name.lower(), name)
                self._members.setdefault(PurePosixPath(name).name.lower(), name)

    def file(self, ref: str | None) -> bytes | None:
        """The bytes an ``internal://`` (or bare) path points at; None when not in the archive."""
        if not ref or self.archive is None:
            return None
        ref = ref.strip().replace("\\", "/")
        if "://" in ref:
            scheme, _, rest = ref.partition("://")
            if scheme.lower() != "internal":
                return None  # relative:// and absolute:// point outside the archive
            ref = rest
        ref = ref.lstrip("/")
        for key in (f"sources/{ref}".lower(), ref.lower(), PurePosixPath(ref).name.lower()):
            if key in self._members:  # a text of N characters is at most 4N bytes (UTF-32)
                if self.archive.size(self._members[key]) > 4 * MAX_PROJECT_TEXT_CHARS:
                    refuse_text_size(self.path, MAX_PROJECT_TEXT_CHARS)
                return self.archive.read(self._members[key])
        return None

    def decode(self, data: bytes, name: str) -> str:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
            if len(data) % 2:  # an odd number of bytes: the last one is cut off
                self.report.warnings.append(f"{name}: damaged UTF-16 text, read as far as valid")
            return data.decode("utf-16", errors="replace")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            self.report.warnings.append(f"{name}: not UTF-8, read as Windows-1252")
            return data.decode("cp1252", errors="replace")

    def plain_text(self, el: etree._Element) -> str | None:
        """The text of a TextSource or Note: inline content, else its internal .txt file.

        An empty ``<PlainTextContent/>`` beside a ``plainTextPath`` does not hide the file
        (pre-1.0 writers put both); None when neither holds anything readable.
        """
        content = kid(el, "PlainTextContent")
        inline = (content.text or "") if content is not None else None
        text = inline
        if not inline:
            data = self.file(el.get("plainTextPath"))
            if data is not None:
                text = self.decode(data, el.get("name") or "")
        if text:  # all sources together, within the documented limit (importers.limits)
            current(self.path).add_chars(len(text), MAX_PROJECT_TEXT_CHARS)
        return text

    def value(self, el: etree._Element) -> tuple[str, VariableValue] | None:
        ref = kid(el, "VariableRef")
        target = guid_of(ref, "targetGUID") if ref is not None else None
        if not target:
            return None
        for child in el:
            kind, raw = local(child), (child.text or "").strip()
            if kind == "VariableRef":
                continue
            try:
                if kind == "BooleanValue":
                    return target, raw.lower() in ("true", "1")
                if kind == "IntegerValue":
                    return target, int(raw)
                if kind == "FloatValue":
                    return target, Decimal(raw)
                if kind == "DateValue":
                    return target, date.fromisoformat(raw[:10])
                if kind == "DateTimeValue":
                    return target, when(raw) or raw
            except (ValueError, InvalidOperation):
                self.report.warnings.append(f"unreadable {kind} {raw!r} kept as text")
            return target, child.text or ""
        return None

    def values(self, el: etree._Element) -> dict[str, VariableValue]:
        pairs = (self.value(v) for v in kids(el, "VariableValue"))
        return dict(p for p in pairs if p is not None)
