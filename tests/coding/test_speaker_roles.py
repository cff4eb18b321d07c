"""The one role guesser (coding.speaker_roles), on labels as research groups really write them."""

from __future__ import annotations

import pytest

from coding.speaker_roles import guess_role, is_known_label
from coding.types import SpeakerRole
from tests.helpers import project_with, transcript
from tests.pg import Places

INT, RESP, OTH = SpeakerRole.INTERVIEWER, SpeakerRole.RESPONDENT, SpeakerRole.OTHER

LABELS = [
    # interviewers, as students, lectorate researchers and transcription services write them
    ("Interviewer", INT), ("INTERVIEWER", INT), ("interviewer:", INT), ("Interviewster", INT),
    ("Onderzoeker", INT), ("Onderzoekster", INT), ("Gespreksleider", INT), ("Gespreksbegeleider", INT),
    ("Moderator", INT), ("Begeleider gesprek", INT), ("I", INT), ("I.", INT), ("I1", INT), ("I2", INT),
    ("I 2", INT), ("Int.", INT), ("Int", INT), ("IV", INT), ("Q", INT), ("Vraag", INT), ("V", INT),
    ("Student", INT), ("Interviewer 2", INT), ("Interviewer Lisa", INT), ("Lisa (interviewer)", INT),
    ("Onderzoeker (Sanne)", INT), ("Facilitator", INT),
    # present, but neither asking nor a respondent
    ("Tolk", OTH), ("TOLK", OTH), ("Tolk Arabisch", OTH), ("Notulist", OTH), ("Notuliste", OTH),
    ("Observator", OTH), ("Onverstaanbaar", OTH), ("Onbekend", OTH), ("[tolk]", OTH),
    # respondents, and everyone the label cannot tell about
    ("R", RESP), ("R1", RESP), ("Respondent", RESP), ("Respondent 2", RESP), ("Ouder", RESP), ("Moeder", RESP),
    ("Vader", RESP), ("Jongere", RESP), ("Intern begeleider", RESP), ("Begeleider", RESP), ("IB'er", RESP),
    ("Jeugdconsulent", RESP), ("Spreker 1", RESP), ("Spreker 2", RESP), ("Speaker 3", RESP), ("A", RESP),
    ("Antwoord", RESP), ("Geïnterviewde", RESP), ("Deelnemer 4", RESP), ("Mevrouw Demir", RESP),
    ("Moeder (via tolk)", RESP), ("Ramona", RESP),
]


@pytest.mark.parametrize(("label", "role"), LABELS, ids=[label for label, _ in LABELS])
def test_guess_role(label: str, role: SpeakerRole) -> None:
    assert guess_role(label) == role


def test_no_label_is_a_respondent() -> None:
    assert guess_role(None) == RESP


@pytest.mark.parametrize("label", ["Interviewer", "I", "Spreker 2", "Tolk", "Begeleider gesprek",
                                   "Vraag", "Intern begeleider"])
def test_role_labels_are_known_to_the_importers(label: str) -> None:
    assert is_known_label(label)


@pytest.mark.parametrize("label", ["Wat ik bedoel", "Namelijk", "Ramona", "1"])
def test_ordinary_words_are_not_known_labels(label: str) -> None:
    assert not is_known_label(label)


def test_import_stores_the_guess_and_the_researchers_choice_wins_for_later_imports(
        places: Places) -> None:
    first = "Gespreksleider: Welkom.\n\nTolk: Zij zegt dank u.\n\nSpreker 1: Dank u."
    second = "Spreker 1: Goedemiddag.\n\nMoeder: Hallo."
    project, (doc,) = project_with(places, ("g1.txt", first, {}))
    with project:
        roles = {s.label: s.role for s in project.documents.speakers(doc)}
        assert roles == {"Gespreksleider": INT, "Tolk": OTH, "Spreker 1": RESP}
        spreker = next(s for s in project.documents.speakers(doc) if s.label == "Spreker 1")
        project.documents.set_speaker(spreker.id, role=INT)  # the researcher knows better
        doc2 = project.documents.add_transcript(transcript("g2.txt", second))
        roles = {s.label: s.role for s in project.documents.speakers(doc2)}
        assert roles == {"Spreker 1": INT, "Moeder": RESP}
