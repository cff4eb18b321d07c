"""Each user has their own undo stack: taking back a change that someone else has changed since
gives a clear message and changes nothing, on a file (another window) and on a server alike."""

from __future__ import annotations

import pytest

from coding.commands import ApplyCodes, EditSegment, RemoveCoding, SetMemo, UpdateCode
from coding.memos import MemoTarget
from coding.project import Project
from models.errors import ConflictError
from tests.helpers import project_with
from tests.pg import Places

TEXT = "Interviewer: Hoe ging het?\n\nMoeder: We wachtten zeven maanden op hulp."


def two_users(places: Places) -> tuple[Project, Project, int]:
    """Sanne's project and a second session on the same project (Tim)."""
    sanne, (doc,) = project_with(places, ("r1.txt", TEXT, {}))
    if places.kind == "sqlite":  # one writer per file: the second session is another undo
        return sanne, Project(sanne.store, coder="Tim"), doc  # stack on the same store
    tim = Project.open(places.location("studie"), coder="Tim")
    return sanne, tim, doc


def close(sanne: Project, tim: Project) -> None:
    if tim.store is not sanne.store:
        tim.close()
    sanne.close()


def test_undo_of_a_fragment_someone_changed_since_is_refused(places: Places) -> None:
    sanne, tim, doc = two_users(places)
    code = sanne.codes.by_path("toegang").id
    apply = ApplyCodes(doc, 41, 48, [code])
    sanne.execute(apply)
    # Someone else (the projectleider, or another window) adds a memo to that fragment.
    tim.execute(EditSegment(doc, apply.segment_id, memo="wachttijd!"))
    with pytest.raises(ConflictError, match="changed or removed since"):
        sanne.history.undo()
    (seg,) = sanne.segments.for_document(doc)
    assert seg.memo == "wachttijd!"  # nothing was undone
    # Tim's own undo still works, and afterwards Sanne's fragment is as she left it.
    tim.history.undo()
    assert sanne.segments.for_document(doc)[0].memo == ""
    close(sanne, tim)


def test_undo_of_a_removal_after_someone_coded_there_again_is_refused(places: Places) -> None:
    sanne, tim, doc = two_users(places)
    code = sanne.codes.by_path("toegang").id
    apply = ApplyCodes(doc, 41, 48, [code])
    sanne.execute(apply)
    remove = RemoveCoding(doc, apply.segment_id)
    tim.execute(remove)
    with pytest.raises(ConflictError):
        sanne.history.undo()
    assert sanne.segments.for_document(doc) == []
    close(sanne, tim)


def test_undo_of_a_code_rename_or_memo_changed_since_is_refused(places: Places) -> None:
    sanne, tim, _doc = two_users(places)
    code = sanne.codes.by_path("toegang").id
    sanne.execute(UpdateCode(code, name="Toegang tot hulp"))
    tim.execute(UpdateCode(code, name="Toegang en wachten"))
    with pytest.raises(ConflictError, match="changed since"):
        sanne.history.undo()
    assert sanne.codes.get(code).name == "Toegang en wachten"
    sanne.execute(SetMemo(MemoTarget(code_id=code), "Eerste versie"))
    tim.execute(SetMemo(MemoTarget(code_id=code), "Tims versie"))
    with pytest.raises(ConflictError):
        sanne.history.undo()
    assert sanne.memos.get(MemoTarget(code_id=code)) == "Tims versie"
    close(sanne, tim)


def test_undo_and_redo_without_interference_still_work(places: Places) -> None:
    sanne, (doc,) = project_with(places, ("r1.txt", TEXT, {}))
    code = sanne.codes.by_path("toegang").id
    apply = ApplyCodes(doc, 41, 48, [code])
    sanne.execute(apply)
    sanne.execute(EditSegment(doc, apply.segment_id, memo="m"))
    sanne.history.undo()
    sanne.history.undo()
    assert sanne.segments.for_document(doc) == []
    sanne.history.redo()
    sanne.history.redo()
    (seg,) = sanne.segments.for_document(doc)
    assert seg.id == apply.segment_id and seg.memo == "m"
    sanne.close()
