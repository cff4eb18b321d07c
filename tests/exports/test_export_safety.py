"""Exports under attack and accident: no live formula in any cell, no file left half-written.

Attribute names and values are typed by users (or arrive in a sheet from someone else), so a
header, a row label or a value may start with '=' or '@': in every spreadsheet export it must
arrive as text. A kill in the middle of an export leaves the folder as it was; a folder that
cannot be written is reported by the name of the output.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import sys
from pathlib import Path

import openpyxl
import pytest

from coding.analysis import AnalysisManager
from coding.commands import SetDocumentAttribute
from coding.project import Project
from exports.files import write_atomic
from exports.matrix import write_matrix_xlsx
from exports.tables import write_csv, write_xlsx
from tests.exports.chapter_project import build
from tests.helpers import pseudonymise, run_unprivileged, unprivileged_folder

HOSTILE_NAME = "=HYPERLINK(\"http://x\";\"klik\")"
HOSTILE_VALUE = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = build(tmp_path)
    for doc in p.documents.list():
        p.execute(SetDocumentAttribute(doc.id, HOSTILE_NAME, HOSTILE_VALUE))
        p.execute(SetDocumentAttribute(doc.id, "+gemeente", "-" + doc.name))
    yield p
    p.close()


def _formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("=", "+", "-", "@"))


def test_no_xlsx_export_has_a_formula_cell(project: Project, tmp_path: Path) -> None:
    write_xlsx(project, tmp_path / "fragmenten.xlsx")
    matrix = AnalysisManager(project).matrix(f"attribute:{HOSTILE_NAME}")
    write_matrix_xlsx(project, matrix, tmp_path / "matrix.xlsx")
    matrix = AnalysisManager(project).matrix("attribute:+gemeente")
    write_matrix_xlsx(project, matrix, tmp_path / "matrix2.xlsx")
    seen_hostile = 0
    for name in ("fragmenten.xlsx", "matrix.xlsx", "matrix2.xlsx"):
        book = openpyxl.load_workbook(tmp_path / name)  # not read-only: data types are kept
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (name, sheet.title, cell.coordinate, cell.value)
                    seen_hostile += _formula_like(cell.value)
    assert seen_hostile >= 6  # headers, row labels and values were all there, as text


def test_csv_neutralises_headers_and_values(project: Project, tmp_path: Path) -> None:
    out = write_csv(project, tmp_path / "fragmenten.csv")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert f"'{HOSTILE_NAME}" in rows[0] and "'+gemeente" in rows[0]
    assert any(f"'{HOSTILE_VALUE}" in r for r in rows[1:])
    assert not any(_formula_like(cell) for r in rows for cell in r)


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")
@pytest.mark.parametrize("existing", [False, True], ids=["new", "replacing"])
def test_an_export_killed_half_way_leaves_nothing_beside_the_output(tmp_path: Path,
                                                                   existing: bool) -> None:
    dest = tmp_path / "hoofdstuk.docx"
    if existing:
        dest.write_bytes(b"the previous good report")

    def half_then_die(path: Path) -> None:
        with open(path, "wb") as handle:
            handle.write(b"half a rep")
            handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)

    pid = os.fork()
    if pid == 0:  # pragma: no cover - killed inside
        try:
            write_atomic(dest, half_then_die)
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)
    assert sorted(p.name for p in tmp_path.iterdir()) == (["hoofdstuk.docx"] if existing else [])
    if existing:
        assert dest.read_bytes() == b"the previous good report"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_output_folder_is_named_in_the_error(tmp_path: Path) -> None:
    folder = unprivileged_folder()
    try:
        with build(folder) as project:
            pseudonymise(project)  # as before any export, so the folder is what is refused
        out = folder / "uit"
        out.mkdir()
        out.chmod(0o555)
        for fmt, name in (("csv", "fragmenten.csv"), ("word", "hoofdstuk.docx"),
                          ("qdpx", "project.qdpx")):
            result = run_unprivileged(["export", fmt, "studie.duiding", f"uit/{name}"], folder)
            assert result.returncode == 1, result.stdout
            assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
            assert f"{name}: the folder" in result.stderr and "cannot be written" in result.stderr
            assert ".partial" not in result.stderr and "/proc/" not in result.stderr
        assert list(out.iterdir()) == []
    finally:
        shutil.rmtree(folder, ignore_errors=True)
