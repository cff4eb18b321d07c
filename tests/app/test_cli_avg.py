"""`duiding withdraw`, `new --encrypt`, `encrypt`, `decrypt` as a user runs them, in processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.avg_study import FILES, PHRASES, build, occurrences, raw_files, write_files

REPO = Path(__file__).resolve().parents[2]


def run(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None,
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k != "DUIDING_PASSWORD"}
    full.update({"DUIDING_CODER": "Sanne", **(env or {})})
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], capture_output=True,
                          text=True, env=full, cwd=cwd or REPO, timeout=240,
                          input=stdin if stdin is not None else "")


def test_withdraw_asks_for_yes_then_removes_and_logs(tmp_path: Path) -> None:
    build(tmp_path / "studie.duiding").close()
    path = tmp_path / "studie.duiding"
    refused = run("withdraw", path, "--respondent", "R01")
    assert refused.returncode == 1
    assert refused.stderr == "duiding withdraw: confirm with --yes (nothing was removed)\n"
    assert "document  R01_moeder_WV.txt" in refused.stdout and "cannot be undone" in refused.stdout
    done = run("withdraw", path, "--respondent", "R01", "--yes", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["documents"] == ["R01_moeder_WV.txt"]
    assert result["memos_changed"] == [{"where": "code toegang/wachttijd", "title": "",
                                        "passages": 1}]
    docs = json.loads(run("documents", path, "--json").stdout)
    assert [d["name"] for d in docs] == sorted(set(FILES) - {"R01_moeder_WV.txt"})
    log = json.loads(run("withdraw", path, "--log", "--json").stdout)
    assert [(e["selector"], e["respondent"], e["by"], e["documents"]) for e in log] == [
        ("respondent", "R01", "Sanne", 1)]
    assert occurrences(raw_files(tmp_path, "studie"), PHRASES) == {}
    unknown = run("withdraw", path, "--case", "G-9", "--yes")
    assert (unknown.returncode, unknown.stderr) == (1, "duiding withdraw: no case named 'G-9'.\n")


def test_new_encrypt_wrong_password_and_conversion(tmp_path: Path) -> None:
    path = tmp_path / "geheim.duiding"
    secret = {"DUIDING_PASSWORD": "zomer 2024!"}
    made = run("new", path, "--encrypt", env=secret)
    assert made.returncode == 0 and "new encrypted project" in made.stdout
    files = write_files(tmp_path / "bestanden")
    imported = run("import", path, files / "R04_vader_DM.txt", env=secret)
    assert imported.returncode == 0, imported.stderr
    wrong = run("documents", path, env={"DUIDING_PASSWORD": "winter"})
    assert (wrong.returncode, wrong.stderr.count("\n")) == (1, 1)
    assert wrong.stderr.startswith("duiding documents: geheim.duiding: wrong password")
    missing = run("documents", path)  # no password and no terminal to ask in
    assert missing.returncode == 1 and "is encrypted: give its password" in missing.stderr
    assert occurrences([path], ["Meester Jansen", "onduidelijk"]) == {}
    assert run("decrypt", path, env=secret).returncode == 0
    assert occurrences([path], ["Meester Jansen"]) == {"Meester Jansen": ["geheim.duiding"]}
    again = run("encrypt", path, env={"DUIDING_PASSWORD": "nieuw"})
    assert again.returncode == 0 and again.stdout == "geheim.duiding: encrypted\n"
    listed = run("documents", path, "--json", env={"DUIDING_PASSWORD": "nieuw"})
    assert [d["name"] for d in json.loads(listed.stdout)] == ["R04_vader_DM.txt"]
    twice = run("encrypt", path, env={"DUIDING_PASSWORD": "nieuw"})
    assert twice.returncode == 1 and "already encrypted" in twice.stderr


@pytest.mark.parametrize("words", [PHRASES[:8]])
def test_working_on_an_encrypted_project_leaves_no_plain_text_in_cache_or_temp(
        tmp_path: Path, words: list[str]) -> None:
    """Import, NLP search (its cache), statistics and an export, with the user cache folder
    and the temp folder redirected: neither may hold a word of the project afterwards."""
    cache, temp, out = tmp_path / "cache", tmp_path / "tmp", tmp_path / "out"
    for folder in (cache, temp, out):
        folder.mkdir()
    env = {"DUIDING_PASSWORD": "geheim", "XDG_CACHE_HOME": str(cache), "TMPDIR": str(temp),
           "SQLITE_TMPDIR": str(temp)}
    path = tmp_path / "studie.duiding"
    files = write_files(tmp_path / "bestanden")
    steps = [("new", path, "--encrypt"),
             ("import", path, *[files / n for n in FILES], "--attributes",
              files / "respondenten.csv"),
             ("code", path, "--document", "R01_moeder_WV.txt", "--quote", PHRASES[4],
              "--code", "toegang/wachttijd"),
             ("search", path, "Klaverweide", "--json"),
             ("search", path, "wachten", "--lemma"),
             ("stats", path, "--by", "gemeente"),
             # (about encryption, not pseudonymisation: the names may go out)
             ("export", "word", path, out / "hoofdstuk.docx", "--allow-personal-data"),
             ("export", "xlsx", path, out / "fragmenten.xlsx", "--allow-personal-data"),
             ("withdraw", path, "--respondent", "R02", "--yes")]
    for step in steps:
        result = run(*step, env=env)
        assert result.returncode == 0, (step, result.stderr)
    assert "Klaverweide" in run("search", path, "Klaverweide", env=env).stdout
    leftovers = [p for p in [*cache.rglob("*"), *temp.rglob("*")] if p.is_file()]
    assert occurrences(leftovers, words) == {}
    assert occurrences(raw_files(tmp_path, "studie"), words) == {}
