"""Speaker labels: every convention research groups use is a turn; ordinary text is not."""

from __future__ import annotations

import pytest

from importers.speakers import find_turns


def spoken(text: str) -> list[tuple[str | None, str]]:
    return [(turn.speaker, text[turn.start : turn.end]) for turn in find_turns(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Interviewer: Hoe gaat het?\n\nOuder: Goed.",
            [("Interviewer", "Hoe gaat het?"), ("Ouder", "Goed.")],
        ),
        ("I: Vraag een.\nR: Antwoord een.", [("I", "Vraag een."), ("R", "Antwoord een.")]),
        ("int: Vraag.\nresp: Antwoord.", [("int", "Vraag."), ("resp", "Antwoord.")]),
        (
            "Speaker 1  0:03\nHello there.\nSpeaker 2  0:07\nHi.",
            [("Speaker 1", "Hello there."), ("Speaker 2", "Hi.")],
        ),
        (
            "Moeder: Ik eerst.\nVader: En ik daarna.\nMoeder: Nee!",
            [("Moeder", "Ik eerst."), ("Vader", "En ik daarna."), ("Moeder", "Nee!")],
        ),
        (
            "INTERVIEWER: Hoe oud ben je?\nJONGERE: Zeventien.",
            [("INTERVIEWER", "Hoe oud ben je?"), ("JONGERE", "Zeventien.")],
        ),
        (
            "Interviewer - Zo, hij staat aan.\nRespondent - Ja, is goed.",
            [("Interviewer", "Zo, hij staat aan."), ("Respondent", "Ja, is goed.")],
        ),
        (
            "Interviewer: Wat doet u?\nIntern begeleider: Ik coördineer de zorg.\n"
            "Interviewer: En verder?\nIntern begeleider: Niets.",
            [
                ("Interviewer", "Wat doet u?"),
                ("Intern begeleider", "Ik coördineer de zorg."),
                ("Interviewer", "En verder?"),
                ("Intern begeleider", "Niets."),
            ],
        ),
    ],
)
def test_label_conventions(text: str, expected: list[tuple[str, str]]) -> None:
    assert spoken(text) == expected


def test_transcription_service_style_label_on_its_own_line() -> None:
    text = (
        "00:00:03 Spreker 1\nGoedemiddag, fijn dat je er bent.\n\n"
        "00:01:12 Spreker 2\nJa, dank je.\nIk had er zin in.\n"
    )
    turns = find_turns(text)
    assert [(t.speaker, t.timestamp_ms) for t in turns] == [
        ("Spreker 1", 3000),
        ("Spreker 2", 72000),
    ]
    assert text[turns[1].start : turns[1].end] == "Ja, dank je.\nIk had er zin in."


def test_bracketed_timestamps_are_kept_and_outside_the_span() -> None:
    text = "[00:03:41] Interviewer: Hoe begon het?\n\n[01:02:03.5] Ouder: In 2022."
    turns = find_turns(text)
    assert [t.timestamp_ms for t in turns] == [221_000, 3_723_500]
    assert [text[t.start : t.end] for t in turns] == ["Hoe begon het?", "In 2022."]


def test_continuation_paragraphs_extend_the_previous_turn() -> None:
    text = "Interviewer: Vertel.\n\nOuder: Eerst dit.\n\nEn toen dat.\n\nInterviewer: Dank je."
    turns = find_turns(text)
    assert len(turns) == 3
    assert text[turns[1].start : turns[1].end] == "Eerst dit.\n\nEn toen dat."


def test_sentences_numbers_and_signatures_are_not_labels() -> None:
    text = (
        "Beste Fleur,\n\n"
        "1. Hoe was het contact?\n\n"
        "Wat ik bedoel: het ging niet goed.\n\n"
        "Let op: dit is belangrijk.\n\n"
        "Met vriendelijke groet,\n\nFatima Bouzidi\nAnkerstraat 17, Oosthaven\n"
    )
    turns = find_turns(text)
    assert [(t.speaker, t.start, t.end) for t in turns] == [(None, 0, len(text.rstrip()))]


def test_a_colon_sentence_inside_a_labelled_transcript_stays_text() -> None:
    text = "Interviewer: Hoe ging het?\nOuder: Slecht.\nWat ik bedoel: te laat.\nInterviewer: Oké."
    assert spoken(text) == [
        ("Interviewer", "Hoe ging het?"),
        ("Ouder", "Slecht.\nWat ik bedoel: te laat."),
        ("Interviewer", "Oké."),
    ]


def test_lowercase_words_before_a_colon_are_not_labels() -> None:
    text = "namelijk: dit.\nnamelijk: dat."
    assert [t.speaker for t in find_turns(text)] == [None]


def test_long_phrases_before_a_colon_are_not_labels_even_when_repeated() -> None:
    text = "Dit is een hele lange zin: een.\nDit is een hele lange zin: twee."
    assert [t.speaker for t in find_turns(text)] == [None]


def test_title_before_the_first_label_belongs_to_no_turn() -> None:
    text = "Transcript interview ouder – Duinmeer\nInterviewer - Dag.\nRespondent - Hallo."
    assert spoken(text) == [("Interviewer", "Dag."), ("Respondent", "Hallo.")]


def test_blank_text_has_no_turns() -> None:
    assert find_turns(" \n\n ") == []
