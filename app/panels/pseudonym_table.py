"""The pseudonymisation review table: one row per detected entity, editable replacement and a
check box for "replace it" (accept) or not (reject); merging rows with exact row removal.

A thin adapter over the core's `Entity` values (STYLE.md rule 9); the pure merge is
`coding.pseudonymise.entities.merge`, this model only mirrors its result row by row.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from app.panels.nlp_common import Index
from coding.pseudonymise.entities import Decision, Entity, merge, split
from coding.pseudonymise.model import PiiType


def type_label(kind: PiiType) -> str:
    labels = {
        PiiType.PERSON: QCoreApplication.translate("EntityModel", "person"),
        PiiType.LOCATION: QCoreApplication.translate("EntityModel", "place"),
        PiiType.STREET: QCoreApplication.translate("EntityModel", "street"),
        PiiType.SCHOOL: QCoreApplication.translate("EntityModel", "school"),
        PiiType.ORGANISATION: QCoreApplication.translate("EntityModel", "organisation"),
        PiiType.DATE: QCoreApplication.translate("EntityModel", "date"),
        PiiType.AGE: QCoreApplication.translate("EntityModel", "age"),
        PiiType.PHONE: QCoreApplication.translate("EntityModel", "phone number"),
        PiiType.EMAIL: QCoreApplication.translate("EntityModel", "e-mail address"),
        PiiType.ID: QCoreApplication.translate("EntityModel", "number (BSN, case)"),
        PiiType.HANDLE: QCoreApplication.translate("EntityModel", "social-media account"),
        PiiType.OTHER: QCoreApplication.translate("EntityModel", "other"),
    }
    return labels.get(kind, kind.value)


class EntityModel(QAbstractTableModel):
    TYPE, ORIGINAL, VARIANTS, MENTIONS, REPLACEMENT, STATUS = range(6)
    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entities: list[Entity] = []
        self.editable = True

    def set_entities(self, entities: Sequence[Entity]) -> None:
        self.beginResetModel()  # a new detection
        self._entities = list(entities)
        self.endResetModel()

    def entities(self) -> list[Entity]:
        return list(self._entities)

    def entity(self, row: int) -> Entity | None:
        return self._entities[row] if 0 <= row < len(self._entities) else None

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        if self._entities:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._entities) - 1, self.COLUMNS - 1))

    def merge_rows(self, rows: Sequence[int]) -> int | None:
        """Merge the entities in ``rows`` into the first; returns the kept row."""
        rows = sorted(set(r for r in rows if 0 <= r < len(self._entities)))
        if len(rows) < 2:
            return None
        keep = self._entities[rows[0]]
        merged = merge(self._entities, keep.key, [self._entities[r].key for r in rows[1:]])
        kept = next(e for e in merged if e.key == keep.key)
        for r in reversed(rows[1:]):
            self.beginRemoveRows(QModelIndex(), r, r)
            self._entities.pop(r)
            self.endRemoveRows()
        self._entities[rows[0]] = kept
        self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[0], self.COLUMNS - 1))
        return rows[0]

    def split_row(self, row: int, documents: Sequence[str]) -> int | None:
        """Give the mentions of ``row`` in ``documents`` their own entity (another person);
        returns the new row, appended at the end."""
        entity = self.entity(row)
        if entity is None:
            return None
        result = split(self._entities, entity.key, documents)
        if len(result) == len(self._entities):
            return None
        self._entities[row] = next(e for e in result if e.key == entity.key)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))
        end = len(self._entities)
        self.beginInsertRows(QModelIndex(), end, end)
        self._entities.append(result[-1])
        self.endInsertRows()
        return end

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._entities)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid() or not self.editable:
            return base
        if index.column() == self.REPLACEMENT:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == self.STATUS:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entities):
            return None
        e, col = self._entities[index.row()], index.column()
        rejected = e.decision == Decision.REJECTED
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.TYPE:
                return type_label(e.type)
            if col == self.ORIGINAL:
                return e.label
            if col == self.VARIANTS:
                return ", ".join(e.forms[1:])
            if col == self.MENTIONS:
                return len(e.mentions)
            if col == self.REPLACEMENT:
                return e.replacement
            if col == self.STATUS:
                return self.tr("keep original") if rejected else self.tr("replace")
        if role == Qt.ItemDataRole.CheckStateRole and col == self.STATUS:
            return Qt.CheckState.Unchecked if rejected else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.ToolTipRole and col == self.VARIANTS and len(e.forms) > 1:
            return "\n".join(e.forms)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.ORIGINAL and e.identities:
            return self.tr("Possibly different people:") + "\n" + "\n".join(e.identities)
        if role == Qt.ItemDataRole.DecorationRole and col == self.ORIGINAL and e.identities:
            return QColor("#e08a00")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.MENTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and rejected and col != self.STATUS:
            return QColor("#888888")
        return None

    def setData(self, index: Index, value: object,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.editable or not 0 <= index.row() < len(self._entities):
            return False
        e = self._entities[index.row()]
        if index.column() == self.REPLACEMENT and role == Qt.ItemDataRole.EditRole:
            text = " ".join(str(value).split())
            if not text:
                return False
            e.replacement = text
        elif index.column() == self.STATUS and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            e.decision = Decision.ACCEPTED if checked else Decision.REJECTED
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), self.COLUMNS - 1))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < self.COLUMNS:
            return (self.tr("Type"), self.tr("Original"), self.tr("Variants"),
                    self.tr("Mentions"), self.tr("Replacement"), self.tr("Status"))[section]
        return None
