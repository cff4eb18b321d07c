"""Code and document groups: undoable, kept through deleting and merging codes, and a .qdc's
code sets come in as groups that one undo takes out again."""

from __future__ import annotations

import pytest

from coding.commands import (
    ChangeGroupMembers,
    CreateGroup,
    DeleteCode,
    DeleteDocuments,
    DeleteGroup,
    ImportCodebook,
    MergeCodes,
    RenameGroup,
)
from coding.groups import GroupKind
from coding.interchange import ImportReport, QdaCode, QdaSet
from models.errors import ValidationError
from tests.helpers import project_with
from tests.pg import Places

TEXT = "Interviewer: Hoe ging het?\n\nOuder: We wachtten lang op hulp."


def _members(p, kind: GroupKind = GroupKind.CODE) -> dict[str, tuple[int, ...]]:  # type: ignore[no-untyped-def]
    return {g.name: g.members for g in p.groups.list(kind)}


def test_groups_are_made_changed_and_removed_as_undoable_steps(places: Places) -> None:
    p, (doc,) = project_with(places, ("a.txt", TEXT, {}))
    a, b = p.codes.by_path("toegang").id, p.codes.by_path("nazorg").id
    create = CreateGroup(GroupKind.CODE, "Kernthema's", [a])
    p.execute(create)
    assert create.group_id is not None
    with pytest.raises(ValidationError):
        p.execute(CreateGroup(GroupKind.CODE, "kernthema's"))  # names are unique per kind
    p.execute(CreateGroup(GroupKind.DOCUMENT, "Kernthema's", [doc]))  # another kind: fine
    p.execute(ChangeGroupMembers(create.group_id, GroupKind.CODE, add=[b]))
    p.execute(RenameGroup(create.group_id, GroupKind.CODE, "Thema's"))
    assert _members(p) == {"Thema's": (a, b)}
    p.history.undo()
    p.history.undo()
    assert _members(p) == {"Kernthema's": (a,)}
    p.history.redo()
    p.history.redo()
    p.execute(DeleteGroup(create.group_id, GroupKind.CODE))
    assert _members(p) == {}
    p.history.undo()
    assert _members(p) == {"Thema's": (a, b)}
    assert p.groups.names_by_member(GroupKind.DOCUMENT) == {doc: ["Kernthema's"]}
    p.close()


def test_membership_survives_deleting_and_merging_codes_and_deleting_documents(
        places: Places) -> None:
    p, (doc,) = project_with(places, ("a.txt", TEXT, {}))
    wachttijd = p.codes.by_path("toegang/wachttijd").id
    toegang, nazorg = p.codes.by_path("toegang").id, p.codes.by_path("nazorg").id
    p.execute(CreateGroup(GroupKind.CODE, "Pilot", [wachttijd, nazorg]))
    p.execute(CreateGroup(GroupKind.DOCUMENT, "Ouders", [doc]))
    p.execute(DeleteCode(toegang))  # takes toegang/wachttijd with it
    assert _members(p) == {"Pilot": (nazorg,)}
    p.history.undo()
    assert _members(p) == {"Pilot": tuple(sorted((wachttijd, nazorg)))}
    other = p.codes.by_path("aansluiting").id
    p.execute(MergeCodes(nazorg, other))  # the target takes over the source's groups
    assert _members(p) == {"Pilot": tuple(sorted((wachttijd, other)))}
    p.history.undo()
    assert _members(p) == {"Pilot": tuple(sorted((wachttijd, nazorg)))}
    p.execute(DeleteDocuments([doc]))
    assert _members(p, GroupKind.DOCUMENT) == {"Ouders": ()}
    p.history.undo()
    assert _members(p, GroupKind.DOCUMENT) == {"Ouders": (doc,)}
    p.close()


def test_codebook_sets_become_groups_and_one_undo_takes_them_out(places: Places) -> None:
    p, _ = project_with(places, ("a.txt", TEXT, {}))
    codes = [QdaCode("A1", "toegang"), QdaCode("B1", "ervaringsdeskundigheid")]
    command = ImportCodebook(codes, ImportReport(), "extra.qdc",
                             [QdaSet("S1", "Nieuw in 2025", "", ["A1", "B1"])])
    p.execute(command)
    (group,) = p.groups.list(GroupKind.CODE)
    assert group.name == "Nieuw in 2025" and len(group.members) == 2
    p.history.undo()
    assert p.groups.list() == [] and "ervaringsdeskundigheid" not in {
        c.path for c in p.codes.tree()}
    p.history.redo()
    assert [g.name for g in p.groups.list()] == ["Nieuw in 2025"]
    p.close()
