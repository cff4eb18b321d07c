"""Agreement statistics checked against published and hand-computed values and two independent
implementations (``krippendorff``, ``sklearn.metrics.cohen_kappa_score``) on random codings."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from coding.agreement import (
    AgreementData,
    alpha_from_coincidence,
    character_agreement,
    cohen_kappa,
    coincidence_from_counts,
    disagreements,
    krippendorff_alpha_nominal,
)
from coding.agreement_segments import segment_agreement, segment_units

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
# twelve units, nominal data with missing values; the paper gives alpha = 0.743.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def test_published_krippendorff_example_gives_0743() -> None:
    alpha = krippendorff_alpha_nominal(KRIPPENDORFF_2011)
    assert alpha is not None
    assert round(alpha, 3) == 0.743


def test_published_example_coincidence_matrix_matches_the_paper() -> None:
    # The paper's coincidence matrix for the example has n = 40 pairable values, with
    # n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3 (values 1..5).
    counts = np.zeros((12, 5))
    for row in KRIPPENDORFF_2011:
        for unit, value in enumerate(row):
            if value is not None:
                counts[unit, value - 1] += 1
    o = coincidence_from_counts(counts)
    assert o.sum() == pytest.approx(40)
    assert o.sum(axis=1) == pytest.approx([9, 13, 10, 5, 3])
    assert o[0, 0] == pytest.approx(7)
    assert o[1, 1] == pytest.approx(10)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ([[20, 5], [10, 15]], 0.4),  # po 0.70, pe 0.50
        ([[45, 15], [25, 15]], (0.6 - 0.54) / 0.46),  # po 0.60, pe 0.6*0.7 + 0.4*0.3
        ([[10, 0], [0, 10]], 1.0),
        ([[0, 5], [5, 0]], -1.0),
    ],
)
def test_cohen_kappa_hand_computed(table: list[list[int]], expected: float) -> None:
    assert cohen_kappa(table) == pytest.approx(expected)


def test_kappa_is_undefined_without_variation() -> None:
    assert cohen_kappa([[0, 0], [0, 12]]) is None
    assert cohen_kappa([[0, 0], [0, 0]]) is None
    assert alpha_from_coincidence([[0, 0], [0, 12]]) is None


def test_character_level_hand_example() -> None:
    # Ten characters; A codes 0-5, B codes 2-7: both 3, only A 2, only B 2, neither 3.
    data = AgreementData({"d": 10}, {"A": {"d": [(0, 5, "x")]}, "B": {"d": [(2, 7, "x")]}})
    result = character_agreement(data)
    (x,) = result.per_code
    assert (x.both, x.only_first, x.only_second, x.neither) == (3, 2, 2, 3)
    assert x.units == 10
    assert x.percent_agreement == pytest.approx(0.6)
    assert x.kappa == pytest.approx(0.2)  # po 0.6, pe 0.5
    assert x.alpha == pytest.approx(1 - 19 * 4 / 100)  # n = 20, o_01 = 4, n_0 = n_1 = 10
    assert result.pooled.kappa == pytest.approx(0.2)


def test_pooled_and_averaged_differ_as_documented() -> None:
    data = AgreementData(
        {"d": 10},
        {
            "A": {"d": [(0, 5, "x"), (0, 10, "y")]},
            "B": {"d": [(0, 5, "x"), (0, 4, "y")]},
        },
    )
    result = character_agreement(data)
    x, y = result.per_code
    assert x.kappa == pytest.approx(1.0)
    assert y.kappa == pytest.approx(0.0)  # A applied y everywhere: po 0.4 equals pe 0.4
    assert result.averaged.kappa == pytest.approx(0.5)  # unweighted mean over the codes
    pooled = cohen_kappa([[5 + 4, 0 + 6], [0, 5 + 0]])
    assert result.pooled.kappa == pytest.approx(pooled)
    assert result.pooled.percent_agreement == pytest.approx(14 / 20)


def test_documents_only_one_coder_coded_are_left_out_for_two_coders() -> None:
    data = AgreementData(
        {"d1": 10, "d2": 10},
        {"A": {"d1": [(0, 5, "x")], "d2": [(0, 10, "x")]}, "B": {"d1": [(0, 5, "x")]}},
    )
    result = character_agreement(data)
    assert result.documents == 1
    assert result.per_code[0].kappa == pytest.approx(1.0)
    assert result.per_code[0].units == 10


def test_disagreements_list_the_stretches_per_code() -> None:
    data = AgreementData(
        {"d": 20},
        {
            "A": {"d": [(0, 5, "x"), (10, 15, "y")]},
            "B": {"d": [(2, 5, "x"), (12, 18, "y")]},
        },
    )
    spans = [(d.code, d.start, d.end, d.applied_by) for d in disagreements(data, "d")]
    assert spans == [("x", 0, 2, ("A",)), ("y", 10, 12, ("A",)), ("y", 15, 18, ("B",))]


def test_segment_level_counts_and_threshold() -> None:
    data = AgreementData(
        {"d": 100},
        {
            # x: first pair overlaps 8/12 (0.67), second 2/18 (0.11); y only by A.
            "A": {"d": [(0, 10, "x"), (40, 50, "x"), (70, 80, "y")]},
            "B": {"d": [(2, 12, "x"), (48, 58, "x")]},
        },
    )
    result = segment_agreement(data, "A", "B", threshold=0.5)
    x, y = result.per_code
    assert (x.both, x.only_first, x.only_second) == (1, 1, 1)
    assert x.percent_agreement == pytest.approx(1 / 3)
    assert (y.both, y.only_first, y.only_second) == (0, 1, 0)
    # All units: 3 of x, 1 of y; for x the y-unit counts as "neither".
    assert x.neither == 1
    assert x.kappa == pytest.approx(cohen_kappa([[1, 1], [1, 1]]))
    assert result.pooled.units == 4
    assert result.pooled.percent_agreement == pytest.approx(1 / 4)
    loose = segment_agreement(data, "A", "B", threshold=0.1)
    assert loose.per_code[0].both == 2

    units = segment_units(data, "d", "A", "B", threshold=0.5)
    assert [(u.code, u.first, u.second) for u in units] == [
        ("x", (0, 10), (2, 12), ),
        ("x", (40, 50), None),
        ("x", None, (48, 58)),
        ("y", (70, 80), None),
    ]
    assert units[0].overlap == pytest.approx(8 / 12)


def test_segment_matching_is_one_to_one_best_first() -> None:
    # One segment of B overlaps two of A; it pairs with the better one only.
    data = AgreementData(
        {"d": 50},
        {"A": {"d": [(0, 10, "x"), (4, 12, "x")]}, "B": {"d": [(4, 12, "x")]}},
    )
    units = segment_units(data, "d", "A", "B", threshold=0.3)
    matched = [u for u in units if u.first and u.second]
    assert [(u.first, u.second) for u in matched] == [((4, 12), (4, 12))]


# --------------------------------------------------------------------------------------------
# Against independent implementations on random codings.


@st.composite
def codings(draw: st.DrawFn, n_coders: int, allow_missing: bool) -> AgreementData:
    n_docs = draw(st.integers(1, 3))
    lengths = {f"d{i}": draw(st.integers(5, 40)) for i in range(n_docs)}
    coders: dict[str, dict[str, list[tuple[int, int, str]]]] = {}
    for c in range(n_coders):
        per_doc: dict[str, list[tuple[int, int, str]]] = {}
        for doc, length in lengths.items():
            if allow_missing and draw(st.booleans()) and draw(st.booleans()):
                continue
            spans = []
            for _ in range(draw(st.integers(0, 4))):
                s = draw(st.integers(0, length - 1))
                e = draw(st.integers(s + 1, length))
                spans.append((s, e, draw(st.sampled_from(["x", "y"]))))
            per_doc[doc] = spans
        coders[f"c{c}"] = per_doc
    return AgreementData(lengths, coders, codes=["x", "y"])


def per_character(data: AgreementData, coder: str, code: str) -> list[float]:
    """The naive expansion: one value per character of every document, NaN when not coded."""
    values: list[float] = []
    for doc, length in data.doc_lengths.items():
        spans = data.codings[coder].get(doc)
        if spans is None:
            values += [math.nan] * length
            continue
        row = [0.0] * length
        for s, e, c in spans:
            if c == code:
                row[s:e] = [1.0] * (e - s)
        values += row
    return values


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(codings(2, allow_missing=False))
def test_two_coders_match_sklearn_and_krippendorff(data: AgreementData) -> None:
    result = character_agreement(data)
    for agreement in result.per_code:
        a = per_character(data, "c0", str(agreement.code))
        b = per_character(data, "c1", str(agreement.code))
        assume(len(set(a) | set(b)) > 1)
        assert agreement.percent_agreement == pytest.approx(np.mean(np.equal(a, b)))
        if agreement.kappa is not None:
            assert agreement.kappa == pytest.approx(cohen_kappa_score(a, b))
        if agreement.alpha is not None:
            expected = krippendorff.alpha([a, b], level_of_measurement="nominal")
            assert agreement.alpha == pytest.approx(expected)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(codings(3, allow_missing=True))
def test_three_coders_with_missing_documents_match_krippendorff(data: AgreementData) -> None:
    result = character_agreement(data)
    for agreement in result.per_code:
        rows = [per_character(data, c, str(agreement.code)) for c in ("c0", "c1", "c2")]
        matrix = np.array(rows)
        pairable = (~np.isnan(matrix)).sum(axis=0) >= 2
        values = set(matrix[:, pairable].ravel()) - {math.nan}
        values = {v for v in values if not math.isnan(v)}
        if len(values) < 2:
            assert agreement.alpha is None
            continue
        expected = krippendorff.alpha(matrix, level_of_measurement="nominal")
        assert agreement.alpha == pytest.approx(expected)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=2, max_size=60))
def test_table_kappa_matches_sklearn(pairs: list[tuple[int, int]]) -> None:
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    table = np.zeros((4, 4))
    for x, y in pairs:
        table[x, y] += 1
    kappa = cohen_kappa(table)
    assume(kappa is not None)
    assert kappa == pytest.approx(cohen_kappa_score(a, b))


def test_validation_errors() -> None:
    data = AgreementData({"d": 5}, {"A": {"d": []}})
    with pytest.raises(ValueError):
        character_agreement(data)
    with pytest.raises(ValueError):
        segment_agreement(data, "A", "A")
    with pytest.raises(ValueError):
        segment_agreement(AgreementData({"d": 5}, {"A": {}, "B": {}}), "A", "B", threshold=2)
