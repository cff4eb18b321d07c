"""Benchmark for issue 5: a findings chapter with 20 themes and 1,000 quotes in under 3 s.

The project is synthetic (bench/synth.py text): 50 transcripts, a codebook of 20 themes with
3 sub-themes each, and 1,000 coded respondent fragments with mixed valences. The quote limit is
lifted so every fragment is quoted: the measured write lays out 1,000 Quote paragraphs, 80
headings, the overview table and the appendix, and saves the .docx. The .xlsx of the same
fragments is timed as well (no target in the issue).
"""

from __future__ import annotations

import hashlib
import pathlib
import random
import time

from bench.synth import transcript_text
from coding.project import Project
from coding.types import DocumentId, SpeakerRole, Valence
from exports.chapter import ChapterOptions, write_chapter
from exports.tables import write_xlsx
from importers.base import ImportedTranscript, Turn

THEMES, SUBTHEMES, DOCUMENTS, FRAGMENTS = 20, 3, 50, 1000


def _transcript(name: str, text: str, attributes: dict[str, str]) -> ImportedTranscript:
    turns, pos = [], 0
    for para in text.split("\n\n"):
        label, _, _ = para.partition(": ")
        turns.append(Turn(pos + len(label) + 2, pos + len(para.rstrip("\n")), label))
        pos += len(para) + 2
    return ImportedTranscript(name, "txt", text, turns,
                              hashlib.sha256(text.encode()).hexdigest(), attributes)


def build_project(path: pathlib.Path) -> Project:
    rng = random.Random(5)
    codebook = [{"name": f"thema {t + 1}", "definition": f"Definitie van thema {t + 1}.",
                 "children": [{"name": f"subthema {t + 1}.{s + 1}",
                               "definition": "Wat hieronder valt."} for s in range(SUBTHEMES)]}
                for t in range(THEMES)]
    project = Project.create(path, codebook=codebook, coder="bench")
    subcodes = [c.id for c in project.codes.tree() if c.depth == 1]
    spans: list[tuple[DocumentId, int, int]] = []
    for i in range(DOCUMENTS):
        attrs = {"respondent_type": ("ouder", "jongere", "hulpverlener")[i % 3],
                 "gemeente": ("Westerveen", "Duinmeer")[i % 2], "meting": str(2023 + i % 2),
                 "gezin": f"G-WV-{i // 2:03d}"}
        doc_id = project.documents.add_transcript(
            _transcript(f"R{i:03d}.txt", transcript_text(rng, 3000), attrs))
        spans += [(doc_id, t.start, t.end) for t in project.documents.turns(doc_id)
                  if t.role != SpeakerRole.INTERVIEWER]
    valences = list(Valence)
    for doc_id, start, end in rng.sample(spans, FRAGMENTS):
        project.segments.apply(doc_id, start, end, [rng.choice(subcodes)], rng.choice(valences))
    return project


def run(workdir: pathlib.Path) -> list[dict[str, object]]:
    project = build_project(workdir / "bench_exports.duiding")
    try:
        options = ChapterOptions(title="Benchmark", max_quotes_per_theme=FRAGMENTS,
                                 compare_attribute="meting")
        t0 = time.perf_counter()
        out = write_chapter(project, options, workdir / "hoofdstuk.docx")
        chapter_s = time.perf_counter() - t0
        import docx

        quotes = sum(1 for p in docx.Document(out[0]).paragraphs if p.style.name == "Quote")
        t0 = time.perf_counter()
        write_xlsx(project, workdir / "fragmenten.xlsx")
        xlsx_s = time.perf_counter() - t0
    finally:
        project.close()
    return [
        {"name": f"word chapter, {THEMES} themes, {quotes} quotes", "value": round(chapter_s, 3),
         "unit": "s", "target": 3.0, "better": "lower"},
        {"name": f"xlsx, {FRAGMENTS} fragments", "value": round(xlsx_s, 3), "unit": "s",
         "target": None, "better": "lower"},
    ]


if __name__ == "__main__":
    import json
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(run(pathlib.Path(tmp)), indent=2))
