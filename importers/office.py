"""Word (.docx), LibreOffice (.odt) and RTF transcripts: body paragraphs in reading order.

The text keeps the source's paragraphs, one per line, so what the researcher sees matches the
document they typed. Word specifics: headers and footers are not transcript text (they hold page
numbers and project names); a two-column table at the top (before the first turn) is the usual
metadata block (``Respondent | ...``, ``Datum | ...``) and becomes ``attributes`` instead of
text; a bold run opening a paragraph is a speaker label even without a colon.

Every zip container passes :func:`importers.safety.check_zip_container` (encrypted, corrupt,
zip bomb, DTD) before python-docx or odfpy parse a byte of it. The libraries are imported lazily
so that starting the application does not pay for them.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from importers.base import ImportedTranscript, TranscriptImportError
from importers.boundary import damaged, importer
from importers.limits import check_repeat, check_text, current
from importers.quiet import captured_stdout
from importers.safety import MAX_FILE_BYTES, check_zip_container, read_bytes
from importers.speakers import find_turns, line_spans
from importers.text import normalise, sha256_of

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@importer
def read_docx(path: Path, max_bytes: int = MAX_FILE_BYTES) -> ImportedTranscript:
    """A Word transcript: body paragraphs (and cells of later tables) in document order."""
    data = read_bytes(path, max_bytes)
    check_zip_container(path, ("word/document.xml",), kind="Word document")
    import docx

    try:
        body = docx.Document(str(path)).element.body
    except Exception:  # python-docx: KeyError, ValueError, lxml's XMLSyntaxError, zip errors...
        raise damaged(path) from None  # (and a main part that is no w:document at all)
    if body is None:
        raise damaged(path)

    paragraphs: list[tuple[str, int]] = []  # (text, length of an opening bold run)
    attributes: dict[str, str] = {}
    budget = current(path)
    for child in body.iterchildren():
        budget.tick()
        if child.tag == f"{_W}p":
            paragraphs.append(_docx_paragraph(child))
        elif child.tag == f"{_W}tbl":
            rows = _docx_table_rows(child)
            # "At the top": only a title and perhaps a subtitle or date line stand before it.
            at_top = sum(1 for text, _ in paragraphs if text.strip()) <= 3
            if at_top and not attributes and rows and all(len(row) == 2 for row in rows):
                attributes = {
                    key: value for key, value in ((k.strip(), v.strip()) for k, v in rows) if key
                }
                continue
            for row in rows:
                paragraphs.extend((cell, 0) for cell in row)
    return _assemble(path, data, "docx", paragraphs, attributes)


def _docx_paragraph(element: Any) -> tuple[str, int]:
    """Text of a ``w:p`` and the length of its opening bold run (0 if it does not open bold).

    Works on the oxml element directly (python-docx's ``CT_P.text``) rather than building
    ``Paragraph``/``Run`` objects: this loop runs for every paragraph of every file.
    """
    # Same pieces as python-docx's ``CT_P.text`` (runs and hyperlinks), each read once.
    pieces = [(child, child.text) for child in element.iterchildren(f"{_W}r", f"{_W}hyperlink")]
    text = "".join(piece for _child, piece in pieces)
    bold = 0
    for child, run_text in pieces:
        if child.tag != f"{_W}r":
            break
        if not run_text.strip() and bold == 0:
            bold += len(run_text)
            continue
        if _is_bold(child):
            bold += len(run_text)
            continue
        break
    stripped_bold = text[:bold].strip()
    return text, bold if stripped_bold and bold < len(text) else 0


def _is_bold(run: Any) -> bool:
    properties = run.find(f"{_W}rPr")
    flag = properties.find(f"{_W}b") if properties is not None else None
    if flag is None:
        return False
    return flag.get(f"{_W}val", "true").lower() not in ("0", "false", "off")


def _docx_table_rows(element: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in element.iter(f"{_W}tr"):
        cells = []
        for cell in row.iter(f"{_W}tc"):
            texts = [_docx_paragraph(p)[0] for p in cell.iter(f"{_W}p")]
            cells.append("\n".join(texts))
        rows.append(cells)
    return rows


@importer
def read_odt(path: Path, max_bytes: int = MAX_FILE_BYTES) -> ImportedTranscript:
    """A LibreOffice transcript: ``text:p`` / ``text:h`` paragraphs in document order."""
    data = read_bytes(path, max_bytes)
    check_zip_container(path, ("content.xml",), kind="OpenDocument text")
    from odf.opendocument import load

    # odfpy prints a parse failure of a part to stdout and carries on with an empty document;
    # catch that output (it would also pollute ``--json`` output) and treat it as damage.
    captured = io.StringIO()
    try:
        with captured_stdout(captured):
            document = load(str(path))
        body = document.text
    except Exception:  # odfpy raises bare exceptions of many kinds on a broken file
        raise damaged(path) from None
    if "FAILED" in captured.getvalue() or body is None:
        raise damaged(path)
    paragraphs: list[tuple[str, int]] = []
    _walk_odf(path, body, paragraphs)
    return _assemble(path, data, "odt", paragraphs, {})


_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _walk_odf(path: Path, node: Any, out: list[tuple[str, int]]) -> None:
    """Paragraphs in document order; an explicit stack, so deep nesting cannot overflow."""
    budget = current(path)
    stack = [iter(node.childNodes)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        budget.tick()
        qname = getattr(child, "qname", None)
        if qname in ((_ODF_TEXT, "p"), (_ODF_TEXT, "h")):
            out.append((_odf_text(path, child), 0))
        elif qname is not None and qname[1] not in ("tracked-changes", "note", "annotation"):
            stack.append(iter(child.childNodes))


def _odf_text(path: Path, node: Any) -> str:
    """Text of an ODF paragraph, honouring ``text:s``, ``text:tab`` and ``text:line-break``.

    The space count of ``text:s`` is the one repeat count an ODF text file carries: a hostile
    file asks for hundreds of millions, so it is checked against ``MAX_REPEAT``.
    """
    parts: list[str] = []
    budget = current(path)
    stack = [iter(node.childNodes)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        budget.tick()
        if child.nodeType == child.TEXT_NODE:
            budget.add_chars(len(child.data))
            parts.append(child.data)
            continue
        qname = getattr(child, "qname", None)
        if qname == (_ODF_TEXT, "s"):
            raw = str(child.getAttribute("c") or "1").strip()
            count = int(raw) if raw.isdigit() and len(raw) < 12 else 1
            check_repeat(path, count, "a space")
            budget.add_chars(count)
            parts.append(" " * count)
        elif qname == (_ODF_TEXT, "tab"):
            parts.append("\t")
        elif qname == (_ODF_TEXT, "line-break"):
            parts.append("\n")
        elif qname is not None and qname[1] not in ("note", "annotation", "bookmark"):
            stack.append(iter(child.childNodes))
    return "".join(parts)


@importer
def read_rtf(path: Path, max_bytes: int = MAX_FILE_BYTES) -> ImportedTranscript:
    """An RTF transcript, decoded with the code page the file declares (``\\ansicpg``)."""
    data = read_bytes(path, max_bytes)
    if not data.lstrip().startswith(b"{\\rtf"):
        raise TranscriptImportError(path, "corrupt", "The file is not a valid RTF document.")
    from striprtf.striprtf import rtf_to_text

    declared = re.search(rb"\\ansicpg(\d+)", data[:4096])
    codepage = f"cp{declared.group(1).decode()}" if declared else "cp1252"
    try:
        "".encode(codepage)
    except LookupError:
        codepage = "cp1252"
    try:
        text = rtf_to_text(  # type: ignore[no-untyped-call]
            data.decode("latin-1"), encoding=codepage, errors="replace"
        )
    except Exception:  # striprtf has no error type of its own
        raise damaged(path) from None
    text = normalise(text)
    check_text(path, text)
    if not text.strip():
        raise TranscriptImportError(path, "empty", "The file contains no text.")
    return ImportedTranscript(path.name, "rtf", text, find_turns(text), sha256_of(data))


def _assemble(
    path: Path,
    data: bytes,
    fmt: str,
    paragraphs: list[tuple[str, int]],
    attributes: dict[str, str],
) -> ImportedTranscript:
    """Join paragraphs with ``\\n`` and find turns, passing bold label lengths along."""
    pieces: list[str] = []
    bold_starts: list[tuple[int, int]] = []  # (offset of paragraph, bold length)
    offset = 0
    budget = current(path)
    for raw, bold in paragraphs:
        budget.tick()
        text = normalise(raw)
        if bold:
            bold = len(normalise(raw[:bold]))
            bold_starts.append((offset, bold))
        pieces.append(text)
        offset += len(text) + 1
    text = "\n".join(pieces)
    # Trim leading and trailing empty paragraphs; offsets shift by the removed prefix.
    stripped = text.strip("\n")
    shift = len(text) - len(text.lstrip("\n"))
    text = stripped
    if not text.strip():
        raise TranscriptImportError(path, "empty", "The document contains no text.")
    check_text(path, text)
    spans = line_spans(text)
    starts = {start: index for index, (start, _end) in enumerate(spans)}
    bold_prefixes: dict[int, int] = {}
    for para_start, bold in bold_starts:
        para_start -= shift
        # the span starts after leading blanks of the paragraph
        lead = len(text[para_start:]) - len(text[para_start:].lstrip(" \t"))
        index = starts.get(para_start + lead)
        if index is not None and bold > lead:
            bold_prefixes[index] = bold - lead
    return ImportedTranscript(
        name=path.name,
        format=fmt,
        text=text,
        turns=find_turns(text, spans, bold_prefixes),
        sha256=sha256_of(data),
        attributes=attributes,
    )
