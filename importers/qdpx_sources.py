"""The ``<Sources>`` part of a REFI-QDA project: text, selections, codings; media reported.

Kept apart from ``importers.qdpx`` because this is where the tools differ most: text comes from
an internal file or inline content, PDF text selections live in a ``Representation``, and
positions need the counting scheme chosen over all sources together (``qdpx_positions``).
Audio, video, pictures and PDF areas cannot become Duiding documents: they are listed in the
report with how many codings they carried, so the user knows exactly what stayed behind.
A selection without codings is kept as an annotation (a comment on a span); the loader decides
where it goes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from lxml import etree

from coding.interchange import QdaCoding, QdaProject, QdaSelection, QdaSource, derived_guid
from importers.qdpx_positions import PositionConverter, TextMapping, choose_unit
from importers.qdpx_xml import (
    ArchiveReader,
    child_text,
    guid_of,
    kid,
    kids,
    local,
    looks_like_guid,
    when,
)

_MEDIA = {"PictureSource": "picture", "AudioSource": "audio", "VideoSource": "video"}

# Source GUID -> turns a span as the file counts it into code points of the stored text.
SpanConverter = Callable[[int, int], tuple[int, int] | None]


@dataclass
class _Pending:
    source: QdaSource
    mapping: TextMapping
    element: etree._Element
    selections: list[etree._Element] = field(default_factory=list)


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def span_of(sel: etree._Element) -> tuple[int, int]:
    return _int(sel.get("startPosition")) or 0, _int(sel.get("endPosition")) or 0


def source_name(el: etree._Element, guid: str, given: str = "") -> str:
    """The name a source had: its ``name``, else the file its text came from, else its GUID.

    qc and home-made writers leave ``name`` out but point ``plainTextPath`` at
    ``board_2017.txt``; a path that is just ``<guid>.txt`` names nothing and is passed over.
    """
    if given or el.get("name"):
        return given or el.get("name") or ""
    for attr in ("plainTextPath", "richTextPath", "path", "currentPath"):
        ref = (el.get(attr) or "").replace("\\", "/").rpartition("://")[2]
        base = PurePosixPath(ref).name
        if base and not looks_like_guid(PurePosixPath(base).stem):
            return base
    return guid


def read_sources(root: etree._Element, reader: ArchiveReader,
                 project: QdaProject) -> dict[str, SpanConverter]:
    """Fill ``project.sources`` and ``project.selections``; returns each source's converter."""
    report = reader.report
    pending: list[_Pending] = []

    def text_source(el: etree._Element, kind: str, given: str = "") -> None:
        guid = guid_of(el)
        name = source_name(el, guid or "?", given)
        if not guid:
            report.skip(kind, name, "no_guid")
            return
        raw = reader.plain_text(el)
        sels = kids(el, "PlainTextSelection")
        if raw is None:
            report.skip(kind, name, "missing_file",
                        f"its text file is not in the archive ({len(sels)} selections)")
            return
        source = QdaSource(guid=guid, name=name, text="", description=child_text(el, "Description"),
                           creator_guid=guid_of(el, "creatingUser"),
                           created=when(el.get("creationDateTime")), values=reader.values(el))
        pending.append(_Pending(source, TextMapping.build(raw), el, sels))

    sources_el = kid(root, "Sources")
    for el in list(sources_el) if sources_el is not None else []:
        kind = local(el)
        name = source_name(el, el.get("guid") or "?")
        if kind == "TextSource":
            text_source(el, "text")
        elif kind == "PDFSource":
            _pdf_source(el, name, text_source, pending, reader)
        elif kind in _MEDIA:
            sels = [c for c in el if local(c).endswith("Selection")]
            codings = sum(len(kids(s, "Coding")) for s in sels) + len(kids(el, "Coding"))
            transcripts = len(kids(el, "Transcript"))
            detail = f"{len(sels)} selections, {codings} codings"
            if transcripts:
                detail += f", {transcripts} transcripts"
            report.skip(_MEDIA[kind], name, "not_text", detail)
        elif kind:
            report.skip(kind, name, "not_supported")

    unit = choose_unit(
        [(p.mapping, [span_of(s) for s in p.selections]) for p in pending], project.origin
    )
    report.position_unit = unit
    known_codes = {c.guid for c in project.codes}
    seen: set[str] = set()
    converters: dict[str, SpanConverter] = {}
    for item in pending:
        source = item.source
        source.text = item.mapping.text
        project.sources.append(source)
        converter = PositionConverter(item.mapping, unit)
        converters[source.guid] = converter.span
        for sel in item.selections:
            guid = guid_of(sel)
            start, end = span_of(sel)
            span = converter.span(start, end)
            label = sel.get("name") or f"{start}-{end}"
            if not guid or span is None:
                report.skip("selection", f"{source.name}: {label}",
                            "outside_text" if guid else "no_guid",
                            f"positions {start}-{end} do not fit the text")
                continue
            if guid in seen:  # ATLAS.ti reuses GUIDs; keep both, stably
                guid = derived_guid(guid, source.guid)
            seen.add(guid)
            selection = QdaSelection(
                guid=guid, source_guid=source.guid, start=span[0], end=span[1],
                name=sel.get("name") or "", description=child_text(sel, "Description"),
                creator_guid=guid_of(sel, "creatingUser"),
                created=when(sel.get("creationDateTime")),
            )
            _codings(sel, selection, known_codes, reader, source.name)
            project.selections.append(selection)
        # Codings on the whole source (Transana): a selection spanning the text.
        whole = kids(item.element, "Coding")
        if whole and source.text:
            selection = QdaSelection(guid=derived_guid(source.guid, "whole"),
                                     source_guid=source.guid, start=0, end=len(source.text),
                                     name=source.name)
            _codings(item.element, selection, known_codes, reader, source.name)
            if selection.codings:
                report.warnings.append(f"{source.name}: whole-document codings kept as a segment")
                project.selections.append(selection)
    return converters


def _pdf_source(el: etree._Element, name: str, text_source: Callable[..., None],
                pending: list[_Pending], reader: ArchiveReader) -> None:
    areas = kids(el, "PDFSelection")
    rep = kid(el, "Representation")
    rep_guids = set()
    if rep is not None:
        rep_guids = {guid_of(s) for s in kids(rep, "PlainTextSelection")}
        text_source(rep, "pdf", name)
        if pending and pending[-1].element is rep:
            pending[-1].source.not_representable.append("pdf layout (text kept)")
    else:
        reader.report.skip("pdf", name, "not_text", "a PDF without a text representation")
    lost = [a for a in areas if guid_of(a) not in rep_guids]
    if lost:
        reader.report.skip("pdf", name, "pdf_area",
                           f"{len(lost)} PDF area selections with "
                           f"{sum(len(kids(a, 'Coding')) for a in lost)} codings")


def _codings(el: etree._Element, selection: QdaSelection, known_codes: set[str],
             reader: ArchiveReader, source_name_: str) -> None:
    for coding in kids(el, "Coding"):
        ref = kid(coding, "CodeRef")
        code = guid_of(ref, "targetGUID") if ref is not None else None
        if code is None or code not in known_codes:
            reader.report.skip("coding", f"{source_name_}: {selection.name or selection.guid}",
                               "unknown_code", f"refers to code {code} that is not in the codebook")
            continue
        selection.codings.append(QdaCoding(
            guid=guid_of(coding) or derived_guid(selection.guid, code), code_guid=code,
            creator_guid=guid_of(coding, "creatingUser"),
            created=when(coding.get("creationDateTime")),
        ))
