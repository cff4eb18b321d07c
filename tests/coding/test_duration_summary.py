"""One number format per quantity in the durations across families (CLI, GUI and chapter)."""

from __future__ import annotations

from coding.durations import summarise


def test_a_count_of_changes_is_written_as_a_count() -> None:
    assert summarise([0.0, 0.0, 0.0]).text("changes") == "0 (0–0; n=3)"
    assert summarise([2.0, 0.0, 1.0]).text("changes") == "1 (0–2; n=3)"
    # A median between two counts is a half, never rounded away to a whole number.
    assert summarise([1.0, 2.0]).text("changes") == "1,5 (1–2; n=2)"


def test_months_keep_one_decimal() -> None:
    assert summarise([7.0, 3.0, 12.0]).text("signal_to_help") == "7,0 (3,0–12,0; n=3)"
    assert summarise([4.5, 6.5]).text("registration_to_start") == "5,5 (4,5–6,5; n=2)"
    assert summarise([]).text("changes") == "–"
