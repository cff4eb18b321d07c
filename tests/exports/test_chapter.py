"""The Word chapter as a reader and a municipality's template see it, opened with python-docx."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt, RGBColor

from coding.memos import MemoTarget
from coding.project import Project
from exports.chapter import ChapterOptions, ExportCancelled, write_chapter
from exports.chapter_docx import TOC_PLACEHOLDER
from tests.exports.chapter_project import TOEGANG_MEMO, build

THEMES = ["Toegang", "Aansluiting", "Samenwerking", "Wisselingen", "Nazorg"]
FRAME = {"Werkwijze", "Overzicht van de thema’s", "Bijlage: codeboek"}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = build(tmp_path)
    yield p
    p.close()


def chapter(project: Project, tmp_path: Path, **options: object) -> docx.document.Document:
    out = write_chapter(project, ChapterOptions(**options), tmp_path / "hoofdstuk.docx")
    assert out == [tmp_path / "hoofdstuk.docx"]
    return docx.Document(out[0])


def styled(doc: docx.document.Document, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == style]


def section_of(doc: docx.document.Document, heading: str, level: int = 2) -> list[tuple[str, str]]:
    """(style, text) of the paragraphs under a heading, up to the next heading of that level."""
    out, inside = [], False
    stop = {f"Heading {i}" for i in range(1, level + 1)}
    for p in doc.paragraphs:
        if p.style.name in stop:
            if inside:
                break
            inside = p.text == heading and p.style.name == f"Heading {level}"
            continue
        if inside:
            out.append((p.style.name, p.text))
    return out


def test_one_heading_1_per_theme_in_codebook_order(project: Project, tmp_path: Path) -> None:
    doc = chapter(project, tmp_path)
    themes = [t for t in styled(doc, "Heading 1") if t not in FRAME]
    assert themes == THEMES
    assert styled(doc, "Title") == ["Bevindingen"]
    # Sub-themes that nobody mentioned get no heading; mentioned ones do, under their theme.
    assert "Wachttijd" in styled(doc, "Heading 2")
    assert "Vindbaarheid" not in styled(doc, "Heading 2")[:10]


def test_quotes_in_quote_style_with_attribution_and_no_labels(project: Project,
                                                              tmp_path: Path) -> None:
    doc = chapter(project, tmp_path)
    quotes = styled(doc, "Quote")
    assert ("Ik zat maanden thuis op mijn kamer en niemand belde terug. (jongere, gezin WV-001)"
            in quotes)
    # No family: respondent type plus the respondent's number, never the file name.
    assert any(q.endswith("(hulpverlener, respondent 3)") for q in quotes)
    full = "\n".join(p.text for p in doc.paragraphs)
    assert "R3_hulpverlener" not in full and ".txt" not in full
    # A fragment spanning an interviewer turn keeps the respondent's words only.
    hv = next(q for q in quotes if q.startswith("Voor specialistische hulp"))
    assert "Klopt dat" not in hv and "Hulpverlener:" not in hv and "[…]" in hv
    assert not any(re.search(r"\b(Interviewer|Ouder|Jongere):", q) for q in quotes)
    # The attribution is a separate, upright run after the italic quote text.
    para = next(p for p in doc.paragraphs if p.style.name == "Quote")
    assert para.runs[-1].text.startswith("(") and para.runs[-1].italic is False


def test_positive_and_attention_points_are_separate_parts(project: Project,
                                                          tmp_path: Path) -> None:
    doc = chapter(project, tmp_path)
    toegang = section_of(doc, "Toegang", level=1)
    assert toegang[0] == ("Normal", TOEGANG_MEMO)  # the theme's summary memo comes first
    assert toegang[1][1].startswith("Genoemd door 4 van de 4 respondenten (2 ouders")
    wachttijd = section_of(doc, "Wachttijd")
    assert ("Heading 3", "Aandachtspunten") in wachttijd
    assert ("Heading 3", "Positieve punten") not in wachttijd
    bereikbaar = section_of(doc, "Bereikbaarheid")
    assert [t for s, t in bereikbaar if s == "Heading 3"] == ["Positieve punten"]
    assert any(t.startswith("Het loket belde") for s, t in bereikbaar if s == "Quote")
    # Neutral fragments: counted, quoted under "Overige ervaringen".
    overdracht = section_of(doc, "Overdracht")
    assert ("Heading 3", "Overige ervaringen") in overdracht


def test_key_quotes_first_and_max_quotes(project: Project, tmp_path: Path) -> None:
    doc = chapter(project, tmp_path)
    wachttijd = [t for s, t in section_of(doc, "Wachttijd") if s == "Quote"]
    assert len(wachttijd) == 3
    assert wachttijd[0].startswith("Ik zat maanden thuis")  # the key quote
    doc = chapter(project, tmp_path, max_quotes_per_theme=1)
    wachttijd = [t for s, t in section_of(doc, "Wachttijd") if s == "Quote"]
    assert len(wachttijd) == 1 and wachttijd[0].startswith("Ik zat maanden thuis")


def test_long_quotes_are_trimmed_at_a_sentence(project: Project, tmp_path: Path) -> None:
    doc = chapter(project, tmp_path)
    long = next(t for s, t in section_of(doc, "Overdracht") if s == "Quote")
    body = long.rsplit(" (", 1)[0]
    assert body.endswith("was. […]")
    assert len(body.split()) <= 81
    assert "Zin nummer 11" not in body


def test_counts_match_the_project_stats(project: Project, tmp_path: Path) -> None:
    doc = chapter(project, tmp_path)
    counts = {c.path: c for c in project.stats.counts("respondent_type").rows}
    total = len(project.documents.list())
    for theme in THEMES:
        line = next(t for _, t in section_of(doc, theme, level=1) if t.startswith("Genoemd"))
        n = counts[theme.lower()].documents
        assert line.startswith(f"Genoemd door {n} van de {total} respondenten"), line
    table = doc.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header[0] == "Thema" and header[-1] == "Totaal\n(n=4)"
    assert "Ouders\n(n=2)" in header
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        path = next(c.path for c in counts.values()
                    if c.path.split("/")[-1] == cells[0].lower())
        assert int(cells[-1]) == counts[path].documents
        ouders = header.index("Ouders\n(n=2)")
        assert int(cells[ouders]) == counts[path].by_value["ouder"].documents
    caption = next(p for p in doc.paragraphs if p.style.name == "Caption")
    assert "SEQ Tabel" in caption._p.xml and caption.text.startswith("Tabel ")
    assert table.style.name == "Table Grid"


def test_where_filter_keeps_only_matching_respondents(project: Project, tmp_path: Path) -> None:
    doc = chapter(project, tmp_path, where=(("gemeente", "Westerveen"),))
    quotes = styled(doc, "Quote")
    assert quotes and all("gezin WV-001" in q for q in quotes)
    method = section_of(doc, "Werkwijze", level=1)[0][1]
    assert "2 interviews" in method and "gemeente Westerveen" in method
    assert "Nazorg" in styled(doc, "Heading 1")  # a theme nobody here mentioned says so
    assert ("Normal", "Geen van de respondenten noemde dit thema.") in section_of(
        doc, "Nazorg", level=1)


def test_one_chapter_per_value(project: Project, tmp_path: Path) -> None:
    out = write_chapter(project, ChapterOptions(per="gemeente"), tmp_path / "per")
    assert [p.name for p in out] == ["hoofdstuk_Duinmeer.docx", "hoofdstuk_Westerveen.docx"]
    duinmeer = docx.Document(out[0])
    assert styled(duinmeer, "Title") == ["Bevindingen – gemeente Duinmeer"]
    assert all("WV-001" not in q for q in styled(duinmeer, "Quote"))
    westerveen = docx.Document(out[1])
    assert all("WV-001" in q for q in styled(westerveen, "Quote"))
    pattern = write_chapter(project, ChapterOptions(per="meting"),
                            tmp_path / "p" / "meting_{value}.docx")
    assert [p.name for p in pattern] == ["meting_2023.docx", "meting_2024.docx"]


def test_small_counts_are_suppressed(project: Project, tmp_path: Path) -> None:
    doc = chapter(project, tmp_path, min_count=3)
    line = section_of(doc, "Bereikbaarheid")[0][1]
    assert line.startswith("Genoemd door < 3 van de 4 respondenten (< 3 ouders)")
    cells = [c.text for row in doc.tables[0].rows for c in row.cells]
    assert "< 3" in cells and "1" not in cells and "2" not in cells
    assert "kleiner dan 3" in section_of(doc, "Werkwijze", level=1)[2][1]


def test_meting_comparison_only_when_both_are_present(project: Project, tmp_path: Path) -> None:
    doc = chapter(project, tmp_path, compare_attribute="meting", compare_values=("2023", "2024"))
    assert len(doc.tables) == 2
    assert [c.text for c in doc.tables[1].rows[0].cells] == [
        "Thema", "Meting 2023\n(n=1)", "Meting 2024\n(n=3)"]
    line = section_of(doc, "Wachttijd")[0][1]
    assert "Per meting: 2023: 1 van de 1; 2024: 2 van de 3." in line
    doc = chapter(project, tmp_path, compare_attribute="meting",
                  where=(("gemeente", "Duinmeer"),))  # only 2024 there
    assert len(doc.tables) == 1 and "Per meting" not in "\n".join(p.text for p in doc.paragraphs)


def test_only_chosen_themes(project: Project, tmp_path: Path) -> None:
    doc = chapter(project, tmp_path, themes=("toegang/wachttijd", "nazorg"))
    assert [t for t in styled(doc, "Heading 1") if t not in FRAME] == ["Toegang", "Nazorg"]
    assert [t for t in styled(doc, "Heading 2") if t not in THEMES] == ["Wachttijd", "Afsluiting"]


def test_toc_field_with_dutch_placeholder(project: Project, tmp_path: Path) -> None:
    doc = chapter(project, tmp_path)
    body = doc.element.body.xml
    assert 'TOC \\o "1-3" \\h \\z \\u' in body
    assert TOC_PLACEHOLDER in body
    assert styled(doc, "TOC Heading") == ["Inhoud"]
    assert any(p.style.name == "List Bullet" for p in doc.paragraphs)  # the codebook appendix


def _template(path: Path, dotx: bool = False) -> Path:
    doc = docx.Document()
    h1 = doc.styles["Heading 1"]
    h1.font.name = "Courier New"
    h1.font.size = Pt(20)
    h1.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    doc.sections[0].header.paragraphs[0].text = "Gemeente Testdorp – vertrouwelijk"
    doc.add_paragraph("Tekst uit het sjabloon die niet in het hoofdstuk hoort.")
    buf = io.BytesIO()
    doc.save(buf)
    if not dotx:
        path.write_bytes(buf.getvalue())
        return path
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(item, data)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_template_styles_and_header_are_used(project: Project, tmp_path: Path,
                                             suffix: str) -> None:
    template = _template(tmp_path / f"sjabloon{suffix}", dotx=suffix == ".dotx")
    doc = chapter(project, tmp_path, template=template)
    h1 = doc.styles["Heading 1"]
    assert h1.font.name == "Courier New" and h1.font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    assert [t for t in styled(doc, "Heading 1") if t not in FRAME] == THEMES
    assert doc.sections[0].header.paragraphs[0].text == "Gemeente Testdorp – vertrouwelijk"
    assert "Tekst uit het sjabloon" not in "\n".join(p.text for p in doc.paragraphs)


def test_sparse_template_gets_the_missing_styles(project: Project, tmp_path: Path) -> None:
    base = docx.Document()
    styles = base.styles.element
    for style in list(styles):  # a .dotx as Word saves it: only the styles in use
        name = style.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}name")
        if name is not None and name.get(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") in (
                "Quote", "List Bullet", "caption", "Table Grid"):
            styles.remove(style)
    base.save(tmp_path / "kaal.docx")
    doc = chapter(project, tmp_path, template=tmp_path / "kaal.docx")
    assert styled(doc, "Quote") and styled(doc, "List Bullet")[0].startswith("• ")


def test_a_broken_template_is_refused(project: Project, tmp_path: Path) -> None:
    from exports.chapter_docx import TemplateError

    bad = tmp_path / "kapot.dotx"
    bad.write_bytes(b"geen zip")
    with pytest.raises(TemplateError):
        write_chapter(project, ChapterOptions(template=bad), tmp_path / "h.docx")
    assert not (tmp_path / "h.docx").exists()


def test_progress_and_cancel(project: Project, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_chapter(project, ChapterOptions(), tmp_path / "a.docx",
                  progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and len(seen) > 3
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with pytest.raises(ExportCancelled):
        write_chapter(project, ChapterOptions(), tmp_path / "b.docx", cancelled=lambda: True)
    assert not (tmp_path / "b.docx").exists()
    assert not list(tmp_path.glob(".duiding-*"))


def test_converts_to_pdf_with_libreoffice(project: Project, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: PDF conversion not checked")
    out = write_chapter(project, ChapterOptions(compare_attribute="meting"),
                        tmp_path / "hoofdstuk.docx")[0]
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    pdf = (tmp_path / "hoofdstuk.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 3


def test_pseudonymised_text_is_exported_and_originals_are_refused(project: Project,
                                                                  tmp_path: Path) -> None:
    from coding.pseudonymise import Mention, OriginalInExport, PiiType, Source, group_mentions
    from coding.pseudonymise.service import ApplyPseudonyms
    from exports.tables import write_csv

    doc = project.documents.by_name("R2_jongere_WV.txt")
    start = project.documents.text(doc.id).index("kamer")
    found = {doc.name: [Mention(start, start + 5, "kamer", PiiType.LOCATION, Source.NAME_LIST)]}
    kamer = group_mentions(found)[0]
    kamer.replacement = "Zolderhoek"
    project.execute(ApplyPseudonyms([kamer]))
    quotes = styled(chapter(project, tmp_path), "Quote")
    assert any("thuis op mijn Zolderhoek en" in q for q in quotes)
    assert not any("kamer" in q.lower() for q in quotes)
    # An original from the key that is still in a text (here: a memo typed afterwards)
    # stops every export before a file is written.
    project.memos.set(MemoTarget(code_id=project.codes.by_path("nazorg").id),
                      "Ze zat de hele dag op haar kamer.")
    with pytest.raises(OriginalInExport):
        write_chapter(project, ChapterOptions(), tmp_path / "fout.docx")
    assert not (tmp_path / "fout.docx").exists()
    project.memos.set(MemoTarget(code_id=project.codes.by_path("nazorg").id), "")
    seg = next(s for s in project.segments.query() if s.memo.startswith("=HYPERLINK"))
    project.segments.update(seg.id, memo="Zie ook: haar kamer.")
    with pytest.raises(OriginalInExport):
        write_csv(project, tmp_path / "fout.csv")
    assert not (tmp_path / "fout.csv").exists()


def test_overview_table_columns_fit_their_longest_header_word() -> None:
    """A header like "Hulpverleners" must never be split inside the word by a narrow column."""
    from exports.chapter_docx import column_widths

    many = ["Thema", "Ouders\n(n=3)", "Hulpverleners\n(n=1)", "Intern begeleiders\n(n=1)",
            "Jongeren\n(n=1)", "Totaal\n(n=6)"]
    first, rest, size = column_widths(many, 16.0)
    assert abs(first.cm + 5 * rest.cm - 16.0) < 0.01  # the table uses the text width
    assert first.cm >= 3.4
    points = size or 9.0
    assert len("Hulpverleners") * 0.6 * points / 72 * 2.54 + 0.45 <= rest.cm + 1e-6
    _first, _rest, few = column_widths(["Thema", "Ouders\n(n=3)", "Totaal\n(n=3)"], 16.0)
    assert few is None  # room enough: the table style's own size
