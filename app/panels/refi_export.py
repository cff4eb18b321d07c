"""The REFI-QDA options of the export dialog: how positions are counted, unique code names.

Shown for .qdpx and .qdc only. NVivo counts positions in UTF-16 units, so a text with emoji needs
them to keep its codings on the right words there; QualCoder and ATLAS.ti merge codes that share
a name (``toegang/overig`` and ``nazorg/overig``), so when the codebook has such names the
dialog says which and offers (checked) to write them as paths. The choices become
``exports.qdpx_project.QdpxOptions`` in the request the export plan runs.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QSizePolicy, QWidget

from coding.project import Project
from exports.qdpx_project import QdpxOptions, duplicate_names


class RefiExportOptions(QWidget):
    def __init__(self, project: Project | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refiExportOptions")
        self.positions = QComboBox(objectName="exportPositions")
        self.positions.addItem(self.tr("Characters, as the standard says (ATLAS.ti, MAXQDA, "
                                       "QualCoder)"), "codepoints")
        self.positions.addItem(self.tr("UTF-16 units, as NVivo counts them"), "utf16")
        self.positions.setToolTip(self.tr("Only texts with emoji or other rare characters "
                                          "differ; choose NVivo when the file is for NVivo."))
        self.duplicates = duplicate_names(project) if project is not None else {}
        self.qualified = QCheckBox(self.tr("Write the full path as name for codes whose name "
                                           "occurs more than once"),
                                   objectName="exportQualifiedNames")
        self.qualified.setChecked(bool(self.duplicates))
        self.qualified.setEnabled(bool(self.duplicates))
        if self.duplicates:
            listed = "; ".join(f"{name} ({', '.join(paths)})"
                               for name, paths in self.duplicates.items())
            text = self.tr("Used more than once: {names}. QualCoder and ATLAS.ti merge codes "
                           "that share a name.").format(names=listed)
        else:
            text = self.tr("Every code name is unique.")
        self.names_note = QLabel(text, objectName="exportDuplicateNames")
        self.names_note.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.positions_label = QLabel(self.tr("Positions"))
        form.addRow(self.positions_label, self.positions)
        form.addRow("", self.qualified)
        form.addRow("", self.names_note)

    def set_format(self, fmt: str) -> None:
        self.setVisible(fmt in ("qdpx", "qdc"))
        self.positions.setVisible(fmt == "qdpx")
        self.positions_label.setVisible(fmt == "qdpx")

    def options(self) -> QdpxOptions:
        return QdpxOptions(str(self.positions.currentData()),
                           self.qualified.isEnabled() and self.qualified.isChecked())
