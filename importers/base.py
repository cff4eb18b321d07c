"""The value every importer returns, and the one error every importer raises.

Importers are pure functions on files: ``read_xxx(path) -> ImportedTranscript``. They never touch
the project database; ``coding.documents`` stores what they return in one transaction. Keeping the
contract this small lets the command line, the GUI worker and the tests share every reader.

Positions are Python string indices (Unicode code points) into ``ImportedTranscript.text``, which
is already normalised (NFC, ``\\n`` line ends, no BOM). A turn's span covers what was said, never
the speaker label or the timestamp in front of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class TranscriptImportError(Exception):
    """A file that cannot be imported. ``str(error)`` is a full sentence naming the file.

    The ``reason`` is a stable machine-readable code (``empty``, ``encrypted``, ``corrupt``,
    ``unknown_encoding``, ``binary``, ``too_large``, ``unsupported``, ``zip_bomb``,
    ``duplicate``, ``hostile_xml``...), so the GUI can translate the message.
    """

    def __init__(self, path: Path | str, reason: str, detail: str, *,
                 unexpected: bool = False) -> None:
        self.path = Path(path)
        self.reason = reason
        self.detail = detail
        # True when a reader failed in a way its checks did not foresee and the importer's
        # boundary caught it (``importers.guard``): still one clear sentence for the user, but a
        # bug to fix for us (the fuzzing harness counts these as failures).
        self.unexpected = unexpected
        super().__init__(f"{display_name(self.path)}: {_one_line(detail)}")


def _one_line(text: str) -> str:
    """A detail quoting file content (a parser's message) keeps its control characters escaped."""
    return text if text.isprintable() else "".join(
        ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def display_name(path: Path | str) -> str:
    """A file name for a one-line message: control characters (a newline in a file name) are
    shown escaped, so the message stays one line on the command line and in logs."""
    name = Path(path).name or str(path)
    if name.isprintable():
        return name
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in name)


@dataclass(frozen=True)
class Turn:
    """One run of speech by one speaker.

    ``start``/``end`` are code-point offsets of the spoken text (label excluded) in the
    transcript's ``text``. ``speaker`` is the label exactly as written (``None`` when the
    document has no labels). ``timestamp_ms`` is the turn's start time when the source gives one.
    """

    start: int
    end: int
    speaker: str | None
    timestamp_ms: int | None = None


@dataclass(frozen=True)
class ImportedTranscript:
    """A transcript read from a file, ready to be stored as a document."""

    name: str  # the file name, e.g. "R01_ouder_WV_2024.txt"; documents are known by it
    format: str  # "txt", "docx", "odt", "rtf", "vtt", "srt", "pdf"
    text: str  # normalised: NFC, "\n" line ends, no BOM
    turns: list[Turn]
    sha256: str  # of the source file's bytes: recognises a duplicate import
    attributes: dict[str, str] = field(default_factory=dict)  # e.g. from a docx metadata table
    warnings: list[str] = field(default_factory=list)  # things the user should know, not errors

    @property
    def speakers(self) -> list[str]:
        """Speaker labels in order of first appearance."""
        seen: dict[str, None] = {}
        for turn in self.turns:
            if turn.speaker is not None:
                seen.setdefault(turn.speaker, None)
        return list(seen)
