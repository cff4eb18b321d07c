"""The ``<Sources>`` part of a REFI-QDA project: text, selections, codings; media reported.

Kept apart from ``importers.qdpx`` because this is where the tools differ most: text comes from
an internal file or inline content, PDF text selections live in a ``Representation``, and
positions need the counting scheme chosen over all sources together (``qdpx_positions``).
Audio, video, pictures and PDF areas cannot become Duiding documents: they are listed in the
report with how many codings they carried, so the user knows exactly what stayed behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from coding.interchange import QdaCoding, QdaProject, QdaSelection, QdaSource, derived_guid
from importers.qdpx_positions import PositionConverter, TextMapping, choose_unit

if TYPE_CHECKING:
    from importers.qdpx import _Reader

_MEDIA = {"PictureSource": "picture", "AudioSource": "audio", "VideoSource": "video"}


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


def read_sources(
    root: etree._Element, reader: _Reader, project: QdaProject, note_targets: dict[str, list[str]]
) -> None:
    from importers.qdpx import _guid, _kid, _kids, _local, _text, _when

    report = reader.report
    pending: list[_Pending] = []

    def text_source(el: etree._Element, name: str, kind: str) -> None:
        guid = _guid(el)
        if not guid:
            report.skip(kind, name, "no_guid")
            return
        raw = reader._plain_text(el)
        sels = _kids(el, "PlainTextSelection")
        if raw is None:
            report.skip(kind, name, "missing_file",
                        f"its text file is not in the archive ({len(sels)} selections)")
            return
        source = QdaSource(
            guid=guid,
            name=name,
            text="",
            description=_text(el, "Description"),
            creator_guid=_guid(el, "creatingUser"),
            created=_when(el.get("creationDateTime")),
            values=reader.values(el),
        )
        for ref in _kids(el, "NoteRef"):
            target = _guid(ref, "targetGUID")
            if target:
                note_targets.setdefault(target, []).append(guid)
        pending.append(_Pending(source, TextMapping.build(raw), el, sels))

    sources_el = _kid(root, "Sources")
    for el in list(sources_el) if sources_el is not None else []:
        kind = _local(el)
        name = el.get("name") or el.get("guid") or "?"
        if kind == "TextSource":
            text_source(el, name, "text")
        elif kind == "PDFSource":
            areas = _kids(el, "PDFSelection")
            rep = _kid(el, "Representation")
            rep_guids = set()
            if rep is not None:
                rep_guids = {_guid(s) for s in _kids(rep, "PlainTextSelection")}
                text_source(rep, name, "pdf")
                if pending and pending[-1].element is rep:
                    pending[-1].source.not_representable.append("pdf layout (text kept)")
            else:
                report.skip("pdf", name, "not_text", "a PDF without a text representation")
            lost = [a for a in areas if _guid(a) not in rep_guids]
            if lost:
                report.skip("pdf", name, "pdf_area",
                            f"{len(lost)} PDF area selections with "
                            f"{sum(len(_kids(a, 'Coding')) for a in lost)} codings")
        elif kind in _MEDIA:
            sels = [c for c in el if _local(c).endswith("Selection")]
            codings = sum(len(_kids(s, "Coding")) for s in sels) + len(_kids(el, "Coding"))
            transcripts = len(_kids(el, "Transcript"))
            detail = f"{len(sels)} selections, {codings} codings"
            if transcripts:
                detail += f", {transcripts} transcripts"
            report.skip(_MEDIA[kind], name, "not_text", detail)
        elif kind:
            report.skip(kind, name, "not_supported")

    unit = choose_unit(
        [(p.mapping, [_span(s) for s in p.selections]) for p in pending], project.origin
    )
    report.position_unit = unit
    known_codes = {c.guid for c in project.codes}
    seen_selection_guids: set[str] = set()
    for item in pending:
        source = item.source
        source.text = item.mapping.text
        project.sources.append(source)
        conv = PositionConverter(item.mapping, unit)
        for sel in item.selections:
            guid = _guid(sel)
            start, end = _span(sel)
            span = conv.span(start, end)
            label = sel.get("name") or f"{start}-{end}"
            if not guid or span is None:
                report.skip("selection", f"{source.name}: {label}",
                            "outside_text" if guid else "no_guid",
                            f"positions {start}-{end} do not fit the text")
                continue
            if guid in seen_selection_guids:  # ATLAS.ti reuses GUIDs; keep both, stably
                guid = derived_guid(guid, source.guid)
            seen_selection_guids.add(guid)
            selection = QdaSelection(
                guid=guid,
                source_guid=source.guid,
                start=span[0],
                end=span[1],
                name=sel.get("name") or "",
                description=(_text(sel, "Description") or "").replace("\r\n", "\n"),
                creator_guid=_guid(sel, "creatingUser"),
                created=_when(sel.get("creationDateTime")),
            )
            _codings(sel, selection, known_codes, reader, note_targets, source.name)
            for ref in _kids(sel, "NoteRef"):
                target = _guid(ref, "targetGUID")
                if target:
                    note_targets.setdefault(target, []).append(guid)
            project.selections.append(selection)
        # Codings on the whole source (Transana): a selection spanning the text.
        whole = _kids(item.element, "Coding")
        if whole and source.text:
            selection = QdaSelection(
                guid=derived_guid(source.guid, "whole"), source_guid=source.guid,
                start=0, end=len(source.text), name=source.name,
            )
            _codings(item.element, selection, known_codes, reader, note_targets, source.name)
            if selection.codings:
                report.warnings.append(f"{source.name}: whole-document codings kept as a segment")
                project.selections.append(selection)


def _span(sel: etree._Element) -> tuple[int, int]:
    return _int(sel.get("startPosition")) or 0, _int(sel.get("endPosition")) or 0


def _codings(
    el: etree._Element,
    selection: QdaSelection,
    known_codes: set[str],
    reader: _Reader,
    note_targets: dict[str, list[str]],
    source_name: str,
) -> None:
    from importers.qdpx import _guid, _kid, _kids, _when

    for coding in _kids(el, "Coding"):
        ref = _kid(coding, "CodeRef")
        code = _guid(ref, "targetGUID") if ref is not None else None
        if code not in known_codes or code is None:
            reader.report.skip("coding", f"{source_name}: {selection.name or selection.guid}",
                               "unknown_code", f"refers to code {code} that is not in the codebook")
            continue
        selection.codings.append(
            QdaCoding(
                guid=_guid(coding) or derived_guid(selection.guid, code),
                code_guid=code,
                creator_guid=_guid(coding, "creatingUser"),
                created=_when(coding.get("creationDateTime")),
            )
        )
        for nref in _kids(coding, "NoteRef"):
            target = _guid(nref, "targetGUID")
            if target:
                note_targets.setdefault(target, []).append(selection.guid)
