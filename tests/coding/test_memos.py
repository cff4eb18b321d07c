"""Memos on the project, codes, documents and cases: stored normalised, listed by target, undoable."""

from __future__ import annotations

from coding.commands import AssignCase, SetMemo
from coding.memos import MemoTarget
from tests.helpers import project_with
from tests.pg import Places


def test_memos_listed_by_target_kind_and_order_and_undone(places: Places) -> None:
    project, (_d1, d2) = project_with(places, ("a.txt", "Moeder: Goed.", {}),
                                     ("b.txt", "Vader: Ook goed.", {}))
    with project:
        project.execute(AssignCase(d2, "G-2"))
        case_id = project.attributes.cases()[0][0]
        nazorg = project.codes.by_path("nazorg").id
        toegang = project.codes.by_path("toegang").id
        for target, text in ((MemoTarget(case_id=case_id), "Gezin."),
                             (MemoTarget(code_id=nazorg), "Nazorg."),
                             (MemoTarget(document_id=d2), "B."),
                             (MemoTarget(), "Project.\r\n\r\nTweede.  \n"),
                             (MemoTarget(code_id=toegang), "Toegang.")):
            project.execute(SetMemo(target, text))
        listed = [(m.target.kind, m.name, m.text) for m in project.memos.list()]
        assert listed == [("project", None, "Project.\n\nTweede."),
                          ("code", "toegang", "Toegang."), ("code", "nazorg", "Nazorg."),
                          ("document", "b.txt", "B."), ("case", "G-2", "Gezin.")]
        project.execute(SetMemo(MemoTarget(code_id=toegang), "Toegang, herschreven."))
        project.history.undo()
        assert project.memos.get(MemoTarget(code_id=toegang)) == "Toegang."
        project.history.undo()
        assert project.memos.get(MemoTarget(code_id=toegang)) == ""
        assert len(project.memos.list()) == 4
