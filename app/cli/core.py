"""Core commands: new, import, documents, codes, code, segments, stats, speakers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.output import (
    ENCRYPT_FILES_ONLY,
    CliError,
    add_json,
    add_project,
    emit,
    new_password,
    one_line,
    parse_where,
    project_file,
    span_from_args,
)
from coding.commands import ApplyCodes, EditSegment, SetRoleEverywhere, SetSpeaker
from coding.groups import GroupKind
from coding.project import Project
from coding.selection import single_piece
from coding.speaker_roles import guess_role
from coding.survey.kinds import count_by_kind, respondents_by_kind
from coding.types import SegmentFilter, SpeakerRole, Valence
from importers.batch import import_paths
from importers.qdpx_project import codebook_command

VALENCES = [v.value for v in Valence]


def register(sub: Any) -> None:
    p = sub.add_parser("new", help="create a project")
    add_project(p)
    p.add_argument("--codebook", default="jeugdhulp",
                   help="jeugdhulp (built in, default), empty, or a REFI-QDA .qdc file")
    p.add_argument("--title")
    p.add_argument("--encrypt", action="store_true",
                   help="encrypt the project file with a password ($DUIDING_PASSWORD or a "
                        "prompt; never stored)")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("import", help="import transcripts (files or folders)")
    add_project(p)
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--attributes", type=Path, help="respondent sheet (.csv or .xlsx)")
    add_json(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("documents", help="list documents with speakers, turns, attributes")
    add_project(p)
    add_json(p)
    p.set_defaults(func=cmd_documents)

    p = sub.add_parser("codes", help="the codebook as a tree")
    add_project(p)
    add_json(p)
    p.set_defaults(func=cmd_codes)

    p = sub.add_parser("code", help="code a fragment")
    add_project(p)
    p.add_argument("--document", required=True)
    p.add_argument("--quote", help="the exact text to code (must occur once)")
    p.add_argument("--start", type=int)
    p.add_argument("--end", type=int)
    p.add_argument("--code", action="append", required=True, dest="codes",
                   help="code path, e.g. toegang/wachttijd (repeat for several)")
    p.add_argument("--valence", choices=VALENCES, default="neutraal")
    p.add_argument("--coder")
    p.add_argument("--memo", default="")
    p.add_argument("--key-quote", action="store_true")
    add_json(p)
    p.set_defaults(func=cmd_code)

    p = sub.add_parser("segments", help="retrieve coded fragments")
    add_project(p)
    p.add_argument("--code", action="append", dest="codes", default=[])
    p.add_argument("--where", action="append", metavar="ATTR=VALUE")
    p.add_argument("--coder", action="append", dest="coders", default=[])
    p.add_argument("--valence", action="append", choices=VALENCES, default=[])
    p.add_argument("--document", action="append", dest="documents", default=[])
    p.add_argument("--case", action="append", dest="cases", default=[])
    p.add_argument("--key-quotes", action="store_true", help="only key quotes")
    add_json(p)
    p.set_defaults(func=cmd_segments)

    p = sub.add_parser("stats", help="segments and respondents per code")
    add_project(p)
    p.add_argument("--by", metavar="ATTR", help="split by an attribute, e.g. respondent_type")
    p.add_argument("--respondent-only", action="store_true",
                   help="leave out codings in interviewer turns")
    add_json(p)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("speakers", help="list speakers; rename them or set their role")
    add_project(p)
    p.add_argument("--document", help="one document (default: all)")
    p.add_argument("--role", action="append", default=[], metavar="LABEL=ROLE",
                   help="role interviewer|respondent|other; without --document for all documents")
    p.add_argument("--rename", action="append", default=[], metavar="OLD=NEW")
    add_json(p)
    p.set_defaults(func=cmd_speakers)


def open_project(args: argparse.Namespace, readonly: bool = False) -> Project:
    return Project.open(args.project, readonly=readonly, coder=getattr(args, "coder", None))


def cmd_new(args: argparse.Namespace) -> int:
    codebook = args.codebook
    qdc = None
    if codebook not in ("jeugdhulp", "empty"):
        qdc = Path(codebook)
        if qdc.suffix.lower() != ".qdc":
            raise CliError(f"--codebook takes jeugdhulp, empty or a .qdc file, not {codebook!r}")
        command = codebook_command(qdc)  # read (and refuse) before any project file exists
        codebook = "empty"
    password = new_password(project_file(args.project, ENCRYPT_FILES_ONLY)) if args.encrypt \
        else None
    with Project.create(args.project, codebook=codebook, title=args.title,
                        password=password) as project:
        if qdc is not None:
            project.execute(command)
        n = len(project.codes.tree())
        print(f"{project.name}: new {'encrypted ' if password else ''}project with {n} codes")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        summary = import_paths(project, args.files, attributes=args.attributes)
    lines = []
    for o in summary.outcomes:
        if o.status == "imported":
            lines.append(one_line(f"imported  {o.path.name}: {len(o.speakers)} speakers, "
                                  f"{o.turns} turns"))
        else:
            lines.append(one_line(f"{o.status:<9} {o.message}"))
    lines.append(f"{summary.count('imported')} imported, {summary.count('skipped')} skipped, "
                 f"{summary.count('failed')} failed")
    for row in summary.unmatched_rows:
        lines.append(f"note: sheet row {row!r} matches no imported file")
    emit(args, summary.as_json(), lines)
    failed = [o for o in summary.outcomes if o.status == "failed"]
    for o in failed:
        print(one_line(f"duiding import: {o.message}"), file=sys.stderr)
    return 1 if failed else 0


def cmd_documents(args: argparse.Namespace) -> int:
    with open_project(args, readonly=True) as project:
        docs = project.documents.list()
        groups = project.groups.names_by_member(GroupKind.DOCUMENT)
    data = [{"name": d.name, "format": d.format, "speakers": list(d.speakers), "turns": d.turns,
             "words": d.words, "case": d.case, "attributes": d.attributes,
             "groups": groups.get(d.id, [])} for d in docs]
    lines = [f"{d.name}  [{d.format}]  {d.words} words, {d.turns} turns, speakers: "
             f"{', '.join(d.speakers) or '-'}"
             + (f"  {', '.join(f'{k}={v}' for k, v in d.attributes.items())}" if d.attributes
                else "") for d in docs]
    emit(args, data, lines or ["(no documents)"])
    return 0


def cmd_codes(args: argparse.Namespace) -> int:
    with open_project(args, readonly=True) as project:
        tree = project.codes.tree()
        counts = project.codes.counts()
        groups = project.groups.names_by_member(GroupKind.CODE)

    def node(info: Any) -> dict[str, Any]:
        return {"name": info.name, "path": info.path, "colour": info.colour,
                "definition": info.definition, "shortcut": info.shortcut,
                "segments": counts.get(info.id, (0, 0))[0], "codable": info.is_codable,
                "groups": groups.get(info.id, []),
                "children": [node(c) for c in tree if c.parent_id == info.id]}

    data = [node(c) for c in tree if c.parent_id is None]
    lines = [f"{'  ' * c.depth}{c.name}  ({c.path}{', ' + c.shortcut if c.shortcut else ''})"
             + ("  [folder]" if not c.is_codable else "")
             + (f"  groups: {', '.join(groups[c.id])}" if c.id in groups else "")
             for c in tree]
    emit(args, data, lines or ["(empty codebook)"])
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        doc = project.documents.by_name(args.document)
        text = project.documents.text(doc.id)
        start, end = span_from_args(args, text, doc.name)
        # Never a speaker label or timestamp: cut to the turn text; a span across turns is
        # refused (one command, one fragment, one speaker).
        start, end = single_piece(project, doc.id, start, end)
        codes = [project.codes.by_path(p).id for p in args.codes]
        cmd = ApplyCodes(doc.id, start, end, codes, Valence(args.valence), memo=args.memo)
        project.execute(cmd)
        if args.key_quote:
            project.execute(EditSegment(cmd.doc_id, cmd.segment_id, key_quote=True))
        seg = project.segments.get(cmd.segment_id)
    emit(args, seg.as_json(), f"coded {doc.name} {seg.start}-{seg.end} with "
                              f"{', '.join(seg.codes)} ({args.valence}) as {seg.coder}")
    return 0


def cmd_segments(args: argparse.Namespace) -> int:
    with open_project(args, readonly=True) as project:
        cases = {name: cid for cid, name, _ in project.attributes.cases()}
        missing = [c for c in args.cases if c not in cases]
        if missing:
            raise CliError(f"unknown case {missing[0]!r}")
        f = SegmentFilter(
            code_ids=tuple(project.codes.by_path(p).id for p in args.codes),
            document_ids=tuple(project.documents.by_name(d).id for d in args.documents),
            attributes=parse_where(args.where), coders=tuple(args.coders),
            valences=tuple(Valence(v) for v in args.valence),
            case_ids=tuple(cases[c] for c in args.cases), key_quotes_only=args.key_quotes)
        segs = project.segments.query(f)
    lines = []
    for s in segs:
        head = f"{s.document} {s.start}-{s.end} [{', '.join(s.codes)}] " \
               f"{s.codings[0].valence.value if s.codings else ''} ({s.coder})"
        lines += [head, "    " + " ".join(s.text.split())]
    emit(args, [s.as_json() for s in segs], lines or ["(no segments)"])
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_project(args, readonly=True) as project:
        counts = project.stats.counts(args.by, respondent_only=args.respondent_only).rows
        totals = project.stats.totals()
        per_value = project.stats.documents_by_value(args.by) if args.by else {}
        quest = project.surveys.questionnaire_documents()
        all_ids = [d.id for d in project.documents.list()]
        kinds = {k.value: n for k, n in count_by_kind(all_ids, quest).items()}
        # With questionnaires in the project, counts say which respondents are which.
        split = respondents_by_kind(project.stats, all_ids, quest,
                                    respondent_only=args.respondent_only) if quest else {}
    codes = []
    for c in counts:
        entry = c.as_json()
        if split:
            entry["by_kind"] = {k.value: n for k, n in split.get(c.code_id, {}).items()}
        codes.append(entry)
    data = {"documents": totals["documents"], "segments": totals["segments"], "by": args.by,
            **({"documents_by_kind": kinds} if quest else {}),
            "documents_by_value": per_value, "codes": codes}
    lines = [f"{totals['documents']} documents, {totals['segments']} segments"
             + (f" ({kinds['interview']} interviews, {kinds['questionnaire']} questionnaire "
                "respondents)" if quest else "")]
    for c, entry in zip(counts, codes, strict=True):
        line = f"{'  ' * c.depth}{c.path}: {c.segments} segments, {c.documents} respondents"
        by_kind = entry.get("by_kind")
        if isinstance(by_kind, dict):
            line += (f" ({by_kind['interview']} interviewed, {by_kind['questionnaire']} "
                     "questionnaire respondents)")
        if args.by and c.by_value:
            line += "  | " + ", ".join(f"{v or '(leeg)'}: {cell.documents}"
                                       for v, cell in c.by_value.items() if cell.segments)
        lines.append(line)
    emit(args, data, lines)
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    # Only listing takes no write lock, so it works beside an open workbench.
    with open_project(args, readonly=not (args.role or args.rename)) as project:
        docs = [project.documents.by_name(args.document)] if args.document \
            else project.documents.list()
        for item in args.rename:
            if not args.document:
                raise CliError("--rename needs --document")
            old, _, new = item.partition("=")
            sp = next((s for s in project.documents.speakers(docs[0].id) if s.label == old), None)
            if sp is None:
                raise CliError(f"{docs[0].name} has no speaker {old!r}")
            project.execute(SetSpeaker(docs[0].id, sp.id, label=new))
        for item in args.role:
            label, _, role = item.partition("=")
            try:
                role_value = SpeakerRole(role.strip())
            except ValueError:
                raise CliError(f"role must be interviewer, respondent or other, not {role!r}") \
                    from None
            if args.document:
                sp = next((s for s in project.documents.speakers(docs[0].id)
                           if s.label == label), None)
                if sp is None:
                    raise CliError(f"{docs[0].name} has no speaker {label!r}")
                project.execute(SetSpeaker(docs[0].id, sp.id, role=role_value))
            else:
                project.execute(SetRoleEverywhere(label, role_value))
        data = {d.name: [{"label": s.label, "role": s.role.value,
                          "guess": guess_role(s.label).value, "turns": s.turns}
                         for s in project.documents.speakers(d.id)] for d in docs}

    def shown(s: dict[str, Any]) -> str:
        guessed = "" if s["guess"] == s["role"] else f"; guessed {s['guess']}"
        return f"{s['label']} ({s['role']}{guessed}, {s['turns']} turns)"

    lines = [f"{name}: " + ", ".join(shown(s) for s in speakers)
             for name, speakers in data.items()]
    emit(args, data, lines)
    return 0
