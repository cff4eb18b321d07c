"""The README path on the command line (issue #11, 'Done when'): import with attributes ->
detect -> review (reject one, merge two, mark an attribute identifying) -> apply -> code ->
export word --per gemeente --compare meting=2023,2024. Text and sheet written here; deduce
runs for real."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from app.cli import main

T1 = ("Interviewer: Kunt u iets over uw gezin vertellen?\n\n"
      "Moeder: Ik ben Wytske. Mijn dochter Fenna zat op basisschool De Tovertuin, en haar "
      "juf, juf Marleen, zag dat ze niet sliep. Pake Durk zei: dat waait over. Het wijkteam "
      "kwam snel, dat vond ik goed. Daarna wachtten we elf weken op de GGZ, veel te lang.\n\n"
      "Interviewer: En de overdracht?\n\n"
      "Moeder: Janneke ging weg en de nieuwe kende het verhaal niet. Ik moest alles opnieuw "
      "vertellen aan Jan, zo heette hij.")
T2 = ("Interviewer: Hoe verliep de hulp?\n\n"
      "Vader: Onze zoon Tesfay, negen jaar, kreeg hulp van mevrouw Storm. Die nacht met de "
      "storm was hij bang. De tolk Tigrinya hielp ons echt, dat was fijn. Senait, mijn "
      "vrouw, belde met Jeugdbescherming Gelderland.\n\n"
      "Interviewer: En de nazorg?\n\n"
      "Vader: Na de afsluiting hoorden we niets meer. Nazorg is weten wie je moet bellen.")
T3 = ("Interviewer: Hoe was het contact met school?\n\n"
      "Moeder: Goed. Meester Bas belde elke week en Zeynep ging weer met plezier.")
T4 = ("Interviewer: Wat ging goed?\n\n"
      "Jongere: Hodan van het jongerenwerk luisterde echt naar mij.")
ORIGINALS = ("Wytske", "Fenna", "Tovertuin", "Marleen", "Durk", "Janneke", "Tesfay", "Senait",
             "Gelderland", "Storm", "Zeynep", "Hodan", "Habte", "Hoekstra")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


@pytest.mark.slow
def test_readme_path_from_import_to_chapters_per_municipality(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "transcripten"
    folder.mkdir()
    (folder / "R1_ouder_LW.txt").write_text(T1, encoding="utf-8")
    (folder / "R2_ouder_NV.txt").write_text(T2, encoding="utf-8")
    (folder / "R3_ouder_LW.txt").write_text(T3, encoding="utf-8")
    (folder / "R4_jongere_NV.txt").write_text(T4, encoding="utf-8")
    sheet = tmp_path / "respondenten.csv"
    sheet.write_text("bestand;respondent_type;gemeente;meting;naam\n"
                     "R1_ouder_LW.txt;ouder;Lindewaard;2023;Wytske Hoekstra\n"
                     "R2_ouder_NV.txt;ouder;Noorderveld;2024;Ruben Habte\n"
                     "R3_ouder_LW.txt;ouder;Lindewaard;2024;\n"
                     "R4_jongere_NV.txt;jongere;Noorderveld;2023;\n", encoding="utf-8")
    project = tmp_path / "studie.duiding"
    assert run(capsys, "new", project)[0] == 0
    assert run(capsys, "import", project, folder, "--attributes", sheet)[0] == 0

    code, out, _ = run(capsys, "pseudonymise", project, "--detect", "--json")
    assert code == 0
    found = json.loads(out)
    forms = {f for e in found["entities"] for f in e["forms"]}
    assert {"Fenna", "Tesfay", "Durk", "Marleen"} <= forms
    assert not {"De", "de", "storm", "elf"} & forms
    assert found["kept_attributes"] == ["gemeente", "meting", "respondent_type"]

    # Detected but not applied: every export is refused in one line naming the counts and
    # the first names found, never a traceback, and nothing is written.
    code, _, err = run(capsys, "export", "qdpx", project, tmp_path / "f.qdpx")
    assert code == 1 and "Traceback" not in err and err.count("\n") == 1
    assert err.startswith("duiding export: export refused: 4 of 4 documents were never "
                          "pseudonymised and ")
    named = err.split("(names found: ")[1].split(")")[0].split(", ")
    assert named and set(named) <= forms and err.rstrip().endswith("--allow-personal-data")
    assert not (tmp_path / "f.qdpx").exists()
    # --allow-unreviewed lets detected names through, but not documents never pseudonymised.
    code, _, err = run(capsys, "export", "qdpx", project, tmp_path / "f.qdpx",
                       "--allow-unreviewed")
    assert code == 1 and "4 of 4 documents" in err and "not reviewed" not in err
    code, _, err = run(capsys, "export", "qdpx", project, tmp_path / "f.qdpx",
                       "--allow-personal-data")
    assert code == 0 and (tmp_path / "f.qdpx").exists(), err
    (tmp_path / "f.qdpx").unlink()

    # Review: keep "Jan" (reject one), "Wytske" is the respondent of the naam attribute
    # (merge two), and mark naam identifying (it is by default; say so explicitly).
    code, out, _ = run(capsys, "pseudonymise", project, "--apply", "--reject", "Jan",
                       "--merge", "Wytske=Wytske Hoekstra", "--identifying", "naam", "--json")
    assert code == 0, out
    applied = json.loads(out)
    wytske = next(e for e in applied["entities"] if "Wytske Hoekstra" in e["forms"])
    assert "Wytske" in wytske["forms"]
    assert next(e for e in applied["entities"] if "Jan" in e["forms"])["decision"] == "rejected"

    code, out, _ = run(capsys, "documents", project, "--json")
    docs = {d["name"]: d for d in json.loads(out)}
    r1 = docs["R1_ouder_LW.txt"]
    assert r1["attributes"]["meting"] == "2023" and r1["attributes"]["gemeente"] == "Lindewaard"
    assert "Wytske" not in r1["attributes"]["naam"]

    assert run(capsys, "code", project, "--document", "R1_ouder_LW.txt", "--quote",
               "Het wijkteam kwam snel, dat vond ik goed.", "--code", "toegang",
               "--valence", "positief")[0] == 0
    assert run(capsys, "code", project, "--document", "R2_ouder_NV.txt", "--quote",
               "Na de afsluiting hoorden we niets meer.", "--code", "nazorg",
               "--valence", "aandachtspunt")[0] == 0
    assert run(capsys, "code", project, "--document", "R1_ouder_LW.txt", "--quote",
               "Ik moest alles opnieuw vertellen aan Jan", "--code", "wisselingen",
               "--valence", "aandachtspunt")[0] == 0

    out_dir = tmp_path / "hoofdstukken"
    out_dir.mkdir()
    code, out, err = run(capsys, "export", "word", project, out_dir, "--per", "gemeente",
                         "--compare", "meting=2023,2024")
    assert code == 0, err
    written = sorted(p.name for p in out_dir.glob("*.docx"))
    assert written == ["hoofdstuk_Lindewaard.docx", "hoofdstuk_Noorderveld.docx"]
    for name, municipality in (("hoofdstuk_Lindewaard.docx", "Lindewaard"),
                               ("hoofdstuk_Noorderveld.docx", "Noorderveld")):
        text = docx_text(out_dir / name)
        assert municipality in text
        assert "2023" in text and "2024" in text
        for original in ORIGINALS:
            assert original not in text, (name, original)
    for fmt, out_file in (("xlsx", "f.xlsx"), ("csv", "f.csv"), ("qdpx", "p.qdpx")):
        code, _, err = run(capsys, "export", fmt, project, tmp_path / out_file)
        assert code == 0, (fmt, err)
