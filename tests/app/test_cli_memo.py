"""`duiding memo` and `duiding memos` (issue #12, seen 1: no way to write a theme memo)."""

from __future__ import annotations

import json
from pathlib import Path

from coding.commands import AssignCase
from coding.memo_text import flatten
from coding.project import Project
from tests.app.test_cli_core import duiding, project  # noqa: F401  (fixture)


def test_seen_1_a_theme_memo_can_be_written_and_listed(project: Path) -> None:  # noqa: F811
    duiding("memo", project, "--code", "toegang/wachttijd", "--text",
            "Wachten is het grootste knelpunt.")
    memos = json.loads(duiding("memos", project, "--json").stdout)
    assert [(m["target"], m["name"], m["text"]) for m in memos] == [
        ("code", "toegang/wachttijd", "Wachten is het grootste knelpunt.")]


MEMO = ("Ouders noemen de **wachttijd** het grootste knelpunt.\n\n"
        "- Zeven maanden voor specialistische hulp\n- Geen contact tijdens het wachten")


def test_memos_on_every_kind_of_target(project: Path, tmp_path: Path) -> None:  # noqa: F811
    duiding("memo", project, "--code", "toegang", "--text", MEMO)
    memo_file = tmp_path / "r1.md"
    memo_file.write_bytes("\ufeffDe moeder vertelt open.\r\n\r\nTweede alinea.".encode("utf-8"))
    duiding("memo", project, "--document", "r1.txt", "--file", memo_file)
    duiding("memo", project, "--project", "--text", "Dit onderzoek gaat over jeugdhulp.")
    shown = duiding("memo", project, "--code", "toegang").stdout
    assert shown.strip() == MEMO
    memos = json.loads(duiding("memos", project, "--json").stdout)
    assert [(m["target"], m["name"], m["text"]) for m in memos] == [
        ("project", None, "Dit onderzoek gaat over jeugdhulp."),
        ("code", "toegang", MEMO),
        ("document", "r1.txt", "De moeder vertelt open.\n\nTweede alinea.")]
    assert memos[1]["words"] == 17
    listing = duiding("memos", project).stdout
    assert "code toegang (17 words): Ouders noemen de wachttijd het grootste knelpunt." in listing
    duiding("memo", project, "--code", "toegang", "--clear")
    assert [m["target"] for m in json.loads(duiding("memos", project, "--json").stdout)] == [
        "project", "document"]


def test_case_memo(project: Path) -> None:  # noqa: F811
    with Project.open(project) as p:
        p.execute(AssignCase(p.documents.by_name("r1.txt").id, "G-WV-014"))
    duiding("memo", project, "--case", "g-wv-014", "--text", "Moeder en dochter.")
    memos = json.loads(duiding("memos", project, "--json").stdout)
    assert [(m["target"], m["name"]) for m in memos] == [("case", "G-WV-014")]
    bad = duiding("memo", project, "--case", "G-9", "--text", "x", check=False)
    assert bad.returncode == 1 and "unknown case 'G-9'" in bad.stderr


def test_a_memo_file_that_is_not_utf8_text_gets_one_clear_line(project: Path,  # noqa: F811
                                                               tmp_path: Path) -> None:
    latin = tmp_path / "memo.txt"
    latin.write_bytes("Cliënten wachtten lang.".encode("cp1252"))
    result = duiding("memo", project, "--code", "toegang", "--file", latin, check=False)
    assert result.returncode == 1
    assert result.stderr == ("duiding memo: memo.txt: not UTF-8 text (byte 0xeb at position 3); "
                             "save the memo as UTF-8 text\n")
    binary = tmp_path / "memo.docx"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    result = duiding("memo", project, "--code", "toegang", "--file", binary, check=False)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "memo.docx: not a text file" in result.stderr
    missing = duiding("memo", project, "--code", "toegang", "--file", tmp_path / "weg.md",
                      check=False)
    assert missing.returncode == 1 and "weg.md" in missing.stderr
    assert "Traceback" not in missing.stderr + result.stderr
    assert json.loads(duiding("memos", project, "--json").stdout) == []  # nothing half-done


def test_a_reference_to_a_fragment_is_checked(project: Path) -> None:  # noqa: F811
    seg = json.loads(duiding("code", project, "--document", "r1.txt", "--quote",
                             "We wachtten zeven maanden.", "--code", "toegang/wachttijd",
                             "--json").stdout)
    text = f"Kernpunt:\n\n[zeven maanden](fragment:{seg['guid']})\n\n[weg](fragment:123)"
    out = duiding("memo", project, "--code", "toegang", "--text", text).stdout
    assert "note: the memo refers to fragment 123, which is not in the project" in out
    (memo,) = json.loads(duiding("memos", project, "--json").stdout)
    assert memo["references"] == [seg["guid"], "123"] and memo["missing_references"] == ["123"]


def test_memo_round_trips_through_qdpx_export_and_import(project: Path,  # noqa: F811
                                                         tmp_path: Path) -> None:
    # REFI-QDA memos are plain text: the export may flatten Markdown (coding.memo_text.flatten),
    # so the round trip is checked on a memo that reads the same either way.
    plain = flatten(MEMO)
    assert plain != MEMO and flatten(plain) == plain
    duiding("memo", project, "--code", "toegang/wachttijd", "--text", plain)
    duiding("memo", project, "--document", "r2.txt", "--text", "Kort gesprek.\n\nVia school.")
    duiding("memo", project, "--project", "--text", "Meting 2024.")
    out = tmp_path / "studie.qdpx"
    duiding("export", "qdpx", project, out, "--allow-personal-data")  # about memos, not names
    again = tmp_path / "terug.duiding"
    duiding("import-qdpx", out, again)
    before = json.loads(duiding("memos", project, "--json").stdout)
    after = json.loads(duiding("memos", again, "--json").stdout)
    assert [(m["target"], m["name"], m["text"]) for m in after] == [
        (m["target"], m["name"], m["text"]) for m in before]
    assert len(after) == 3
