"""'Code all hits' as one set-based command: the same result as one ApplyCodes per span (a span
the coder already coded gets the code added), one undo step that restores exactly, redo with
the same IDs, and nothing written when one span is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from coding.commands import ApplyCodes, CodeSpans, Macro
from coding.project import Project
from coding.types import DocumentId, Valence
from models.errors import ValidationError
from tests.coding.test_commands import TEXT, state
from tests.helpers import project_with
from tests.pg import Places


@pytest.fixture
def project(places: Places) -> Any:
    p, _ = project_with(places, ("r1.txt", TEXT, {}), ("r2.txt", TEXT.replace("zeven", "drie"),
                                                          {}))
    yield p
    p.close()


def _spans(p: Project, word: str) -> list[tuple[DocumentId, int, int]]:
    out = []
    for doc in p.documents.list():
        text = p.documents.text(doc.id)
        start = text.find(word)
        while start >= 0:
            out.append((doc.id, start, start + len(word)))
            start = text.find(word, start + 1)
    return out


def test_code_spans_equals_one_apply_per_span_and_undoes_exactly(project: Project,
                                                                 tmp_path: Path) -> None:
    wachttijd = project.codes.by_path("toegang/wachttijd").id
    relatie = project.codes.by_path("aansluiting/relatie").id
    spans = _spans(project, "intake") + _spans(project, "school")
    d, s, e = spans[0]
    project.execute(ApplyCodes(d, s, e, [relatie], Valence.POSITIEF))  # already coded span
    before = state(project)
    (tmp_path / "twin").mkdir()
    twin, _ = project_with(tmp_path / "twin", ("r1.txt", TEXT, {}),
                           ("r2.txt", TEXT.replace("zeven", "drie"), {}))
    twin.execute(ApplyCodes(d, s, e, [relatie], Valence.POSITIEF))
    twin.execute(Macro("code_search_hits", [ApplyCodes(*span, [wachttijd],
                                                       Valence.AANDACHTSPUNT)
                                            for span in spans]))

    command = CodeSpans(spans + spans[:1], [wachttijd], Valence.AANDACHTSPUNT)
    changes = project.execute(command)
    assert changes.segments == {doc.id for doc in project.documents.list()}
    assert len(command.spans) == len(spans)  # a repeated span is coded once

    def seen(p: Project) -> list[object]:
        return [(x.document, x.start, x.end, x.coder, [(c.path, c.valence) for c in x.codings])
                for x in p.segments.query()]

    assert seen(project) == seen(twin)  # the same as ApplyCodes one by one
    first = project.segments.query()[0]
    assert [c.path for c in first.codings] == ["toegang/wachttijd", "aansluiting/relatie"]
    after = state(project)
    project.history.undo()
    assert state(project) == before
    project.history.redo()
    assert state(project) == after  # the same IDs come back
    twin.close()


def test_a_wrong_span_leaves_nothing(project: Project) -> None:
    before = state(project)
    spans = _spans(project, "intake") + [(project.documents.list()[0].id, 10, 99999)]
    with pytest.raises(ValidationError, match="outside the document"):
        project.execute(CodeSpans(spans, [project.codes.by_path("toegang").id]))
    assert state(project) == before
