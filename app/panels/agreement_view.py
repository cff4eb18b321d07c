"""Intercoder agreement (dock): figures per code and overall, and where two coders disagree,
side by side in the transcript so they can discuss it.

Why: a lectorate has to show that students apply the codebook alike before their coding is
used. The figures are `AnalysisManager.agreement` unchanged (the same as `duiding agreement`);
the side-by-side view turns a low kappa into concrete passages to talk about.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.errors import show_error
from app.manual import explanation
from app.panels import PanelHost
from app.panels.out_agreement_side import SideBySide
from app.panels.out_common import (
    AnalysisPanel,
    Index,
    install_view,
)
from coding.agreement import CodeAgreement
from coding.analysis import AnalysisManager, ProjectAgreement


def _pct(value: float | None) -> str:
    return "–" if value is None else QLocale().toString(100 * value, "f", 1) + " %"


def _fig(value: float | None) -> str:
    return "–" if value is None else QLocale().toString(value, "f", 3)


class AgreementModel(QAbstractTableModel):
    """Per code (then pooled and averaged): units, %, kappa, alpha at both levels."""

    COLUMNS = 9

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ProjectAgreement | None = None
        self._rows: list[tuple[str, CodeAgreement, CodeAgreement | None, bool]] = []

    def set_result(self, result: ProjectAgreement | None) -> None:
        self.beginResetModel()
        self.result = result
        self._rows = []
        if result is not None:
            seg = {c.code: c for c in result.segment.per_code} if result.segment else {}
            for c in result.character.per_code:
                self._rows.append((result.code_paths.get(c.code, str(c.code)), c,
                                   seg.get(c.code), False))
            s = result.segment
            self._rows.append((self.tr("All codes together"), result.character.pooled,
                               s.pooled if s else None, True))
            self._rows.append((self.tr("Average per code"), result.character.averaged,
                               s.averaged if s else None, True))
        self.endResetModel()

    def row_of(self, path: str) -> int:
        return next(i for i, r in enumerate(self._rows) if r[0] == path)

    def figure(self, row: int, col: int) -> float | int | None:
        _name, char, seg, _total = self._rows[row]
        level = char if col <= 4 else seg
        if level is None or col == 0:
            return None
        return (level.units, level.percent_agreement, level.kappa,
                level.alpha)[(col - 1) % 4]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        name, _char, seg, total = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return name
            if col > 4 and seg is None:
                return ""
            value = self.figure(index.row(), col)
            kind = (col - 1) % 4
            return (str(value) if kind == 0 else _pct(value) if kind == 1
                    else _fig(value))
        if role == Qt.ItemDataRole.UserRole:
            return name if col == 0 else self.figure(index.row(), col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and col in (3, 7):
            kappa = self.figure(index.row(), col)
            if isinstance(kappa, float):
                return QColor("#D4EFDD" if kappa >= 0.8 else "#FFF1C2" if kappa >= 0.6
                              else "#FAD9C6")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.tr("Code")
            level = self.tr("characters") if section <= 4 else self.tr("segments")
            what = (self.tr("units"), self.tr("% agreement"), self.tr("kappa"),
                    self.tr("alpha"))[(section - 1) % 4]
            return f"{what}\n({level})"
        if role == Qt.ItemDataRole.ToolTipRole and section:
            return (self.tr("Character level: every character of the documents both coded")
                    if section <= 4 else
                    self.tr("Segment level: fragments matched by overlap (two coders only)"))
        return None


class AgreementView(AnalysisPanel):
    def __init__(self, ctx: Any, jump: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, jump, parent)
        self.setObjectName("agreementView")
        self.task: ops.Task | None = None
        self.coders = QListWidget(objectName="agreementCoders")
        self.coders.setMaximumHeight(72)
        self.threshold = QDoubleSpinBox(objectName="agreementThreshold")
        self.threshold.setRange(0.05, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(0.5)
        self.threshold.setToolTip(self.tr("Segment level: how much two fragments must overlap "
                                          "to count as the same (0.5 = half)"))
        self.compute_button = QPushButton(self.tr("Compute"), objectName="agreementCompute")
        self.compute_button.clicked.connect(self.compute)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.model = AgreementModel(self)
        self.table = QTableView(objectName="agreementTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.side = SideBySide(lambda: self.project, jump)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("Figures"))
        self.tabs.addTab(self.side, self.tr("Disagreements side by side"))

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Coders")))
        controls.addWidget(self.coders, 1)
        form = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Minimal overlap")))
        row.addWidget(self.threshold)
        form.addLayout(row)
        form.addWidget(self.compute_button)
        form.addStretch(1)
        controls.addLayout(form)
        lay = QVBoxLayout(self)
        lay.addWidget(explanation(self.tr(
            "Do two coders give the same codes to the same text? A second coder comes about "
            "when a fellow student codes the same transcripts in a copy of the project under "
            "their own name, and you bring that copy in with File → Merge projects. Kappa "
            "(characters) compares, character by character, what each coder coded with a code, "
            "corrected for chance: 1 is full agreement, 0 no better than chance; from 0.6 it "
            "is usually called good."), "analyse.md", "overeenstemming"))
        lay.addLayout(controls)
        lay.addWidget(self.status)
        lay.addWidget(self.tabs, 1)
        self.project_opened()

    def wants(self, changes: Any) -> bool:
        return False  # figures are computed on request; new coders appear on project change

    def project_opened(self) -> None:
        self.coders.clear()
        names = self.project.coders.names() if self.project else []
        for name in names:
            item = QListWidgetItem(name, self.coders)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.model.set_result(None)
        self.side.set_result(None)
        self.status.setText(self._how_to_start(names))

    def _how_to_start(self, names: list[str]) -> str:
        if len(names) >= 2:
            return self.tr("Tick two or more coders and press Compute.")
        if names:
            return self.tr("So far only {name} has coded in this project. A second coder codes "
                           "the same transcripts in a copy of this project under their own "
                           "name (Coding → Switch coder…); then bring that copy in with File → "
                           "Merge projects.").format(name=names[0])
        return self.tr("Nobody has coded in this project yet.")

    def refresh(self) -> None:
        known = {self.coders.item(i).text() for i in range(self.coders.count())}
        if known != set(self.project.coders.names() if self.project else []):
            self.project_opened()

    def clear(self) -> None:
        self.project_opened()

    def chosen(self) -> list[str]:
        return [self.coders.item(i).text() for i in range(self.coders.count())
                if self.coders.item(i).checkState() == Qt.CheckState.Checked]

    def choose(self, names: list[str]) -> None:
        for i in range(self.coders.count()):
            item = self.coders.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names
                               else Qt.CheckState.Unchecked)

    def compute(self) -> ops.Task | None:
        coders, project = self.chosen(), self.project
        if project is None:
            return None
        if len(coders) < 2:
            names = [self.coders.item(i).text() for i in range(self.coders.count())]
            self.status.setText(self._how_to_start(names))
            return None
        threshold = self.threshold.value()
        self.compute_button.setEnabled(False)
        self.status.setText(self.tr("Computing…"))

        def done(result: ProjectAgreement) -> None:
            self.compute_button.setEnabled(True)
            self.model.set_result(result)
            self.side.set_result(result)
            if not result.documents:
                self.status.setText(self.tr("These coders have no document in common."))
                return
            self.status.setText(self.tr("{coders}: %n document(s) coded by all.", "",
                                        len(result.documents)).format(
                coders=", ".join(result.coders)))

        def failed(exc: BaseException) -> None:
            self.compute_button.setEnabled(True)
            self.status.setText("")
            show_error(self, exc)

        self.task = ops.run_task(
            lambda _p, _c: AnalysisManager(project).agreement(coders, threshold),
            parent=self, writer=False, show_progress=False, cancellable=False,
            on_done=done, on_error=failed)
        return self.task


def install(host: PanelHost) -> None:
    view = AgreementView(host.ctx, host.jump)
    install_view(host, view, view.tr("Intercoder agreement"), view.tr("Intercoder agreement"), "actionAgreement")
