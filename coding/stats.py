"""Counts per code: segments and distinct respondents (documents), overall or by an attribute.

A theme's counts include its sub-themes ("genoemd door 5 van de 12 respondenten" counts anyone
who said anything coded under the theme). Interviewer turns can be left out.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import String, select, type_coerce

from coding.attributes import AttributeManager
from coding.codes import CodeManager
from coding.documents import DocumentManager
from coding.types import CodeId, SpeakerRole
from models.schema import Coder, Document, Segment, SegmentCode, Speaker, Turn
from models.store import ProjectStore


@dataclass(frozen=True)
class CodeCount:
    code_id: CodeId
    path: str
    depth: int
    segments: int
    documents: int
    by_valence: dict[str, int] = field(default_factory=dict)  # segments per valence
    by_value: dict[str, tuple[int, int]] = field(default_factory=dict)  # value -> (segs, docs)

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.path, "segments": self.segments, "documents": self.documents,
            "respondents": self.documents, "by_valence": self.by_valence,
            "by": {v: {"segments": s, "documents": d} for v, (s, d) in self.by_value.items()},
        }


class StatsManager:
    def __init__(self, store: ProjectStore, codes: CodeManager, attributes: AttributeManager,
                 documents: DocumentManager) -> None:
        self._store = store
        self._codes, self._attributes, self._documents = codes, attributes, documents

    def documents_by_value(self, attribute: str) -> dict[str, int]:
        """How many documents have each value of an attribute ('' = no value)."""
        out: dict[str, int] = defaultdict(int)
        values = self._attributes.document_values()
        for doc in self._documents.list():
            out[values.get(doc.id, {}).get(attribute, "")] += 1
        return dict(out)

    def code_counts(self, by: str | None = None, *, respondent_only: bool = False,
                    coders: tuple[str, ...] = (), document_ids: tuple[int, ...] = ()
                    ) -> list[CodeCount]:
        tree = self._codes.tree()
        parent = {c.id: c.parent_id for c in tree}
        with self._store.read() as s:
            q = (select(SegmentCode.code_id, Segment.id, Segment.document_id, Segment.start,
                        type_coerce(SegmentCode.valence, String))
                 .join(Segment, Segment.id == SegmentCode.segment_id))
            if coders:
                q = q.join(Coder, Coder.id == Segment.coder_id).where(Coder.name.in_(coders))
            if document_ids:
                q = q.where(Segment.document_id.in_(document_ids))
            links = s.connection().execute(q).all()  # Core: no ORM row overhead
            keep = self._respondent_filter(s) if respondent_only else None
            values = self._attributes.document_values(s) if by else {}
        ancestors: dict[int, tuple[int, ...]] = {}
        for info in tree:
            chain: list[int] = []
            up: int | None = info.id
            while up is not None:
                chain.append(up)
                up = parent.get(CodeId(up))
            ancestors[info.id] = tuple(chain)
        if keep is not None:
            links = [row for row in links if keep(row[2], row[3])]
        # Aggregate first (code, document, valence) -> n, then spread over the ancestors: a few
        # thousand keys instead of every link times its depth. A segment carrying two codes of
        # one subtree must count once for their common ancestors: those few go one by one.
        multi = {seg for seg, n in Counter(row[1] for row in links).items() if n > 1}
        agg = Counter((code, doc, valence) for code, seg, doc, _start, valence in links
                      if seg not in multi)
        segs: Counter[int] = Counter()
        docs: dict[int, set[int]] = defaultdict(set)
        val: dict[int, Counter[str]] = defaultdict(Counter)
        by_segs: dict[int, Counter[str]] = defaultdict(Counter)
        by_docs: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))

        def add(c: int, doc_id: int, valences: set[str] | str, n: int) -> None:
            segs[c] += n
            docs[c].add(doc_id)
            for v in ([valences] if isinstance(valences, str) else valences):
                val[c][v] += n
            if by:
                value = values.get(doc_id, {}).get(by, "")
                by_segs[c][value] += n
                by_docs[c][value].add(doc_id)

        for (code_id, doc_id, valence), n in agg.items():
            for anc in ancestors[code_id]:
                add(anc, doc_id, valence, n)
        per_segment: dict[int, tuple[int, dict[int, set[str]]]] = {}
        for code_id, seg_id, doc_id, _start, valence in links:
            if seg_id in multi:
                _doc, marks = per_segment.setdefault(seg_id, (doc_id, {}))
                for anc in ancestors[code_id]:
                    marks.setdefault(anc, set()).add(valence)
        for doc_id, marks in per_segment.values():
            for anc, valences in marks.items():
                add(anc, doc_id, valences, 1)
        return [
            CodeCount(
                code_id=info.id, path=info.path, depth=info.depth,
                segments=segs[info.id], documents=len(docs[info.id]),
                by_valence=dict(val[info.id]),
                by_value={v: (by_segs[info.id][v], len(by_docs[info.id][v]))
                          for v in sorted(by_segs[info.id])},
            )
            for info in tree
        ]

    @staticmethod
    def _respondent_filter(s: object):  # type: ignore[no-untyped-def]
        from sqlalchemy.orm import Session

        assert isinstance(s, Session)
        starts: dict[int, list[int]] = defaultdict(list)
        roles: dict[int, list[SpeakerRole]] = defaultdict(list)
        q = (select(Turn.document_id, Turn.start, Speaker.role)
             .outerjoin(Speaker, Speaker.id == Turn.speaker_id).order_by(Turn.document_id, Turn.start))
        for doc_id, start, role in s.execute(q):
            starts[doc_id].append(start)
            roles[doc_id].append(role or SpeakerRole.RESPONDENT)

        def keep(doc_id: int, pos: int) -> bool:
            if doc_id not in starts:
                return True
            i = max(0, bisect.bisect_right(starts[doc_id], pos) - 1)
            return roles[doc_id][i] != SpeakerRole.INTERVIEWER

        return keep

    def totals(self) -> dict[str, int]:
        with self._store.read() as s:
            from sqlalchemy import func

            return {
                "documents": s.scalar(select(func.count()).select_from(Document)) or 0,
                "segments": s.scalar(select(func.count()).select_from(Segment)) or 0,
                "words": s.scalar(select(func.coalesce(func.sum(Document.word_count), 0))) or 0,
            }
