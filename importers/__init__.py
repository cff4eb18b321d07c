"""Transcript importers: one entry point that picks the reader by file extension.

The GUI, the command line and the tests all go through :func:`read_transcript` and
:func:`iter_transcript_files`, so a folder dropped on the window and ``duiding import folder/``
see the same files, skip the same ones for the same reasons, and fail with the same
:class:`TranscriptImportError` codes. Readers are pure: they never touch the project database.
Whatever goes wrong inside a reader leaves :func:`read_transcript` as that one error type
(``importers.boundary``), within the limits of ``importers.limits``.

Symbolic links: a link the user names (on the command line, in a file dialog) is followed, as
the user chose it. A link found inside a folder being imported is not followed, neither to a
file nor to a folder; it is reported as skipped (``symlink``). So a link named like an interview
that points at a system file is never stored as a transcript by importing its folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from importers.base import ImportedTranscript, TranscriptImportError, Turn
from importers.boundary import reading
from importers.office import read_docx, read_odt, read_rtf
from importers.pdf import read_pdf
from importers.safety import MAX_FILE_BYTES, check_size
from importers.subtitles import read_srt, read_vtt
from importers.text import read_txt

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "CandidateFile",
    "ImportedTranscript",
    "TranscriptImportError",
    "Turn",
    "iter_transcript_files",
    "read_transcript",
]

Reader = Callable[[Path, int], ImportedTranscript]


def _readers() -> dict[str, Reader]:
    return {
        ".txt": read_txt,
        ".docx": read_docx,
        ".odt": read_odt,
        ".rtf": read_rtf,
        ".vtt": read_vtt,
        ".srt": read_srt,
        ".pdf": read_pdf,
    }


SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(
    {".txt", ".docx", ".odt", ".rtf", ".vtt", ".srt", ".pdf"}
)
"""Lower-case extensions, with the dot, that :func:`read_transcript` reads."""


def read_transcript(path: Path | str, max_bytes: int = MAX_FILE_BYTES) -> ImportedTranscript:
    """Read one transcript file; raise :class:`TranscriptImportError` if it cannot be imported.

    The size is checked (``stat``) before anything is read: missing ``not_found``, 0 bytes
    ``empty``, above ``max_bytes`` ``too_large``; an unknown extension is ``unsupported``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        raise TranscriptImportError(
            path,
            "unsupported",
            f"Files of type '{path.suffix or '(no extension)'}' cannot be imported as transcripts.",
        )
    with reading(path):
        check_size(path, max_bytes)
        return _readers()[suffix](path, max_bytes)


@dataclass(frozen=True)
class CandidateFile:
    """A file found for import; ``skipped`` says why it will not be read (``None``: read it)."""

    path: Path
    skipped: TranscriptImportError | None = None


def _is_hidden_or_temporary(path: Path) -> bool:
    name = path.name
    return (
        name.startswith((".", "~$", "~", ".~lock."))
        or name.endswith(("~", ".tmp", ".bak"))
        or name in {"Thumbs.db", "desktop.ini"}
    )


def iter_transcript_files(paths: Iterable[Path | str]) -> Iterator[CandidateFile]:
    """Expand files and folders (recursively, sorted by path) into files to import.

    Hidden and temporary files inside folders (``.DS_Store``, Word's ``~$x.docx`` lock files)
    are passed over silently; named explicitly they are reported as skipped (``temporary``).
    Files with another extension are reported as skipped (``unsupported``), missing paths as
    ``not_found``, symbolic links inside folders as ``symlink`` (not followed; see the module
    notes). Every file is reported once, even when named twice.
    """
    seen: set[Path] = set()

    def once(path: Path) -> bool:
        key = path.absolute() if _is_link(path) else path.resolve()
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(_walk(path), key=lambda p: str(p).casefold()):
                relative = child.relative_to(path)
                if any(_is_hidden_or_temporary(Path(part)) for part in relative.parts):
                    continue
                if _is_link(child):
                    if once(child):
                        yield CandidateFile(child, TranscriptImportError(
                            child, "symlink",
                            "This is a link to another file or folder; links inside a folder "
                            "are not followed. Import the file it points to, or name the link "
                            "itself."))
                elif child.is_file() and once(child):
                    yield _candidate(child)
        elif not path.exists():
            if once(path):
                yield CandidateFile(
                    path, TranscriptImportError(path, "not_found", "The file does not exist.")
                )
        elif once(path):
            if _is_hidden_or_temporary(path):
                yield CandidateFile(
                    path,
                    TranscriptImportError(
                        path, "temporary", "This is a hidden or temporary file, not a transcript."
                    ),
                )
            else:
                yield _candidate(path)


def _walk(folder: Path) -> Iterator[Path]:
    """Every entry below ``folder``, never descending through a symbolic link (or a Windows
    junction) to a folder."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        base = Path(root)
        for name in dirs:
            sub = base / name
            if _is_link(sub):
                yield sub  # reported as a link; os.walk does not descend into it
        dirs[:] = [d for d in dirs if not _is_link(base / d)]
        for name in files:
            yield base / name


def _is_link(path: Path) -> bool:
    return path.is_symlink() or bool(getattr(path, "is_junction", lambda: False)())


def _candidate(path: Path) -> CandidateFile:
    if path.suffix.lower() in SUPPORTED_EXTENSIONS:
        return CandidateFile(path)
    return CandidateFile(
        path,
        TranscriptImportError(
            path,
            "unsupported",
            f"Files of type '{path.suffix or '(no extension)'}' cannot be imported as transcripts.",
        ),
    )
