"""The command line under clumsy use: --read-only, listing beside a writer, odd file names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from coding.project import Project
from tests.app.test_cli_core import duiding


@pytest.fixture(autouse=True)
def _coder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUIDING_CODER", "Sanne")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "r1.txt").write_text("Interviewer: Hoe ging het?\n\nOuder: We wachtten lang.\n",
                                     encoding="utf-8")
    path = tmp_path / "studie.duiding"
    duiding("new", path)
    duiding("import", path, tmp_path / "r1.txt")
    return path


def test_listing_speakers_takes_no_write_lock(project: Path) -> None:
    with Project.open(project):  # the workbench has the project open for writing
        listed = duiding("speakers", project, "--json")
        assert json.loads(listed.stdout)["r1.txt"][0]["label"] == "Interviewer"
        changing = duiding("speakers", project, "--role", "Ouder=respondent", check=False)
        assert changing.returncode == 1 and "already open" in changing.stderr


def test_read_only_option_reads_everything_and_changes_nothing(project: Path) -> None:
    before = project.read_bytes()
    with Project.open(project):  # works beside a writer: no lock is taken
        for args in (["documents"], ["codes"], ["segments"], ["speakers"], ["stats"]):
            assert duiding(args[0], project, "--read-only", *args[1:]).returncode == 0
    for args in (["code", "--document", "r1.txt", "--quote", "We wachtten lang",
                  "--code", "toegang"],
                 ["speakers", "--role", "Ouder=respondent"],
                 ["import", str(project.parent / "r1.txt")]):
        result = duiding(args[0], project, *args[1:], "--read-only", check=False)
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1
        assert "studie.duiding is open read-only" in result.stderr
    assert project.read_bytes() == before
    with Project.open(project) as p:
        assert p.segments.query() == []


def test_every_project_command_has_the_read_only_option(project: Path) -> None:
    import argparse

    from app.cli import build_parser
    from app.cli.output import add_read_only

    parser = build_parser()
    add_read_only(parser)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        dests = {a.dest for a in command._actions}
        if "project" in dests and name != "new":
            assert "read_only" in dests, name


def test_a_newline_in_a_file_name_keeps_every_error_on_one_line(project: Path,
                                                                capsys: pytest.CaptureFixture[str]
                                                                ) -> None:
    odd = project.parent / "leeg\nbestand.txt"
    odd.write_bytes(b"")
    code = main(["import", str(project), str(odd)])
    err = capsys.readouterr().err
    assert code == 1
    assert err == "duiding import: leeg\\nbestand.txt: The file is empty (0 bytes).\n"
    missing = project.parent / "nieuw\nproject.duiding"
    code = main(["documents", str(missing)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "nieuw\\nproject.duiding" in err


def test_every_import_reason_has_a_dutch_phrase(qapp) -> None:  # type: ignore[no-untyped-def]
    """The GUI shows an importer's reason as a translated phrase: the new ones too."""
    from app.errors import import_reason
    from app.i18n import parse_ts, ts_files

    dutch: dict[tuple[str, str], str] = {}
    for ts in ts_files("nl"):
        dutch.update(parse_ts(ts))
    for reason in ("symlink", "too_slow", "unreadable", "not_found", "temporary", "no_text",
                   "hostile_archive", "corrupt", "too_large", "hostile_xml", "unsupported"):
        english = import_reason(reason)
        assert english != reason, reason
        assert ("Errors", english) in dutch, english
