"""Benchmark for the transcript importers: reading a realistic batch of Word files.

The issue's target is 100 ``.docx`` transcripts of 5,000 words imported in under 10 s including
storage; this measures the reading part alone (safety checks + python-docx + speaker turns), so
it must stay well below that. The documents are generated deterministically (a seeded generator
of Dutch-ish sentences, bold ``Interviewer:`` / ``Ouder:`` labels, a metadata table) and cached
in the work directory between runs; generating them is not timed.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

from coding.project import Project
from importers import read_transcript
from importers.batch import import_paths

DOCUMENTS = 100
WORDS_PER_DOCUMENT = 5_000

_VOCABULARY = (
    "ik de het een en dat niet was we hij ze jeugdhulp school wachttijd hulpverlener gemeente "
    "moeder vader kind jongere gesprek eigenlijk gewoon toen echt heel lang weken maanden "
    "jeugdconsulent aanmelding intake begeleiding overdracht nazorg samen beslissen ernáást "
    "wás zíj café één (lacht) eh ehm nou ja nee misschien altijd nooit opnieuw vertellen"
)
_WORDS = _VOCABULARY.split()


def _make_documents(folder: Path) -> list[Path]:
    import docx

    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"T{number:03d}_ouder_2024.docx" for number in range(DOCUMENTS)]
    if all(path.exists() for path in paths):
        return paths
    rng = random.Random(20240307)
    for number, path in enumerate(paths):
        document = docx.Document()
        document.add_paragraph(f"Interview ouder T{number:03d}", style="Title")
        table = document.add_table(rows=2, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Gemeente", "Westerveen"
        table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Datum", "7 maart 2024"
        written = 0
        turn = 0
        while written < WORDS_PER_DOCUMENT:
            label = "Interviewer:" if turn % 2 == 0 else "Ouder:"
            length = rng.randint(8, 30) if turn % 2 == 0 else rng.randint(30, 140)
            length = min(length, WORDS_PER_DOCUMENT - written)
            words = [rng.choice(_WORDS) for _ in range(length)]
            words[0] = words[0].capitalize()
            paragraph = document.add_paragraph()
            paragraph.add_run(label).bold = True
            paragraph.add_run(" " + " ".join(words) + ".")
            written += length
            turn += 1
        document.save(str(path))
    return paths


def run(workdir: Path) -> list[dict[str, Any]]:
    paths = _make_documents(workdir / "bench_importers_docx")
    started = time.perf_counter()
    words = 0
    turns = 0
    for path in paths:
        transcript = read_transcript(path)
        turns += len(transcript.turns)
        words += sum(len(transcript.text[t.start : t.end].split()) for t in transcript.turns)
    elapsed = time.perf_counter() - started
    assert words == DOCUMENTS * WORDS_PER_DOCUMENT, words
    # The target is the whole import: reading, storing each file in its own
    # transaction with its speakers, turns and metadata-table attributes.
    started = time.perf_counter()
    with Project.create(workdir / "bench_import.duiding", codebook="empty") as project:
        summary = import_paths(project, paths)
    stored = time.perf_counter() - started
    assert summary.count("imported") == DOCUMENTS
    return [
        {
            "name": f"import {DOCUMENTS} docx x {WORDS_PER_DOCUMENT} words into a project",
            "value": round(stored, 3),
            "unit": "s",
            "target": 10.0,
            "better": "lower",
        },
        {
            "name": f"read {DOCUMENTS} docx x {WORDS_PER_DOCUMENT} words (readers only)",
            "value": round(elapsed, 3),
            "unit": "s",
            "target": None,
            "better": "lower",
        },
        {
            "name": "docx read throughput",
            "value": round(words / elapsed),
            "unit": "words/s",
            "target": None,
            "better": "higher",
        },
    ]


if __name__ == "__main__":
    import sys
    import tempfile

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    for result in run(target):
        print(result)
