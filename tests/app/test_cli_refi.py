"""``duiding export qdpx|qdc`` and ``duiding import-qdpx``: exit codes, files, one-line errors."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from coding.commands import CreateGroup, UpdateCode
from coding.groups import GroupKind
from coding.memos import MemoTarget
from coding.project import Project
from coding.types import Valence
from exports.qdpx import validate
from importers.qdpx import read_qdc
from tests.helpers import EMOJI_TEXT, transcript

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


def _coded_project(path: Path) -> None:
    with Project.create(path, codebook=[{"name": "toegang", "children": [{"name": "overig"}]},
                                        {"name": "nazorg", "children": [{"name": "overig"}]}],
                        coder="Anouk") as p:
        doc = p.documents.add_transcript(transcript("R01.txt", EMOJI_TEXT))
        codes = {c.path: c.id for c in p.codes.tree()}
        start = EMOJI_TEXT.index("ei")  # inside a word, after two emoji
        p.segments.apply(doc, start, EMOJI_TEXT.index("Meerstroom") + 4,
                         [codes["nazorg/overig"]], Valence.AANDACHTSPUNT)
        p.segments.apply(doc, EMOJI_TEXT.index("𝒜"), EMOJI_TEXT.index(" vreemde"),
                         [codes["toegang/overig"]], Valence.POSITIEF)


def test_export_with_utf16_positions_and_qualified_names_then_import_back(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "studie.duiding"
    _coded_project(project)
    out = tmp_path / "nvivo.qdpx"
    # About positions in a text with emoji: the text must go out as it is, names and all.
    assert main(["export", "qdpx", str(project), str(out), "--positions", "utf16", "--json",
                 "--allow-personal-data"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["positions"] == "utf16" and data["duplicate_names"] == {
        "overig": ["toegang/overig", "nazorg/overig"]}
    (warning,) = captured.err.strip().splitlines()
    assert "overig (toegang/overig and nazorg/overig)" in warning and "--qualified-names" in warning
    with zipfile.ZipFile(out) as zf:
        assert validate(zf.read("project.qde"), "Project.xsd") == []
    copy = tmp_path / "kopie.duiding"
    assert main(["import-qdpx", str(out), str(copy), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["position_unit"] == "utf16" and report["dropped"] == []
    with Project.open(project) as a, Project.open(copy) as b:
        assert [(s.text, s.start, s.end, s.codes) for s in a.segments.query()] == [
            (s.text, s.start, s.end, s.codes) for s in b.segments.query()]
    assert main(["export", "qdpx", str(project), str(tmp_path / "uniek.qdpx"),
                 "--qualified-names", "--allow-personal-data"]) == 0
    assert capsys.readouterr().err == ""
    with zipfile.ZipFile(tmp_path / "uniek.qdpx") as zf:
        assert b'name="nazorg/overig"' in zf.read("project.qde")


def test_import_report_in_json_lists_what_was_not_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    g = [f"{i:08x}-0000-4000-8000-{i:012x}" for i in range(10)]
    qde = (f'<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="Test">'
           f'<Sources><TextSource guid="{g[1]}" name="a.txt" plainTextPath="internal://{g[1]}.txt"/>'
           f'<AudioSource guid="{g[2]}" name="gesprek.m4a" path="internal://{g[2]}.m4a"/>'
           f'<AudioSource guid="{g[3]}" name="tweede.m4a" path="internal://{g[3]}.m4a"/></Sources>'
           f'<Notes><Note guid="{g[4]}" name="leeg"/></Notes></Project>')
    path = tmp_path / "media.qdpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", qde)
        zf.writestr(f"sources/{g[1]}.txt", "Tekst.")
    assert main(["import-qdpx", str(path), str(tmp_path / "m.duiding"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dropped"] == [
        {"kind": "audio", "reason": "not_text", "count": 2, "names": ["gesprek.m4a", "tweede.m4a"]},
        {"kind": "note", "reason": "empty_text", "count": 1, "names": ["leeg"]}]
    assert out["imported"]["documents"] == 1
    assert main(["import-qdpx", str(path), str(tmp_path / "m.duiding")]) == 0
    text = capsys.readouterr().out
    assert "not kept: 2 x audio (not_text): 'gesprek.m4a', 'tweede.m4a'" in text


def test_codes_and_documents_json_show_groups_and_folders(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "studie.duiding"
    with Project.create(path, coder="Anouk") as p:
        doc = p.documents.add_transcript(transcript("R01.txt", EMOJI_TEXT))
        toegang = p.codes.by_path("toegang")
        p.execute(UpdateCode(toegang.id, is_codable=False))
        p.execute(CreateGroup(GroupKind.CODE, "Kernthema's", [toegang.id]))
        p.execute(CreateGroup(GroupKind.DOCUMENT, "Ouders", [doc]))
    assert main(["codes", str(path), "--json"]) == 0
    codes = {c["path"]: c for c in json.loads(capsys.readouterr().out)}
    assert codes["toegang"]["groups"] == ["Kernthema's"] and codes["toegang"]["codable"] is False
    assert main(["documents", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["groups"] == ["Ouders"]
    assert main(["codes", str(path)]) == 0
    assert "[folder]  groups: Kernthema's" in capsys.readouterr().out.splitlines()[0]


def test_codebook_round_trip_keeps_definitions_memos_folders_and_code_groups(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bron.duiding"
    with Project.create(source, coder="Anouk") as p:
        toegang = p.codes.by_path("toegang")
        p.execute(UpdateCode(toegang.id, is_codable=False))
        p.execute(CreateGroup(GroupKind.CODE, "Kernthema's",
                              [p.codes.by_path("toegang/wachttijd").id]))
        p.memos.set(MemoTarget(code_id=toegang.id), "Let op de **wachtlijst**.", "Analyse")
        definition = toegang.definition
    out = tmp_path / "codeboek.qdc"
    assert main(["export", "qdc", str(source), str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sets"] == 1
    assert "**" not in out.read_text(encoding="utf-8")
    target = tmp_path / "doel.duiding"
    assert main(["import-qdpx", str(out), str(target)]) == 0
    assert main(["import-qdpx", str(out), str(target)]) == 0  # twice: nothing doubled
    with Project.open(target) as p:
        back = p.codes.by_path("toegang")
        assert back.definition == definition and not back.is_codable
        # Markdown is flattened for other tools: the memo comes back as readable plain text.
        assert [(m.title, m.text) for m in p.memos.list()] == [("Analyse",
                                                                 "Let op de wachtlijst.")]
        assert p.groups.names_by_member(GroupKind.CODE) == {
            p.codes.by_path("toegang/wachttijd").id: ["Kernthema's"]}
