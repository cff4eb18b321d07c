"""Running a parsed command: JSON or readable output, and one-line errors (DESIGN.md section 7)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coding.access import PASSWORD, READ_ONLY, SERVER_PASSWORD
from importers.base import TranscriptImportError
from models.errors import DuidingError, PasswordNeededError
from models.location import is_server_location


class CliError(Exception):
    """A user error on the command line: printed as one line, exit code 1."""


def emit(args: argparse.Namespace, data: Any, text: str | list[str]) -> None:
    """Print `data` as JSON with --json, else the human-readable text."""
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        lines = text if isinstance(text, list) else [text]
        for line in lines:
            print(line)


def one_line(text: object) -> str:
    """A message as one line: a newline or other control character (in a file name, say) is
    shown escaped instead of splitting the line."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def run_command(parser: argparse.ArgumentParser, argv: Sequence[str]) -> int:
    add_read_only(parser)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    token = READ_ONLY.set(bool(getattr(args, "read_only", False)))
    password_token = PASSWORD.set(ask_password)
    server_token = SERVER_PASSWORD.set(None)
    try:
        try:
            return int(args.func(args) or 0)
        except PasswordNeededError as exc:
            # libpq found no password (.pgpass, PGPASSFILE, PGPASSWORD): ask once, keep it in
            # memory for this command only. Without a terminal the message says what to do.
            if not sys.stdin.isatty():
                raise
            print(one_line(f"duiding {args.command}: {exc}"), file=sys.stderr)
            SERVER_PASSWORD.set(getpass.getpass("Password: "))
            return int(args.func(args) or 0)
    except (CliError, DuidingError, TranscriptImportError) as exc:
        # A guard refusal says one line per finding; any other error is one line, a newline
        # in a file name shown escaped.
        lines = str(exc).splitlines() if hasattr(exc, "findings") else [str(exc)]
        for line in lines or [""]:
            print(f"duiding {args.command}: {one_line(line)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"duiding {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`duiding segments … | head`): end quietly, as Unix tools do,
        # and keep Python from complaining while it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:
        name = Path(exc.filename).name if getattr(exc, "filename", None) else ""
        print(one_line(f"duiding {args.command}: {name + ': ' if name else ''}"
                       f"{exc.strerror or exc}"), file=sys.stderr)
        return 1
    finally:
        SERVER_PASSWORD.reset(server_token)
        PASSWORD.reset(password_token)
        READ_ONLY.reset(token)


def project_location(value: str) -> Path | str:
    """A project argument: a file's path, or a team project's postgresql:// URL (kept as it
    is: a Path would fold its '//') or .duiding-team connection file."""
    return value if value.startswith(("postgresql://", "postgres://")) else Path(value)


ENCRYPT_FILES_ONLY = ("Duiding encrypts project files only; a server's administrator encrypts its "
                      "disks and backups, and sslmode=require its connections")


def project_file(location: Path | str, what: str) -> Path:
    """A command that works on a project file only (encrypting it, say): a team project on a
    server is refused in one line saying why."""
    if is_server_location(location):
        raise CliError(f"{location} is a team project on a server, not a file: {what}")
    return Path(location)


def ask_password(path: Path) -> str | None:
    """The command line's password for an encrypted project: $DUIDING_PASSWORD, else a prompt
    in a terminal (a script without either gets the store's one-line refusal)."""
    env = os.environ.get("DUIDING_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"Wachtwoord voor {path.name}: ") or None


def add_project(p: argparse.ArgumentParser) -> None:
    p.add_argument("project", type=project_location,
                   help="project file (.duiding), team project URL (postgresql://HOST/DB) or "
                        "connection file (.duiding-team)")


def add_read_only(parser: argparse.ArgumentParser) -> None:
    """Give every command that takes a project a ``--read-only`` option (see `run_command`)."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for name, sub in action.choices.items():
            dests = {a.dest for a in sub._actions}
            if name == "new" or "project" not in dests or "read_only" in dests:
                continue
            sub.add_argument(
                "--read-only", action="store_true",
                help="open the project read-only: no lock, nothing changed (also for a file "
                     "or folder you cannot write to)")


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output on stdout")


def span_from_args(args: argparse.Namespace, text: str, doc_name: str) -> tuple[int, int]:
    """The span `--quote TEXT` (occurring exactly once) or `--start N --end N` names."""
    if args.quote is not None:
        if args.start is not None or args.end is not None:
            raise CliError("give either --quote or --start/--end, not both")
        first = text.find(args.quote)
        if first < 0 or not args.quote:
            raise CliError(f"quote not found in {doc_name}")
        if text.find(args.quote, first + 1) >= 0:
            raise CliError(f"quote occurs more than once in {doc_name}; make it longer")
        return first, first + len(args.quote)
    if args.start is not None and args.end is not None:
        return int(args.start), int(args.end)
    raise CliError("give --quote TEXT or --start N --end N")


def parse_where(items: list[str] | None) -> tuple[tuple[str, str], ...]:
    out = []
    for item in items or []:
        if "=" not in item:
            raise CliError(f"--where takes ATTRIBUTE=VALUE, not {item!r}")
        name, value = item.split("=", 1)
        out.append((name.strip(), value.strip()))
    return tuple(out)


def new_password(path: Path) -> str:
    """A password for a new encryption: $DUIDING_PASSWORD, else typed twice in a terminal."""
    env = os.environ.get("DUIDING_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError(f"{path.name}: no password; set DUIDING_PASSWORD or run in a terminal")
    first = getpass.getpass(f"Nieuw wachtwoord voor {path.name}: ")
    if not first:
        raise CliError("a password cannot be empty; nothing was changed")
    if getpass.getpass("Herhaal het wachtwoord: ") != first:
        raise CliError("the passwords differ; nothing was changed")
    return first
