"""Benchmark for questionnaire import (issue 15): 2,000 respondents must import in seconds.

A seeded generator writes one year's export as .xlsx: respondent id, gemeente, type, age, eight
closed items on the frequency and agreement scales (with missing answers and "weet niet"), a
1-10 grade and three open questions of realistic length. Timed: reading the sheet, guessing the
mapping and checking every cell; storing all respondents (one transaction); the whole import as
the user waits for it; the figures per gemeente; and undoing the import.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

from coding.project import Project
from coding.survey.commands import ImportSurvey
from importers.survey import read_survey
from importers.survey_guess import guess_mapping
from importers.survey_rows import prepare

RESPONDENTS = 2_000
FREQ = ("nooit", "soms", "vaak", "altijd")
AGREE = ("helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens")
_TEXT = ("de wachttijd was lang en de jeugdconsulent belde niet terug maar daarna ging het "
         "beter met onze zoon op school en thuis fijn contact hulpverlener luisterde echt "
         "informatie was onduidelijk steeds een andere begeleider")
_WORDS = _TEXT.split()


def make_sheet(path: Path, n: int = RESPONDENTS) -> Path:
    if path.exists():
        return path
    from openpyxl import Workbook

    rng = random.Random(2024)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Antwoorden")
    freq_items = [f"Stelling {i}: ik ben tevreden over onderdeel {i}" for i in range(1, 6)]
    agree_items = [f"Ik ben het eens met uitspraak {i}" for i in range(1, 4)]
    ws.append(["Respondentnummer", "Gemeente", "Type respondent", "Leeftijd jeugdige",
               *freq_items, *agree_items, "Rapportcijfer", "Wat ging goed?", "Wat kan beter?",
               "Tips?"])

    def text() -> str:
        if rng.random() < 0.25:
            return ""
        return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 60))).capitalize() + "."

    for i in range(n):
        ws.append([10_000 + i, rng.choice(("Westerveen", "Duinmeer", "Heidekamp")),
                   rng.choice(("ouder", "jongere")), rng.randint(4, 18),
                   *[rng.choice(FREQ + ("", "weet niet")) for _ in freq_items],
                   *[rng.choice(AGREE + ("",)) for _ in agree_items],
                   rng.randint(1, 10), text(), text(), text()])
    wb.save(path)
    return path


def run(workdir: Path) -> list[dict[str, Any]]:
    path = make_sheet(workdir / "ceo_2024.xlsx")
    project_path = workdir / "bench_survey.duiding"
    project_path.unlink(missing_ok=True)
    with Project.create(project_path) as project:
        started = time.perf_counter()
        table = read_survey(path)
        mapping = guess_mapping(table, project.surveys.saved_mapping())
        prepared = prepare(table, mapping)
        read = time.perf_counter() - started
        command = ImportSurvey(prepared)
        t1 = time.perf_counter()
        project.execute(command)
        stored = time.perf_counter() - t1
        total = time.perf_counter() - started
        assert len(command.document_ids) == RESPONDENTS
        t2 = time.perf_counter()
        figures = project.surveys.figures(by="gemeente")
        figure_time = time.perf_counter() - t2
        assert len(figures.items) == 9
        t3 = time.perf_counter()
        project.history.undo()
        undo = time.perf_counter() - t3
        assert not project.documents.list()
    return [
        {"name": f"import a questionnaire of {RESPONDENTS} respondents (.xlsx, read + check + "
                 "store)", "value": round(total, 3), "unit": "s", "target": 5.0,
         "better": "lower"},
        {"name": "  of which reading, guessing and checking every cell", "value": round(read, 3),
         "unit": "s", "target": None},
        {"name": "  of which storing (one transaction)", "value": round(stored, 3), "unit": "s",
         "target": None},
        {"name": f"closed-item figures per gemeente, {RESPONDENTS} respondents x 9 items",
         "value": round(figure_time * 1000, 1), "unit": "ms", "target": 500.0,
         "better": "lower"},
        {"name": f"undo the import of {RESPONDENTS} respondents", "value": round(undo, 3),
         "unit": "s", "target": None},
    ]


if __name__ == "__main__":
    import sys
    import tempfile

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    for result in run(target):
        print(result)
