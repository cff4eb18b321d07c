"""Benchmark for pseudonymisation detection against the gold PII mentions of ../shared/corpus.

The six transcripts are detected as one project (as a researcher would: consistent pseudonyms
need the whole project). A gold mention counts as found when one detected mention covers all of
it (a larger span still removes the original); precision counts detected mentions that overlap a
gold mention. Type is ignored for recall: a name replaced as "[organisatie]" is still gone.
"With names" enters every person name of the gold files as the project name list, i.e. the names
the researcher knows (respondents, children, care workers).
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from bench.bench_nlp import CorpusDoc, load_corpus


def gold_spans(doc: CorpusDoc) -> list[tuple[int, int, str]]:
    """Code-point spans of the gold PII mentions: longest forms first, no nesting (README)."""
    taken: list[tuple[int, int, str]] = []
    forms = {(p["text"], p["type"]) for p in doc.gold["pii"]}
    for form, type_ in sorted(forms, key=lambda f: -len(f[0])):
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", doc.text):
            s, e = match.span()
            if not any(s < te and ts < e for ts, te, _ in taken):
                taken.append((s, e, type_))
    return sorted(taken)


def score(docs: list[CorpusDoc], names: list[str], use_deduce: bool = True) -> dict[str, float]:
    from coding.pseudonymise.detect import detect_project

    found = detect_project({d.name: d.text for d in docs}, names, use_deduce=use_deduce)
    gold_total = gold_hit = person_total = person_hit = det_total = det_ok = 0
    for doc in docs:
        gold = gold_spans(doc)
        detected = found[doc.name]
        for gs, ge, type_ in gold:
            hit = any(m.start <= gs and ge <= m.end for m in detected)
            gold_total += 1
            gold_hit += hit
            if type_ == "person":
                person_total += 1
                person_hit += hit
        det_total += len(detected)
        det_ok += sum(1 for m in detected if any(m.start < ge and gs < m.end for gs, ge, _ in gold))
    return {
        "person_recall": person_hit / person_total,
        "pii_recall": gold_hit / gold_total,
        "precision": det_ok / det_total if det_total else 0.0,
    }


def run(workdir: Path) -> list[dict[str, Any]]:
    from coding.pseudonymise import deduce_backend
    from coding.pseudonymise.detect import detect_text

    docs = load_corpus()
    started = time.perf_counter()
    deduce_backend.load()
    load_time = time.perf_counter() - started
    plain = score(docs, [])
    persons = sorted({p["text"] for d in docs for p in d.gold["pii"] if p["type"] == "person"})
    named = score(docs, persons)
    big = max(docs, key=lambda d: len(d.text))
    text = "\n\n".join([big.text] * (10_000 // len(big.text.split()) + 1))
    started = time.perf_counter()
    detect_text(text)
    detect_time = time.perf_counter() - started

    def row(
        name: str, value: float, unit: str, target: float | None, better: str
    ) -> dict[str, Any]:
        return {"name": name, "value": value, "unit": unit, "target": target, "better": better}

    return [
        row("pii_person_recall_no_names", plain["person_recall"], "ratio", 0.90, "higher"),
        row("pii_all_recall_no_names", plain["pii_recall"], "ratio", 0.85, "higher"),
        row("pii_precision_no_names", plain["precision"], "ratio", None, "higher"),
        row("pii_person_recall_with_names", named["person_recall"], "ratio", 0.98, "higher"),
        row("pii_all_recall_with_names", named["pii_recall"], "ratio", None, "higher"),
        row("pii_precision_with_names", named["precision"], "ratio", None, "higher"),
        row("pii_detect_10k_words", detect_time, "s", 3.0, "lower"),
        row("deduce_load", load_time, "s", None, "lower"),
    ]


if __name__ == "__main__":
    import tempfile

    for r in run(Path(tempfile.mkdtemp())):
        print(f"{r['name']:32} {r['value']:8.3f} {r['unit']}  target={r['target']}")
