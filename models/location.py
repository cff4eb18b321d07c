"""Where a project lives: a ``.duiding`` file, or a database on a PostgreSQL server named by a
URL (``postgresql://HOST[:PORT]/DB?sslmode=require``) or by a small connection file
(``studie.duiding-team``) that the GUI's Open dialog and recent list understand.

A connection file is TOML and holds the address only, never a password::

    # Duiding team project: connection to a PostgreSQL server (no password in this file)
    url = "postgresql://db.hogeschool.nl/jeugdzorg2025?sslmode=require"
    user = "sanne"        # optional; else libpq's default (PGUSER, else your login name)

A password given inside a URL is used for that session only: it is stripped from everything
Duiding writes or shows (the recent list, window titles, connection files, messages).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from models.errors import ProjectFormatError, ProjectNotFoundError, ValidationError

TEAM_SUFFIX = ".duiding-team"
SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class ServerTarget:
    """A project database on a PostgreSQL server."""

    conninfo: str  # for libpq: the URL with any password removed, plus `user` when given
    url: str  # the same as a postgresql:// URL without user and password (shown, reopened)
    host: str
    port: str
    database: str
    user: str  # the login role as libpq will use it
    source: Path | None = None  # the connection file it was read from
    password: str | None = field(default=None, repr=False, compare=False)  # from the URL only

    @property
    def server(self) -> str:
        """'db.hogeschool.nl:5432' (what the GUI and messages show)."""
        return f"{self.host}:{self.port}" if self.port else self.host

    @property
    def name(self) -> str:
        """'jeugdzorg2025 op db.hogeschool.nl' in messages: the database and the server."""
        return f"{self.database} @ {self.server}"

    @property
    def location(self) -> str:
        """What reopens this project: the connection file, else the URL (without password)."""
        if self.source is not None:
            return str(self.source)
        return self.url.replace("postgresql://", f"postgresql://{quote(self.user)}@", 1) \
            if self.user and "@" not in self.url else self.url


def is_server_location(value: str | os.PathLike[str]) -> bool:
    text = str(value)
    return text.startswith(SCHEMES) or text.endswith(TEAM_SUFFIX)


def parse_location(value: str | os.PathLike[str]) -> Path | ServerTarget:
    """A project file's path, or the server database a URL or connection file names."""
    text = os.fspath(value)
    if text.startswith(SCHEMES):
        return server_target(text)
    path = Path(text)
    if path.suffix == TEAM_SUFFIX:
        return read_connection_file(path)
    return path


def server_target(url: str, user: str | None = None, source: Path | None = None) -> ServerTarget:
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    try:
        params = conninfo_to_dict(url)
    except Exception as exc:  # psycopg.ProgrammingError: a malformed URL
        raise ValidationError(f"{_safe(url)} is not a valid PostgreSQL address: "
                              f"{' '.join(str(exc).split())}") from None
    password = params.pop("password", None)
    if user:
        params["user"] = user
    database = str(params.get("dbname") or "")
    if not database:
        raise ValidationError(f"{_safe(url)} names no database: write "
                              "postgresql://HOST/DATABASE")
    host = str(params.get("host") or params.get("hostaddr") or "localhost")
    port = str(params.get("port") or "")
    login = str(params.get("user") or os.environ.get("PGUSER") or _login_name())
    conninfo = make_conninfo("", **{k: v for k, v in params.items() if v is not None})
    return ServerTarget(conninfo=conninfo, url=_url(params), host=host, port=port, database=database,
                        user=login, source=source, password=str(password) if password else None)


def read_connection_file(path: Path) -> ServerTarget:
    if not path.is_file():
        raise ProjectNotFoundError(f"{path} does not exist.", path=str(path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProjectFormatError(f"{path.name} is not a Duiding connection file: "
                                 f"{' '.join(str(exc).split())}", path=str(path)) from None
    url = data.get("url")
    if not isinstance(url, str) or not url.startswith(SCHEMES):
        raise ProjectFormatError(f"{path.name} has no url = \"postgresql://HOST/DATABASE\".",
                                 path=str(path))
    if "password" in data:
        raise ProjectFormatError(
            f"{path.name} contains a password; Duiding never reads or keeps passwords in a "
            "connection file. Remove it and use a .pgpass file or the password prompt.",
            path=str(path))
    target = server_target(url, user=data.get("user") or None, source=path.resolve())
    if target.password:
        raise ProjectFormatError(
            f"{path.name} has a password inside its URL; remove it (use a .pgpass file or the "
            "password prompt).", path=str(path))
    return target


def write_connection_file(path: Path, target: ServerTarget) -> Path:
    """Write a connection file for `target` (the password is never written)."""
    if path.suffix != TEAM_SUFFIX:
        path = path.with_name(path.name + TEAM_SUFFIX)
    from psycopg.conninfo import conninfo_to_dict

    user = conninfo_to_dict(target.conninfo).get("user")
    url = target.url
    lines = ["# Duiding team project: connection to a PostgreSQL server.",
             "# No password is kept here: use a .pgpass file (PGPASSFILE) or the prompt.",
             f"url = {_toml(url)}"]
    if user:
        lines.append(f"user = {_toml(str(user))}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _url(params: Mapping[str, object]) -> str:
    """A postgresql:// URL of the libpq parameters, without user and password."""
    rest = {k: v for k, v in params.items() if v is not None and k not in ("user", "password")}
    host = str(rest.pop("host", "") or "")
    port = rest.pop("port", None)
    authority = "" if "/" in host else (f"{host}:{port}" if port else host)
    if "/" in host:  # a Unix socket folder goes in the query
        rest["host"] = host
        if port:
            rest["port"] = port
    url = f"postgresql://{authority}/{quote(str(rest.pop('dbname')))}"
    if rest:
        url += "?" + "&".join(f"{k}={quote(str(v), safe='')}" for k, v in sorted(rest.items()))
    return url


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return "onbekend"


def _safe(url: str) -> str:
    """A URL as it may be shown: any password replaced by ***."""
    head, sep, rest = url.partition("://")
    if not sep or "@" not in rest.split("/", 1)[0]:
        return url
    auth, _, after = rest.partition("@")
    user = auth.split(":", 1)[0]
    return f"{head}://{user}:***@{after}" if ":" in auth else url
