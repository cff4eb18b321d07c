"""Framework matrix (dock): rows are documents, cases or attribute values, columns are themes.

Why: the Framework method charts data per case and theme and summarises each cell in the
researcher's words. A cell shows the number of coded fragments; selecting it lists those
fragments (double-click opens one in its transcript) and opens the cell's summary for writing.
Summaries are saved through an undoable command; the matrix with summaries goes to Excel or
Word (exports/matrix.py, in a worker).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.errors import show_error
from app.manual import explanation
from app.panels import PanelHost
from app.panels.out_common import (
    AnalysisPanel,
    CodeChooser,
    FragmentView,
    Index,
    fill_combo,
    install_view,
    show_written,
)
from coding.analysis import AnalysisManager, FrameworkMatrix
from coding.commands import SetCellSummary
from coding.types import CodeId
from exports.matrix import write_matrix_docx, write_matrix_xlsx


class MatrixModel(QAbstractTableModel):
    """Counts per (row, code); a cell with a written summary is marked and shows it as tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: FrameworkMatrix | None = None
        self._top = 1

    def set_matrix(self, matrix: FrameworkMatrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self._top = max([max(r, default=0) for r in matrix.counts] + [1]) if matrix else 1
        self.endResetModel()

    def set_summary(self, row: int, col: int, text: str) -> None:
        """Update one cell's summary in place (after saving) without recomputing the matrix."""
        assert self.matrix is not None
        key = (self.matrix.rows[row].key, self.matrix.code_ids[col])
        if text:
            self.matrix.summaries[key] = text
        else:
            self.matrix.summaries.pop(key, None)
        idx = self.index(row, col)
        self.dataChanged.emit(idx, idx)

    def summary(self, row: int, col: int) -> str:
        assert self.matrix is not None
        return self.matrix.summaries.get((self.matrix.rows[row].key, self.matrix.code_ids[col]),
                                         "")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.code_ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.matrix is None:
            return None
        r, c = index.row(), index.column()
        count = self.matrix.counts[r][c]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{count} ✎" if self.summary(r, c) else str(count)
        if role == Qt.ItemDataRole.UserRole:
            return count
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.summary(r, c) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and count:
            colour = QColor("#0072B2")
            colour.setAlpha(25 + int(120 * count / self._top))
            return colour
        if role == Qt.ItemDataRole.ForegroundRole and not count:
            return QColor("#9AA3AD")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        m = self.matrix
        if m is None:
            return None
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and not 0 <= section < len(m.code_paths):
            return None
        if not horizontal and not 0 <= section < len(m.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if horizontal:
                return m.code_paths[section].rsplit("/", 1)[-1]
            return m.rows[section].label or self.tr("(none)")
        if role == Qt.ItemDataRole.ToolTipRole:
            return m.code_paths[section] if horizontal else m.rows[section].label
        return None


class MatrixView(AnalysisPanel):
    def __init__(self, ctx: Any, jump: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, jump, parent)
        self.setObjectName("matrixView")
        self.code_ids: list[int] | None = None  # None: the top-level themes
        self.rows = QComboBox(objectName="matrixRows")
        self.coder = QComboBox(objectName="matrixCoder")
        choose = QPushButton(self.tr("Codes…"), objectName="matrixCodes")
        choose.clicked.connect(self.choose_codes)
        self.export_button = QPushButton(self.tr("Export to Excel…"), objectName="matrixExport")
        self.export_button.clicked.connect(self.export_dialog)
        self.word_button = QPushButton(self.tr("Export to Word…"), objectName="matrixExportWord")
        self.word_button.clicked.connect(self.export_word_dialog)
        self.model = MatrixModel(self)
        self.table = QTableView(objectName="matrixTable")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setMinimumSectionSize(70)
        self.table.horizontalHeader().setDefaultSectionSize(90)
        self.table.selectionModel().selectionChanged.connect(self._cell_selected)
        self.fragments = FragmentView(lambda: self.project, jump)
        self.cell_label = QLabel(self.tr("Select a cell to see its fragments and summary."))
        self.cell_label.setWordWrap(True)
        self.summary = QPlainTextEdit(objectName="matrixSummary")
        self.summary.setPlaceholderText(self.tr("Summary of this cell in your own words"))
        self.summary.setEnabled(False)
        self.save_button = QPushButton(self.tr("Save summary"), objectName="matrixSave")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_summary)
        self.summary.textChanged.connect(
            lambda: self.save_button.setEnabled(self._cell is not None
                                                and self.summary.isEnabled()))
        self._cell: tuple[int, int] | None = None

        top = QHBoxLayout()
        for label, widget in ((self.tr("Rows"), self.rows), (self.tr("Coder"), self.coder)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(choose)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.word_button)
        editor = QWidget()
        ed = QVBoxLayout(editor)
        ed.setContentsMargins(0, 0, 0, 0)
        ed.addWidget(self.cell_label)
        ed.addWidget(self.summary, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        ed.addLayout(row)
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(self.fragments)
        below.addWidget(editor)
        below.setSizes([500, 300])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setSizes([320, 220])
        lay = QVBoxLayout(self)
        lay.addWidget(explanation(self.tr(
            "Documents, cases or groups as rows and codes as columns: each cell counts the "
            "coded fragments. Click a cell to read them and write a short summary of the cell."),
            "analyse.md", "framework-matrix"))
        lay.addLayout(top)
        lay.addWidget(split, 1)
        self.rows.currentIndexChanged.connect(self.reload)
        self.coder.currentIndexChanged.connect(self.reload)
        self.project_opened()

    # -- choices -------------------------------------------------------------------------------

    def project_opened(self) -> None:
        p = self.project
        names = p.attributes.names() if p else []
        fill_combo(self.rows, [(self.tr("Documents"), "document"), (self.tr("Cases"), "case")]
                   + [(self.tr("Values of “{name}”").format(name=n), f"attribute:{n}")
                      for n in names])
        fill_combo(self.coder, [(self.tr("All coders"), None)]
                   + [(n, n) for n in (p.coders.names() if p else [])])

    def refills(self, changes: Any) -> bool:
        return bool(changes.attributes)

    def wants(self, changes: Any) -> bool:
        return super().wants(changes) or bool(changes.memos)

    def set_codes(self, code_ids: list[int] | None) -> None:
        self.code_ids = code_ids
        self.reload()

    def choose_codes(self) -> None:
        if self.project is None:
            return
        codes = self.project.codes.tree()
        current = self.code_ids if self.code_ids is not None else [c.id for c in codes
                                                                  if c.depth == 0]
        dialog = CodeChooser(codes, current, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_codes(dialog.chosen())

    # -- data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        assert self.project is not None
        ids = self.code_ids
        if ids is None:
            ids = [c.id for c in self.project.codes.tree() if c.depth == 0]
        coder = self.coder.currentData()
        matrix = AnalysisManager(self.project).matrix(
            self.rows.currentData() or "document", [CodeId(i) for i in ids],
            coders=(coder,) if coder else ())
        keep = self._cell
        self.model.set_matrix(matrix)
        self._select(keep)

    def clear(self) -> None:
        self.model.set_matrix(None)
        self._select(None)

    def _select(self, cell: tuple[int, int] | None) -> None:
        if (cell is not None and cell[0] < self.model.rowCount()
                and cell[1] < self.model.columnCount()):
            self.table.setCurrentIndex(self.model.index(*cell))
            self._show_cell(*cell)
        else:
            self._cell = None
            self.fragments.show_segments([])
            self.summary.setEnabled(False)
            self.summary.setPlainText("")
            self.save_button.setEnabled(False)

    def _cell_selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._show_cell(indexes[0].row(), indexes[0].column())

    def _show_cell(self, row: int, col: int) -> None:
        m = self.model.matrix
        assert m is not None
        self._cell = (row, col)
        self.fragments.show_segments(m.segment_ids[row][col])
        self.cell_label.setText(self.tr("{row} × {code}: %n fragment(s)", "",
                                        m.counts[row][col]).format(
            row=m.rows[row].label or self.tr("(none)"), code=m.code_paths[col]))
        self.summary.setEnabled(not self.ctx.readonly)
        self.summary.blockSignals(True)
        self.summary.setPlainText(self.model.summary(row, col))
        self.summary.blockSignals(False)
        self.save_button.setEnabled(False)

    def select_cell(self, row: int, col: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, col))

    def save_summary(self) -> None:
        m = self.model.matrix
        if m is None or self._cell is None:
            return
        row, col = self._cell
        text = self.summary.toPlainText().strip()
        if text == self.model.summary(row, col):
            return
        command = SetCellSummary(m.row_kind, m.rows[row].key, m.code_ids[col], text,
                                 detail=f"{m.rows[row].label} × {m.code_paths[col]}")
        if self.ctx.run(command, parent=self) is None:
            return
        self.model.set_summary(row, col, text)
        self.save_button.setEnabled(False)

    # -- export --------------------------------------------------------------------------------

    def export_dialog(self) -> None:
        if self.model.matrix is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export matrix"), "matrix.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if name:
            self.export_to(Path(name) if name.endswith(".xlsx") else Path(name + ".xlsx"))

    def export_word_dialog(self) -> None:
        if self.model.matrix is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export matrix"), "matrix.docx",
                                              self.tr("Word document (*.docx)"))
        if name:
            self.export_to(Path(name) if name.endswith(".docx") else Path(name + ".docx"))

    def export_to(self, dest: Path) -> ops.Task | None:
        """Write the matrix shown to `dest`: Word for a .docx, else an Excel workbook."""
        matrix, project = self.model.matrix, self.project
        if matrix is None or project is None:
            return None
        write = write_matrix_docx if dest.suffix.lower() == ".docx" else write_matrix_xlsx

        return ops.run_task(lambda _progress, _cancelled: write(project, matrix, dest),
                            parent=self, label=self.tr("Exporting the matrix…"), writer=False,
                            cancellable=False,
                            on_done=lambda path: show_written(
                                self, self.tr("The matrix was exported."), [path]),
                            on_error=lambda exc: show_error(self, exc))


def install(host: PanelHost) -> None:
    view = MatrixView(host.ctx, host.jump)
    install_view(host, view, view.tr("Framework matrix"), view.tr("Framework matrix"), "actionMatrix")
