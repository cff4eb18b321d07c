"""Intercoder agreement: percent agreement, Cohen's kappa and Krippendorff's alpha.

Why this module exists: a lectorate merges the work of several student coders and must show that
they apply the codebook alike before the findings can be trusted. The statistics here are pure
functions on plain data (document lengths and coded spans per coder), so the CLI, the GUI and the
tests compute exactly the same numbers, with no database or Qt involved.

Why it is written with interval arithmetic: a study has tens of documents of tens of thousands of
characters, tens of codes and thousands of segments per coder. Looping per character in Python
would take minutes. Instead every (document, code) pair is laid out as one block on a single
virtual axis; the boundaries of all spans cut the axis into elementary intervals on which every
coder's judgement is constant; all statistics are then weighted counts over those intervals.

Two levels are offered:

* **Character level.** For each code, every character of every document is a unit; each coder
  either applied the code to it (1) or not (0). A coder who did not code a document gives no value
  for its characters (missing data). Percent agreement and Cohen's kappa use the characters that
  all selected coders coded (kappa only for exactly two coders); Krippendorff's alpha (nominal)
  uses every character with values from at least two coders.
* **Segment level** (two coders). For each code, segments of coder A are matched one-to-one to
  segments of coder B carrying the same code when their overlap ratio (Jaccard index of the two
  character ranges) reaches a threshold. The units are the *union of matched segments*: each
  matched pair is one unit (agreed), each unmatched segment is one unit (only A / only B).
  See :func:`coding.agreement_segments.segment_agreement` for kappa and alpha on those units.

Overall figures are given twice: *pooled* (all codes' units counted together, one statistic) and
*averaged* (the unweighted arithmetic mean of the per-code statistics, skipping codes where the
statistic is undefined). Undefined statistics (no units, or no variation so chance agreement is
1) are ``None`` rather than NaN so results serialise to JSON unchanged.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: One coded span: ``(start, end, code)``; positions are code points, ``end`` exclusive.
Span = tuple[int, int, Hashable]


@dataclass(frozen=True)
class AgreementData:
    """The plain input to every agreement statistic.

    Attributes:
        doc_lengths: document key -> length of its text in code points.
        codings: coder -> document -> spans. A document key present (even with an empty list)
            means the coder coded that document; an absent key means missing data.
        codes: the codes to report, in order; by default every code seen in a span.
    """

    doc_lengths: Mapping[Hashable, int]
    codings: Mapping[Hashable, Mapping[Hashable, Sequence[Span]]]
    codes: Sequence[Hashable] | None = None


@dataclass(frozen=True)
class CodeAgreement:
    """Agreement on one code (or the pooled figure when ``code`` is None).

    ``units`` is the number of units the percentage and kappa are computed over (characters at
    character level, segment units at segment level). The four cells are filled for two coders
    only: ``both`` applied, ``only_first``, ``only_second``, ``neither``.
    """

    code: Hashable | None
    units: int
    percent_agreement: float | None
    kappa: float | None
    alpha: float | None
    both: int = 0
    only_first: int = 0
    only_second: int = 0
    neither: int = 0


@dataclass(frozen=True)
class AgreementResult:
    """Per-code figures plus the pooled and averaged overall figures."""

    level: str  # "character" | "segment"
    coders: tuple[Hashable, ...]
    per_code: list[CodeAgreement]
    pooled: CodeAgreement
    averaged: CodeAgreement
    documents: int
    threshold: float | None = None


@dataclass(frozen=True)
class Disagreement:
    """A stretch of one document where the coders disagree about one code."""

    code: Hashable
    start: int
    end: int
    applied_by: tuple[Hashable, ...]
    not_applied_by: tuple[Hashable, ...]


# --------------------------------------------------------------------------------------------
# Core statistics on tables.


def cohen_kappa(table: npt.ArrayLike) -> float | None:
    """Cohen's kappa from a square contingency table (rows coder 1, columns coder 2).

    Returns None when there are no units or chance agreement is 1 (no variation at all).
    """
    t = np.asarray(table, dtype=np.float64)
    n = float(t.sum())
    if n <= 0:
        return None
    po = float(np.trace(t)) / n
    pe = float(np.dot(t.sum(axis=1), t.sum(axis=0))) / (n * n)
    if pe >= 1.0 - 1e-12:
        return None
    return (po - pe) / (1.0 - pe)


def alpha_from_coincidence(coincidence: npt.ArrayLike) -> float | None:
    """Krippendorff's nominal alpha from a coincidence matrix ``o[c, k]``.

    alpha = 1 - (n - 1) * sum_{c != k} o_ck / (n^2 - sum_c n_c^2), with n_c = sum_k o_ck.
    Returns None when there are fewer than two pairable values or no variation.
    """
    o = np.asarray(coincidence, dtype=np.float64)
    n_c = o.sum(axis=1)
    n = float(n_c.sum())
    expected = n * n - float(np.dot(n_c, n_c))
    if n <= 1 or expected <= 1e-9 * max(n * n, 1.0):
        return None
    observed = float(o.sum() - np.trace(o))
    return 1.0 - (n - 1.0) * observed / expected


def coincidence_from_counts(
    counts: npt.ArrayLike, weights: npt.ArrayLike | None = None
) -> FloatArray:
    """Coincidence matrix from per-unit value counts (units x values), optionally weighted.

    o_ck = sum_u w_u * (n_uc * n_uk - [c == k] * n_uc) / (m_u - 1), over units with m_u >= 2.
    """
    n_uv = np.asarray(counts, dtype=np.float64)
    w = np.ones(n_uv.shape[0]) if weights is None else np.asarray(weights, dtype=np.float64)
    m = n_uv.sum(axis=1)
    keep = m >= 2
    n_uv, m, w = n_uv[keep], m[keep], w[keep]
    scaled = n_uv * (w / (m - 1.0))[:, None]
    result: FloatArray = scaled.T @ n_uv - np.diag(scaled.sum(axis=0))
    return result


def krippendorff_alpha_nominal(
    reliability_data: Sequence[Sequence[Hashable | None]],
) -> float | None:
    """Nominal alpha for a coders x units matrix of values; None (or NaN) marks missing data."""
    values: dict[Hashable, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row in reliability_data:
        for unit, value in enumerate(row):
            if value is None or (isinstance(value, float) and np.isnan(value)):
                continue
            rows.append(unit)
            cols.append(values.setdefault(value, len(values)))
    n_units = max((len(r) for r in reliability_data), default=0)
    counts = np.zeros((n_units, max(len(values), 1)))
    np.add.at(counts, (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)), 1.0)
    return alpha_from_coincidence(coincidence_from_counts(counts))


def _percent(agree: float, units: float) -> float | None:
    return agree / units if units > 0 else None


def _mean(values: Sequence[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return float(np.mean(defined)) if defined else None


# --------------------------------------------------------------------------------------------
# Encoding spans on one virtual axis of (document, code) blocks.


@dataclass
class _Layout:
    docs: list[Hashable]
    codes: list[Hashable]
    offsets: IntArray  # block b = doc_index * n_codes + code_index starts at offsets[b]
    has_doc: dict[Hashable, BoolArray] = field(default_factory=dict)
    starts: dict[Hashable, IntArray] = field(default_factory=dict)
    ends: dict[Hashable, IntArray] = field(default_factory=dict)


def _layout(data: AgreementData, coders: Sequence[Hashable], docs: Sequence[Hashable]) -> _Layout:
    fixed = data.codes is not None
    code_index: dict[Hashable, int] = {c: i for i, c in enumerate(data.codes or ())}
    lengths = np.asarray([max(int(data.doc_lengths[d]), 0) for d in docs], dtype=np.int64)
    # First pass: per coder, (doc, code, start, end) as arrays; codes are numbered as first seen.
    local: dict[Hashable, list[tuple[int, IntArray, IntArray, IntArray]]] = {}
    has_doc: dict[Hashable, BoolArray] = {}
    for coder in coders:
        per_doc = data.codings.get(coder, {})
        has_doc[coder] = np.asarray([d in per_doc for d in docs], dtype=bool)
        parts = local[coder] = []
        for di, doc in enumerate(docs):
            spans = per_doc.get(doc)
            if not spans:
                continue
            s_list, e_list, c_list = zip(*spans, strict=True)
            distinct = set(c_list)
            if not fixed:
                for c in sorted(distinct - code_index.keys(), key=c_list.index):
                    code_index[c] = len(code_index)
            if distinct <= code_index.keys():
                c_arr = np.fromiter(map(code_index.__getitem__, c_list), np.int64, len(c_list))
            else:
                c_arr = np.asarray([code_index.get(c, -1) for c in c_list], dtype=np.int64)
            length = int(lengths[di])
            s_arr = np.clip(np.asarray(s_list, dtype=np.int64), 0, length)
            e_arr = np.clip(np.asarray(e_list, dtype=np.int64), 0, length)
            ok = (e_arr > s_arr) & (c_arr >= 0)
            parts.append((di, c_arr[ok], s_arr[ok], e_arr[ok]))
    codes = list(code_index)
    n_codes = max(len(codes), 1)
    offsets = np.concatenate([[0], np.cumsum(np.repeat(lengths, n_codes))]).astype(np.int64)
    lay = _Layout(list(docs), codes, offsets, has_doc)
    empty = np.zeros(0, dtype=np.int64)
    for coder in coders:
        bases = [offsets[di * n_codes + c] for di, c, _s, _e in local[coder]]
        starts = [b + s for b, (_d, _c, s, _e) in zip(bases, local[coder], strict=True)]
        ends = [b + e for b, (_d, _c, _s, e) in zip(bases, local[coder], strict=True)]
        lay.starts[coder] = np.concatenate(starts) if starts else empty
        lay.ends[coder] = np.concatenate(ends) if ends else empty
    return lay


@dataclass
class _Intervals:
    left: IntArray
    length: FloatArray
    code: IntArray
    doc: IntArray
    has: BoolArray  # coders x intervals
    cov: BoolArray  # coders x intervals, covered (only meaningful where has)


def _intervals(lay: _Layout, coders: Sequence[Hashable]) -> _Intervals:
    """Cut the axis at every span and block boundary; each coder is constant on each piece."""
    cuts = [lay.offsets] + [lay.starts[c] for c in coders] + [lay.ends[c] for c in coders]
    bounds = np.sort(np.concatenate(cuts))
    bounds = bounds[np.concatenate([[True], bounds[1:] != bounds[:-1]])]
    left = bounds[:-1]
    length = np.diff(bounds).astype(np.float64)
    n_codes = max(len(lay.codes), 1)
    block = np.searchsorted(lay.offsets, left, side="right") - 1
    doc, code = block // n_codes, block % n_codes
    has = np.empty((len(coders), left.size), dtype=bool)
    cov = np.empty((len(coders), left.size), dtype=bool)
    for i, coder in enumerate(coders):
        starts, ends = np.sort(lay.starts[coder]), np.sort(lay.ends[coder])
        depth = np.searchsorted(starts, left, side="right") - np.searchsorted(
            ends, left, side="right"
        )
        cov[i] = depth > 0
        has[i] = lay.has_doc[coder][doc] if doc.size else np.zeros(0, dtype=bool)
    return _Intervals(left, length, code, doc, has, cov)


def _docs_for(data: AgreementData, coders: Sequence[Hashable], minimum: int) -> list[Hashable]:
    """Documents coded by at least ``minimum`` of the coders, in doc_lengths order."""
    return [
        d for d in data.doc_lengths if sum(d in data.codings.get(c, {}) for c in coders) >= minimum
    ]


# --------------------------------------------------------------------------------------------
# Character level.


def character_agreement(
    data: AgreementData, coders: Sequence[Hashable] | None = None
) -> AgreementResult:
    """Per-code and overall agreement with every character as a unit (see module docstring).

    Args:
        data: document lengths and spans per coder.
        coders: the coders to compare (default: all in ``data.codings``); at least two.
    """
    chosen = tuple(coders) if coders is not None else tuple(data.codings)
    if len(chosen) < 2:
        raise ValueError("agreement needs at least two coders")
    docs = _docs_for(data, chosen, 2)
    lay = _layout(data, chosen, docs)
    iv = _intervals(lay, chosen)
    k = len(lay.codes)
    m = iv.has.sum(axis=0)
    ones = (iv.has & iv.cov).sum(axis=0)
    zeros = m - ones

    # Coincidences (binary, nominal) per code, weighted by interval length.
    pair = m >= 2
    w = np.where(pair, iv.length / np.maximum(m - 1, 1), 0.0)
    o11 = np.bincount(iv.code, w * ones * (ones - 1), minlength=k)
    o00 = np.bincount(iv.code, w * zeros * (zeros - 1), minlength=k)
    o01 = np.bincount(iv.code, w * ones * zeros, minlength=k)

    # Percent agreement over characters that every chosen coder coded.
    all_have = m == len(chosen)
    agree = all_have & ((ones == 0) | (zeros == 0))
    units = np.bincount(iv.code, np.where(all_have, iv.length, 0.0), minlength=k)
    agreed = np.bincount(iv.code, np.where(agree, iv.length, 0.0), minlength=k)

    tables = np.zeros((k, 2, 2))
    if len(chosen) == 2:
        a, b = iv.cov[0], iv.cov[1]
        for ra in (0, 1):
            for rb in (0, 1):
                sel = all_have & (a == bool(ra)) & (b == bool(rb))
                tables[:, 1 - ra, 1 - rb] = np.bincount(
                    iv.code, np.where(sel, iv.length, 0.0), minlength=k
                )

    def result(code: Hashable | None, idx: slice | int) -> CodeAgreement:
        coinc = np.array(
            [[np.sum(o11[idx]), np.sum(o01[idx])], [np.sum(o01[idx]), np.sum(o00[idx])]]
        )
        table = tables[idx].sum(axis=0) if isinstance(idx, slice) else tables[idx]
        two = len(chosen) == 2
        return CodeAgreement(
            code=code,
            units=int(round(float(np.sum(units[idx])))),
            percent_agreement=_percent(float(np.sum(agreed[idx])), float(np.sum(units[idx]))),
            kappa=cohen_kappa(table) if two else None,
            alpha=alpha_from_coincidence(coinc),
            both=int(table[0, 0]),
            only_first=int(table[0, 1]),
            only_second=int(table[1, 0]),
            neither=int(table[1, 1]),
        )

    per_code = [result(code, i) for i, code in enumerate(lay.codes)]
    return AgreementResult(
        level="character",
        coders=chosen,
        per_code=per_code,
        pooled=result(None, slice(None)),
        averaged=_averaged(per_code),
        documents=len(docs),
    )


def _averaged(per_code: Sequence[CodeAgreement]) -> CodeAgreement:
    return CodeAgreement(
        code=None,
        units=sum(c.units for c in per_code),
        percent_agreement=_mean([c.percent_agreement for c in per_code]),
        kappa=_mean([c.kappa for c in per_code]),
        alpha=_mean([c.alpha for c in per_code]),
    )


def disagreements(
    data: AgreementData, document: Hashable, coders: Sequence[Hashable] | None = None
) -> list[Disagreement]:
    """Stretches of ``document`` where the coders who coded it disagree, per code.

    Adjacent pieces with the same code and the same split of coders are merged, so each entry is
    what a side-by-side view highlights. Sorted by start, then code order.
    """
    chosen = tuple(coders) if coders is not None else tuple(data.codings)
    present = tuple(c for c in chosen if document in data.codings.get(c, {}))
    if len(present) < 2:
        return []
    lay = _layout(data, present, [document])
    iv = _intervals(lay, present)
    ones = iv.cov.sum(axis=0)
    split = (ones > 0) & (ones < len(present)) & (iv.length > 0)
    out: list[Disagreement] = []
    for i in np.flatnonzero(split):
        block = int(iv.code[i])
        start = int(iv.left[i] - lay.offsets[block])
        end = start + int(iv.length[i])
        applied = tuple(c for j, c in enumerate(present) if iv.cov[j, i])
        rest = tuple(c for c in present if c not in applied)
        code = lay.codes[block]
        prev = out[-1] if out else None
        if prev and prev.code == code and prev.end == start and prev.applied_by == applied:
            out[-1] = Disagreement(code, prev.start, end, applied, rest)
        else:
            out.append(Disagreement(code, start, end, applied, rest))
    code_order = {c: i for i, c in enumerate(lay.codes)}
    out.sort(key=lambda d: (d.start, code_order[d.code]))
    return out
