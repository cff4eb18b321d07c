"""Moment suggestions from Dutch time expressions: pure functions, checked phrase by phrase."""

from __future__ import annotations

import pytest

from coding.moment_input import MomentError, parse_moment
from coding.moments import Anchor, Moment, MomentKind
from coding.time_expressions import number_word, suggest_moment
from coding.told_durations import duration_text, suggest_duration

INTERVIEW = Anchor(year=2024, month=5, birth_year=2012,
                   previous=Moment(MomentKind.MONTH, 2020, 3))


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("toen hij 4 was", MomentKind.AGE, 48),
    ("Toen ze twaalf was ging het mis.", MomentKind.AGE, 144),
    ("toen hij één was", MomentKind.AGE, 12),
    ("toen ik een jaar of tien was", MomentKind.AGE, 120),
    ("op zijn vierde kreeg hij al logopedie", MomentKind.AGE, 48),
    ("op vierjarige leeftijd", MomentKind.AGE, 48),
    ("in groep 3 ging het mis", MomentKind.AGE, 78),  # groep 3: about six and a half
    ("als peuter al", MomentKind.AGE, 24),
    ("vorig jaar in maart", MomentKind.MONTH, (2023, 3)),
    ("in maart van vorig jaar", MomentKind.MONTH, (2023, 3)),
    ("in de zomer van 2021", MomentKind.MONTH, (2021, 7)),
    ("na de kerstvakantie", MomentKind.MONTH, (2024, 1)),
    ("na de zomervakantie", MomentKind.MONTH, (2023, 9)),  # after the interview in May: last year
    ("twee maanden later", MomentKind.MONTH, (2020, 5)),  # from the previous event
    ("een half jaar later", MomentKind.MONTH, (2020, 9)),
    ("in maart 2019 meldden we ons aan", MomentKind.MONTH, (2019, 3)),
    ("op 15 maart 2021", MomentKind.DATE, (2021, 3, 15)),
    ("15-3-2021", MomentKind.DATE, (2021, 3, 15)),
    ("in 2019", MomentKind.YEAR, 2019),
    ("vorig jaar", MomentKind.YEAR, 2023),
])
def test_suggestions_read_dutch_time_expressions(text: str, kind: MomentKind,
                                                 expected: object) -> None:
    found = suggest_moment(text, INTERVIEW)
    assert found is not None, text
    m = found.moment
    assert m.kind == kind
    if kind == MomentKind.AGE:
        assert m.age_months == expected
    elif kind == MomentKind.MONTH:
        assert (m.year, m.month) == expected
    elif kind == MomentKind.DATE:
        assert (m.year, m.month, m.day) == expected
    else:
        assert m.year == expected
    assert found.expression.casefold() in text.casefold()
    assert text[found.start:found.end] == found.expression


@pytest.mark.parametrize("text", [
    "Daarna kwam er weer een nieuwe begeleider.",
    "We hebben zeven maanden gewacht.",  # a duration, not a moment
    "Het ging eigenlijk best goed met hem.",
])
def test_no_moment_where_the_text_gives_none(text: str) -> None:
    assert suggest_moment(text, INTERVIEW) is None


def test_relative_expressions_need_their_anchor() -> None:
    assert suggest_moment("vorig jaar in maart") is None  # no interview year known
    assert suggest_moment("twee maanden later") is None  # no previous event
    assert suggest_moment("toen hij 4 was") is not None  # an age needs no anchor


def test_the_most_specific_expression_wins() -> None:
    found = suggest_moment("Toen hij 4 was, in maart 2016, begon het.", INTERVIEW)
    assert found is not None and found.moment.kind == MomentKind.MONTH


@pytest.mark.parametrize(("word", "value"), [
    ("vier", 4), ("één", 1), ("een", 1), ("twaalf", 12), ("tweeëntwintig", 22),
    ("drieëndertig", 33), ("anderhalf", 1.5), ("16", 16)])
def test_number_words_with_diaeresis(word: str, value: float) -> None:
    assert number_word(word) == value


@pytest.mark.parametrize(("text", "days"), [
    ("We hebben zeven maanden gewacht.", 210), ("de wachttijd was zestien weken", 112),
    ("anderhalf jaar", 548), ("Toen hij 4 jaar oud was", None), ("drie maanden later", None),
    ("twee jaar geleden", None)])
def test_durations_from_text(text: str, days: int | None) -> None:
    assert suggest_duration(text) == days


def test_duration_text_uses_the_unit_a_respondent_would() -> None:
    assert duration_text(210) == "7 maanden"
    assert duration_text(112) == "16 weken"
    assert duration_text(365) == "1 jaar"


def test_age_and_date_meet_through_the_birth_year() -> None:
    age = Moment(MomentKind.AGE, age_months=48)
    assert age.time(None) is None  # kept as an age without a birth year
    assert age.time(2012) == pytest.approx(2016.5)
    assert Moment(MomentKind.MONTH, 2016, 6).age_at(2012) == pytest.approx(3.96, abs=0.01)


@pytest.mark.parametrize(("value", "code"), [
    ("2021-03-15", "2021-03-15"), ("15-3-2021", "2021-03-15"), ("2021-03", "2021-03"),
    ("3-2021", "2021-03"), ("2021", "2021"), ("leeftijd 4", "leeftijd 4"), ("4 jaar", "leeftijd 4"),
    ("4;6", "leeftijd 4;6"), ("volgorde", "volgorde"), ("toen hij 4 was", "leeftijd 4")])
def test_parse_moment_reads_what_users_type_and_writes_it_back(value: str, code: str) -> None:
    moment = parse_moment(value)
    assert moment.code() == code
    assert parse_moment(moment.code()) == Moment(moment.kind, moment.year, moment.month,
                                                 moment.day, moment.age_months)


@pytest.mark.parametrize("value", ["2021-13", "ergens", "32-1-2020"])
def test_unreadable_moment_is_one_clear_error(value: str) -> None:
    with pytest.raises(MomentError, match="moment|month|day"):
        parse_moment(value)


def test_weeks_later_counts_weeks() -> None:
    found = suggest_moment("zes weken later", INTERVIEW)  # previous event: March 2020
    assert found is not None and (found.moment.year, found.moment.month) == (2020, 4)


@pytest.mark.parametrize(("value", "months", "label"), [
    ("leeftijd 10,5", 126, "10 jaar en 6 maanden"),  # a decimal comma: ten and a half years
    ("10,5 jaar", 126, "10 jaar en 6 maanden"),
    ("leeftijd 7.5", 90, "7 jaar en 6 maanden"),
    ("leeftijd 3,25", 39, "3 jaar en 3 maanden"),
    ("10;6", 126, "10 jaar en 6 maanden"),  # years;months, the clinical notation
    ("leeftijd 10;5", 125, "10 jaar en 5 maanden"),
    ("leeftijd 1;1", 13, "1 jaar en 1 maand"),
    ("leeftijd 4", 48, "4 jaar"),
    ("leeftijd 0;9", 9, "9 maanden"),
])
def test_ages_read_a_decimal_comma_as_a_fraction_and_a_semicolon_as_months(
        value: str, months: int, label: str) -> None:
    moment = parse_moment(value)
    assert moment.kind == MomentKind.AGE and moment.age_months == months
    assert moment.label() == label  # never '10,5 jaar' for ten years and six months
    assert parse_moment(moment.code()).age_months == months  # written back, read back


@pytest.mark.parametrize("value", ["leeftijd 10;12", "leeftijd 4;15"])
def test_months_after_a_semicolon_stay_below_twelve(value: str) -> None:
    with pytest.raises(MomentError, match="0-11"):
        parse_moment(value)


@pytest.mark.parametrize("value", ["vorig jaar in maart", "in maart van vorig jaar",
                                   "twee jaar geleden", "na de kerstvakantie", "vorige maand"])
@pytest.mark.parametrize("anchor", [None, Anchor()])
def test_a_relative_moment_without_an_interview_date_is_one_clear_error(
        value: str, anchor: Anchor | None) -> None:
    with pytest.raises(MomentError, match="interview has no date or meting") as caught:
        parse_moment(value, anchor)
    assert caught.value.code == "moment_needs_anchor"


def test_later_without_a_dated_event_before_it_is_one_clear_error() -> None:
    with pytest.raises(MomentError, match="no dated event before it"):
        parse_moment("twee maanden later", Anchor(year=2024, month=5))
    assert parse_moment("twee maanden later", INTERVIEW).month == 5  # with one: March + 2


def test_absolute_moments_need_no_anchor() -> None:
    assert parse_moment("in maart 2019", None).code() == "2019-03"
    assert parse_moment("toen hij 4 was", None).code() == "leeftijd 4"
