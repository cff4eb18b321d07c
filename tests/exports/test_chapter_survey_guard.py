"""Open answers are pseudonymised like transcripts, and the questionnaire part of the chapter
passes the same export guard: a question naming someone from the pseudonym key is refused."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from coding.commands import ApplyCodes
from coding.project import Project
from coding.pseudonymise import OriginalInExport, service
from coding.survey.commands import ImportSurvey, LinkSurveyItem
from coding.types import Valence
from exports.chapter import ChapterOptions, write_chapter
from importers.survey import read_survey
from importers.survey_guess import guess_mapping
from importers.survey_rows import prepare
from tests.survey_data import BETER, SNEL, make_questionnaire, write_xlsx

NAME = "Shanice Pinas"


def import_file(project: Project, path: Path) -> None:
    table = read_survey(path)
    project.execute(ImportSurvey(prepare(table, guess_mapping(
        table, project.surveys.saved_mapping()))))


def test_pseudonymised_open_answers_and_the_guard_over_the_figures(tmp_path: Path) -> None:
    q = make_questionnaire(2023, 40)
    col = q.headers.index(BETER)
    q.rows[10][col] = (f"De begeleider van {NAME} wisselde drie keer, en we moesten zeven "
                       "maanden wachten op de eerste afspraak.")
    project = Project.create(tmp_path / "p.duiding", coder="Sanne")
    import_file(project, write_xlsx(q, tmp_path / "ceo_2023.xlsx"))
    doc = project.documents.by_name(f"ceo_2023_{q.rows[10][0]}")
    wachttijd = project.codes.by_path("toegang/wachttijd").id
    turn = next(t for t in project.documents.turns(doc.id) if t.speaker == BETER)
    project.execute(ApplyCodes(doc.id, turn.start, turn.end, [wachttijd], Valence.AANDACHTSPUNT,
                               ))
    project.execute(LinkSurveyItem(SNEL, [wachttijd]))
    service.add_names(project, [NAME])
    project.execute(service.ApplyPseudonyms(service.detect(project, use_deduce=False)))
    out = write_chapter(project, ChapterOptions(), tmp_path / "h.docx")[0]
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "zeven maanden wachten" in text and "Shanice" not in text
    # next year's questionnaire asks about her by name: its figures would print the name
    q2 = make_questionnaire(2024, 40, start_id=3001)
    headers = tuple(f"Ik ben tevreden over {NAME}" if h == SNEL else h for h in q2.headers)
    import_file(project, write_xlsx(type(q2)(headers, q2.rows), tmp_path / "ceo_2024.xlsx"))
    with pytest.raises(OriginalInExport):
        write_chapter(project, ChapterOptions(), tmp_path / "geweigerd.docx")
    assert not (tmp_path / "geweigerd.docx").exists()
    project.close()
