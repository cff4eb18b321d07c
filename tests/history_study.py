"""A generated help-history study: 10 families x 3 interviews, with the truth behind every event.

Written for the timeline tests and `bench/bench_moments.py` (seed 001, Roerdalen: thirty
interviews around ten families). Every family is interviewed as ouder and hulpverlener, and as
jongere (families 1-6) or intern begeleider (school, families 7-10). Respondents tell moments
the way they do: an age ("toen hij één was"), a month and year, "vorig jaar in maart", "in de
zomer van 2021", "na de kerstvakantie", "vier maanden later", "in groep 2", or nothing ("daarna
kwam er weer een nieuwe"). Families 1 and 6 contradict themselves: the mother says they waited
seven months, the care worker says sixteen weeks. Family 4 has no birth year on its sheet, so
its ages stay ages.

`FAMILIES` holds the truth; `write_study(folder)` writes the transcripts and the respondent
sheet; `build_study(project, folder)` imports them and marks every event with its true moment,
as a researcher who accepted (or corrected) the suggestions would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coding.commands.events import MarkEvent
from coding.moments import MONTH_NAMES, Moment, MomentKind
from coding.project import Project
from importers.batch import import_paths

WORDS = {1: "één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven",
         8: "acht", 9: "negen", 10: "tien", 11: "elf", 12: "twaalf", 16: "zestien"}
METING = 2024
INTERVIEW_DATE = "2024-05-14"


@dataclass
class PlannedEvent:
    quote: str  # the respondent's sentence that is marked
    type: str
    moment: Moment  # the truth (kind ORDER: undated)
    duration_days: int | None = None


@dataclass
class Interview:
    file: str
    respondent_type: str
    speaker: str
    events: list[PlannedEvent] = field(default_factory=list)


@dataclass
class Family:
    number: int
    case: str
    gemeente: str
    birth_year: int | None  # None: not on the sheet (family 4)
    true_birth_year: int
    signal_age: int
    registration: tuple[int, int]  # (year, month)
    wait_months: int
    changes: int
    contradiction: bool
    interviews: list[Interview] = field(default_factory=list)

    @property
    def start(self) -> tuple[int, int]:
        total = self.registration[0] * 12 + self.registration[1] - 1 + self.wait_months
        return total // 12, total % 12 + 1


def _month(year: int, month: int, approx: bool = False, text: str = "") -> Moment:
    return Moment(MomentKind.MONTH, year, month, approximate=approx, text=text)


def _family(i: int) -> Family:
    birth = 2008 + i % 5
    signal_age = 1 + i % 4
    reg_year = birth + signal_age + 2 + i % 2
    reg_month = 1 + (i * 5) % 12
    if i == 3:  # "vorig jaar in maart", counted from the meting
        reg_year, reg_month = METING - 1, 3
    if i == 5:  # "na de kerstvakantie", counted from the interview date
        reg_year, reg_month = METING, 1
    if i == 8:  # "in de zomer van 2021"
        reg_year, reg_month = 2021, 7
    if i in (3, 5, 8):
        birth = reg_year - signal_age - 2 - i % 2
    fam = Family(i, f"G-{i:02d}", ("Westerveen", "Duinmeer")[i % 2],
                 None if i == 4 else birth, birth, signal_age, (reg_year, reg_month),
                 3 + i % 5, i % 3, i in (1, 6))
    he = "hij" if i % 2 else "ze"
    child = "onze zoon" if i % 2 else "onze dochter"
    sy, sm = fam.start
    # -- the parent ------------------------------------------------------------------------
    ouder = Interview(f"F{i:02d}_ouder.txt", "ouder", "Moeder" if i % 3 else "Vader")
    age_word = WORDS[signal_age]
    ouder.events.append(PlannedEvent(
        f"Het begon eigenlijk al toen {he} {age_word} was, {child} sliep slecht en had "
        "driftbuien.", "signaal", Moment(MomentKind.AGE, age_months=signal_age * 12)))
    if i == 3:
        reg_phrase, reg_moment = "Vorig jaar in maart", _month(reg_year, 3)
    elif i == 5:
        reg_phrase, reg_moment = "Na de kerstvakantie", _month(reg_year, 1, approx=True)
    elif i == 8:
        reg_phrase, reg_moment = "In de zomer van 2021", _month(2021, 7, approx=True)
    else:
        reg_phrase = f"In {MONTH_NAMES[reg_month - 1]} {reg_year}"
        reg_moment = _month(reg_year, reg_month)
    ouder.events.append(PlannedEvent(
        f"{reg_phrase} hebben we ons aangemeld bij het wijkteam.", "aanmelding", reg_moment))
    felt = 7 if fam.contradiction else fam.wait_months  # how long it felt to the mother
    ouder.events.append(PlannedEvent(
        f"We hebben {WORDS[felt]} maanden moeten wachten op de eerste afspraak.", "wachttijd",
        Moment(), felt * 30))
    if fam.contradiction:
        ouder.events.append(PlannedEvent(
            f"In {MONTH_NAMES[sm - 1]} {sy} begon eindelijk de begeleiding thuis.", "start hulp",
            _month(sy, sm)))
    else:
        ouder.events.append(PlannedEvent(
            f"{WORDS[fam.wait_months].capitalize()} maanden later begon eindelijk de begeleiding "
            "thuis.", "start hulp", _month(sy, sm, approx=True)))
    change_year, change_month = sy + 1, 1 + (sm + 2) % 12
    if fam.changes >= 1:
        ouder.events.append(PlannedEvent(
            f"In {MONTH_NAMES[change_month - 1]} {change_year} kregen we een nieuwe "
            "hulpverlener.", "wisseling hulpverlener", _month(change_year, change_month)))
    if fam.changes >= 2:
        ouder.events.append(PlannedEvent(
            "Daarna kwam er alweer een nieuwe begeleider en moesten we alles opnieuw vertellen.",
            "wisseling hulpverlener", Moment()))
    ouder.events.append(PlannedEvent(
        f"In het voorjaar van {sy + 2} werd de hulp afgesloten.", "afsluiting",
        _month(sy + 2, 4, approx=True)))
    # -- the care worker ----------------------------------------------------------------------
    hv = Interview(f"F{i:02d}_hulpverlener.txt", "hulpverlener", "Jeugdconsulent")
    told_wait = 112 if fam.contradiction else fam.wait_months * 30
    hv.events.append(PlannedEvent(
        "Volgens ons systeem was de wachttijd "
        + ("zestien weken" if fam.contradiction else f"{WORDS[fam.wait_months]} maanden")
        + ", dat is hier gewoon.", "wachttijd", Moment(), told_wait))
    hv.events.append(PlannedEvent(
        f"De hulp is gestart in {MONTH_NAMES[sm - 1]} {sy}, met een gezinsbegeleider.",
        "start hulp", _month(sy, sm)))
    if fam.changes >= 1:
        hv.events.append(PlannedEvent(
            f"Mijn collega vertrok in {MONTH_NAMES[change_month - 1]} {change_year}, toen heb ik "
            "het overgenomen.", "wisseling hulpverlener", _month(change_year, change_month)))
    # -- the youth or the school --------------------------------------------------------------
    if i <= 6:
        third = Interview(f"F{i:02d}_jongere.txt", "jongere", "Jongere")
        third.events.append(PlannedEvent(
            "Toen kwam er iemand bij ons thuis praten, dat vond ik eerst echt stom.",
            "start hulp", Moment()))
        crisis_age = signal_age + 8
        third.events.append(PlannedEvent(
            f"Toen ik {WORDS.get(crisis_age, str(crisis_age))} was ging het op school helemaal "
            "mis.", "crisis", Moment(MomentKind.AGE, age_months=crisis_age * 12)))
    else:
        third = Interview(f"F{i:02d}_school.txt", "intern_begeleider", "IB'er")
        group = signal_age + 1
        third.events.append(PlannedEvent(
            f"In groep {group} zagen we al dat {he} vastliep in de klas.", "signaal",
            Moment(MomentKind.AGE, age_months=(group + 3) * 12 + 6, approximate=True)))
        third.events.append(PlannedEvent(
            "Wij hebben toen het gezin doorverwezen naar het wijkteam.", "verwijzing", Moment()))
    fam.interviews = [ouder, hv, third]
    return fam


FAMILIES = [_family(i) for i in range(1, 11)]


def transcript(interview: Interview, family: int) -> str:
    parts = []
    questions = ("Kunt u vertellen hoe het begon?", "En wat gebeurde er toen?",
                 "Hoe ging dat verder?", "Wat kwam daarna?", "En later?", "Hoe eindigde het?")
    for k, ev in enumerate(interview.events):
        parts.append(f"Interviewer: {questions[k % len(questions)]}")
        parts.append(f"{interview.speaker}: {ev.quote} Dat weet ik nog goed.")
    parts.append(f"Interviewer: Dank u wel voor het gesprek over gezin {family}.")
    return "\n\n".join(parts) + "\n"


def write_study(folder: Path) -> tuple[list[Path], Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["bestand;respondent_type;gemeente;meting;datum;gezin;geboortejaar"]
    paths = []
    for fam in FAMILIES:
        for iv in fam.interviews:
            path = folder / iv.file
            path.write_text(transcript(iv, fam.number), encoding="utf-8")
            paths.append(path)
            rows.append(f"{iv.file};{iv.respondent_type};{fam.gemeente};{METING};"
                        f"{INTERVIEW_DATE if fam.number % 2 else ''};{fam.case};"
                        f"{fam.birth_year or ''}")
    sheet = folder.parent / f"{folder.name}_respondenten.csv"
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return paths, sheet


def build_study(project: Project, folder: Path) -> None:
    """Import the study and mark every planned event with its true moment."""
    paths, sheet = write_study(folder)
    summary = import_paths(project, paths, attributes=sheet)
    assert summary.count("imported") == len(paths), summary.as_json()
    types = {t.name: t.id for t in project.events.types()}
    for fam in FAMILIES:
        for iv in fam.interviews:
            doc = project.documents.by_name(iv.file)
            text = project.documents.text(doc.id)
            for ev in iv.events:
                start = text.index(ev.quote)
                project.execute(MarkEvent(doc.id, start, start + len(ev.quote), types[ev.type],
                                          ev.moment, ev.duration_days))


def expected_durations(fam: Family) -> dict[str, float | int | None]:
    """The three measures computed from the truth by plain arithmetic (months)."""
    reg = fam.registration[0] * 12 + fam.registration[1]
    start = fam.start[0] * 12 + fam.start[1]
    signal: float | None = None
    if fam.birth_year is not None:
        signal = (fam.birth_year + 0.5 + fam.signal_age) * 12 + 0.5  # months, mid-month scale
    return {
        "signal_to_help": None if signal is None else round(start - signal, 1),
        "registration_to_start": float(start - reg),
        "changes": fam.changes,
    }


def study_file(folder: Path) -> Path:
    """A closed project file holding the whole study (for tests that open it themselves)."""
    path = folder / "studie.duiding"
    with Project.create(path, coder="Onderzoeker") as project:
        build_study(project, folder / "interviews")
    return path
