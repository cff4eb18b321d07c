"""The importer boundary: whatever happens inside a reader, the caller gets one error type.

Readers check what they can foresee and raise ``TranscriptImportError`` with a precise reason.
What they cannot foresee (a format library tripping over a damaged file in a new way) is caught
here, at the one door every reader goes through, and becomes the same error with a sentence a
student can act on: which file, what is wrong, what to do. Such an error is marked
``unexpected``: the user is told plainly, the traceback goes to the log (not to the screen), and
the fuzzing harness counts it as a bug to fix. The budget of the file (``importers.limits``) is
set up here too, so every reader runs against the clock.
"""

from __future__ import annotations

import functools
import io
import logging
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ParamSpec, TypeVar

from importers.base import TranscriptImportError
from importers.limits import budget_for
from importers.quiet import captured_stdout

log = logging.getLogger("duiding.import")

P = ParamSpec("P")
R = TypeVar("R")

# What a file is called, and what the student can do when it cannot be read.
_KINDS: dict[str, tuple[str, str]] = {
    ".docx": ("Word document", "open it in Word and save it again as a Word document (.docx)"),
    ".odt": ("OpenDocument text", "open it in LibreOffice or Word and save it again as .odt"),
    ".rtf": ("RTF document", "open it in Word or LibreOffice and save it again"),
    ".pdf": ("PDF document", "export the PDF again from the program that made it, or use the "
                             "original document"),
    ".txt": ("text file", "open it in a text editor and save it again as UTF-8 text"),
    ".vtt": ("subtitle file", "export the transcript again from the transcription tool"),
    ".srt": ("subtitle file", "export the transcript again from the transcription tool"),
    ".csv": ("attribute sheet", "open it in Excel and save it again as CSV"),
    ".xlsx": ("Excel workbook", "open it in Excel and save it again as .xlsx"),
    ".xlsm": ("Excel workbook", "open it in Excel and save it again as .xlsx"),
    ".qdpx": ("REFI-QDA project", "export it again from the program that made it"),
    ".qde": ("REFI-QDA project", "export it again from the program that made it"),
    ".qdc": ("REFI-QDA codebook", "export it again from the program that made it"),
}


def kind_of(path: Path) -> tuple[str, str]:
    return _KINDS.get(path.suffix.lower(), ("file", "check that it is the file you meant"))


def damaged(path: Path, *, unexpected: bool = False) -> TranscriptImportError:
    """'This Word document is damaged …; open it in Word and save it again …'."""
    what, advice = kind_of(path)
    return TranscriptImportError(
        path, "corrupt",
        f"Duiding cannot read this {what}: it is damaged, or it is not really a "
        f"{path.suffix.lower() or 'file of this kind'} file. To fix it, {advice}, then import "
        "it again.", unexpected=unexpected)


@contextmanager
def reading(path: Path) -> Iterator[None]:
    """Run a reader on ``path`` within its budget; any failure leaves as TranscriptImportError.

    What a format library prints on stdout about a damaged file (openpyxl's "99 is out of
    range", odfpy's parse failures) is caught here: it would otherwise land in the middle of
    ``duiding import --json`` output. It goes to the log instead.
    """
    captured = io.StringIO()
    with budget_for(path), captured_stdout(captured), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns on stderr about odd parts: not for users
        try:
            yield
        except TranscriptImportError:
            raise
        except MemoryError:
            raise TranscriptImportError(
                path, "too_large",
                "Reading this file needs more memory than Duiding allows for one file; it is "
                "far larger inside than any transcript. Split it or save it again.") from None
        except RecursionError:
            raise TranscriptImportError(
                path, "corrupt",
                "The file is nested far too deeply to be a real document; it was refused. "
                + kind_of(path)[1].capitalize() + ".") from None
        except Exception as exc:
            log.info("unexpected failure reading %s", path, exc_info=exc)
            raise damaged(path, unexpected=True) from None
        finally:
            if captured.getvalue():
                log.info("a library said while reading %s: %s", path, captured.getvalue()[:500])


def importer(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate a reader whose first argument is the path: run it inside `reading`."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        path = Path(args[0] if args else next(iter(kwargs.values())))  # type: ignore[arg-type]
        with reading(path):
            return func(*args, **kwargs)

    return wrapper
