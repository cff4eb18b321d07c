"""Files a clumsy user or a bad moment leaves behind get one clear sentence, and stay as they were.

A 0-byte `.duiding`, a project file or folder without write permission, a `new` killed half-way:
none of them may end in a traceback, a file rewritten into something else, or a half project.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

from coding.project import Project
from models.errors import ProjectExistsError, ProjectFormatError
from tests.helpers import run_unprivileged, transcript, unprivileged_folder

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and signals")


def _project(folder: Path) -> Path:
    path = folder / "studie.duiding"
    with Project.create(path) as p:
        p.documents.add_transcript(transcript("r1.txt", "Ouder: We wachtten zeven maanden."))
    return path


def test_an_empty_project_file_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    empty = tmp_path / "studie.duiding"
    empty.write_bytes(b"")
    for readonly in (True, False):
        with pytest.raises(ProjectFormatError, match=r"studie.duiding is empty \(0 bytes\)"):
            Project.open(empty, readonly=readonly)
    assert empty.read_bytes() == b""  # not turned into a database by the attempt


def test_a_file_that_is_no_database_is_refused_without_being_touched(tmp_path: Path) -> None:
    junk = tmp_path / "studie.duiding"
    junk.write_bytes(b"PK\x03\x04 a zip renamed to .duiding")
    with pytest.raises(ProjectFormatError, match="not a Duiding project"):
        Project.open(junk)
    assert junk.read_bytes() == b"PK\x03\x04 a zip renamed to .duiding"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["studie.duiding"]


def test_a_failing_new_project_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(Exception):  # noqa: B017 - whatever the builder raises
        Project.create(tmp_path / "studie.duiding", codebook="bestaat-niet")
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == []
    with Project.create(tmp_path / "studie.duiding") as p:  # and the name is free again
        assert p.codes.tree()
    with pytest.raises(ProjectExistsError):
        Project.create(tmp_path / "studie.duiding")


@posix_only
def test_new_killed_half_way_leaves_no_half_project(tmp_path: Path) -> None:
    path = tmp_path / "studie.duiding"
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child dies while building the codebook
        from coding import codes

        original = codes.CodeManager.add_tree

        def add_then_die(self: codes.CodeManager, tree: object) -> object:
            result = original(self, tree)  # type: ignore[arg-type]
            os.kill(os.getpid(), signal.SIGKILL)
            return result

        codes.CodeManager.add_tree = add_then_die  # type: ignore[method-assign]
        try:
            Project.create(path)
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)
    assert not path.exists()
    with Project.create(path) as again:  # what the killed run left is cleaned up by the next
        assert again.codes.tree()
    assert sorted(p.name for p in tmp_path.iterdir()
                  if not p.name.endswith((".lock", "-wal", "-shm"))) == ["studie.duiding"]


@posix_only
def test_a_write_command_on_a_read_only_project_file_says_so_in_one_line() -> None:
    folder = unprivileged_folder()
    try:
        path = _project(folder)
        path.chmod(0o444)
        result = run_unprivileged(["code", path.name, "--document", "r1.txt", "--quote",
                                   "zeven maanden", "--code", "toegang/wachttijd"], folder)
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert "studie.duiding cannot be changed: the file is read-only" in result.stderr
        # Looking is still possible, without a lock.
        listed = run_unprivileged(["documents", path.name, "--read-only"], folder)
        assert listed.returncode == 0, listed.stderr
        assert "r1.txt" in listed.stdout
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@posix_only
def test_a_project_in_a_read_only_folder_can_be_read(tmp_path: Path) -> None:
    folder = unprivileged_folder()
    try:
        path = _project(folder)
        for extra in folder.iterdir():
            if extra != path:
                extra.unlink()
        folder.chmod(0o555)
        for args in (["documents", path.name, "--read-only"], ["documents", path.name],
                     ["segments", path.name, "--json"], ["speakers", path.name]):
            result = run_unprivileged(args, folder)
            assert result.returncode == 0, result.stderr
            assert "Traceback" not in result.stderr
        written = run_unprivileged(["code", path.name, "--document", "r1.txt", "--quote",
                                    "zeven maanden", "--code", "toegang/wachttijd"], folder)
        assert written.returncode == 1
        assert written.stderr.count("\n") == 1
        assert "its folder" in written.stderr and "is read-only" in written.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["studie.duiding"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)
