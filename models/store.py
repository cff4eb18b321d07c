"""The project store: one `.duiding` SQLite file, opened by one writer at a time.

Everything SQLite-specific lives here: WAL journal, foreign keys, synchronous=FULL (a commit the
user saw acknowledged survives a crash or a dying laptop battery), the single-writer lock and the
consistent backup taken before a schema upgrade. Alembic owns the schema: a new file is built by
running every migration, an older file is backed up and then upgraded.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock, Timeout
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

from models.errors import (
    ProjectExistsError,
    ProjectFormatError,
    ProjectLockedError,
    ProjectNotFoundError,
    ReadOnlyProjectError,
)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SUFFIX = ".duiding"


# Alembic (with Mako and Pygments behind it) is imported where a project file is created, opened
# or upgraded, not when this module is: the workbench shows its window half a second sooner.


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _on_connect(readonly: bool) -> Any:
    def configure(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        if not readonly:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    return configure


def _make_engine(path: Path, readonly: bool) -> Engine:
    if readonly:
        url = f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true"
    else:
        url = f"sqlite:///{path.as_posix()}"
    engine = create_engine(url)
    event.listen(engine, "connect", _on_connect(readonly))
    return engine


def backup_file(path: Path, label: str) -> Path:
    """A consistent copy (SQLite backup API, WAL included) beside the project file."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return dest


class ProjectStore:
    """An open project file: its engine, its lock and a session factory."""

    def __init__(self, path: Path, engine: Engine, lock: FileLock | None, readonly: bool) -> None:
        self.path = path
        self.engine = engine
        self.readonly = readonly
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._local = threading.local()  # the active write session of this thread, if any
        self.backup_path: Path | None = None  # set when opening upgraded an older file
        self._watch: sqlite3.Connection | None = None  # see data_version()

    # -- opening -----------------------------------------------------------------------------

    @staticmethod
    def _acquire(path: Path) -> FileLock:
        lock = FileLock(str(path) + ".lock", timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise ProjectLockedError(
                f"{path.name} is already open in another Duiding window or command; "
                "close it there first, or open this project read-only.",
                path=str(path),
            ) from None
        return lock

    @classmethod
    def create(cls, path: Path | str) -> ProjectStore:
        path = Path(path)
        if path.exists():
            raise ProjectExistsError(f"{path.name} already exists.", path=str(path))
        if not path.parent.exists():
            raise ProjectNotFoundError(f"folder {path.parent} does not exist.", path=str(path))
        from alembic import command

        lock = cls._acquire(path)
        try:
            engine = _make_engine(path, readonly=False)
            with engine.begin() as conn:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            return cls(path, engine, lock, readonly=False)
        except BaseException:
            lock.release()
            path.unlink(missing_ok=True)
            raise

    @classmethod
    def open(cls, path: Path | str, readonly: bool = False) -> ProjectStore:
        from alembic import command
        from alembic.script import ScriptDirectory

        path = Path(path)
        if not path.is_file():
            raise ProjectNotFoundError(f"{path} does not exist.", path=str(path))
        lock = None if readonly else cls._acquire(path)
        try:
            engine = _make_engine(path, readonly)
            current = cls._revision(engine, path)
            store = cls(path, engine, lock, readonly)
            head = head_revision()
            if current != head:
                if current not in {s.revision for s in ScriptDirectory.from_config(
                        alembic_config()).walk_revisions()}:
                    raise ProjectFormatError(
                        f"{path.name} was made by a newer version of Duiding "
                        f"(schema {current}); update Duiding to open it.", path=str(path))
                if readonly:
                    raise ReadOnlyProjectError(
                        f"{path.name} uses an older schema and must be upgraded; "
                        "open it normally (not read-only) once.", path=str(path))
                store.backup_path = backup_file(path, f"schema-{current}")
                with engine.begin() as conn:
                    cfg = alembic_config()
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
            return store
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @staticmethod
    def _revision(engine: Engine, path: Path) -> str | None:
        from alembic.runtime.migration import MigrationContext

        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1 FROM sqlite_master LIMIT 1"))
                rev = MigrationContext.configure(conn).get_current_revision()
        except Exception as exc:  # sqlite3.DatabaseError: file is not a database, ...
            raise ProjectFormatError(
                f"{path.name} is not a Duiding project (or it is damaged): {exc}", path=str(path)
            ) from exc
        if rev is None:
            raise ProjectFormatError(f"{path.name} is not a Duiding project.", path=str(path))
        return rev

    def revision(self) -> str | None:
        return self._revision(self.engine, self.path)

    # -- sessions ----------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: commits when the outermost block ends, rolls back when it raises.

        Nested `write()`/`read()` blocks in the same thread join the running transaction, so a
        compound user action (code all search hits, merge a project) commits as one.
        """
        if self.readonly:
            raise ReadOnlyProjectError(f"{self.path.name} is open read-only.")
        active: Session | None = getattr(self._local, "session", None)
        if active is not None:
            yield active
            return
        with self._sessions.begin() as session:
            self._local.session = session
            try:
                yield session
            finally:
                self._local.session = None

    @contextmanager
    def read(self) -> Iterator[Session]:
        active: Session | None = getattr(self._local, "session", None)
        if active is not None:
            yield active
            return
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def data_version(self) -> int:
        """SQLite's `PRAGMA data_version`, read on a connection of its own: it changes whenever
        any other connection commits (another process, or one of this process's sessions), so a
        read-only window notices the writer's changes with one cheap query."""
        if self._watch is None:
            self._watch = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True,
                                          check_same_thread=False)
        return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        self.engine.dispose()
        if self._lock is not None and self._lock.is_locked:
            self._lock.release()
        self._lock = None
