"""Undoable questionnaire commands: import a file, change an item's top box, link items to themes.

Like every change (coding.commands), each holds IDs and plain values, runs in one transaction and
returns `Changes`. Mapping, top-box and theme-link changes report `attributes=True`: the figures
are computed from the closed answers (document attributes) and the mapping, and every view that
shows figures already listens to attribute changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from coding.commands import Command
from coding.project import Project
from coding.survey.mapping import PreparedSurvey
from coding.survey.scales import Scale
from coding.survey.store import StoredSurvey, remove_survey, restore_survey, store_survey
from coding.types import Changes, CodeId, DocumentId


class ImportSurvey(Command):
    """Store a checked questionnaire: its respondents as documents, its mapping for next year."""

    kind = "import_survey"

    def __init__(self, prepared: PreparedSurvey) -> None:
        super().__init__()
        self.prepared = prepared
        self.detail = prepared.source_name
        self.stored: StoredSurvey | None = None
        self._undone = False

    @property
    def document_ids(self) -> list[DocumentId]:
        return list(self.stored.document_ids) if self.stored else []

    def _tick(self, done: int, total: int) -> None:
        self.check_cancelled()  # rolls the whole import back
        self.report_progress(done, total, self.prepared.source_name)

    def do(self, p: Project) -> Changes:
        if self.stored is not None and self._undone:
            restore_survey(p, self.stored)
        else:
            self.stored = store_survey(p, self.prepared, progress=self._tick)
        self._undone = False
        return Changes(documents=True, attributes=True)

    def undo(self, p: Project) -> Changes:
        assert self.stored is not None
        remove_survey(p, self.stored)
        self._undone = True
        return Changes(documents=True, attributes=True, codes=True)


class SetSurveyScale(Command):
    """Change a closed item's top box (or its whole scale)."""

    kind = "survey_top_box"

    def __init__(self, column: str, scale: Scale) -> None:
        super().__init__()
        self.column, self.scale = column, scale
        self.detail = column
        self._old: Scale | None = None

    def do(self, p: Project) -> Changes:
        self._old = p.surveys.set_scale(self.column, self.scale)
        return Changes(attributes=True)

    def undo(self, p: Project) -> Changes:
        assert self._old is not None
        p.surveys.set_scale(self.column, self._old)
        return Changes(attributes=True)


class LinkSurveyItem(Command):
    """Link a closed item to exactly these themes (codes); an empty list unlinks it."""

    kind = "survey_link"

    def __init__(self, column: str, code_ids: Sequence[CodeId]) -> None:
        super().__init__()
        self.column, self.code_ids = column, list(code_ids)
        self.detail = column
        self._old: list[CodeId] = []

    def do(self, p: Project) -> Changes:
        self._old = p.surveys.set_links(self.column, self.code_ids)
        return Changes(attributes=True)

    def undo(self, p: Project) -> Changes:
        p.surveys.set_links(self.column, self._old)
        return Changes(attributes=True)
