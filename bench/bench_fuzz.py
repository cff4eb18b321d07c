"""Fuzzing at length: 100,000 mutated files over every reader (issue #20's target).

Target: 0 exceptions other than the importer's own error, 0 runs over 30 s or 1 GB.

Two worker processes (this machine has 2 cores), each a Hypothesis campaign with its own seed
over the strategy of ``bench/fuzzing.py`` (generation only: nothing to shrink, every outcome
counted). Per input: wall time; memory as the worker's peak resident size, which only grows, so
a worker that ends below 1 GB had no input above it, and the input that first pushes it over is
saved. Failing, slow and memory-hungry inputs are saved under ``bench/fuzz-failures/`` (not in
git) to be replayed with ``bench.fuzzing.run_one``. Size with DUIDING_FUZZ_INPUTS; on a busy
machine DUIDING_FUZZ_MINUTES ends the campaign early and reports what was done (the inputs row
then says how many). Progress is printed every 2,000 inputs per worker.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import resource
import signal
import sys
import time
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings

from bench.fuzzing import FuzzCase, fuzz_cases, run_one, seed_files

INPUTS = int(os.environ.get("DUIDING_FUZZ_INPUTS", "100000"))
MINUTES = float(os.environ.get("DUIDING_FUZZ_MINUTES", "0")) or None
SEED = int(os.environ.get("DUIDING_FUZZ_SEED", "20000"))  # another seed, other inputs
WORKERS = int(os.environ.get("DUIDING_FUZZ_WORKERS", "2"))
SLOW_SECONDS = 30.0
BIG_RSS_MB = 1024.0
OUT = Path(__file__).resolve().parent / "fuzz-failures"


class _Timeout(Exception):
    pass


class _Stop(Exception):
    """The campaign's time is up (DUIDING_FUZZ_MINUTES)."""


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def _worker(index: int, count: int, workdir: str, queue: Any) -> None:
    ends = time.monotonic() + MINUTES * 60 if MINUTES else None
    # A runaway input must not take the shared machine down: beyond 3 GB allocations fail.
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    folder = Path(workdir) / f"w{index}"
    folder.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(exist_ok=True)
    stats: dict[str, Any] = {"inputs": 0, "failures": collections.Counter(),
                             "outcomes": collections.Counter(), "max_seconds": 0.0,
                             "slow": 0, "over_memory": 0, "start_rss": _rss_mb()}

    def alarm(_sig: int, _frame: object) -> None:
        raise _Timeout()

    signal.signal(signal.SIGALRM, alarm)

    def save(kind: str, case: FuzzCase) -> None:
        n = sum(1 for _ in OUT.glob(f"{kind}-*"))
        if n < 50:
            (OUT / f"{kind}-{index}-{stats['inputs']}{case.suffix}").write_bytes(case.data)

    @seed(SEED + index)
    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(fuzz_cases(seed_files()))
    def campaign(case: FuzzCase) -> None:
        if ends is not None and time.monotonic() > ends:
            raise _Stop()
        stats["inputs"] += 1
        if stats["inputs"] % 2000 == 0:
            print(f"  worker {index}: {stats['inputs']} inputs, "
                  f"{sum(stats['failures'].values())} failures, {_rss_mb():.0f} MB peak",
                  file=sys.stderr, flush=True)
        before = _rss_mb()
        signal.alarm(120)
        try:
            outcome = run_one(case, folder, f"i{index}")
        except _Timeout:
            stats["slow"] += 1
            stats["failures"][f"{case.kind} over 120 s"] += 1
            save("slow", case)
            return
        finally:
            signal.alarm(0)
        stats["outcomes"][f"{case.kind} {outcome.status}"] += 1
        stats["max_seconds"] = max(stats["max_seconds"], outcome.seconds)
        if outcome.seconds > SLOW_SECONDS:
            stats["slow"] += 1
            save("slow", case)
        after = _rss_mb()
        if after > BIG_RSS_MB >= before:
            stats["over_memory"] += 1
            save("memory", case)
        if outcome.status == "failure":
            stats["failures"][f"{case.kind} {outcome.detail[:100]}"] += 1
            save("failure", case)

    with contextlib.suppress(_Stop):
        campaign()
    stats["max_rss_mb"] = _rss_mb()
    queue.put(stats)


def run(workdir: Path) -> list[dict[str, object]]:
    started = time.time()
    ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: its peak RSS is its own
    queue = ctx.Queue()
    per = -(-INPUTS // WORKERS)
    procs = [ctx.Process(target=_worker, args=(i, per, str(workdir), queue))
             for i in range(WORKERS)]
    for p in procs:
        p.start()
    results = []
    while len(results) < len(procs):
        try:
            results.append(queue.get(timeout=10))
        except Exception:  # queue.Empty: is a worker gone without a word (killed by a signal)?
            if all(not p.is_alive() for p in procs) and queue.empty():
                break
    for p in procs:
        p.join()
    crashed = [p.exitcode for p in procs if p.exitcode not in (0, None)]
    for code in crashed:
        print(f"  FAILURE: a worker died with exit code {code} (a reader crashed the process)")
    if not results:
        return [{"name": "worker processes that crashed", "value": len(crashed), "unit": "",
                 "target": 0}]
    minutes = (time.time() - started) / 60
    inputs = sum(r["inputs"] for r in results)
    failures: collections.Counter[str] = sum((r["failures"] for r in results),
                                             collections.Counter())
    outcomes: collections.Counter[str] = sum((r["outcomes"] for r in results),
                                             collections.Counter())
    for key, n in failures.most_common(20):
        print(f"  FAILURE x{n}: {key}")
    print("  outcomes: " + ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items())))
    return [
        {"name": "fuzzed inputs, all readers", "value": inputs, "unit": "inputs",
         "target": 100_000, "better": "higher"},
        {"name": "exceptions other than the importer's own error", "value": sum(failures.values()),
         "unit": "inputs", "target": 0},
        {"name": "worker processes that crashed (the input is lost with them)",
         "value": len(crashed), "unit": "", "target": 0},
        {"name": "runs over 30 s", "value": sum(r["slow"] for r in results), "unit": "inputs",
         "target": 0},
        {"name": "runs over 1 GB (worker peak RSS crossed 1 GB)",
         "value": sum(r["over_memory"] for r in results), "unit": "inputs", "target": 0},
        {"name": "slowest input", "value": max(r["max_seconds"] for r in results), "unit": "s",
         "target": SLOW_SECONDS},
        {"name": "highest worker peak RSS", "value": max(r["max_rss_mb"] for r in results),
         "unit": "MB", "target": BIG_RSS_MB},
        {"name": f"wall time ({WORKERS} workers, nice 10)", "value": minutes, "unit": "min"},
        {"name": "inputs refused with the importer's error",
         "value": sum(v for k, v in outcomes.items() if k.endswith("refused")), "unit": "inputs"},
        {"name": "inputs read as valid files",
         "value": sum(v for k, v in outcomes.items() if k.endswith(" read")), "unit": "inputs"},
    ]
