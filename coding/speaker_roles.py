"""Who is speaking: the one guess of a speaker label's role, used everywhere.

A label's role decides what the chapter counts ("genoemd door 7 van de 12 respondenten"), whose
words may be quoted, and what `--respondent-only` leaves out. So there is exactly one guesser:
import (`documents.add_transcript`), REFI-QDA import, the speakers dialog (which shows the guess
beside the researcher's choice, and the choice wins) and the command line all call
`guess_role`. The importers use the same vocabulary to recognise labels (`is_known_label`).

The guess, on the label as written (case, spacing, a trailing colon or full stop ignored):
- interviewers: *Interviewer, Interviewster, Int., I, IV, Onderzoeker, Student, Gespreksleider,
  Gespreksbegeleider, Begeleider gesprek, Moderator, Facilitator, Vraag, V, Q*, also numbered
  (*I1, I2, Interviewer 2*), or followed by a name (*Interviewer Lisa*, *Lisa (interviewer)*);
- other: *Tolk, Notulist, Observator, Onbekend, Onverstaanbaar, Allen*: present, but neither
  asking nor answering as a respondent;
- everyone else is a respondent, including *Spreker 1*, whose role cannot be known from the label.
"""

from __future__ import annotations

import re

from coding.types import SpeakerRole

INTERVIEWER_LABELS = frozenset({
    "interviewer", "interviewster", "int", "i", "iv", "onderzoeker", "onderzoekster", "student",
    "studente", "gespreksleider", "gespreksleidster", "gespreksbegeleider", "begeleider gesprek",
    "moderator", "facilitator", "researcher", "vraagsteller", "vraag", "v", "q", "question",
})  # fmt: skip
OTHER_LABELS = frozenset({
    "tolk", "notulist", "notuliste", "observator", "observer", "waarnemer", "onbekend", "unknown",
    "onverstaanbaar", "allen", "iedereen",
})  # fmt: skip
RESPONDENT_LABELS = frozenset({
    "r", "resp", "respondent", "geïnterviewde", "geinterviewde", "interviewee", "deelnemer",
    "participant", "ouder", "moeder", "vader", "pleegouder", "pleegmoeder", "pleegvader", "jongere",
    "kind", "jeugdige", "cliënt", "client", "hulpverlener", "jeugdconsulent", "jeugdhulpverlener",
    "leerkracht", "docent", "mentor", "begeleider", "intern begeleider", "ib", "ib'er", "ib’er",
    "zorgcoördinator", "gezinsvoogd", "wijkcoach", "a", "antwoord", "answer",
})  # fmt: skip
# Whole words that name a role even with a name after them ("Interviewer Lisa"); one-letter
# labels are left out: "V Jansen" or "I. de Vries" are names.
_ROLE_WORDS = {w: SpeakerRole.INTERVIEWER for w in INTERVIEWER_LABELS if len(w) > 3} | {
    w: SpeakerRole.OTHER for w in OTHER_LABELS}
_NUMBERED = re.compile(
    r"(spreker|speaker|respondent|interviewer|deelnemer|participant|ouder|jongere|persoon|"
    r"stem|voice|r|i|p)[ \t]*\d{1,3}",
)
_NUMBER_SUFFIX = re.compile(r"[ \t_-]*\d{1,3}$")
_PARENTHESIS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")


def label_key(label: str) -> str:
    """A label as compared: case-folded, one space between words, no trailing colon or dot."""
    return re.sub(r"\s+", " ", label.strip().rstrip(":").rstrip(".").strip().casefold())


def is_known_label(label: str) -> bool:
    """True for labels researchers commonly use (``Interviewer``, ``I``, ``Spreker 1``, ...)."""
    key = label_key(label)
    return (key in INTERVIEWER_LABELS or key in RESPONDENT_LABELS or key in OTHER_LABELS
            or bool(_NUMBERED.fullmatch(key)))


def _by_key(key: str) -> SpeakerRole | None:
    base = _NUMBER_SUFFIX.sub("", key).rstrip(".")
    for candidate in (key, base):
        if candidate in INTERVIEWER_LABELS:
            return SpeakerRole.INTERVIEWER
        if candidate in OTHER_LABELS:
            return SpeakerRole.OTHER
        if candidate in RESPONDENT_LABELS:
            return SpeakerRole.RESPONDENT
    return None


def guess_role(label: str | None) -> SpeakerRole:
    """The suggested role of a speaker label; the researcher confirms or changes it."""
    if label is None:
        return SpeakerRole.RESPONDENT
    key = label_key(label)
    found = _by_key(key)
    if found is not None:
        return found
    outside = label_key(_PARENTHESIS.sub(" ", key))
    if outside != key and (found := _by_key(outside)) is not None:  # "Moeder (via tolk)"
        return found
    for match in _PARENTHESIS.finditer(key):  # "Lisa (interviewer)", "[tolk]"
        found = _by_key(label_key(match.group(1) or match.group(2) or ""))
        if found is not None:
            return found
    words = re.findall(r"[^\W\d_]+", outside)
    if words and words[0] in _ROLE_WORDS:  # "Interviewer Lisa", "Tolk Arabisch"
        return _ROLE_WORDS[words[0]]
    return SpeakerRole.RESPONDENT
