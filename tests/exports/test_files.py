"""Exports land whole or not at all, with ordinary file permissions."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from exports.files import write_atomic


def test_a_failing_write_keeps_the_previous_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    dest = tmp_path / "hoofdstuk.docx"
    dest.write_bytes(b"previous good report")

    def fail(tmp: Path) -> None:
        tmp.write_bytes(b"half a rep")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomic(dest, fail)
    assert dest.read_bytes() == b"previous good report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hoofdstuk.docx"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_written_export_is_not_private_to_the_temporary_file_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        dest = write_atomic(tmp_path / "sub" / "project.qdpx", lambda t: t.write_bytes(b"zip"))
    finally:
        os.umask(old)
    assert dest.read_bytes() == b"zip"
    assert stat.S_IMODE(dest.stat().st_mode) == 0o644  # mkstemp alone would leave 0600


def test_an_unimportable_guard_fails_every_export_loudly() -> None:
    """The guard used to be loaded by name, and an export went out unguarded when that failed.
    Now every exporter imports it plainly (the REFI-QDA snapshot in coding.interchange_db):
    without the guard, no exporter can even load."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['coding.pseudonymise.guard'] = None\n"
            "for name in ('exports.chapter', 'exports.tables', 'exports.matrix',"
            " 'coding.interchange_db', 'exports.plan'):\n"
            "    try:\n"
            "        __import__(name)\n"
            "    except ImportError:\n"
            "        print('refused', name)\n"
            "    else:\n"
            "        print('LOADED', name)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 0, proc.stderr
    assert "LOADED" not in proc.stdout, proc.stdout
    assert proc.stdout.count("refused") == 5
