"""The export guard: no export may contain an original from the pseudonym key.

Exporters call :func:`assert_no_originals` (or :func:`find_originals`) on every text they are about
to write. It is deliberately strict: whole-word, case-insensitive matching of every original in
the key, so "SHANICE" in a heading is caught too. The key itself lives only in the project store
and never passes through an exporter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from coding.project import Project


@dataclass(frozen=True)
class OriginalFound:
    text_index: int
    original: str
    position: int


class OriginalInExport(Exception):
    """An export still contains an original name; ``code`` for the GUI to translate."""

    code = "original_in_export"

    def __init__(self, found: list[OriginalFound]) -> None:
        self.found = found
        # The message names how many, not which: the error may end up in a log.
        super().__init__(f"export refused: {len(found)} original(s) from the pseudonym key remain")


def _pattern(originals: Iterable[str]) -> re.Pattern[str] | None:
    forms = sorted({o.strip() for o in originals if o and o.strip()}, key=len, reverse=True)
    if not forms:
        return None
    body = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def find_originals(texts: Iterable[str], originals: Iterable[str]) -> list[OriginalFound]:
    pattern = _pattern(originals)
    if pattern is None:
        return []
    return [
        OriginalFound(index, match.group(), match.start())
        for index, text in enumerate(texts)
        for match in pattern.finditer(text)
    ]


def assert_no_originals(texts: Iterable[str], originals: Project | Iterable[str]) -> None:
    """Raise :class:`OriginalInExport` when any text contains an original of the key.

    ``originals`` is a project (its key is read: applied and confirmed entries) or the originals
    themselves. Exporters call ``assert_no_originals(texts, project)`` before writing.
    """
    forms: Iterable[str]
    if isinstance(originals, Iterable) and not hasattr(originals, "store"):
        forms = originals
    else:
        from coding.pseudonymise.service import originals as key_originals

        forms = key_originals(cast("Project", originals))
    found = find_originals(texts, forms)
    if found:
        raise OriginalInExport(found)
