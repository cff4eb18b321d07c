"""Questionnaire commands: import-survey, survey-figures, survey-items, survey-link.

``duiding import-survey PROJECT FILE --id COL [--open COL]... [--closed COL]... [--attribute
COL[=NAME]]... [--meting COL|VALUE]`` (DESIGN.md section 7.1). Columns the command does not name
get the project's saved mapping (next year's file is mapped as last year's), else the guess;
``--plan`` prints that mapping and imports nothing. The figures, items and links commands only
call ``project.surveys`` and the survey commands, as the GUI does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.output import CliError, add_json, add_project, emit, parse_where
from coding.project import Project
from coding.survey.commands import ImportSurvey, LinkSurveyItem, SetSurveyScale
from coding.survey.figures import FiguresTable
from coding.survey.mapping import ColumnMapping, Role, SurveyMapping, canonical_attribute
from coding.types import CodeId
from importers.survey import SurveyImportError, SurveyTable, read_survey
from importers.survey_choose import parse_scale, resolve_column, with_role, with_top_box
from importers.survey_guess import guess_mapping
from importers.survey_rows import prepare


def register(sub: Any) -> None:
    p = sub.add_parser("import-survey", help="import a questionnaire (.xlsx, .csv, .sav): open "
                       "answers become documents to code, closed answers attributes and figures")
    add_project(p)
    p.add_argument("file", type=Path, help="the questionnaire export")
    p.add_argument("--id", dest="id_column", metavar="COL",
                   help="the respondent id column (default: saved mapping or guess)")
    p.add_argument("--open", action="append", default=[], metavar="COL",
                   help="an open question (free text)")
    p.add_argument("--closed", action="append", default=[], metavar="COL",
                   help="a closed item on an ordered answer scale")
    p.add_argument("--attribute", action="append", default=[], metavar="COL[=NAME]",
                   help="an attribute column (gemeente, leeftijd...), optionally renamed")
    p.add_argument("--ignore", action="append", default=[], metavar="COL",
                   help="leave this column out")
    p.add_argument("--meting", metavar="COL|VALUE",
                   help="the column holding the meting, or one value for every respondent")
    p.add_argument("--scale", action="append", default=[], metavar="COL=A/B/C",
                   help="a closed item's answers in order, lowest first")
    p.add_argument("--top-box", action="append", default=[], metavar="COL=A/B",
                   help="which answers a closed item's summary counts (default: the top two)")
    p.add_argument("--name", help="name of this import (default: the file name without suffix)")
    p.add_argument("--plan", action="store_true",
                   help="print how each column would be imported; import nothing")
    add_json(p)
    p.set_defaults(func=cmd_import_survey)

    p = sub.add_parser("survey-figures", help="closed items per meting: n, %% top box, "
                       "difference, distribution")
    add_project(p)
    p.add_argument("--by", metavar="ATTR", help="split by an attribute, e.g. gemeente")
    p.add_argument("--where", action="append", metavar="ATTR=VALUE")
    p.add_argument("--threshold", type=int, default=10, metavar="N",
                   help="suppress groups with fewer than N answers (default 10)")
    add_json(p)
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("survey-items", help="closed items with scale, top box and themes")
    add_project(p)
    p.add_argument("--top-box", action="append", default=[], metavar="ITEM=A/B",
                   help="change which answers an item's summary counts")
    add_json(p)
    p.set_defaults(func=cmd_items)

    p = sub.add_parser("survey-link", help="link a closed item to themes of the codebook")
    add_project(p)
    p.add_argument("--item", required=True, help="the item: column, attribute or question")
    p.add_argument("--code", action="append", default=[], dest="codes", metavar="PATH",
                   help="a theme (repeat for several); the item is linked to exactly these")
    p.add_argument("--clear", action="store_true", help="unlink the item from every theme")
    add_json(p)
    p.set_defaults(func=cmd_link)


# -- import -----------------------------------------------------------------------------------------


def _pairs(items: list[str], option: str) -> list[tuple[str, str]]:
    out = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise CliError(f"{option} takes COL=VALUE, not {item!r}")
        out.append((name.strip(), value.strip()))
    return out


def build_mapping(table: SurveyTable, saved: dict[str, ColumnMapping],
                  args: argparse.Namespace) -> SurveyMapping:
    """The guessed/saved mapping with the command's choices applied."""
    meting_column = None
    meting_value = None
    if args.meting:
        try:
            meting_column = resolve_column(table, args.meting)
        except SurveyImportError:  # not a column: one value for every respondent
            meting_value = args.meting.strip()
    mapping = guess_mapping(table, saved, meting_value)
    if meting_value:
        mapping = SurveyMapping(tuple(c if c.role != Role.METING else
                                      ColumnMapping(c.column, Role.ATTRIBUTE, "", c.column)
                                      for c in mapping.columns), meting_value)
    if args.id_column:
        mapping = with_role(table, mapping, resolve_column(table, args.id_column, "--id"),
                            Role.ID)
    if meting_column:
        mapping = with_role(table, mapping, meting_column, Role.METING)
    for name in args.attribute:
        col, sep, rename = name.partition("=")
        column = resolve_column(table, col.strip(), "--attribute")
        attr = rename.strip() if sep and rename.strip() else canonical_attribute(column)
        mapping = with_role(table, mapping, column, Role.ATTRIBUTE, attribute=attr)
    for name in args.open:
        mapping = with_role(table, mapping, resolve_column(table, name, "--open"), Role.OPEN)
    for name in args.ignore:
        mapping = with_role(table, mapping, resolve_column(table, name, "--ignore"), Role.IGNORE)
    scales = {resolve_column(table, c, "--scale"): v for c, v in _pairs(args.scale, "--scale")}
    tops = {resolve_column(table, c, "--top-box"): v
            for c, v in _pairs(args.top_box, "--top-box")}
    for name in args.closed:
        column = resolve_column(table, name, "--closed")
        try:
            scale = parse_scale(scales[column], tops.get(column)) if column in scales else None
        except ValueError as exc:
            raise CliError(f"--scale {column}: {exc}") from None
        mapping = with_role(table, mapping, column, Role.CLOSED, scale=scale)
    for column, text in scales.items():
        if column not in {resolve_column(table, n) for n in args.closed}:
            mapping = with_role(table, mapping, column, Role.CLOSED,
                                scale=_parse(parse_scale, column, text, tops.get(column)))
    for column, text in tops.items():
        current = mapping.get(column)
        if current is None or current.role != Role.CLOSED or current.scale is None:
            raise CliError(f"--top-box {column}: the column is not a closed item")
        if column not in scales:
            scale = _parse(with_top_box, column, current.scale, text)
            mapping = mapping.with_column(ColumnMapping(current.column, current.role,
                                                        current.label, current.attribute,
                                                        scale, current.source))
    return mapping


def _parse(func: Any, column: str, *args: Any) -> Any:
    try:
        return func(*args)
    except ValueError as exc:
        raise CliError(f"{column}: {exc}") from None


def mapping_json(mapping: SurveyMapping) -> list[dict[str, object]]:
    return [{"column": c.column, "role": c.role.value, "attribute": c.attribute or None,
             "question": c.label or None,
             "scale": list(c.scale.categories) if c.scale else None,
             "top_box": list(c.scale.top_box) if c.scale else None,
             "not_counted": list(c.scale.missing) if c.scale else None,
             "source": c.source.value} for c in mapping.columns]


def mapping_lines(mapping: SurveyMapping) -> list[str]:
    lines = []
    for c in mapping.columns:
        what = c.role.value
        if c.role in (Role.ATTRIBUTE, Role.METING) and c.attribute:
            what += f" -> {c.attribute}"
        if c.scale is not None:
            what += f" [{' / '.join(c.scale.categories)}; top box {c.scale.top_box_text()}]"
        lines.append(f"  {c.column[:50]:<50} {what} ({c.source.value})")
    if mapping.meting:
        lines.append(f"  meting for every respondent: {mapping.meting}")
    return lines


def cmd_import_survey(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        table = read_survey(args.file)
        mapping = build_mapping(table, project.surveys.saved_mapping(), args)
        if args.plan:
            problems = mapping.problems()
            emit(args, {"file": str(args.file), "mapping": mapping_json(mapping),
                        "meting": mapping.meting or None, "problems": problems},
                 [f"{args.file.name}: {len(table.rows)} respondents; columns:",
                  *mapping_lines(mapping), *[f"problem: {p}" for p in problems]])
            return 0
        prepared = prepare(table, mapping, name=args.name)
        command = ImportSurvey(prepared)
        project.execute(command)
        stored = command.stored
        assert stored is not None
        name = next(i.name for i in project.surveys.imports() if i.id == stored.import_id)
    final = prepared.mapping
    data = {"file": str(args.file), "name": name, "respondents": len(prepared.respondents),
            "meting": final.meting or None, "open": len(final.of(Role.OPEN)),
            "closed": len(final.of(Role.CLOSED)), "mapping": mapping_json(final),
            "warnings": list(prepared.warnings)}
    lines = [f"imported {args.file.name} as {name}: {len(prepared.respondents)} respondents, "
             f"{len(final.of(Role.OPEN))} open questions, {len(final.of(Role.CLOSED))} closed "
             "items", *mapping_lines(final)]
    emit(args, data, lines)
    for warning in prepared.warnings:
        print(f"duiding import-survey: note: {args.file.name}: {warning}", file=sys.stderr)
    return 0


# -- figures, items, links ------------------------------------------------------------------------


def figures_lines(table: FiguresTable) -> list[str]:
    if not table.items:
        return ["no closed items yet; import a questionnaire with import-survey"]
    lines = []
    groups = table.groups if table.by else ("",)
    for f in table.items:
        lines.append(f"{f.item.label}  (% {f.item.scale.top_box_text()})")
        head = f"  {'meting':<10}" + (f" {table.by[:16]:<16}" if table.by else "")
        lines.append(head + f" {'n':>6} {'%':>5} {'verschil':>9}  verdeling")
        for m in table.metingen:
            for g in groups:
                cell = f.cell(m, g)
                if cell is None:
                    continue
                diff = f.difference(m, g)
                dist = cell.distribution()
                shown = ", ".join(f"{k} {v}%" for k, v in dist.items()) if dist else ""
                row = f"  {m or '-':<10}" + (f" {g or '-':<16}" if table.by else "")
                lines.append(row + f" {cell.n_text():>6} {cell.pct_text():>5} "
                             f"{'' if diff is None else f'{diff:+d} pp':>9}  {shown}")
    return lines


def cmd_figures(args: argparse.Namespace) -> int:
    if args.threshold < 0:
        raise CliError("--threshold cannot be negative")
    with Project.open(args.project, readonly=True) as project:
        if args.by and args.by not in project.attributes.names():
            raise CliError(f"unknown attribute {args.by!r} in --by")
        table = project.surveys.figures(by=args.by, where=parse_where(args.where),
                                        threshold=args.threshold)
    emit(args, table.as_json(), figures_lines(table))
    return 0


def cmd_items(args: argparse.Namespace) -> int:
    with Project.open(args.project, readonly=not args.top_box) as project:
        for name, text in _pairs(args.top_box, "--top-box"):
            item = project.surveys.item(name)
            scale = _parse(with_top_box, item.column, item.scale, text)
            project.execute(SetSurveyScale(item.column, scale))
        items = project.surveys.items()
        paths = {c.id: c.path for c in project.codes.tree()}
    emit(args, [i.as_json(paths) for i in items],
         [f"{i.column}: {' / '.join(i.scale.categories)}; top box {i.scale.top_box_text()}"
          + (f"; themes {', '.join(paths.get(c, '?') for c in i.code_ids)}" if i.code_ids
             else "") for i in items] or ["no closed items yet"])
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    if not args.codes and not args.clear:
        raise CliError("give --code PATH (repeatable) or --clear")
    with Project.open(args.project) as project:
        item = project.surveys.item(args.item)
        ids: list[CodeId] = []
        for path in args.codes:
            ids.append(project.codes.by_path(path).id)  # NotFoundError names the path
        project.execute(LinkSurveyItem(item.column, [] if args.clear else ids))
        linked = project.surveys.item(item.column)
        paths = {c.id: c.path for c in project.codes.tree()}
    themes = [paths[c] for c in linked.code_ids]
    emit(args, linked.as_json(paths),
         f"{linked.column}: linked to {', '.join(themes)}" if themes
         else f"{linked.column}: linked to no theme")
    return 0
