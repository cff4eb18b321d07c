"""Closed-item figures: per item and meting the number of valid answers (n), the distribution over
the scale, and the share in the top box ("% vaak of altijd"), with suppression of small groups
and the difference with the previous meting in percentage points.

Rules, so the view, the command line and the chapter say the same:
- n counts the answers on the scale; "weet niet"-like answers and empty cells are left out.
- Percentages are rounded half up to whole numbers; the year-over-year difference is the
  difference of the rounded percentages (what a reader can check in the table).
- A cell with n below the threshold (default 10, as municipalities publish) is suppressed: no
  percentage and no distribution, n shown as "< 10". Its difference with other years is not
  given either.
Pure functions on plain values: the manager collects the attribute values and calls them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from coding.survey.items import SurveyItem
from coding.survey.mapping import METING_ATTRIBUTE

DEFAULT_THRESHOLD = 10


def percent(part: int, whole: int) -> int:
    """100 * part / whole rounded half up (72.5 -> 73), in integers: no float surprises."""
    return (200 * part + whole) // (2 * whole)


def suppressed_text(threshold: int) -> str:
    return f"< {threshold}"


@dataclass(frozen=True)
class Cell:
    """One item in one group (a meting, or a meting x attribute value)."""

    n: int  # answers on the scale
    counts: dict[str, int]  # per scale category, in scale order
    not_counted: dict[str, int]  # "weet niet" and the like
    top: int  # answers in the top box
    threshold: int

    @property
    def suppressed(self) -> bool:
        return self.n < self.threshold

    @property
    def pct(self) -> int | None:
        """% top box, rounded; None when suppressed or without answers."""
        if self.suppressed or self.n == 0:
            return None
        return percent(self.top, self.n)

    def distribution(self) -> dict[str, int] | None:
        """% per category (rounded), None when suppressed."""
        if self.suppressed or self.n == 0:
            return None
        return {c: percent(k, self.n) for c, k in self.counts.items()}

    def n_text(self) -> str:
        return suppressed_text(self.threshold) if self.suppressed else str(self.n)

    def pct_text(self) -> str:
        pct = self.pct
        return "–" if pct is None else f"{pct}%"

    def as_json(self) -> dict[str, object]:
        if self.suppressed:
            return {"n": None, "n_text": self.n_text(), "suppressed": True, "top_box_pct": None,
                    "distribution": None}
        return {"n": self.n, "n_text": self.n_text(), "suppressed": False,
                "top_box_pct": self.pct, "top_box": self.top, "counts": self.counts,
                "not_counted": self.not_counted, "distribution": self.distribution()}


@dataclass(frozen=True)
class ItemFigures:
    item: SurveyItem
    cells: dict[tuple[str, str], Cell]  # (meting, group value) -> cell
    metingen: tuple[str, ...]

    def cell(self, meting: str, group: str = "") -> Cell | None:
        return self.cells.get((meting, group))

    def difference(self, meting: str, group: str = "") -> int | None:
        """Percentage points against the previous meting that has a figure; None if either is
        suppressed or missing."""
        if meting not in self.metingen:
            return None
        i = self.metingen.index(meting)
        if i == 0:
            return None
        now = self.cell(meting, group)
        before = self.cell(self.metingen[i - 1], group)
        if now is None or before is None or now.pct is None or before.pct is None:
            return None
        return now.pct - before.pct


@dataclass(frozen=True)
class FiguresTable:
    items: list[ItemFigures]
    metingen: tuple[str, ...]  # sorted; "" = respondents without a meting
    groups: tuple[str, ...]  # values of `by`, sorted; ("",) without a breakdown
    by: str | None
    threshold: int
    respondents: dict[str, int] = field(default_factory=dict)  # meting -> respondents

    def as_json(self) -> dict[str, object]:
        return {
            "by": self.by, "threshold": self.threshold, "metingen": list(self.metingen),
            "groups": list(self.groups) if self.by else [],
            "respondents": self.respondents,
            "items": [{
                "column": f.item.column, "question": f.item.label,
                "attribute": f.item.attribute, "scale": list(f.item.scale.categories),
                "top_box": list(f.item.scale.top_box),
                "cells": [{"meting": m, **({"group": g} if self.by else {}),
                           **f.cells[(m, g)].as_json(),
                           "difference_pp": f.difference(m, g)}
                          for m in self.metingen for g in self.groups if (m, g) in f.cells],
            } for f in self.items],
        }


def natural_key(value: str) -> tuple[int, float, str]:
    """'2023' < '2024' < '2024-2' < 'najaar': numbers by value, then text."""
    match = re.match(r"^\s*(\d+(?:[.,]\d+)?)", value)
    if match:
        return (0, float(match.group(1).replace(",", ".")), value)
    return (1 if value else 2, 0.0, value)


def compute_figures(items: Sequence[SurveyItem], respondents: Iterable[Mapping[str, str]], *,
                    by: str | None = None, threshold: int = DEFAULT_THRESHOLD,
                    metingen: Sequence[str] = ()) -> FiguresTable:
    """Figures of every item over `respondents` (each a {attribute: value} dict)."""
    rows = list(respondents)
    found = sorted({r.get(METING_ATTRIBUTE, "") for r in rows}, key=natural_key)
    order = [m for m in metingen if m in found] if metingen else found
    groups = sorted({r.get(by, "") for r in rows}, key=natural_key) if by else [""]
    per_meting = {m: sum(1 for r in rows if r.get(METING_ATTRIBUTE, "") == m) for m in order}
    out = []
    for item in items:
        scale = item.scale
        tally: dict[tuple[str, str], dict[str, int]] = {}
        for r in rows:
            answer = r.get(item.attribute, "")
            if not answer:
                continue
            key = (r.get(METING_ATTRIBUTE, ""), r.get(by, "") if by else "")
            if key[0] not in per_meting:
                continue
            category = scale.category_of(answer) or answer
            counter = tally.setdefault(key, {})
            counter[category] = counter.get(category, 0) + 1
        cells = {}
        for key, counter in tally.items():
            counts = {c: counter.get(c, 0) for c in scale.categories}
            other = {c: k for c, k in counter.items() if c not in scale.categories}
            n = sum(counts.values())
            top = sum(counts[c] for c in scale.top_box)
            cells[key] = Cell(n, counts, other, top, threshold)
        out.append(ItemFigures(item, cells, tuple(order)))
    return FiguresTable(out, tuple(order), tuple(groups), by, threshold, per_meting)
