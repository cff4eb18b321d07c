"""Text-based PDF transcripts, read with pypdf.

PDF is a page description, not a text format: what comes out is the text layer, line by line,
page after page. That is good enough for transcripts exported from Word, and the speaker rules
work on lines anyway. A scanned PDF has no text layer; it gets its own reason (``no_text``) so the
researcher knows to run OCR or ask for the original document instead of seeing an empty import.
"""

from __future__ import annotations

import logging
from pathlib import Path

from importers.base import ImportedTranscript, TranscriptImportError
from importers.boundary import damaged, importer
from importers.limits import MAX_PDF_PAGES, current
from importers.safety import MAX_FILE_BYTES, read_bytes
from importers.text import transcript_from_text


@importer
def read_pdf(path: Path, max_bytes: int = MAX_FILE_BYTES) -> ImportedTranscript:
    """The text layer of every page, pages separated by a line break."""
    data = read_bytes(path, max_bytes)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise TranscriptImportError(path, "corrupt", "The file is not a valid PDF document.")
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly on harmless quirks
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise TranscriptImportError(
                path, "encrypted", "The PDF is password-protected; remove the password first."
            )
        if len(reader.pages) > MAX_PDF_PAGES:
            raise TranscriptImportError(
                path, "too_large",
                f"The PDF has {len(reader.pages)} pages; Duiding reads PDFs of up to "
                f"{MAX_PDF_PAGES} pages. Split it, or use the original document.")
        budget = current(path)
        pages = []
        for page in reader.pages:
            budget.check_time()
            text = page.extract_text() or ""
            budget.add_chars(len(text))
            pages.append(text)
    except TranscriptImportError:
        raise
    except FileNotDecryptedError:
        raise TranscriptImportError(
            path, "encrypted", "The PDF is password-protected; remove the password first."
        ) from None
    except Exception:  # pypdf raises many kinds on a damaged file (even IndexError)
        raise damaged(path) from None
    text = "\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise TranscriptImportError(
            path,
            "no_text",
            "The PDF has no text layer (it is probably a scan); run text recognition (OCR) on it "
            "or use the original document.",
        )
    return transcript_from_text(path, data, text, "pdf")
