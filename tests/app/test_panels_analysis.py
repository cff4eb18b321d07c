"""The analysis panels show exactly what the services compute, on a real coded project.

Each test builds a project in tmp_path from small transcripts (importers.batch.import_paths with
an attribute sheet), codes it as two coders through ApplyCodes, installs the panels on a plain
QMainWindow with a real ProjectContext, and reads the numbers back from the views' models.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from app import ops
from app.context import ProjectContext
from app.panels import PanelHost
from coding.analysis import AnalysisManager
from coding.commands import ApplyCodes
from coding.project import Project
from coding.types import Valence
from importers.batch import import_paths

TEXTS = {
    "ouder1.txt": (
        "Interviewer: Hoe begon het?\n\n"
        "Ouder: We wachtten heel lang op hulp, wel zeven maanden. Niemand legde uit waarom.\n\n"
        "Interviewer: En de school?\n\n"
        "Ouder: De school werkte goed samen met het wijkteam. Dat gaf rust."
    ),
    "ouder2.txt": (
        "Interviewer: Hoe was de start?\n\n"
        "Ouder: Het duurde lang voordat er iemand kwam. De informatie was onduidelijk.\n\n"
        "Interviewer: Wat ging goed?\n\n"
        "Ouder: De hulpverlener luisterde echt naar ons."
    ),
    "jongere1.txt": (
        "Interviewer: Hoe vond je het?\n\n"
        "Jongere: Ik moest steeds opnieuw mijn verhaal vertellen aan nieuwe mensen.\n\n"
        "Interviewer: En nu?\n\n"
        "Jongere: Nu heb ik een vaste begeleider en dat werkt goed."
    ),
}
SHEET = (
    "file;respondent_type;meting\n"
    "ouder1.txt;ouder;2023\n"
    "ouder2.txt;ouder;2024\n"
    "jongere1.txt;jongere;2024\n"
)
# (document, quote, code path, valence, coder)
CODINGS = [
    ("ouder1.txt", "We wachtten heel lang op hulp", "toegang/wachttijd", Valence.AANDACHTSPUNT,
     "Sanne"),
    ("ouder1.txt", "Niemand legde uit waarom", "toegang/informatie", Valence.AANDACHTSPUNT,
     "Sanne"),
    ("ouder1.txt", "De school werkte goed samen met het wijkteam",
     "samenwerking/school en jeugdhulp", Valence.POSITIEF, "Sanne"),
    ("ouder2.txt", "Het duurde lang voordat er iemand kwam", "toegang/wachttijd",
     Valence.AANDACHTSPUNT, "Sanne"),
    ("ouder2.txt", "De informatie was onduidelijk", "toegang/informatie", Valence.AANDACHTSPUNT,
     "Sanne"),
    ("ouder2.txt", "De hulpverlener luisterde echt naar ons", "aansluiting/relatie",
     Valence.POSITIEF, "Sanne"),
    ("jongere1.txt", "Ik moest steeds opnieuw mijn verhaal vertellen",
     "wisselingen/opnieuw vertellen", Valence.AANDACHTSPUNT, "Sanne"),
    ("jongere1.txt", "een vaste begeleider en dat werkt goed", "aansluiting/relatie",
     Valence.POSITIEF, "Sanne"),
    # Tim agrees on some, disagrees on others.
    ("ouder1.txt", "We wachtten heel lang op hulp", "toegang/wachttijd", Valence.AANDACHTSPUNT,
     "Tim"),
    ("ouder1.txt", "De school werkte goed samen", "samenwerking/school en jeugdhulp",
     Valence.POSITIEF, "Tim"),
    ("ouder2.txt", "Het duurde lang voordat er iemand kwam", "toegang/informatie",
     Valence.AANDACHTSPUNT, "Tim"),
    ("jongere1.txt", "Ik moest steeds opnieuw mijn verhaal vertellen",
     "wisselingen/opnieuw vertellen", Valence.AANDACHTSPUNT, "Tim"),
]


def build_project(folder: Path, name: str = "studie.duiding",
                  codings: list[tuple[str, str, str, Valence, str]] = CODINGS) -> Path:
    """A project file in `folder`: three imported transcripts with attributes, coded."""
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "transcripten"
    src.mkdir(exist_ok=True)
    for file, text in TEXTS.items():
        (src / file).write_text(text, encoding="utf-8")
    (folder / "respondenten.csv").write_text(SHEET, encoding="utf-8")
    path = folder / name
    with Project.create(path, coder="Sanne") as project:
        summary = import_paths(project, sorted(src.iterdir()),
                               attributes=folder / "respondenten.csv")
        assert summary.count("imported") == 3
        for doc_name, quote, code_path, valence, coder in codings:
            doc = project.documents.by_name(doc_name)
            text = project.documents.text(doc.id)
            start = text.index(quote)
            project.execute(ApplyCodes(doc.id, start, start + len(quote),
                                       [project.codes.by_path(code_path).id], valence,
                                       coder=coder))
    return path


@dataclass
class Host:
    window: QMainWindow
    ctx: ProjectContext
    host: PanelHost
    jumps: list[tuple[int, int, int]] = field(default_factory=list)
    docks: dict[str, QDockWidget] = field(default_factory=dict)


def make_host(qtbot, project_path: Path | None) -> Host:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    ctx = ProjectContext(window)
    menus: dict[str, QMenu] = {}
    jumps: list[tuple[int, int, int]] = []
    docks: dict[str, QDockWidget] = {}

    def menu(key: str) -> QMenu:
        if key not in menus:
            menus[key] = window.menuBar().addMenu(key)
            if key == "file":  # like the workbench: a last group with Quit
                menus[key].addSeparator()
                menus[key].addAction("Quit")
        return menus[key]

    def add_dock(dock: QDockWidget) -> None:
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        docks[dock.objectName()] = dock

    host = PanelHost(window, ctx, menu, add_dock, lambda d, s, e: jumps.append((d, s, e)))
    if project_path is not None:
        ctx.set_project(Project.open(project_path, coder="Sanne"))
    return Host(window, ctx, host, jumps, docks)


@pytest.fixture(scope="module")
def coded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("template"))


@pytest.fixture
def coded(tmp_path: Path, coded_template: Path) -> Path:
    """A fresh copy of the coded project for each test (building it once keeps tests fast)."""
    import shutil

    target = tmp_path / "studie.duiding"
    shutil.copy(coded_template, target)
    return target


@pytest.fixture
def env(qtbot, coded: Path) -> Iterator[Host]:  # type: ignore[no-untyped-def]
    h = make_host(qtbot, coded)
    yield h
    ops.wait_all()
    h.ctx.close()


def test_counts_view_shows_service_numbers_and_chart(qtbot, env: Host) -> None:  # type: ignore[no-untyped-def]
    from app.panels.stats_view import CountsView

    view = CountsView(env.ctx, env.host.jump)
    qtbot.addWidget(view)
    view.show()
    view.by.setCurrentIndex(view.by.findData("respondent_type"))
    table = AnalysisManager(env.ctx.project).counts("respondent_type")
    model = view.model
    rows = {model.data(model.index(r, 0), Qt.ItemDataRole.UserRole): r
            for r in range(model.rowCount())}
    for expected in table.rows:
        r = rows[expected.path]
        assert model.data(model.index(r, 1), Qt.ItemDataRole.UserRole) == expected.total.segments
        assert model.data(model.index(r, 2), Qt.ItemDataRole.UserRole) == expected.total.documents
    toegang = rows["toegang"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    ouder = headers.index("ouder (n=2)")
    # toegang: Sanne 4 + Tim 2 fragments, all from the two parents.
    assert model.data(model.index(toegang, 1), Qt.ItemDataRole.UserRole) == 6
    assert model.data(model.index(toegang, ouder), Qt.ItemDataRole.UserRole) == 6
    assert model.data(model.index(toegang, 4), Qt.ItemDataRole.UserRole) == 6  # attention
    # The chart draws the top-level themes, stacked by respondent type.
    assert view.chart.labels[:2] == ["toegang", "aansluiting"]
    assert view.chart.totals()[0] == 6
    # Respondents instead of fragments; a coder filter.
    view.measure.setCurrentIndex(view.measure.findData("documents"))
    assert model.data(model.index(toegang, ouder), Qt.ItemDataRole.UserRole) == 2
    view.coder.setCurrentIndex(view.coder.findData("Tim"))
    assert model.data(model.index(toegang, 1), Qt.ItemDataRole.UserRole) == 2
    # Clicking a number lists its fragments.
    view._show_fragments(model.index(toegang, 1))
    assert {s.coder for s in view.fragments.fragments.segments} == {"Tim"}
    assert view.fragments.fragments.rowCount() == 2


def test_counts_follow_new_codings(qtbot, env: Host) -> None:  # type: ignore[no-untyped-def]
    from app.panels.stats_view import CountsView

    view = CountsView(env.ctx, env.host.jump)
    qtbot.addWidget(view)
    view.show()
    p = env.ctx.project
    doc = p.documents.by_name("ouder2.txt")
    env.ctx.run(ApplyCodes(doc.id, 0, 10, [p.codes.by_path("nazorg").id]))
    row = next(r for r in range(view.model.rowCount())
               if view.model.data(view.model.index(r, 0), Qt.ItemDataRole.UserRole) == "nazorg")
    assert view.model.data(view.model.index(row, 1), Qt.ItemDataRole.UserRole) == 1


def test_matrix_cell_count_fragments_and_saved_summary(qtbot, env: Host, coded: Path) -> None:  # type: ignore[no-untyped-def]
    from app.panels.matrix_view import MatrixView

    view = MatrixView(env.ctx, env.host.jump)
    qtbot.addWidget(view)
    view.show()
    service = AnalysisManager(env.ctx.project).matrix("document", None)
    m = view.model.matrix
    assert m is not None
    themes = [c.id for c in env.ctx.project.codes.tree() if c.depth == 0]
    assert list(m.code_ids) == themes
    col = m.code_paths.index("toegang")
    row = [r.label for r in m.rows].index("ouder1.txt")
    expected = service.counts[row][service.code_ids.index(m.code_ids[col])]
    assert view.model.data(view.model.index(row, col), Qt.ItemDataRole.UserRole) == expected == 3
    view.select_cell(row, col)
    frags = view.fragments.fragments
    assert frags.rowCount() == 3
    # Double-click on a fragment jumps to it in the transcript.
    seg = frags.segments[0]
    view.fragments.doubleClicked.emit(frags.index(0, 4))
    assert env.jumps[-1] == (seg.document_id, seg.start, seg.end)
    # Write a summary; it is saved in the project and undoable.
    view.summary.setPlainText("Lange wachttijd, weinig uitleg.")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    key = (m.rows[row].key, m.code_ids[col])
    assert AnalysisManager(env.ctx.project).matrix("document").summaries[key] == \
        "Lange wachttijd, weinig uitleg."
    assert "✎" in view.model.data(view.model.index(row, col))
    env.ctx.close()
    with Project.open(coded, readonly=True) as reopened:
        assert AnalysisManager(reopened).matrix("document").summaries[key] == \
            "Lange wachttijd, weinig uitleg."


def test_matrix_summary_undo_and_rows_by_attribute(qtbot, env: Host) -> None:  # type: ignore[no-untyped-def]
    from app.panels.matrix_view import MatrixView

    view = MatrixView(env.ctx, env.host.jump)
    qtbot.addWidget(view)
    view.show()
    view.rows.setCurrentIndex(view.rows.findData("attribute:meting"))
    m = view.model.matrix
    assert [r.label for r in m.rows] == ["2023", "2024"]
    col = m.code_paths.index("aansluiting")
    assert view.model.data(view.model.index(1, col), Qt.ItemDataRole.UserRole) == 2
    view.select_cell(1, col)
    view.summary.setPlainText("Relatie met hulpverlener positief.")
    view.save_summary()
    assert env.ctx.undo_stack.count() == 1
    env.ctx.undo_stack.undo()
    assert (AnalysisManager(env.ctx.project).matrix("attribute:meting").summaries == {})
    assert view.model.summary(1, col) == ""


def test_matrix_export_to_excel_has_counts_and_summaries(qtbot, env: Host, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    from app.panels.matrix_view import MatrixView

    view = MatrixView(env.ctx, env.host.jump)
    qtbot.addWidget(view)
    view.show()
    view.select_cell(0, 0)
    view.summary.setPlainText("Samenvatting A")
    view.save_summary()
    dest = tmp_path / "matrix.xlsx"
    task = view.export_to(dest)
    qtbot.waitUntil(task.is_finished, timeout=10000)
    assert task.error is None
    wb = openpyxl.load_workbook(dest)
    counts, summaries = wb["Matrix"], wb["Samenvattingen"]
    assert counts.max_row == 1 + 3
    assert counts.cell(1, 2).value == "toegang"
    assert counts.cell(2, 2).value == view.model.matrix.counts[0][0]
    assert summaries.cell(2, 2).value == "Samenvatting A"


def test_cooccurrence_view_and_drill_down(qtbot, env: Host) -> None:  # type: ignore[no-untyped-def]
    from app.panels.cooccurrence_view import CooccurrenceView

    view = CooccurrenceView(env.ctx, env.host.jump)
    qtbot.addWidget(view)
    view.show()
    p = env.ctx.project
    ids = [p.codes.by_path(x).id for x in ("toegang/wachttijd", "toegang/informatie")]
    view.set_codes(ids)
    service = AnalysisManager(p).cooccurrence(ids, mode="overlap")
    # ouder2: Sanne wachttijd and Tim informatie on the same words overlap.
    assert view.model.data(view.model.index(0, 1), Qt.ItemDataRole.UserRole) == \
        service.counts[0][1] == 1
    view.show_cell(0, 1)
    assert {s.coder for s in view.fragments.fragments.segments} == {"Sanne", "Tim"}
    view.mode.setCurrentIndex(view.mode.findData("turn"))
    turn = AnalysisManager(p).cooccurrence(ids, mode="turn")
    assert view.model.data(view.model.index(0, 1), Qt.ItemDataRole.UserRole) == \
        turn.counts[0][1] == 2  # one turn in each parent interview


def test_comparison_view_side_by_side(qtbot, env: Host) -> None:  # type: ignore[no-untyped-def]
    from app.panels.comparison_view import ComparisonView

    view = ComparisonView(env.ctx, env.host.jump)
    qtbot.addWidget(view)
    view.show()
    view.choose("meting", "2023", "2024")
    service = AnalysisManager(env.ctx.project).compare("meting", "2023", "2024")
    model = view.model
    for r, expected in enumerate(service.rows):
        assert model.data(model.index(r, 1), Qt.ItemDataRole.UserRole) == expected.first.segments
        assert model.data(model.index(r, 4), Qt.ItemDataRole.UserRole) == \
            expected.second.documents
    assert model.headerData(1, Qt.Orientation.Horizontal).startswith("2023 (n=1)\n")
    row = next(r for r in range(model.rowCount()) if service.rows[r].path == "toegang")
    view._show_fragments(model.index(row, 3))
    assert {s.document for s in view.fragments.fragments.segments} == {"ouder2.txt"}


def test_agreement_view_shows_service_kappa_and_disagreements(qtbot, env: Host) -> None:  # type: ignore[no-untyped-def]
    from app.panels.agreement_view import AgreementView

    view = AgreementView(env.ctx, env.host.jump)
    qtbot.addWidget(view)
    view.show()
    view.choose(["Sanne", "Tim"])
    task = view.compute()
    qtbot.waitUntil(lambda: view.model.result is not None, timeout=10000)
    assert task is not None and task.error is None
    service = AnalysisManager(env.ctx.project).agreement(["Sanne", "Tim"], 0.5)
    model = view.model
    for c in service.character.per_code:
        row = model.row_of(service.code_paths[c.code])
        assert model.figure(row, 3) == c.kappa
        assert model.figure(row, 4) == c.alpha
    seg = {c.code: c for c in service.segment.per_code}
    wacht = next(c for c in service.code_paths if service.code_paths[c] == "toegang/wachttijd")
    row = model.row_of("toegang/wachttijd")
    assert model.figure(row, 7) == seg[wacht].kappa
    pooled = model.rowCount() - 2
    assert model.figure(pooled, 3) == service.character.pooled.kappa
    # Side by side: the transcript twice, the disagreements listed; double-click jumps.
    side = view.side
    side.document.setCurrentIndex(side.document.findText("ouder2.txt"))
    assert side.left.toPlainText() == side.right.toPlainText() == \
        env.ctx.project.documents.text(env.ctx.project.documents.by_name("ouder2.txt").id)
    assert side.list.count() == len(AnalysisManager(env.ctx.project).disagreements(
        env.ctx.project.documents.by_name("ouder2.txt").id, ["Sanne", "Tim"]))
    assert side.list.count() >= 2
    first = side.items[0]
    side._jump_item(side.list.item(0))
    assert env.jumps[-1][1:] == (first.start, first.end)


def test_merge_dialog_merges_and_ctrl_z_undoes_as_one_step(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    from app.panels.merge_dialog import MergeDialog

    lead = build_project(tmp_path / "lead", codings=[c for c in CODINGS if c[4] == "Sanne"])
    other = build_project(tmp_path / "tim", "tim.duiding",
                          codings=[c for c in CODINGS if c[4] == "Tim"])
    h = make_host(qtbot, lead)
    undo = h.ctx.undo_stack.createUndoAction(h.window)
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    h.window.addAction(undo)
    before = len(h.ctx.project.segments.query())
    seen: list[object] = []
    h.ctx.changed.connect(seen.append)
    dialog = MergeDialog(h.ctx, h.window)  # a child of the window: closed with it
    dialog.add_files([other])
    task = dialog.run()
    qtbot.waitUntil(task.is_finished, timeout=15000)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=5000)
    assert task.error is None
    assert dialog.report.segments_added == 4 and dialog.report.coders_added == ["Tim"]
    assert len(h.ctx.project.segments.query()) == before + 4
    assert h.ctx.undo_stack.count() == 1 and seen  # one step, broadcast once
    assert h.ctx.undo_stack.undoText() == "Merge projects: tim.duiding"
    assert "Tim" in dialog.result_view.toPlainText()
    # Offscreen Qt delivers no shortcuts to an inactive window: trigger the Ctrl+Z action.
    assert undo.shortcut() == QKeySequence("Ctrl+Z")
    undo.trigger()
    assert h.ctx.undo_stack.index() == 0
    assert len(h.ctx.project.segments.query()) == before
    assert "Tim" not in [n for _i, n, _c, _k in h.ctx.project.coders.list()]
    h.ctx.undo_stack.redo()
    assert len(h.ctx.project.segments.query()) == before + 4
    # A second merge of the same file adds nothing and pushes no step.
    dialog.add_files([other])
    task = dialog.run()
    qtbot.waitUntil(task.is_finished, timeout=15000)
    qtbot.waitUntil(lambda: dialog.merge_button.isEnabled(), timeout=5000)
    assert h.ctx.undo_stack.count() == 1
    assert len(h.ctx.project.segments.query()) == before + 4
    ops.wait_all()
    h.ctx.close()


def test_panels_install_their_menus_and_docks(qtbot, env: Host) -> None:  # type: ignore[no-untyped-def]
    from app.panels import PANELS, install_all

    install_all(env.host)
    mine = {"app.panels.stats_view", "app.panels.matrix_view", "app.panels.agreement_view",
            "app.panels.merge_dialog", "app.panels.export_dialog", "app.panels.refi"}
    assert mine <= set(PANELS)
    names = {a.objectName() for m in env.window.menuBar().findChildren(QMenu)
             for a in m.actions()}
    assert {"actionCounts", "actionMatrix", "actionCooccurrence", "actionComparison",
            "actionAgreement", "actionMerge", "actionExport", "actionImportRefi"} <= names
    # A host without central tabs (this bare window) gets each view as a dock.
    assert {"countsViewDock", "matrixViewDock", "cooccurrenceViewDock", "comparisonViewDock",
            "agreementViewDock"} <= set(env.docks)
    # File actions go before the last group (Close/Quit), not after Quit.
    file_menu = env.host.menu("file")
    assert file_menu.actions()[-1].text() == "Quit"


def test_item_models_pass_qtmodeltester(qtbot, qtmodeltester, env: Host) -> None:  # type: ignore[no-untyped-def]
    from app.panels.agreement_view import AgreementView
    from app.panels.comparison_view import ComparisonView
    from app.panels.cooccurrence_view import CooccurrenceView
    from app.panels.matrix_view import MatrixView
    from app.panels.stats_view import CountsView

    counts = CountsView(env.ctx, env.host.jump)
    matrix = MatrixView(env.ctx, env.host.jump)
    cooc = CooccurrenceView(env.ctx, env.host.jump)
    comp = ComparisonView(env.ctx, env.host.jump)
    agree = AgreementView(env.ctx, env.host.jump)
    for w in (counts, matrix, cooc, comp, agree):
        qtbot.addWidget(w)
        w.show()
    counts.by.setCurrentIndex(counts.by.findData("meting"))
    comp.choose("meting", "2023", "2024")
    matrix.select_cell([r.label for r in matrix.model.matrix.rows].index("ouder1.txt"), 0)
    agree.choose(["Sanne", "Tim"])
    agree.compute()
    qtbot.waitUntil(lambda: agree.model.result is not None, timeout=10000)
    for model in (counts.model, matrix.model, cooc.model, comp.model, agree.model,
                  matrix.fragments.fragments):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_dutch_translations_keep_placeholders(qtbot) -> None:  # type: ignore[no-untyped-def]
    import re

    from app.i18n import parse_ts
    from app.panels import out_common

    table = parse_ts(out_common.TS_FILE)
    assert len(table) > 150
    for (_ctx, source), target in table.items():
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", target)), source
    from app import i18n

    i18n.install(QCoreApplication.instance(), "nl")  # loads every *_nl.ts, panels' included
    try:
        from app.panels.stats_view import CountsModel

        assert CountsModel().tr("Respondents") == "Respondenten"
        assert QCoreApplication.translate("MergeDialog", "Merge projects…") == \
            "Projecten samenvoegen…"
    finally:
        i18n.install(QCoreApplication.instance(), "en")
