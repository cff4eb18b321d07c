"""Code the shared corpus from its gold files: a realistically coded project for acceptance tests.

`code_corpus(project, corpus_dir)` applies every gold theme segment (start_quote ... first
end_quote after it) to the imported documents, mapping the gold subtheme keys to the built-in
codebook's readable names, with the gold valence. Reusable by any test that needs a coded corpus.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from coding.commands import ApplyCodes
from coding.project import Project
from coding.types import Valence
from importers.batch import import_paths

# Gold subtheme keys whose codebook name differs (the codebook uses readable names).
SUBTHEME_NAMES = {
    "passende_hulp": "passende hulp",
    "samen_beslissen": "samen beslissen",
    "specialistische_hulp": "specialistische hulp",
    "school_jeugdhulp": "school en jeugdhulp",
    "tussen_hulpverleners": "tussen hulpverleners",
    "ouder_als_spil": "ouder als spil",
    "opnieuw_vertellen": "opnieuw vertellen",
    "continuiteit": "continuïteit",
}


@dataclass(frozen=True)
class GoldSegment:
    document: str
    path: str  # codebook path, e.g. "aansluiting/passende hulp"
    valence: Valence
    start: int
    end: int


def gold_path(theme: str, subtheme: str) -> str:
    return f"{theme}/{SUBTHEME_NAMES.get(subtheme, subtheme.replace('_', ' '))}"


def import_corpus(project: Project, corpus_dir: Path) -> None:
    files = sorted(p for p in corpus_dir.iterdir()
                   if p.suffix in (".txt", ".docx", ".vtt", ".odt") and p.name != "README.md")
    summary = import_paths(project, files, attributes=corpus_dir / "respondents.csv")
    assert summary.count("imported") == len(files), summary.as_json()


def gold_segments(project: Project, corpus_dir: Path) -> list[GoldSegment]:
    """Every gold theme segment located in the stored document text."""
    out = []
    for gold_file in sorted(corpus_dir.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        doc = project.documents.by_name(gold["file"])
        text = project.documents.text(doc.id)
        for seg in gold["themes"]:
            start = text.index(seg["start_quote"])
            end = text.index(seg["end_quote"], start) + len(seg["end_quote"])
            out.append(GoldSegment(gold["file"], gold_path(seg["theme"], seg["subtheme"]),
                                   Valence(seg["valence"]), start, end))
    return out


def code_corpus(project: Project, corpus_dir: Path, coder: str = "Sanne") -> list[GoldSegment]:
    """Import (when empty) and code the whole corpus; returns the gold segments applied."""
    if not project.documents.list():
        import_corpus(project, corpus_dir)
    segments = gold_segments(project, corpus_dir)
    for g in segments:
        doc = project.documents.by_name(g.document)
        code = project.codes.by_path(g.path)
        project.execute(ApplyCodes(doc.id, g.start, g.end, [code.id], g.valence, coder=coder))
    return segments
