"""Nothing the user saw acknowledged is lost: a real process is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from coding.project import Project
from importers.base import TranscriptImportError
from importers.batch import import_paths
from tests.helpers import transcript

SCRIPT = """
import sys, time
from coding.commands import ApplyCodes
from coding.project import Project
p = Project.open(sys.argv[1], coder="Sanne")
doc = p.documents.list()[0].id
code = p.codes.by_path("toegang/wachttijd").id
for i in range(int(sys.argv[2])):
    p.execute(ApplyCodes(doc, i, i + 5, [code]))
    print(f"acknowledged {i}", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_codings_survive_kill_9_right_after_acknowledgement(tmp_path: Path) -> None:
    path = tmp_path / "studie.duiding"
    with Project.create(path) as p:
        p.documents.add_transcript(transcript("a.txt", "Ouder: " + "woord " * 200))
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(path), "25"],
                            stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert proc.stdout is not None
    seen = [proc.stdout.readline().strip() for _ in range(25)]
    assert seen[-1] == "acknowledged 24"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert (tmp_path / "studie.duiding-wal").exists()  # the WAL was not checkpointed: real test
    with Project.open(path) as again:
        assert len(again.segments.query()) == 25


def test_a_failing_file_in_a_batch_leaves_itself_absent_and_others_imported(
        tmp_path: Path) -> None:
    good = tmp_path / "goed.txt"
    good.write_text("Interviewer: Hoe ging het?\n\nOuder: Goed.\n", encoding="utf-8")
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a zip at all")
    with Project.create(tmp_path / "studie.duiding") as p:
        summary = import_paths(p, [empty, good, broken])
        assert [(o.path.name, o.status) for o in summary.outcomes] == [
            ("leeg.txt", "failed"), ("goed.txt", "imported"), ("kapot.docx", "failed")]
        assert all(o.message.startswith(o.path.name) for o in summary.outcomes
                   if o.status == "failed")
        assert [d.name for d in p.documents.list()] == ["goed.txt"]
        again = import_paths(p, [good])
        assert again.outcomes[0].reason == "duplicate"
        assert len(p.documents.list()) == 1


def test_a_bad_attribute_sheet_stops_the_import_before_anything_is_stored(
        tmp_path: Path) -> None:
    good = tmp_path / "goed.txt"
    good.write_text("Ouder: Goed.\n", encoding="utf-8")
    sheet = tmp_path / "respondenten.csv"
    sheet.write_bytes(b"")
    with Project.create(tmp_path / "studie.duiding") as p:
        with pytest.raises(TranscriptImportError, match="respondenten.csv"):
            import_paths(p, [good], attributes=sheet)
        assert p.documents.list() == []


def test_an_invalid_transcript_is_not_half_stored(tmp_path: Path) -> None:
    from dataclasses import replace

    from importers.base import Turn
    from models.errors import ValidationError

    with Project.create(tmp_path / "studie.duiding") as p:
        t = transcript("a.txt", "Ouder: hallo", {"gemeente": "Westerveen"})
        bad = replace(t, turns=[*t.turns, Turn(5, 999, "Ouder")])
        with pytest.raises(ValidationError):
            p.documents.add_transcript(bad)
        assert p.documents.list() == [] and p.attributes.names() == []
