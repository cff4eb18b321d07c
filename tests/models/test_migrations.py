"""Every released schema has a fixture file; each upgrades to head, backed up once, data kept.

The upgrade is one transaction: a process killed at any boundary of it (after the backup, after
any migration step, after the commit) leaves a file that the next open upgrades normally.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from coding.memos import MemoTarget
from coding.project import Project
from models.errors import ReadOnlyProjectError
from models.store import ProjectStore
from models.upgrade import alembic_config, head_revision, upgrade_file

FIXTURE_DIR = Path(__file__).parent.parent / "fixtures"
FIXTURES = sorted(FIXTURE_DIR.glob("schema_*.duiding"))
REVISIONS = [s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()]
OLD = [f for f in FIXTURES if f.stem.removeprefix("schema_") != head_revision()]


def revision_of(fixture: Path) -> str:
    return fixture.stem.removeprefix("schema_")


def later_revisions(revision: str) -> list[str]:
    """The revisions an upgrade from `revision` applies, in order."""
    chain = list(reversed(REVISIONS))  # walk_revisions goes head first
    return chain[chain.index(revision) + 1:]


def assert_work_kept(project: Project) -> None:
    segments = project.segments.query()
    assert [s.text for s in segments] == ["Via de huisarts 😀", "We wachtten zeven maanden "
                                          "op Meerstroom."]
    assert segments[1].codings[0].valence.value == "aandachtspunt"
    assert segments[1].memo == "lang"
    wachttijd = project.codes.by_path("toegang/wachttijd")
    assert project.memos.get(MemoTarget(code_id=wachttijd.id)).startswith("Wachten")
    assert project.documents.list()[0].attributes["gemeente"] == "Westerveen"


def backups(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".backup-" in p.name)


def test_every_released_revision_has_a_fixture() -> None:
    have = {revision_of(f) for f in FIXTURES}
    missing = [r for r in REVISIONS if r not in have]
    assert not missing, (f"no fixture for {missing}: run python tests/fixtures/"
                         "make_schema_fixture.py REVISION and commit the file")


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_old_project_upgrades_with_one_backup_and_keeps_its_work(fixture: Path,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "studie.duiding"
    shutil.copy(fixture, path)
    old_revision = revision_of(fixture)
    with Project.open(path) as project:
        assert project.store.revision() == head_revision()
        if old_revision != head_revision():
            assert project.store.backup_path is not None and project.store.backup_path.exists()
            assert f"schema-{old_revision}" in project.store.backup_path.name
        assert_work_kept(project)
    with Project.open(path) as again:  # a second open needs no upgrade and makes no backup
        assert again.store.backup_path is None
    expected = [] if old_revision == head_revision() else [
        f"studie.backup-schema-{old_revision}.duiding"]
    assert backups(tmp_path) == expected
    if expected:  # the backup is the old project, whole, and opens as such
        con = sqlite3.connect(tmp_path / expected[0])
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old_revision
        con.close()
    before, after = _row_counts(fixture), _row_counts(path)
    assert {t: n for t, n in after.items() if t in before} == before  # every row kept


def _row_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in sorted(_tables(path)) if t != "alembic_version"}
    finally:
        con.close()


def _tables(path: Path) -> set[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)  # no -wal/-shm beside
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


KILL_POINTS = [(f, stage) for f in OLD
               for stage in ["backup", *later_revisions(revision_of(f)), "commit"]]


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")
@pytest.mark.parametrize("fixture,stage", KILL_POINTS,
                         ids=[f"{f.stem}-killed-after-{s}" for f, s in KILL_POINTS])
def test_an_upgrade_killed_at_any_step_boundary_leaves_a_project_that_opens(
        fixture: Path, stage: str, tmp_path: Path) -> None:
    path = tmp_path / "studie.duiding"
    shutil.copy(fixture, path)

    def die_at(reached: str) -> None:
        if reached == stage:
            os.kill(os.getpid(), signal.SIGKILL)

    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child dies inside the upgrade
        try:
            ProjectStore.open(path, on_upgrade_step=die_at)
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    con = sqlite3.connect(path)  # the file is at the old revision or at head, nothing between
    version = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    con.close()
    assert version == (head_revision() if stage == "commit" else revision_of(fixture))
    with Project.open(path) as project:
        assert project.store.revision() == head_revision()
        assert_work_kept(project)
    with Project.open(path) as again:
        assert again.store.backup_path is None
    assert backups(tmp_path) == [f"studie.backup-schema-{revision_of(fixture)}.duiding"]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("fixture", OLD, ids=lambda p: p.stem)
def test_a_failing_step_leaves_the_old_revision_untouched(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "studie.duiding"
    shutil.copy(fixture, path)
    before = _tables(path)
    last = later_revisions(revision_of(fixture))[-1]

    def fail_at_last(reached: str) -> None:
        if reached == last:
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        upgrade_file(path, on_step=fail_at_last)
    assert _tables(path) == before  # the earlier steps' tables were rolled back too
    with Project.open(path) as project:
        assert_work_kept(project)


@pytest.mark.parametrize("fixture", OLD, ids=lambda p: p.stem)
def test_an_older_project_can_be_read_without_changing_it(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "studie.duiding"
    shutil.copy(fixture, path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with Project.open(path, readonly=True) as project:
        assert project.store.upgraded_in_memory
        assert_work_kept(project)
        with pytest.raises(ReadOnlyProjectError):
            project.codes.add("nieuw")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert backups(tmp_path) == []  # (SQLite's own -wal/-shm of a reader may appear)


def test_the_head_read_from_the_scripts_is_alembics_head() -> None:
    """Opening a project compares its version with a head read from the migration scripts
    (Alembic is imported only to upgrade); that reading must agree with Alembic's own."""
    from alembic.script import ScriptDirectory

    from models.upgrade import known_revisions

    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {s.revision for s in scripts.walk_revisions()}


def test_opening_a_current_project_does_not_import_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    from coding.project import Project

    Project.create(tmp_path / "s.duiding").close()
    code = ("import sys; from coding.project import Project\n"
            f"Project.open({str(tmp_path / 's.duiding')!r}).close()\n"
            "print('alembic' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert proc.stdout.strip() == "False", proc.stderr
