"""Benchmarks for the analysis targets of issue 8.

* agreement for two coders over 50 documents with 5,000 segments per coder per document
  (character level and segment level, on plain data; target < 1 s each);
* framework matrix of 60 documents x 40 codes, and co-occurrence of 40 codes, over a real
  project file with 20,000 coded segments (target < 200 ms each, including the query).
"""

from __future__ import annotations

import hashlib
import pathlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select

from coding.agreement import AgreementData, character_agreement
from coding.agreement_segments import segment_agreement
from coding.analysis import AnalysisManager
from coding.project import Project
from models.schema import Coder, Segment, SegmentCode

WORDS = [
    "hulp",
    "wachten",
    "school",
    "gezin",
    "jeugdzorg",
    "wijkteam",
    "ouder",
    "praten",
    "samen",
    "plek",
    "maanden",
]


def _best(fn: Callable[[], Any], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _agreement_data(rng: random.Random) -> AgreementData:
    length = 60_000
    docs = {f"doc{i}": length for i in range(50)}
    codes = [f"code{i}" for i in range(40)]
    codings: dict[str, dict[str, list[tuple[int, int, str]]]] = {"A": {}, "B": {}}
    for d in docs:
        base = []
        for _ in range(5_000):
            s = rng.randrange(0, length - 400)
            base.append((s, s + rng.randrange(20, 400), rng.choice(codes)))
        codings["A"][d] = base
        # B agrees on most segments, shifted a little, and differs on a fifth.
        codings["B"][d] = [
            (
                s + rng.randrange(-10, 10)
                if rng.random() < 0.8
                else rng.randrange(0, length - 400),
                e,
                c if rng.random() < 0.8 else rng.choice(codes),
            )
            for s, e, c in base
        ]
        codings["B"][d] = [(max(0, s), max(e, s + 1), c) for s, e, c in codings["B"][d]]
    return AgreementData(docs, codings)


@dataclass
class _Transcript:
    name: str
    text: str
    format: str = "txt"
    attributes: dict[str, str] = field(default_factory=dict)
    turns: list[Any] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


@dataclass
class _Turn:
    start: int
    end: int
    speaker: str | None
    timestamp_ms: int | None = None


def _project(workdir: pathlib.Path, rng: random.Random) -> tuple[Project, list[int]]:
    path = workdir / "bench_analysis.duiding"
    path.unlink(missing_ok=True)
    codebook = [
        {"name": f"thema{t}", "children": [{"name": f"sub{k}"} for k in range(5)]} for t in range(8)
    ]
    project = Project.create(path, codebook=codebook, coder="bench")
    for i in range(60):
        text = " ".join(rng.choice(WORDS) for _ in range(5_000))
        turns = [
            _Turn(p, min(p + 290, len(text)), "R" if (p // 300) % 2 else "I")
            for p in range(0, len(text), 300)
        ]
        project.documents.add_transcript(
            _Transcript(
                f"interview{i:02}.txt", text, attributes={"meting": str(2023 + i % 2)}, turns=turns
            )
        )
    leaves = [c.id for c in project.codes.tree() if c.depth == 1]
    docs = [(d.id, d.length) for d in project.documents.list()]
    with project.store.write() as s:
        coder = s.scalar(select(Coder.id).where(Coder.name == "bench"))
        if coder is None:
            s.add(Coder(name="bench"))
            s.flush()
            coder = s.scalar(select(Coder.id).where(Coder.name == "bench"))
        segs, links = [], []
        for n in range(20_000):
            doc_id, length = docs[n % len(docs)]
            start = rng.randrange(0, length - 300)
            segs.append(
                {
                    "id": n + 1,
                    "guid": f"bench-{n}",
                    "document_id": doc_id,
                    "start": start,
                    "end": start + rng.randrange(20, 300),
                    "coder_id": coder,
                    "memo": "",
                    "key_quote": False,
                }
            )
            for code_id in rng.sample(leaves, rng.choice((1, 1, 2))):
                links.append({"segment_id": n + 1, "code_id": code_id, "valence": "neutraal"})
        s.execute(insert(Segment), segs)
        s.execute(insert(SegmentCode), links)
    return project, leaves


def run(workdir: pathlib.Path) -> list[dict[str, Any]]:
    rng = random.Random(8)
    data = _agreement_data(rng)
    results = [
        {
            "name": "agreement_character_2x50x5000",
            "value": _best(lambda: character_agreement(data)),
            "unit": "s",
            "target": 1.0,
            "better": "lower",
        },
        {
            "name": "agreement_segment_2x50x5000",
            "value": _best(lambda: segment_agreement(data, "A", "B", 0.5)),
            "unit": "s",
            "target": 1.0,
            "better": "lower",
        },
    ]
    project, leaves = _project(workdir, rng)
    try:
        analysis = AnalysisManager(project)
        results += [
            {
                "name": "matrix_60docs_40codes_20000segments",
                "value": _best(lambda: analysis.matrix("document", leaves)) * 1000,
                "unit": "ms",
                "target": 200.0,
                "better": "lower",
            },
            {
                "name": "cooccurrence_overlap_40codes_20000segments",
                "value": _best(lambda: analysis.cooccurrence(leaves, mode="overlap")) * 1000,
                "unit": "ms",
                "target": 200.0,
                "better": "lower",
            },
            {
                "name": "cooccurrence_turn_40codes_20000segments",
                "value": _best(lambda: analysis.cooccurrence(leaves, mode="turn")) * 1000,
                "unit": "ms",
                "target": 200.0,
                "better": "lower",
            },
        ]
    finally:
        project.close()
    return results


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for r in run(pathlib.Path(tmp)):
            print(f"{r['name']}: {r['value']:.3f} {r['unit']} (target {r['target']})")
