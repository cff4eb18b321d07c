"""`python -m bench [NAME...]`: run the benchmarks, print JSON, append to bench/RESULTS.md.

Each `bench/bench_*.py` exposes `run(workdir) -> list[dict]` (see bench/README.md). Targets are
the issues' numbers on this 2-core machine; results are recorded with date and machine so
regressions can be seen over time. These are measurements, never pass/fail unit tests.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, " \
           f"Python {platform.python_version()}"


def verdict(r: dict[str, object]) -> str:
    target = r.get("target")
    if target is None:
        return ""
    value = float(r["value"])  # type: ignore[arg-type]
    ok = value <= float(target) if r.get("better", "lower") == "lower" \
        else value >= float(target)  # type: ignore[arg-type]
    return "ok" if ok else "MISSED"


def main(argv: list[str]) -> int:
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    wanted = [n for n in names if not argv or any(a in n for a in argv)]
    results: list[dict[str, object]] = []
    for name in wanted:
        print(f"# {name}", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix=f"duiding-{name}-") as tmp:
            try:
                module = importlib.import_module(f"bench.{name}")
                for r in module.run(Path(tmp)):
                    r = {"module": name, **r}
                    r["verdict"] = verdict(r)
                    results.append(r)
                    print(f"  {r['name']}: {float(r['value']):.4g} {r.get('unit', '')} "  # type: ignore[arg-type]
                          f"(target {r.get('target')}) {r['verdict']}", file=sys.stderr,
                          flush=True)
            except Exception:
                traceback.print_exc()
                results.append({"module": name, "name": "(failed to run)", "value": float("nan"),
                                "unit": "", "target": None, "verdict": "ERROR"})
    print(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    record(results)
    return 0


def record(results: list[dict[str, object]]) -> None:
    path = HERE / "RESULTS.md"
    lines = [f"\n## {datetime.now():%Y-%m-%d %H:%M} — {machine()}\n",
             "| module | measurement | value | unit | target | verdict |",
             "|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['module']} | {r['name']} | {float(r['value']):.4g} | "  # type: ignore[arg-type]
                     f"{r.get('unit', '')} | "
                     f"{'' if r.get('target') is None else ('≤ ' if r.get('better', 'lower') == 'lower' else '≥ ') + str(r['target'])} | "
                     f"{r['verdict']} |")
    if not path.exists():
        path.write_text("# Benchmark results\n\nAppended by `python -m bench`; newest last.\n",
                        encoding="utf-8")
    with path.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
