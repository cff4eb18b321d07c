"""Foundation targets (issue 2): import, coding latency, retrieval, counts, open time, memory."""

from __future__ import annotations

import random
import resource
import statistics
import time
from pathlib import Path

from sqlalchemy import insert, select

from bench.synth import write_corpus
from coding.commands import ApplyCodes, Macro
from coding.project import Project
from coding.types import SegmentFilter, Valence
from importers.batch import import_paths
from models.schema import Coder, Segment, SegmentCode


def seed_codings(project: Project, total: int, rng: random.Random) -> None:
    """Bulk-insert codings (the bench measures the service on top of them, not this)."""
    docs = [(d.id, d.length) for d in project.documents.list()]
    codes = [c.id for c in project.codes.tree()]
    with project.store.write() as s:
        coder = project.coders.ensure_in(s, "Bench")
        first = (s.scalar(select(Segment.id).order_by(Segment.id.desc()).limit(1)) or 0) + 1
        segs, links = [], []
        for i in range(total):
            doc, length = rng.choice(docs)
            start = rng.randrange(0, length - 400)
            segs.append({"id": first + i, "document_id": doc, "start": start,
                         "end": start + rng.randint(40, 400), "coder_id": coder, "memo": "",
                         "key_quote": False, "guid": f"bench-{first + i}"})
            links.append({"segment_id": first + i, "code_id": rng.choice(codes),
                          "valence": rng.choice(list(Valence))})
        s.execute(insert(Segment), segs)
        s.execute(insert(SegmentCode), links)
        s.scalar(select(Coder.id))


def run(workdir: Path) -> list[dict[str, object]]:
    rng = random.Random(11)
    results: list[dict[str, object]] = []
    files = write_corpus(workdir / "corpus", 100, 5000)
    t0 = time.perf_counter()
    project = Project.create(workdir / "bench.duiding", coder="Bench")
    summary = import_paths(project, files, attributes=workdir / "respondenten.csv")
    results.append({"name": "create + import 100 txt x 5,000 words", "unit": "s",
                    "value": time.perf_counter() - t0, "target": 5.0})
    assert summary.count("imported") == 100
    seed_codings(project, 20_000, rng)
    docs = [(d.id, d.length) for d in project.documents.list()]
    code = project.codes.by_path("toegang/wachttijd").id
    timings = []
    for _ in range(200):
        doc, length = rng.choice(docs)
        start = rng.randrange(0, length - 200)
        t = time.perf_counter()
        project.execute(ApplyCodes(doc, start, start + 120, [code], Valence.AANDACHTSPUNT))
        timings.append(time.perf_counter() - t)
    results.append({"name": "apply one coding (commit included), 20,000 in project, median",
                    "unit": "ms", "value": statistics.median(timings) * 1000, "target": 5.0})
    results.append({"name": "apply one coding, 95th percentile", "unit": "ms",
                    "value": sorted(timings)[189] * 1000, "target": None})
    batch = []
    for _ in range(500):
        doc, length = rng.choice(docs)
        start = rng.randrange(0, length - 200)
        batch.append(ApplyCodes(doc, start, start + 80, [code]))
    t = time.perf_counter()
    project.execute(Macro("code_all_hits", batch))
    results.append({"name": "apply 500 codings as one command (one transaction)", "unit": "ms",
                    "value": (time.perf_counter() - t) * 1000, "target": None})
    # The target: the segments of one code with an attribute filter. A whole theme
    # (every sub-code) returns six times as many fragments and is reported beside it.
    for label, path, target in (("one code", "toegang/wachttijd", 50.0),
                                ("a whole theme with its sub-codes", "toegang", None)):
        f = SegmentFilter(code_ids=(project.codes.by_path(path).id,),
                          attributes=(("gemeente", "Westerveen"),))
        project.segments.query(f)
        reps = []
        for _ in range(10):
            t = time.perf_counter()
            found = project.segments.query(f)
            reps.append(time.perf_counter() - t)
        results.append({"name": f"segments of {label} + attribute filter ({len(found)} found), "
                                "20,700 codings", "unit": "ms",
                        "value": statistics.median(reps) * 1000, "target": target})
    reps = []
    for _ in range(10):
        t = time.perf_counter()
        project.stats.counts(by="respondent_type")
        reps.append(time.perf_counter() - t)
    results.append({"name": "counts per code by attribute", "unit": "ms",
                    "value": statistics.median(reps) * 1000, "target": 100.0})
    project.close()
    reps = []
    for _ in range(5):
        t = time.perf_counter()
        p = Project.open(workdir / "bench.duiding")
        p.codes.tree()
        p.documents.list()
        reps.append(time.perf_counter() - t)
        p.close()
    results.append({"name": "open project (100 documents, 20,700 codings) + code tree + "
                            "document list", "unit": "ms",
                    "value": statistics.median(reps) * 1000, "target": 300.0})
    results.append({"name": "peak memory (whole bench process so far)", "unit": "MB",
                    "value": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                    "target": None})
    return results
