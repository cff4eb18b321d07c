"""Counts per code: the one place that decides who "mentioned" a theme (STYLE.md "one home").

The counts view, the comparison, the CLI's `stats`, the code tree, the Excel counts sheet and
the findings chapter all count here, so "genoemd door 5 van de 12 respondenten" is the same number
on every screen and in every file. The rules:

- a respondent is a document; a theme counts every document with at least one fragment coded on
  it or (with `include_subcodes`, the default) on any of its sub-themes;
- a fragment counts once per code, even when it carries two codes of one subtree;
- with `respondent_only`, fragments spoken by an interviewer are left out (a fragment's speaker
  is the turn holding most of it, `coding.turn_spans.TurnIndex`, as everywhere else);
- a split `by` an attribute puts each document under its value ('' = no value).

`StatsManager.table(...)` fetches every (fragment, code) link of a scope once (numpy columns);
`CodingTable.count(...)` counts it as often as a caller needs (the chapter counts one table by
respondent type, by the compared attribute and by valence without going back to the database).
"""

from __future__ import annotations

import builtins
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from coding.analysis_kernels import VALENCES, CellCount, Codings, count_cells, fetch_codings
from coding.attributes import AttributeManager
from coding.coders import coder_names
from coding.codes import CodeManager
from coding.documents import DocumentManager
from coding.segments import SegmentManager
from coding.types import CodeId, CodeInfo, DocumentId, SpeakerRole, Valence
from models.schema import Document, Segment
from models.sessions import StoreBase as ProjectStore

EMPTY = CellCount(0, 0, {}, ())


@dataclass(frozen=True)
class CountRow:
    code_id: CodeId
    path: str
    depth: int
    total: CellCount
    by_value: dict[str, CellCount]  # attribute value -> counts (empty without ``by``)

    @property
    def segments(self) -> int:
        return self.total.segments

    @property
    def documents(self) -> int:
        return self.total.documents

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.path, "segments": self.segments, "documents": self.documents,
            "respondents": self.documents, "by_valence": self.total.by_valence,
            "by": {v: {"segments": c.segments, "documents": c.documents}
                   for v, c in self.by_value.items() if c.segments},
        }


@dataclass(frozen=True)
class CountsTable:
    """Counts per code, optionally split by the values of one document attribute."""

    attribute: str | None
    values: tuple[str, ...]
    documents_per_value: dict[str, int]  # how many documents in scope have each value
    rows: tuple[CountRow, ...]

    def row(self, code_id: int) -> CountRow | None:
        return next((r for r in self.rows if r.code_id == code_id), None)


class CodingTable:
    """Every (fragment, code) link of one scope, counted as often as needed."""

    def __init__(self, data: Codings, tree: list[CodeInfo], documents: Sequence[int],
                 values: Mapping[int, Mapping[str, str]]) -> None:
        self._data, self._tree, self._documents, self._values = data, tree, documents, values
        self._parent = {c.id: c.parent_id for c in tree}

    def count(self, by: str | None = None, *, include_subcodes: bool = True,
              valences: Collection[Valence] = (),
              codes: Collection[int] | None = None) -> CountsTable:
        """Counts for every code of the tree, split by attribute `by`.

        `codes` narrows the count to those codes: they are the rows, and only fragments coded
        with one of them are counted (the chapter about chosen themes counts those alone).
        """
        import numpy as np  # lazily: opening a project does not pay for numpy

        data = self._data
        if codes is not None:
            data = data.where(np.isin(data.code, np.asarray(sorted(codes), dtype=np.int64)))
        if valences:
            wanted = np.asarray([VALENCES.index(v.value) for v in valences], dtype=np.int64)
            data = data.where(np.isin(data.valence, wanted))
        chosen = [c for c in self._tree if codes is None or c.id in codes]
        targets = self._targets(chosen, include_subcodes)
        total = count_cells(data, targets, len(chosen), None, 1)[0]
        values: list[str] = []
        per_value: dict[str, int] = {}
        split: list[list[CellCount]] = []
        if by is not None:
            of_doc = {d: self._values.get(d, {}).get(by, "") for d in self._documents}
            for v in of_doc.values():
                per_value[v] = per_value.get(v, 0) + 1
            values = sorted(per_value)
            index = {v: i for i, v in enumerate(values)}
            split = count_cells(data, targets, len(chosen), {d: index[v] for d, v in of_doc.items()},
                           len(values))
        rows = tuple(
            CountRow(c.id, c.path, c.depth, total[j],
                     {v: split[i][j] for i, v in enumerate(values)} if by is not None else {})
            for j, c in enumerate(chosen))
        return CountsTable(by, tuple(values), per_value, rows)

    def per_document(self) -> dict[DocumentId, dict[CodeId, int]]:
        """Fragments per code in each document of the scope, a theme with its sub-themes: the
        same count split by document, so the code tree can recount only the documents a
        change touched and add up the others (at 20,000 codings a full count per coding was
        most of the time a coding took)."""
        index = {d: i for i, d in enumerate(self._documents)}
        split = count_cells(self._data, self._targets(self._tree, True), len(self._tree), index,
                            len(index)) if index else []
        return {DocumentId(d): {c.id: cell.segments for c, cell in zip(self._tree, split[i],
                                                                         strict=True)
                                if cell.segments}
                for d, i in index.items()}

    def _targets(self, chosen: Sequence[CodeInfo], include_subcodes: bool
                 ) -> dict[int, list[int]]:
        """For every code, the columns (of `chosen`) a fragment coded with it counts in."""
        column = {c.id: i for i, c in enumerate(chosen)}
        targets: dict[int, list[int]] = {}
        for c in self._tree:
            cols: list[int] = []
            node: CodeId | None = c.id
            while node is not None:
                if node in column:
                    cols.append(column[node])
                node = self._parent.get(node) if include_subcodes else None
            targets[c.id] = cols
        return targets


class StatsManager:
    def __init__(self, store: ProjectStore, codes: CodeManager, attributes: AttributeManager,
                 documents: DocumentManager, segments: SegmentManager) -> None:
        self._store = store
        self._codes, self._attributes, self._documents = codes, attributes, documents
        self._segments = segments

    def documents_by_value(self, attribute: str) -> dict[str, int]:
        """How many documents have each value of an attribute ('' = no value)."""
        out: dict[str, int] = defaultdict(int)
        values = self._attributes.document_values()
        for doc in self._documents.list():
            out[values.get(doc.id, {}).get(attribute, "")] += 1
        return dict(out)

    def table(self, *, document_ids: Collection[int] | None = None, coders: Sequence[str] = (),
              respondent_only: bool = False) -> CodingTable:
        """The links of a scope: these documents (None: all), these coders (empty: all)."""
        tree = self._codes.tree()
        with self._store.read() as s:
            if document_ids is None:
                docs: builtins.list[int] = list(s.scalars(select(Document.id)))
                data = fetch_codings(s, coder_names(coders), ())
            else:
                docs = sorted(document_ids)
                data = fetch_codings(s, coder_names(coders), docs) if docs else Codings.empty()
            values = self._attributes.document_values(s)
        if respondent_only and data.segment.size:
            import numpy as np

            roles = self._segments.speaker_roles(
                zip(data.document.tolist(), data.start.tolist(), data.end.tolist(),
                    strict=True))
            data = data.where(np.asarray([r != SpeakerRole.INTERVIEWER for r in roles],
                                         dtype=bool))
        return CodingTable(data, tree, docs, values)

    def counts(self, by: str | None = None, *, document_ids: Collection[int] | None = None,
               coders: Sequence[str] = (), respondent_only: bool = False,
               include_subcodes: bool = True) -> CountsTable:
        """Segments and documents per code, per valence, and per value of attribute `by`."""
        return self.table(document_ids=document_ids, coders=coders,
                          respondent_only=respondent_only).count(
            by, include_subcodes=include_subcodes)

    def segments_per_document(self, document_ids: Collection[int] | None = None
                              ) -> dict[DocumentId, dict[CodeId, int]]:
        """`counts()` split by document (see `CodingTable.per_document`); all documents when
        `document_ids` is None."""
        return self.table(document_ids=document_ids).per_document()

    def totals(self) -> dict[str, int]:
        with self._store.read() as s:
            return {
                "documents": s.scalar(select(func.count()).select_from(Document)) or 0,
                "segments": s.scalar(select(func.count()).select_from(Segment)) or 0,
                "words": s.scalar(select(func.coalesce(func.sum(Document.word_count), 0))) or 0,
            }


__all__ = ["EMPTY", "CellCount", "CodingTable", "CountRow", "CountsTable", "StatsManager"]
