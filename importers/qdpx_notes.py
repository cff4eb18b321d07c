"""Notes, what they are attached to, cases and sets of a REFI-QDA project.

Memos hide in three places (``../shared/refi-qda/FORMAT.md`` section 9): ``NoteRef`` elements
inside whatever the note is about (the project, codes, sources, selections, codings, transcripts;
Transana and pre-1.0 files put them everywhere), ``Link`` elements from a note to its target
(ATLAS.ti, NVivo), and QualCoder's annotations, a note holding its own ``PlainTextSelection``
with the source pointing at it. All three end up in ``QdaNote.target_guids``; a note whose
target was not imported is kept (as a project memo) and the report says so.
"""

from __future__ import annotations

from lxml import etree

from coding.interchange import (
    ImportReport,
    QdaCase,
    QdaNote,
    QdaProject,
    QdaSelection,
    QdaSet,
    derived_guid,
)
from importers.qdpx_sources import SpanConverter, span_of
from importers.qdpx_xml import ArchiveReader, child_text, guid_of, kid, kids, local, when

PROJECT = ""  # the target of a note on the project as a whole


def read_cases(root: etree._Element, reader: ArchiveReader, project: QdaProject) -> None:
    sources = {s.guid: s for s in project.sources}
    for el in kids(kid(root, "Cases"), "Case"):
        guid = guid_of(el)
        if not guid:
            continue
        refs = [g for g in (guid_of(r, "targetGUID") for r in kids(el, "SourceRef")) if g]
        case = QdaCase(guid=guid, name=el.get("name") or "", description=child_text(el, "Description"),
                       values=reader.values(el), source_guids=refs,
                       code_guids=[g for g in (guid_of(r, "targetGUID")
                                               for r in kids(el, "CodeRef")) if g])
        label = case.name or f"casus {guid[:8].lower()}"
        if kids(el, "SelectionRef"):
            reader.report.skip("case", label, "selection_members",
                               "cases made of selections are kept as cases of their sources only")
        if case.code_guids:
            reader.report.skip("case code link", label, "not_supported",
                               f"{len(case.code_guids)} codes that stand for the case")
        missing = [g for g in refs if g not in sources]
        for gone in missing:
            reader.report.skip("case link", f"{label} -> {gone.lower()}", "source_missing",
                               "the case names a source that is not in the file (or not text)")
        # MAXQDA/Quirkos: an unnamed case with one source is that document's attribute row.
        if not case.name and len(refs) == 1:
            if refs[0] in sources:
                sources[refs[0]].values.update(case.values)
            continue
        case.source_guids = [g for g in refs if g in sources]
        project.cases.append(case)


def _note_refs(root: etree._Element) -> dict[str, list[str]]:
    """note GUID -> the GUIDs of what it is attached to by ``NoteRef`` (PROJECT: the project)."""
    targets: dict[str, list[str]] = {}
    for ref in root.iter():
        if local(ref) != "NoteRef":
            continue
        note = guid_of(ref, "targetGUID")
        parent = ref.getparent()
        if not note or parent is None:
            continue
        where = local(parent)
        if where == "Project":
            target: str | None = PROJECT
        elif where == "Coding":  # a memo on a coding is a memo on the coded fragment
            holder = parent.getparent()
            target = None if holder is None else (
                guid_of(holder) if local(holder).endswith("Selection")
                else derived_guid(guid_of(holder) or "", "whole"))
        elif where in ("Link", "Note", "Set"):
            target = None  # links are read below; notes and sets do not carry memos
        else:
            target = guid_of(parent)
        if target is not None:
            targets.setdefault(note, []).append(target)
    return targets


def read_notes(root: etree._Element, reader: ArchiveReader, project: QdaProject,
               converters: dict[str, SpanConverter]) -> None:
    targets = _note_refs(root)
    note_els = kids(kid(root, "Notes"), "Note")
    note_guids = {g for g in (guid_of(n) for n in note_els) if g}
    for link in kids(kid(root, "Links"), "Link"):
        origin, target = guid_of(link, "originGUID"), guid_of(link, "targetGUID")
        if origin in note_guids and target:
            targets.setdefault(origin, []).append(target)
        elif target in note_guids and origin:
            targets.setdefault(target, []).append(origin)
        else:
            reader.report.skip("link", link.get("name") or "", "not_supported",
                               "relations between codes or sources are not kept")
    sources = {s.guid for s in project.sources}
    for el in note_els:
        guid = guid_of(el)
        if not guid:
            continue
        refs = targets.get(guid, [])
        # QualCoder: the note holds the span, the source points at the note.
        spans = kids(el, "PlainTextSelection")
        on_sources = [r for r in refs if r in sources]
        if spans and len(on_sources) == 1:
            refs = [r for r in refs if r not in on_sources]
            for i, sel in enumerate(spans):
                span = converters[on_sources[0]](*span_of(sel))
                if span is None:
                    reader.report.skip("note", el.get("name") or guid, "outside_text",
                                       "the passage it comments on lies outside the text")
                    continue
                sel_guid = guid_of(sel) or derived_guid(guid, "span", str(i))
                project.selections.append(QdaSelection(sel_guid, on_sources[0], *span,
                                                       name=sel.get("name") or ""))
                refs.append(sel_guid)
        _note(el, guid, refs, reader, project)


def _note(el: etree._Element, guid: str, refs: list[str], reader: ArchiveReader,
          project: QdaProject) -> None:
    name = el.get("name") or ""
    text = reader.plain_text(el) or ""
    if not text.strip():
        text = child_text(el, "Description")
    if not text.strip():
        reason = "rich_text_only" if el.get("richTextPath") else "empty_text"
        reader.report.skip("note", name or guid.lower(), reason,
                           "only a .docx, no plain text" if el.get("richTextPath") else
                           "the memo has no text")
        return
    known = {c.guid for c in project.codes} | {s.guid for s in project.sources}
    known |= {s.guid for s in project.selections} | {c.guid for c in project.cases}
    lost = [r for r in refs if r != PROJECT and r not in known]
    for target in lost:
        reader.report.skip("note reference", f"{name or guid.lower()} -> {target.lower()}",
                           "target_missing", "what the memo belongs to was not imported; "
                           "the memo is kept on the project")
    project.notes.append(QdaNote(
        guid=guid, name=name, text=text.replace("\r\n", "\n"),
        creator_guid=guid_of(el, "creatingUser") or guid_of(el, "modifyingUser"),
        created=when(el.get("creationDateTime")) or when(el.get("modifiedDateTime")),
        target_guids=sorted({r for r in refs if r in known}),
        on_project=PROJECT in refs or (bool(lost) and not any(r in known for r in refs)),
    ))


def read_sets(root: etree._Element, project: QdaProject, report: ImportReport) -> None:
    """Sets, with members that are in the file as text sources, codes or notes."""
    known = {c.guid for c in project.codes} | {s.guid for s in project.sources}
    known |= {n.guid for n in project.notes}
    for el in kids(kid(root, "Sets"), "Set"):
        guid = guid_of(el)
        if not guid:
            continue
        name = el.get("name") or ""
        lost = 0

        def members(tag: str, el: etree._Element = el) -> list[str]:
            nonlocal lost
            found = list(dict.fromkeys(
                g for g in (guid_of(m, "targetGUID") or guid_of(m, "guid") for m in kids(el, tag))
                if g))
            lost += sum(1 for g in found if g not in known)
            return [g for g in found if g in known]

        project.sets.append(QdaSet(guid, name, child_text(el, "Description"),
                                   members("MemberCode"), members("MemberSource"),
                                   members("MemberNote")))
        if lost:
            report.skip("set member", name, "member_missing",
                        f"{lost} members that are not in the file as text or codes")
