"""Questionnaire readers, column-role guessing and the checks before anything is stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding.survey.mapping import ColumnMapping, Role, Source, SurveyMapping
from coding.survey.scales import Scale
from importers.survey import SurveyColumn, SurveyImportError, read_survey
from importers.survey_choose import closed_scale, resolve_column, with_role
from importers.survey_guess import guess_column, guess_mapping
from importers.survey_rows import prepare
from tests.survey_data import (
    BETER,
    CIJFER,
    EMAIL,
    GEMEENTE,
    GOED,
    ID,
    SNEL,
    TIPS,
    TYPE,
    make_questionnaire,
    write_csv,
    write_xlsx,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def small(tmp_path: Path, name: str = "ceo_2024.xlsx", n: int = 40):
    q = make_questionnaire(2024, n, small_count=3)
    return q, write_xlsx(q, tmp_path / name)


# -- reading ---------------------------------------------------------------------------------------


def test_xlsx_and_both_kinds_of_csv_read_the_same(tmp_path: Path) -> None:
    q, xlsx = small(tmp_path)
    semicolon = write_csv(q, tmp_path / "ceo_2024.csv")  # Dutch Excel: ; and Windows-1252
    comma = write_csv(q, tmp_path / "utf8" / "ceo_2024.csv", delimiter=",", encoding="utf-8-sig")
    tables = [read_survey(p) for p in (xlsx, semicolon, comma)]
    assert [c.name for c in tables[0].columns] == list(q.headers)
    for table in tables[1:]:
        assert [c.name for c in table.columns] == list(q.headers)
        for column in (ID, GEMEENTE, SNEL, CIJFER):
            assert table.values(column) == tables[0].values(column)
    assert tables[2].values(GOED) == tables[0].values(GOED)  # line breaks in cells, emoji
    assert any("ideeën" in v for v in tables[1].values(GOED))  # Windows-1252 accents
    # Excel row numbers: the header is row 1, the first respondent row 2.
    assert tables[0].rows[0][0] == 2 and tables[1].rows[0][0] == 2
    assert tables[0].column(SNEL).ref() == f"column {SNEL!r} (F)"
    assert tables[1].column(SNEL).ref() == f"column {SNEL!r} (6)"


def test_spss_file_with_value_labels(tmp_path: Path) -> None:
    table = read_survey(FIXTURES / "survey_small.sav")
    assert table.format == "sav" and table.row_noun == "case"
    v1 = table.column("v1")
    assert v1.label == "Ik ben snel geholpen"
    assert v1.value_labels["3"] == "vaak" and v1.user_missing == ("9",)
    assert table.values("gem")[:3] == ["Westerveen", "Westerveen", "Duinmeer"]
    assert table.values("v1")[3] == "weet niet"  # user-missing code 9, read as its label
    assert table.values("v1")[10] == ""  # system missing
    assert table.values("respnr")[0] == "101"
    mapping = guess_mapping(table)
    roles = {c.column: c.role for c in mapping.columns}
    assert roles == {"respnr": Role.ID, "gem": Role.ATTRIBUTE, "jaar": Role.METING,
                     "v1": Role.CLOSED, "v2": Role.CLOSED, "v3": Role.CLOSED,
                     "goed": Role.OPEN, "beter": Role.OPEN}
    v1_map = mapping.get("v1")
    assert v1_map is not None and v1_map.scale is not None
    assert v1_map.scale.categories == ("nooit", "soms", "vaak", "altijd")
    assert v1_map.scale.missing == ("weet niet",)
    assert v1_map.scale.top_box == ("vaak", "altijd")
    assert v1_map.label == "Ik ben snel geholpen" and v1_map.attribute == "Ik ben snel geholpen"
    assert mapping.get("gem").attribute == "gemeente"  # type: ignore[union-attr]
    prepared = prepare(table, mapping)
    assert len(prepared.respondents) == 12
    first = prepared.respondents[0]
    assert first.attributes["meting"] == "2024" and first.attributes["gemeente"] == "Westerveen"
    assert first.text == ("Wat ging goed?\nDe consulent luisterde goed naar ons.\n\n"
                          "Wat kan beter?\nWachttijd was lang.")
    silent = prepared.respondents[6]
    assert silent.respondent == "107" and silent.text == "" and silent.answers == ()


# -- guessing ----------------------------------------------------------------------------------------

FREQ_VALUES = ["nooit", "Soms", "vaak", "Altijd", "", "weet niet", "vaak"] * 6
AGREE_VALUES = ["Helemaal mee eens", "Mee eens", "Niet eens/niet oneens", "Mee oneens",
                "Helemaal mee oneens", ""] * 7
LONG_TEXT = ["De wachttijd was veel te lang, zeven maanden op de eerste afspraak.",
             "fijn contact met de jeugdconsulent", "", "-",
             "Dat school en de hulpverlener samen praten, dat hielp."] * 8
SHORT_VARIED = ["te lang", "prima", "Geen idee eigenlijk", "wisselingen", "bereikbaarheid",
                "de brief", "telefoon", "loket", "niks", "alles", "wachtlijst", "uitleg",
                "", "bellen duurde lang", "de intake", "mijn zoon", "-", "zie boven"]


@pytest.mark.parametrize(("header", "values", "role", "attribute"), [
    ("Respondentnummer", [str(i) for i in range(40)], Role.ID, ""),
    ("RespNr", [str(100 + i) for i in range(40)], Role.ID, ""),
    ("Response ID", [f"R_{i:04x}" for i in range(40)], Role.ID, ""),
    ("Gemeente", ["Westerveen", "Duinmeer"] * 20, Role.ATTRIBUTE, "gemeente"),
    ("Woonplaats", ["Westerveen", "Duinmeer", "Heidekamp"] * 12, Role.ATTRIBUTE, "gemeente"),
    ("Type respondent", ["ouder", "jongere"] * 20, Role.ATTRIBUTE, "respondent_type"),
    ("Ingevuld door", ["ouder/verzorger", "jongere"] * 20, Role.ATTRIBUTE, "respondent_type"),
    ("Jaar", ["2023", "2024"] * 20, Role.METING, "meting"),
    ("Meetmoment", ["voorjaar 2024"] * 40, Role.METING, "meting"),
    ("Leeftijd kind", [str(4 + i % 14) for i in range(40)], Role.ATTRIBUTE, "leeftijd"),
    ("Geslacht", ["jongen", "meisje", "anders"] * 12, Role.ATTRIBUTE, "Geslacht"),
    ("E-mailadres", [f"a{i}@voorbeeld.nl" for i in range(40)], Role.IGNORE, ""),
    ("Naam", [f"Ouder {i}" for i in range(40)], Role.IGNORE, ""),
    ("Postcode", ["1234 AB"] * 40, Role.IGNORE, ""),
    ("Startdatum", ["2024-03-01"] * 40, Role.IGNORE, ""),
    ("Ik ben snel geholpen", FREQ_VALUES, Role.CLOSED, "Ik ben snel geholpen"),
    ("Stelling 3: de hulpverlener nam mij serieus", AGREE_VALUES, Role.CLOSED,
     "Stelling 3: de hulpverlener nam mij serieus"),
    ("V12", [str(1 + i % 5) for i in range(40)], Role.CLOSED, "V12"),
    ("Heeft u hulp gekregen bij het invullen?", ["ja", "nee", "Nee", "Ja", ""] * 8,
     Role.CLOSED, "Heeft u hulp gekregen bij het invullen?"),
    ("Wat ging goed?", LONG_TEXT, Role.OPEN, ""),
    ("Toelichting", SHORT_VARIED, Role.OPEN, ""),
    ("Q7_other", LONG_TEXT, Role.OPEN, ""),
])
def test_guess_column_role_from_realistic_headers(header: str, values: list[str], role: Role,
                                                   attribute: str) -> None:
    guess = guess_column(SurveyColumn(header, 1, "A"), values)
    assert guess.role == role, (header, guess)
    assert guess.attribute == attribute
    assert guess.source == Source.GUESS
    if role == Role.CLOSED:
        assert guess.scale is not None and guess.scale.top_box
        assert all(guess.scale.category_of(v) is not None for v in values if v)
    if role in (Role.OPEN, Role.CLOSED):
        assert guess.label == header


def test_agreement_spellings_map_onto_one_scale() -> None:
    guess = guess_column(SurveyColumn("s1", 1, "A"), AGREE_VALUES)
    assert guess.scale is not None
    assert guess.scale.categories == ("helemaal oneens", "oneens", "neutraal", "eens",
                                      "helemaal eens")
    assert guess.scale.category_of("Niet eens/niet oneens") == "neutraal"
    assert guess.scale.top_box_text() == "eens of helemaal eens"


def test_whole_file_guess_and_meting_from_the_file_name(tmp_path: Path) -> None:
    _q, path = small(tmp_path, "CEO jeugd 2024 export.xlsx")
    mapping = guess_mapping(read_survey(path))
    roles = {c.column: c.role for c in mapping.columns}
    assert roles[ID] == Role.ID and roles[GEMEENTE] == Role.ATTRIBUTE
    assert roles[TYPE] == Role.ATTRIBUTE and roles[EMAIL] == Role.IGNORE
    assert roles[SNEL] == roles[CIJFER] == Role.CLOSED
    assert roles[GOED] == roles[BETER] == roles[TIPS] == Role.OPEN
    assert mapping.meting == "2024"
    assert not mapping.problems()


def test_saved_mapping_is_reused_for_next_years_file(tmp_path: Path) -> None:
    _q, path = small(tmp_path, "ceo_2025.xlsx")
    table = read_survey(path)
    saved = {
        # last year the researcher kept the e-mail column out and renamed the type column
        "type respondent": ColumnMapping("Type respondent", Role.ATTRIBUTE, "", "rol"),
        SNEL: ColumnMapping(SNEL, Role.CLOSED, SNEL, "snel", Scale(
            ("nooit", "soms", "vaak", "altijd"), ("altijd",), ("weet niet",))),
        TIPS: ColumnMapping(TIPS, Role.IGNORE),
    }
    mapping = guess_mapping(table, saved)
    assert mapping.get(TYPE) == ColumnMapping(TYPE, Role.ATTRIBUTE, "", "rol", None, Source.SAVED)
    snel = mapping.get(SNEL)
    assert snel is not None and snel.source == Source.SAVED and snel.attribute == "snel"
    assert snel.scale is not None and snel.scale.top_box == ("altijd",)
    assert mapping.get(TIPS).role == Role.IGNORE  # type: ignore[union-attr]
    assert mapping.get(GOED).source == Source.GUESS  # type: ignore[union-attr]


# -- what stops an import: file, column and row named -------------------------------------------


def fails(excinfo: pytest.ExceptionInfo[SurveyImportError], *parts: str) -> str:
    message = str(excinfo.value)
    for part in parts:
        assert part in message, (part, message)
    return message


def test_unknown_column_name(tmp_path: Path) -> None:
    _q, path = small(tmp_path)
    table = read_survey(path)
    assert resolve_column(table, "respondentnummer") == ID  # case does not matter
    assert resolve_column(table, "wat ging goed") == GOED  # nor punctuation
    with pytest.raises(SurveyImportError) as e:
        resolve_column(table, "Respondentnr", "--id")
    fails(e, "ceo_2024.xlsx", "'Respondentnr'", "--id", f"Did you mean {ID!r}")


def test_duplicate_respondent_ids(tmp_path: Path) -> None:
    q, _ = small(tmp_path)
    q.rows[7][0] = q.rows[3][0]
    path = write_xlsx(q, tmp_path / "dubbel.xlsx")
    table = read_survey(path)
    with pytest.raises(SurveyImportError) as e:
        prepare(table, guess_mapping(table))
    fails(e, "dubbel.xlsx", f"column {ID!r} (A)", f"'{q.rows[3][0]}'", "rows 5 and 9")


def test_answer_off_the_scale(tmp_path: Path) -> None:
    q, _ = small(tmp_path)
    col = q.headers.index(SNEL)
    q.rows[12][col] = "heel erg vaak"
    path = write_xlsx(q, tmp_path / "schaal.xlsx")
    table = read_survey(path)
    with pytest.raises(SurveyImportError) as e:
        closed_scale(table, SNEL)
    fails(e, "schaal.xlsx", f"column {SNEL!r} (F)", "row 14", "'heel erg vaak'",
          "nooit / soms / vaak / altijd")
    # with last year's saved scale the same cell stops the import itself
    saved = {SNEL: ColumnMapping(SNEL, Role.CLOSED, SNEL, SNEL, Scale(
        ("nooit", "soms", "vaak", "altijd"), ("vaak", "altijd")))}
    with pytest.raises(SurveyImportError) as e:
        prepare(table, guess_mapping(table, saved))
    fails(e, "schaal.xlsx", f"column {SNEL!r} (F)", "row 14", "'heel erg vaak'")


def test_weet_ik_niet_next_year_joins_the_saved_scale_instead_of_failing(tmp_path: Path) -> None:
    q, _ = small(tmp_path)
    col = q.headers.index(SNEL)
    q.rows[2][col] = "Weet ik niet"
    table = read_survey(write_xlsx(q, tmp_path / "ceo.xlsx"))
    saved = {SNEL: ColumnMapping(SNEL, Role.CLOSED, SNEL, SNEL, Scale(
        ("nooit", "soms", "vaak", "altijd"), ("vaak", "altijd"), ("weet niet",)))}
    prepared = prepare(table, guess_mapping(table, saved))
    scale = prepared.mapping.get(SNEL).scale  # type: ignore[union-attr]
    assert scale is not None and scale.missing == ("weet niet", "Weet ik niet")
    assert prepared.respondents[2].attributes[SNEL] == "Weet ik niet"


def test_numbers_stored_as_text_are_read_and_reported(tmp_path: Path) -> None:
    q, _ = small(tmp_path)
    col = q.headers.index(CIJFER)
    q.rows[4][col] = "7"  # a text cell among numbers (Excel's green triangle)
    q.rows[9][col] = " 8 "
    path = write_xlsx(q, tmp_path / "tekst.xlsx")
    table = read_survey(path)
    prepared = prepare(table, guess_mapping(table))
    assert prepared.respondents[4].attributes[CIJFER] == "7"
    assert prepared.respondents[9].attributes[CIJFER] == "8"
    note = next(w for w in prepared.warnings if "numbers stored as text" in w)
    assert f"column {CIJFER!r} (J)" in note and "rows 6, 11" in note


def test_empty_rows_are_skipped_and_a_row_without_id_stops(tmp_path: Path) -> None:
    q, _ = small(tmp_path)
    blank = [""] * len(q.headers)
    q.rows.insert(10, list(blank))
    q.rows.insert(10, list(blank))
    path = write_xlsx(q, tmp_path / "leeg.xlsx")
    table = read_survey(path)
    prepared = prepare(table, guess_mapping(table))
    assert len(prepared.respondents) == 40
    assert "Empty rows 12, 13 skipped." in prepared.warnings
    q.rows[20][0] = ""
    path = write_xlsx(q, tmp_path / "zonder_id.xlsx")
    table = read_survey(path)
    with pytest.raises(SurveyImportError) as e:
        prepare(table, guess_mapping(table))
    fails(e, "zonder_id.xlsx", "Row 22", "no respondent id", f"column {ID!r} (A)")


def test_formula_and_error_cells_in_an_imported_column(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _q, path = small(tmp_path)
    wb = load_workbook(path)
    ws = wb.active
    ws["J15"] = "=SUM(F15:I15)"
    ws["C7"] = "#N/A"
    wb.save(path)
    table = read_survey(path)
    mapping = guess_mapping(table)
    with pytest.raises(SurveyImportError) as e:
        prepare(table, mapping)
    fails(e, "ceo_2024.xlsx", f"column {TYPE!r} (C)", "row 7", "#N/A")
    mapping = with_role(table, mapping, TYPE, Role.IGNORE)  # leave the column out: fine...
    with pytest.raises(SurveyImportError) as e:  # ...but the formula is in an imported item
        prepare(table, mapping)
    fails(e, "ceo_2024.xlsx", f"column {CIJFER!r} (J)", "row 15", "=SUM(F15:I15)",
          "paste as values")
    mapping = with_role(table, mapping, CIJFER, Role.IGNORE)
    assert len(prepare(table, mapping).respondents) == 40


def test_a_50_mb_sheet_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "alles.xlsx"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(SurveyImportError) as e:
        read_survey(path)
    assert e.value.reason == "too_large"
    fails(e, "alles.xlsx", "50 MB", "limit is 25 MB", "split the file")


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("kapot.xlsx", b"PK\x03\x04 not really a zip", "corrupt"),
    ("kapot.sav", b"$FL2 this is no spss file at all", "corrupt"),
    ("leeg.csv", b"\n\n;;\n", "empty"),
    ("antwoorden.ods", b"x", "unsupported"),
])
def test_damaged_files_get_one_clear_message(tmp_path: Path, name: str, content: bytes,
                                             reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SurveyImportError) as e:
        read_survey(path)
    assert e.value.reason == reason
    assert str(e.value).startswith(f"{name}: ")


def test_a_column_without_header_but_with_values(tmp_path: Path) -> None:
    path = tmp_path / "kop.csv"
    path.write_text("nr;gemeente;;Wat ging goed?\n1;Westerveen;x;Fijn\n2;Duinmeer;;Goed\n",
                    encoding="utf-8")
    with pytest.raises(SurveyImportError) as e:
        read_survey(path)
    fails(e, "kop.csv", "Column 3 has no header", "row 2")


def test_mapping_problems_stop_before_anything(tmp_path: Path) -> None:
    _q, path = small(tmp_path)
    table = read_survey(path)
    mapping = with_role(table, guess_mapping(table), ID, Role.IGNORE)
    with pytest.raises(SurveyImportError) as e:
        prepare(table, mapping)
    fails(e, "ceo_2024.xlsx", "No column is chosen as the respondent id")
    clash = SurveyMapping(tuple(
        ColumnMapping(c.column, c.role, c.label, "gemeente" if c.column == TYPE else c.attribute,
                      c.scale) for c in guess_mapping(table).columns))
    with pytest.raises(SurveyImportError) as e:
        prepare(table, clash)
    fails(e, f"{GEMEENTE!r} and {TYPE!r}", "attribute 'gemeente'")


# -- what a respondent becomes -------------------------------------------------------------------


def test_open_answers_become_turns_and_nothing_makes_no_turn(tmp_path: Path) -> None:
    q, path = small(tmp_path)
    table = read_survey(path)
    prepared = prepare(table, guess_mapping(table))
    by_id = {r.respondent: r for r in prepared.respondents}
    for row in q.rows:
        record = by_id[str(row[0])]
        answers = [(h, str(row[q.headers.index(h)]).strip()) for h in (GOED, BETER, TIPS)]
        answers = [(h, a) for h, a in answers if a and a not in ("-", ".")]
        assert [a.label for a in record.answers] == [h for h, _a in answers]
        for answer, (_h, text) in zip(record.answers, answers, strict=True):
            assert record.text[answer.start:answer.end] == text.replace("\r\n", "\n")
            assert record.text[:answer.start].endswith("?\n")  # the question stands above it
        assert "\n\n\n" not in record.text
    silent = by_id[str(q.rows[5][0])]
    assert silent.answers == () and silent.text == ""
    assert silent.attributes[SNEL] or silent.attributes.get(CIJFER)  # closed answers kept


def test_a_sav_that_crashes_the_spss_reader_is_a_damaged_file_not_a_dead_program() -> None:
    """ReadStat (C) segfaults on this mutated .sav (found by the fuzzing campaign). Read in a
    child process, it becomes one clear error and the program goes on."""
    bad = Path(__file__).resolve().parents[1] / "fixtures" / "sav_that_crashes_readstat.sav"
    with pytest.raises(SurveyImportError) as info:
        read_survey(bad)
    assert info.value.reason == "corrupt" and "damaged" in str(info.value)
    assert bad.name in str(info.value)
