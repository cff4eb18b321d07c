"""``duiding export word|xlsx|csv``: the findings chapter and the fragments spreadsheet.

The ``export`` command itself belongs to ``app.cli.export`` (one command, many formats); this
module registers its three formats there and adds the options only they use to the same parser
(argparse allows one ``export`` subcommand). Writing the files is ``exports.chapter`` and
``exports.tables``; this module parses options, loops over ``--per`` values for the tables and
prints what was written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.export import register_exporter
from app.cli.output import CliError, emit, parse_where


def register(sub: Any) -> None:
    register_exporter("word", export_word)
    register_exporter("xlsx", export_xlsx)
    register_exporter("csv", export_csv)
    parser = sub.choices.get("export")
    if parser is None:  # app.cli.export must come before this module in _MODULES
        raise RuntimeError("the 'export' command is not registered")
    g = parser.add_argument_group("word, xlsx, csv")
    g.add_argument("--title", default="Bevindingen", help="chapter title (word)")
    g.add_argument("--template", type=Path, help=".docx or .dotx whose styles are used (word)")
    g.add_argument("--max-quotes", type=int, default=4, metavar="N",
                   help="quotes per (sub)theme, default 4 (word)")
    g.add_argument("--min-count", type=int, default=0, metavar="N",
                   help="show respondent counts below N as '< N' (word)")
    g.add_argument("--compare", metavar="ATTR=V1,V2",
                   help="side-by-side counts, e.g. meting=2023,2024 (word)")
    g.add_argument("--themes", metavar="PATH,...", help="only these codes and their sub-codes")
    g.add_argument("--attribution", metavar="PATTERN",
                   help="quote attribution, default '({respondent_type}, {gezin})' (word)")
    g.add_argument("--respondent-only", action="store_true",
                   help="leave out fragments in interviewer turns")
    g.add_argument("--include-matrix", nargs="?", const="case", metavar="ROWS",
                   help="append the framework matrix with its cell summaries; rows case "
                        "(default), document or attribute:NAME (word)")
    g.add_argument("--survey-threshold", type=int, default=10, metavar="N",
                   help="questionnaire figures of fewer than N respondents are not shown, "
                        "default 10 (word)")
    g.add_argument("--survey-by", metavar="ATTR",
                   help="a second questionnaire table per value of ATTR, e.g. gemeente (word)")


def _themes(args: argparse.Namespace) -> tuple[str, ...]:
    raw = getattr(args, "themes", None) or ""
    return tuple(t.strip() for t in raw.split(",") if t.strip())


def _compare(args: argparse.Namespace) -> tuple[str | None, tuple[str, ...]]:
    raw = getattr(args, "compare", None)
    if not raw:
        return None, ()
    name, sep, values = raw.partition("=")
    if not name.strip():
        raise CliError(f"--compare takes ATTRIBUTE=VALUE1,VALUE2, not {raw!r}")
    return name.strip(), tuple(v.strip() for v in values.split(",") if v.strip()) if sep else ()


def _check_themes(project: Any, themes: tuple[str, ...]) -> None:
    known = {c.path.casefold() for c in project.codes.tree()}
    for t in themes:
        if t.strip("/").casefold() not in known and not t.isdigit():
            raise CliError(f"unknown code {t!r} in --themes")


def export_word(args: argparse.Namespace) -> int:
    from coding.project import Project
    from exports.chapter import ChapterOptions, write_chapter
    from exports.chapter_docx import TemplateError

    compare_attribute, compare_values = _compare(args)
    if args.template is not None and not args.template.is_file():
        raise CliError(f"template not found: {args.template}")
    if args.max_quotes < 0 or args.min_count < 0 or args.survey_threshold < 0:
        raise CliError("--max-quotes, --min-count and --survey-threshold cannot be negative")
    options = ChapterOptions(
        title=args.title, where=parse_where(args.where), per=args.per, themes=_themes(args),
        max_quotes_per_theme=args.max_quotes, min_count=args.min_count,
        compare_attribute=compare_attribute, compare_values=compare_values,
        template=args.template, respondent_only=args.respondent_only,
        include_matrix=args.include_matrix is not None,
        matrix_rows=args.include_matrix or "case",
        survey_threshold=args.survey_threshold, survey_by=args.survey_by,
        **({"attribution_pattern": args.attribution} if args.attribution else {}))
    with Project.open(args.project, readonly=True) as project:
        _check_themes(project, options.themes)
        try:
            written = write_chapter(project, options, args.out)
        except TemplateError as exc:
            raise CliError(str(exc)) from exc
    if options.per and not written:
        raise CliError(f"no documents have a value for {options.per!r}")
    emit(args, {"files": [str(p) for p in written]}, [f"written {p}" for p in written])
    return 0


def _table_export(args: argparse.Namespace, suffix: str) -> int:
    from coding.project import Project
    from exports.chapter import per_destination, per_values
    from exports.tables import write_csv, write_xlsx

    where = parse_where(args.where)
    themes = _themes(args)
    out: Path = args.out
    written: list[Path] = []
    with Project.open(args.project, readonly=True) as project:
        _check_themes(project, themes)
        jobs = [(where, out if out.suffix or not out.is_dir() else out / f"fragmenten{suffix}")]
        if args.per:
            values = per_values(project, args.per, where)
            if not values:
                raise CliError(f"no documents have a value for {args.per!r}")
            jobs = [(where + ((args.per, v),), per_destination(out, v, "fragmenten", suffix))
                    for v in values]
        for job_where, dest in jobs:
            if suffix == ".xlsx":
                written.append(write_xlsx(project, dest, where=job_where, themes=themes,
                                          respondent_only=args.respondent_only))
            else:
                written.append(write_csv(project, dest, where=job_where, themes=themes,
                                         respondent_only=args.respondent_only))
    emit(args, {"files": [str(p) for p in written]}, [f"written {p}" for p in written])
    return 0


def export_xlsx(args: argparse.Namespace) -> int:
    return _table_export(args, ".xlsx")


def export_csv(args: argparse.Namespace) -> int:
    return _table_export(args, ".csv")
