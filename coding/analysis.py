"""Analysis services on a project: counts, framework matrix, co-occurrence, meting comparison
and intercoder agreement.

Why a separate module: these views read the whole project's codings at once and aggregate them,
which the per-item managers (`project.segments`, `project.stats`) are not built for. Everything
is fetched with one query into numpy arrays and aggregated there, so a 60 x 40 matrix over
20,000 segments is instant. Results are plain frozen dataclasses holding IDs, labels and
numbers -- a Qt table model can show them as they are, and the CLI serialises them to JSON.
The fragments behind a number are the segment IDs kept in each cell (drill-down).

Counting rules (shared with `project.stats`): a theme's count includes its sub-themes
(``include_subcodes``); a segment is counted once per cell even when it carries two sub-themes of
the same theme; "documents" are distinct documents, i.e. respondents.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, select

from coding.agreement import (
    AgreementData,
    AgreementResult,
    Disagreement,
    character_agreement,
    disagreements,
)
from coding.agreement_segments import SegmentUnit, segment_agreement, segment_units
from coding.analysis_kernels import (
    CellCount,
    Codings,
    _distinct_count,
    _forward_pairs,
    _group_ids,
    _turn_of,
    count_cells,
    fetch_codings,
)
from coding.coders import coder_name, coder_names
from coding.matrix_cells import cell_summaries, write_cell_summary
from coding.project import Project
from coding.stats import CountsTable
from coding.types import CodeId, DocumentId, SegmentId
from models.errors import NotFoundError, ValidationError
from models.schema import Case, Coder, Document


@dataclass(frozen=True)
class MatrixRow:
    kind: str  # "document" | "case" | "attribute:<name>"
    key: str  # document/case GUID, or the attribute value
    label: str
    document_ids: tuple[DocumentId, ...]


@dataclass(frozen=True)
class FrameworkMatrix:
    """Rows x codes: segment counts, the segments behind each cell and the written summaries."""

    row_kind: str
    rows: tuple[MatrixRow, ...]
    code_ids: tuple[CodeId, ...]
    code_paths: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]  # [row][column]
    segment_ids: tuple[tuple[tuple[SegmentId, ...], ...], ...]  # [row][column]
    summaries: dict[tuple[str, CodeId], str]  # (row key, code id) -> summary


@dataclass(frozen=True)
class Cooccurrence:
    """Symmetric code x code counts; the diagonal holds each code's own segment count.

    ``mode`` "overlap": a cell counts pairs of coded segments whose spans overlap (a segment
    carrying both codes counts once). ``mode`` "turn": a cell counts speaker turns in which both
    codes were applied (a segment belongs to the turn where it starts).
    """

    mode: str
    code_ids: tuple[CodeId, ...]
    code_paths: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    segment_ids: dict[tuple[CodeId, CodeId], tuple[SegmentId, ...]]  # i < j in column order


@dataclass(frozen=True)
class ComparisonRow:
    code_id: CodeId
    path: str
    depth: int
    first: CellCount
    second: CellCount


@dataclass(frozen=True)
class Comparison:
    """The same theme counts side by side for two values of an attribute (2023 vs 2024)."""

    attribute: str
    first_value: str
    second_value: str
    first_documents: int
    second_documents: int
    rows: tuple[ComparisonRow, ...]


@dataclass(frozen=True)
class ProjectAgreement:
    """Agreement among project coders, with code IDs translated to paths for display."""

    coders: tuple[str, ...]
    code_paths: dict[Hashable, str]
    character: AgreementResult
    segment: AgreementResult | None  # two coders only
    documents: tuple[str, ...]  # names of the documents all chosen coders coded


class AnalysisManager:
    """Analysis views over one project; every method reads in its own short session."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._store = project.store

    # -- shared fetch ----------------------------------------------------------------------

    def codings(self, coders: Sequence[str] = (), document_ids: Sequence[int] = ()) -> Codings:
        with self._store.read() as s:
            return fetch_codings(s, coder_names(coders), document_ids)

    def _code_columns(
        self, code_ids: Sequence[CodeId] | None, include_subcodes: bool
    ) -> tuple[list[CodeId], list[str], list[int], dict[int, list[int]]]:
        """Columns, their paths and depths, and code id -> the columns it counts toward."""
        tree = self._project.codes.tree()
        chosen = [c for c in tree if code_ids is None or c.id in set(code_ids)]
        column = {c.id: i for i, c in enumerate(chosen)}
        parent = {c.id: c.parent_id for c in tree}
        targets: dict[int, list[int]] = {}
        for c in tree:
            cols: list[int] = []
            node: CodeId | None = c.id
            while node is not None:
                if node in column:
                    cols.append(column[node])
                node = parent.get(node) if include_subcodes else None
            targets[c.id] = cols
        return [c.id for c in chosen], [c.path for c in chosen], [c.depth for c in chosen], targets

    # -- counts ----------------------------------------------------------------------------

    def counts(
        self, by: str | None = None, *, coders: Sequence[str] = (), include_subcodes: bool = True
    ) -> CountsTable:
        """Segments and documents per code, per valence, and per value of attribute ``by``."""
        if by is not None and by not in self._project.attributes.names():
            raise NotFoundError(f"attribute {by!r} does not exist.")
        return self._project.stats.counts(by, coders=coders, include_subcodes=include_subcodes)

    def compare(
        self, attribute: str, first: str, second: str, *, coders: Sequence[str] = ()
    ) -> Comparison:
        """Counts for two values of one attribute side by side, with the segments behind them."""
        table = self.counts(attribute, coders=coders)
        empty = CellCount(0, 0, {}, ())
        rows = tuple(
            ComparisonRow(
                r.code_id,
                r.path,
                r.depth,
                r.by_value.get(first, empty),
                r.by_value.get(second, empty),
            )
            for r in table.rows
        )
        n = table.documents_per_value
        return Comparison(attribute, first, second, n.get(first, 0), n.get(second, 0), rows)

    def _doc_values(self, attribute: str) -> dict[int, str]:
        values = self._project.attributes.document_values()
        if attribute not in self._project.attributes.names():
            raise NotFoundError(f"attribute {attribute!r} does not exist.")
        return {
            d.id: values.get(d.id, {}).get(attribute, "") for d in self._project.documents.list()
        }

    # -- framework matrix ------------------------------------------------------------------

    def matrix(
        self,
        rows: str = "document",
        code_ids: Sequence[CodeId] | None = None,
        *,
        coders: Sequence[str] = (),
        include_subcodes: bool = True,
    ) -> FrameworkMatrix:
        """Rows ("document", "case" or "attribute:<name>") x codes, with cell summaries."""
        ids, paths, _depths, targets = self._code_columns(code_ids, include_subcodes)
        matrix_rows = self._matrix_rows(rows)
        row_of_doc = {int(d): i for i, r in enumerate(matrix_rows) for d in r.document_ids}
        data = self.codings(coders)
        cells = count_cells(data, targets, len(ids), row_of_doc, len(matrix_rows))
        summaries = cell_summaries(self._store, rows)
        return FrameworkMatrix(
            row_kind=rows,
            rows=tuple(matrix_rows),
            code_ids=tuple(ids),
            code_paths=tuple(paths),
            counts=tuple(tuple(c.segments for c in row) for row in cells),
            segment_ids=tuple(tuple(c.segment_ids for c in row) for row in cells),
            summaries=summaries,
        )

    def _matrix_rows(self, kind: str) -> list[MatrixRow]:
        docs = self._project.documents.list()
        if kind == "document":
            return [MatrixRow(kind, d.guid, d.name, (d.id,)) for d in docs]
        if kind == "case":
            with self._store.read() as s:
                guid = dict(s.execute(select(Case.id, Case.guid)).all())
            return [
                MatrixRow(kind, guid[i], name, tuple(members))
                for i, name, members in self._project.attributes.cases()
            ]
        if kind.startswith("attribute:"):
            values = self._doc_values(kind.partition(":")[2])
            return [
                MatrixRow(kind, v, v, tuple(DocumentId(d) for d, x in values.items() if x == v))
                for v in sorted(set(values.values()))
            ]
        raise ValidationError(
            f"unknown matrix rows {kind!r}: use document, case or attribute:NAME."
        )

    def set_cell_summary(self, row_kind: str, row_key: str, code_id: CodeId, text: str) -> str:
        """Write the summary of one matrix cell (one transaction); returns the previous text."""
        return write_cell_summary(self._store, row_kind, row_key, code_id, text)

    # -- co-occurrence ---------------------------------------------------------------------

    def cooccurrence(
        self,
        code_ids: Sequence[CodeId] | None = None,
        *,
        mode: str = "overlap",
        coders: Sequence[str] = (),
    ) -> Cooccurrence:
        """Which codes overlap (``mode="overlap"``) or share a speaker turn (``mode="turn"``)."""
        if mode not in ("overlap", "turn"):
            raise ValidationError(f"unknown co-occurrence mode {mode!r}: use overlap or turn.")
        ids, paths, _depths, targets = self._code_columns(code_ids, include_subcodes=False)
        k = len(ids)
        data = self.codings(coders)
        col = np.full(max(int(data.code.max(initial=0)) + 1, 1), -1, dtype=np.int64)
        for code, cols in targets.items():
            if cols and code < col.size:
                col[code] = cols[0]
        keep = col[data.code] >= 0
        seg, doc, start, end = (
            data.segment[keep],
            data.document[keep],
            data.start[keep],
            data.end[keep],
        )
        c = col[data.code[keep]]
        own = _distinct_count(c, seg, k)
        if mode == "overlap":
            # Globalise positions per document so one sorted sweep covers every document; a
            # coding pairs with every later-sorted coding that starts before it ends.
            span = int(end.max(initial=0)) + 1
            gs, ge = doc * span + start, doc * span + end
            order = np.lexsort((c, seg, gs))
            gs, ge, c, seg = gs[order], ge[order], c[order], seg[order]
            hi = np.searchsorted(gs, ge, side="left")
            i, j = _forward_pairs(hi)
            pair_c = (c[i], c[j])
            sides_seg = (seg[i], seg[j])
        else:
            with self._store.read() as s:
                turn = _turn_of(s, doc, start)
            inside = turn >= 0
            turn, c, seg = turn[inside], c[inside], seg[inside]
            order = np.lexsort((seg, c, turn))
            turn, c, seg = turn[order], c[order], seg[order]
            # Groups of one (turn, code); pairs of groups within a turn.
            first = np.concatenate([[True], (turn[1:] != turn[:-1]) | (c[1:] != c[:-1])])
            g_start = np.flatnonzero(first)
            g_size = np.diff(np.append(g_start, turn.size))
            g_turn, g_code = turn[g_start], c[g_start]
            i, j = _forward_pairs(np.searchsorted(g_turn, g_turn, side="right"))
            pair_c = (g_code[i], g_code[j])
            sides_seg = (g_start[i], g_start[j])  # expanded to segments below
        differ = pair_c[0] != pair_c[1]
        lo = np.minimum(pair_c[0], pair_c[1])[differ]
        hi_c = np.maximum(pair_c[0], pair_c[1])[differ]
        pair_key = lo * k + hi_c
        matrix = np.bincount(pair_key, minlength=k * k).reshape(k, k)
        matrix = matrix + matrix.T
        matrix[np.arange(k), np.arange(k)] = own
        if mode == "overlap":
            segs = np.concatenate([sides_seg[0][differ], sides_seg[1][differ]])
            keys = np.concatenate([pair_key, pair_key])
        else:
            groups = np.concatenate([i[differ], j[differ]])
            sizes = g_size[groups]
            keys = np.repeat(np.concatenate([pair_key, pair_key]), sizes)
            within = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
            segs = seg[np.repeat(g_start[groups], sizes) + within]
        return Cooccurrence(
            mode,
            tuple(ids),
            tuple(paths),
            tuple(tuple(int(x) for x in r) for r in matrix),
            _group_ids(keys, segs, ids, k),
        )

    # -- agreement -------------------------------------------------------------------------

    def agreement_data(self, coders: Sequence[str]) -> tuple[AgreementData, dict[Hashable, str]]:
        """Spans of the given coders; a coder counts as having coded a document when they made
        at least one segment in it (the project records nothing else)."""
        coders = coder_names(coders)
        with self._store.read() as s:
            known = set(s.scalars(select(Coder.name).where(Coder.name.in_(coders))))
            if missing := [c for c in coders if c not in known]:
                raise NotFoundError(f"coder {missing[0]!r} does not exist in this project.")
            data = fetch_codings(s, coders, ())
            names = dict(s.execute(select(Coder.id, Coder.name)).all())
            lengths = {i: n for i, n in s.execute(select(Document.id, func.length(Document.text)))}
            doc_names: dict[Hashable, str] = dict(
                s.execute(select(Document.id, Document.name)).all()
            )
        codings: dict[Hashable, dict[Hashable, list[tuple[int, int, Hashable]]]] = {
            c: {} for c in coders
        }
        for d, st, en, cd, code in zip(
            data.document.tolist(),
            data.start.tolist(),
            data.end.tolist(),
            data.coder.tolist(),
            data.code.tolist(),
            strict=True,
        ):
            codings[names[cd]].setdefault(d, []).append((st, en, code))
        # Codebook order; codes no chosen coder used are left out (they would only add
        # "neither" units to the pooled figures and have no per-code statistic).
        used = set(data.code.tolist())
        code_ids = [c.id for c in self._project.codes.tree() if c.id in used]
        return AgreementData(lengths, codings, codes=code_ids), doc_names

    def agreement(self, coders: Sequence[str], threshold: float = 0.5) -> ProjectAgreement:
        """Character-level figures for all coders; segment level too when there are two."""
        coders = coder_names(coders)
        if len(coders) < 2:
            raise ValidationError("Choose at least two different coders.")
        data, doc_names = self.agreement_data(coders)
        char = character_agreement(data, list(coders))
        seg = segment_agreement(data, coders[0], coders[1], threshold) if len(coders) == 2 else None
        both = [d for d in data.doc_lengths if all(d in data.codings[c] for c in coders)]
        paths: dict[Hashable, str] = {c.id: c.path for c in self._project.codes.tree()}
        return ProjectAgreement(tuple(coders), paths, char, seg, tuple(doc_names[d] for d in both))

    def disagreements(self, document_id: DocumentId, coders: Sequence[str]) -> list[Disagreement]:
        coders = coder_names(coders)
        data, _ = self.agreement_data(coders)
        return disagreements(data, document_id, list(coders))

    def segment_units(
        self, document_id: DocumentId, first: str, second: str, threshold: float = 0.5
    ) -> list[SegmentUnit]:
        first, second = coder_name(first), coder_name(second)
        data, _ = self.agreement_data([first, second])
        return segment_units(data, document_id, first, second, threshold)
