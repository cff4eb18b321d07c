"""Intercoder agreement at segment level: coders' segments matched by overlap (two coders).

Split from :mod:`coding.agreement` (character level, the shared statistics and layout) to keep
each module readable; see that module's docstring for how both levels are defined.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from coding.agreement import (
    AgreementData,
    AgreementResult,
    CodeAgreement,
    FloatArray,
    IntArray,
    _averaged,
    _Layout,
    _layout,
    _percent,
    alpha_from_coincidence,
    cohen_kappa,
)


@dataclass(frozen=True)
class SegmentUnit:
    """One segment-level unit: a matched pair, or a segment only one coder made."""

    code: Hashable
    first: tuple[int, int] | None
    second: tuple[int, int] | None
    overlap: float | None  # Jaccard index of the pair; None for an unmatched segment


def _match(
    a_s: IntArray, a_e: IntArray, b_s: IntArray, b_e: IntArray, threshold: float
) -> tuple[IntArray, IntArray, FloatArray]:
    """One-to-one matches between two span sets on the shared axis, greedy by overlap ratio.

    Candidate pairs are those where one span starts inside the other (every overlapping pair is
    found exactly once, and only overlapping pairs are generated). Pairs whose overlap ratio is
    below ``threshold`` (or that do not overlap at all) are dropped; pairs whose both members
    have no rival are accepted at once, the rest greedily from the highest ratio down.
    """
    empty_i, empty_f = np.zeros(0, dtype=np.int64), np.zeros(0)
    if a_s.size == 0 or b_s.size == 0:
        return empty_i, empty_i, empty_f

    def starts_inside(
        x_s: IntArray, x_e: IntArray, y_s: IntArray, strict: bool
    ) -> tuple[IntArray, IntArray]:
        order = np.argsort(y_s, kind="stable")
        ys = y_s[order]
        lo = np.searchsorted(ys, x_s, side="right" if strict else "left")
        hi = np.searchsorted(ys, x_e, side="left")
        cnt = np.maximum(hi - lo, 0)
        ix = np.repeat(np.arange(x_s.size), cnt)
        first = np.repeat(np.cumsum(cnt) - cnt, cnt)
        iy = order[lo[ix] + (np.arange(ix.size) - first)]
        return ix.astype(np.int64), iy.astype(np.int64)

    ia1, ib1 = starts_inside(a_s, a_e, b_s, strict=False)  # b starts in [a.s, a.e)
    ib2, ia2 = starts_inside(b_s, b_e, a_s, strict=True)  # a starts in (b.s, b.e)
    ia, ib = np.concatenate([ia1, ia2]), np.concatenate([ib1, ib2])
    inter = np.minimum(a_e[ia], b_e[ib]) - np.maximum(a_s[ia], b_s[ib])
    union = np.maximum(a_e[ia], b_e[ib]) - np.minimum(a_s[ia], b_s[ib])
    ratio = inter / np.maximum(union, 1)
    keep = (inter > 0) & (ratio >= threshold - 1e-12)
    ia, ib, ratio = ia[keep], ib[keep], ratio[keep]
    order = np.lexsort((ib, ia, -ratio))
    ia, ib, ratio = ia[order], ib[order], ratio[order]
    lone = (np.bincount(ia, minlength=a_s.size)[ia] == 1) & (
        np.bincount(ib, minlength=b_s.size)[ib] == 1
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen = lone.copy()
    for i in np.flatnonzero(~lone):
        x, y = int(ia[i]), int(ib[i])
        if x not in used_a and y not in used_b:
            used_a.add(x)
            used_b.add(y)
            chosen[i] = True
    return ia[chosen], ib[chosen], ratio[chosen]


def _segment_layout(
    data: AgreementData,
    coder_a: Hashable,
    coder_b: Hashable,
    docs: Sequence[Hashable],
    threshold: float,
) -> tuple[_Layout, IntArray, IntArray, IntArray, IntArray, FloatArray]:
    lay = _layout(data, (coder_a, coder_b), docs)
    a_s, a_e, b_s, b_e = (
        lay.starts[coder_a],
        lay.ends[coder_a],
        lay.starts[coder_b],
        lay.ends[coder_b],
    )
    ma, mb, ratio = _match(a_s, a_e, b_s, b_e, threshold)
    return lay, a_s, b_s, ma, mb, ratio


def _check(data: AgreementData, coder_a: Hashable, coder_b: Hashable, threshold: float) -> None:
    if coder_a == coder_b:
        raise ValueError("agreement needs two different coders")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError("threshold must lie between 0 and 1")


def segment_agreement(
    data: AgreementData, coder_a: Hashable, coder_b: Hashable, threshold: float = 0.5
) -> AgreementResult:
    """Segment-level agreement between two coders over the documents both coded.

    Units: per code, the union of matched segments -- each pair of same-code segments whose
    overlap ratio (Jaccard: shared characters / characters in either) is at least ``threshold``
    is one unit (``both``); each unmatched segment is one unit (``only_first``/``only_second``).

    * ``percent_agreement`` per code = both / (both + only_first + only_second); ``units`` is
      that denominator.
    * ``kappa`` and ``alpha`` per code are computed on a 2x2 table over *all* segment units of
      all codes: a unit that belongs to another code counts as "neither coder applied this code"
      (``neither``). Without it the table has no "neither" cell and kappa could never be positive;
      this follows the segment-based approach of Rädiker & Kuckartz (2020).
    * ``pooled``: one (codes + "absent") x (codes + "absent") table over all units: the diagonal
      holds agreed units, the last column/row the unmatched ones; percent = agreed / units.
    """
    _check(data, coder_a, coder_b, threshold)
    docs = [
        d
        for d in data.doc_lengths
        if d in data.codings.get(coder_a, {}) and d in data.codings.get(coder_b, {})
    ]
    lay, a_s, b_s, ma, _mb, _ratio = _segment_layout(data, coder_a, coder_b, docs, threshold)
    k = len(lay.codes)
    n_codes = max(k, 1)

    def code_of(x: IntArray) -> IntArray:
        return (np.searchsorted(lay.offsets, x, side="right") - 1) % n_codes

    code_a, code_b = code_of(a_s), code_of(b_s)
    agreed = np.bincount(code_a[ma], minlength=k)
    only_a = np.bincount(code_a, minlength=k) - agreed
    only_b = np.bincount(code_b, minlength=k) - agreed
    own = agreed + only_a + only_b
    total = int(own.sum())
    per_code = []
    for i, code in enumerate(lay.codes):
        t = np.array([[agreed[i], only_a[i]], [only_b[i], total - own[i]]], dtype=np.float64)
        per_code.append(
            CodeAgreement(
                code=code,
                units=int(own[i]),
                percent_agreement=_percent(float(agreed[i]), float(own[i])),
                kappa=cohen_kappa(t),
                alpha=alpha_from_coincidence(t + t.T),
                both=int(agreed[i]),
                only_first=int(only_a[i]),
                only_second=int(only_b[i]),
                neither=int(total - own[i]),
            )
        )
    big = np.zeros((k + 1, k + 1))
    big[np.arange(k), np.arange(k)] = agreed
    big[np.arange(k), k] = only_a
    big[k, np.arange(k)] = only_b
    pooled = CodeAgreement(
        code=None,
        units=total,
        percent_agreement=_percent(float(agreed.sum()), float(total)),
        kappa=cohen_kappa(big),
        alpha=alpha_from_coincidence(big + big.T),
        both=int(agreed.sum()),
        only_first=int(only_a.sum()),
        only_second=int(only_b.sum()),
    )
    return AgreementResult(
        level="segment",
        coders=(coder_a, coder_b),
        per_code=per_code,
        pooled=pooled,
        averaged=_averaged(per_code),
        documents=len(docs),
        threshold=threshold,
    )


def segment_units(
    data: AgreementData,
    document: Hashable,
    coder_a: Hashable,
    coder_b: Hashable,
    threshold: float = 0.5,
) -> list[SegmentUnit]:
    """The segment-level units of one document (for a side-by-side view), sorted by position."""
    _check(data, coder_a, coder_b, threshold)
    if not all(document in data.codings.get(c, {}) for c in (coder_a, coder_b)):
        return []
    lay, a_s, b_s, ma, mb, ratio = _segment_layout(data, coder_a, coder_b, [document], threshold)
    a_e, b_e = lay.ends[coder_a], lay.ends[coder_b]
    n_codes = max(len(lay.codes), 1)

    def local(x: int) -> tuple[Hashable, int]:
        block = int(np.searchsorted(lay.offsets, x, side="right") - 1)
        return lay.codes[block % n_codes], int(lay.offsets[block])

    units: list[SegmentUnit] = []
    for x, y, r in zip(ma.tolist(), mb.tolist(), ratio.tolist(), strict=True):
        code, base = local(int(a_s[x]))
        units.append(
            SegmentUnit(
                code,
                (int(a_s[x]) - base, int(a_e[x]) - base),
                (int(b_s[y]) - base, int(b_e[y]) - base),
                r,
            )
        )
    for idx in sorted(set(range(a_s.size)) - set(ma.tolist())):
        code, base = local(int(a_s[idx]))
        units.append(SegmentUnit(code, (int(a_s[idx]) - base, int(a_e[idx]) - base), None, None))
    for idx in sorted(set(range(b_s.size)) - set(mb.tolist())):
        code, base = local(int(b_s[idx]))
        units.append(SegmentUnit(code, None, (int(b_s[idx]) - base, int(b_e[idx]) - base), None))
    order = {c: i for i, c in enumerate(lay.codes)}
    units.sort(key=lambda u: (min(p[0] for p in (u.first, u.second) if p), order[u.code]))
    return units
