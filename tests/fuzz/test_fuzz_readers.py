"""A short fuzzing campaign over every reader, in every test run (bench/fuzzing.py).

Seeds are real files (built in the harness, plus the shared corpus and REFI-QDA samples when
they are beside the project); Hypothesis draws which seed and how to mutate it. Every input must
be read, or refused with the importer's own foreseen error in one line naming the file. The long
campaign (100,000 inputs, with time and memory per input) is `python -m bench fuzz`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from bench.fuzzing import READERS, FuzzCase, builtin_seeds, fuzz_cases, run_one, seed_files
from importers import SUPPORTED_EXTENSIONS

SEEDS = seed_files()


def test_every_reader_is_fuzzed_and_seeded() -> None:
    kinds = set(SUPPORTED_EXTENSIONS) | {".csv", ".xlsx", ".qdpx", ".qdc", "survey.csv",
                                         "survey.xlsx", "survey.sav"}
    assert kinds <= set(READERS)
    assert all(builtin_seeds()[kind] for kind in READERS)


@pytest.mark.parametrize("kind", sorted(READERS))
def test_every_seed_is_read(kind: str) -> None:
    """The unmutated seeds are good files: the campaign starts from what users really bring."""
    with tempfile.TemporaryDirectory() as tmp:
        for data in builtin_seeds()[kind]:
            outcome = run_one(FuzzCase(kind, data), Path(tmp))
            assert outcome.status == "read", outcome


@pytest.mark.parametrize("kind", sorted(READERS))
def test_mutated_files_are_read_or_refused_in_one_line(kind: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)

        @settings(max_examples=30, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(fuzz_cases(SEEDS, [kind]))
        def check(case: FuzzCase) -> None:
            outcome = run_one(case, folder)
            assert outcome.status != "failure", outcome.detail

        check()
