"""Case attributes and case names are undoable edits on a real project file."""

from __future__ import annotations

import pytest

from coding.commands import RenameCase, SetCaseAttribute
from coding.project import Project
from coding.types import AttributeScope, CaseId
from coding.undo import UndoStack
from models.errors import NotFoundError, ValidationError
from tests.pg import Places


def _project(places: Places) -> tuple[Project, CaseId]:
    p = Project.create(places.new("cases"), "empty")
    return p, p.attributes.ensure_case("gezin 3")


def test_set_case_attribute_sets_changes_clears_and_undoes(places: Places) -> None:
    p, case = _project(places)
    stack = UndoStack(p)
    assert stack.push(SetCaseAttribute(case, "gemeente", " Westerveen ")).attributes
    stack.push(SetCaseAttribute(case, "Gemeente", "Oosterhout"))  # same attribute, any case
    assert p.attributes.case_values() == {case: {"gemeente": "Oosterhout"}}
    stack.push(SetCaseAttribute(case, "gemeente", None))
    assert p.attributes.case_values() == {}
    stack.undo()
    stack.undo()
    assert p.attributes.case_values() == {case: {"gemeente": "Westerveen"}}
    stack.undo()
    assert p.attributes.case_values() == {}
    stack.redo()
    assert p.attributes.case_values() == {case: {"gemeente": "Westerveen"}}
    assert [n for _, n, _ in p.attributes.list(AttributeScope.CASE)] == ["gemeente"]
    assert p.attributes.names() == []  # a case attribute is not a document attribute
    p.close()


def test_clearing_an_unknown_attribute_creates_nothing(places: Places) -> None:
    p, case = _project(places)
    SetCaseAttribute(case, "kinderen", "").do(p)
    assert p.attributes.list(AttributeScope.CASE) == []
    p.close()


def test_rename_case_is_undoable_and_refuses_a_taken_name(places: Places) -> None:
    p, case = _project(places)
    p.attributes.ensure_case("gezin 4")
    stack = UndoStack(p)
    changes = stack.push(RenameCase(case, "gezin 3 (Westerveen)"))
    assert changes.documents and changes.attributes
    assert [n for _, n, _ in p.attributes.cases()] == ["gezin 3 (Westerveen)", "gezin 4"]
    with pytest.raises(ValidationError):
        RenameCase(case, "gezin 4").do(p)
    with pytest.raises(ValidationError):
        RenameCase(case, "  ").do(p)
    stack.undo()
    assert [n for _, n, _ in p.attributes.cases()] == ["gezin 3", "gezin 4"]
    p.close()


def test_a_missing_case_is_a_clear_error(places: Places) -> None:
    p, _ = _project(places)
    with pytest.raises(NotFoundError):
        SetCaseAttribute(CaseId(999), "gemeente", "X").do(p)
    with pytest.raises(NotFoundError):
        RenameCase(CaseId(999), "X").do(p)
    p.close()
