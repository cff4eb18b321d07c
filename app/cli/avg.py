"""Privacy (AVG) commands: withdraw a respondent's consent, encrypt or decrypt a project.

``duiding withdraw PROJECT (--document NAME | --case NAME | --respondent ID) [--yes]`` shows
what will be removed (the same plan the workbench's dialog shows), asks before it removes it
unless ``--yes``, removes it in one transaction, wipes the file and, unless ``--keep-backups``,
the backups that still hold the respondent. ``--log`` lists earlier withdrawals.

``duiding encrypt PROJECT`` / ``duiding decrypt PROJECT`` convert a project (and its backups) to
and from an encrypted file. Passwords come from ``$DUIDING_PASSWORD`` or a prompt; never from an
option (it would stay in the shell's history) and never stored.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.output import (
    ENCRYPT_FILES_ONLY,
    CliError,
    add_json,
    add_project,
    ask_password,
    emit,
    new_password,
    project_file,
)
from coding.commands.withdraw import WithdrawConsent, withdrawals
from coding.project import Project, convert_encryption
from coding.withdrawal import WithdrawalPlan, plan_withdrawal


def register(sub: Any) -> None:
    p = sub.add_parser("withdraw", help="withdraw a respondent's consent: remove all their data")
    add_project(p)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--document", metavar="NAME", help="one document (interview)")
    who.add_argument("--case", metavar="NAME", help="a case (family) and all its documents")
    who.add_argument("--respondent", metavar="ID",
                     help="a respondent id: questionnaire respondent, respondent attribute, or "
                          "the first part of a document name (R07)")
    who.add_argument("--log", action="store_true", help="list earlier withdrawals")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--keep-backups", action="store_true",
                   help="leave the backups beside the project (they still hold the respondent)")
    add_json(p)
    p.set_defaults(func=cmd_withdraw)

    p = sub.add_parser("encrypt", help="encrypt a project file (and its backups) with a password")
    add_project(p)
    p.set_defaults(func=cmd_encrypt)

    p = sub.add_parser("decrypt", help="turn an encrypted project back into a plain file")
    add_project(p)
    p.set_defaults(func=cmd_decrypt)


def preview_lines(plan: WithdrawalPlan, keep_backups: bool = False) -> list[str]:
    lines = [f"Withdraw {plan.target}: this removes"]
    for d in plan.documents:
        lines.append(f"  document  {d.name} ({d.words} words)")
    for _i, name in plan.cases:
        lines.append(f"  case      {name} with its attributes")
    lines.append(f"  {plan.segments} coded fragments, {plan.events} help-history events, "
                 f"{plan.questionnaire_rows} questionnaire rows, {plan.attribute_values} "
                 f"attribute values, {plan.nlp_caches} NLP caches")
    for m in plan.memos:
        what = "memo" if m.removed else f"memo, {m.cut} passage(s) quoting them cut"
        lines.append(f"  {what:<10}{m.where}" + (f": {m.title}" if m.title else ""))
    for c in plan.cells:
        lines.append(f"  summary   {c.code} × {c.row}")
    if plan.key_entries or plan.names:
        lines.append(f"  {len(plan.key_entries)} pseudonym key entries and {len(plan.names)} "
                     "names that only they had")
    for b in plan.backups:
        lines.append(f"  backup    {b.name}" + (" (kept: --keep-backups)" if keep_backups else ""))
    lines.append("This cannot be undone. The project file is wiped afterwards; the withdrawal "
                 "is logged without content.")
    return lines


def cmd_withdraw(args: argparse.Namespace) -> int:
    with Project.open(args.project, readonly=args.log) as project:
        if args.log:
            log = withdrawals(project)
            emit(args, [{"date": d, "selector": k, "respondent": r, "by": b, "documents": n}
                        for d, k, r, b, n in log],
                 [f"{d}  {k} {r}  by {b}  ({n} documents)" for d, k, r, b, n in log]
                 or ["(no withdrawals)"])
            return 0
        plan = plan_withdrawal(project, document=args.document, case=args.case,
                               respondent=args.respondent)
        if not args.json:
            for line in preview_lines(plan, args.keep_backups):
                print(line)
        if not args.yes:
            if not sys.stdin.isatty():
                raise CliError("confirm with --yes (nothing was removed)")
            answer = input("Remove all of this? Type 'ja' to confirm: ").strip().casefold()
            if answer not in ("ja", "yes", "j", "y"):
                raise CliError("not confirmed; nothing was removed")
        command = WithdrawConsent.confirmed(plan, remove_backups=not args.keep_backups)
        project.execute(command)
    result = {**plan.as_json(), "removed_backups": command.removed_backups}
    emit(args, result, f"withdrawn: {len(plan.documents)} document(s); the file was wiped"
         + (f"; {len(command.removed_backups)} backup(s) removed" if command.removed_backups
            else ""))
    return 0


def cmd_encrypt(args: argparse.Namespace) -> int:
    args.project = project_file(args.project, ENCRYPT_FILES_ONLY)
    if not args.project.is_file():
        raise CliError(f"{args.project} does not exist")
    if Project.is_encrypted(args.project):
        raise CliError(f"{args.project.name} is already encrypted; nothing was changed")
    converted = convert_encryption(args.project, None, new_password(args.project))
    print(f"{args.project.name}: encrypted"
          + (f" (and {len(converted)} backup(s))" if converted else ""))
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    args.project = project_file(args.project, ENCRYPT_FILES_ONLY)
    if not args.project.is_file():
        raise CliError(f"{args.project} does not exist")
    if not Project.is_encrypted(args.project):
        raise CliError(f"{args.project.name} is not encrypted; nothing was changed")
    password = ask_password(args.project)
    if not password:
        raise CliError(f"{args.project.name}: no password; set DUIDING_PASSWORD or run in a "
                       "terminal")
    converted = convert_encryption(args.project, password, None)
    print(f"{args.project.name}: decrypted"
          + (f" (and {len(converted)} backup(s))" if converted else ""))
    return 0
