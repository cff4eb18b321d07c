"""The project file: created by Alembic, WAL and foreign keys on, one writer at a time."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from coding.project import Project
from models import Base
from models.errors import ProjectFormatError, ProjectLockedError, ProjectNotFoundError
from models.store import head_revision


# Alembic cannot compare an expression index on SQLite (it cannot reflect one), so it skips the
# sibling-name index of migration 0014 with a warning; the code-tree tests exercise that rule.
@pytest.mark.filterwarnings("ignore:.*uq_codes_sibling_name")
def test_new_project_schema_is_built_by_alembic_and_matches_the_models(tmp_path: Path) -> None:
    with Project.create(tmp_path / "a.duiding") as project:
        assert project.store.revision() == head_revision()
        with project.store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"


def test_wal_and_foreign_keys_are_on(tmp_path: Path) -> None:
    with Project.create(tmp_path / "a.duiding") as project, \
            project.store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_suffix_is_added_and_existing_file_is_not_overwritten(tmp_path: Path) -> None:
    with Project.create(tmp_path / "studie") as project:
        assert project.path.name == "studie.duiding"
    with pytest.raises(Exception, match="already exists"):
        Project.create(tmp_path / "studie.duiding")


def test_second_writer_in_same_process_is_refused_with_clear_message(tmp_path: Path) -> None:
    with Project.create(tmp_path / "a.duiding"):
        with pytest.raises(ProjectLockedError, match="a.duiding is already open"):
            Project.open(tmp_path / "a.duiding")
        # Read-only access stays possible while another writer has it open.
        with Project.open(tmp_path / "a.duiding", readonly=True) as ro:
            assert len(ro.codes.tree()) > 0
    with Project.open(tmp_path / "a.duiding"):  # released on close
        pass


def test_second_writer_in_another_process_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.duiding"
    Project.create(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from coding.project import Project;"
         f"p = Project.open({str(path)!r}); print('open', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(ProjectLockedError):
            Project.open(path)
    finally:
        holder.kill()
        holder.wait()
    with Project.open(path):  # the OS released the lock of the killed process
        pass


def test_missing_and_foreign_files_get_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ProjectNotFoundError, match="does not exist"):
        Project.open(tmp_path / "nope.duiding")
    junk = tmp_path / "junk.duiding"
    junk.write_bytes(b"this is no database" * 100)
    with pytest.raises(ProjectFormatError, match="junk.duiding is not a Duiding project"):
        Project.open(junk)
    other = tmp_path / "other.duiding"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(ProjectFormatError, match="not a Duiding project"):
        Project.open(other)


def test_project_from_a_newer_duiding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duiding"
    Project.create(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    with pytest.raises(ProjectFormatError, match="newer version of Duiding"):
        Project.open(path)


def test_store_is_thread_aware_for_workers(tmp_path: Path) -> None:
    import threading

    with Project.create(tmp_path / "a.duiding") as project:
        errors: list[BaseException] = []

        def worker() -> None:
            try:
                project.codes.add("uit een worker")
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        t = threading.Thread(target=worker)
        t.start()
        t.join()
        assert not errors
        assert any(c.name == "uit een worker" for c in project.codes.tree())
