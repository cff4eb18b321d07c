"""The questionnaire side of a project: its saved column mapping, closed items and their themes,
imports, and which documents are questionnaire responses.

``project.surveys`` hands out plain values (STYLE.md rule 2). Changes go through the commands in
:mod:`coding.survey.commands`, which call the primitives here (one transaction each, joined into
the command's). Closed answers themselves are document attributes; figures are computed from
them (:mod:`coding.survey.figures`), so withdrawing a respondent or correcting an answer changes
the figures without anything to keep in step.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from coding.attributes import AttributeManager
from coding.survey.figures import FiguresTable, compute_figures
from coding.survey.items import SurveyItem
from coding.survey.kinds import DocumentKind
from coding.survey.mapping import ColumnMapping, Role, Source
from coding.survey.scales import Scale
from coding.types import CodeId, DocumentId
from models.errors import NotFoundError, ValidationError
from models.sessions import StoreBase as ProjectStore
from models.survey_models import SurveyColumn, SurveyImport, SurveyItemCode, SurveyRespondent


@dataclass(frozen=True)
class SurveyImportInfo:
    id: int
    name: str
    source_name: str
    format: str
    sha256: str
    meting: str
    respondents: int


def column_state(row: SurveyColumn) -> dict[str, object]:
    return {"column": row.column, "role": row.role, "label": row.label,
            "attribute": row.attribute, "scale": row.scale, "position": row.position}


class SurveyManager:
    def __init__(self, store: ProjectStore, attributes: AttributeManager) -> None:
        self._store = store
        self._attributes = attributes

    # -- the saved mapping ---------------------------------------------------------------------

    def saved_mapping(self) -> dict[str, ColumnMapping]:
        """{header: mapping} from earlier imports, to map next year's file the same way."""
        with self._store.read() as s:
            rows = s.scalars(select(SurveyColumn).order_by(SurveyColumn.position)).all()
            return {r.column: ColumnMapping(r.column, Role(r.role), r.label, r.attribute,
                                            Scale.from_json(r.scale), Source.SAVED)
                    for r in rows}

    def column_states(self, s: Session) -> dict[str, dict[str, object]]:
        return {r.column: column_state(r) for r in s.scalars(select(SurveyColumn))}

    def save_columns_in(self, s: Session, columns: builtins.list[ColumnMapping]) -> None:
        """Insert or update the saved mapping of these columns (links to themes are kept)."""
        existing = {r.column: r for r in s.scalars(select(SurveyColumn))}
        position = max((r.position for r in existing.values()), default=0)
        for c in columns:
            row = existing.get(c.column)
            if row is None:
                position += 1
                row = SurveyColumn(column=c.column, position=position)
                s.add(row)
            row.role = c.role.value
            row.label = c.label
            row.attribute = c.attribute
            row.scale = c.scale.to_json() if c.scale is not None else ""
        s.flush()

    def restore_columns_in(self, s: Session, states: dict[str, dict[str, object]]) -> None:
        """Put the saved mapping back as `states` (from `column_states`); rows not in it go."""
        for row in s.scalars(select(SurveyColumn)).all():
            state = states.get(row.column)
            if state is None:
                s.delete(row)
            else:
                for key, value in state.items():
                    setattr(row, key, value)
        known = {r for r in s.scalars(select(SurveyColumn.column))}
        for column, state in states.items():
            if column not in known:
                s.add(SurveyColumn(**state))
        s.flush()

    # -- closed items --------------------------------------------------------------------------

    def items(self) -> builtins.list[SurveyItem]:
        """Closed items in mapping order."""
        with self._store.read() as s:
            links: dict[int, list[CodeId]] = {}
            for column_id, code_id in s.execute(select(SurveyItemCode.column_id,
                                                       SurveyItemCode.code_id)):
                links.setdefault(column_id, []).append(CodeId(code_id))
            rows = s.scalars(select(SurveyColumn).where(SurveyColumn.role == Role.CLOSED.value)
                             .order_by(SurveyColumn.position, SurveyColumn.id)).all()
            out = []
            for r in rows:
                scale = Scale.from_json(r.scale)
                if scale is None:
                    continue
                out.append(SurveyItem(r.column, r.label or r.column, r.attribute, scale,
                                      tuple(sorted(links.get(r.id, []))), r.position))
            return out

    def item(self, name: str) -> SurveyItem:
        """A closed item by its column, attribute or question text (case-insensitive)."""
        items = self.items()
        key = " ".join(name.split()).casefold()
        for field in ("column", "attribute", "label"):
            for item in items:
                if getattr(item, field).casefold() == key:
                    return item
        known = ", ".join(repr(i.column) for i in items) or "none yet"
        raise NotFoundError(f"no closed item {name!r} (known: {known}).")

    def set_scale(self, column: str, scale: Scale) -> Scale:
        """Change a closed item's scale or top box; returns the old scale."""
        with self._store.write() as s:
            row = s.scalar(select(SurveyColumn).where(SurveyColumn.column == column,
                                                      SurveyColumn.role == Role.CLOSED.value))
            if row is None:
                raise NotFoundError(f"no closed item {column!r}.")
            old = Scale.from_json(row.scale)
            assert old is not None
            if not scale.top_box:
                raise ValidationError(f"{column}: the top box needs at least one answer.")
            row.scale = scale.to_json()
            return old

    def set_links(self, column: str, code_ids: builtins.list[CodeId]) -> builtins.list[CodeId]:
        """Link a closed item to exactly these codes (themes); returns the previous links."""
        with self._store.write() as s:
            column_id = s.scalar(select(SurveyColumn.id).where(
                SurveyColumn.column == column, SurveyColumn.role == Role.CLOSED.value))
            if column_id is None:
                raise NotFoundError(f"no closed item {column!r}.")
            old = [CodeId(c) for c in s.scalars(select(SurveyItemCode.code_id).where(
                SurveyItemCode.column_id == column_id).order_by(SurveyItemCode.code_id))]
            s.execute(delete(SurveyItemCode).where(SurveyItemCode.column_id == column_id))
            s.add_all(SurveyItemCode(column_id=column_id, code_id=c) for c in dict.fromkeys(code_ids))
            return old

    # -- imports and kinds ---------------------------------------------------------------------

    def imports(self) -> builtins.list[SurveyImportInfo]:
        with self._store.read() as s:
            counts = dict(s.execute(select(SurveyRespondent.import_id, func.count())
                                    .group_by(SurveyRespondent.import_id)).all())
            return [SurveyImportInfo(r.id, r.name, r.source_name, r.format, r.sha256, r.meting,
                                     counts.get(r.id, 0))
                    for r in s.scalars(select(SurveyImport).order_by(SurveyImport.id))]

    def questionnaire_documents(self, s: Session | None = None) -> frozenset[DocumentId]:
        """The documents that are questionnaire responses (every other document is an interview)."""
        if s is None:
            with self._store.read() as s2:
                return self.questionnaire_documents(s2)
        return frozenset(DocumentId(d) for d in s.scalars(select(SurveyRespondent.document_id)))

    def kind(self, doc_id: DocumentId) -> DocumentKind:
        return (DocumentKind.QUESTIONNAIRE if doc_id in self.questionnaire_documents()
                else DocumentKind.INTERVIEW)

    # -- figures -------------------------------------------------------------------------------

    def figures(self, *, by: str | None = None, where: tuple[tuple[str, str], ...] = (),
                threshold: int = 10, items: builtins.list[SurveyItem] | None = None,
                metingen: tuple[str, ...] = ()) -> FiguresTable:
        """Closed-item figures per meting (and per value of `by`) over the questionnaire
        respondents matching `where` (same name twice = either value)."""
        wanted: dict[str, set[str]] = {}
        for name, value in where:
            wanted.setdefault(name, set()).add(value)
        docs = self.questionnaire_documents()
        values = self._attributes.document_values()
        rows = [values.get(d, {}) for d in sorted(docs)]
        rows = [r for r in rows if all(r.get(n, "") in v for n, v in wanted.items())]
        return compute_figures(self.items() if items is None else items, rows, by=by,
                               threshold=threshold, metingen=metingen)
