"""The PII test transcripts (tests/fixtures/pii) parse: balanced markup, known types, a
respondent sheet entry for each, so the bench measures what was written."""

from __future__ import annotations

import pytest

from bench.bench_pseudonymise import SETS
from bench.pii_gold import TYPES, load


@pytest.mark.parametrize("subset", SETS)
def test_every_gold_transcript_parses(subset: str) -> None:
    docs = load(subset)
    assert docs, subset
    for doc in docs:
        assert doc.mentions and doc.attributes.get("gemeente"), doc.name
        for m in doc.mentions:
            assert m.type in TYPES and doc.text[m.start:m.end] == m.text, (doc.name, m)
            assert m.text == m.text.strip(), (doc.name, m.text)
