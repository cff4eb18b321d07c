"""The framework matrix with its written cell summaries, to Excel and to Word.

The Framework method charts the data per case and theme and summarises every cell in the
researcher's words; those summaries are the step between coded fragments and the findings, so
research leads hand them on (to a co-author, a municipality, an appendix). Both writers are pure
functions on files over a `FrameworkMatrix` the caller computed (`AnalysisManager.matrix`), so
the GUI exports exactly the matrix it shows and the command line the one it printed.

Decisions a reader notices:
- A cell shows its summary; an empty cell shows how many fragments are behind it, in grey
  ("3 fragmenten"), so the reader sees where summarising is still to do.
- Row labels are what the matrix shows (a document name, a case name, an attribute value);
  an empty attribute value reads "(geen waarde)".
- In a chapter filtered to part of the study (`where`, `per`), only rows whose documents all
  lie inside the selection are shown: a summary written over other respondents must not end
  up in another municipality's report.
- Summaries are typed by researchers and may name people: the pseudonymisation guard checks
  every text written, headings and labels included.
python-docx and openpyxl are imported lazily.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from coding.analysis import AnalysisManager, FrameworkMatrix
from coding.project import Project
from coding.pseudonymise.guard import assert_export_safe
from coding.types import CodeId
from exports import chapter_docx as w
from exports.chapter_text import count_text, readable, theme_title
from exports.files import write_atomic, xlsx_append

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table

DEFAULT_TITLE = "Framework-matrix"
APPENDIX_TITLE = "Bijlage: framework-matrix"
NO_VALUE = "(geen waarde)"
GREY = (0x6B, 0x6B, 0x6B)  # readable on white (contrast 5.3:1), visibly not a summary
LANDSCAPE_ABOVE = 4  # more theme columns than this get a landscape page
ROW_HEADINGS = {"document": "Document", "case": "Casus"}


# -- wording --------------------------------------------------------------------------------


def row_heading(row_kind: str) -> str:
    """Header of the label column: 'Document', 'Casus' or the attribute's readable name."""
    if row_kind in ROW_HEADINGS:
        return ROW_HEADINGS[row_kind]
    name = readable(row_kind.partition(":")[2]) or "Rij"
    return name[:1].upper() + name[1:]


def _row_nouns(row_kind: str) -> tuple[str, str, str]:
    """(singular, plural, 'die'/'dat') of what a row is, for the explanation and caption."""
    if row_kind == "document":
        return "interview", "interviews", "dat"
    if row_kind == "case":
        return "casus", "casussen", "die"
    name = readable(row_kind.partition(":")[2])
    return f"waarde van ‘{name}’", f"waarden van ‘{name}’", "die"


def row_label(label: str) -> str:
    return label or NO_VALUE


def column_title(path: str) -> str:
    """'toegang/wachttijd' -> 'Wachttijd' (the tooltip of the GUI shows the full path)."""
    return theme_title(path.rsplit("/", 1)[-1])


def fragments_text(n: int, min_count: int = 0) -> str:
    """'1 fragment', '3 fragmenten', '< 3 fragmenten' below the privacy threshold."""
    shown = count_text(n, min_count)
    return f"{shown} {'fragment' if shown == '1' else 'fragmenten'}"


def summary(matrix: FrameworkMatrix, row: int, col: int) -> str:
    return matrix.summaries.get((matrix.rows[row].key, matrix.code_ids[col]), "")


def explanation(matrix: FrameworkMatrix, table_number: int = 1) -> str:
    """A short Dutch explanation of the Framework table for a reader who does not know it."""
    one, many, that = _row_nouns(matrix.row_kind)
    rows, cols = len(matrix.rows), len(matrix.code_ids)
    written = sum(1 for r in range(rows) for c in range(cols) if summary(matrix, r, c))
    themes = "thema" if cols == 1 else "thema’s"
    text = (f"Tabel {table_number} is opgebouwd volgens de Framework-methode. Elke rij is een "
            f"{one}, elke kolom een thema uit het codeboek. In een cel staat de samenvatting "
            f"die de onderzoeker in eigen woorden schreef van wat er in {that} {one} over het "
            f"thema is gezegd. Waar (nog) geen samenvatting is, staat in grijs hoeveel "
            f"gecodeerde fragmenten er zijn. Lees een kolom van boven naar beneden om een "
            f"thema te vergelijken tussen de {many}, of een rij van links naar rechts om één "
            f"{one} als geheel te zien.")
    text += (f" De tabel telt {rows} {one if rows == 1 else many} en {cols} {themes}; "
             f"{written} van de {rows * cols} cellen {'heeft' if written == 1 else 'hebben'} "
             f"een samenvatting.")
    return text


def caption(matrix: FrameworkMatrix) -> str:
    return f"Samenvattingen per {_row_nouns(matrix.row_kind)[0]} en thema"


def matrix_texts(matrix: FrameworkMatrix) -> list[str]:
    """Every text the exports write from a matrix: headings, row labels and summaries."""
    texts = [row_heading(matrix.row_kind), *matrix.code_paths]
    texts += [row_label(r.label) for r in matrix.rows]
    texts += [t for t in matrix.summaries.values() if t]
    return texts


def restrict(matrix: FrameworkMatrix, document_ids: Collection[int]) -> FrameworkMatrix:
    """Only the rows whose documents all lie in `document_ids` (and have any), summaries too."""
    scope = set(document_ids)
    keep = [i for i, r in enumerate(matrix.rows)
            if r.document_ids and scope.issuperset(int(d) for d in r.document_ids)]
    keys = {matrix.rows[i].key for i in keep}
    return replace(
        matrix,
        rows=tuple(matrix.rows[i] for i in keep),
        counts=tuple(matrix.counts[i] for i in keep),
        segment_ids=tuple(matrix.segment_ids[i] for i in keep),
        summaries={k: v for k, v in matrix.summaries.items() if k[0] in keys},
    )


def _guard(project: Project, texts: Iterable[str]) -> None:
    """Refuse to write an original name from the project's pseudonym key."""
    assert_export_safe(project, texts)


# -- Excel ----------------------------------------------------------------------------------


def write_matrix_xlsx(project: Project, matrix: FrameworkMatrix, dest: Path | str) -> Path:
    """Sheet 'Matrix' (counts) and 'Samenvattingen' (cell summaries), same grid; atomic."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    dest = Path(dest)
    headers = [row_heading(matrix.row_kind), *matrix.code_paths]
    count_rows: list[list[str | int]] = []
    summary_rows: list[list[str]] = []
    for r, row in enumerate(matrix.rows):
        count_rows.append([row_label(row.label), *matrix.counts[r]])
        summary_rows.append([row_label(row.label)]
                            + [summary(matrix, r, c) for c in range(len(matrix.code_ids))])
    _guard(project, headers + [t for row in summary_rows for t in row])
    wb = Workbook()
    sheets: tuple[tuple[str, Sequence[Sequence[str | int]], int], ...] = (
        ("Matrix", count_rows, 12), ("Samenvattingen", summary_rows, 45))
    for i, (title, rows, width) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = title
        xlsx_append(ws, headers)  # theme paths, row labels and summaries are typed by users:
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for values in rows:
            xlsx_append(ws, values)  # never a live formula
        ws.freeze_panes = "B2"
        longest = max((len(str(r[0])) for r in rows), default=12)
        ws.column_dimensions["A"].width = max(14, min(40, longest + 2))
        for col in range(2, len(headers) + 1):
            ws.column_dimensions[get_column_letter(col)].width = width
        if title == "Samenvattingen":
            for line in ws.iter_rows(min_row=2):
                for cell in line:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    return write_atomic(dest, wb.save)


# -- Word -----------------------------------------------------------------------------------


def write_matrix_docx(project: Project, matrix: FrameworkMatrix, dest: Path | str, *,
                      template: Path | None = None, title: str = DEFAULT_TITLE) -> Path:
    """A Word document: title, what a Framework table is, the matrix as 'Tabel 1'; atomic.

    Raises `TemplateError` for an unusable template and the guard's `OriginalInExport` when
    a text still holds an original name (nothing is written then).
    """

    dest = Path(dest)
    doc, _bullets = w.open_document(template)
    doc.core_properties.title = title
    if len(matrix.code_ids) > LANDSCAPE_ABOVE:
        _landscape(doc.sections[-1])
    w.para(doc, title, "Title")
    add_matrix(doc, matrix, table_number=1)
    _guard(project, w.document_texts(doc))
    write_atomic(dest, partial(w.save_docx, doc))
    return dest


def append_matrix_appendix(doc: DocxDocument, project: Project, *, rows: str = "case",
                           code_ids: Sequence[CodeId] | None = None,
                           document_ids: Collection[int] | None = None,
                           min_count: int = 0) -> None:
    """The matrix with summaries as the last appendix of a chapter (a new page or section).

    `document_ids` limits the rows to those inside a filtered chapter (see the module notes);
    the table number follows the chapter's own numbered tables. The caller guards the texts.
    """

    matrix = AnalysisManager(project).matrix(rows, code_ids)
    if document_ids is not None:
        matrix = restrict(matrix, document_ids)
    if len(matrix.code_ids) > LANDSCAPE_ABOVE:
        from docx.enum.section import WD_SECTION

        _landscape(doc.add_section(WD_SECTION.NEW_PAGE))
    else:
        w.add_page_break(doc)
    w.heading(doc, APPENDIX_TITLE, 1)
    if not matrix.rows:
        w.para(doc, f"Geen {_row_nouns(rows)[1]} vallen helemaal binnen de selectie van dit "
                    f"hoofdstuk; de matrix is daarom leeg.")
        return
    number = 1 + sum(1 for p in doc.paragraphs
                     if p.style is not None and p.style.name == "Caption"
                     and p.text.startswith("Tabel"))
    add_matrix(doc, matrix, table_number=number, min_count=min_count)


def add_matrix(doc: DocxDocument, matrix: FrameworkMatrix, *, table_number: int,
               min_count: int = 0) -> Table:
    """Explanation, caption and the table, appended to `doc` in its current section."""
    w.para(doc, explanation(matrix, table_number))
    w.add_caption(doc, "Tabel", table_number, caption(matrix))
    return _table(doc, matrix, min_count)


def _landscape(section: object) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.section import Section

    assert isinstance(section, Section)
    width, height = section.page_width, section.page_height
    if width is not None and height is not None and width < height:
        section.page_width, section.page_height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE


def _table(doc: DocxDocument, matrix: FrameworkMatrix, min_count: int) -> Table:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    header = [row_heading(matrix.row_kind)] + [column_title(p) for p in matrix.code_paths]
    cell_sid = w.style_id(doc, w._table_text_style(doc))
    table: Table = doc.add_table(rows=1 + len(matrix.rows), cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    section = doc.sections[-1]
    usable = (section.page_width or Cm(21)) - (section.left_margin or 0) - (
        section.right_margin or 0)
    usable_cm = usable / 360000
    first, rest, header_pt = w.column_widths(header, usable_cm)
    # Row labels (file names, case ids) are single words: widen their column so they do not
    # break mid-word, up to a third of the page; the theme columns share what is left.
    longest = max((len(x) for r in matrix.rows for x in row_label(r.label).split()), default=0)
    # (bold glyphs of a wide fallback font such as DejaVu Sans take ~0.7 em)
    label_cm = min(longest * 0.7 * 9 / 72 * 2.54 + 0.45, usable_cm / 3)
    if label_cm > first.cm:
        first = Cm(label_cm)
        rest = Cm(max((usable_cm - label_cm) / max(1, len(header) - 1), 1.6))
    for i, col in enumerate(table._tbl.tblGrid.findall(qn("w:gridCol"))):
        col.set(qn("w:w"), str((first if i == 0 else rest).twips))
    head = table.rows[0]
    repeat = OxmlElement("w:tblHeader")  # the header row comes back on every page
    repeat.set(qn("w:val"), "true")
    head._tr.get_or_add_trPr().append(repeat)
    grey = RGBColor(*GREY)

    def fill(cell: object, text: str, *, bold: bool = False, muted: bool = False,
             size: float | None = None) -> None:
        from docx.table import _Cell

        assert isinstance(cell, _Cell)
        paragraphs = [p for p in text.replace("\r\n", "\n").split("\n") if p.strip()] or [""]
        for n, line in enumerate(paragraphs):
            p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            p._p.get_or_add_pPr().style = cell_sid
            run = p.add_run(" ".join(line.split()))
            run.bold = bold or None
            if muted:
                run.font.color.rgb = grey
            if size is not None:
                run.font.size = Pt(size)

    for i, value in enumerate(header):
        head.cells[i].width = first if i == 0 else rest
        fill(head.cells[i], value, bold=True, size=header_pt)
    for r, row in enumerate(matrix.rows):
        cells = table.rows[r + 1].cells
        cells[0].width = first
        fill(cells[0], row_label(row.label), bold=True)
        for c in range(len(matrix.code_ids)):
            cells[c + 1].width = rest
            text = summary(matrix, r, c)
            if text:
                fill(cells[c + 1], text)
            else:
                fill(cells[c + 1], fragments_text(matrix.counts[r][c], min_count), muted=True)
    return table


__all__ = ["append_matrix_appendix", "write_matrix_docx", "write_matrix_xlsx"]
