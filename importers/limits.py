"""What Duiding reads, and where it stops: the documented limits of every importer.

A hostile or broken file must be imported or refused within about 30 seconds and 1 GB of memory
on a student's laptop, whatever it holds. The readers therefore check sizes before parsing
(``stat``, the zip directory, the size of each XML part), count what they produce while they
work (characters, lines, XML elements, repeat counts, sheet cells), and look at the clock in
their loops. Passing a limit refuses the file with reason ``too_large`` (``too_slow`` for the
clock) and a sentence that names the limit. Real transcripts stay far below every number here:
a long interview is 10,000 words, about 60,000 characters and a few hundred lines.

The numbers are documented in the README ("Limits"); change them there too.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from importers.base import TranscriptImportError

MB = 1024 * 1024

MAX_FILE_BYTES = 200 * MB
"""Any source file (a .docx or .pdf may carry photos)."""

MAX_TEXT_FILE_BYTES = {".txt": 10 * MB, ".vtt": 10 * MB, ".srt": 10 * MB, ".csv": 10 * MB,
                       ".rtf": 10 * MB, ".qdc": 50 * MB}
"""Files that are text through and through; RTF is parsed slowly (about 1 s per MB)."""

MAX_TEXT_CHARS = 10_000_000
"""The text of one transcript once read (about 1.5 million words, 150 long interviews): reading
and storing it stays within 30 s on a busy 2-core laptop (bench/bench_limits.py)."""

MAX_PROJECT_TEXT_CHARS = 5_000_000
"""All source texts of one REFI-QDA project together (about 80 long interviews): their positions
are mapped character by character under up to four counting schemes."""

MAX_LINES = 1_000_000
"""Lines (paragraphs) of one transcript."""

MAX_XML_PART_BYTES = 48 * MB
"""One XML part of a .docx, .odt or .xlsx, unpacked (a 10,000-word document.xml is ~1 MB)."""

MAX_XML_ELEMENTS = 1_500_000
"""Elements in one XML part, counted before a library builds its tree of them."""

MAX_REPEAT = 10_000
"""A repeat count written in a file (ODF ``text:s c="…"``, spaces)."""

MAX_SHEET_ROWS = 100_000
MAX_SHEET_COLUMNS = 16_384  # Excel's own maximum
MAX_SHEET_CELLS = 2_000_000

MAX_PDF_PAGES = 5_000

MAX_SECONDS = 25.0
"""Wall-clock time one file may take to read, checked in the readers' loops."""

MAX_TIMESTAMP_HOURS = 10_000
"""A subtitle or transcript timestamp beyond this is not a time in an interview."""


@dataclass
class Budget:
    """The allowance of one file being read: time, characters and lines."""

    path: Path
    deadline: float = field(default_factory=lambda: time.monotonic() + MAX_SECONDS)
    chars: int = 0
    _ticks: int = 0

    def tick(self) -> None:
        """Call in loops; refuses the file once its time is up (checks the clock every 256)."""
        self._ticks += 1
        if self._ticks & 0xFF == 0:
            self.check_time()

    def check_time(self) -> None:
        """Refuse the file if its time is up (for loops with few, slow steps)."""
        if time.monotonic() > self.deadline:
            raise TranscriptImportError(
                self.path, "too_slow",
                f"Reading this file took longer than {MAX_SECONDS:.0f} seconds, far more than "
                "any transcript needs; it is probably damaged. Open it, save it again and "
                "import that copy.")

    def add_chars(self, n: int, limit: int = MAX_TEXT_CHARS) -> None:
        self.chars += n
        if self.chars > limit:
            refuse_text_size(self.path, limit)


_CURRENT: ContextVar[Budget | None] = ContextVar("duiding_import_budget", default=None)


@contextmanager
def budget_for(path: Path) -> Iterator[Budget]:
    """The budget of reading ``path``; nested calls (a sheet inside an import) share the outer."""
    outer = _CURRENT.get()
    if outer is not None:
        yield outer
        return
    current = Budget(path)
    token = _CURRENT.set(current)
    try:
        yield current
    finally:
        _CURRENT.reset(token)


def current(path: Path) -> Budget:
    """The running budget, or a fresh one for a reader called on its own (tests, tools)."""
    return _CURRENT.get() or Budget(path)


def number(n: int) -> str:
    """400000000 as '400.000.000': big numbers in messages, grouped as Dutch readers do."""
    return f"{n:,}".replace(",", ".")


def refuse_text_size(path: Path, limit: int = MAX_TEXT_CHARS) -> None:
    raise TranscriptImportError(
        path, "too_large",
        f"The text is longer than {number(limit)} characters, the limit Duiding reads from one file "
        "(a long interview has about 60.000); split it into several files.")


def check_text(path: Path, text: str) -> None:
    """Refuse a transcript text beyond the character or line limit."""
    if len(text) > MAX_TEXT_CHARS:
        refuse_text_size(path)
    if text.count("\n") > MAX_LINES:
        raise TranscriptImportError(
            path, "too_large",
            f"The text has more than {number(MAX_LINES)} lines, the limit for one transcript; "
            "split it into several files.")


def check_repeat(path: Path, count: int, what: str) -> None:
    if count > MAX_REPEAT:
        raise TranscriptImportError(
            path, "too_large",
            f"The file asks for {what} repeated {number(count)} times (the limit is {number(MAX_REPEAT)}); "
            "no real document does that, so it was refused.")
