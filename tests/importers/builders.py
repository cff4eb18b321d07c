"""Writers for the test fixtures: real .docx/.odt/.pdf/.zip files built in ``tmp_path``.

The tests build their own inputs so a fresh clone passes without the shared corpus, and so every
hostile case is a real file on disk, not a mocked parser.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path


def make_docx(
    path: Path,
    paragraphs: Sequence[str | tuple[str, str]],
    *,
    title: str | None = None,
    table: Sequence[tuple[str, str]] | None = None,
    header: str | None = None,
    footer: str | None = None,
) -> Path:
    """A Word file; a ``(bold, rest)`` tuple is a paragraph whose first run is bold."""
    import docx

    document = docx.Document()
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    if title is not None:
        document.add_paragraph(title, style="Title")
    if table is not None:
        grid = document.add_table(rows=len(table), cols=2)
        for row, (key, value) in zip(grid.rows, table, strict=True):
            row.cells[0].paragraphs[0].add_run(key).bold = True
            row.cells[1].text = value
        document.add_paragraph("")
    for item in paragraphs:
        if isinstance(item, tuple):
            paragraph = document.add_paragraph()
            paragraph.add_run(item[0]).bold = True
            paragraph.add_run(item[1])
        else:
            document.add_paragraph(item)
    document.save(str(path))
    return path


def make_odt(path: Path, paragraphs: Sequence[str]) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for text in paragraphs:
        document.text.addElement(P(text=text))
    document.save(str(path))
    return path


def make_pdf(path: Path, lines: Sequence[str], *, text_layer: bool = True) -> Path:
    """A minimal one-page PDF (Helvetica, WinAnsi); without a text layer it only draws a line."""
    if text_layer:
        content = ["BT /F1 12 Tf 14 TL 72 760 Td"]
        for line in lines:
            raw = line.encode("cp1252")
            raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            content.append("(" + raw.decode("latin-1") + ") Tj T*")
        content.append("ET")
    else:  # what a scan looks like to a text extractor: marks on the page, no text
        content = ["0 0 0 RG 72 700 m 500 700 l S"]
    stream = "\n".join(content).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def rewrite_zip_member(source: Path, target: Path, member: str, data: bytes) -> Path:
    """Copy a zip container, replacing one member's bytes (to plant hostile XML)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, data if info.filename == member else old.read(info))
    return target
