"""Read the PII test transcripts of ``tests/fixtures/pii`` (format: that folder's README.md).

Shared by ``bench/bench_pseudonymise.py`` and the tests: the inline markup ``[[surface|type]]``
or ``[[surface|type|identity]]`` is removed, leaving the text a researcher imports and the gold
mentions as code-point spans into it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pii"
TYPES = {"person", "location", "street", "organisation", "school", "date", "age", "phone",
         "email", "id", "handle"}
_MARK = re.compile(r"\[\[([^|\]]+)\|([a-z]+)(?:\|([\w-]+))?\]\]")


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    text: str
    type: str
    identity: str | None = None


@dataclass
class GoldDoc:
    name: str  # the file name a researcher would import (``D1_ouder_LW_2024.txt``)
    text: str
    mentions: list[GoldMention]
    attributes: dict[str, str] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())


def parse(annotated: str) -> tuple[str, list[GoldMention]]:
    """Plain text and gold mentions from annotated text; raises ValueError on bad markup."""
    pieces: list[str] = []
    mentions: list[GoldMention] = []
    cursor = pos = 0
    for match in _MARK.finditer(annotated):
        pieces.append(annotated[cursor:match.start()])
        pos += match.start() - cursor
        surface, type_, identity = match.groups()
        if type_ not in TYPES:
            raise ValueError(f"unknown PII type {type_!r} at {surface!r}")
        mentions.append(GoldMention(pos, pos + len(surface), surface, type_, identity))
        pieces.append(surface)
        pos += len(surface)
        cursor = match.end()
    pieces.append(annotated[cursor:])
    text = "".join(pieces)
    if "[[" in text or "]]" in text:
        raise ValueError("unbalanced [[...]] markup")
    return text, mentions


def load(subset: str) -> list[GoldDoc]:
    """The transcripts of ``dev``, ``heldout`` or ``blind``, in file order."""
    docs = []
    for path in sorted((FIXTURES / subset).glob("*.ann.txt")):
        text, mentions = parse(path.read_text(encoding="utf-8"))
        meta = json.loads(path.with_name(path.name.replace(".ann.txt", ".json")).read_text(
            encoding="utf-8"))
        docs.append(GoldDoc(meta["file"], text, mentions, meta.get("attributes", {}),
                            meta.get("names", [])))
    return docs
