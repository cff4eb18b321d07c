"""A team project: one database on a PostgreSQL server, many writers at once.

The same managers, commands and Alembic migrations as a project file; what differs is here:

- opening checks the server (reachable, password, a supported version, a Duiding project) and
  says what is wrong in one sentence (`server_error`), never with a driver traceback;
- a new project is built in one transaction (PostgreSQL DDL is transactional): schema, roles,
  policies and the first codebook appear together or not at all; creating the database itself
  is tried when it does not exist and the user may;
- every write transaction notes its transaction id. When the connection breaks while the
  commit is under way, the answer is lost but the server knows it: ``pg_xact_status`` tells
  whether the change was committed, so a change is neither lost nor saved twice when the
  connection comes back (a retried change starts from scratch only when it was not committed);
- refusals of row-level security become `PermissionDeniedError` naming the user's role.

An older project on the server is upgraded by the first projectleider who opens it (one
transaction, under an advisory lock so two openers never upgrade at once); others are told to
wait for that. A server has its own backups; no copy is made beside it.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from models.engines import APPLICATION_PREFIX, libpq_connect, postgres_engine
from models.errors import (
    AuthenticationError,
    ConnectionLostError,
    DuidingError,
    PasswordNeededError,
    PermissionDeniedError,
    ProjectExistsError,
    ProjectFormatError,
    ProjectNotFoundError,
    ServerError,
    ServerUnreachableError,
    UnsupportedServerError,
)
from models.location import ServerTarget
from models.sessions import StoreBase, one_line
from models.team import role_of
from models.upgrade import StepHook, head_revision, known_revisions, upgrade_connection

MIN_SERVER_VERSION = 130000  # PostgreSQL 13: pg_xact_status, EXECUTE FUNCTION triggers
UPGRADE_LOCK = "hashtext('duiding.schema.upgrade')"
IN_DOUBT_WAIT_S = 10.0


def check_server_version(version_num: int, server: str) -> None:
    if version_num < MIN_SERVER_VERSION:
        major = version_num // 10000
        raise UnsupportedServerError(
            f"the server {server} runs PostgreSQL {major}; Duiding needs PostgreSQL "
            f"{MIN_SERVER_VERSION // 10000} or newer. Ask the server's administrator.")


def _sqlstate(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(getattr(orig, "sqlstate", "") or "")


def is_disconnect(exc: BaseException) -> bool:
    """The connection broke (server gone, network down, backend terminated)."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    state = _sqlstate(exc)
    if state.startswith("08") or state in ("57P01", "57P02", "57P03"):
        return True
    import psycopg

    orig = getattr(exc, "orig", None) or exc
    return isinstance(orig, psycopg.OperationalError) and not state


def server_error(exc: BaseException, target: ServerTarget) -> DuidingError:
    """A connection failure as one sentence naming the server, database and user."""
    words = one_line(exc)
    low = words.lower()
    where = target.server
    if "no password supplied" in low:
        return PasswordNeededError(
            f"the server {where} asks a password for user {target.user}: type it when asked, "
            "or put it in your .pgpass file (PGPASSFILE); it is never kept in the project.")
    if "password authentication failed" in low or "authentication failed" in low:
        return AuthenticationError(
            f"the server {where} refused the password of user {target.user}.")
    if "role" in low and "does not exist" in low:
        return AuthenticationError(f"the server {where} has no user {target.user}.")
    if "database" in low and "does not exist" in low:
        return ProjectNotFoundError(
            f"there is no database {target.database} on {where}.", path=target.location)
    if "permission denied for database" in low or "connect privilege" in low \
            or "no pg_hba.conf entry" in low:
        return PermissionDeniedError(
            f"user {target.user} may not open {target.database} on {where}; ask the "
            "projectleider to add you (duiding team add-user).")
    if any(s in low for s in ("could not connect", "connection refused", "timeout expired",
                              "could not translate host name", "name or service not known",
                              "no route to host", "network is unreachable",
                              "connection timed out", "server closed the connection",
                              "connection is lost", "consuming input failed")):
        return ServerUnreachableError(
            f"cannot reach the server {where} ({_reason(low)}); check the address and your "
            "network or VPN.")
    if "ssl" in low:
        return ServerError(f"the server {where} refused the secure connection: {words}")
    return ServerError(f"{target.name}: {words}")


def _reason(low: str) -> str:
    for key, reason in (("refused", "connection refused"), ("timeout", "no answer in time"),
                        ("timed out", "no answer in time"),
                        ("translate host", "unknown host name"),
                        ("not known", "unknown host name"), ("closed", "connection closed")):
        if key in low:
            return reason
    return "no connection"


def _version(conn: Any) -> str | None:
    """The schema revision stored in the database (read without importing Alembic, as the
    file store does: opening a project stays fast)."""
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value is not None else None


class ServerStore(StoreBase):
    """An open team project on a PostgreSQL server."""

    kind = "server"

    def __init__(self, target: ServerTarget, engine: Engine, readonly: bool,
                 password: str | None, tag: str) -> None:
        super().__init__(engine, readonly)
        self.target = target
        self._password = password
        self.tag = tag  # this project's application_name: tells own notifications apart
        self.user = target.user
        self.role = ""  # projectleider | codeur | lezer (what the server grants this user)
        self.coder = ""  # the coder name the server knows this user by (duiding_me())
        self.server_version = ""

    # -- naming --------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.target.name

    @property
    def title(self) -> str:
        return self.target.database

    @property
    def location(self) -> str:
        return self.target.location

    @property
    def path(self) -> None:
        """A server project has no file (callers that need one check ``kind``)."""
        return None

    def raw_connection(self, **extra: Any) -> Any:
        """A new psycopg connection as this user (the change listener, team admin)."""
        return libpq_connect(self.target.conninfo, self._password, **extra)

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def _engine(cls, target: ServerTarget, password: str | None, readonly: bool
                ) -> tuple[Engine, str]:
        tag = APPLICATION_PREFIX + uuid.uuid4().hex[:12]
        engine = postgres_engine(target.conninfo, password or target.password, tag)
        if readonly:
            from sqlalchemy import event

            def read_only(dbapi_conn: Any, _record: object) -> None:
                with dbapi_conn.cursor() as cur:
                    cur.execute("SET default_transaction_read_only = on")
                dbapi_conn.commit()

            event.listen(engine, "connect", read_only)
        return engine, tag

    @classmethod
    def open(cls, target: ServerTarget, *, password: str | None = None, readonly: bool = False,
             on_upgrade_step: StepHook | None = None) -> ServerStore:
        engine, tag = cls._engine(target, password, readonly)
        store = cls(target, engine, readonly, password or target.password, tag)
        try:
            store._check_server()
            current = store.revision()
            if current is None:
                raise ProjectFormatError(
                    f"{target.name} holds no Duiding project; create one with "
                    f"duiding new {target.url}", path=target.location)
            if current != head_revision():
                store._upgrade(current, on_upgrade_step)
            store._who_am_i()
        except BaseException:
            engine.dispose()
            raise
        return store

    @classmethod
    def create(cls, target: ServerTarget, populate: Callable[[StoreBase], None] | None = None,
               *, password: str | None = None) -> ServerStore:
        """A new project in the database `target` names (created when missing and allowed).

        Refused when the database already holds a Duiding project or other tables."""
        engine, tag = cls._engine(target, password, False)
        store = cls(target, engine, False, password or target.password, tag)
        try:
            try:
                store._check_server()
            except ProjectNotFoundError:
                store._create_database()
                store._check_server()
            store._build(populate)
            store._who_am_i()
        except BaseException:
            engine.dispose()
            raise
        return store

    def _connect_error(self, exc: Exception) -> DuidingError:
        return server_error(exc, self.target)

    def _check_server(self) -> None:
        try:
            with self.engine.connect() as conn:
                num = int(conn.execute(text("SHOW server_version_num")).scalar_one())
                self.server_version = str(conn.execute(text("SHOW server_version")).scalar_one())
        except DBAPIError as exc:
            raise self._connect_error(exc) from None
        check_server_version(num, self.target.server)

    def _create_database(self) -> None:
        from psycopg import sql

        try:
            conn = libpq_connect(self.target.conninfo, self._password, dbname="postgres",
                                 autocommit=True)
        except Exception as exc:
            raise ProjectNotFoundError(
                f"there is no database {self.target.database} on {self.target.server}, and "
                f"it cannot be created from here ({one_line(exc)}); ask the server's "
                "administrator for an empty database that you own.",
                path=self.target.location) from None
        try:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(
                sql.Identifier(self.target.database)))
        except Exception as exc:
            raise PermissionDeniedError(
                f"there is no database {self.target.database} on {self.target.server} and "
                f"user {self.target.user} may not create one ({one_line(exc)}); ask the "
                "server's administrator for an empty database that you own.") from None
        finally:
            conn.close()

    def _build(self, populate: Callable[[StoreBase], None] | None) -> None:
        """Schema, roles, policies and the first content: one transaction."""
        try:
            with self.engine.connect() as conn, conn.begin():
                conn.execute(text(f"SELECT pg_advisory_xact_lock({UPGRADE_LOCK})"))
                if conn.execute(text("SELECT to_regclass('public.alembic_version')")).scalar():
                    raise ProjectExistsError(
                        f"{self.target.name} already holds a Duiding project.",
                        path=self.target.location)
                tables = conn.execute(text(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar_one()
                if tables:
                    raise ProjectExistsError(
                        f"{self.target.name} is not empty ({tables} tables); a team project "
                        "needs a database of its own.", path=self.target.location)
                upgrade_connection(conn)
                if populate is not None:
                    self._sessions = sessionmaker(bind=conn, expire_on_commit=False)
                    try:
                        populate(self)
                    finally:
                        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        except DBAPIError as exc:
            if "permission denied to create role" in str(exc).lower() or \
                    _sqlstate(exc) == "42501":
                raise PermissionDeniedError(
                    f"user {self.target.user} may not set up a team project in "
                    f"{self.target.name}: that needs the database's owner with the CREATEROLE "
                    f"privilege (for the project's roles) ({one_line(exc)}).") from None
            raise self._translate(exc) from None

    def revision(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                if not conn.execute(text("SELECT to_regclass('public.alembic_version')")).scalar():
                    return None
                return _version(conn)
        except DBAPIError as exc:
            raise self._translate(exc) from None

    def _upgrade(self, current: str | None, on_step: StepHook | None) -> None:
        if current not in known_revisions():
            raise ProjectFormatError(
                f"{self.target.name} was made by a newer version of Duiding (schema "
                f"{current}); update Duiding to open it.", path=self.target.location)
        if self.readonly:
            raise ProjectFormatError(
                f"{self.target.name} is from an older Duiding and must be upgraded first: "
                "the projectleider opens it once.", path=self.target.location)
        try:
            with self.engine.connect() as conn, conn.begin():
                conn.execute(text(f"SELECT pg_advisory_xact_lock({UPGRADE_LOCK})"))
                now = _version(conn)
                if now != head_revision():  # not done meanwhile by someone else
                    upgrade_connection(conn, "head", on_step)
        except DBAPIError as exc:
            if _sqlstate(exc) == "42501" or "must be owner" in str(exc).lower():
                raise ProjectFormatError(
                    f"{self.target.name} is from an older Duiding and must be upgraded by its "
                    "projectleider (the owner): ask them to open it once.",
                    path=self.target.location) from None
            raise self._translate(exc) from None
        if on_step is not None:
            on_step("commit")

    def _who_am_i(self) -> None:
        with self.read() as s:
            self.role, self.coder = role_of(s)
        if not self.role:
            raise PermissionDeniedError(
                f"user {self.user} has no role in {self.target.name}; ask the projectleider "
                "to add you (duiding team add-user).")

    # -- transactions --------------------------------------------------------------------------

    def _started(self, session: Session) -> None:
        self._local.xid = session.execute(text("SELECT pg_current_xact_id()::text")).scalar()

    def _commit(self, session: Session) -> None:
        xid = getattr(self._local, "xid", None)
        try:
            session.commit()
        except DBAPIError as exc:
            if not (xid and is_disconnect(exc)):
                raise
            status = self.outcome(xid)
            if status == "unknown":
                raise ConnectionLostError(
                    f"the connection to {self.target.server} was lost while this change was "
                    "being saved, and the server cannot be asked whether it was: look when "
                    "the server is back before doing it again.", in_doubt=True) from None
            if status != "committed":
                raise
        finally:
            self._local.xid = None

    def outcome(self, xid: str, wait: float = IN_DOUBT_WAIT_S) -> str:
        """What became of transaction `xid`: committed, aborted, or unknown (no answer)."""
        deadline = time.monotonic() + wait
        while True:
            try:
                conn = libpq_connect(self.target.conninfo, self._password, connect_timeout=3)
                try:
                    status = conn.execute("SELECT pg_xact_status(%s::xid8)", (xid,)).fetchone()
                finally:
                    conn.close()
                value = str(status[0]) if status and status[0] else "aborted"
                if value != "in progress":
                    return value
            except Exception:  # still unreachable: try again until the deadline
                pass
            if time.monotonic() > deadline:
                return "unknown"
            time.sleep(0.3)

    def _translate(self, exc: Exception) -> Exception:
        if isinstance(exc, DuidingError):
            return exc
        if is_disconnect(exc):
            return ConnectionLostError(
                f"the connection to {self.target.server} was lost; this last change was not "
                "saved. Duiding reconnects by itself: try again in a moment.")
        if _sqlstate(exc) == "42501":
            return PermissionDeniedError(
                f"your role in this project ({self.role or 'none'}) may not do this: "
                f"{one_line(exc)}. Nothing was changed.")
        if _sqlstate(exc) == "25006":  # read_only_sql_transaction
            return super()._translate(exc)
        return super()._translate(exc)
