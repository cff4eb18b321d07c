"""The chapter's optional section "Hulpgeschiedenis per gezin" (help history per family).

For every family (case) in the chapter's scope with events: its timeline figure (the same
drawing as `duiding timeline --export`), a short table of what happened when and who told it,
and the contradictions between accounts; then the durations across families (signal to first
help, registration to start, changes of care worker: median, range and n, and per family),
split by an attribute when asked.

Decisions a reader notices:
- Families are named as everywhere in the chapter ("gezin 01": the 'G-' prefix dropped); no
  document name, quote or person appears in this section, only types, moments, perspectives
  and durations. The caller passes every text written through the pseudonymisation guard.
- In a chapter filtered to part of the study (`where`, `per`), a family's timeline holds only
  the interviews inside the selection, so another municipality's interview never shows.
- Counts of families below `min_count` read "< N", as elsewhere in the chapter.
"""

from __future__ import annotations

import io
from collections.abc import Collection
from typing import TYPE_CHECKING

from coding.durations import MEASURES, DurationTable, case_groups, duration_table, dutch
from coding.project import Project
from coding.timeline import Timeline, case_birth_year, layout
from coding.told_durations import duration_text
from exports import chapter_docx as w
from exports.chapter_text import case_label, count_text, join_dutch, readable
from exports.timeline_figure import figure_texts, lane_title, render

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

SECTION_TITLE = "Hulpgeschiedenis per gezin"
FIGURE_WIDTH_CM = 16.0


def history_timelines(project: Project, document_ids: Collection[int] | None = None
                      ) -> list[Timeline]:
    """One timeline per case with events, from the interviews in scope only."""
    out = []
    for case_id, name, members in project.attributes.cases():
        docs = [d for d in members if document_ids is None or d in document_ids]
        if not docs:
            continue
        events = project.events.list(docs)
        if events:
            out.append(layout(events, case=name, case_id=case_id,
                              birth_year=case_birth_year(project, case_id)))
    return out


def append_history_section(doc: DocxDocument, project: Project, *,
                           document_ids: Collection[int] | None = None, by: str | None = None,
                           min_count: int = 0) -> None:
    """The section, appended to `doc` (a new page); the caller guards the texts."""
    timelines = history_timelines(project, document_ids)
    w.add_page_break(doc)
    w.heading(doc, SECTION_TITLE, 1)
    if not timelines:
        w.para(doc, "In de gesprekken van dit hoofdstuk zijn geen gebeurtenissen uit de "
                    "hulpgeschiedenis gemarkeerd.")
        return
    families = len(timelines)
    w.para(doc, (
        f"Voor {count_text(families, min_count)} {'gezin' if families == 1 else 'gezinnen'} is "
        "de hulpgeschiedenis gereconstrueerd uit de gesprekken met de verschillende betrokkenen. "
        "Elke figuur toont per perspectief (ouder, jongere, hulpverlener, school) wat er "
        "gebeurde en wanneer. Een dichte stip heeft een datum of leeftijd; een open stip staat "
        "alleen op volgorde van het verhaal. Een stippellijn verbindt verhalen over dezelfde "
        "gebeurtenis; een rode lijn met ≠ betekent dat de verhalen elkaar tegenspreken."))
    figure = _number(doc, "Figuur")
    table = _number(doc, "Tabel")
    for tl in timelines:
        w.heading(doc, case_label(tl.case).capitalize() or "Zonder gezin", 2)
        doc.add_picture(io.BytesIO(render(tl, "png", width_cm=FIGURE_WIDTH_CM)),
                        width=_cm(FIGURE_WIDTH_CM))
        w.add_caption(doc, "Figuur", figure, f"Hulpgeschiedenis van {case_label(tl.case)}")
        figure += 1
        w.add_caption(doc, "Tabel", table, f"Gebeurtenissen bij {case_label(tl.case)}")
        table += 1
        w.add_table(doc, ["Moment", "Gebeurtenis", "Verteld door", "Duur"], _event_rows(tl))
        for g in tl.contradictions():
            w.para(doc, f"Tegenstrijdig over de {g.type}: {g.reason.partition(': ')[2]}.")
    _durations(doc, project, timelines, by, min_count, table)


def history_texts(project: Project, document_ids: Collection[int] | None = None) -> list[str]:
    """What the figures draw (they are pictures, so the docx text does not hold them)."""
    return [t for tl in history_timelines(project, document_ids) for t in figure_texts(tl)]


def _event_rows(tl: Timeline) -> list[tuple[list[str], int]]:
    lanes = {lane: i for i, lane in enumerate(tl.lanes)}
    ordered = sorted(tl.events, key=lambda e: (e.x, lanes.get(e.lane, 99)))
    return [([e.event.moment.label() if e.dated or e.event.moment.kind.value == "age"
              else "–", e.event.type, lane_title(e.lane),
              duration_text(e.event.duration_days) if e.event.duration_days is not None else ""],
             1) for e in ordered]


def _durations(doc: DocxDocument, project: Project, timelines: list[Timeline], by: str | None,
               min_count: int, table: int) -> None:
    w.heading(doc, "Duur van de hulp over de gezinnen", 2)
    data = duration_table(timelines, by, case_groups(project, by) if by else None)
    per_case, values = data.cases, data.groups
    w.para(doc, (
        "De tabel vat per maat samen hoe lang het duurde: de mediaan, met tussen haakjes de "
        "kortste en langste duur en het aantal gezinnen (n) waarvoor de duur uit de gesprekken "
        "bleek. Alleen gebeurtenissen met een datum of (bij bekend geboortejaar) een leeftijd "
        "tellen mee; waar de data ontbreken is voor de duur van aanmelding tot start de "
        "wachttijd gebruikt die respondenten noemden."))
    header = ["Maat", "Alle gezinnen"] + [readable(v) or "(geen waarde)" for v in values]
    rows = []
    for key, label in MEASURES:
        cells = [label, _summary(data, key, None, min_count)]
        cells += [_summary(data, key, v, min_count) for v in values]
        rows.append((cells, 1))
    w.add_caption(doc, "Tabel", table, "Duur van de hulp, samengevat over de gezinnen"
                  + (f", per {readable(by)}" if by else ""))
    w.add_table(doc, header, rows)
    w.para(doc)
    w.add_caption(doc, "Tabel", table + 1, "Duur van de hulp per gezin")
    w.add_table(doc, ["Gezin", "Signaal → eerste hulp (mnd)", "Aanmelding → start (mnd)",
                      "Wisselingen"],
                [([case_label(c.case), _months(c.signal_to_help),
                   _months(c.registration_to_start) + (" (verteld)" if c.registration_told
                                                       else ""), str(c.changes)], 1)
                 for c in per_case])
    told = [case_label(c.case) for c in per_case if c.registration_told]
    if told:
        w.para(doc, f"Bij {join_dutch(told)} is de duur van aanmelding tot start de "
                    "wachttijd zoals respondenten die vertelden.")


def _summary(data: DurationTable, key: str, group: str | None, min_count: int) -> str:
    s = data.summary(key, group)
    if s.n and 0 < s.n < min_count:
        return f"n {count_text(s.n, min_count)}"
    return s.text(key)


def _months(v: float | None) -> str:
    return "–" if v is None else dutch(v, 1)


def _number(doc: DocxDocument, label: str) -> int:
    return 1 + sum(1 for p in doc.paragraphs
                   if p.style is not None and p.style.name == "Caption"
                   and p.text.startswith(label))


def _cm(value: float) -> int:
    from docx.shared import Cm

    return int(Cm(value))
