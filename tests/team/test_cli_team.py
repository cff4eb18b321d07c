"""The command line on a team project: every command takes a postgresql:// URL or a connection
file; `team` for the projectleider; push and clone; errors in one line, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app.test_cli_core import duiding
from tests.pg import Places

TEXT = ("Interviewer: Hoe kwam u bij de hulp?\n\n"
        "Moeder: Zeven maanden. Zeven maanden voor Meerstroom GGZ.")


@pytest.fixture(autouse=True)
def _coder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUIDING_CODER", "Sanne")


def test_a_study_on_the_server_from_the_command_line(server_places: Places,
                                                     tmp_path: Path) -> None:
    url = str(server_places.new("studie"))
    assert "new project with" in duiding("new", url).stdout
    (tmp_path / "r1.txt").write_text(TEXT, encoding="utf-8")
    assert "1 imported" in duiding("import", url, tmp_path / "r1.txt").stdout
    duiding("team", "add-user", url, "anouk", "--role", "codeur", "--no-password")
    server_places.cluster.remember("anouk", "x")  # type: ignore[union-attr]
    with server_places.cluster.admin() as admin:  # type: ignore[union-attr]
        admin.execute("ALTER ROLE anouk PASSWORD 'x'")
    listed = json.loads(duiding("team", "list", url, "--json").stdout)
    assert listed["members"] == [{"login": "anouk", "role": "codeur", "coder": "anouk"}]
    anna = url.replace("leider@", "anouk@")
    duiding("code", anna, "--document", "r1.txt", "--quote", "Zeven maanden voor Meerstroom",
            "--code", "toegang/wachttijd", "--valence", "aandachtspunt")
    segs = json.loads(duiding("segments", url, "--json").stdout)
    assert [(s["coder"], s["codes"]) for s in segs] == [("anouk", ["toegang/wachttijd"])]
    # The server decides who you are: a codeur cannot code under another name.
    refused = duiding("code", anna, "--document", "r1.txt", "--quote", "Zeven maanden.",
                      "--code", "toegang", "--coder", "Tim", check=False)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "codeur" in refused.stderr and "Traceback" not in refused.stderr
    # A codeur does not export; the lead does.
    out = tmp_path / "fragmenten.csv"
    denied = duiding("export", "csv", anna, out, check=False)
    assert denied.returncode == 1 and "projectleider" in denied.stderr and not out.exists()
    warned = duiding("export", "csv", url, out, check=False)  # names would leave: asks first
    assert warned.returncode == 1 and "--allow-personal-data" in warned.stderr
    duiding("export", "csv", url, out, "--allow-personal-data")  # the lead chooses to
    assert "Meerstroom" in out.read_text(encoding="utf-8")
    # A lezer exports nothing personal: not before the key is confirmed.
    duiding("team", "add-user", url, "lieke", "--role", "lezer", "--no-password")
    server_places.cluster.remember("lieke", "l")  # type: ignore[union-attr]
    with server_places.cluster.admin() as admin:  # type: ignore[union-attr]
        admin.execute("ALTER ROLE lieke PASSWORD 'l'")
    reader = duiding("export", "csv", url.replace("leider@", "lieke@"), tmp_path / "l.csv",
                     "--allow-personal-data", check=False)
    assert reader.returncode == 1 and "pseudonymised" in reader.stderr
    assert not (tmp_path / "l.csv").exists()
    duiding("team", "connection-file", url, tmp_path / "studie")
    conn = tmp_path / "studie.duiding-team"
    assert json.loads(duiding("stats", conn, "--json").stdout)
    assert "blind coding on" in duiding("team", "blind", url, "on").stdout


def test_push_clone_and_merge_from_the_command_line(server_places: Places,
                                                    tmp_path: Path) -> None:
    laptop = tmp_path / "laptop.duiding"
    duiding("new", laptop)
    (tmp_path / "r1.txt").write_text(TEXT, encoding="utf-8")
    duiding("import", laptop, tmp_path / "r1.txt")
    duiding("code", laptop, "--document", "r1.txt", "--quote", "Zeven maanden.",
            "--code", "toegang")
    url = str(server_places.new("studie"))
    pushed = json.loads(duiding("push", laptop, url, "--json").stdout)
    assert pushed["rows"]["segments"] == 1
    offline = tmp_path / "offline.duiding"
    duiding("clone", url, offline)
    duiding("code", offline, "--document", "r1.txt", "--quote", "Meerstroom GGZ",
            "--code", "nazorg")
    duiding("merge", url, offline)
    duiding("merge", url, offline)  # again: nothing new
    segs = json.loads(duiding("segments", url, "--json").stdout)
    assert sorted(s["text"] for s in segs) == ["Meerstroom GGZ", "Zeven maanden."]


def test_server_trouble_is_one_line(server_places: Places, tmp_path: Path) -> None:
    result = duiding("codes", "postgresql://leider@127.0.0.1:9/studie", check=False)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("duiding codes: cannot reach the server 127.0.0.1:9")
    missing = duiding("codes", str(server_places.cluster.url("nergens")), check=False)  # type: ignore[union-attr]
    assert "no database nergens" in missing.stderr and missing.stderr.count("\n") == 1
    team = duiding("team", "list", tmp_path / "geen.duiding", check=False)
    assert team.returncode == 1 and team.stderr.count("\n") == 1


def test_withdrawal_and_encryption_refuse_a_server_project_in_one_line(
        server_places: Places, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = str(server_places.new("studie"))
    duiding("new", url)
    (tmp_path / "R07_ouder.txt").write_text(TEXT, encoding="utf-8")
    duiding("import", url, tmp_path / "R07_ouder.txt")
    monkeypatch.setenv("DUIDING_PASSWORD", "geheim-wachtwoord")
    connection = tmp_path / "studie.duiding-team"
    duiding("team", "connection-file", url, connection)
    for args in (("withdraw", url, "--respondent", "R07", "--yes"),
                 ("withdraw", connection, "--document", "R07_ouder", "--yes", "--json"),
                 ("encrypt", url), ("decrypt", connection),
                 ("new", str(server_places.new("ander")), "--encrypt")):
        result = duiding(*args, check=False)
        assert result.returncode == 1, args
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, args
        assert "team project on a server" in result.stderr, args
    # nothing was removed: the interview is still there, and the log can be read
    assert "R07_ouder" in duiding("documents", url).stdout
    assert "(no withdrawals)" in duiding("withdraw", url, "--log").stdout
