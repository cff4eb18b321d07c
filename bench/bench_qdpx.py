"""REFI-QDA speed (issue 16): a `.qdpx` export of a project with 8,000 codings in under 0.5 s.

The project is the bench corpus (bench/synth.py): 100 transcripts of 3,000 words, the built-in
codebook, and 8,000 codings bulk-inserted on 6,000 fragments (a third of them with two codes,
mixed valences, some memos and key quotes, two coders), plus a memo per document. The measured
export is what `duiding export qdpx` runs in-process: read the project into the interchange
model, build and validate the XML, write the zip. Reading the file back into a new project is
timed too (no target in the issue). Best of five; the processor time of the same runs is given
beside the wall-clock time, because this machine is shared and its load varies by the minute.
"""

from __future__ import annotations

import random
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, select

from bench.synth import write_corpus
from coding.memos import MemoTarget
from coding.project import Project
from coding.types import Valence
from exports.qdpx_project import export_qdpx
from importers.batch import import_paths
from importers.qdpx_project import import_qdpx_file
from models.schema import Segment, SegmentCode

DOCUMENTS, WORDS, SEGMENTS, CODINGS = 100, 3000, 6000, 8000


def seed(project: Project, rng: random.Random) -> int:
    """Bulk-insert the fragments (the bench measures the export, not this); returns codings."""
    docs = [(d.id, d.length) for d in project.documents.list()]
    codes = [c.id for c in project.codes.tree()]
    with project.store.write() as s:
        coders = [project.coders.ensure_in(s, name) for name in ("Anouk", "Bram")]
        first = (s.scalar(select(Segment.id).order_by(Segment.id.desc()).limit(1)) or 0) + 1
        segs, links = [], []
        for i in range(SEGMENTS):
            doc, length = rng.choice(docs)
            start = rng.randrange(0, length - 400)
            segs.append({"id": first + i, "document_id": doc, "start": start,
                         "end": start + rng.randint(40, 400), "coder_id": rng.choice(coders),
                         "memo": "Opvallend fragment." if i % 10 == 0 else "",
                         "key_quote": i % 25 == 0, "guid": str(uuid.UUID(int=rng.getrandbits(128)))})
            chosen = rng.sample(codes, 2 if i < CODINGS - SEGMENTS else 1)
            links += [{"segment_id": first + i, "code_id": c, "valence": rng.choice(list(Valence))}
                      for c in chosen]
        s.execute(insert(Segment), segs)
        s.execute(insert(SegmentCode), links)
    for doc, _ in docs:
        project.memos.set(MemoTarget(document_id=doc), "Rustig gesprek, veel herhaling.", "Notitie")
    return len(links)


def run(workdir: Path) -> list[dict[str, object]]:
    rng = random.Random(16)
    files = write_corpus(workdir / "corpus", DOCUMENTS, WORDS)
    project = Project.create(workdir / "bench_qdpx.duiding", coder="Anouk")
    try:
        import_paths(project, files, attributes=workdir / "respondenten.csv")
        codings = seed(project, rng)
        timings, cpu = [], []
        for attempt in range(5):
            t0, c0 = time.perf_counter(), time.process_time()
            export_qdpx(project, workdir / f"studie{attempt}.qdpx")
            timings.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    finally:
        project.close()
    t0 = time.perf_counter()
    import_qdpx_file(workdir / "studie0.qdpx", workdir / "terug.duiding")
    import_s = time.perf_counter() - t0
    return [
        {"name": f"export .qdpx, {codings} codings on {SEGMENTS} fragments, {DOCUMENTS} documents "
                 "(best of 5, in-process)", "value": round(min(timings), 3), "unit": "s",
         "target": 0.5, "better": "lower"},
        {"name": "the same export, processor time (best of 5)", "value": round(min(cpu), 3),
         "unit": "s", "target": None, "better": "lower"},
        {"name": f"import that .qdpx into a new project ({codings} codings)",
         "value": round(import_s, 3), "unit": "s", "target": None, "better": "lower"},
    ]


if __name__ == "__main__":
    import json
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(run(Path(tmp)), indent=2))
