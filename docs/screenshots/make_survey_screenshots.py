"""Render the questionnaire screens and chapter pages to docs/screenshots/survey_*.png.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_survey_screenshots.py

Builds a study from the generated two-year questionnaire of the tests (tests/survey_data.py),
codes some open answers, links two items to themes, then grabs the import dialog for next year's
file (with the saved mapping), the figures view split by gemeente, and renders the chapter's
figures page with LibreOffice (soffice, pdftoppm) when they are installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["DUIDING_SETTINGS_DIR"] = str(tmp / "settings")
    from PySide6.QtWidgets import QApplication

    from app import i18n, ops
    from app.panels.survey_figures import SurveyFiguresView
    from app.panels.survey_import import SurveyImportDialog
    from coding.commands import ApplyCodes
    from coding.project import Project
    from coding.survey.commands import ImportSurvey, LinkSurveyItem
    from coding.types import Valence
    from exports.chapter import ChapterOptions, write_chapter
    from importers.survey import read_survey
    from importers.survey_guess import guess_mapping
    from importers.survey_rows import prepare
    from tests.survey_data import BETER, SAMEN, SNEL, make_questionnaire, write_xlsx

    app = QApplication([])
    i18n.install(app, "nl")
    files = [write_xlsx(make_questionnaire(2023, 160), tmp / "CEO jeugd 2023.xlsx"),
             write_xlsx(make_questionnaire(2024, 170, start_id=5001), tmp / "CEO jeugd 2024.xlsx")]
    project = Project.create(tmp / "ceo.duiding", coder="Sanne")
    table = read_survey(files[0])
    project.execute(ImportSurvey(prepare(table, guess_mapping(table))))
    rules = [("zeven maanden", "toegang/wachttijd", Valence.AANDACHTSPUNT),
             ("samen met de hulpverlener", "aansluiting/samen beslissen", Valence.POSITIEF),
             ("zonder dat wij erbij", "aansluiting/samen beslissen", Valence.AANDACHTSPUNT)]
    codes = {path: project.codes.by_path(path).id for _w, path, _v in rules}
    project.execute(LinkSurveyItem(SNEL, [codes["toegang/wachttijd"]]))
    project.execute(LinkSurveyItem(SAMEN, [codes["aansluiting/samen beslissen"]]))

    from app.context import ProjectContext

    ctx = ProjectContext()
    ctx.set_project(project)
    dialog = SurveyImportDialog(ctx, read_survey(files[1]))
    dialog.resize(1150, 640)
    dialog.show()
    dialog.grid.selectRow(dialog.row_of(SNEL))
    app.processEvents()
    dialog.grab().save(str(OUT / "survey_import_dialog.png"))
    table = dialog.table
    project.execute(ImportSurvey(prepare(table, dialog.mapping)))
    dialog.close()
    for doc in project.documents.list():
        text = project.documents.text(doc.id)
        for turn in project.documents.turns(doc.id):
            answer = text[turn.start:turn.end]
            for words, path, valence in rules:
                if words in answer and (turn.speaker == BETER or path != "toegang/wachttijd"):
                    project.execute(ApplyCodes(doc.id, turn.start, turn.end, [codes[path]],
                                               valence))
                    break
    view = SurveyFiguresView(ctx, lambda *_: None)
    view.resize(1000, 760)
    view.show()
    view.by.setCurrentIndex(view.by.findData("gemeente"))
    app.processEvents()
    view.grab().save(str(OUT / "survey_figures_view.png"))
    out = tmp / "hoofdstuk.docx"
    write_chapter(project, ChapterOptions(survey_by="gemeente"), out)
    ops.wait_all()
    ctx.close()
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if soffice and pdftoppm:
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp),
                        str(out)], check=True, capture_output=True, timeout=300)
        subprocess.run([pdftoppm, "-png", "-r", "80", str(tmp / "hoofdstuk.pdf"),
                        str(tmp / "page")], check=True, timeout=300)
        pages = sorted(tmp.glob("page-*.png"), key=lambda p: int(re.findall(r"\d+", p.stem)[-1]))
        for wanted, name in ((3, "survey_chapter_figures.png"), (4, "survey_chapter_theme.png")):
            if len(pages) >= wanted:
                shutil.copy(pages[wanted - 1], OUT / name)
    print("written to", OUT)


if __name__ == "__main__":
    main()
