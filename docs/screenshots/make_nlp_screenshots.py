"""Render the NLP panels offscreen in Dutch on the shared corpus (docs/screenshots/*.png).

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_nlp_screenshots.py [--no-deduce]

Needs ../shared/corpus. Builds a throw-away project in a temporary folder, runs a lemma search,
proposes suggestions and detects personal data (with deduce unless --no-deduce), and grabs each
panel as the researcher would see it.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from app import i18n  # noqa: E402
from app.context import ProjectContext  # noqa: E402
from app.panels.pseudonymise import PseudonymiseDialog  # noqa: E402
from app.panels.search import SearchPanel  # noqa: E402
from app.panels.suggestions import SuggestionsPanel  # noqa: E402
from coding.project import Project  # noqa: E402
from coding.pseudonymise import service  # noqa: E402
from importers.batch import import_paths  # noqa: E402

OUT = Path(__file__).resolve().parent
CORPUS = REPO.parent / "shared" / "corpus"


def wait(app: QApplication, done: object, timeout: float = 900) -> None:
    end = time.monotonic() + timeout
    while not done() and time.monotonic() < end:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()


def main() -> None:
    app = QApplication(sys.argv[:1])
    i18n.install(app, "nl")
    tmp = Path(tempfile.mkdtemp())
    project = Project.create(tmp / "studie.duiding", coder="Sanne")
    import_paths(project, [CORPUS], attributes=CORPUS / "respondents.csv")
    window = QMainWindow()
    ctx = ProjectContext(window)
    ctx.set_project(project)
    search = SearchPanel(ctx, None)
    search.resize(1100, 520)
    search.show()
    search.query.setText("wisseling")
    search.run_search()
    wait(app, lambda: search.task is None)
    search.table.selectRow(1)
    search.grab().save(str(OUT / "panel_search.png"))

    sugg = SuggestionsPanel(ctx, None)
    sugg.resize(1100, 560)
    sugg.show()
    sugg.document.setCurrentIndex(sugg.document.findData("R01_ouder_WV_2024.txt"))
    sugg.run_suggest()
    wait(app, lambda: sugg.task is None)
    sugg.table.selectRow(2)
    sugg.grab().save(str(OUT / "panel_suggestions.png"))

    service.add_names(project, ["Shanice Pinas", "Youssef El Amrani", "Nadia Ouali"])
    dialog = PseudonymiseDialog(ctx)
    dialog.use_deduce.setChecked("--no-deduce" not in sys.argv)
    dialog.show()
    dialog.refresh_names()
    dialog.run_detect()
    wait(app, lambda: dialog.task is None)
    model = dialog.model
    row = next(r for r in range(model.rowCount())
               if "Shanice" in getattr(model.entity(r), "forms", []))
    dialog.table.selectRow(row)
    dialog.table.scrollTo(model.index(row, 0))
    dialog.grab().save(str(OUT / "dialog_pseudonymise.png"))
    for w in (search, sugg, dialog):
        w.close()
    ctx.close()


if __name__ == "__main__":
    main()
