"""A family's timeline as a figure (PNG or SVG), without Qt: for the chapter and the CLI.

Drawn with matplotlib's object API on its Agg canvas (no pyplot state, safe in a worker):
one drawing gives both the PNG the Word chapter embeds and the SVG a researcher edits further,
with the fonts matplotlib ships, so the figure looks the same on every machine. The layout
itself (lanes, placement, accounts side by side) is `coding.timeline`'s, the same the GUI view
draws, so the figure and the view agree.

Only pseudonymised labels appear: lane names (perspectives), event types, moments and
durations — never a quote, a document name or a person. `figure_texts` lists every label
drawn, so the exporters can pass them through the pseudonymisation guard. matplotlib is
imported lazily: importing `exports` stays cheap for the command line.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from coding.project import Project
from coding.pseudonymise.service import assert_export_safe
from coding.timeline import PlacedEvent, Timeline
from exports.chapter_text import case_label
from exports.files import write_atomic

LANE_TITLES = {"ouder": "Ouder", "jongere": "Jongere", "hulpverlener": "Hulpverlener",
               "school": "School", "onbekend": "Onbekend"}
CONTRADICTION = "#c62828"
AXIS_TITLES = {"year": "Jaar", "age": "Leeftijd van het kind", "order": "Volgorde (geen data)"}
FORMATS = ("png", "svg")


def lane_title(lane: str) -> str:
    return LANE_TITLES.get(lane, lane.replace("_", " ").capitalize())


def title(timeline: Timeline) -> str:
    return f"Hulpgeschiedenis {case_label(timeline.case) or 'zonder gezin'}"


def event_label(e: PlacedEvent) -> str:
    """What the figure writes at an event: its type, its duration, its moment."""
    text = e.label
    if e.dated:
        text += f"\n{e.event.moment.label()}"
    return text


def figure_texts(timeline: Timeline) -> list[str]:
    """Every text the figure draws (for the pseudonymisation guard)."""
    texts = [title(timeline), AXIS_TITLES[timeline.axis]]
    texts += [lane_title(lane) for lane in timeline.lanes]
    texts += [event_label(e) for e in timeline.events]
    texts += [label for _, label in timeline.ticks()]
    texts += [g.reason for g in timeline.contradictions()]
    return texts


def render(timeline: Timeline, fmt: str = "png", *, width_cm: float = 16.0,
           dpi: int = 200) -> bytes:
    """The figure as PNG or SVG bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"a timeline figure is .png or .svg, not .{fmt}")
    import matplotlib

    with matplotlib.rc_context({"svg.fonttype": "none", "font.size": 7,
                                "font.family": "DejaVu Sans", "svg.hashsalt": "duiding"}):
        fig = _draw(timeline, width_cm)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=_metadata(fmt))
    return buf.getvalue()


def _metadata(fmt: str) -> dict[str, Any]:
    # No creation date in SVG (so the same project gives the same file); no software banner.
    return {"Date": None} if fmt == "svg" else {"Software": None}


def _draw(timeline: Timeline, width_cm: float) -> Any:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    lanes = list(timeline.lanes) or ["onbekend"]
    lo, hi = timeline.x_range
    pad = max(0.3, (hi - lo) * 0.06)
    levels = label_levels(timeline, (hi - lo + 2 * pad) / (width_cm / 2.54 * 72 * 0.82))
    depth = max([lv // 2 for lv in levels] + [0])  # label rows above/below a lane, beyond one
    height_in = 1.1 + (0.85 + 0.45 * depth) * len(lanes)
    fig = Figure(figsize=(width_cm / 2.54, height_in), layout="constrained")
    ax = fig.add_subplot()
    ys = {lane: len(lanes) - 1 - i for i, lane in enumerate(lanes)}
    ax.set_xlim(lo - pad, hi + pad)
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.set_yticks([ys[lane] for lane in lanes], [lane_title(lane) for lane in lanes],
                  fontsize=8, fontweight="bold")
    ticks = [(x, label) for x, label in timeline.ticks() if lo - pad <= x <= hi + pad]
    ax.set_xticks([x for x, _ in ticks], [label for _, label in ticks], fontsize=7)
    ax.set_xlabel(AXIS_TITLES[timeline.axis], fontsize=7)
    for lane in lanes:
        ax.axhline(ys[lane], color="#cfd8dc", linewidth=0.8, zorder=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_title(title(timeline), fontsize=9, loc="left")
    for g in timeline.groups:  # accounts of one event: joined across the lanes
        members = [timeline.events[i] for i in g.members]
        xs = [m.x for m in members]
        yv = [ys.get(m.lane, 0) for m in members]
        colour = CONTRADICTION if g.contradiction else "#90a4ae"
        ax.plot([sum(xs) / len(xs)] * 2, [min(yv), max(yv)], color=colour, linewidth=1.2,
                linestyle="--" if g.contradiction else ":", zorder=1)
        if g.contradiction:  # the mark sits left of the lowest account, clear of the labels
            ax.annotate("≠", (min(xs), min(yv)), xytext=(-13, 0), textcoords="offset points",
                        color=CONTRADICTION,
                        fontsize=10, fontweight="bold", ha="center", va="center", zorder=4,
                        bbox={"boxstyle": "circle,pad=0.1", "fc": "white", "ec": CONTRADICTION,
                              "lw": 0.8})
    for e, level in zip(timeline.events, levels, strict=True):
        y = ys.get(e.lane, 0)
        if e.end_x is not None:
            ax.plot([e.x, e.end_x], [y, y], color=e.event.colour, linewidth=5, alpha=0.35,
                    solid_capstyle="butt", zorder=2)
        ax.plot([e.x], [y], marker="o", markersize=7,
                markerfacecolor=e.event.colour if e.dated else "white",
                markeredgecolor=e.event.colour, markeredgewidth=1.6, zorder=3)
        above = level % 2 == 0
        rise = 7 + ROW_PT * (level // 2)
        ax.annotate(event_label(e), (e.x, y), xytext=(0, rise if above else -rise - 1),
                    textcoords="offset points", ha="center", va="bottom" if above else "top",
                    fontsize=6, color="#263238", zorder=5,
                    arrowprops={"arrowstyle": "-", "color": "#b0bec5", "lw": 0.5,
                                "shrinkA": 0, "shrinkB": 4} if level >= 2 else None)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=5, markerfacecolor="#607d8b",
                      markeredgecolor="#607d8b", label="gedateerd"),
               Line2D([], [], marker="o", linestyle="", markersize=5, markerfacecolor="white",
                      markeredgecolor="#607d8b", label="alleen volgorde")]
    if timeline.contradictions():
        handles.append(Line2D([], [], color=CONTRADICTION, linestyle="--",
                              label="tegenstrijdige verhalen"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.28 if len(lanes) < 3
              else -0.18), ncol=len(handles), fontsize=6, frameon=False)
    return fig


ROW_PT = 17  # height of one row of (two-line) labels, in points
CHAR_PT = 3.4  # average width of a 6 pt character


def label_levels(timeline: Timeline, data_per_pt: float) -> list[int]:
    """For each event, the row its label goes in (0 above, 1 below, 2 further above, ...),
    the lowest row where it overlaps no other label of its lane."""
    taken: dict[tuple[str, int], list[tuple[float, float]]] = {}
    levels = [0] * len(timeline.events)
    order = sorted(range(len(timeline.events)), key=lambda i: timeline.events[i].x)
    for i in order:
        e = timeline.events[i]
        width = max(len(line) for line in event_label(e).split("\n")) * CHAR_PT * data_per_pt
        span = (e.x - width / 2 - 2 * data_per_pt, e.x + width / 2 + 2 * data_per_pt)
        level = 0
        while any(a < span[1] and span[0] < b for a, b in taken.get((e.lane, level), [])):
            level += 1
        taken.setdefault((e.lane, level), []).append(span)
        levels[i] = level
    return levels


def write_figure(project: Project, timeline: Timeline, dest: Path | str) -> Path:
    """The figure as .png or .svg at `dest` (atomic), after the guard checked every label."""
    dest = Path(dest)
    fmt = dest.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"{dest.name}: a timeline figure is .png or .svg")
    assert_export_safe(project, figure_texts(timeline))
    data = render(timeline, fmt)
    return write_atomic(dest, lambda tmp: tmp.write_bytes(data))
