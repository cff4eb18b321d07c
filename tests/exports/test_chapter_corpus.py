"""Acceptance: the shared corpus, coded from its gold files, becomes a chapter with the right counts."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import docx
import pytest

from coding.project import Project
from exports.chapter import ChapterOptions, write_chapter
from exports.tables import write_xlsx
from tests.corpus_coding import code_corpus

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from tests.conftest import CORPUS

    if not (CORPUS / "README.md").exists():
        pytest.skip(f"shared corpus not found at {CORPUS}: acceptance test not run")
    folder = tmp_path_factory.mktemp("corpus")
    with Project.create(folder / "corpus.duiding", coder="Sanne") as project:
        code_corpus(project, CORPUS)
        write_chapter(project, ChapterOptions(title="Ervaringen met jeugdhulp",
                                              compare_attribute="meting"),
                      folder / "hoofdstuk.docx")
    return folder / "corpus.duiding", folder / "hoofdstuk.docx"


def test_chapter_counts_follow_the_gold_coding(coded: tuple[Path, Path], corpus_dir: Path) -> None:
    _, out = coded
    docs_per_theme: dict[str, set[str]] = defaultdict(set)
    for gold in corpus_dir.glob("*.gold.json"):
        data = json.loads(gold.read_text(encoding="utf-8"))
        for seg in data["themes"]:
            docs_per_theme[seg["theme"]].add(data["file"])
    doc = docx.Document(out)
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heads[2:7] == ["Toegang", "Aansluiting", "Samenwerking", "Wisselingen", "Nazorg"]
    paragraphs = [p.text for p in doc.paragraphs]
    for theme, files in docs_per_theme.items():
        i = paragraphs.index(theme.capitalize())
        line = next(t for t in paragraphs[i + 1:] if t.startswith("Genoemd door"))
        assert line.startswith(f"Genoemd door {len(files)} van de 6 respondenten"), line
    method = next(p.text for p in doc.paragraphs if p.text.startswith("Dit hoofdstuk"))
    assert "6 interviews: 3 ouders, 1 hulpverlener, 1 intern begeleider en 1 jongere" in method
    assert "metingen 2023 en 2024" in method
    quotes = [p.text for p in doc.paragraphs if p.style.name == "Quote"]
    assert 20 <= len(quotes) <= 4 * 26
    assert all(re.search(r"\((ouder|jongere|hulpverlener|intern begeleider), "
                         r"(gezin [A-Z]{2}-\d{3}|respondent \d)\)$", q) for q in quotes)
    text = "\n".join(paragraphs)
    assert ".txt" not in text and ".vtt" not in text and "Interviewer:" not in text
    assert len(doc.tables) == 2


def test_spreadsheet_holds_every_gold_segment(coded: tuple[Path, Path], tmp_path: Path) -> None:
    import openpyxl

    with Project.open(coded[0], readonly=True) as project:
        out = write_xlsx(project, tmp_path / "corpus.xlsx")
    assert openpyxl.load_workbook(out)["Fragmenten"].max_row - 1 == 90


def test_corpus_chapter_converts_to_pdf(coded: tuple[Path, Path], tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: PDF conversion not checked")
    result = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(coded[1])],
        capture_output=True, timeout=180)
    assert result.returncode == 0, result.stderr
    pdf = (tmp_path / "hoofdstuk.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 10
