"""Plain-text search: every occurrence of a phrase in the documents, keywords in context.

The lemma search (`coding.nlp.search`) finds word forms; this one finds the characters as typed,
fast and without NLP, for the retrieval panel's quick search. Qt-free, plain values.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from coding.project import Project
from coding.types import DocumentId


@dataclass(frozen=True)
class TextHit:
    """A plain-text match: code-point offsets, the words as they stand, and their context."""

    document_id: DocumentId
    document: str
    start: int
    end: int
    match: str
    left: str
    right: str
    speaker: str | None


def find_text(project: Project, query: str, *, document_ids: Sequence[DocumentId] = (),
              window: int = 50, limit: int = 5000) -> list[TextHit]:
    """Case-insensitive substring search over documents, keywords in context.

    A regular expression on the escaped query keeps offsets exact (lower()/casefold() can change
    a string's length: 'ß' -> 'ss'), so a hit can be coded as it stands.
    """
    query = query.strip()
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    wanted = set(document_ids)
    hits: list[TextHit] = []
    for doc in project.documents.list():
        if wanted and doc.id not in wanted:
            continue
        text = project.documents.text(doc.id)
        matches = list(pattern.finditer(text))
        if not matches:
            continue
        turns = project.documents.turns(doc.id)
        starts = [t.start for t in turns]
        for m in matches:
            i = bisect.bisect_right(starts, m.start()) - 1
            speaker = turns[i].speaker if i >= 0 else None
            left = text[max(0, m.start() - window):m.start()].replace("\n", " ")
            right = text[m.end():m.end() + window].replace("\n", " ")
            hits.append(TextHit(doc.id, doc.name, m.start(), m.end(), m.group(0), left, right,
                                speaker))
            if len(hits) >= limit:
                return hits
    return hits

