"""The fragment filters of retrieval -- attribute = value, case, coder, valence, key quotes only --
as one bar, so the retrieval panel and the theme synthesis workspace filter the same way and ask
the core the same question (`SegmentFilter` for `project.segments.query`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.labels import valence_label
from coding.project import Project
from coding.types import CodeId, SegmentFilter, Valence


class SegmentFilterBar(QWidget):
    """Filter combos in one row; `changed` when the user picks another value."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, object_prefix: str = "",
                 rows: int = 1) -> None:
        """`rows=2` puts case, coder, valence and key quotes on a second row (narrow docks)."""
        super().__init__(parent)
        self.attribute = QComboBox(objectName=f"{object_prefix}attributeFilterName")
        self.value = QComboBox(objectName=f"{object_prefix}attributeFilterValue")
        self.case = QComboBox(objectName=f"{object_prefix}caseFilter")
        self.coder = QComboBox(objectName=f"{object_prefix}coderFilter")
        self.valence = QComboBox(objectName=f"{object_prefix}valenceFilter")
        self.key_only = QCheckBox(self.tr("Key quotes"), objectName=f"{object_prefix}keyOnly")
        self._project: Project | None = None
        self._loading = False
        self.attribute.currentIndexChanged.connect(self._fill_values)
        for combo in (self.value, self.case, self.coder, self.valence):
            combo.currentIndexChanged.connect(self._emit)
        self.key_only.toggled.connect(self._emit)
        # The first item of each filter says what it filters ("all coders"): no labels beside
        # them, so the row fits under a transcript on a laptop screen.
        for box, text, tip in (
                (self.attribute, self.tr("any attribute"), self.tr("Filter by an attribute")),
                (self.case, self.tr("all cases"), self.tr("Filter by case (family)")),
                (self.coder, self.tr("all coders"), self.tr("Filter by coder")),
                (self.valence, self.tr("all valences"), self.tr("Filter by valence"))):
            box.setProperty("anyText", text)
            box.setToolTip(tip)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.value.setToolTip(self.tr("The attribute's value"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        line = QHBoxLayout()
        layout.addLayout(line)
        for widget in (self.attribute, "=", self.value, self.case, self.coder, self.valence):
            if rows > 1 and widget is self.case:
                line.addStretch(1)
                line = QHBoxLayout()
                layout.addLayout(line)
            line.addWidget(QLabel(widget) if isinstance(widget, str) else widget)
        line.addWidget(self.key_only)
        if rows > 1:
            line.addStretch(1)

    def reload(self, project: Project | None) -> None:
        """Refill the choices for this project, keeping what was chosen where it still exists."""
        self._project = project
        self._loading = True

        def fill(box: QComboBox, items: Sequence[tuple[str, object]]) -> None:
            current = box.currentData()
            box.clear()
            box.addItem(box.property("anyText"), None)
            for text, data in items:
                box.addItem(text, data)
            box.setCurrentIndex(max(box.findData(current), 0))

        p = project
        fill(self.attribute, [(n, n) for n in (p.attributes.names() if p else [])])
        fill(self.case, [(name, cid) for cid, name, _docs in (p.attributes.cases() if p else [])])
        fill(self.coder, [(n, n) for n in (p.coders.names() if p else [])])
        fill(self.valence, [(valence_label(v), v.value) for v in Valence])
        self._loading = False
        self._fill_values()

    def _fill_values(self) -> None:
        name = self.attribute.currentData()
        was, self._loading = self._loading, True
        current = self.value.currentData()
        self.value.clear()
        self.value.addItem(self.tr("any value"), None)
        if self._project is not None and name:
            for v in self._project.attributes.values(name):
                self.value.addItem(v, v)
        self.value.setCurrentIndex(max(self.value.findData(current), 0))
        self._loading = was
        self._emit()

    def _emit(self) -> None:
        if not self._loading:
            self.changed.emit()

    def where(self) -> tuple[tuple[str, str], ...]:
        """The attribute filter as the chapter's `where` (empty: every document)."""
        attr, value = self.attribute.currentData(), self.value.currentData()
        return ((attr, value),) if attr and value is not None else ()

    def segment_filter(self, code_ids: Sequence[CodeId] = ()) -> SegmentFilter:
        case, coder, valence = (self.case.currentData(), self.coder.currentData(),
                                self.valence.currentData())
        return SegmentFilter(
            code_ids=tuple(code_ids),
            attributes=self.where(),
            case_ids=(case,) if case is not None else (),
            coders=(coder,) if coder else (),
            valences=(Valence(valence),) if valence else (),
            key_quotes_only=self.key_only.isChecked(),
        )
