"""Missed gold mentions and false positives of one PII set, for studying failure categories.

``python -m bench.pii_misses SET [--names] [--lower]`` imports the set into a scratch project
exactly as ``bench_pseudonymise`` does, detects, and prints every gold mention that is not
*removed* (same rule as the bench) and every detection overlapping no gold mention, each with
its context. Only for development sets: never run it on a set meant to stay blind.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.bench_pseudonymise import build_project, removed, typed_in_lower_case
from bench.pii_gold import load
from coding.pseudonymise import service


def _context(text: str, start: int, end: int, width: int = 45) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"…{left}⟦{text[start:end]}⟧{right}…"


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 1
    subset = argv[0]
    docs = load(subset)
    if "--lower" in argv:
        docs = typed_in_lower_case(docs)
    names = sorted({n for d in docs for n in d.names}) if "--names" in argv else []
    with tempfile.TemporaryDirectory() as tmp:
        project = build_project(Path(tmp), docs, names)
        try:
            entities = service.detect(project)
        finally:
            project.close()
    found: dict[str, list[tuple[int, int, str, str]]] = {d.name: [] for d in docs}
    for entity in entities:
        for dm in entity.mentions:
            if dm.document in found:
                m = dm.mention
                found[dm.document].append((m.start, m.end, str(m.type), m.source.name))
    n_missed = n_fp = 0
    for d in docs:
        spans = [(s, e) for s, e, _, _ in found[d.name]]
        print(f"== {d.name}")
        for g in d.mentions:
            if not removed(g, spans):
                n_missed += 1
                near = [f"{d.text[s:e]!r}:{t}" for s, e, t, _ in found[d.name]
                        if s < g.end and g.start < e]
                print(f"  MISS {g.type:12} {_context(d.text, g.start, g.end)}"
                      + (f"  partial: {', '.join(near)}" if near else ""))
        for s, e, t, src in sorted(found[d.name]):
            if not any(s < g.end and g.start < e for g in d.mentions):
                n_fp += 1
                print(f"  FP   {t:12} {src:10} {_context(d.text, s, e)}")
    print(f"missed {n_missed}, false positives {n_fp}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
