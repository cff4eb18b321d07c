"""Benchmarks for Dutch NLP: pipeline speed, lemma-search latency, suggestion precision/recall.

Precision and recall of coding suggestions are measured against the gold theme segments of
``../shared/corpus`` (theme and subtheme level). A suggested sentence is a hit for a gold segment
when it overlaps the segment and carries the same code; precision counts suggested
(sentence, code) pairs that overlap some gold segment with that code. The gold marks only the
clearest passages (15 per file), so precision here is a lower bound.

The corpus is read by small readers in this file (not the importers) so that the NLP numbers do
not depend on another area's work in progress; they rebuild text + turns + title/table sections
the way the README describes the formats.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coding.nlp.pipeline import TurnSpan, default_pipeline, process
from coding.nlp.search import search
from coding.nlp.suggest import builtin_keywords, suggest

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@dataclass
class CorpusDoc:
    name: str
    text: str
    turns: list[TurnSpan]
    gold: dict[str, Any]
    # Code-point spans of gold theme segments: (start, end, theme, subtheme).
    segments: list[tuple[int, int, str, str]] = field(default_factory=list)


def _paragraphs_docx(path: Path) -> tuple[list[str], list[str]]:
    import docx

    document = docx.Document(str(path))
    header: list[str] = []
    body: list[str] = []
    paragraphs = [p.text for p in document.paragraphs]
    if paragraphs:
        header.append(paragraphs[0])
    for table in document.tables:
        for row in table.rows:
            header.append("\t".join(cell.text for cell in row.cells))
    body = [p for p in paragraphs[1:] if p.strip()]
    return header, body


def _paragraphs_odt(path: Path) -> list[str]:
    from odf import teletype, text
    from odf.opendocument import load

    document = load(str(path))
    return [teletype.extractText(p) for p in document.getElementsByType(text.P)]


def _turns_vtt(path: Path) -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    for voice, said in re.findall(r"<v ([^>]+)>(.*?)</v>", path.read_text("utf-8")):
        if turns and turns[-1][0] == voice:
            turns[-1] = (voice, turns[-1][1] + " " + said)
        else:
            turns.append((voice, said))
    return turns


def load_document(path: Path) -> CorpusDoc:
    """Text, turns and gold segments of one corpus transcript."""
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text("utf-8"))
    labels = sorted(gold["speakers"], key=len, reverse=True)
    roles: dict[str, str] = gold.get("speaker_roles", {})
    head: list[str] = []
    raw_turns: list[tuple[str | None, str]] = []
    suffix = path.suffix.lower()
    if suffix == ".vtt":
        raw_turns = list(_turns_vtt(path))
    else:
        if suffix == ".docx":
            head, paragraphs = _paragraphs_docx(path)
        elif suffix == ".odt":
            paragraphs = [p for p in _paragraphs_odt(path) if p.strip()]
            head, paragraphs = paragraphs[:1], paragraphs[1:]
        else:
            content = path.read_text("utf-8-sig").replace("\r\n", "\n")
            paragraphs = [p for p in content.split("\n") if p.strip()]
        for para in paragraphs:
            para = re.sub(r"^\[\d\d:\d\d:\d\d\]\s*", "", para)
            label = next(
                (lab for lab in labels if re.match(rf"{re.escape(lab)}\s*(?::|\s-)\s", para)), None
            )
            if label is None:
                if labels:
                    head.append(para)
                else:
                    raw_turns.append((None, para))
                continue
            raw_turns.append((label, re.sub(rf"^{re.escape(label)}\s*(?::|\s-)\s", "", para)))
    text = "\n".join(head) + ("\n\n" if head else "")
    turns: list[TurnSpan] = []
    for label, said in raw_turns:
        prefix = f"{label}: " if label else ""
        start = len(text) + len(prefix)
        text += prefix + said + "\n\n"
        if label is not None:
            turns.append(TurnSpan(start, start + len(said), label, roles.get(label)))
    text = unicodedata.normalize("NFC", text)
    doc = CorpusDoc(path.name, text, turns, gold)
    for seg in gold["themes"]:
        start = text.find(seg["start_quote"])
        end = text.find(seg["end_quote"], start)
        if start < 0 or end < 0:
            raise ValueError(f"{path.name}: cannot locate segment {seg['start_quote']!r}")
        doc.segments.append((start, end + len(seg["end_quote"]), seg["theme"], seg["subtheme"]))
    return doc


def load_corpus(corpus: Path = CORPUS) -> list[CorpusDoc]:
    return [
        load_document(p)
        for p in sorted(corpus.iterdir())
        if p.suffix in (".txt", ".docx", ".odt", ".vtt", ".srt") and p.name != "README.md"
    ]


def _norm_code(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.lower().replace("_", " "))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def suggestion_scores(docs: list[CorpusDoc]) -> dict[str, float]:
    """Precision/recall of suggestions at theme and subtheme level over ``docs``."""
    keywords = builtin_keywords()
    counts = {lvl: {"tp_sugg": 0, "sugg": 0, "found": 0, "gold": 0} for lvl in ("theme", "sub")}
    for doc in docs:
        processed = process(doc.text, doc.turns)
        suggestions = suggest(doc.text, processed, keywords, roles={"respondent"})
        gold_sub = [(s, e, t, f"{t}/{_norm_code(sub)}") for s, e, t, sub in doc.segments]
        for level in ("theme", "sub"):
            pairs = {(sg.start, sg.end, _level_code(sg.code, level)) for sg in suggestions}
            gold = [(s, e, t if level == "theme" else sub) for s, e, t, sub in gold_sub]
            c = counts[level]
            c["sugg"] += len(pairs)
            c["gold"] += len(gold)
            c["tp_sugg"] += sum(
                1
                for s, e, code in pairs
                if any(code == g[2] and s < g[1] and g[0] < e for g in gold)
            )
            c["found"] += sum(
                1
                for g in gold
                if any(code == g[2] and s < g[1] and g[0] < e for s, e, code in pairs)
            )
    result: dict[str, float] = {}
    for level, c in counts.items():
        result[f"{level}_precision"] = c["tp_sugg"] / c["sugg"] if c["sugg"] else 0.0
        result[f"{level}_recall"] = c["found"] / c["gold"] if c["gold"] else 0.0
    return result


def _level_code(code: str, level: str) -> str:
    parts = code.split("/")
    if level == "theme":
        return parts[0]
    return f"{parts[0]}/{_norm_code(parts[1])}" if len(parts) > 1 else code


def run(workdir: Path) -> list[dict[str, Any]]:
    docs = load_corpus()
    pipeline = default_pipeline()
    # Speed: the whole corpus, processed eight times (about 100,000 words).
    started = time.perf_counter()
    words = 0
    for _ in range(8):
        for doc in docs:
            words += process(doc.text, doc.turns, pipeline).word_count
    speed = words / (time.perf_counter() - started)
    # A 10,000-word transcript searchable by lemma: process + search, from raw text.
    big = max(docs, key=lambda d: len(d.text))
    factor = 10_000 // max(1, len(big.text.split())) + 1
    text = "\n\n".join([big.text] * factor)
    started = time.perf_counter()
    processed = process(text, [], pipeline)
    search(text, processed, "wisseling", lemma=True)
    latency = time.perf_counter() - started
    scores = suggestion_scores(docs)
    results: list[dict[str, Any]] = [
        {
            "name": "nlp_words_per_second",
            "value": speed,
            "unit": "words/s",
            "target": 20_000,
            "better": "higher",
        },
        {
            "name": "lemma_searchable_10k_words",
            "value": latency,
            "unit": "s",
            "target": 1.0,
            "better": "lower",
        },
    ]
    for key, value in scores.items():
        results.append(
            {
                "name": f"suggest_{key}",
                "value": value,
                "unit": "ratio",
                "target": None,
                "better": "higher",
            }
        )
    results.append(
        {
            "name": "pipeline",
            "value": 0.0,
            "unit": pipeline.name,
            "target": None,
            "better": "higher",
        }
    )
    return results


if __name__ == "__main__":
    import tempfile

    for row in run(Path(tempfile.mkdtemp())):
        print(f"{row['name']:32} {row['value']:10.3f} {row['unit']}  target={row['target']}")
