"""Done when (issue 15): from the README, import a two-year questionnaire, code open answers,
export a chapter with the factsheet table (percentages computed here from the files themselves),
suppression applied, and coded open answers under the themes. Run through the command line, as
the README does; the chapter is read back with python-docx."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import docx
import pytest

from app.cli import main
from coding.project import Project
from tests.helpers import pseudonymised_file
from tests.survey_data import (
    BETER,
    FREQ_ITEMS,
    SAMEN,
    SNEL,
    make_questionnaire,
    write_csv,
    write_xlsx,
)
from tests.survey_data import expected_top_box as top_box


def duiding(*args: str | Path, ok: bool = True) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    if ok:
        assert code == 0, err.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DUIDING_CODER", "Sanne")
        return _build(tmp_path_factory.mktemp("study"))


@pytest.fixture
def study(built: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    """A copy of the built study per test, so each test may change it."""
    project = tmp_path / "ceo.duiding"
    shutil.copy(built["project"], project)
    return {**built, "project": project, "tmp": tmp_path}


def _build(tmp_path: Path) -> dict[str, Path]:
    files = {
        "2023": write_xlsx(make_questionnaire(2023, 160), tmp_path / "CEO jeugd 2023.xlsx"),
        # next year's export comes as a Dutch-Excel CSV: same headers, other format
        "2024": write_csv(make_questionnaire(2024, 170, start_id=5001),
                          tmp_path / "CEO jeugd 2024.csv"),
        "2024x": write_xlsx(make_questionnaire(2024, 170, start_id=5001), tmp_path / "x.xlsx"),
    }
    project = tmp_path / "ceo.duiding"
    duiding("new", project)
    _, out, _ = duiding("import-survey", project, files["2023"], "--id", "Respondentnummer",
                        "--meting", "2023", "--ignore", "Ingevuld op")
    assert "160 respondents, 3 open questions, 5 closed items" in out
    _, out, _ = duiding("import-survey", project, files["2024"], "--json")
    report = json.loads(out)
    assert report["respondents"] == 170 and report["meting"] == "2024"
    assert {c["source"] for c in report["mapping"]} == {"saved"}
    # code what parents wrote about waiting and about deciding together
    with Project.open(project, readonly=True) as p:
        todo = []
        for d in p.documents.list():
            text = p.documents.text(d.id)
            for t in p.documents.turns(d.id):
                answer = text[t.start:t.end]
                if "zeven maanden" in answer and t.speaker == BETER:
                    todo.append((d.name, t.start, t.end, "toegang/wachttijd", "aandachtspunt"))
                elif "zonder dat wij erbij" in answer:
                    todo.append((d.name, t.start, t.end, "aansluiting/samen beslissen",
                                 "aandachtspunt"))
    assert len(todo) > 10
    for name, start, end, code, valence in todo[::2]:  # half of them is plenty
        duiding("code", project, "--document", name, "--start", start, "--end", end,
                "--code", code, "--valence", valence)
    duiding("survey-link", project, "--item", SNEL, "--code", "toegang/wachttijd")
    duiding("survey-link", project, "--item", SAMEN, "--code", "aansluiting/samen beslissen")
    pseudonymised_file(project)  # open answers are personal data too: pseudonymise, then export
    return {"project": project, "tmp": tmp_path, **files}


def table_with(doc: docx.document.Document, first: str) -> list[list[str]]:
    for table in doc.tables:
        rows = [[c.text for c in r.cells] for r in table.rows]
        if rows and rows[0][0] == first and any(first_col.startswith(SNEL) for first_col, *_ in
                                                 rows[1:]):
            return rows
    raise AssertionError("no such table")


def section(doc: docx.document.Document, heading: str) -> list[tuple[str, str]]:
    out, inside = [], False
    for p in doc.paragraphs:
        if p.style.name == "Heading 1":
            if inside:
                break
            inside = p.text == heading
            continue
        if inside:
            out.append((p.style.name, p.text))
    return out


def test_factsheet_table_matches_the_files(study: dict[str, Path]) -> None:
    out = study["tmp"] / "hoofdstuk.docx"
    duiding("export", "word", study["project"], out, "--survey-by", "gemeente")
    doc = docx.Document(out)
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings.index("Cijfers uit de vragenlijst") == headings.index(
        "Overzicht van de thema’s") + 1
    rows = table_with(doc, "Vraag")
    assert rows[0] == ["Vraag", "2023", "2024", "Verschil 2023–2024"]
    for item in FREQ_ITEMS:
        row = next(r for r in rows if r[0].startswith(item))
        assert row[0] == f"{item}\n(% vaak of altijd)"
        n23, p23 = top_box(study["2023"], item, ("vaak", "altijd"))
        n24, p24 = top_box(study["2024x"], item, ("vaak", "altijd"))
        assert row[1:3] == [f"{p23}%\nn = {n23}", f"{p24}%\nn = {n24}"]
        assert row[3] == (f"{p24 - p23:+d} pp" if p24 != p23 else "0 pp")
    # per gemeente (latest meting): the small municipality is suppressed, the others are not
    by = [t for t in doc.tables if [c.text for c in t.rows[0].cells][1:] ==
          ["Duinmeer", "Heidekamp", "Westerveen"]]
    assert len(by) == 1
    for r in by[0].rows[1:]:
        cells = [c.text for c in r.cells]
        assert cells[2] == "–\nn < 10"
        if cells[0].startswith(SNEL):
            n, pct = top_box(study["2024x"], SNEL, ("vaak", "altijd"), where=("Gemeente",
                                                                               "Westerveen"))
            assert cells[3] == f"{pct}%\nn = {n}"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "De vragenlijst is ingevuld door 330 respondenten (160 in 2023 en 170 in 2024)" in text
    assert "minder dan 10 respondenten geen percentage (‘n < 10’)" in text
    assert "Het is gebaseerd op 330 ingevulde vragenlijsten" in text


def test_coded_open_answers_and_figures_under_their_theme(study: dict[str, Path]) -> None:
    out = study["tmp"] / "hoofdstuk.docx"
    duiding("export", "word", study["project"], out)
    doc = docx.Document(out)
    toegang = section(doc, "Toegang")
    n24, p24 = top_box(study["2024x"], SNEL, ("vaak", "altijd"))
    _n23, p23 = top_box(study["2023"], SNEL, ("vaak", "altijd"))
    line = next(t for _s, t in toegang if t.startswith("Uit de vragenlijst:"))
    assert (f"{p24}% van de respondenten antwoordde in 2024 ‘vaak’ of ‘altijd’ op "
            f"‘{SNEL}’ (2023: {p23}%; n = {n24}).") in line
    quotes = [t for s, t in toegang if s == "Quote"]
    assert quotes and all("zeven maanden" in q for q in quotes)
    assert all(q.endswith(("vragenlijst 2023)", "vragenlijst 2024)")) for q in quotes)
    assert not any("respondent 1" in q or "500" in q for q in quotes)  # never a file's number
    count = next(t for _s, t in toegang if t.startswith("Genoemd door"))
    assert "respondenten van de vragenlijst" in count
    samen = section(doc, "Aansluiting")
    assert any(t.startswith("Uit de vragenlijst:") and f"‘{SAMEN}’" in t for _s, t in samen)
    assert any("zonder dat wij erbij" in t for s, t in samen if s == "Quote")
    # a theme without linked items has no figures line
    assert not any(t.startswith("Uit de vragenlijst:") for _s, t in section(doc, "Nazorg"))


def test_one_chapter_per_gemeente_has_its_own_figures(study: dict[str, Path]) -> None:
    folder = study["tmp"] / "per"
    folder.mkdir()
    duiding("export", "word", study["project"], folder, "--per", "gemeente")
    small = docx.Document(folder / "hoofdstuk_Heidekamp.docx")
    rows = table_with(small, "Vraag")
    assert all(cell == "–\nn < 10" for r in rows[1:] for cell in r[1:3])
    assert all(r[3] == "–" for r in rows[1:])
    west = docx.Document(folder / "hoofdstuk_Westerveen.docx")
    row = next(r for r in table_with(west, "Vraag") if r[0].startswith(SNEL))
    n, pct = top_box(study["2023"], SNEL, ("vaak", "altijd"), where=("Gemeente", "Westerveen"))
    assert row[1] == f"{pct}%\nn = {n}"


def test_mixed_project_counts_say_which_is_which(study: dict[str, Path]) -> None:
    folder = study["tmp"] / "interviews"
    folder.mkdir()
    (folder / "R01_ouder.txt").write_text(
        "Interviewer: Hoe lang moest u wachten?\n\nOuder: Zeven maanden, dat was veel te lang "
        "voor ons gezin en niemand belde ons terug.\n", encoding="utf-8")
    (folder / "R02_jongere.txt").write_text(
        "Interviewer: Hoe ging school?\n\nJongere: Goed, de mentor hielp mij.\n", encoding="utf-8")
    project = study["project"]
    duiding("import", project, folder)
    duiding("code", project, "--document", "R01_ouder.txt", "--quote",
            "Zeven maanden, dat was veel te lang voor ons gezin", "--code", "toegang/wachttijd",
            "--valence", "aandachtspunt")
    # The two new interviews were never pseudonymised: the export refuses until they are.
    code, _, err = duiding("export", "word", project, study["tmp"] / "x.docx", ok=False)
    assert code == 1 and "2 of 332 documents were never pseudonymised" in err
    pseudonymised_file(project)
    out = study["tmp"] / "gemengd.docx"
    duiding("export", "word", project, out)
    doc = docx.Document(out)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Het is gebaseerd op 2 interviews en 330 ingevulde vragenlijsten" in text
    with Project.open(project, readonly=True) as p:
        coded = {s.document for s in p.segments.query() if "toegang/wachttijd" in s.codes}
    questionnaires = len(coded) - 1
    count = next(t for _s, t in section(doc, "Toegang") if t.startswith("Genoemd door"))
    assert count.startswith(f"Genoemd door 1 van de 2 geïnterviewden en {questionnaires} van de "
                            "330 respondenten van de vragenlijst")
    stats = json.loads(duiding("stats", project, "--json")[1])
    assert stats["documents_by_kind"] == {"interview": 2, "questionnaire": 330}
    toegang = next(c for c in stats["codes"] if c["code"] == "toegang")
    assert toegang["by_kind"] == {"interview": 1, "questionnaire": questionnaires}
    assert "(1 interviewed, " in duiding("stats", project)[1]


def test_bad_questionnaire_leaves_the_project_untouched(study: dict[str, Path]) -> None:
    q = make_questionnaire(2025, 30, start_id=7001)
    q.rows[4][0] = q.rows[2][0]
    bad = write_xlsx(q, study["tmp"] / "ceo_2025.xlsx")
    with Project.open(study["project"], readonly=True) as p:
        before = (len(p.documents.list()), p.surveys.saved_mapping(), len(p.surveys.imports()))
    code, out, err = duiding("import-survey", study["project"], bad, ok=False)
    assert code == 1 and out == ""
    assert err.strip().count("\n") == 0  # one line, no traceback
    assert err.startswith("duiding import-survey: ceo_2025.xlsx: column 'Respondentnummer' (A)")
    assert "rows 4 and 6" in err
    code, _out, err = duiding("import-survey", study["project"], bad, "--open", "Wat ging fout?",
                              ok=False)
    assert code == 1 and "there is no column 'Wat ging fout?' (--open)" in err
    with Project.open(study["project"], readonly=True) as p:
        after = (len(p.documents.list()), p.surveys.saved_mapping(), len(p.surveys.imports()))
    assert after == before
