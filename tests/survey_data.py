"""A realistic client-experience questionnaire (cliëntervaringsonderzoek jeugd), generated.

Two metingen (2023, 2024), three municipalities (Heidekamp small enough to be suppressed in a
per-gemeente breakdown), 300+ respondents, closed items on a frequency scale (with "weet niet"),
an agreement scale and a 1-10 grade, missing answers, and open answers in Dutch as parents and
youths type them: short and long, lowercase, typos, line breaks inside a cell, "-" for nothing,
an emoji. One respondent answered no open question at all.

Deterministic (seeded), written by the tests themselves as .xlsx or .csv; `expected_top_box`
recomputes the factsheet percentages straight from the written file with openpyxl, independent
of Duiding's importer.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FREQ = ("nooit", "soms", "vaak", "altijd")
AGREE = ("helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens")
GEMEENTEN = ("Westerveen", "Duinmeer", "Heidekamp")

ID = "Respondentnummer"
GEMEENTE = "Gemeente"
TYPE = "Type respondent"
LEEFTIJD = "Leeftijd jeugdige"
SNEL = "Ik ben snel geholpen"
SAMEN = "Beslissingen over de hulp worden samen met mij genomen"
WETEN = "Ik weet waar ik terecht kan als ik hulp nodig heb"
SAMENWERKING = "De hulpverleners werkten goed met elkaar samen"
CIJFER = "Welk rapportcijfer geeft u de hulp?"
GOED = "Wat ging goed?"
BETER = "Wat kan beter?"
TIPS = "Heeft u nog tips of opmerkingen voor de gemeente?"
INGEVULD = "Ingevuld op"
EMAIL = "E-mailadres (als u wilt dat we contact opnemen)"

HEADERS = (ID, GEMEENTE, TYPE, LEEFTIJD, INGEVULD, SNEL, SAMEN, WETEN, SAMENWERKING, CIJFER,
           GOED, BETER, TIPS, EMAIL)
FREQ_ITEMS = (SNEL, SAMEN, WETEN)

_GOED = (
    "De jeugdconsulent luisterde echt naar ons en nam de tijd.",
    "Fijn dat we samen met de hulpverlener de doelen hebben opgesteld, ik werd serieus genomen.",
    "het contact met de gemeente was goed, ze belden altijd terug",
    "Mijn zoon heeft eindelijk een plek gekregen waar hij zich thuis voelt. De begeleider is "
    "geduldig en weet hoe ze met hem om moet gaan. Daar zijn we heel blij mee.",
    "Dat de school en de hulpverlener met elkaar praten, daardoor hoef ik niet alles twee keer "
    "te vertellen.",
    "De hulp sloot goed aan bij wat wij nodig hadden 👍",
    "Snelle intake. Duidelijke afspraken.",
    "we mochten zelf meedenken over welke hulp er kwam en dat voelde goed",
    "Na lang zoeken toch de juiste hulp gevonden.\nDe laatste maanden gaat het veel beter thuis.",
    "Eerlijk gezegd weinig, maar de gesprekken met de ambulant begeleider hielpen wel een beetje",
    "Ze waren bereikbaar, ook in de avond als het echt niet ging.",
    "Goede uitleg over wat er ging gebeuren en wie wat zou doen",
    "de begeleiding van mijn dochter op school is goed geregeld nu",
    "Het was fijn dat de hulpverlener ook naar de ideeën van mijn dochter luisterde.",
)
_BETER = (
    "De wachttijd was veel te lang, we hebben zeven maanden moeten wachten op de eerste afspraak.",
    "Steeds een andere hulpverlener. Elke keer moest ik mijn verhaal opnieuw vertellen, dat is "
    "zwaar als het thuis al niet goed gaat.",
    "informatie over wat je kunt verwachten was onduidelijk, ik wist niet waar ik moest beginnen",
    "Meer contact tussen school en de jeugdhulp. Nu moet ik als ouder alles zelf regelen en "
    "doorgeven, terwijl ik daar eigenlijk de energie niet voor heb.",
    "wachtlijst wachtlijst wachtlijst...",
    "Dat er beslissingen werden genomen zonder dat wij erbij waren. Dat voelde niet fijn.",
    "Na het afsluiten van de hulp hoorden we niks meer, terwijl het na een paar weken weer "
    "misging.\nEen keer bellen na afloop zou al helpen.",
    "De website van de gemeente is niet te vinden als je hulp zoekt, graag een duidelijk loket.",
    "Sneller reageren op mails aub",
    "De overdracht naar de nieuwe begeleider ging slecht, er was niks doorgegeven.",
    "niet veel eigenlijk",
    "Minder formulieren. ik heb drie keer dezelfde vragenlijst ingevuld bij verschillende "
    "instanties",
)
_TIPS = (
    "Blijf vooral luisteren naar ouders.",
    "Zorg dat er een vast aanspreekpunt is bij de gemeente.",
    "Graag meer aandacht voor broertjes en zusjes.",
    "nvt",
    "Misschien een app waarin je kunt zien hoe lang je nog moet wachten?",
)
_NOTHING = ("-", "", "", ".", "")


@dataclass(frozen=True)
class Questionnaire:
    headers: tuple[str, ...]
    rows: list[list[object]]  # one per respondent, in header order

    def column(self, header: str) -> list[object]:
        i = self.headers.index(header)
        return [r[i] for r in self.rows]


def _messy(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.15:
        text = text.lower()
    elif roll < 0.22:
        text = text.rstrip(".") + ".."
    elif roll < 0.27:
        text = text.replace(" de ", " de  ", 1)
    elif roll < 0.30:
        text = text.replace("hulpverlener", "hulpverlner", 1)
    return text


def _answer(rng: random.Random, pool: Sequence[str], p_empty: float) -> str:
    if rng.random() < p_empty:
        return rng.choice(_NOTHING)
    text = rng.choice(pool)
    if rng.random() < 0.25:
        text += " " + rng.choice(pool)
    return _messy(rng, text)


def _likert(rng: random.Random, scale: Sequence[str], weights: Sequence[float],
            p_missing: float, dont_know: str | None = None) -> str:
    roll = rng.random()
    if roll < p_missing:
        return ""
    if dont_know and roll < p_missing + 0.04:
        return dont_know
    return rng.choices(list(scale), weights=weights)[0]


def make_questionnaire(year: int, respondents: int = 170, *, seed: int | None = None,
                       with_meting_column: bool = False, start_id: int = 1001,
                       small: str = "Heidekamp", small_count: int = 8) -> Questionnaire:
    """One year's export: `respondents` rows, `small_count` of them in the small municipality."""
    rng = random.Random(seed if seed is not None else year)
    better = 0.05 * (year - 2023)  # the next year is a little better, as in the factsheet
    freq_w = (0.08, 0.30 - better, 0.37, 0.25 + better)
    rows: list[list[object]] = []
    for i in range(respondents):
        gemeente = small if i < small_count else GEMEENTEN[i % 2]
        rtype = "jongere" if rng.random() < 0.3 else "ouder"
        row: dict[str, object] = {
            ID: start_id + i,
            GEMEENTE: gemeente,
            TYPE: rtype,
            LEEFTIJD: rng.randint(4, 18),
            INGEVULD: f"{year}-0{rng.randint(3, 6)}-{rng.randint(10, 28)}",
            SNEL: _likert(rng, FREQ, freq_w, 0.05, "weet niet"),
            SAMEN: _likert(rng, FREQ, (0.05, 0.25, 0.40, 0.30), 0.06, "weet niet"),
            WETEN: _likert(rng, FREQ, (0.04, 0.18, 0.38, 0.40), 0.04),
            SAMENWERKING: _likert(rng, AGREE, (0.06, 0.14, 0.25, 0.38, 0.17), 0.08),
            CIJFER: "" if rng.random() < 0.05 else rng.choices(range(1, 11), weights=(
                1, 1, 2, 3, 6, 12, 22, 28, 15, 10))[0],
            GOED: _answer(rng, _GOED, 0.25),
            BETER: _answer(rng, _BETER, 0.30),
            TIPS: _answer(rng, _TIPS, 0.75),
            EMAIL: f"ouder{i}@voorbeeld.nl" if rng.random() < 0.1 else "",
        }
        if i == 5:  # one respondent answered no open question at all
            row[GOED] = row[BETER] = row[TIPS] = ""
        rows.append([row[h] for h in HEADERS])
    headers = HEADERS
    if with_meting_column:
        headers = ("Jaar",) + HEADERS
        rows = [[year, *r] for r in rows]
    return Questionnaire(headers, rows)


def combine(*parts: Questionnaire) -> Questionnaire:
    return Questionnaire(parts[0].headers, [r for p in parts for r in p.rows])


def write_xlsx(q: Questionnaire, path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Antwoorden"
    ws.append(list(q.headers))
    for row in q.rows:
        ws.append([None if v == "" else v for v in row])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_csv(q: Questionnaire, path: Path, *, delimiter: str = ";",
              encoding: str = "cp1252") -> Path:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(q.headers)
    for row in q.rows:
        writer.writerow(["" if v is None else v for v in row])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))
    return path


def expected_top_box(path: Path, item: str, top: Sequence[str], *, meting: str | None = None,
                     meting_header: str | None = None, where: tuple[str, str] | None = None,
                     scale: Sequence[str] = FREQ) -> tuple[int, int]:
    """(n, % top box rounded half up) for one item, read straight from an .xlsx with openpyxl."""
    from openpyxl import load_workbook

    ws = load_workbook(path, read_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    head = list(rows[0])
    col = head.index(item)
    n = hits = 0
    for r in rows[1:]:
        if meting_header is not None and meting is not None and str(r[head.index(meting_header)]) != meting:
            continue
        if where is not None and r[head.index(where[0])] != where[1]:
            continue
        value = r[col]
        if value is None or str(value) not in scale:
            continue
        n += 1
        hits += str(value) in top
    from decimal import ROUND_HALF_UP, Decimal

    pct = int((Decimal(100 * hits) / Decimal(n)).quantize(Decimal(1), ROUND_HALF_UP)) if n else 0
    return n, pct
