"""Memos on the command line: ``memo`` writes, shows or clears one; ``memos`` lists them all.

    duiding memo PROJECT (--code PATH | --document NAME | --case NAME | --project)
                 [--text T | --file F | --clear] [--json]
    duiding memos PROJECT [--json]

A memo is Markdown (`coding.memo_text`): paragraphs, **bold**, *italic*, lists, and references
to fragments as ``[label](fragment:GUID)`` (`duiding segments --json` gives each fragment's
``guid``). A memo file must be UTF-8 text (a BOM is fine); anything else is refused in one line,
before the project is touched. Writing is the undoable `SetMemo`, one transaction.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import CliError, add_json, add_project, emit
from coding.commands import SetMemo
from coding.memo_text import flatten, normalise, references, word_count
from coding.memos import MemoInfo, MemoTarget
from coding.project import Project

MAX_MEMO_BYTES = 2_000_000  # a chapter's worth many times over; a bigger file is a mistake


def register(sub: Any) -> None:
    p = sub.add_parser("memo", help="write, show or clear the memo on a code, document, case "
                                    "or the project")
    add_project(p)
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--code", metavar="PATH", help="a theme, e.g. toegang/wachttijd")
    target.add_argument("--document", metavar="NAME")
    target.add_argument("--case", metavar="NAME")
    target.add_argument("--project", dest="on_project", action="store_true",
                        help="the memo on the project as a whole")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--text", help="the memo text (Markdown)")
    action.add_argument("--file", type=Path, help="read the memo from a UTF-8 text file")
    action.add_argument("--clear", action="store_true", help="remove the memo")
    add_json(p)
    p.set_defaults(func=cmd_memo)

    p = sub.add_parser("memos", help="list every memo")
    add_project(p)
    add_json(p)
    p.set_defaults(func=cmd_memos)


def read_memo_file(path: Path) -> str:
    """The text of a memo file, or a CliError naming the file and the problem."""
    data = path.read_bytes()  # OSError (missing, unreadable) becomes one line in run_command
    if len(data) > MAX_MEMO_BYTES:
        raise CliError(f"{path.name}: too large for a memo ({len(data):,} bytes)")
    if b"\x00" in data:
        raise CliError(f"{path.name}: not a text file (it contains binary data); "
                       "save the memo as UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError(f"{path.name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at position "
                       f"{exc.start}); save the memo as UTF-8 text") from None


def _target(project: Project, args: argparse.Namespace) -> tuple[MemoTarget, str | None]:
    if args.code is not None:
        code = project.codes.by_path(args.code)
        return MemoTarget(code_id=code.id), code.path
    if args.document is not None:
        doc = project.documents.by_name(args.document)
        return MemoTarget(document_id=doc.id), doc.name
    if args.case is not None:
        cases = {name.casefold(): (cid, name) for cid, name, _docs in project.attributes.cases()}
        found = cases.get(args.case.strip().casefold())
        if found is None:
            raise CliError(f"unknown case {args.case!r}; see 'duiding documents' for the cases")
        return MemoTarget(case_id=found[0]), found[1]
    return MemoTarget(), None


def _as_json(info: MemoInfo, missing: set[str]) -> dict[str, Any]:
    refs = references(info.text)
    return {"target": info.target.kind, "name": info.name, "title": info.title,
            "text": info.text, "words": word_count(info.text), "references": refs,
            "missing_references": [g for g in refs if g in missing],
            "modified": info.modified, "guid": info.guid}


def _missing(project: Project, texts: list[str]) -> set[str]:
    wanted = {g for t in texts for g in references(t)}
    return wanted - set(project.segments.by_guids(wanted))


def cmd_memo(args: argparse.Namespace) -> int:
    new_text: str | None = None
    if args.file is not None:
        new_text = read_memo_file(args.file)  # refused before the project is opened
    elif args.text is not None:
        new_text = args.text
    elif args.clear:
        new_text = ""
    with Project.open(args.project, readonly=new_text is None) as project:
        target, name = _target(project, args)
        where = f"{target.kind} {name}" if name else "the project"
        if new_text is not None:
            command = SetMemo(target, normalise(new_text))
            command.detail = name or ""
            project.execute(command)
        info = next((m for m in project.memos.list() if m.target == target), None)
        missing = _missing(project, [info.text]) if info is not None else set()
    if info is None:
        emit(args, {"target": target.kind, "name": name, "text": ""},
             f"memo on {where}: cleared" if args.clear else f"no memo on {where}")
        return 0
    lines = ([f"memo on {where}: {word_count(info.text)} words"]
             if new_text is not None else [info.text])
    lines += [f"note: the memo refers to fragment {g}, which is not in the project"
              for g in sorted(missing)]
    emit(args, _as_json(info, missing), lines)
    return 0


def cmd_memos(args: argparse.Namespace) -> int:
    with Project.open(args.project, readonly=True) as project:
        memos = project.memos.list()
        missing = _missing(project, [m.text for m in memos])
    lines = []
    for m in memos:
        head = f"{m.target.kind} {m.name}" if m.name else "project"
        first = next((line for line in flatten(m.text).split("\n") if line.strip()), "")
        lines.append(f"{head} ({word_count(m.text)} words): "
                     f"{first[:80] + ('…' if len(first) > 80 else '')}")
    emit(args, [_as_json(m, missing) for m in memos], lines or ["(no memos)"])
    return 0
