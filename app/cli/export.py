"""``duiding export FORMAT PROJECT OUT``: one command, every format (DESIGN.md section 7).

The command only parses options into an `exports.plan.ExportRequest` and prints what was written:
the plan (shared with the export dialog) decides what goes where and refuses what cannot be
written, so the command line and the GUI never write different files for the same choices.
Every export runs inside the pseudonymisation guard (``--allow-unreviewed`` lets names that
were detected but never applied through); a refusal is one stderr line per finding (document,
context, original), never a traceback. A project with documents never pseudonymised (or
detections not reviewed) is refused in one line naming the count and the first names found,
unless ``--allow-personal-data`` is given (issue #17).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.output import CliError, add_json, emit, parse_where, project_location
from coding.project import Project
from coding.pseudonymise.guard import allow_unreviewed
from coding.team import export_refusal
from exports.chapter import ChapterOptions
from exports.chapter_docx import TemplateError
from exports.plan import FORMATS, ExportRequest, run_export
from exports.qdpx import POSITIONS, QdpxExportError
from exports.qdpx_project import QdpxOptions


def register(sub: Any) -> None:
    p = sub.add_parser("export", help="export the project: " + ", ".join(FORMATS))
    p.add_argument("format", help="export format: " + ", ".join(FORMATS))
    p.add_argument("project", type=project_location,
                   help="project file (.duiding), team project URL or connection file")
    p.add_argument("out", type=Path, help="file (or folder, with --per) to write")
    p.add_argument("--where", action="append", metavar="ATTR=VALUE")
    p.add_argument("--per", metavar="ATTR", help="one file per value of this attribute")
    p.add_argument("--allow-unreviewed", action="store_true",
                   help="export even though detected names were never applied (pseudonymise "
                        "--apply, or rejecting them in the review, is the safe way)")
    p.add_argument("--allow-personal-data", action="store_true",
                   help="export even though documents were never pseudonymised or detected "
                        "names were not reviewed (their names go out with the export)")
    p.add_argument("--themes", metavar="PATH,...", help="only these codes and their sub-codes")
    p.add_argument("--respondent-only", action="store_true",
                   help="leave out fragments in interviewer turns")
    g = p.add_argument_group("word")
    g.add_argument("--title", default="Bevindingen", help="chapter title")
    g.add_argument("--template", type=Path, help=".docx or .dotx whose styles are used")
    g.add_argument("--max-quotes", type=int, default=4, metavar="N",
                   help="quotes per (sub)theme, default 4")
    g.add_argument("--min-count", type=int, default=0, metavar="N",
                   help="show respondent counts below N as '< N'")
    g.add_argument("--suppress-as", choices=["lt", "dash"], default="lt",
                   help="counts below --min-count read '< N' (lt, default) or '–' (dash)")
    g.add_argument("--name-coders", action="store_true",
                   help="name the coders in the method paragraph (default: not named)")
    g.add_argument("--compare", metavar="ATTR=V1,V2",
                   help="side-by-side counts, e.g. meting=2023,2024")
    g.add_argument("--attribution", metavar="PATTERN",
                   help="quote attribution, default '({respondent_type}, {gezin})'")
    g.add_argument("--include-matrix", nargs="?", const="case", metavar="ROWS",
                   help="append the framework matrix with its cell summaries; rows case "
                        "(default), document or attribute:NAME")
    g.add_argument("--include-history", nargs="?", const="", metavar="ATTR",
                   help="add 'Hulpgeschiedenis per gezin': each family's timeline and the "
                        "durations across families, split by ATTR when given")
    g.add_argument("--survey-threshold", type=int, default=10, metavar="N",
                   help="questionnaire figures of fewer than N respondents are not shown, "
                        "default 10")
    g.add_argument("--survey-by", metavar="ATTR",
                   help="a second questionnaire table per value of ATTR, e.g. gemeente")
    g = p.add_argument_group("qdpx, qdc")
    g.add_argument("--positions", choices=POSITIONS, default="codepoints",
                   help="how selection positions are counted: codepoints (the standard) or "
                        "utf16 (what NVivo counts; exact for texts with emoji)")
    g.add_argument("--qualified-names", action="store_true",
                   help="write 'parent/child' for code names that occur more than once "
                        "(QualCoder and ATLAS.ti merge codes that share a name)")
    add_json(p)
    p.set_defaults(func=cmd_export)


def _themes(args: argparse.Namespace) -> tuple[str, ...]:
    raw = args.themes or ""
    return tuple(t.strip() for t in raw.split(",") if t.strip())


def _compare(args: argparse.Namespace) -> tuple[str | None, tuple[str, ...]]:
    raw = args.compare
    if not raw:
        return None, ()
    name, sep, values = raw.partition("=")
    if not name.strip():
        raise CliError(f"--compare takes ATTRIBUTE=VALUE1,VALUE2, not {raw!r}")
    return name.strip(), tuple(v.strip() for v in values.split(",") if v.strip()) if sep else ()


def request_from(args: argparse.Namespace) -> ExportRequest:
    if args.format not in FORMATS:
        raise CliError(f"unknown export format {args.format!r} (known: {', '.join(FORMATS)})")
    if args.template is not None and not args.template.is_file():
        raise CliError(f"template not found: {args.template}")
    if args.max_quotes < 0 or args.min_count < 0 or args.survey_threshold < 0:
        raise CliError("--max-quotes, --min-count and --survey-threshold cannot be negative")
    compare_attribute, compare_values = _compare(args)
    options = ChapterOptions(
        title=args.title, where=parse_where(args.where), per=args.per, themes=_themes(args),
        max_quotes_per_theme=args.max_quotes, min_count=args.min_count,
        compare_attribute=compare_attribute, compare_values=compare_values,
        template=args.template, respondent_only=args.respondent_only,
        include_matrix=args.include_matrix is not None,
        matrix_rows=args.include_matrix or "case",
        include_history=args.include_history is not None,
        history_by=args.include_history or None,
        survey_threshold=args.survey_threshold, survey_by=args.survey_by,
        suppress_style=args.suppress_as, name_coders=args.name_coders,
        **({"attribution_pattern": args.attribution} if args.attribution else {}))
    return ExportRequest(args.format, args.out, options,
                         QdpxOptions(args.positions, args.qualified_names),
                         allow_personal_data=args.allow_personal_data)


def cmd_export(args: argparse.Namespace) -> int:
    request = request_from(args)
    with Project.open(args.project, readonly=True) as project:
        refusal = export_refusal(project)
        if refusal:
            raise CliError(refusal)
        try:
            with allow_unreviewed(args.allow_unreviewed):
                result = run_export(project, request)
        except (TemplateError, QdpxExportError) as exc:
            raise CliError(f"{args.out.name}: {exc}") from exc
    files = [str(p) for p in result.files]
    if result.duplicate_names and not result.qualified:
        names = ", ".join(f"{n} ({' and '.join(paths)})"
                          for n, paths in result.duplicate_names.items())
        print(f"duiding export: warning: code names occur more than once: {names}; QualCoder "
              f"and ATLAS.ti merge such codes; --qualified-names writes them as paths",
              file=sys.stderr)
    if result.counts:
        name = Path(files[0]).name
        summary = ", ".join(f"{n} {what}" for what, n in result.counts.items())
        extra = ({"positions": request.qdpx.positions, "duplicate_names": result.duplicate_names,
                  "qualified": result.qualified} if request.fmt in ("qdpx", "qdc") else {})
        emit(args, {"out": files[0], "files": files, **result.counts, **extra},
             f"{name}: {summary}")
    else:
        emit(args, {"files": files}, [f"written {p}" for p in files])
    return 0
