"""The researcher's corrections to a guessed mapping: a column named on the command line or changed
in the import dialog gets its role, and a closed item gets a scale its answers fit.

Shared by `duiding import-survey` and the import dialog so both accept the same names (a header,
loosely: case and punctuation do not matter; for SPSS also the variable label) and fail with the
same messages: an unknown column names the columns there are, and an item whose answers fit no
scale names the first row that does not fit.
"""

from __future__ import annotations

import difflib
from dataclasses import replace

from coding.survey.mapping import (
    METING_ATTRIBUTE,
    ColumnMapping,
    Role,
    Source,
    SurveyMapping,
    attribute_name,
    header_key,
    unique_attributes,
)
from coding.survey.scales import (
    Scale,
    closest_scale,
    fit_scale,
    is_missing_answer,
    norm,
    scale_from_labels,
)
from importers.survey import SurveyTable


def resolve_column(table: SurveyTable, name: str, option: str = "") -> str:
    """The header a name refers to; raises a message naming the file and the known columns."""
    for c in table.columns:
        if c.name == name:
            return c.name
    key = header_key(name)
    for c in table.columns:
        if header_key(c.name) == key or (c.label and header_key(c.label) == key):
            return c.name
    names = [c.name for c in table.columns]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    listed = ", ".join(repr(n) for n in names[:12]) + (" …" if len(names) > 12 else "")
    where = f" ({option})" if option else ""
    raise table.fail("unknown_column", f"there is no column {name!r}{where}.{hint} The columns "
                     f"are: {listed}.")


def closed_scale(table: SurveyTable, column: str) -> Scale:
    """The scale a closed item's answers fit: its SPSS value labels, a known scale or 1..N.

    Raises a message naming the column and the first row whose answer does not fit."""
    col = table.column(column)
    values = [v for v in table.values(column) if v.strip()]
    if col.value_labels:
        labelled = scale_from_labels(col.value_labels, col.user_missing)
        if labelled is not None and all(labelled.category_of(v) is not None
                                        or is_missing_answer(v) for v in values):
            return labelled
    scale = fit_scale(values)
    if scale is not None:
        return scale
    if not values:
        raise table.fail("off_scale", f"{col.ref()} has no answers, so it has no scale.")
    near = closest_scale(values)
    if near is None:
        shown = ", ".join(repr(v) for v in list(dict.fromkeys(values))[:5])
        raise table.fail("off_scale", f"{col.ref()}: the answers ({shown}) fit no known answer "
                         "scale. Give the scale in order, e.g. --scale "
                         f"\"{column}=nooit/soms/vaak/altijd\", or choose it in the dialog.")
    for row, value in zip((r for r, _c in table.rows), table.values(column), strict=True):
        if value.strip() and near.category_of(value) is None and not is_missing_answer(value):
            raise table.fail("off_scale", f"{col.ref()}, {table.row_noun} {row}: the answer "
                             f"{value!r} does not fit the scale of the other answers "
                             f"({' / '.join(near.categories)}). Correct the cell, or give the "
                             "scale with --scale.")
    raise table.fail("off_scale", f"{col.ref()}: the answers fit no single scale.")


def with_role(table: SurveyTable, mapping: SurveyMapping, column: str, role: Role, *,
              attribute: str | None = None, scale: Scale | None = None) -> SurveyMapping:
    """The mapping with one column given a role by the researcher."""
    old = mapping.get(column) or ColumnMapping(column, Role.IGNORE)
    col = table.column(column)
    label = col.label or column
    new_scale = None
    if role == Role.CLOSED:
        new_scale = scale or (old.scale if old.role == Role.CLOSED and old.scale else None) \
            or closed_scale(table, column)
    if role in (Role.ATTRIBUTE, Role.CLOSED):
        attr = attribute or (old.attribute if old.role == role and old.attribute else
                             attribute_name(column, col.label))
    elif role == Role.METING:
        attr = METING_ATTRIBUTE
    else:
        attr = ""
    new = ColumnMapping(column, role, label if role in (Role.OPEN, Role.CLOSED) else "", attr,
                        new_scale, Source.USER)
    columns = [new if c.column == column else c for c in mapping.columns]
    if role in (Role.ID, Role.METING):  # only one of each: a previous one is left out
        columns = [replace(c, role=Role.IGNORE, attribute="") if c.role == role
                   and c.column != column else c for c in columns]
    meting = "" if role == Role.METING else mapping.meting
    return SurveyMapping(unique_attributes(columns), meting)


def parse_scale(text: str, top_box: str | None = None) -> Scale:
    """'nooit/soms/vaak/altijd' (lowest first) and optionally 'vaak/altijd' as the top box."""
    cats = tuple(" ".join(c.split()) for c in text.split("/") if c.strip())
    if len(cats) < 2:
        raise ValueError(f"a scale needs at least two answers separated by '/', not {text!r}")
    top = _top(cats, top_box) if top_box else cats[-2:] if len(cats) >= 4 else cats[-1:]
    return Scale(cats, top, (), "")


def _top(cats: tuple[str, ...], text: str) -> tuple[str, ...]:
    by_norm = {norm(c): c for c in cats}
    chosen = []
    for part in text.split("/"):
        if not part.strip():
            continue
        found = by_norm.get(norm(part))
        if found is None:
            raise ValueError(f"{part.strip()!r} is not one of the answers "
                             f"{' / '.join(cats)}")
        chosen.append(found)
    return tuple(c for c in cats if c in chosen)


def with_top_box(scale: Scale, text: str) -> Scale:
    """The scale with another top box ('vaak/altijd'); raises ValueError naming a wrong answer."""
    return scale.with_top_box(_top(scale.categories, text))
