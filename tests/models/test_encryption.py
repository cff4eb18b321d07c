"""Encrypted projects: no word in the file, a wrong password changes nothing, and the lock,
WAL, backups and upgrades behave as for a plain project."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from coding.commands import ApplyCodes
from coding.project import (
    PasswordRequiredError,
    Project,
    WrongPasswordError,
    convert_encryption,
)
from coding.types import Valence
from models.cipher import Cipher, export_copy, looks_encrypted, plain_connection
from models.errors import ProjectLockedError
from models.upgrade import head_revision
from tests.avg_study import FILES, PHRASES, build, occurrences, raw_files

FIXTURES = Path(__file__).parent.parent / "fixtures"
WORDS = PHRASES + ["Westerveen", "Duinmeer", "wachttijd", "samenwerking", "Interviewer",
                   "Meester Jansen", "Sanne"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_raw_file_and_its_wal_hold_none_of_the_projects_words(tmp_path: Path) -> None:
    project = build(tmp_path / "studie.duiding", password="correct paard batterij")
    assert project.encrypted and len(project.documents.list()) == 4
    assert occurrences(raw_files(tmp_path, "studie"), WORDS) == {}  # open: file and -wal
    project.close()
    assert occurrences(raw_files(tmp_path, "studie"), WORDS) == {}
    with Project.open(tmp_path / "studie.duiding", password="correct paard batterij") as again:
        assert {d.name for d in again.documents.list()} == set(FILES)
        assert again.segments.query()[0].text  # the text reads back as it was


def test_a_wrong_or_missing_password_is_one_clear_error_and_changes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DUIDING_PASSWORD", raising=False)
    build(tmp_path / "studie.duiding", password="geheim").close()
    path = tmp_path / "studie.duiding"
    before = _digest(path)
    with pytest.raises(WrongPasswordError, match=r"^studie.duiding: wrong password"):
        Project.open(path, password="Geheim")
    with pytest.raises(PasswordRequiredError, match="is encrypted: give its password"):
        Project.open(path)
    assert _digest(path) == before
    monkeypatch.setenv("DUIDING_PASSWORD", "geheim")  # what scripts use
    with Project.open(path) as project:  # nothing was left locked by the failed attempts
        assert project.encrypted
        with pytest.raises(ProjectLockedError):
            Project.open(path)
        with Project.open(path, readonly=True) as reader:  # read-only beside the writer
            assert len(reader.documents.list()) == 4


def test_coding_an_encrypted_project_survives_and_reads_back(tmp_path: Path) -> None:
    project = build(tmp_path / "studie.duiding", password="geheim")
    doc = project.documents.by_name("R04_vader_DM.txt")
    text = project.documents.text(doc.id)
    code = project.codes.by_path("toegang").id
    project.execute(ApplyCodes(doc.id, 0, 11, [code], Valence.POSITIEF))
    project.close()
    with Project.open(tmp_path / "studie.duiding", password="geheim") as again:
        segs = [s for s in again.segments.query() if s.document == "R04_vader_DM.txt"]
        assert text[0:11] in {s.text for s in segs}


def test_an_older_encrypted_file_is_upgraded_with_an_encrypted_backup(tmp_path: Path) -> None:
    path = tmp_path / "oud.duiding"
    source = plain_connection(FIXTURES / "schema_0008_help_history.duiding")
    try:
        export_copy(source, path, Cipher("geheim"))
    finally:
        source.close()
    assert looks_encrypted(path)
    with Project.open(path, readonly=True, password="geheim") as look:  # in memory, no change
        assert look.store.upgraded_in_memory and look.documents.list()
    with Project.open(path, password="geheim") as project:
        assert project.store.revision() == head_revision()
        backup = project.store.backup_path
        assert backup is not None and looks_encrypted(backup)
        assert project.store.backups() == [backup]
        assert occurrences([backup], ["Meerstroom", "Westerveen"]) == {}


def test_encrypt_and_decrypt_convert_the_project_and_its_backups(tmp_path: Path) -> None:
    path = tmp_path / "studie.duiding"
    shutil.copy(FIXTURES / "schema_0008_help_history.duiding", path)
    Project.open(path).close()  # upgrades: a plain backup beside it
    [backup] = list(tmp_path.glob("studie.backup-*"))
    assert occurrences([path, backup], ["Westerveen"]) != {}
    assert convert_encryption(path, None, "geheim") == [backup]
    assert looks_encrypted(path) and looks_encrypted(backup)
    assert occurrences(raw_files(tmp_path, "studie"), ["Westerveen", "Meerstroom"]) == {}
    with Project.open(path, password="geheim") as project:
        assert [d.name for d in project.documents.list()] == ["gezin1.txt"]
    convert_encryption(path, "geheim", None)
    assert not looks_encrypted(path) and not looks_encrypted(backup)
    with Project.open(path) as project:
        assert [d.name for d in project.documents.list()] == ["gezin1.txt"]
