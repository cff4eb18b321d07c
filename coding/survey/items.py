"""A closed questionnaire item as the project knows it (shared by the figures and the manager)."""

from __future__ import annotations

from dataclasses import dataclass

from coding.survey.scales import Scale
from coding.types import CodeId


@dataclass(frozen=True)
class SurveyItem:
    """A closed item as the project knows it: its question, attribute, scale and themes."""

    column: str
    label: str
    attribute: str
    scale: Scale
    code_ids: tuple[CodeId, ...]
    position: int

    def as_json(self, paths: dict[CodeId, str] | None = None) -> dict[str, object]:
        return {"column": self.column, "question": self.label, "attribute": self.attribute,
                "scale": list(self.scale.categories), "top_box": list(self.scale.top_box),
                "not_counted": list(self.scale.missing),
                "themes": [(paths or {}).get(c, str(c)) for c in self.code_ids]}
