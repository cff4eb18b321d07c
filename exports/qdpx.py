"""Writing REFI-QDA 1.5 project (.qdpx) and codebook (.qdc) files, exactly to the standard.

Other tools read REFI-QDA loosely but differ in what they tolerate, so Duiding writes the strict
form only (``../shared/refi-qda/FORMAT.md`` section 1, 2, 7, 12): ``project.qde`` plus a lower-case
``sources/`` holding each text as ``<GUID>.txt`` (UTF-8, no BOM, ``\\n``), referred to as
``internal://<GUID>.txt``; positions as 0-based Unicode code points with an exclusive end; GUIDs
upper case; dates UTC with ``Z``. The XML is validated against the official ``Project.xsd`` /
``Codebook.xsd`` (copied in ``exports/schema``) *before* anything is written; an invalid export
raises ``QdpxExportError`` and leaves no file. The archive is written to a temporary file beside
the destination and moved into place, so a crash never leaves half a file under the real name.

Memos become ``Note`` elements with inline text, attached with ``NoteRef`` where the schema allows
it (project, code, source, selection) and with a ``Link`` (note -> target, ``OneWay``) where it
does not (cases), which is how ATLAS.ti and NVivo attach memos. A segment memo is the selection's
``Description`` (MAXQDA's segment comment).

How Duiding's valence and key-quote flag travel (built by ``coding.interchange.snapshot`` and read
back by ``coding.interchange.load_into``; this module just writes the ``QdaProject`` it is given):

- The codebook gets a folder ``Valentie (Duiding)`` (``isCodable="false"``) with the codes
  ``positief`` and ``aandachtspunt``, and a code ``Kernquote (Duiding)``. Their GUIDs are fixed
  constants, the same in every Duiding export. A segment coded *positief* gets, besides a
  ``Coding`` per theme, one more ``Coding`` with the ``positief`` code; a key quote gets a
  ``Coding`` with ``Kernquote (Duiding)``. *neutraal* is the default and is not written.
  So ATLAS.ti, MAXQDA, NVivo and QualCoder show valence and key quotes as ordinary codes: users of
  those tools can filter, count and cross-tabulate them.
- Valence belongs to one theme on one segment. When a segment's themes have different valences,
  the segment is written as one ``PlainTextSelection`` per valence over the same span (as NVivo
  itself writes one selection per coding); the first keeps the segment's GUID, the others get a
  GUID derived from it (uuid5), which Duiding's importer recognises.
- Duiding's importer turns these codes back into valence and key-quote flags (by GUID, or by
  name when another tool renumbered them), merges selections with the same span and coder into
  one segment, and leaves the marker codes out of the codebook: the round trip is exact.
"""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from lxml import etree

from coding.interchange import (
    QdaCode,
    QdaNote,
    QdaProject,
    QdaSelection,
    VariableType,
    VariableValue,
    derived_guid,
)
from exports.files import write_atomic

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = "Duiding 0.1"
_SCHEMA_DIR = Path(__file__).resolve().parent / "schema"


class QdpxExportError(Exception):
    """The project cannot be written as valid REFI-QDA; ``reason`` is a stable code."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(detail)


@functools.cache
def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(_SCHEMA_DIR / name)))


def validate(xml: bytes, schema_name: str) -> list[str]:
    """Schema errors of an XML document (empty when valid); used by the writer and tests."""
    schema = _schema(schema_name)
    doc = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def _when(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.replace(microsecond=0).isoformat() + "Z"


def _el(parent: etree._Element, tag: str, ns: str, **attrs: str | None) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ns}}}{tag}")
    for key, value in attrs.items():
        if value is not None:
            el.set(key, value)
    return el


def _text_el(parent: etree._Element, tag: str, ns: str, text: str) -> None:
    if text:
        _el(parent, tag, ns).text = text


def _codes_xml(
    parent: etree._Element, codes: list[QdaCode], ns: str, notes_for: dict[str, list[str]]
) -> None:
    children: dict[str | None, list[QdaCode]] = {}
    known = {c.guid for c in codes}
    for code in codes:
        children.setdefault(code.parent_guid if code.parent_guid in known else None, []).append(code)
    codes_el = _el(parent, "Codes", ns)

    def walk(where: etree._Element, parent_guid: str | None) -> None:
        for code in children.get(parent_guid, []):
            el = _el(where, "Code", ns, guid=code.guid, name=code.name,
                     isCodable="true" if code.is_codable else "false", color=code.colour)
            _text_el(el, "Description", ns, code.description)
            for note_guid in notes_for.get(code.guid, []):
                _el(el, "NoteRef", ns, targetGUID=note_guid)
            walk(el, code.guid)

    walk(codes_el, None)


def _value_xml(parent: etree._Element, var: str, vtype: VariableType, value: VariableValue) -> None:
    el = _el(parent, "VariableValue", PROJECT_NS)
    _el(el, "VariableRef", PROJECT_NS, targetGUID=var)
    if vtype is VariableType.BOOLEAN:
        text = "true" if value is True or str(value).lower() in ("true", "1") else "false"
    elif vtype is VariableType.FLOAT and isinstance(value, Decimal | float | int):
        text = format(Decimal(str(value)), "f")
    elif vtype is VariableType.DATETIME and isinstance(value, datetime):
        text = _when(value) or ""
    elif vtype is VariableType.DATE and isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    _el(el, f"{vtype.value}Value", PROJECT_NS).text = text


def _check_references(project: QdaProject) -> None:
    guids: list[str] = [u.guid for u in project.users] + [c.guid for c in project.codes]
    guids += [v.guid for v in project.variables] + [c.guid for c in project.cases]
    guids += [s.guid for s in project.sources] + [s.guid for s in project.selections]
    guids += [c.guid for s in project.selections for c in s.codings]
    guids += [n.guid for n in project.notes] + [s.guid for s in project.sets]
    seen: set[str] = set()
    for guid in guids:
        if guid.upper() in seen:
            raise QdpxExportError("duplicate_guid", f"GUID {guid} is used twice")
        seen.add(guid.upper())
    codes = {c.guid for c in project.codes}
    texts = {s.guid: s.text for s in project.sources}
    for sel in project.selections:
        text = texts.get(sel.source_guid)
        if text is None or not 0 <= sel.start < sel.end <= len(text):
            raise QdpxExportError(
                "bad_selection", f"selection {sel.guid} does not lie within its source's text"
            )
        for coding in sel.codings:
            if coding.code_guid not in codes:
                raise QdpxExportError("unknown_code", f"coding {coding.guid} names no known code")


def project_xml(project: QdaProject) -> bytes:
    """The ``project.qde`` document for ``project`` (not yet validated)."""
    _check_references(project)
    ns = PROJECT_NS
    users = {u.guid for u in project.users}
    root = etree.Element(f"{{{ns}}}Project", nsmap={None: ns})
    root.set("name", project.name or "Duiding")
    root.set("origin", ORIGIN)  # we wrote it, whoever wrote the file we read
    for attr, stamp in (
        ("creatingUserGUID", project.creator_guid if project.creator_guid in users else None),
        ("creationDateTime", _when(project.created)),
        ("modifiedDateTime", _when(project.modified)),
    ):
        if stamp:
            root.set(attr, stamp)

    def user(guid: str | None) -> str | None:
        return guid if guid in users else None

    # Where each note is attached: NoteRef inside the element where the schema allows, else Link.
    kinds = {c.guid: "code" for c in project.codes}
    kinds.update({s.guid: "source" for s in project.sources})
    kinds.update({s.guid: "selection" for s in project.selections})
    kinds.update({c.guid: "case" for c in project.cases})
    notes_for: dict[str, list[str]] = {}
    links: list[tuple[QdaNote, str]] = []
    for note in project.notes:
        for target in note.target_guids:
            if kinds.get(target) in ("code", "source", "selection"):
                notes_for.setdefault(target, []).append(note.guid)
            elif target in kinds:
                links.append((note, target))

    if project.users:
        users_el = _el(root, "Users", ns)
        for u in project.users:
            _el(users_el, "User", ns, guid=u.guid, name=u.name or None)
    if project.codes:
        _codes_xml(_el(root, "CodeBook", ns), project.codes, ns, notes_for)
    vtypes = {v.guid: v.type for v in project.variables}
    if project.variables:
        vars_el = _el(root, "Variables", ns)
        for variable in project.variables:
            el = _el(vars_el, "Variable", ns, guid=variable.guid, name=variable.name,
                     typeOfVariable=variable.type.value)
            _text_el(el, "Description", ns, variable.description)
    if project.cases:
        cases_el = _el(root, "Cases", ns)
        for case in project.cases:
            el = _el(cases_el, "Case", ns, guid=case.guid, name=case.name or None)
            _text_el(el, "Description", ns, case.description)
            for code in case.code_guids:
                _el(el, "CodeRef", ns, targetGUID=code)
            for var, value in case.values.items():
                _value_xml(el, var, vtypes.get(var, VariableType.TEXT), value)
            for member in case.source_guids:
                _el(el, "SourceRef", ns, targetGUID=member)
    if project.sources:
        sources_el = _el(root, "Sources", ns)
        for src in project.sources:
            el = _el(sources_el, "TextSource", ns, guid=src.guid, name=src.name,
                     plainTextPath=f"internal://{src.guid}.txt",
                     creatingUser=user(src.creator_guid), creationDateTime=_when(src.created))
            _text_el(el, "Description", ns, src.description)
            for sel in project.selections_of(src.guid):
                _selection_xml(el, sel, notes_for, user)
            for note_guid in notes_for.get(src.guid, []):
                _el(el, "NoteRef", ns, targetGUID=note_guid)
            for var, value in src.values.items():
                _value_xml(el, var, vtypes.get(var, VariableType.TEXT), value)
    if project.notes:
        notes_el = _el(root, "Notes", ns)
        for note in project.notes:
            el = _el(notes_el, "Note", ns, guid=note.guid, name=note.name or None,
                     creatingUser=user(note.creator_guid), creationDateTime=_when(note.created))
            _el(el, "PlainTextContent", ns).text = note.text
    if links:
        links_el = _el(root, "Links", ns)
        for note, target in links:
            _el(links_el, "Link", ns, guid=derived_guid(note.guid, target), name="Memo",
                direction="OneWay", originGUID=note.guid, targetGUID=target)
    if project.sets:
        sets_el = _el(root, "Sets", ns)
        for st in project.sets:
            el = _el(sets_el, "Set", ns, guid=st.guid, name=st.name)
            _text_el(el, "Description", ns, st.description)
            for tag, members in (("MemberCode", st.code_guids), ("MemberSource", st.source_guids),
                                 ("MemberNote", st.note_guids)):
                for member in members:
                    _el(el, tag, ns, targetGUID=member)
    _text_el(root, "Description", ns, project.description)
    for note in project.notes:
        if note.on_project:
            _el(root, "NoteRef", ns, targetGUID=note.guid)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def _selection_xml(parent: etree._Element, sel: QdaSelection, notes_for: dict[str, list[str]],
                   who: Callable[[str | None], str | None]) -> None:
    ns = PROJECT_NS
    el = _el(parent, "PlainTextSelection", ns, guid=sel.guid, name=sel.name or None,
             startPosition=str(sel.start), endPosition=str(sel.end),
             creatingUser=who(sel.creator_guid),
             creationDateTime=_when(sel.created))
    _text_el(el, "Description", ns, sel.description)
    for coding in sel.codings:
        cel = _el(el, "Coding", ns, guid=coding.guid,
                  creatingUser=who(coding.creator_guid),
                  creationDateTime=_when(coding.created))
        _el(cel, "CodeRef", ns, targetGUID=coding.code_guid)
    for note_guid in notes_for.get(sel.guid, []):
        _el(el, "NoteRef", ns, targetGUID=note_guid)


def codebook_xml(codes: list[QdaCode], origin: str = ORIGIN) -> bytes:
    """The ``.qdc`` document for a codebook (not yet validated)."""
    if not codes:
        raise QdpxExportError("empty_codebook", "the codebook has no codes to export")
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", origin)
    _codes_xml(root, codes, CODEBOOK_NS, {})
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def _checked(xml: bytes, schema_name: str) -> bytes:
    errors = validate(xml, schema_name)
    if errors:
        raise QdpxExportError(
            "invalid_xml", f"the export does not validate against {schema_name}: {errors[0]}"
        )
    return xml


def write_qdpx(project: QdaProject, dest: Path | str) -> Path:
    """Write ``project`` as a .qdpx archive at ``dest``; validated first, written atomically."""
    dest = Path(dest)
    xml = _checked(project_xml(project), "Project.xsd")

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("project.qde", xml)
            for src in project.sources:
                zf.writestr(f"sources/{src.guid}.txt", src.text.encode("utf-8"))

    write_atomic(dest, write)
    return dest


def write_qdc(codes: Iterable[QdaCode], dest: Path | str, origin: str = ORIGIN) -> Path:
    """Write a codebook as a .qdc file at ``dest``; validated first, written atomically."""
    dest = Path(dest)
    xml = _checked(codebook_xml(list(codes), origin), "Codebook.xsd")
    write_atomic(dest, lambda tmp: tmp.write_bytes(xml))
    return dest
