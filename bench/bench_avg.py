"""Issue #17's targets: withdrawing one respondent from a 100-interview project (< 5 s, VACUUM
included), and coding latency of an encrypted project (within 2x of a plain one)."""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from bench.bench_core import seed_codings
from bench.synth import write_corpus
from coding.commands import ApplyCodes, WithdrawConsent
from coding.project import Project
from coding.types import Valence
from coding.withdrawal import plan_withdrawal
from importers.batch import import_paths


def _project(workdir: Path, name: str, password: str | None) -> Project:
    files = write_corpus(workdir / "corpus", 100, 5000)
    project = Project.create(workdir / name, coder="Bench", password=password)
    summary = import_paths(project, files, attributes=workdir / "respondenten.csv")
    assert summary.count("imported") == 100
    seed_codings(project, 5_000, random.Random(3))
    return project


def _coding_ms(project: Project) -> float:
    rng = random.Random(5)
    docs = [(d.id, d.length) for d in project.documents.list()]
    code = project.codes.by_path("toegang/wachttijd").id
    timings = []
    for _ in range(150):
        doc, length = rng.choice(docs)
        start = rng.randrange(0, length - 200)
        t = time.perf_counter()
        project.execute(ApplyCodes(doc, start, start + 120, [code], Valence.AANDACHTSPUNT))
        timings.append(time.perf_counter() - t)
    return statistics.median(timings) * 1000


def run(workdir: Path) -> list[dict[str, object]]:
    results: list[dict[str, object]] = []
    plain = _project(workdir, "plain.duiding", None)
    plain_ms = _coding_ms(plain)
    name = plain.documents.list()[37].name
    size = plain.path.stat().st_size
    t = time.perf_counter()
    plan = plan_withdrawal(plain, document=name)
    planned = time.perf_counter() - t
    plain.execute(WithdrawConsent.confirmed(plan))
    total = time.perf_counter() - t
    results.append({"name": f"withdraw 1 of 100 interviews ({size / 1e6:.0f} MB file): plan, "
                    "delete, VACUUM, WAL truncate", "unit": "s", "value": total, "target": 5.0})
    results.append({"name": "  of which the preview (plan_withdrawal)", "unit": "s",
                    "value": planned, "target": None})
    plain.close()
    encrypted = _project(workdir / "enc", "encrypted.duiding", "bench wachtwoord")
    enc_ms = _coding_ms(encrypted)
    t = time.perf_counter()
    plan = plan_withdrawal(encrypted, document=name)
    encrypted.execute(WithdrawConsent.confirmed(plan))
    enc_withdraw = time.perf_counter() - t
    encrypted.close()
    results.append({"name": "apply one coding, plain project, median", "unit": "ms",
                    "value": plain_ms, "target": None})
    results.append({"name": "apply one coding, encrypted project, median", "unit": "ms",
                    "value": enc_ms, "target": None})
    results.append({"name": "encrypted / plain coding latency", "unit": "x",
                    "value": enc_ms / plain_ms, "target": 2.0})
    results.append({"name": "withdraw 1 of 100 interviews, encrypted project", "unit": "s",
                    "value": enc_withdraw, "target": 5.0})
    return results
