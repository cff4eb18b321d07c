"""The findings chapter in Word: what a research lead hands to the municipality.

`write_chapter(project, options, dest)` is a pure function on files (STYLE.md rule 13): no Qt,
no dialogs; the GUI fills a `ChapterOptions` from its dialog and runs this in a worker with
`progress` and `cancelled`. The chapter follows the shape of published Dutch client-experience
reports: a method paragraph from the data, an overview table, then per theme (codebook order)
the researcher's summary memo, how many respondents raised it, positive points and points of
attention with anonymised quotes, and the codebook as an appendix.

Decisions, so the dialog and the docs can say them:
- Fragments coded `neutraal` are counted everywhere; they are quoted under "Overige ervaringen"
  only with quote budget left after the positive points and points of attention.
- `max_quotes_per_theme` applies per heading: each sub-theme, and a theme's own fragments.
- Each fragment is quoted at most once in a chapter (a fragment with two sub-themes is counted
  in both, quoted in the first).
- Attribution: respondent type in words ("intern begeleider"), the family as "gezin WV-014"
  (the 'G-' prefix dropped), and "respondent N" (stable project order) when there is no family;
  never the file name or a person's name.
- Counts below `min_count` read "< N"; zero stays 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from coding.project import Project
from coding.pseudonymise.guard import assert_export_safe
from coding.types import CodeInfo, Valence
from exports import chapter_docx as w
from exports.chapter_data import ChapterData, Part, Section, documents_in_scope, gather
from exports.chapter_memo import add_memo
from exports.chapter_survey import (
    SurveyChapter,
    basis_text,
    gather_survey,
    respondents_text,
    write_figures,
    write_theme,
)
from exports.chapter_text import (
    count_text,
    join_dutch,
    readable,
    split_text,
    suppressed_mark,
    suppression_style,
    theme_title,
    type_label,
)
from exports.chapter_timeline import append_history_section, history_texts
from exports.files import write_atomic
from exports.matrix import append_matrix_appendix

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

PART_TITLES = {
    Valence.POSITIEF: "Positieve punten",
    Valence.AANDACHTSPUNT: "Aandachtspunten",
    Valence.NEUTRAAL: "Overige ervaringen",
}
_PART_LEADS = {
    Valence.POSITIEF: "Positieve ervaringen",
    Valence.AANDACHTSPUNT: "Aandachtspunten",
    Valence.NEUTRAAL: "Overige ervaringen",
}


@dataclass(frozen=True)
class ChapterOptions:
    """What the export dialog asks; every field has a sensible default."""

    title: str = "Bevindingen"
    where: tuple[tuple[str, str], ...] = ()  # (attribute, value); same name twice = either
    per: str | None = None  # one chapter per value of this attribute
    themes: tuple[str | int, ...] = ()  # code paths or ids; empty = the whole codebook
    max_quotes_per_theme: int = 4
    attribution_pattern: str = "({respondent_type}, {gezin})"
    min_count: int = 0  # privacy: respondent counts below this read "< N"
    compare_attribute: str | None = None  # e.g. "meting"
    compare_values: tuple[str, ...] = ()  # e.g. ("2023", "2024"); empty = all values present
    template: Path | None = None  # .docx or .dotx whose styles, headers and footers are used
    respondent_attribute: str = "respondent_type"
    respondent_only: bool = False  # leave out fragments mostly in an interviewer turn
    period_attribute: str = "meting"
    file_stem: str = "hoofdstuk"  # with `per`: hoofdstuk_<value>.docx
    include_matrix: bool = False  # the framework matrix with cell summaries as last appendix
    matrix_rows: str = "case"  # its rows: "document", "case" or "attribute:NAME"
    include_history: bool = False  # "Hulpgeschiedenis per gezin" before the appendix
    history_by: str | None = None  # split its durations by this attribute (e.g. gemeente)
    survey_threshold: int = 10  # questionnaire figures of fewer respondents read "n < 10"
    survey_by: str | None = None  # a second figures table per value of this attribute
    suppress_style: str = "lt"  # counts below min_count read "< N" (lt) or "–" (dash)
    name_coders: bool = False  # the method paragraph names the coders only when asked


class ExportCancelled(Exception):
    """The user cancelled; `written` holds the complete files written before that."""

    code = "cancelled"

    def __init__(self, written: list[Path]) -> None:
        super().__init__("export cancelled")
        self.written = written


def per_values(project: Project, attribute: str, where: Sequence[tuple[str, str]] = ()) -> list[str]:
    """The values of `attribute` among the documents in scope, sorted (empty values left out)."""
    docs = documents_in_scope(project, where)
    return sorted({d.attributes.get(attribute, "") for d in docs} - {""})


def safe_name(value: str) -> str:
    name = re.sub(r"[^\w.-]+", "_", value.strip(), flags=re.UNICODE).strip("._")
    return name or "leeg"


def per_destination(dest: Path, value: str, stem: str, suffix: str) -> Path:
    """Where the file for one value goes: a folder, a `{value}` pattern, or next to a file."""
    text = str(dest)
    if "{value}" in text:
        return Path(text.replace("{value}", safe_name(value)))
    if dest.is_dir() or not dest.suffix:
        return dest / f"{stem}_{safe_name(value)}{suffix}"
    return dest.with_name(f"{dest.stem}_{safe_name(value)}{dest.suffix}")


def write_chapter(project: Project, options: ChapterOptions, dest: Path | str, *,
                  progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> list[Path]:
    """Write the chapter (or one per value of `options.per`); returns the files written.

    `dest` is a .docx file, or a folder; with `per`, a folder, a pattern containing `{value}`,
    or a file name that gets `_<value>` appended. Each file is written atomically.
    Raises `ExportCancelled` when `cancelled()` turns true, `TemplateError` for a bad template,
    and the pseudonymisation guard's error when an original name would be exported.
    """
    dest = Path(dest)
    jobs: list[tuple[ChapterOptions, Path]] = []
    if options.per:
        values = per_values(project, options.per, options.where)
        for value in values:
            jobs.append((replace(options, where=options.where + ((options.per, value),),
                                 title=f"{options.title} – {readable(options.per)} {value}"),
                         per_destination(dest, value, options.file_stem, ".docx")))
    else:
        target = dest / f"{options.file_stem}.docx" if dest.is_dir() else dest
        jobs.append((options, target))
    themes_total = sum(1 for c in project.codes.tree() if c.depth == 0)
    total = max(1, len(jobs) * (themes_total + 1))
    done = 0
    written: list[Path] = []

    def tick() -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise ExportCancelled(list(written))
        done += 1
        if progress is not None:
            progress(min(done, total), total)

    for opts, target in jobs:
        with suppression_style(opts.suppress_style):
            _write_one(project, opts, target, tick, cancelled, written)
        written.append(target)
        tick()
    if progress is not None:
        progress(total, total)
    return written


def _write_one(project: Project, opts: ChapterOptions, target: Path, tick: Callable[[], None],
               cancelled: Cancelled | None, written: list[Path]) -> None:
    """One chapter file (of a `per` export, or the only one)."""
    data = gather(project, title=opts.title, where=opts.where, themes=opts.themes,
                  max_quotes=opts.max_quotes_per_theme, min_count=opts.min_count,
                  attribution_pattern=opts.attribution_pattern,
                  respondent_attribute=opts.respondent_attribute,
                  respondent_only=opts.respondent_only,
                  compare_attribute=opts.compare_attribute,
                  compare_values=opts.compare_values,
                  period_attribute=opts.period_attribute, tick=tick)
    scope = {d.id for d in data.documents} if opts.where else None
    history = partial(append_history_section, project=project, document_ids=scope,
                      by=opts.history_by, min_count=opts.min_count) \
        if opts.include_history else None
    survey = gather_survey(project, data, threshold=opts.survey_threshold,
                           by=opts.survey_by, max_quotes=min(2, opts.max_quotes_per_theme))
    doc = build_document(replace(data, name_coders=opts.name_coders), opts.template, survey,
                         before_appendix=history)
    if opts.include_matrix:
        append_matrix_appendix(doc, project, rows=opts.matrix_rows,
                               code_ids=[s.code.id for s in data.sections],
                               document_ids=({d.id for d in data.documents}
                                             if opts.where else None),
                               min_count=opts.min_count)
    guard_texts(project, w.document_texts(doc)
                + (history_texts(project, scope) if opts.include_history else []))
    if cancelled is not None and cancelled():
        raise ExportCancelled(list(written))
    write_atomic(target, partial(w.save_docx, doc))


def guard_texts(project: Project, texts: list[str]) -> None:
    """Refuse to write personal data from the pseudonym key (raises ``OriginalInExport``).

    Imported plainly: a guard that cannot be imported must fail the export, never switch off."""
    assert_export_safe(project, texts)


# -- layout -------------------------------------------------------------------------------------


def build_document(data: ChapterData, template: Path | None = None,
                   survey: SurveyChapter | None = None,
                   before_appendix: Callable[[DocxDocument], None] | None = None
                   ) -> DocxDocument:
    """The chapter as a python-docx Document (not saved); `survey` adds the questionnaire
    figures, `before_appendix` optional sections (the help history) after the themes."""
    doc, real_bullets = w.open_document(template)
    doc.core_properties.title = data.title
    w.para(doc, data.title, "Title")
    w.add_toc(doc, "Inhoud")
    w.add_page_break(doc)
    _method(doc, data)
    _overview(doc, data)
    if survey is not None:
        write_figures(doc, data, survey)
    for section in data.sections:
        _section(doc, data, section, real_bullets, survey)
    if before_appendix is not None:
        before_appendix(doc)
    w.add_page_break(doc)
    _appendix(doc, data, real_bullets)
    return doc


def _respondents(n: int, min_count: int) -> str:
    shown = count_text(n, min_count)
    return f"{shown} {'respondent' if shown == '1' else 'respondenten'}"


def _method(doc: DocxDocument, data: ChapterData) -> None:
    m = data.min_count
    w.heading(doc, "Werkwijze", 1)
    themes = [theme_title(s.code.name).lower() for s in data.sections]
    basis, material = basis_text(data)
    text = (f"Dit hoofdstuk beschrijft de ervaringen van respondenten met "
            f"{join_dutch(themes) or 'de gecodeerde thema’s'}. Het is gebaseerd op {basis}")
    split = split_text(data.by_type, m)
    if split and data.total:
        text += f": {split}"
    if data.cases:
        text += f", uit {count_text(data.cases, m)} {'gezin' if data.cases == 1 else 'gezinnen'}"
    text += "."
    if data.periods:
        label = "meting" if len(data.periods) == 1 else "metingen"
        text += f" {material} horen bij de {label} {join_dutch(data.periods)}."
    if data.where:
        scope = join_dutch([f"{readable(n)} {v}" for n, v in data.where])
        text += f" Het hoofdstuk gaat alleen over respondenten met {scope}."
    w.para(doc, text)
    coders = join_dutch(data.coders) if data.name_coders else ""
    text = ("De fragmenten zijn gecodeerd"
            + (f" door {coders}" if coders else "")
            + " met het codeboek in de bijlage. Bij elk fragment is vastgelegd of het een "
              "positief punt, een aandachtspunt of een neutrale beschrijving is.")
    w.para(doc, text)
    text = ("Bij elk thema staat hoeveel respondenten het noemden; een respondent telt één keer "
            "per thema, hoe vaak het ook ter sprake kwam. Citaten zijn letterlijk overgenomen; "
            "waar ze zijn ingekort, staat […].")
    if data.respondent_only:
        text += " Alleen wat respondenten zelf zeiden is meegeteld, niet de vragen van de interviewer."
    if m > 1:
        text += (f" Om respondenten niet herkenbaar te maken, zijn aantallen kleiner dan {m} "
                 f"weergegeven als ‘{suppressed_mark(m)}’.")
    w.para(doc, text)


def _overview(doc: DocxDocument, data: ChapterData) -> None:
    m = data.min_count
    w.heading(doc, "Overzicht van de thema’s", 1)
    types = list(data.by_type)
    intro = ("Tabel 1 laat per thema zien hoeveel respondenten het noemden, uitgesplitst naar "
             "type respondent.")
    if data.compare_attribute:
        intro += (f" Tabel 2 zet de {type_label(data.compare_attribute, 2)} "
                  f"{join_dutch(list(data.compare_totals))} naast elkaar.")
    w.para(doc, intro)
    w.add_caption(doc, "Tabel", 1, "Aantal respondenten dat het thema noemde, per type respondent")
    header = ["Thema"] + [f"{type_label(t, 2).capitalize()}\n(n={count_text(n, m)})"
                          for t, n in data.by_type.items()] \
        + [f"Totaal\n(n={count_text(data.total, m)})"]
    rows = []
    for sec in data.sections:
        for s in [sec, *sec.children]:
            rows.append(([theme_title(s.code.name)]
                         + [count_text(s.by_type.get(t, 0), m) for t in types]
                         + [count_text(s.respondents, m)], s.level - 1))
    w.add_table(doc, header, rows)
    if data.compare_attribute:
        w.para(doc)
        label = readable(data.compare_attribute)
        w.add_caption(doc, "Tabel", 2, f"Aantal respondenten dat het thema noemde, per {label}")
        header = ["Thema"] + [f"{label.capitalize()} {v}\n(n={count_text(n, m)})"
                              for v, n in data.compare_totals.items()]
        rows = [([theme_title(s.code.name)]
                 + [count_text(s.by_compare.get(v, 0), m) for v in data.compare_totals],
                 s.level - 1)
                for sec in data.sections for s in [sec, *sec.children]]
        w.add_table(doc, header, rows)


def mentioned_text(data: ChapterData, s: Section) -> str:
    """'Genoemd door 3 van de 6 respondenten (2 ouders en 1 jongere), in 4 fragmenten.'"""
    m = data.min_count
    if not s.respondents:
        return "Geen van de respondenten noemde dit thema."
    text = f"Genoemd door {respondents_text(data, s)}"
    split = split_text(s.by_type, m)
    if split:
        text += f" ({split})"
    text += f", in {s.fragments} {'fragment' if s.fragments == 1 else 'fragmenten'}"
    if s.level == 1 and len(s.by_valence) > 1:
        names = {Valence.POSITIEF: "positief", Valence.AANDACHTSPUNT: "aandachtspunt",
                 Valence.NEUTRAAL: "neutraal"}
        plural = {Valence.AANDACHTSPUNT: "aandachtspunten"}
        text += ": " + join_dutch([
            f"{n} {plural.get(v, names[v]) if n != 1 else names[v]}"
            for v, n in s.by_valence.items()])
    text += "."
    if data.compare_attribute:
        parts = [f"{v}: {count_text(s.by_compare.get(v, 0), m)} van de {count_text(n, m)}"
                 for v, n in data.compare_totals.items()]
        text += f" Per {readable(data.compare_attribute)}: " + "; ".join(parts) + "."
    return text


def theme_counts_text(project: Project, code_id: int, *, where: Sequence[tuple[str, str]] = (),
                      respondent_only: bool = False, min_count: int = 0) -> str:
    """The 'Genoemd door ...' sentence the chapter prints for one theme with these options.

    The synthesis workspace shows the counts from here -- the chapter's own gathering and
    wording -- so what the researcher sees while writing is what the chapter will print. A code
    below a sub-theme has no sentence of its own: its fragments count in that sub-theme's.
    """
    data = gather(project, title="", where=where, themes=(int(code_id),), max_quotes=0,
                  min_count=min_count, respondent_only=respondent_only)
    tree: dict[int, CodeInfo] = {c.id: c for c in data.codebook}
    node = tree.get(code_id)
    while node is not None and node.depth > 1 and node.parent_id is not None:
        node = tree.get(node.parent_id)
    for section in data.sections:
        for s in (section, *section.children):
            if node is not None and s.code.id == node.id:
                text = mentioned_text(data, s)
                return text if node.id == code_id else f"{theme_title(node.name)}: {text}"
    return "Geen van de respondenten noemde dit thema."


def _section(doc: DocxDocument, data: ChapterData, s: Section, real_bullets: bool,
             survey: SurveyChapter | None = None) -> None:
    w.heading(doc, theme_title(s.code.name), s.level)
    if s.memo:  # the researcher's summary opens the section, formatted as written
        add_memo(doc, s.memo, data.memo_quotes, real_bullets)
    w.para(doc, mentioned_text(data, s))
    if survey is not None:
        write_theme(doc, data, survey, s)
    if s.parts:
        if s.level == 1 and s.children:
            w.heading(doc, "Algemeen", 2)
        for part in s.parts:
            if part.valence == Valence.NEUTRAAL and not part.quotes:
                continue  # counted in the line above; a heading without quotes says nothing
            _part(doc, data, part, level=3 if s.level == 2 or s.children else 2)
    for child in s.children:
        _section(doc, data, child, real_bullets, survey)


def _part(doc: DocxDocument, data: ChapterData, part: Part, level: int) -> None:
    w.heading(doc, PART_TITLES[part.valence], level)
    m = data.min_count
    n = part.respondent_total
    if len(part.respondents) == 1 and count_text(n, m) == str(n):
        who = f"{n} {type_label(next(iter(part.respondents)), n)}"  # "2 ouders"
    else:
        who = _respondents(n, m)
        split = split_text(part.respondents, m)
        if split:
            who += f" ({split})"
    lead = f"{_PART_LEADS[part.valence]} van {who}"
    lead += f", in {part.fragments} {'fragment' if part.fragments == 1 else 'fragmenten'}."
    w.para(doc, lead)
    for quote in part.quotes:
        w.add_quote(doc, quote.text, quote.attribution)


def _appendix(doc: DocxDocument, data: ChapterData, real_bullets: bool) -> None:
    w.heading(doc, "Bijlage: codeboek", 1)
    w.para(doc, "De fragmenten zijn gecodeerd met de onderstaande thema’s en subthema’s. "
                      "De definities beschrijven wat onder elk (sub)thema valt.")
    for code in data.codebook:
        if code.depth == 0:
            w.heading(doc, theme_title(code.name), 2)
            if code.definition:
                w.para(doc, code.definition)
        else:
            w.add_bullet(doc, theme_title(code.name), code.definition, real_bullets)


__all__ = ["ChapterOptions", "ExportCancelled", "per_values", "theme_counts_text", "write_chapter"]
