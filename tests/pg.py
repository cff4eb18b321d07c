"""The real PostgreSQL server the test run starts itself, and project places on both stores.

``pg_server`` (session) starts a throwaway server from the ``pgserver`` wheel's binaries (see
bench/pg_local.py) with password authentication, and a login role ``leider`` (CREATEDB,
CREATEROLE: what a projectleider gets from a server's administrator). Passwords live in a
``.pgpass`` file named by ``PGPASSFILE``, the way Duiding expects users to keep them, so no test
URL carries a password. A server that cannot start fails the run with its reason; it is never
skipped.

Login roles are the server's, not a database's: they outlive the test that made them, so each
test module uses login names of its own (with one password each).

``places`` gives a test fresh project locations on one store: a file in ``tmp_path``, or a new
database on the session server (dropped after the test). Tests of the coding core take it
through the ``store`` parameter and so run on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

with warnings.catch_warnings():  # pgserver's import warns about XDG_RUNTIME_DIR
    warnings.simplefilter("ignore")
    from bench.pg_local import SUPERUSER, LocalServer

LEAD = "leider"
LEAD_PASSWORD = "leider-geheim"


@dataclass
class PgCluster:
    server: LocalServer
    pgpass: Path

    @property
    def port(self) -> int:
        return self.server.port

    def url(self, database: str, user: str = LEAD) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def admin(self, database: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(self.server.admin_url(database), autocommit=True)

    def connect(self, database: str, user: str, password: str | None = None
                ) -> psycopg.Connection:
        """A raw connection as `user` (for the row-level security tests: plain SQL)."""
        return psycopg.connect(host="127.0.0.1", port=self.port, dbname=database, user=user,
                               password=password, autocommit=True)

    def remember(self, user: str, password: str) -> None:
        """Put a password into the .pgpass file (as a user would)."""
        with self.pgpass.open("a") as handle:
            handle.write(f"127.0.0.1:{self.port}:*:{user}:{password}\n")

    def drop(self, database: str) -> None:
        with self.admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(database)))


def start_cluster(folder: Path) -> PgCluster:
    server = LocalServer(folder).start()
    pgpass = folder / "pgpass"
    pgpass.write_text("")
    pgpass.chmod(0o600)
    os.environ["PGPASSFILE"] = str(pgpass)
    cluster = PgCluster(server, pgpass)
    with cluster.admin() as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEDB CREATEROLE PASSWORD {}").format(
            sql.Identifier(LEAD), sql.Literal(LEAD_PASSWORD)))
    cluster.remember(LEAD, LEAD_PASSWORD)
    cluster.remember(SUPERUSER, server.admin_url().split(":")[2].split("@")[0])
    return cluster


@dataclass
class Places:
    """Fresh project locations on one store (``kind``: sqlite or postgresql)."""

    kind: str
    folder: Path
    cluster: PgCluster | None = None
    made: dict[str, str] = field(default_factory=dict)

    def new(self, name: str = "studie") -> str | Path:
        """A location no project has yet (create a project there)."""
        if self.cluster is None:
            return self.folder / f"{name}.duiding"
        database = f"t_{name.lower()[:20]}_{uuid.uuid4().hex[:8]}"
        self.made[name] = database
        return self.cluster.url(database)

    def location(self, name: str = "studie") -> str | Path:
        """Where `new(name)` put a project (to open it again)."""
        if self.cluster is None:
            return self.folder / f"{name}.duiding"
        return self.cluster.url(self.made[name])

    def database(self, name: str = "studie") -> str:
        return self.made[name]

    def cleanup(self) -> None:
        if self.cluster is not None:
            for database in self.made.values():
                self.cluster.drop(database)


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgCluster]:
    cluster = start_cluster(tmp_path_factory.mktemp("pg"))
    yield cluster
    cluster.server.stop()


def make_places(request: pytest.FixtureRequest, kind: str, folder: Path) -> Iterator[Places]:
    cluster = request.getfixturevalue("pg_server") if kind == "postgresql" else None
    places = Places(kind, folder, cluster)
    yield places
    places.cleanup()
