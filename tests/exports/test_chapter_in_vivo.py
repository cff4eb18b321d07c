"""In-vivo codes are the respondents' own words, gathered under "In vivo": the chapter has no
sixth theme for them, and counts one only once the researcher moved it into a theme."""

from __future__ import annotations

from pathlib import Path

import docx

from coding.commands import InVivoCode, MoveCode
from coding.project import Project
from exports.chapter import ChapterOptions, write_chapter
from tests.exports.chapter_project import build

QUOTE = "niemand belde terug"


def _headings(path: Path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.style.name.startswith("Heading")]


def test_in_vivo_codes_reach_the_chapter_only_inside_a_theme(tmp_path: Path) -> None:
    project: Project = build(tmp_path)
    doc = project.documents.by_name("R2_jongere_WV.txt")
    start = project.documents.text(doc.id).index(QUOTE)
    vivo = InVivoCode(doc.id, start, start + len(QUOTE), QUOTE)
    project.execute(vivo)
    assert project.codes.by_path(f"In vivo/{QUOTE}").id == vivo.code_id

    before = write_chapter(project, ChapterOptions(), tmp_path / "voor.docx")[0]
    headings = _headings(before)
    assert "In vivo" not in headings and not any(QUOTE in h.lower() for h in headings)
    text = "\n".join(p.text for p in docx.Document(before).paragraphs)
    assert "In vivo" not in text  # neither a theme, nor in the overview or the codebook appendix

    toegang = project.codes.by_path("toegang").id
    project.execute(MoveCode(vivo.code_id, toegang, 99))  # the researcher makes it a sub-theme
    after = write_chapter(project, ChapterOptions(), tmp_path / "na.docx")[0]
    assert any(QUOTE in h.lower() for h in _headings(after))
    project.close()
