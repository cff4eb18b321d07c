"""Analysis commands: agreement and merge (DESIGN.md section 7).

`duiding stats` is the core module's (app/cli/core.py); these commands only call the services in
coding/analysis.py and coding/merge.py and print what they return. `duiding merge --plan` shows
the other projects' codes without a path here (with suggestions) and changes nothing; `--map
OTHER=OURS` then says where those codes go, as the GUI's mapping page does. Without `--map` an
unmatched code is created, as before: a suggestion is never applied unasked.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.output import CliError, add_json, add_project, emit, project_location
from coding.agreement import AgreementResult, CodeAgreement
from coding.analysis import AnalysisManager
from coding.merge import MergePlan, merge_projects, plan_merge
from coding.project import Project


def register(sub: Any) -> None:
    p = sub.add_parser("agreement", help="intercoder agreement per code (kappa, alpha, %%)")
    add_project(p)
    p.add_argument("--coders", nargs="+", required=True, metavar="NAME",
                   help="two coders (or more: character level only)")
    p.add_argument("--threshold", type=float, default=0.5,
                   help="segment level: minimal overlap ratio (Jaccard) of a match, 0-1")
    add_json(p)
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("merge", help="bring other coders' projects into this one")
    add_project(p)
    p.add_argument("others", nargs="+", type=project_location, metavar="OTHER_PROJECT")
    p.add_argument("--map", action="append", default=[], metavar="OTHER_PATH=OUR_PATH",
                   help="put the other projects' code OTHER_PATH onto our code OUR_PATH "
                        "(repeatable; OUR_PATH empty: create it)")
    p.add_argument("--plan", action="store_true",
                   help="list the other projects' codes without a match here, with suggestions; "
                        "change nothing")
    add_json(p)
    p.set_defaults(func=cmd_merge)


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _code_json(c: CodeAgreement, paths: dict[Any, str]) -> dict[str, Any]:
    return {
        "code": paths.get(c.code) if c.code is not None else None,
        "units": c.units,
        "percent_agreement": c.percent_agreement,
        "kappa": c.kappa,
        "alpha": c.alpha,
        "both": c.both,
        "only_first": c.only_first,
        "only_second": c.only_second,
        "neither": c.neither,
    }


def _result_json(r: AgreementResult, paths: dict[Any, str]) -> dict[str, Any]:
    return {
        "level": r.level,
        "documents": r.documents,
        "threshold": r.threshold,
        "per_code": [_code_json(c, paths) for c in r.per_code],
        "pooled": _code_json(r.pooled, paths),
        "averaged": _code_json(r.averaged, paths),
    }


def _lines(title: str, r: AgreementResult, paths: dict[Any, str]) -> list[str]:
    out = [title, f"  {'code':<40} {'eenheden':>10} {'% overeenst.':>12} {'kappa':>7} {'alpha':>7}"]
    rows = [(paths.get(c.code, str(c.code)), c) for c in r.per_code]
    rows += [("(alle codes samen)", r.pooled), ("(gemiddelde per code)", r.averaged)]
    for name, c in rows:
        pct = "-" if c.percent_agreement is None else f"{100 * c.percent_agreement:.1f}"
        out.append(f"  {name:<40} {c.units:>10} {pct:>12} {_figure(c.kappa):>7} {_figure(c.alpha):>7}")
    return out


def cmd_agreement(args: argparse.Namespace) -> int:
    if len(set(args.coders)) < 2:
        raise CliError("--coders needs at least two different coder names")
    if not 0.0 <= args.threshold <= 1.0:
        raise CliError("--threshold must lie between 0 and 1")
    with Project.open(args.project, readonly=True) as project:
        result = AnalysisManager(project).agreement(args.coders, args.threshold)
    paths = result.code_paths
    data = {
        "coders": list(result.coders),
        "documents": list(result.documents),
        "character": _result_json(result.character, paths),
        "segment": _result_json(result.segment, paths) if result.segment else None,
    }
    lines = [f"codeurs: {', '.join(result.coders)}; documenten door allen gecodeerd: "
             f"{len(result.documents)}"]
    lines += _lines("tekenniveau:", result.character, paths)
    if result.segment is not None:
        lines += _lines(f"segmentniveau (overlap >= {args.threshold}):", result.segment, paths)
    emit(args, data, lines)
    return 0


_REASONS = {
    "earlier_merge": "eerder samengevoegd",
    "same_name": "zelfde naam",
    "similar_name": "vergelijkbare naam",
    "create": "nieuwe code",
}


def _plan_lines(plan: MergePlan) -> list[str]:
    lines: list[str] = []
    for src in plan.sources:
        lines.append(f"{src.source}: {src.codes_matched} codes herkend, "
                     f"{len(src.unmatched)} zonder overeenkomst")
        for u in src.unmatched:
            target = u.target_path or "(nieuwe code)"
            lines.append(f"  {u.path} ({u.segments} fragmenten) -> {target} "
                         f"[{_REASONS[u.suggestion.value]}]")
    if plan.unmatched_paths():
        lines.append("kies met --map ANDER_PAD=ONS_PAD (herhaalbaar); zonder --map wordt een "
                     "nieuwe code gemaakt")
    return lines


def _mapping(project: Project, items: list[str]) -> dict[str, int | None]:
    mapping: dict[str, int | None] = {}
    for item in items:
        other, sep, ours = item.partition("=")
        if not sep or not other.strip():
            raise CliError(f"--map takes OTHER_PATH=OUR_PATH, not {item!r}")
        mapping[other.strip().strip("/")] = project.codes.by_path(ours).id if ours.strip() \
            else None
    return mapping


def cmd_merge(args: argparse.Namespace) -> int:
    if args.plan:
        with Project.open(args.project, readonly=True) as project:
            plan = plan_merge(project, args.others)
        emit(args, plan.as_json(), _plan_lines(plan))
        return 0
    with Project.open(args.project) as project:
        report = merge_projects(project, args.others, _mapping(project, args.map))
    data = report.as_json()
    lines = [
        f"samengevoegd: {', '.join(report.sources)}",
        f"  documenten: {len(report.documents_added)} nieuw, {report.documents_matched} herkend",
        f"  codes: {len(report.codes_added)} nieuw, {report.codes_matched} herkend, "
        f"{len(report.codes_mapped)} gekoppeld ({report.codings_mapped} coderingen)",
        f"  codeurs: {', '.join(report.coders) or '-'}",
        f"  segmenten: {report.segments_added} nieuw, {report.codings_added} codes toegevoegd, "
        f"{report.segments_already_present} al aanwezig",
        f"  memo's: {report.memos_added} nieuw; samenvattingen: {report.summaries_added} nieuw",
    ]
    emit(args, data, lines)
    return 0
