"""The project store: one `.duiding` SQLite file, opened by one writer at a time.

Everything about project files lives here: the single-writer lock, creating a file atomically,
checking a file before SQLite touches it, backups before upgrades. Its engine (WAL journal,
foreign keys, synchronous=FULL: a commit the user saw acknowledged survives a crash or a dying
laptop battery) comes from ``models.engines``; sessions from ``models.sessions``. A team
project on a PostgreSQL server is ``models.server_store.ServerStore``. Alembic
owns the schema (``models.upgrade``): a new file is built under a temporary name and moved into
place only when complete; an older file is backed up and then upgraded in one transaction; a
read-only look at an older file upgrades an in-memory copy and leaves the file alone.

Before SQLite is let near a file, the file is checked: a 0-byte or foreign file is refused as it
is (SQLite would otherwise turn an empty file into a database), and a file or folder Duiding may
not write to is refused for writing with a sentence saying so, instead of a failure at the
first change.

An encrypted project (SQLCipher, ``models.cipher``) is the same file with every page encrypted:
the store is given a `Cipher` (the password, in memory only) and everything above works the same
way, its backups encrypted with the same password. Deleted rows are overwritten in place
(``secure_delete``), and `scrub` rewrites the file and empties its WAL, so that removed text
(a withdrawn respondent) leaves no trace in the file. (A team project on a server has neither:
its encryption and the traces it leaves are the server's, see `ServerStore`.)
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from models.cipher import Cipher, PasswordRequiredError, looks_encrypted
from models.engines import sqlite_engine
from models.errors import (
    ProjectExistsError,
    ProjectFormatError,
    ProjectLockedError,
    ProjectNotFoundError,
    ReadOnlyProjectError,
)
from models.sessions import StoreBase
from models.upgrade import (
    StepHook,
    alembic_config,
    backup_before_upgrade,
    head_revision,
    known_revisions,
    upgrade_file,
    upgraded_copy_in_memory,
)

__all__ = ["SUFFIX", "ProjectStore", "alembic_config", "head_revision"]

SUFFIX = ".duiding"
SQLITE_MAGIC = b"SQLite format 3\x00"


def _make_engine(path: Path, readonly: bool, immutable: bool = False,
                 cipher: Cipher | None = None) -> Engine:
    return sqlite_engine(path, readonly, immutable, cipher)


def _shown(name: object) -> str:
    """A file name in a one-line message: control characters (a newline) shown escaped."""
    text = str(name)
    return text if text.isprintable() else "".join(
        ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _one_line(exc: BaseException) -> str:
    """The driver's own words ('file is not a database'), without SQLAlchemy's SQL and links."""
    orig = getattr(exc, "orig", None) or exc
    return " ".join(str(orig).split()) or type(orig).__name__


def _check_is_database(path: Path) -> None:
    """Refuse a file SQLite would misread or rewrite: empty, or not an SQLite database."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ProjectNotFoundError(f"{_shown(path.name)} cannot be read ({exc.strerror or exc}).",
                                   path=str(path)) from None
    if not head:
        raise ProjectFormatError(
            f"{_shown(path.name)} is empty (0 bytes), so it is not a Duiding project; if creating it "
            "was interrupted, delete it and create the project again.", path=str(path))
    if head != SQLITE_MAGIC:
        raise ProjectFormatError(f"{_shown(path.name)} is not a Duiding project (or it is damaged).",
                                 path=str(path))


def _check_writable(path: Path) -> None:
    """Duiding writes the file and, beside it, its journal (-wal, -shm) and lock file."""
    where = None
    if not os.access(path, os.W_OK):
        where = "the file is read-only"
    elif not os.access(path.parent, os.W_OK | os.X_OK):
        where = f"its folder {path.parent.name or path.parent} is read-only"
    if where:
        raise ReadOnlyProjectError(
            f"{_shown(path.name)} cannot be changed: {where}. Make it writable or copy the project to "
            "a folder you can write to; to look at it without changes, open it read-only "
            "(--read-only).", path=str(path))


class ProjectStore(StoreBase):
    """An open project file: its engine, its lock and a session factory."""

    def __init__(self, path: Path, engine: Engine, lock: FileLock | None, readonly: bool,
                 cipher: Cipher | None = None) -> None:
        super().__init__(engine, readonly)
        self.path = path
        self.cipher = cipher  # the password of an encrypted project, in memory only
        self._lock = lock
        self._watch: sqlite3.Connection | None = None  # see data_version()

    @property
    def name(self) -> str:
        return _shown(self.path.name)

    @property
    def title(self) -> str:
        return self.path.stem

    @property
    def location(self) -> str:
        return str(self.path)

    # -- opening -----------------------------------------------------------------------------

    @staticmethod
    def _acquire(path: Path) -> FileLock:
        lock = FileLock(str(path) + ".lock", timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise ProjectLockedError(
                f"{_shown(path.name)} is already open in another Duiding window or command; "
                "close it there first, or open this project read-only.",
                path=str(path),
            ) from None
        except OSError as exc:
            raise ReadOnlyProjectError(
                f"{_shown(path.name)} cannot be opened for changes: its lock file cannot be made "
                f"({exc.strerror or exc}).", path=str(path)) from None
        return lock

    @property
    def encrypted(self) -> bool:
        return self.cipher is not None

    @staticmethod
    def is_encrypted(path: Path | str) -> bool:
        """Whether opening `path` needs a password (an SQLCipher file, by its look)."""
        return looks_encrypted(Path(path))

    @classmethod
    def create(cls, path: Path | str,
               populate: Callable[[StoreBase], None] | None = None,
               cipher: Cipher | None = None) -> ProjectStore:
        """Build the file under a temporary name (schema, then ``populate``), then move it into
        place: a project file either does not exist or is complete."""
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise ProjectExistsError(f"{_shown(path.name)} already exists.", path=str(path))
        if not path.parent.is_dir():
            raise ProjectNotFoundError(f"folder {_shown(path.parent)} does not exist.", path=str(path))
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise ReadOnlyProjectError(
                f"{_shown(path.name)} cannot be created: the folder {_shown(path.parent)} is read-only.",
                path=str(path))
        lock = cls._acquire(path)
        building = path.with_name(f".{_shown(path.name)}.creating")
        try:
            _remove_database(building)  # left by an interrupted `new` of the same name
            upgrade_file(building, cipher=cipher)
            if populate is not None:
                store = cls(building, _make_engine(building, readonly=False, cipher=cipher),
                            None, False, cipher)
                try:
                    populate(store)
                finally:
                    store.engine.dispose()  # last connection: WAL checkpointed and removed
            _fsync(building)
            try:
                os.link(building, path)  # never replaces a file that appeared meanwhile
            except FileExistsError:
                raise ProjectExistsError(f"{_shown(path.name)} already exists.", path=str(path)) from None
            except OSError:  # a file system without hard links
                os.replace(building, path)
            _remove_database(building)
            _fsync_dir(path.parent)
            return cls(path, _make_engine(path, readonly=False, cipher=cipher), lock,
                       readonly=False, cipher=cipher)
        except BaseException:
            with contextlib.suppress(OSError):
                _remove_database(building)
            lock.release()
            raise

    @classmethod
    def open(cls, path: Path | str, readonly: bool = False,
             on_upgrade_step: StepHook | None = None,
             cipher: Cipher | None = None) -> ProjectStore:
        """Open a project file; an encrypted one needs its `cipher` (a plain one ignores it)."""
        path = Path(path)
        if not path.is_file():
            raise ProjectNotFoundError(f"{_shown(path)} does not exist.", path=str(path))
        if looks_encrypted(path):
            if cipher is None:
                raise PasswordRequiredError(
                    f"{_shown(path.name)} is encrypted: give its password (DUIDING_PASSWORD for "
                    "scripts).", path=str(path))
            cipher.connect(path, readonly=True).close()  # a wrong password fails here, once
        else:
            _check_is_database(path)
            cipher = None
        if readonly:
            return cls._open_readonly(path, cipher)
        _check_writable(path)
        lock = cls._acquire(path)
        try:
            engine = _make_engine(path, readonly=False, cipher=cipher)
            current = cls._revision(engine, path)
            store = cls(path, engine, lock, readonly=False, cipher=cipher)
            if current != head_revision():
                cls._refuse_unknown(path, current)
                store.backup_path = backup_before_upgrade(path, str(current), cipher)
                if on_upgrade_step is not None:
                    on_upgrade_step("backup")
                engine.dispose()  # the upgrade runs on its own connection
                upgrade_file(path, on_step=on_upgrade_step, cipher=cipher)
            return store
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_readonly(cls, path: Path, cipher: Cipher | None = None) -> ProjectStore:
        engine = _make_engine(path, readonly=True, cipher=cipher)
        try:
            current = cls._revision(engine, path)
        except ProjectFormatError:
            engine.dispose()
            # A WAL project in a folder we may not write to: SQLite cannot make its -shm file.
            # Without a -wal file there is nothing beyond the main file to read, so it can be
            # read as an unchanging file.
            if os.access(path.parent, os.W_OK) or not _readable_database(path):
                raise
            if path.with_name(path.name + "-wal").exists():
                raise ProjectFormatError(
                    f"{_shown(path.name)} cannot be read in this read-only folder: changes are still in "
                    f"its journal {_shown(path.name)}-wal. Copy the project together with that file to "
                    "a folder you can write to.", path=str(path)) from None
            engine = _make_engine(path, readonly=True, immutable=True, cipher=cipher)
            current = cls._revision(engine, path)
        if current == head_revision():
            return cls(path, engine, None, readonly=True, cipher=cipher)
        engine.dispose()
        cls._refuse_unknown(path, current)
        store = cls(path, upgraded_copy_in_memory(path, cipher=cipher), None, readonly=True,
                    cipher=cipher)
        store.upgraded_in_memory = True
        return store

    @staticmethod
    def _refuse_unknown(path: Path, current: str | None) -> None:
        if current not in known_revisions():
            raise ProjectFormatError(
                f"{_shown(path.name)} was made by a newer version of Duiding "
                f"(schema {current}); update Duiding to open it.", path=str(path))

    @staticmethod
    def _revision(engine: Engine, path: Path) -> str | None:
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1 FROM sqlite_master LIMIT 1"))
                has_version = conn.execute(text(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' "
                    "AND name = 'alembic_version'")).first() is not None
                rev = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                    if has_version else None
        except Exception as exc:  # sqlite3.DatabaseError: file is not a database, ...
            raise ProjectFormatError(
                f"{_shown(path.name)} is not a Duiding project (or it is damaged): {_one_line(exc)}.",
                path=str(path)) from exc
        if rev is None:
            raise ProjectFormatError(f"{_shown(path.name)} is not a Duiding project.", path=str(path))
        return str(rev)

    def revision(self) -> str | None:
        return self._revision(self.engine, self.path)

    # -- sessions ----------------------------------------------------------------------------

    def _translate(self, exc: Exception) -> Exception:
        if isinstance(exc, OperationalError) and \
                "readonly" in str(exc.orig).replace(" ", "").lower():
            return ReadOnlyProjectError(  # the file or folder became read-only while open
                f"{_shown(self.path.name)} cannot be changed: {_one_line(exc)}. Nothing was "
                "saved of this last change.", path=str(self.path))
        return super()._translate(exc)

    def data_version(self) -> int:
        """SQLite's `PRAGMA data_version`, read on a connection of its own: it changes whenever
        any other connection commits (another process, or one of this process's sessions), so a
        read-only window notices the writer's changes with one cheap query."""
        if self._watch is None:
            self._watch = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True,
                                          check_same_thread=False)
        return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    # -- leaving no trace --------------------------------------------------------------------------

    def scrub(self) -> None:
        """Rewrite the file so that nothing deleted survives in it: VACUUM (a fresh copy of the
        live rows only; its temporary copy is kept in memory), then empty the WAL journal
        (checkpoint TRUNCATE). Outside any transaction; other readers must be done."""
        if self.readonly:
            raise ReadOnlyProjectError(f"{self.path.name} is open read-only; nothing was changed.",
                                       path=str(self.path))
        if getattr(self._local, "session", None) is not None:
            raise RuntimeError("scrub() runs after the transaction, not inside it")
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.commit()  # the driver may hold an implicit transaction open
            for statement in ("PRAGMA secure_delete=ON", "PRAGMA temp_store=MEMORY",
                              "PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM",
                              "PRAGMA wal_checkpoint(TRUNCATE)"):
                raw.execute(statement).fetchall()

    def scrub_journal(self) -> None:
        """Empty the WAL journal into the file (checkpoint TRUNCATE)."""
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.commit()
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def backups(self) -> list[Path]:
        """The backups beside the project that opening it before an upgrade made."""
        return sorted(p for p in self.path.parent.glob(f"{self.path.stem}.backup-*{SUFFIX}")
                      if p.is_file())

    @contextmanager
    def read_backup(self, backup: Path) -> Iterator[Session]:
        """A read-only session on one of `backups()` (encrypted with this project's password
        when the project is): to see what a backup still holds."""
        cipher = self.cipher if looks_encrypted(backup) else None
        engine = _make_engine(backup, readonly=True, cipher=cipher)
        try:
            with Session(engine) as session:
                yield session
        finally:
            engine.dispose()

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        self.engine.dispose()
        if self._lock is not None and self._lock.is_locked:
            self._lock.release()
        self._lock = None


def _remove_database(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + extra).unlink(missing_ok=True)


def _readable_database(path: Path) -> bool:
    return os.access(path, os.R_OK)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows has no directory handles to flush; NTFS journals the rename
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
