"""``duiding export qdpx|qdc`` and ``duiding import-qdpx``: exit codes, files, one-line errors."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from coding.project import Project
from exports.qdpx import validate
from importers.qdpx import read_qdc

CODEBOOK = ('<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" '
            'origin="Taguette 1.4.1"><Codes><Code guid="098AC082-A9C7-50F4-9728-48730081A95E" '
            'name="wachttijd" isCodable="true"/><Code guid="A2209CFF-8E89-5B0A-A7B0-CDDC4BE92936" '
            'name="nazorg" isCodable="true"/></Codes><Sets/></CodeBook>')


def test_qdc_import_into_new_and_existing_project_then_export(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    qdc = tmp_path / "taguette.qdc"
    qdc.write_text(CODEBOOK, encoding="utf-8")
    project = tmp_path / "studie.duiding"
    assert main(["import-qdpx", str(qdc), str(project), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["created"] is True and out["imported"]["codes"] == 2
    assert main(["import-qdpx", str(qdc), str(project)]) == 0  # again: nothing doubled
    with Project.open(project) as p:
        assert sorted(c.path for c in p.codes.tree()) == ["nazorg", "wachttijd"]
    assert main(["export", "qdc", str(project), str(tmp_path / "uit.qdc")]) == 0
    assert [c.name for c in read_qdc(tmp_path / "uit.qdc")[0]] == ["wachttijd", "nazorg"]
    assert main(["export", "qdpx", str(project), str(tmp_path / "uit.qdpx")]) == 0
    with zipfile.ZipFile(tmp_path / "uit.qdpx") as zf:
        assert validate(zf.read("project.qde"), "Project.xsd") == []


def test_hostile_file_fails_with_one_line_and_creates_no_project(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "slip.qdpx"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("project.qde", '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>')
        zf.writestr("../../evil.txt", "x")
    project = tmp_path / "nieuw.duiding"
    assert main(["import-qdpx", str(bad), str(project)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "slip.qdpx" in err[0] and "leaves the archive" in err[0]
    assert not project.exists()
    assert main(["export", "pdf", str(project), str(tmp_path / "x.pdf")]) == 1
    assert "unknown export format" in capsys.readouterr().err
