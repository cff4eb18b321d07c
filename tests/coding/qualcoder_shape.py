"""Rewrite a .qdpx the way QualCoder 3.x/4.0 writes a project it has read (its refi.py export).

What QualCoder keeps and how it writes it back, as its REFI-QDA export code does:

- every element gets a NEW GUID (sources, codes, cases, variables, users, selections);
- one ``PlainTextSelection`` per coding, each with one ``Coding``, the coding memo (the
  selection's description) repeated on each;
- descriptions of codes, sources, cases and the project are kept (they are QualCoder's memos);
- notes are dropped unless they are journals (a note with a text file) or annotations; an
  annotation is written as a ``Note`` holding ``PlainTextContent`` and its own
  ``PlainTextSelection``, with a ``NoteRef`` from the text source;
- sets and links are not written;
- the source texts are written with a BOM (``utf-8-sig``) under new file names;
- the users are the owners QualCoder knows, plus "default" for anything it read without one,
  and the project's ``creatingUserGUID`` is a fresh GUID that names no user.
"""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

from lxml import etree

NS = "urn:QDA-XML:project:1.0"
Q = f"{{{NS}}}"


def _new() -> str:
    return str(uuid.uuid4())


def qualcoder_shape(source: Path, dest: Path) -> Path:
    with zipfile.ZipFile(source) as zf:
        root = etree.fromstring(zf.read("project.qde"))
        files = {n: zf.read(n) for n in zf.namelist() if n.startswith("sources/")}
    remap: dict[str, str] = {}

    def new(old: str | None) -> str | None:
        if old is None:
            return None
        return remap.setdefault(old.lower(), _new())

    out_files: dict[str, bytes] = {}
    project = etree.Element(f"{Q}Project", nsmap={None: NS})
    project.set("name", root.get("name") or "qualcoder")
    project.set("origin", "QualCoder 3.6")
    project.set("creatingUserGUID", _new())
    users = etree.SubElement(project, f"{Q}Users")
    for user in root.iter(f"{Q}User"):
        etree.SubElement(users, f"{Q}User", guid=new(user.get("guid")) or "",
                         name=user.get("name") or "")
    default = _new()
    etree.SubElement(users, f"{Q}User", guid=default, name="default")

    book = root.find(f"{Q}CodeBook")
    if book is not None:
        codebook = etree.SubElement(project, f"{Q}CodeBook")
        codes = etree.SubElement(codebook, f"{Q}Codes")

        def copy_codes(src: etree._Element, dst: etree._Element) -> None:
            for code in src.findall(f"{Q}Code"):
                el = etree.SubElement(dst, f"{Q}Code", guid=new(code.get("guid")) or "",
                                      name=code.get("name") or "",
                                      isCodable=code.get("isCodable") or "true")
                if code.get("color"):
                    el.set("color", code.get("color") or "")
                desc = code.find(f"{Q}Description")
                if desc is not None and desc.text:
                    etree.SubElement(el, f"{Q}Description").text = desc.text
                copy_codes(code, el)

        copy_codes(book.find(f"{Q}Codes"), codes)

    variables = root.find(f"{Q}Variables")
    if variables is not None:
        vars_el = etree.SubElement(project, f"{Q}Variables")
        for var in variables:
            el = etree.SubElement(vars_el, f"{Q}Variable", guid=new(var.get("guid")) or "",
                                  name=var.get("name") or "",
                                  typeOfVariable="Float" if var.get("typeOfVariable") in (
                                      "Integer", "Float") else "Text")
            desc = var.find(f"{Q}Description")
            etree.SubElement(el, f"{Q}Description").text = desc.text if desc is not None else ""

    def values(src: etree._Element, dst: etree._Element) -> None:
        for value in src.findall(f"{Q}VariableValue"):
            el = etree.SubElement(dst, f"{Q}VariableValue")
            ref = value.find(f"{Q}VariableRef")
            etree.SubElement(el, f"{Q}VariableRef", targetGUID=new(ref.get("targetGUID")) or "")
            raw = value[1].text or ""
            tag = "FloatValue" if value[1].tag.endswith(("IntegerValue", "FloatValue")) \
                else "TextValue"
            etree.SubElement(el, f"{Q}{tag}").text = raw

    cases = root.find(f"{Q}Cases")
    if cases is not None:
        cases_el = etree.SubElement(project, f"{Q}Cases")
        for case in cases:
            el = etree.SubElement(cases_el, f"{Q}Case", guid=new(case.get("guid")) or "",
                                  name=case.get("name") or "")
            desc = case.find(f"{Q}Description")
            etree.SubElement(el, f"{Q}Description").text = desc.text if desc is not None else ""
            values(case, el)
            for ref in case.findall(f"{Q}SourceRef"):
                etree.SubElement(el, f"{Q}SourceRef", targetGUID=new(ref.get("targetGUID")) or "")

    annotations: list[tuple[str, etree._Element, str]] = []  # (source, selection, note guid)
    sources = root.find(f"{Q}Sources")
    sources_el = etree.SubElement(project, f"{Q}Sources")
    for src in sources if sources is not None else []:
        guid = new(src.get("guid")) or ""
        text_name = _new() + ".txt"
        old = (src.get("plainTextPath") or "").rpartition("//")[2]
        out_files[f"sources/{text_name}"] = b"\xef\xbb\xbf" + files[f"sources/{old}"]
        el = etree.SubElement(sources_el, f"{Q}TextSource", plainTextPath=f"internal://{text_name}",
                              creatingUser=new(src.get("creatingUser")) or default,
                              creationDateTime=src.get("creationDateTime") or "2024-01-01T00:00:00Z",
                              guid=guid, name=src.get("name") or "")
        desc = src.find(f"{Q}Description")
        if desc is not None and desc.text:
            etree.SubElement(el, f"{Q}Description").text = desc.text
        notes_here = []
        for sel in src.findall(f"{Q}PlainTextSelection"):
            desc = sel.find(f"{Q}Description")
            codings = sel.findall(f"{Q}Coding")
            if not codings:  # an annotation: QualCoder writes it as a note with a span
                note = _new()
                notes_here.append(note)
                annotations.append((guid, sel, note))
                continue
            for coding in codings:
                one = etree.SubElement(el, f"{Q}PlainTextSelection", guid=_new(),
                                       startPosition=sel.get("startPosition") or "0",
                                       endPosition=sel.get("endPosition") or "0",
                                       name=sel.get("name") or "",
                                       creatingUser=new(coding.get("creatingUser")) or "",
                                       creationDateTime=sel.get("creationDateTime") or "")
                if desc is not None and desc.text:
                    etree.SubElement(one, f"{Q}Description").text = desc.text
                c = etree.SubElement(one, f"{Q}Coding", guid=_new(),
                                     creatingUser=new(coding.get("creatingUser")) or "")
                ref = coding.find(f"{Q}CodeRef")
                etree.SubElement(c, f"{Q}CodeRef", targetGUID=new(ref.get("targetGUID")) or "")
        for note in notes_here[:1]:  # QualCoder writes the first annotation's NoteRef only
            etree.SubElement(el, f"{Q}NoteRef", targetGUID=note)
        values(src, el)

    if annotations:
        notes_el = etree.SubElement(project, f"{Q}Notes")
        for _source, sel, note in annotations:
            desc = sel.find(f"{Q}Description")
            el = etree.SubElement(notes_el, f"{Q}Note", guid=note,
                                  creatingUser=new(sel.get("creatingUser")) or default,
                                  creationDateTime=sel.get("creationDateTime") or "")
            etree.SubElement(el, f"{Q}PlainTextContent").text = desc.text if desc is not None \
                else ""
            etree.SubElement(el, f"{Q}PlainTextSelection", guid=_new(),
                             startPosition=sel.get("startPosition") or "0",
                             endPosition=sel.get("endPosition") or "0")
    desc = root.find(f"{Q}Description")
    etree.SubElement(project, f"{Q}Description").text = desc.text if desc is not None else ""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", etree.tostring(project, xml_declaration=True,
                                                  encoding="utf-8"))
        for name, data in out_files.items():
            zf.writestr(name, data)
    return dest
