"""Migration 0010: a project pseudonymised before the record existed keeps exporting without
a question for the documents the pseudonymisation evidently rewrote, and asks for the rest."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from coding.project import Project
from coding.pseudonymise import coverage

FIXTURE = Path(__file__).parent.parent / "fixtures" / "schema_0009_withdrawals.duiding"


def add_document(con: sqlite3.Connection, name: str, text: str, position: int) -> None:
    con.execute("INSERT INTO documents (guid, name, text, source_name, format, sha256, "
                "imported_at, word_count, position) VALUES (?, ?, ?, ?, 'txt', ?, "
                "'2026-01-05 10:00:00', 5, ?)",
                (f"00000000-0000-0000-0000-00000000000{position}", name, text, name,
                 str(position) * 64, position))


def test_documents_holding_an_applied_replacement_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "oud.duiding"
    shutil.copy(FIXTURE, path)
    con = sqlite3.connect(path)
    with con:
        add_document(con, "R2.txt", "Moeder: Juf [persoon 1] belde ons elke week.", 2)
        add_document(con, "R3.txt", "Vader: Daan zat maanden thuis.", 3)  # imported later
        con.execute("INSERT INTO pseudonyms (entity, type, pseudonym, status) "
                    "VALUES ('Ingrid', 'person', '[persoon 1]', 'confirmed')")
    con.close()
    with Project.open(path) as project:
        assert [n for _i, n in coverage.unpseudonymised(project)] == ["gezin1.txt", "R3.txt"]


def test_a_project_never_pseudonymised_records_nothing(tmp_path: Path) -> None:
    path = tmp_path / "oud.duiding"
    shutil.copy(FIXTURE, path)
    with Project.open(path) as project:
        assert coverage.pseudonymised(project) == set()
        assert coverage.personal_data(project).documents == ("gezin1.txt",)
