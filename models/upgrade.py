"""Schema upgrades that are all or nothing, and the one backup taken before each.

Why this module exists: Python's sqlite3 driver (before 3.12) never opens a transaction for DDL,
so Alembic's ``CREATE TABLE`` of one migration step committed on its own and a kill between two
steps left a file that no later open could upgrade (``table matrix_cells already exists``).
Here the whole upgrade runs on a connection whose transactions we open ourselves
(``BEGIN IMMEDIATE`` … ``COMMIT``): SQLite DDL is transactional, so a kill at any point leaves
the file exactly at its old revision, and the next open simply upgrades again.

Foreign keys are switched off for the upgrade (SQLite ignores that pragma inside a transaction,
so it is set before ``BEGIN``) because Alembic's batch mode rebuilds a table by copy, drop and
rename, and dropping a parent table with foreign keys on would cascade into its children. The
result is checked with ``PRAGMA foreign_key_check`` before the commit (SQLite's documented
procedure for schema changes).

``upgrade_schema`` takes any engine whose connections it may use this way. The project store
hands it a SQLite file (or an in-memory copy for a read-only look at an older file); a future
PostgreSQL or SQLCipher store passes its own engine (PostgreSQL DDL is transactional too).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool, StaticPool

from models.cipher import Cipher, dbapi
from models.errors import ProjectFormatError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

StepHook = Callable[[str], None]
"""Called with a stage name: ``backup`` (the backup is complete), each revision id after that
step ran (inside the transaction), ``commit`` (the upgrade is durable). Used by the kill test and
bench to stop the process at every boundary; it could feed a progress bar."""


# Alembic (with Mako behind it) is imported only to create or upgrade a project. Opening a
# project at the current revision -- what every command does -- compares the file's version with
# the head read straight from the migration scripts' `revision`/`down_revision` lines, which costs
# a few file reads instead of importing Alembic (tests/models/test_migrations.py checks that the
# two agree).
_REVISION = re.compile(r'^revision(?:: [^=]+)? = ["\']([^"\']+)["\']', re.M)
_DOWN = re.compile(r'^down_revision(?:: [^=]+)? = (?:["\']([^"\']+)["\']|None)', re.M)


@functools.lru_cache(maxsize=1)
def revision_graph() -> dict[str, str | None]:
    """{revision: the revision it revises} of every migration script."""
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        rev, down = _REVISION.search(text), _DOWN.search(text)
        if rev is not None and down is not None:
            graph[rev.group(1)] = down.group(1)
    return graph


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    graph = revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must form one chain; heads: {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(revision_graph())


def _own_transactions(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    dbapi_conn.isolation_level = None  # the driver opens no transaction; "begin" below does
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=OFF")  # only settable outside a transaction
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _begin_immediate(conn: Any) -> None:
    if conn.connection.driver_connection.isolation_level is None:  # still migrating
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def sqlite_migration_engine(url: str, creator: Callable[[], sqlite3.Connection] | None = None,
                            module: Any = None) -> Engine:
    """An engine whose every transaction is a real SQLite transaction, DDL included
    (`module`: the SQLCipher DB-API module when `creator` makes encrypted connections)."""
    extra = {"module": module} if module is not None else {}
    if creator is None:
        engine = create_engine(url, poolclass=NullPool)
    else:
        engine = create_engine(url, creator=creator, poolclass=StaticPool, **extra)
    event.listen(engine, "connect", _own_transactions)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def upgrade_schema(engine: Engine, revision: str = "head", on_step: StepHook | None = None) -> None:
    """Run every pending migration up to ``revision`` in ONE transaction: all or nothing."""
    with engine.begin() as conn:
        upgrade_connection(conn, revision, on_step)
    if on_step is not None:
        on_step("commit")


def upgrade_connection(conn: Connection, revision: str = "head",
                       on_step: StepHook | None = None) -> None:
    """Run the pending migrations inside the transaction `conn` is in (committed by the caller).

    The server store creates a project this way: schema and first content in one transaction.
    """

    def applied(*, step: Any, **_kw: Any) -> None:
        if on_step is not None:
            on_step(str(step.up_revision_id))

    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    cfg.attributes["on_version_apply"] = applied
    command.upgrade(cfg, revision)
    if conn.dialect.name == "sqlite":
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise ProjectFormatError(
                f"the schema upgrade would break {len(broken)} references between rows "
                f"(first in table {broken[0][0]}); nothing was changed")


def upgrade_file(path: Path, revision: str = "head", on_step: StepHook | None = None,
                 cipher: Cipher | None = None) -> None:
    """Upgrade a SQLite project file in place, atomically (encrypted with `cipher`, if given)."""
    url = f"sqlite:///{path.as_posix()}"
    if cipher is None:
        engine = sqlite_migration_engine(url)
    else:
        engine = sqlite_migration_engine(url, lambda: cipher.connect(path, check=False),
                                         module=dbapi())
    try:
        upgrade_schema(engine, revision, on_step)
    finally:
        engine.dispose()


def backup_name(path: Path, revision: str) -> Path:
    return path.with_name(f"{path.stem}.backup-schema-{revision}{path.suffix}")


def backup_before_upgrade(path: Path, revision: str, cipher: Cipher | None = None) -> Path:
    """A consistent copy (SQLite backup API, WAL included) beside the project file.

    One backup per upgrade: it is named after the revision it preserves and written under a
    temporary name first, then moved into place, so an interrupted backup or upgrade never
    leaves a half copy, and opening again after an interrupted upgrade replaces the copy of the
    same revision instead of adding another one.
    """
    dest = backup_name(path, revision)
    tmp = dest.with_name(f".{dest.name}.partial")
    tmp.unlink(missing_ok=True)
    if cipher is None:
        src = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    else:  # an encrypted project's backup is encrypted with the same password
        src = cipher.connect(path, readonly=True)
    try:
        dst = sqlite3.connect(tmp) if cipher is None else cipher.connect(tmp, check=False)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained single file
        finally:
            dst.close()
    finally:
        src.close()
    try:
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return dest


def upgraded_copy_in_memory(path: Path, on_step: StepHook | None = None,
                            cipher: Cipher | None = None) -> Engine:
    """An engine on an upgraded in-memory copy of ``path``: a read-only look at an older file
    that changes nothing on disk. Queries only (``query_only``) once upgraded."""
    module: Any = None
    if cipher is None:
        memory = sqlite3.connect(":memory:", check_same_thread=False)
        src = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            src.backup(memory)
        finally:
            src.close()
    else:  # decrypted into memory only: SQLCipher copies the attached file into ``main``
        module = dbapi()
        memory = module.connect(":memory:", check_same_thread=False)
        memory.execute(cipher.attach_statement(path, "src"))
        memory.execute("SELECT sqlcipher_export('main', 'src')")
        memory.execute("DETACH DATABASE src")
    engine = sqlite_migration_engine("sqlite://", creator=lambda: memory, module=module)
    upgrade_schema(engine, "head", on_step)
    memory.isolation_level = "DEFERRED"  # the driver's ordinary behaviour again, for reading
    memory.execute("PRAGMA foreign_keys=ON")
    memory.execute("PRAGMA query_only=ON")
    return engine
