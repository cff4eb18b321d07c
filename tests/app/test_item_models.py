"""Every item model passes pytest-qt's QAbstractItemModelTester, also while it changes."""

from __future__ import annotations

from pathlib import Path

from app.attributes_dialog import AttributeTableModel
from app.code_tree import CodeTreeModel
from app.document_list import DocumentListModel
from app.panels.search import HitModel
from app.retrieval import SegmentTableModel
from coding.commands import AddCode, ApplyCodes, DeleteCode, MergeCodes, MoveCode, RemoveCoding
from coding.nlp.service import search_project
from coding.project import Project
from coding.types import DocumentId, SegmentFilter
from tests.app.conftest import TRANSCRIPT, import_files


def _project(tmp_path: Path) -> Project:
    from importers.batch import import_paths

    files = tmp_path / "files"
    files.mkdir()
    (files / "a.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (files / "b.txt").write_text(TRANSCRIPT.replace("lang", "kort"), encoding="utf-8")
    (files / "sheet.csv").write_text("file;type;gezin\na.txt;ouder;G1\nb.txt;jongere;G1\n",
                                     encoding="utf-8")
    p = Project.create(tmp_path / "m.duiding", "jeugdhulp", coder="T")
    import_paths(p, [files / "a.txt", files / "b.txt"], attributes=files / "sheet.csv")
    doc = p.documents.list()[0].id
    p.execute(ApplyCodes(doc, 40, 60, [p.codes.by_path("toegang/wachttijd").id]))
    return p


def test_code_tree_model_stays_consistent_through_edits(qtmodeltester, tmp_path: Path) -> None:
    p = _project(tmp_path)
    model = CodeTreeModel()
    model.reset_codes(p.codes.tree(), p.codes.counts())
    qtmodeltester.check(model)
    toegang = p.codes.by_path("toegang").id
    nazorg = p.codes.by_path("nazorg").id
    steps = [AddCode("nieuw", toegang), MoveCode(p.codes.by_path("toegang/intake").id, nazorg, 0),
             MergeCodes(p.codes.by_path("toegang/informatie").id,
                        p.codes.by_path("toegang/wachttijd").id),
             DeleteCode(p.codes.by_path("samenwerking").id)]
    for cmd in steps:
        p.execute(cmd)
        model.sync(p.codes.tree(), p.codes.counts())
        assert [model.info(model.index(r, 0)).name for r in range(model.rowCount())] == \
            [c.name for c in p.codes.tree() if c.parent_id is None]
    for _ in steps:
        p.history.undo()
        model.sync(p.codes.tree(), p.codes.counts())
    expected = {c.id: c.path for c in p.codes.tree()}
    got = {}

    def walk(parent):  # type: ignore[no-untyped-def]
        for r in range(model.rowCount(parent)):
            ix = model.index(r, 0, parent)
            got[model.code_id(ix)] = model.info(ix).path
            walk(ix)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    assert got == expected
    qtmodeltester.check(model)
    p.close()


def test_document_list_model_flat_and_grouped(qtmodeltester, tmp_path: Path) -> None:
    p = _project(tmp_path)
    model = DocumentListModel()
    model.set_documents(p.documents.list(), p.attributes.names())
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    model.set_grouped(True)
    qtmodeltester.check(model)
    assert model.rowCount() == 1  # both in case G1
    assert model.rowCount(model.index(0, 0)) == 2
    p.close()


def test_retrieval_and_attribute_models(qtmodeltester, tmp_path: Path) -> None:
    p = _project(tmp_path)
    segs = SegmentTableModel()
    segs.set_segments(p.segments.query(SegmentFilter()), p.attributes.names())
    qtmodeltester.check(segs)
    assert segs.rowCount() == 1
    hits = HitModel()
    hits.set_hits(search_project(p, "wachtlijst"))
    qtmodeltester.check(hits)
    assert hits.rowCount() == 2  # once in each document
    pushed = []
    attrs = AttributeTableModel(lambda cmd: pushed.append(cmd) or True)
    attrs.set_data(p.documents.list(), p.attributes.names())
    qtmodeltester.check(attrs)
    assert attrs.setData(attrs.index(0, 1), "pleegouder")
    assert pushed[0].value == "pleegouder" and pushed[0].doc_id == DocumentId(1)
    p.close()


def test_attribute_editor_edits_are_undoable(qtbot, window, tmp_path: Path,
                                             transcript_file: Path) -> None:
    from app.attributes_dialog import AttributesDialog

    project = window.create_project(tmp_path / "a.duiding", "empty")
    import_files(qtbot, window, [transcript_file])
    dialog = AttributesDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.model.add_attribute("gemeente")
    assert dialog.model.setData(dialog.model.index(0, 1), "Westerveen")
    assert dialog.model.setData(dialog.model.index(0, 0), "G-7")
    doc = project.documents.list()[0]
    assert (doc.attributes["gemeente"], doc.case) == ("Westerveen", "G-7")
    assert window.documents.model.columnCount() == 4  # name, words, case, gemeente
    window.ctx.undo_stack.undo()
    window.ctx.undo_stack.undo()
    doc = project.documents.list()[0]
    assert doc.case is None and "gemeente" not in doc.attributes


def test_code_tree_counts_a_theme_with_its_subthemes(qtbot, window, tmp_path: Path) -> None:
    project = _project(tmp_path)
    path = project.path
    project.close()
    window.open_project(path)
    model = window.codes.model
    theme = project.codes.by_path("toegang")
    sub = project.codes.by_path("toegang/wachttijd")

    def shown(code_id, column):  # type: ignore[no-untyped-def]
        return model.data(model.index_of(code_id, column))

    assert [shown(sub.id, 1), shown(sub.id, 2)] == [1, 1]
    assert [shown(theme.id, 1), shown(theme.id, 2)] == [1, 1]  # not 0 above a coded sub-theme


def test_every_core_command_has_a_translated_undo_text(qapp) -> None:  # type: ignore[no-untyped-def]
    """The Edit menu says what Ctrl+Z will undo, in Dutch, for every kind of action."""
    import re

    from app import i18n
    from app.undo import kind_text

    root = Path(__file__).resolve().parents[2]
    kinds = set()
    for path in (root / "coding").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        kinds |= set(re.findall(r'\bkind = "(\w+)"', source))
        kinds |= set(re.findall(r'Macro\(\s*"(\w+)"', source))
    kinds -= {"command", "macro"}
    assert len(kinds) > 20
    i18n.install(qapp, "nl")
    try:
        generic = kind_text("no such kind")
        assert [k for k in sorted(kinds) if kind_text(k) == generic] == []
        assert kind_text("apply_code") == "Code toepassen"
    finally:
        i18n.install(qapp, "en")


def test_the_fragment_list_reads_rows_as_they_are_shown_and_updates_in_place(
        qtmodeltester, tmp_path: Path) -> None:
    """At 20,000 fragments the list cannot read every fragment at once: it holds the IDs,
    reads a page when a row is first shown, and after a coding swaps only the changed rows."""
    p = _project(tmp_path)
    code = p.codes.by_path("toegang/wachttijd").id
    docs = [d.id for d in p.documents.list()]
    for doc in docs:
        for start in range(0, 200, 10):
            p.execute(ApplyCodes(doc, start, start + 5, [code]))
    asked: list[int] = []

    def fetch(ids):  # type: ignore[no-untyped-def]
        asked.append(len(ids))
        return p.segments.by_ids(ids)

    model = SegmentTableModel()
    model.PAGE = 10
    f = SegmentFilter(code_ids=(code,))
    model.set_ids(p.segments.ids(f), p.attributes.names(), fetch)
    assert model.rowCount() == len(p.segments.query(f)) and asked == []  # nothing read yet
    assert model.segment(0).id == p.segments.query(f)[0].id and asked == [10]
    qtmodeltester.check(model)  # reads every row through data()
    removed, inserted = [], []
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    seg = p.segments.for_document(docs[1])[0]
    p.execute(RemoveCoding(docs[1], seg.id))
    model.update_ids(p.segments.ids(f), {docs[1]})
    assert [model.segment(r).id for r in range(model.rowCount())] == \
        [s.id for s in p.segments.query(f)]
    assert len(removed) == 1 and removed[0][0] == removed[0][1] and inserted == []  # one row
    qtmodeltester.check(model)
    p.close()
