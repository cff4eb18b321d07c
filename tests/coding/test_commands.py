"""Every command does, undoes and redoes exactly, keeping IDs; offsets are code points."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coding.commands import (
    AddCode,
    AddCodeTree,
    ApplyCodes,
    AssignCase,
    Command,
    DeleteCode,
    DeleteDocuments,
    EditSegment,
    ImportedDocuments,
    Macro,
    MergeCodes,
    MoveCode,
    RemoveCoding,
    RenameDocument,
    SetDocumentAttribute,
    SetMemo,
    SetRoleEverywhere,
    SetSpeaker,
    UpdateCode,
)
from coding.memos import MemoTarget
from coding.project import Project
from coding.types import SpeakerRole, Valence
from models.errors import NotFoundError, ValidationError
from tests.helpers import EMOJI_TEXT, project_with
from tests.pg import Places

TEXT = ("Interviewer: Hoe vond u de weg naar hulp?\n\n"
        "Ouder: Via de huisarts. Daarna wachtten we zeven maanden op de intake.\n\n"
        "Interviewer: En de samenwerking met school?\n\n"
        "Ouder: Die liep goed, de intern begeleider belde zelf met het jeugdteam.")


@pytest.fixture
def project(places: Places) -> Any:
    p, _ = project_with(places, ("r1.txt", TEXT, {"gemeente": "Westerveen"}),
                        ("r2.txt", TEXT.replace("zeven", "drie"), {"gemeente": "Duinmeer"}))
    yield p
    p.close()


def state(p: Project) -> Any:
    """Everything a user could see, to compare before/after undo."""
    return (
        [(c.id, c.path, c.colour, c.definition, c.shortcut, c.position) for c in p.codes.tree()],
        [(s.id, s.document, s.start, s.end, s.coder, s.memo, s.key_quote,
          [(c.path, c.valence) for c in s.codings]) for s in p.segments.query()],
        [(d.id, d.name, d.case, d.attributes, d.speakers) for d in p.documents.list()],
        [(m.target, m.text) for m in p.memos.list()],
        [[(sp.label, sp.role) for sp in p.documents.speakers(d.id)] for d in p.documents.list()],
    )


def code(p: Project, path: str) -> Any:
    return p.codes.by_path(path).id


def span(p: Project, doc: int, quote: str) -> tuple[int, int]:
    start = p.documents.text(doc).index(quote)
    return start, start + len(quote)


def coded(p: Project) -> Any:
    d = p.documents.list()[0].id
    p.execute(ApplyCodes(d, *span(p, d, "wachtten we zeven maanden"),
                         [code(p, "toegang/wachttijd")], Valence.AANDACHTSPUNT))
    return p


CASES: dict[str, Callable[[Project], Command]] = {
    "apply": lambda p: ApplyCodes(p.documents.list()[0].id, *span(p, p.documents.list()[0].id,
                                                                   "Via de huisarts"),
                                  [code(p, "toegang/vindbaarheid"), code(p, "toegang/intake")],
                                  Valence.POSITIEF),
    "apply_to_same_span_adds_code": lambda p: ApplyCodes(
        p.documents.list()[0].id, *span(p, p.documents.list()[0].id, "wachtten we zeven maanden"),
        [code(p, "toegang/intake"), code(p, "toegang/wachttijd")], Valence.NEUTRAAL),
    "remove_one_code": lambda p: RemoveCoding(p.documents.list()[0].id,
                                              p.segments.query()[0].id,
                                              code(p, "toegang/wachttijd")),
    "change_span": lambda p: EditSegment(p.documents.list()[0].id, p.segments.query()[0].id,
                                         start=p.segments.query()[0].start - 6),
    "memo": lambda p: EditSegment(p.documents.list()[0].id, p.segments.query()[0].id,
                                  memo="lange wachttijd"),
    "key_quote": lambda p: EditSegment(p.documents.list()[0].id, p.segments.query()[0].id,
                                       key_quote=True),
    "valence": lambda p: EditSegment(p.documents.list()[0].id, p.segments.query()[0].id,
                                     valence=(code(p, "toegang/wachttijd"), Valence.POSITIEF)),
    "add_code": lambda p: AddCode("digitaal loket", code(p, "toegang"), colour="#123456"),
    "add_codebook": lambda p: AddCodeTree([{"name": "extra", "children": [{"name": "sub"}]}]),
    "rename_code": lambda p: UpdateCode(code(p, "toegang/wachttijd"), name="wachtlijst"),
    "recolour_code": lambda p: UpdateCode(code(p, "toegang"), colour="#000000",
                                          definition="anders", shortcut="F5"),
    "move_code": lambda p: MoveCode(code(p, "toegang/wachttijd"), code(p, "nazorg"), 0),
    "merge_codes": lambda p: MergeCodes(code(p, "toegang/wachttijd"), code(p, "toegang/intake")),
    "delete_code_with_codings": lambda p: DeleteCode(code(p, "toegang")),
    "attribute": lambda p: SetDocumentAttribute(p.documents.list()[0].id, "gemeente", "Oosthaven"),
    "new_attribute": lambda p: SetDocumentAttribute(p.documents.list()[0].id, "meting", "2024"),
    "case": lambda p: AssignCase(p.documents.list()[0].id, "gezin 3"),
    "memo_on_code": lambda p: SetMemo(MemoTarget(code_id=code(p, "toegang")), "Samenvatting"),
    "speaker": lambda p: SetSpeaker(p.documents.list()[0].id,
                                    p.documents.speakers(p.documents.list()[0].id)[1].id,
                                    label="Moeder", role=SpeakerRole.OTHER),
    "role_everywhere": lambda p: SetRoleEverywhere("ouder", SpeakerRole.INTERVIEWER),
    "rename_document": lambda p: RenameDocument(p.documents.list()[0].id, "gezin 3 moeder"),
    "delete_documents": lambda p: DeleteDocuments([p.documents.list()[0].id]),
    "macro": lambda p: Macro("code_all_hits", [
        ApplyCodes(d.id, *span(p, d.id, "intern begeleider"), [code(p, "samenwerking")])
        for d in p.documents.list()]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_do_undo_redo(project: Project, name: str) -> None:
    coded(project)
    before = state(project)
    cmd = CASES[name](project)
    project.execute(cmd)
    after = state(project)
    assert after != before, f"{name} changed nothing a user could see"
    project.history.undo()
    assert state(project) == before
    project.history.redo()
    assert state(project) == after  # same IDs, same everything
    project.history.undo()
    assert state(project) == before


def test_import_is_undoable_as_one_step(project: Project, tmp_path: Path) -> None:
    coded(project)
    before = state(project)
    ids = [d.id for d in project.documents.list()]
    project.execute(ImportedDocuments(ids))  # pushed after an import: do() is a no-op
    assert state(project) == before
    project.history.undo()
    assert project.documents.list() == [] and project.segments.query() == []
    project.history.redo()
    assert state(project) == before


def test_a_failing_compound_action_leaves_nothing(project: Project) -> None:
    d = project.documents.list()[0].id
    before = state(project)
    bad = Macro("code_all_hits", [
        ApplyCodes(d, 0, 5, [code(project, "toegang")]),
        ApplyCodes(d, 10, 5, [code(project, "toegang")]),  # empty span: refused
    ])
    with pytest.raises(ValidationError):
        project.execute(bad)
    assert state(project) == before


@pytest.mark.parametrize("start,end", [(-1, 5), (5, 5), (3, 10**6)])
def test_bad_spans_are_refused(project: Project, start: int, end: int) -> None:
    with pytest.raises(ValidationError):
        project.execute(ApplyCodes(project.documents.list()[0].id, start, end,
                                   [code(project, "toegang")]))


def test_unknown_code_is_refused(project: Project) -> None:
    with pytest.raises(NotFoundError):
        project.execute(ApplyCodes(project.documents.list()[0].id, 0, 5, [9999]))
    with pytest.raises(NotFoundError, match="unknown code path"):
        project.codes.by_path("toegang/bestaat niet")


def test_code_tree_rules(project: Project) -> None:
    with pytest.raises(ValidationError, match="already exists"):
        project.execute(AddCode("Wachttijd", code(project, "toegang")))
    with pytest.raises(ValidationError, match="inside itself"):
        project.execute(MoveCode(code(project, "toegang"), code(project, "toegang/intake"), 0))
    with pytest.raises(ValidationError, match="'/'"):
        project.execute(AddCode("a/b"))


def test_offsets_are_code_points_and_round_trip_exactly(places: Places) -> None:
    p, (doc,) = project_with(places, ("emoji.txt", EMOJI_TEXT, {}))
    text = p.documents.text(doc)
    for quote in ("😤 wás het een zoektocht", "Zoë", "𝒜 vreemde tijd", "maanden 👨‍👩‍👧 op"):
        start = text.index(quote)
        p.execute(ApplyCodes(doc, start, start + len(quote), [code(p, "toegang")]))
    assert [s.text for s in p.segments.query()] == [
        "😤 wás het een zoektocht", "Zoë", "𝒜 vreemde tijd", "maanden 👨‍👩‍👧 op"]
    p.close()
    with Project.open(places.location("studie")) as again:
        assert again.documents.text(doc) == EMOJI_TEXT
        assert again.segments.query()[0].start == EMOJI_TEXT.index("😤")
