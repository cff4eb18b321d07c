"""Small counts in the chapter: with --min-count no table cell or header of fewer respondents
than the threshold shows its number, in the overview and in each per-municipality chapter,
as '< N' or '–' as the user chooses; the coders are named only when asked."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from coding.project import Project
from exports.chapter import ChapterOptions, write_chapter
from exports.plan import ExportRequest, check_request
from models.errors import ValidationError
from tests.exports.chapter_project import build

NUMBER = re.compile(r"\b(\d+)\b")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = build(tmp_path)
    yield p
    p.close()


def _tables(path: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(str(path)).tables]


def _numbers_shown(cells: list[str]) -> list[int]:
    """Every number a cell or header shows as a count (n=… included); '< 3' shows none."""
    out = []
    for cell in cells:
        for match in NUMBER.finditer(cell.replace("< ", "<")):
            if cell[max(0, match.start() - 1):match.start()] != "<":
                out.append(int(match.group()))
    return out


def _overview(path: Path) -> list[list[str]]:
    return _tables(path)[0]


@pytest.mark.parametrize("style,mark", [("lt", "< 3"), ("dash", "–")])
def test_no_overview_cell_below_the_threshold_shows_its_number(
        project: Project, tmp_path: Path, style: str, mark: str) -> None:
    out = write_chapter(project, ChapterOptions(min_count=3, suppress_style=style),
                        tmp_path / "h.docx")[0]
    table = _overview(out)
    header, body = table[0], table[1:]
    cells = [c for row in body for c in row[1:]]
    assert all(n == 0 or n >= 3 for n in _numbers_shown(header + cells)), table
    assert mark in " ".join(header + cells)
    paras = " ".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert f"weergegeven als ‘{mark}’" in paras


def test_per_gemeente_chapters_suppress_their_own_small_counts(project: Project,
                                                                tmp_path: Path) -> None:
    folder = tmp_path / "per"
    folder.mkdir()
    files = write_chapter(project, ChapterOptions(min_count=3, per="gemeente",
                                                  suppress_style="dash"), folder)
    assert sorted(f.name for f in files) == ["hoofdstuk_Duinmeer.docx",
                                             "hoofdstuk_Westerveen.docx"]
    for path in files:
        table = _overview(path)
        header, body = table[0], table[1:]
        shown = _numbers_shown(header + [c for row in body for c in row[1:]])
        assert all(n == 0 or n >= 3 for n in shown), (path.name, table)
        assert "Totaal\n(n=–)" in header  # two respondents per municipality
        text = " ".join(p.text for p in docx.Document(str(path)).paragraphs)
        assert not re.search(r"Genoemd door [12] van", text)
        assert " van de 2 respondenten" not in text


def test_without_a_threshold_every_count_shows(project: Project, tmp_path: Path) -> None:
    table = _overview(write_chapter(project, ChapterOptions(), tmp_path / "h.docx")[0])
    assert "Totaal\n(n=4)" in table[0]
    assert "–" not in " ".join(c for row in table for c in row)


def test_the_coders_are_named_only_when_asked(project: Project, tmp_path: Path) -> None:
    def method(options: ChapterOptions, name: str) -> str:
        out = write_chapter(project, options, tmp_path / name)[0]
        return next(p.text for p in docx.Document(str(out)).paragraphs
                    if p.text.startswith("De fragmenten zijn gecodeerd"))

    coder = project.segments.query()[0].coder
    assert coder not in method(ChapterOptions(), "a.docx")
    assert method(ChapterOptions(), "a.docx").startswith("De fragmenten zijn gecodeerd met")
    assert f"gecodeerd door {coder}" in method(ChapterOptions(name_coders=True), "b.docx")


def test_an_unknown_style_is_refused_before_writing(project: Project, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="'lt'"):
        check_request(project, ExportRequest("word", tmp_path / "h.docx",
                                             ChapterOptions(suppress_style="x")))
