"""Where database engines are made: the one place that knows how to talk to each engine.

Why one place: the file store and the server store differ only in how a connection is opened
and configured; everything above (sessions, migrations, the managers) works on any engine.
SQLCipher (encrypted files) is the SQLite engine with another DB-API module.

- ``sqlite_engine``: a project file. Foreign keys on, WAL journal, ``synchronous=FULL`` (a
  commit the user saw acknowledged survives a crash), ``secure_delete`` (deleted text is
  overwritten), busy timeout for a reader beside the writer; read-only opening by URI
  (``mode=ro`` or ``immutable=1``); an encrypted file through SQLCipher (``models.cipher``).
- ``postgres_engine``: a team project on a PostgreSQL server through psycopg 3. The connection
  string goes to libpq as it is, so every libpq parameter (``sslmode``, ``sslrootcert``,
  ``connect_timeout``, ``service`` …) and libpq's own password sources (``~/.pgpass``,
  ``PGPASSFILE``, ``PGPASSWORD``) work as with ``psql``. A password typed into a prompt is
  passed in memory only. Each engine tags its connections with an ``application_name`` unique
  to this open project, so the change notifications it receives from the server can tell its
  own writes from other people's.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError

from models.cipher import Cipher, dbapi

CONNECT_TIMEOUT_S = 10  # libpq default is "wait forever": a dead VPN would hang the window
APPLICATION_PREFIX = "duiding:"


def _sqlite_pragmas(readonly: bool) -> Callable[[sqlite3.Connection, object], None]:
    def configure(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        if not readonly:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA secure_delete=ON")  # deleted text is overwritten, not left free
        cur.close()

    return configure


def sqlite_engine(path: Path, readonly: bool, immutable: bool = False,
                  cipher: Cipher | None = None) -> Engine:
    """An engine on a project file (see the module docstring): plain SQLite, or SQLCipher with
    a key (`models.cipher`)."""
    if readonly:
        flags = "immutable=1" if immutable else "mode=ro"
        url = f"sqlite:///file:{path.as_posix()}?{flags}&uri=true"
    else:
        url = f"sqlite:///{path.as_posix()}"
    if cipher is None:
        engine = create_engine(url)
    else:  # same dialect and pool; connections (and their errors) from the SQLCipher module
        engine = create_engine(url, module=dbapi(), creator=lambda: cipher.connect(
            path, readonly=readonly, immutable=immutable, check=False, check_same_thread=False))
    event.listen(engine, "connect", _sqlite_pragmas(readonly))
    return engine


def libpq_connect(conninfo: str, password: str | None = None, **extra: Any) -> Any:
    """A raw psycopg connection (used by the engine, the change listener and team admin)."""
    import psycopg  # the server driver is only loaded when a server project is opened

    kwargs: dict[str, Any] = dict(extra)
    if password:
        kwargs["password"] = password
    if "connect_timeout" not in conninfo:
        kwargs.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    return psycopg.connect(conninfo, **kwargs)


def postgres_engine(conninfo: str, password: str | None, application_name: str,
                    pool_size: int = 4) -> Engine:
    """An engine on a PostgreSQL database (see the module docstring).

    A pooled connection that sat unused for a while is pinged before it is handed out
    (`IDLE_PING_S`), so a restarted server or a laptop back from sleep just works on the next
    action; one in steady use is not (a ping per action would cost a round trip on every
    coding: a connection that broke anyway fails the action, which is retried, see
    `coding.project.retrying`). Keepalives make a connection lost mid-session fail in seconds
    instead of hanging.
    """

    def connect() -> Any:
        return libpq_connect(conninfo, password, application_name=application_name,
                             keepalives=1, keepalives_idle=10, keepalives_interval=5,
                             keepalives_count=3)

    engine = create_engine("postgresql+psycopg://", creator=connect, pool_size=pool_size,
                           max_overflow=4, pool_timeout=15)
    event.listen(engine, "checkout", _ping_when_idle)
    event.listen(engine, "checkin", _note_use)
    return engine


IDLE_PING_S = 5.0


def _note_use(_dbapi_conn: Any, record: Any) -> None:
    if record is not None:
        record.info["used"] = time.monotonic()


def _ping_when_idle(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
    if time.monotonic() - record.info.get("used", 0.0) < IDLE_PING_S:
        return
    try:
        with dbapi_conn.cursor() as cur:
            cur.execute("SELECT 1")
        if not dbapi_conn.autocommit:
            dbapi_conn.rollback()
    except Exception as exc:  # gone: the pool makes a new connection (and tries again)
        raise DisconnectionError(str(exc)) from exc
