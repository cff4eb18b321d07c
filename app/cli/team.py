"""Team projects on a PostgreSQL server: ``duiding team …`` for the projectleider, and the way
between a file and a server: ``duiding push FILE SERVER``, ``duiding clone SERVER FILE``.

    duiding team add-user SERVER LOGIN --role codeur|lezer|projectleider [--coder NAME]
    duiding team role SERVER LOGIN ROLE
    duiding team list SERVER [--json]
    duiding team blind SERVER on|off           (off: reveal everyone's fragments)
    duiding team connection-file SERVER FILE.duiding-team

SERVER is a ``postgresql://HOST/DB`` URL or a ``.duiding-team`` connection file. A new login's
password is asked twice at the terminal (or read from stdin with ``--password-stdin``) and goes
to the server only; ``--no-password`` makes a login without one (the server's administrator
uses another way to sign in, e.g. certificates).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli.output import CliError, add_json, add_project, emit, project_location
from coding.project import Project
from coding.team import ROLES, TeamManager, clone, push
from models.location import parse_location, write_connection_file


def register(sub: Any) -> None:
    p = sub.add_parser("team", help="members and blind coding of a team project (projectleider)")
    team = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)

    a = team.add_parser("add-user", help="give a user a role (creating the login if needed)")
    add_project(a)
    a.add_argument("login", help="the user's login name on the server")
    a.add_argument("--role", choices=ROLES, required=True)
    a.add_argument("--coder", help="the coder name their fragments carry (default: the login)")
    secret = a.add_mutually_exclusive_group()
    secret.add_argument("--password-stdin", action="store_true",
                        help="read the new login's password from stdin")
    secret.add_argument("--no-password", action="store_true",
                        help="make the login without a password")
    add_json(a)
    a.set_defaults(func=cmd_add_user)

    r = team.add_parser("role", help="change a member's role")
    add_project(r)
    r.add_argument("login")
    r.add_argument("role", choices=ROLES)
    r.set_defaults(func=cmd_role)

    li = team.add_parser("list", help="the project's members and their roles")
    add_project(li)
    add_json(li)
    li.set_defaults(func=cmd_list)

    b = team.add_parser("blind", help="blind coding: on (each codeur sees only their own "
                                      "fragments) or off (reveal)")
    add_project(b)
    b.add_argument("state", choices=("on", "off"))
    b.set_defaults(func=cmd_blind)

    c = team.add_parser("connection-file", help="write a .duiding-team file (no password)")
    c.add_argument("project", type=project_location, help="postgresql://HOST/DB")
    c.add_argument("file", type=Path)
    c.set_defaults(func=cmd_connection_file)

    p = sub.add_parser("push", help="upload a project file as a new team project on a server")
    p.add_argument("file", type=Path, help="project file (.duiding)")
    p.add_argument("server", type=project_location,
                   help="postgresql://HOST/DB or a .duiding-team connection file")
    add_json(p)
    p.set_defaults(func=cmd_push)

    p = sub.add_parser("clone", help="take an offline copy of a team project into a file")
    p.add_argument("server", type=project_location,
                   help="postgresql://HOST/DB or a .duiding-team connection file")
    p.add_argument("file", type=Path, help="the new project file (.duiding)")
    add_json(p)
    p.set_defaults(func=cmd_clone)


def _team(project: Project) -> TeamManager:
    return TeamManager(project)


def _new_password(args: argparse.Namespace) -> str | None:
    if args.no_password:
        return None
    if args.password_stdin:
        value = sys.stdin.readline().rstrip("\n")
    elif sys.stdin.isatty():
        value = getpass.getpass(f"New password for {args.login}: ")
        if getpass.getpass("Again: ") != value:
            raise CliError("the two passwords differ; nothing was changed")
    else:
        raise CliError("give the new login's password with --password-stdin (or --no-password)")
    if not value:
        raise CliError("an empty password is not allowed; use --no-password for none")
    return value


def cmd_add_user(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        team = _team(project)
        exists = args.login in {m.login for m in team.members()}
        password = None if exists else _new_password(args)
        created = team.add_user(args.login, args.role, password=password, coder=args.coder)
    what = "created and added" if created else "added"
    emit(args, {"login": args.login, "role": args.role, "created": created},
         f"{args.login}: {what} as {args.role}")
    return 0


def cmd_role(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        _team(project).set_role(args.login, args.role)
    print(f"{args.login}: now {args.role}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with Project.open(args.project, readonly=True) as project:
        team = _team(project)
        members = team.members()
        blind = team.blind()
    data = {"blind": blind, "members": [asdict(m) for m in members]}
    lines = [f"{m.login:<20} {m.role:<14} {m.coder}" for m in members]
    lines.append(f"blind coding: {'on' if blind else 'off'}")
    emit(args, data, lines)
    return 0


def cmd_blind(args: argparse.Namespace) -> int:
    with Project.open(args.project) as project:
        _team(project).set_blind(args.state == "on")
    print("blind coding on: each codeur sees only their own fragments" if args.state == "on"
          else "blind coding off: everyone's fragments are revealed")
    return 0


def cmd_connection_file(args: argparse.Namespace) -> int:
    target = parse_location(args.project)
    if isinstance(target, Path):
        raise CliError(f"{args.project}: give a postgresql://HOST/DB address")
    path = write_connection_file(args.file, target)
    print(f"{path.name}: connection to {target.name} (no password inside)")
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    report = push(args.file, args.server)
    emit(args, report.as_json(), f"{report.source} -> {report.target}: "
         f"{report.rows.get('documents', 0)} documents, {report.rows.get('segments', 0)} "
         f"fragments, {report.rows.get('codes', 0)} codes")
    return 0


def cmd_clone(args: argparse.Namespace) -> int:
    report = clone(args.server, args.file)
    emit(args, report.as_json(), f"{report.source} -> {report.target}: "
         f"{report.rows.get('documents', 0)} documents, {report.rows.get('segments', 0)} "
         f"fragments (bring work back with: duiding merge SERVER {args.file})")
    return 0
