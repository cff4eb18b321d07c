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

from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath

from lxml import etree

from coding.interchange import (
    ImportReport,
    QdaCase,
    QdaCode,
    QdaNote,
    QdaProject,
    QdaSet,
    QdaUser,
    QdaVariable,
    VariableType,
    VariableValue,
    normalise_guid,
    sort_codes_preorder,
)
from importers.archive_safety import DEFAULT_LIMITS, SafeZip, parse_untrusted_xml
from importers.base import TranscriptImportError
from importers.boundary import importer
from importers.limits import MAX_PROJECT_TEXT_CHARS, current, refuse_text_size


def _local(el: etree._Element) -> str:
    tag = el.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _kids(el: etree._Element | None, name: str) -> list[etree._Element]:
    if el is None:
        return []
    return [c for c in el if _local(c) == name]


def _kid(el: etree._Element | None, name: str) -> etree._Element | None:
    found = _kids(el, name)
    return found[0] if found else None


def _text(el: etree._Element | None, name: str) -> str:
    child = _kid(el, name)
    return (child.text or "") if child is not None else ""


def _guid(el: etree._Element, attr: str = "guid") -> str | None:
    value = el.get(attr)
    return normalise_guid(value) if value else None


def _when(value: str | None) -> datetime | None:
    """xsd:dateTime with or without zone, as naive UTC; None when absent or unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):  # 9999-12-31T23:00-05:00 leaves the calendar
        return None
    return parsed


def _namespace_ok(root: etree._Element, kind: str) -> bool:
    ns = etree.QName(root.tag).namespace
    return ns is None or ns.lower().startswith(f"urn:qda-xml:{kind}:")


class _Reader:
    def __init__(self, path: Path, archive: SafeZip | None, report: ImportReport) -> None:
        self.path = path
        self.archive = archive
        self.report = report
        self._members: dict[str, str] = {}
        if archive is not None:
            for name in archive.names():
                self._members.setdefault(name.lower(), name)
                self._members.setdefault(PurePosixPath(name).name.lower(), name)

    # -- files inside the archive ------------------------------------------------------------

    def _file(self, ref: str | None) -> bytes | None:
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

    def _decode(self, data: bytes, name: str) -> str:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return data.decode("utf-16")
            except UnicodeDecodeError:  # an odd number of bytes: the last one is cut off
                self.report.warnings.append(f"{name}: damaged UTF-16 text, read as far as valid")
                return data.decode("utf-16", errors="replace")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            self.report.warnings.append(f"{name}: not UTF-8, read as Windows-1252")
            return data.decode("cp1252", errors="replace")

    def _plain_text(self, el: etree._Element) -> str | None:
        content = _kid(el, "PlainTextContent")
        if content is not None:
            text: str | None = content.text or ""
        else:
            data = self._file(el.get("plainTextPath"))
            text = None if data is None else self._decode(data, el.get("name") or "")
        if text:  # all sources together, within the documented limit (importers.limits)
            current(self.path).add_chars(len(text), MAX_PROJECT_TEXT_CHARS)
        return text

    # -- building blocks ----------------------------------------------------------------------

    def users(self, root: etree._Element) -> list[QdaUser]:
        out = []
        for el in _kids(_kid(root, "Users"), "User"):
            guid = _guid(el)
            if guid:
                out.append(QdaUser(guid, el.get("name") or el.get("id") or ""))
        return out

    def codes(self, codes_el: etree._Element | None) -> list[QdaCode]:
        out: list[QdaCode] = []

        def walk(el: etree._Element, parent: str | None) -> None:
            for code in _kids(el, "Code"):
                guid = _guid(code)
                if not guid:
                    self.report.skip("code", code.get("name") or "", "no_guid")
                    continue
                colour = code.get("color")
                out.append(
                    QdaCode(
                        guid=guid,
                        name=code.get("name") or "",
                        parent_guid=parent,
                        colour=_colour(colour),
                        description=_text(code, "Description"),
                        is_codable=(code.get("isCodable") or "true").strip().lower()
                        not in ("false", "0"),
                    )
                )
                walk(code, guid)

        if codes_el is not None:
            walk(codes_el, None)
        return _unflatten_atlas(_dedupe(out, self.report))

    def value(self, el: etree._Element) -> tuple[str, VariableValue] | None:
        ref = _kid(el, "VariableRef")
        target = _guid(ref, "targetGUID") if ref is not None else None
        if not target:
            return None
        for child in el:
            kind, raw = _local(child), (child.text or "").strip()
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
                    return target, _when(raw) or raw
            except (ValueError, InvalidOperation):
                self.report.warnings.append(f"unreadable {kind} {raw!r} kept as text")
            return target, child.text or ""
        return None

    def values(self, el: etree._Element) -> dict[str, VariableValue]:
        pairs = (self.value(v) for v in _kids(el, "VariableValue"))
        return dict(p for p in pairs if p is not None)


def _colour(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if len(value) == 4 and value.startswith("#"):
        value = "#" + "".join(ch * 2 for ch in value[1:])
    ok = len(value) == 7 and value.startswith("#") and all(c in "0123456789abcdefABCDEF"
                                                           for c in value[1:])
    return value if ok else None  # case kept: Duiding stores colours lower case


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
        return _read_project(root, _Reader(path, None, report), report)
    with SafeZip(path) as archive:
        qde = _find_qde(archive.names())
        if qde is None:
            raise TranscriptImportError(path, "corrupt", "the archive holds no project.qde")
        root = parse_untrusted_xml(archive.read(qde, DEFAULT_LIMITS.max_xml_bytes), path)
        return _read_project(root, _Reader(path, archive, report), report)


def _find_qde(names: list[str]) -> str | None:
    qdes = [n for n in names if n.lower().endswith(".qde")]
    exact = [n for n in qdes if n.lower() == "project.qde"]
    if exact:
        return exact[0]
    return min(qdes, key=lambda n: (n.count("/"), n)) if qdes else None


def _read_project(
    root: etree._Element, reader: _Reader, report: ImportReport
) -> tuple[QdaProject, ImportReport]:
    if _local(root) != "Project" or not _namespace_ok(root, "project"):
        raise TranscriptImportError(reader.path, "corrupt", "this is not a REFI-QDA project file")
    from importers.qdpx_sources import read_sources  # split off to keep modules small

    project = QdaProject(
        name=root.get("name") or reader.path.stem,
        origin=root.get("origin") or "",
        creator_guid=_guid(root, "creatingUserGUID"),
        created=_when(root.get("creationDateTime")),
        modified=_when(root.get("modifiedDateTime")),
        description=_text(root, "Description"),
    )
    report.origin = project.origin
    project.users = reader.users(root)
    project.codes = reader.codes(_kid(_kid(root, "CodeBook"), "Codes"))
    for el in _kids(_kid(root, "Variables"), "Variable"):
        guid = _guid(el)
        if not guid:
            continue
        raw_type = (el.get("typeOfVariable") or "Text").strip()
        vtype = next((t for t in VariableType if t.value.lower() == raw_type.lower()), None)
        if vtype is None:
            report.warnings.append(f"variable '{el.get('name')}' has unknown type {raw_type!r}")
            vtype = VariableType.TEXT
        project.variables.append(
            QdaVariable(guid, el.get("name") or "", vtype, _text(el, "Description"))
        )
    note_targets: dict[str, list[str]] = {}
    read_sources(root, reader, project, note_targets)
    _read_cases(root, reader, project)
    _read_notes(root, reader, project, note_targets)
    _read_sets(root, project, "targetGUID")
    for graph in _kids(_kid(root, "Graphs"), "Graph"):
        report.skip("graph", graph.get("name") or "", "not_supported", "network views are not kept")
    _count(project, report)
    return project, report


def _read_cases(root: etree._Element, reader: _Reader, project: QdaProject) -> None:
    sources = {s.guid: s for s in project.sources}
    for el in _kids(_kid(root, "Cases"), "Case"):
        guid = _guid(el)
        if not guid:
            continue
        case = QdaCase(
            guid=guid,
            name=el.get("name") or "",
            description=_text(el, "Description"),
            values=reader.values(el),
            source_guids=[g for g in (_guid(r, "targetGUID") for r in _kids(el, "SourceRef")) if g],
            code_guids=[g for g in (_guid(r, "targetGUID") for r in _kids(el, "CodeRef")) if g],
        )
        if _kids(el, "SelectionRef"):
            reader.report.skip("case", case.name, "selection_members",
                               "cases made of selections are kept as cases of their sources only")
        # MAXQDA/Quirkos: an unnamed case with one source is that document's attribute row.
        if not case.name and len(case.source_guids) == 1 and case.source_guids[0] in sources:
            sources[case.source_guids[0]].values.update(case.values)
            continue
        case.source_guids = [g for g in case.source_guids if g in sources]
        project.cases.append(case)


def _read_notes(
    root: etree._Element, reader: _Reader, project: QdaProject, targets: dict[str, list[str]]
) -> None:
    for ref in _kids(root, "NoteRef"):
        guid = _guid(ref, "targetGUID")
        if guid:
            targets.setdefault(guid, []).append("")  # "" = the project
    for code_el in root.iter():
        if _local(code_el) == "Code" and code_el.get("guid"):
            for ref in _kids(code_el, "NoteRef"):
                guid = _guid(ref, "targetGUID")
                if guid:
                    targets.setdefault(guid, []).append(normalise_guid(code_el.get("guid") or ""))
    note_els = _kids(_kid(root, "Notes"), "Note")
    note_guids = {g for g in (_guid(n) for n in note_els) if g}
    for link in _kids(_kid(root, "Links"), "Link"):
        origin, target = _guid(link, "originGUID"), _guid(link, "targetGUID")
        if origin in note_guids and target:
            targets.setdefault(origin, []).append(target)
        elif target in note_guids and origin:
            targets.setdefault(target, []).append(origin)
        else:
            reader.report.skip("link", link.get("name") or "", "not_supported",
                               "relations between codes or sources are not kept")
    known = {c.guid for c in project.codes} | {s.guid for s in project.sources}
    known |= {s.guid for s in project.selections} | {c.guid for c in project.cases}
    for el in note_els:
        guid = _guid(el)
        if not guid:
            continue
        text = reader._plain_text(el)
        if text is None:
            text = _text(el, "Description")
            if el.get("richTextPath"):
                reader.report.warnings.append(f"note '{el.get('name')}': only rich text, not read")
        refs = targets.get(guid, [])
        lost = [r for r in refs if r and r not in known]
        if lost:
            reader.report.skip("note", el.get("name") or "", "target_not_imported",
                               f"attached to {len(lost)} item(s) that were not imported")
        project.notes.append(
            QdaNote(
                guid=guid,
                name=el.get("name") or "",
                text=text.replace("\r\n", "\n"),
                creator_guid=_guid(el, "creatingUser"),
                created=_when(el.get("creationDateTime")),
                target_guids=sorted({r for r in refs if r in known}),
                on_project="" in refs,
            )
        )


def _read_sets(root: etree._Element, project: QdaProject, member_attr: str) -> None:
    for el in _kids(_kid(root, "Sets"), "Set"):
        guid = _guid(el)
        if not guid:
            continue

        def members(tag: str, el: etree._Element = el) -> list[str]:
            found = (_guid(m, member_attr) or _guid(m, "guid") for m in _kids(el, tag))
            return [g for g in found if g]

        project.sets.append(
            QdaSet(guid, el.get("name") or "", _text(el, "Description"),
                   members("MemberCode"), members("MemberSource"), members("MemberNote"))
        )


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
    path = Path(path)
    report = ImportReport(path=str(path))
    if not path.is_file():
        raise TranscriptImportError(path, "not_found", "the file does not exist")
    if path.stat().st_size > DEFAULT_LIMITS.max_xml_bytes:
        raise TranscriptImportError(path, "too_large", "the codebook is larger than Duiding accepts")
    root = parse_untrusted_xml(path.read_bytes(), path)
    reader = _Reader(path, None, report)
    if _local(root) == "Project" and _namespace_ok(root, "project"):
        root = _kid(root, "CodeBook")  # a codebook inside a project file is accepted too
        if root is None:
            raise TranscriptImportError(path, "corrupt", "this project file holds no codebook")
    elif _local(root) != "CodeBook" or not _namespace_ok(root, "codebook"):
        raise TranscriptImportError(path, "corrupt", "this is not a REFI-QDA codebook file")
    report.origin = root.get("origin") or ""
    codes = reader.codes(_kid(root, "Codes"))
    for el in _kids(_kid(root, "Sets"), "Set"):
        report.skip("set", el.get("name") or "", "not_supported", "codebook sets are not kept")
    report.counts["codes"] = len(codes)
    return codes, report

