"""Moment suggestions for help-history events: precision and recall on the generated study.

The study is `tests/history_study.py` (10 families x 3 interviews, the truth behind every event;
run from the repository, as every benchmark here). Each event is visited in interview order, as
a researcher marks them: first the suggestion is asked for the marked fragment through the real
path (`project.events.suggest`: the interview's date or meting, the child's birth year and the
previous event as anchors), then the event is stored with its true moment, so the next
"twee maanden later" is anchored on what the researcher accepted.

A suggestion is correct when kind and value match the truth exactly (the year and month; the
day; the age in months; "approximately" is not compared). Precision counts every suggestion,
including one made for an event that the respondent did not date (those should get none);
recall counts the dated events. Durations ("zeven maanden", "zestien weken") are measured the
same way, in days.
"""

from __future__ import annotations

import time
from pathlib import Path

from coding.commands.events import MarkEvent
from coding.moments import Anchor, Moment, MomentKind
from coding.project import Project
from coding.time_expressions import suggest_moment
from importers.batch import import_paths
from tests.history_study import FAMILIES, write_study

# Written apart from the study and not used to shape the rules: how respondents also say it.
# Anchors: interview May 2024, child born 2012, previous event March 2020.
HELD_OUT_ANCHOR = Anchor(2024, 5, 2012, Moment(MomentKind.MONTH, 2020, 3))
_A = MomentKind.AGE
_M = MomentKind.MONTH
_Y = MomentKind.YEAR
_D = MomentKind.DATE
HELD_OUT: list[tuple[str, Moment | None]] = [
    ("Toen ze in groep zes zat kreeg ze een rugzakje.", Moment(_A, age_months=114)),
    ("Rond haar derde verjaardag begon het bonken met haar hoofd.", Moment(_A, age_months=36)),
    ("In het najaar van 2019 kwam de eerste melding.", Moment(_M, 2019, 10)),
    ("Begin 2020 zijn we naar de huisarts gegaan.", Moment(_Y, 2020)),
    ("Na de herfstvakantie kwam er iemand van het wijkteam.", Moment(_M, 2023, 11)),
    ("In mei zijn we aangemeld.", Moment(_M, 2020, 5)),
    ("Op 3 januari 2022 was de intake.", Moment(_D, 2022, 1, 3)),
    ("Toen hij net vijf was geworden ging het mis op school.", Moment(_A, age_months=60)),
    ("Na zijn tiende werd het alleen maar erger.", Moment(_A, age_months=120)),
    ("In februari '22 kregen we een nieuwe begeleider.", Moment(_M, 2022, 2)),
    ("Twee jaar terug is de hulp gestopt.", Moment(_M, 2022, 5)),
    ("In de tweede klas liep het helemaal vast.", Moment(_A, age_months=162)),
    ("Afgelopen voorjaar is het dossier gesloten.", Moment(_M, 2024, 4)),
    ("In de meivakantie hadden we het eerste gesprek.", Moment(_M, 2024, 4)),
    ("Drie weken daarna belde de gemeente.", Moment(_M, 2020, 4)),
    ("Een maand of vier later begon de therapie.", Moment(_M, 2020, 7)),
    ("Vlak na de zomervakantie startte de begeleiding.", Moment(_M, 2023, 9)),
    ("Op 15 april was het eerste huisbezoek.", Moment(_D, 2024, 4, 15)),
    ("Toen hij een jaar of zeven was zagen we het al.", Moment(_A, age_months=84)),
    ("Dat was in 2017 volgens mij.", Moment(_Y, 2017)),
    ("Vorig jaar in september kwam de crisis.", Moment(_M, 2023, 9)),
    ("Ze was twaalf toen ze voor het eerst werd opgenomen.", Moment(_A, age_months=144)),
    ("Op haar vijftiende is ze uit huis geplaatst.", Moment(_A, age_months=180)),
    ("In december 2021 hadden we een nieuwe casusregisseur.", Moment(_M, 2021, 12)),
    ("Een half jaar later was alles weer mis.", Moment(_M, 2020, 9)),
    ("Als kleuter was hij al heel druk.", Moment(_A, age_months=60)),
    ("Sinds 2021 hebben we drie verschillende hulpverleners gehad.", Moment(_Y, 2021)),
    ("Toen kwam er eindelijk iemand die luisterde.", None),
    ("Daarna moesten we weer opnieuw beginnen.", None),
    ("We hebben maanden op de wachtlijst gestaan.", None),
    ("Uiteindelijk werd de hulp afgesloten.", None),
    ("De intake was heel onpersoonlijk.", None),
]


def held_out() -> tuple[int, int, int, list[str]]:
    """(suggested, correct, dated, misses) on HELD_OUT."""
    suggested = correct = dated = 0
    misses = []
    for text, truth in HELD_OUT:
        s = suggest_moment(text, HELD_OUT_ANCHOR)
        dated += truth is not None
        if s is not None:
            suggested += 1
            if truth is not None and _same(s.moment, truth):
                correct += 1
                continue
        if s is not None or truth is not None:
            misses.append(f"{text!r}: {s.moment.label() if s else 'none'} "
                          f"(truth {truth.label() if truth else 'none'})")
    return suggested, correct, dated, misses


def _same(a: Moment, b: Moment) -> bool:
    return (a.kind, a.year, a.month, a.day, a.age_months) == (b.kind, b.year, b.month, b.day,
                                                              b.age_months)


def run(workdir: Path) -> list[dict[str, object]]:
    paths, sheet = write_study(workdir / "interviews")
    project = Project.create(workdir / "studie.duiding", coder="bench")
    import_paths(project, paths, attributes=sheet)
    types = {t.name: t.id for t in project.events.types()}
    suggested = correct = dated = 0
    dur_suggested = dur_correct = dur_told = 0
    misses: list[str] = []
    seconds = 0.0
    asked = 0
    for fam in FAMILIES:
        for iv in fam.interviews:
            doc = project.documents.by_name(iv.file)
            text = project.documents.text(doc.id)
            for ev in iv.events:
                start = text.index(ev.quote)
                end = start + len(ev.quote)
                t0 = time.perf_counter()
                s = project.events.suggest(doc.id, start, end)
                seconds += time.perf_counter() - t0
                asked += 1
                truth_dated = ev.moment.kind != MomentKind.ORDER
                dated += truth_dated
                if s.moment is not None:
                    suggested += 1
                    if truth_dated and _same(s.moment.moment, ev.moment):
                        correct += 1
                    else:
                        misses.append(f"{ev.quote!r}: {s.moment.moment.label()} "
                                      f"(truth {ev.moment.label()})")
                elif truth_dated:
                    misses.append(f"{ev.quote!r}: none (truth {ev.moment.label()})")
                dur_told += ev.duration_days is not None
                if s.duration_days is not None:
                    dur_suggested += 1
                    dur_correct += s.duration_days == ev.duration_days
                project.execute(MarkEvent(doc.id, start, end, types[ev.type], ev.moment,
                                          ev.duration_days))
    project.close()
    for line in misses[:10]:
        print(f"    miss: {line}")
    h_suggested, h_correct, h_dated, h_misses = held_out()
    for line in h_misses:
        print(f"    held-out miss: {line}")
    return [
        {"name": "moment_suggestion_precision", "value": correct / max(1, suggested),
         "unit": "ratio", "target": 0.9, "better": "higher"},
        {"name": "moment_suggestion_recall", "value": correct / max(1, dated), "unit": "ratio",
         "target": 0.8, "better": "higher"},
        {"name": "moment_events_dated_in_truth", "value": dated, "unit": f"of {asked} events"},
        {"name": "duration_suggestion_precision", "value": dur_correct / max(1, dur_suggested),
         "unit": "ratio"},
        {"name": "duration_suggestion_recall", "value": dur_correct / max(1, dur_told),
         "unit": "ratio"},
        {"name": "moment_precision_held_out_phrases", "value": h_correct / max(1, h_suggested),
         "unit": "ratio", "better": "higher"},
        {"name": "moment_recall_held_out_phrases", "value": h_correct / max(1, h_dated),
         "unit": "ratio", "better": "higher"},
        {"name": "suggest per marked fragment", "value": 1000 * seconds / max(1, asked),
         "unit": "ms", "target": 100},
    ]
