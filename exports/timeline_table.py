"""A family's timeline as a table (.xlsx): every event with its moment, teller and words.

For the researcher who checks or reworks the reconstruction in Excel: one row per event in
timeline order, with the perspective that told it, the moment as told and as read, the duration,
the passage (document and offsets, to find it back) and the account group it belongs to, with a
contradiction's reason. Texts are the project's stored (pseudonymised, once applied) texts and
pass the pseudonymisation guard before anything is written; formula-like cells stay text.
"""

from __future__ import annotations

from pathlib import Path

from coding.project import Project
from coding.pseudonymise.service import assert_export_safe
from coding.timeline import Timeline
from coding.told_durations import duration_text
from exports.files import write_atomic, xlsx_append
from exports.timeline_figure import lane_title, title

HEADERS = ["Volgorde", "Moment", "Zoals verteld", "Gedateerd", "Gebeurtenis", "Perspectief",
           "Respondenttype", "Duur", "Zelfde gebeurtenis als", "Tegenstrijdig", "Document",
           "Start", "Eind", "Tekst", "Memo", "Codeur"]


def event_rows(timeline: Timeline) -> list[list[str | int]]:
    """One row per event, in timeline order (by position, then lane)."""
    lanes = {lane: i for i, lane in enumerate(timeline.lanes)}
    order = sorted(range(len(timeline.events)),
                   key=lambda i: (timeline.events[i].x, lanes.get(timeline.events[i].lane, 99)))
    number = {i: n for n, i in enumerate(order, start=1)}
    rows: list[list[str | int]] = []
    for i in order:
        p = timeline.events[i]
        e = p.event
        group = timeline.groups[p.group] if p.group >= 0 else None
        others = ", ".join(str(number[j]) for j in group.members if j != i) if group else ""
        rows.append([
            number[i], e.moment.label(), e.moment.text, "ja" if p.dated else "nee", e.type,
            lane_title(p.lane), e.respondent_type,
            duration_text(e.duration_days) if e.duration_days is not None else "",
            others, group.reason if group and group.contradiction else "", e.document,
            e.start, e.end, " ".join(e.text.split()), e.memo, e.coder])
    return rows


def write_timeline_xlsx(project: Project, timeline: Timeline, dest: Path | str) -> Path:
    """Sheet 'Tijdlijn' with `event_rows`; atomic, after the guard checked every text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    dest = Path(dest)
    rows = event_rows(timeline)
    assert_export_safe(project, [title(timeline), *HEADERS,
                                 *(str(v) for r in rows for v in r)])
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Tijdlijn"
    xlsx_append(ws, [title(timeline)])  # every text a text cell, never run as a formula
    ws["A1"].font = Font(bold=True, size=12)
    xlsx_append(ws, HEADERS)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for values in rows:
        xlsx_append(ws, values)
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:P{ws.max_row}"
    widths = (9, 18, 22, 10, 22, 14, 16, 12, 12, 40, 24, 8, 8, 60, 30, 14)
    for col, width in zip("ABCDEFGHIJKLMNOP", widths, strict=True):
        ws.column_dimensions[col].width = width
    for line in ws.iter_rows(min_row=3, min_col=14, max_col=14):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return write_atomic(dest, wb.save)
