"""The questionnaire in the findings chapter: "Cijfers uit de vragenlijst" and, under each theme,
its closed items beside what respondents wrote about it.

Shape, after the national factsheet (seeds 003) and municipal reports (seed 004):
- a section with the factsheet table: one row per closed item, one column per meting, the share
  in the top box ("% vaak of altijd") with n, and the difference in percentage points; groups
  under the threshold read "n < 10" without a percentage. Optionally a second table per value of
  an attribute (gemeente) for the latest meting. With ``--per gemeente`` each chapter has its own
  municipality's figures, because the figures follow the chapter's filter.
- under each theme with linked items: "75% antwoordt ‘vaak’ of ‘altijd’ op ‘Ik ben snel
  geholpen’ (2023: 64%; n = 168). Wat respondenten in de vragenlijst hierover schrijven:" and
  a few coded open answers not quoted elsewhere in the chapter.
- counts that say which respondents are which in a project with interviews and questionnaires
  ("5 van de 8 geïnterviewden en 63 van de 350 respondenten van de vragenlijst"): the one place
  for that wording, used by the method paragraph and each theme's count line.

Every text lands in the python-docx document before `write_chapter` runs the pseudonymisation
guard over the whole document, like the rest of the chapter.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coding.project import Project
from coding.survey.figures import FiguresTable, ItemFigures
from coding.survey.items import SurveyItem
from coding.survey.kinds import DocumentKind, count_by_kind
from coding.types import DocumentId, SegmentFilter, SpeakerRole
from exports import chapter_docx as w
from exports.chapter_data import ChapterData, Section
from exports.chapter_text import (
    count_text,
    join_dutch,
    questionnaire_attribution,
    readable,
    trim_quote,
    type_label,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

MAX_SURVEY_QUOTES = 2  # questionnaire quotes beside a theme's figures


@dataclass(frozen=True)
class SurveyQuote:
    segment_id: int
    text: str
    attribution: str
    respondent_type: str


@dataclass
class SurveyChapter:
    """Everything the chapter shows of the questionnaire, for the documents in scope."""

    figures: FiguresTable
    by_figures: FiguresTable | None
    themes: dict[int, list[SurveyItem]]  # level-1 code id -> linked items (via sub-themes too)
    quotes: dict[int, list[SurveyQuote]] = field(default_factory=dict)  # level-1 code id -> quotes
    respondents: int = 0
    table_number: int = 2


def gather_survey(project: Project, data: ChapterData, *, threshold: int = 10,
                  by: str | None = None, max_quotes: int = MAX_SURVEY_QUOTES
                  ) -> SurveyChapter | None:
    """The questionnaire part of one chapter, or None when the project has no closed items."""
    items = project.surveys.items()
    if not items:
        return None
    figures = project.surveys.figures(where=data.where, threshold=threshold, items=items)
    by_figures = None
    if by and figures.metingen:
        latest = (figures.metingen[-1],)
        by_figures = project.surveys.figures(by=by, where=data.where, threshold=threshold,
                                             items=items, metingen=latest)
    parent: dict[int, int | None] = {c.id: c.parent_id for c in project.codes.tree()}

    themes: dict[int, list[SurveyItem]] = defaultdict(list)
    for item in items:
        for code_id in item.code_ids:
            top = theme_of(code_id, parent)
            if item not in themes[top]:
                themes[top].append(item)
    chapter = SurveyChapter(figures, by_figures, dict(themes),
                            respondents=len(data.questionnaires),
                            table_number=3 if data.compare_attribute else 2)
    if data.questionnaires and themes:
        chapter.quotes = _pick_quotes(project, data, set(themes), max_quotes, parent)
    return chapter


def theme_of(code_id: int, parent: dict[int, int | None]) -> int:
    """The level-1 theme a code belongs to."""
    up = parent.get(code_id)
    while up is not None:
        code_id, up = up, parent.get(up)
    return code_id


def _pick_quotes(project: Project, data: ChapterData, themes: set[int], budget: int,
                 parent: dict[int, int | None]) -> dict[int, list[SurveyQuote]]:
    """Up to `budget` coded open answers per theme, key quotes first, one per respondent, none
    already quoted elsewhere in the chapter."""
    used = {q.segment_id for q in data.quotes}
    segments = [s for s in project.segments.query(SegmentFilter(attributes=data.where))
                if s.document_id in data.questionnaires and s.id not in used]
    segments.sort(key=lambda s: (not s.key_quote, s.document_id, s.start))
    out: dict[int, list[SurveyQuote]] = defaultdict(list)
    seen_docs: dict[int, set[int]] = defaultdict(set)
    taken: set[int] = set()
    for seg in segments:
        for coding in seg.codings:
            theme = theme_of(coding.code_id, parent)
            if theme not in themes or len(out[theme]) >= budget or seg.id in taken \
                    or seg.document_id in seen_docs[theme]:
                continue
            text = _answer_text(project, seg.document_id, seg.start, seg.end, seg.text)
            if len(text.split()) < 4:
                continue
            out[theme].append(SurveyQuote(seg.id, trim_quote(text, 60),
                                          questionnaire_attribution(seg.attributes),
                                          seg.attributes.get("respondent_type", "")))
            seen_docs[theme].add(seg.document_id)
            taken.add(seg.id)
    return dict(out)


def _answer_text(project: Project, doc_id: int, start: int, end: int, text: str) -> str:
    """The respondent's words in a fragment: the parts inside answers (never a question)."""
    spans = [(t.start, t.end) for t in project.documents.turns(DocumentId(doc_id))
             if t.role != SpeakerRole.INTERVIEWER]
    if not spans:
        return " ".join(text.split())
    pieces = [text[max(a, start) - start:min(b, end) - start] for a, b in spans
              if a < end and b > start]
    return " […] ".join(" ".join(p.split()) for p in pieces if p.strip())


# -- counts that say which is which -------------------------------------------------------------


def respondents_text(data: ChapterData, s: Section) -> str:
    """'3 van de 6 respondenten', or in a mixed project '2 van de 5 geïnterviewden en 40 van de
    212 respondenten van de vragenlijst'."""
    m = data.min_count
    if not data.questionnaires:
        return f"{count_text(s.respondents, m)} van de {count_text(data.total, m)} respondenten"
    totals = count_by_kind((d.id for d in data.documents), data.questionnaires)
    parts = []
    if totals[DocumentKind.INTERVIEW]:
        parts.append(f"{count_text(s.by_kind.get(DocumentKind.INTERVIEW.value, 0), m)} van de "
                     f"{totals[DocumentKind.INTERVIEW]} geïnterviewden")
    if totals[DocumentKind.QUESTIONNAIRE]:
        parts.append(f"{count_text(s.by_kind.get(DocumentKind.QUESTIONNAIRE.value, 0), m)} van "
                     f"de {totals[DocumentKind.QUESTIONNAIRE]} respondenten van de vragenlijst")
    return join_dutch(parts)


def basis_text(data: ChapterData) -> tuple[str, str]:
    """What the chapter rests on ('12 interviews', '8 interviews en 350 ingevulde vragenlijsten')
    and what its metingen belong to ('De gesprekken', 'De gesprekken en vragenlijsten')."""
    totals = count_by_kind((d.id for d in data.documents), data.questionnaires)
    n_int, n_q = totals[DocumentKind.INTERVIEW], totals[DocumentKind.QUESTIONNAIRE]
    interviews = f"{n_int} {'interview' if n_int == 1 else 'interviews'}"
    forms = f"{n_q} {'ingevulde vragenlijst' if n_q == 1 else 'ingevulde vragenlijsten'}"
    if n_q and n_int:
        return f"{interviews} en {forms}", "De gesprekken en vragenlijsten"
    if n_q:
        return forms, "De vragenlijsten"
    return interviews, "De gesprekken"


# -- layout ----------------------------------------------------------------------------------------


def _quoted(words: tuple[str, ...]) -> str:
    return join_dutch([f"‘{w}’" for w in words]).replace(" en ‘", " of ‘")


def write_figures(doc: DocxDocument, data: ChapterData, survey: SurveyChapter) -> None:
    """The 'Cijfers uit de vragenlijst' section with the factsheet table."""
    f = survey.figures
    w.heading(doc, "Cijfers uit de vragenlijst", 1)
    if not f.metingen or not any(item.cells for item in f.items):
        w.para(doc, "Er zijn geen antwoorden op de gesloten vragen van de vragenlijst.")
        return
    per = [f"{n} in {m}" if m else f"{n} zonder meting" for m, n in f.respondents.items()]
    total = sum(f.respondents.values())
    intro = f"De vragenlijst is ingevuld door {total} respondenten"
    intro += f" ({join_dutch(per)})." if len(per) > 1 else "."
    intro += (f" Tabel {survey.table_number} toont per vraag het percentage respondenten dat "
              "positief antwoordde (welke antwoorden dat zijn, staat bij de vraag), met het "
              "aantal respondenten dat de vraag beantwoordde (n). Antwoorden als ‘weet niet’ "
              "tellen niet mee.")
    if len(f.metingen) > 1:
        intro += (" De laatste kolom geeft het verschil met de vorige meting in procentpunten.")
    intro += (f" Om respondenten niet herkenbaar te maken, staat bij groepen van minder dan "
              f"{f.threshold} respondenten geen percentage (‘n < {f.threshold}’).")
    w.para(doc, intro)
    w.add_caption(doc, "Tabel", survey.table_number,
                  "Percentage respondenten met een positief antwoord, per meting")
    header = ["Vraag"] + [m or "zonder meting" for m in f.metingen]
    if len(f.metingen) > 1:
        header.append(f"Verschil {f.metingen[-2]}–{f.metingen[-1]}")
    rows = []
    for item in f.items:
        cells = [f"{item.item.label}\n(% {item.item.scale.top_box_text()})"]
        for m in f.metingen:
            cells.append(_cell(item, m))
        if len(f.metingen) > 1:
            diff = item.difference(f.metingen[-1])
            cells.append("–" if diff is None else f"{diff:+d} pp".replace("+0", "0"))
        rows.append((cells, 1))
    table = w.add_table(doc, header, rows)
    _widen_first(doc, table, len(header))
    if survey.by_figures is not None and survey.by_figures.by:
        _by_table(doc, survey)


def _cell(item: ItemFigures, meting: str, group: str = "") -> str:
    cell = item.cell(meting, group)
    if cell is None:
        return "–"
    if cell.suppressed:
        return f"–\nn {cell.n_text()}"
    return f"{cell.pct_text()}\nn = {cell.n}"


def _by_table(doc: DocxDocument, survey: SurveyChapter) -> None:
    f = survey.by_figures
    assert f is not None and f.by is not None
    meting = f.metingen[-1] if f.metingen else ""
    label = readable(f.by)
    w.para(doc)
    w.add_caption(doc, "Tabel", survey.table_number + 1,
                  f"Percentage respondenten met een positief antwoord per {label}"
                  + (f", meting {meting}" if meting else ""))
    groups = [g for g in f.groups if g]
    header = ["Vraag"] + groups
    rows = [([f"{item.item.label}\n(% {item.item.scale.top_box_text()})"]
             + [_cell(item, meting, g) for g in groups], 1) for item in f.items]
    table = w.add_table(doc, header, rows)
    _widen_first(doc, table, len(header))


def _widen_first(doc: DocxDocument, table: object, columns: int) -> None:
    """Questions are long: give the first column half the page (python-docx default tables give
    it 4 cm)."""
    from docx.oxml.ns import qn
    from docx.shared import Cm

    section = doc.sections[-1]
    usable = ((section.page_width or Cm(21)) - (section.left_margin or 0)
              - (section.right_margin or 0)) / 360000
    rest_n = max(1, columns - 1)
    rest = max(1.8, min(2.6, (usable * 0.55) / rest_n))
    first = max(4.0, usable - rest * rest_n)
    tbl = table._tbl  # type: ignore[attr-defined]
    for i, col in enumerate(tbl.tblGrid.findall(qn("w:gridCol"))):
        col.set(qn("w:w"), str(Cm(first if i == 0 else rest).twips))
    for r, row in enumerate(table.rows):  # type: ignore[attr-defined]
        for i, cell in enumerate(row.cells):
            cell.width = Cm(first if i == 0 else rest)
            if i == 0 and r:
                cell.paragraphs[0].paragraph_format.left_indent = None  # questions, not sub-rows


def write_theme(doc: DocxDocument, data: ChapterData, survey: SurveyChapter,
                s: Section) -> None:
    """Under a theme: its linked closed items, then what questionnaire respondents wrote."""
    items = survey.themes.get(s.code.id, [])
    if s.level != 1 or not items:
        return
    f = survey.figures
    by_column = {fig.item.column: fig for fig in f.items}
    latest = f.metingen[-1] if f.metingen else None
    sentences = []
    for item in items:
        fig = by_column.get(item.column)
        if fig is None or latest is None:
            continue
        cell = fig.cell(latest)
        if cell is None:
            continue
        if cell.suppressed:
            sentences.append(f"Op ‘{item.label}’ antwoordden minder dan {f.threshold} "
                             "respondenten; het percentage wordt daarom niet getoond.")
            continue
        extra = []
        i = f.metingen.index(latest)
        if i > 0:
            before = fig.cell(f.metingen[i - 1])
            if before is not None and before.pct is not None:
                extra.append(f"{f.metingen[i - 1]}: {before.pct_text()}")
        extra.append(f"n = {cell.n}")
        when = f" in {latest}" if latest and len(f.metingen) > 1 else ""
        sentences.append(f"{cell.pct_text()} van de respondenten antwoordde{when} "
                         f"{_quoted(item.scale.top_box)} op ‘{item.label}’ "
                         f"({'; '.join(extra)}).")
    if not sentences:
        return
    p = w.para(doc, "")
    p.add_run("Uit de vragenlijst: ").bold = True
    p.add_run(" ".join(sentences))
    quotes = survey.quotes.get(s.code.id, [])
    if quotes:
        types = {q.respondent_type for q in quotes}
        who = type_label(types.pop(), 2) if len(types) == 1 and "" not in types \
            else "respondenten"
        w.para(doc, f"Wat {who} in de vragenlijst hierover schrijven:")
        for q in quotes:
            w.add_quote(doc, q.text, q.attribution)


__all__ = ["SurveyChapter", "basis_text", "gather_survey", "respondents_text", "write_figures",
           "write_theme"]
