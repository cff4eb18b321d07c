"""Reading REFI-QDA project (.qdpx) and codebook (.qdc) files from other tools, leniently.

Other tools implement REFI-QDA loosely (``../shared/refi-qda/FORMAT.md``): ``Sources/`` or
``sources/``, bare or ``internal://`` paths, ``<name>.qde`` instead of ``project.qde``,
codebook/project namespace variants or none, an empty ``<Sets/>``, GUIDs in any case or in braces,
positions in UTF-16 units. XSD validity is therefore no gate here: we read what we can understand
by local element names, convert positions to code points of Duiding's normalised text, and list
everything we cannot represent (audio, video, pictures, PDF areas, graphs...) in the
``ImportReport`` instead of failing. Hostile files are refused first by ``archive_safety``.
The result is a tool-neutral ``QdaProject``; storing it is ``coding.interchange.load_into``.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from coding.interchange import (
    ImportReport,
    QdaCode,
    QdaProject,
    QdaSet,
    QdaUser,
    QdaVariable,
    VariableType,
    sort_codes_preorder,
)
from importers.archive_safety import DEFAULT_LIMITS, SafeZip, parse_untrusted_xml
from importers.base import TranscriptImportError
from importers.boundary import importer
from importers.qdpx_notes import read_cases, read_notes, read_sets
from importers.qdpx_sources import read_sources
from importers.qdpx_xml import (
    ArchiveReader,
    child_text,
    colour,
    guid_of,
    kid,
    kids,
    local,
    namespace_ok,
    when,
)


def _users(root: etree._Element) -> list[QdaUser]:
    out = []
    for el in kids(kid(root, "Users"), "User"):
        guid = guid_of(el)
        if guid:
            out.append(QdaUser(guid, el.get("name") or el.get("id") or ""))
    return out


def _codes(codes_el: etree._Element | None, report: ImportReport) -> list[QdaCode]:
    out: list[QdaCode] = []

    def walk(el: etree._Element, parent: str | None) -> None:
        for code in kids(el, "Code"):
            guid = guid_of(code)
            if not guid:
                report.skip("code", code.get("name") or "", "no_guid")
                continue
            out.append(QdaCode(
                guid=guid, name=code.get("name") or "", parent_guid=parent,
                colour=colour(code.get("color")), description=child_text(code, "Description"),
                is_codable=(code.get("isCodable") or "true").strip().lower() not in ("false", "0"),
            ))
            walk(code, guid)

    if codes_el is not None:
        walk(codes_el, None)
    return _unflatten_atlas(_dedupe(out, report))


def _dedupe(codes: list[QdaCode], report: ImportReport) -> list[QdaCode]:
    seen: set[str] = set()
    out = []
    for code in codes:
        if code.guid in seen:
            report.warnings.append(f"code '{code.name}' repeats GUID {code.guid}; kept once")
            continue
        seen.add(code.guid)
        out.append(code)
    return out


def _unflatten_atlas(codes: list[QdaCode]) -> list[QdaCode]:
    """ATLAS.ti 8 writes ``Parent::Child`` flat: rebuild the tree when the parent exists."""
    roots = {c.name: c for c in codes if c.parent_guid is None and "::" not in c.name}
    for code in codes:
        if code.parent_guid is None and "::" in code.name:
            head, _, tail = code.name.partition("::")
            parent = roots.get(head.strip())
            if parent is not None and tail.strip():
                code.parent_guid, code.name = parent.guid, tail.strip()
    return sort_codes_preorder(codes)


@importer
def read_qdpx(path: Path | str) -> tuple[QdaProject, ImportReport]:
    """Read a .qdpx archive (or a bare .qde file) into a ``QdaProject`` plus what was left out."""
    path = Path(path)
    report = ImportReport(path=str(path))
    if not path.is_file():
        raise TranscriptImportError(path, "not_found", "the file does not exist")
    if path.suffix.lower() == ".qde":
        data = path.read_bytes()
        if len(data) > DEFAULT_LIMITS.max_xml_bytes:
            raise TranscriptImportError(path, "too_large", "the XML is larger than Duiding accepts")
        root = parse_untrusted_xml(data, path)
        return _read_project(root, ArchiveReader(path, None, report), report)
    with SafeZip(path) as archive:
        qde = _find_qde(archive.names())
        if qde is None:
            raise TranscriptImportError(path, "corrupt", "the archive holds no project.qde")
        root = parse_untrusted_xml(archive.read(qde, DEFAULT_LIMITS.max_xml_bytes), path)
        return _read_project(root, ArchiveReader(path, archive, report), report)


def _find_qde(names: list[str]) -> str | None:
    qdes = [n for n in names if n.lower().endswith(".qde")]
    exact = [n for n in qdes if n.lower() == "project.qde"]
    if exact:
        return exact[0]
    return min(qdes, key=lambda n: (n.count("/"), n)) if qdes else None


def _read_project(
    root: etree._Element, reader: ArchiveReader, report: ImportReport
) -> tuple[QdaProject, ImportReport]:
    if local(root) != "Project" or not namespace_ok(root, "project"):
        raise TranscriptImportError(reader.path, "corrupt", "this is not a REFI-QDA project file")
    project = QdaProject(
        name=root.get("name") or reader.path.stem,
        origin=root.get("origin") or "",
        creator_guid=guid_of(root, "creatingUserGUID"),
        created=when(root.get("creationDateTime")),
        modified=when(root.get("modifiedDateTime")),
        description=child_text(root, "Description"),
    )
    report.origin = project.origin
    project.users = _users(root)
    project.codes = _codes(kid(kid(root, "CodeBook"), "Codes"), report)
    for el in kids(kid(root, "Variables"), "Variable"):
        guid = guid_of(el)
        if not guid:
            continue
        raw_type = (el.get("typeOfVariable") or "Text").strip()
        vtype = next((t for t in VariableType if t.value.lower() == raw_type.lower()), None)
        if vtype is None:
            report.warnings.append(f"variable '{el.get('name')}' has unknown type {raw_type!r}")
            vtype = VariableType.TEXT
        project.variables.append(
            QdaVariable(guid, el.get("name") or "", vtype, child_text(el, "Description")))
    converters = read_sources(root, reader, project)
    read_cases(root, reader, project)
    read_notes(root, reader, project, converters)
    read_sets(root, project, report)
    for graph in kids(kid(root, "Graphs"), "Graph"):
        report.skip("graph", graph.get("name") or "", "not_supported", "network views are not kept")
    _count(project, report)
    return project, report


def _count(project: QdaProject, report: ImportReport) -> None:
    report.counts.update(
        users=len(project.users),
        codes=len(project.codes),
        sources=len(project.sources),
        selections=len(project.selections),
        codings=sum(len(s.codings) for s in project.selections),
        variables=len(project.variables),
        cases=len(project.cases),
        notes=len(project.notes),
        sets=len(project.sets),
    )


@importer
def read_qdc(path: Path | str) -> tuple[list[QdaCode], ImportReport]:
    """Read a .qdc codebook: the codes in pre-order (parents first) and an import report."""
    codes, _sets, report = read_codebook(path)
    for st in _sets:
        report.skip("set", st.name, "not_supported", "code groups of a codebook file")
    return codes, report


def read_codebook(path: Path | str) -> tuple[list[QdaCode], list[QdaSet], ImportReport]:
    """Read a .qdc codebook: codes in pre-order, its code sets, and an import report."""
    path = Path(path)
    report = ImportReport(path=str(path))
    if not path.is_file():
        raise TranscriptImportError(path, "not_found", "the file does not exist")
    if path.stat().st_size > DEFAULT_LIMITS.max_xml_bytes:
        raise TranscriptImportError(path, "too_large", "the codebook is larger than Duiding accepts")
    root = parse_untrusted_xml(path.read_bytes(), path)
    book: etree._Element | None = root
    if local(root) == "Project" and namespace_ok(root, "project"):
        book = kid(root, "CodeBook")  # a codebook inside a project file is accepted too
        if book is None:
            raise TranscriptImportError(path, "corrupt", "this project file holds no codebook")
    elif local(root) != "CodeBook" or not namespace_ok(root, "codebook"):
        raise TranscriptImportError(path, "corrupt", "this is not a REFI-QDA codebook file")
    assert book is not None
    report.origin = book.get("origin") or ""
    codes = _codes(kid(book, "Codes"), report)
    holder = QdaProject(name=path.stem, codes=codes)
    read_sets(book, holder, report)
    if local(root) == "Project":
        read_sets(root, holder, report)
    report.counts["codes"] = len(codes)
    return codes, holder.sets, report
