"""The command-line contract (DESIGN.md section 7), run as a real `duiding` process."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _coder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUIDING_CODER", "Sanne")


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def duiding(*args: str | Path, check: bool = True) -> Result:
    """Run the command line in-process: the same parser, commands and error handling."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    result = Result(code, out.getvalue(), err.getvalue())
    if check:
        assert code == 0, result.stderr
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r1.txt").write_text(
        "Interviewer: Hoe kwam u bij de hulp?\n\n"
        "Ouder: We wachtten zeven maanden. Zeven maanden! Daarna ging het goed.\n",
        encoding="utf-8")
    (tmp_path / "in" / "r2.txt").write_text(
        "I: Hoe was het?\n\nR: De intern begeleider belde met het jeugdteam.\n", encoding="utf-8")
    (tmp_path / "resp.csv").write_bytes(
        "file;respondent_type;gemeente\r\nr1.txt;ouder;Westerveen\r\nr2.txt;jongere;Zandloo\r\n"
        .encode("cp1252"))
    path = tmp_path / "studie.duiding"
    duiding("new", path)
    duiding("import", path, tmp_path / "in", "--attributes", tmp_path / "resp.csv")
    return path


def test_documents_and_codes_json(project: Path) -> None:
    docs = json.loads(duiding("documents", project, "--json").stdout)
    assert [(d["name"], d["speakers"], d["turns"]) for d in docs] == [
        ("r1.txt", ["Interviewer", "Ouder"], 2), ("r2.txt", ["I", "R"], 2)]
    assert docs[0]["attributes"] == {"respondent_type": "ouder", "gemeente": "Westerveen"}
    assert {"name", "format", "speakers", "turns", "words", "attributes"} <= set(docs[0])
    codes = json.loads(duiding("codes", project, "--json").stdout)
    assert [c["name"] for c in codes] == ["toegang", "aansluiting", "samenwerking",
                                          "wisselingen", "nazorg"]
    assert codes[0]["children"][1]["path"] == "toegang/wachttijd"


def test_code_then_segments_with_filters(project: Path) -> None:
    out = json.loads(duiding("code", project, "--document", "r1.txt", "--quote",
                             "We wachtten zeven maanden.", "--code", "toegang/wachttijd",
                             "--valence", "aandachtspunt", "--json").stdout)
    assert out["text"] == "We wachtten zeven maanden." and out["coder"] == "Sanne"
    duiding("code", project, "--document", "r2", "--start", "23", "--end", "46",
            "--code", "samenwerking", "--coder", "Femke")
    segs = json.loads(duiding("segments", project, "--code", "toegang", "--json").stdout)
    assert len(segs) == 1
    assert {"document", "start", "end", "text", "codes", "valence", "coder"} <= set(segs[0])
    assert segs[0]["codes"] == ["toegang/wachttijd"] and segs[0]["valence"] == "aandachtspunt"
    west = json.loads(duiding("segments", project, "--where", "gemeente=Westerveen",
                              "--json").stdout)
    assert [s["document"] for s in west] == ["r1.txt"]
    femke = json.loads(duiding("segments", project, "--coder", "Femke", "--json").stdout)
    assert femke[0]["text"] == "intern begeleider belde" and femke[0]["coder"] == "Femke"
    duiding("code", project, "--document", "r1.txt", "--quote", "Daarna ging het goed.",
            "--code", "nazorg", "--valence", "positief", "--key-quote")
    key = json.loads(duiding("segments", project, "--key-quotes", "--json").stdout)
    assert [(s["text"], s["key_quote"]) for s in key] == [("Daarna ging het goed.", True)]
    stats = json.loads(duiding("stats", project, "--by", "respondent_type", "--json").stdout)
    by_code = {c["code"]: c for c in stats["codes"]}
    assert by_code["toegang"]["respondents"] == 1
    assert by_code["samenwerking"]["by"] == {"jongere": {"segments": 1, "documents": 1}}


@pytest.mark.parametrize("args,message", [
    (("code", "{p}", "--document", "r1.txt", "--quote", "bestaat niet", "--code", "toegang"),
     "quote not found"),
    (("code", "{p}", "--document", "r1.txt", "--quote", "Zeven maanden", "--code", "toegang"),
     None),
    (("code", "{p}", "--document", "r1.txt", "--quote", "maanden", "--code", "toegang"),
     "more than once"),
    (("code", "{p}", "--document", "r1.txt", "--quote", "ging", "--code", "toegang/onbekend"),
     "unknown code path"),
    (("code", "{p}", "--document", "r9.txt", "--quote", "ging", "--code", "toegang"),
     "no document named"),
    (("segments", "{p}.nope"), "does not exist"),
    (("segments", "{p}", "--where", "gemeente"), "ATTRIBUTE=VALUE"),
])
def test_errors_are_one_line_on_stderr_with_nonzero_exit(project: Path, args: tuple[str, ...],
                                                         message: str | None) -> None:
    proc = duiding(*[a.format(p=project) for a in args], check=False)
    if message is None:
        assert proc.returncode == 0, proc.stderr
        return
    assert proc.returncode != 0
    assert message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_locked_project_is_refused_by_the_cli(project: Path) -> None:
    from coding.project import Project

    with Project.open(project):
        proc = duiding("code", project, "--document", "r1.txt", "--quote", "goed",
                       "--code", "toegang", check=False)
    assert proc.returncode == 1 and "already open" in proc.stderr


def test_import_reports_failures_and_keeps_the_rest(project: Path, tmp_path: Path) -> None:
    (tmp_path / "leeg.txt").write_bytes(b"")
    (tmp_path / "nieuw.txt").write_text("Ouder: Iets nieuws.\n", encoding="utf-8")
    proc = duiding("import", project, tmp_path / "leeg.txt", tmp_path / "nieuw.txt",
                   tmp_path / "in" / "r1.txt", "--json", check=False)
    assert proc.returncode == 1 and "leeg.txt" in proc.stderr
    summary = json.loads(proc.stdout)
    assert (summary["imported"], summary["skipped"], summary["failed"]) == (1, 1, 1)
    assert [f["reason"] for f in summary["files"]] == ["empty", "", "duplicate"]


def test_speakers_roles_for_the_whole_project(project: Path) -> None:
    duiding("speakers", project, "--role", "I=interviewer")
    data = json.loads(duiding("speakers", project, "--document", "r2.txt", "--json").stdout)
    assert data["r2.txt"][0] == {"label": "I", "role": "interviewer", "guess": "interviewer",
                                 "turns": 1}


def test_speakers_show_the_guess_and_the_researchers_choice_wins(project: Path) -> None:
    duiding("speakers", project, "--document", "r2.txt", "--role", "R=other")
    data = json.loads(duiding("speakers", project, "--document", "r2.txt", "--json").stdout)
    assert data["r2.txt"][1] == {"label": "R", "role": "other", "guess": "respondent", "turns": 1}
    shown = duiding("speakers", project, "--document", "r2.txt").stdout
    assert "R (other; guessed respondent, 1 turns)" in shown


def test_new_with_empty_codebook_and_bad_codebook(tmp_path: Path) -> None:
    duiding("new", tmp_path / "leeg.duiding", "--codebook", "empty")
    assert json.loads(duiding("codes", tmp_path / "leeg.duiding", "--json").stdout) == []
    proc = duiding("new", tmp_path / "x.duiding", "--codebook", "boek.txt", check=False)
    assert proc.returncode == 1 and ".qdc" in proc.stderr


def test_the_installed_entry_point_runs_as_a_process(project: Path) -> None:
    """The real `duiding` process: exit codes and a one-line error, no traceback."""
    env = {**os.environ, "DUIDING_CODER": "Sanne"}
    ok = subprocess.run([sys.executable, "-m", "app", "documents", str(project), "--json"],
                        capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert ok.returncode == 0 and json.loads(ok.stdout)[0]["name"] == "r1.txt"
    bad = subprocess.run([sys.executable, "-m", "app", "codes", str(project) + ".nope"],
                         capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "does not exist" in bad.stderr


def test_new_with_a_qdc_codebook(tmp_path: Path, refi_qda_dir: Path) -> None:
    qdc = refi_qda_dir / "samples" / "taguette-1.4.1_codebook.qdc"
    duiding("new", tmp_path / "t.duiding", "--codebook", qdc)
    codes = json.loads(duiding("codes", tmp_path / "t.duiding", "--json").stdout)
    assert len(codes) > 0 and all(c["name"] for c in codes)


def test_piping_into_head_ends_quietly(project: Path, tmp_path: Path) -> None:
    """`duiding segments … | head` must not print a broken-pipe error. The output (a fragment
    of 200,000 characters) is far larger than a pipe's buffer, so the pipe really breaks."""
    env = {**os.environ, "DUIDING_CODER": "Sanne"}
    long = tmp_path / "lang.txt"
    long.write_text("Ouder: " + "woord " * 33_000 + "\n", encoding="utf-8")
    duiding("import", project, long)
    duiding("code", project, "--document", "lang.txt", "--start", "7", "--end", "198000",
            "--code", "nazorg")
    proc = subprocess.run(
        f"{sys.executable} -m app segments {project} --json | head -c 10",
        shell=True, capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert proc.stdout.startswith("[") and proc.stderr == ""


@pytest.mark.parametrize("argv", [
    ("no-such-command", "x.duiding"),
    ("stast",),
    ("--bogus",),
    ("segmnets", "studie.duiding", "--json"),
])
def test_a_typo_fails_in_one_line_and_never_opens_the_workbench(
        argv: tuple[str, ...], tmp_path: Path) -> None:
    """Run as a real process with a display: if the GUI opened, the timeout would end it."""
    exe = Path(sys.executable).parent / "duiding"
    proc = subprocess.run([str(exe), *argv], capture_output=True, text=True, timeout=30,
                          cwd=tmp_path, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("duiding"), proc.stderr
    assert proc.stdout == ""


def test_a_near_miss_names_the_command_it_resembles() -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["stast", "x.duiding"]) == 2
    assert "'stats'" in err.getvalue()


def test_the_command_list_matches_the_parser() -> None:
    from app.cli import COMMANDS, build_parser

    parser = build_parser()
    choices = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(COMMANDS) == set(choices)
