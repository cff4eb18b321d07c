"""A .qdc codebook joins the codes the project has and adds the rest, as one undoable step."""

from __future__ import annotations

from pathlib import Path

from coding.commands import ApplyCodes, ImportCodebook
from coding.interchange import ImportReport, QdaCode
from coding.project import Project
from tests.helpers import project_with
from tests.pg import Places

TEXT = "Interviewer: Hoe ging het?\n\nOuder: We wachtten lang op hulp."


def test_import_joins_existing_codes_and_undo_removes_only_new_ones(places: Places, tmp_path: Path) -> None:
    p, (doc,) = project_with(places, ("a.txt", TEXT, {}))
    before = [(c.id, c.path) for c in p.codes.tree()]
    codes = [
        QdaCode("A1", "toegang"),  # exists: joined, not duplicated or changed
        QdaCode("A2", "digitaal loket", "A1", "#112233", "Online aanmelden"),
        QdaCode("B1", "ervaringsdeskundigheid", None, "#445566"),
        QdaCode("B2", "lotgenoten", "B1"),
    ]
    command = ImportCodebook(codes, ImportReport(), "extra.qdc")
    p.execute(command)
    paths = {c.path: c for c in p.codes.tree()}
    assert {"toegang/digitaal loket", "ervaringsdeskundigheid/lotgenoten"} <= set(paths)
    assert paths["toegang/digitaal loket"].definition == "Online aanmelden"
    assert len(paths) == len(before) + 3
    # A coding made with a new code after the import is undone first (stack order).
    p.execute(ApplyCodes(doc, TEXT.index("We"), len(TEXT), [paths["ervaringsdeskundigheid"].id]))
    p.history.undo()
    p.history.undo()
    assert [(c.id, c.path) for c in p.codes.tree()] == before
    p.history.redo()
    assert {c.path: c.id for c in p.codes.tree()} == {k: v.id for k, v in paths.items()}
    p.close()
    with Project.open(places.location("studie")) as again:
        assert "toegang/digitaal loket" in {c.path for c in again.codes.tree()}
