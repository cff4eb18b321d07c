"""Help history per family (Analyse → Hulpgeschiedenis): the timeline view and the durations.

A plain QWidget (hosted in a dock here; the window may host it as a central tab): pick a family,
see its lanes (ouder, jongere, hulpverlener, school), click an event to read its passage, zoom,
export the figure (.png/.svg, the same drawing as the chapter's) or the table (.xlsx). Below, the
durations across families (signal → first help, registration → start, changes of care worker:
median, range, n), split by any attribute, and this family's own values. Everything is read from
`coding/` (the timeline layout, the durations) and refreshed from `ctx.changed`; changes go
through `ctx.run` (the event dialog, remove).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from app.errors import show_error
from app.panels import PanelHost
from app.panels.event_dialog import EventDialog, remove_event
from app.panels.event_types_dialog import EventTypesDialog
from app.panels.timeline_canvas import TimelineCanvas
from coding.durations import MEASURES, case_durations, durations, dutch
from coding.events import EventInfo
from coding.timeline import Timeline, build_timeline
from coding.types import AttributeScope, CaseId, Changes, DocumentId
from exports.timeline_figure import write_figure
from exports.timeline_table import write_timeline_xlsx

ZOOM_STEP = 1.4


class TimelineView(QWidget):
    def __init__(self, ctx: ProjectContext, jump: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.jump = jump  # jump(document id, start, end)
        self.timeline: Timeline | None = None
        self.canvas = TimelineCanvas()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Family:")))
        self.case_box = QComboBox()
        self.case_box.setObjectName("timelineCase")
        self.case_box.setMinimumContentsLength(12)
        self.case_box.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.case_box)
        self.zoom_out = QToolButton(text="−")
        self.zoom_out.setObjectName("timelineZoomOut")
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.zoom_in = QToolButton(text="+")
        self.zoom_in.setObjectName("timelineZoomIn")
        self.zoom_in.setToolTip(self.tr("Zoom in"))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self.canvas.zoom / ZOOM_STEP))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self.canvas.zoom * ZOOM_STEP))
        top.addWidget(self.zoom_out)
        top.addWidget(self.zoom_in)
        top.addStretch(1)
        self.add_button = QPushButton(self.tr("Add event…"))
        self.add_button.setObjectName("timelineAddEvent")
        self.add_button.clicked.connect(self.add_event)
        top.addWidget(self.add_button)
        self.types_button = QPushButton(self.tr("Event types…"))
        self.types_button.setObjectName("timelineEventTypes")
        self.types_button.clicked.connect(lambda: EventTypesDialog(self.ctx, self).exec())
        top.addWidget(self.types_button)
        self.export_button = QToolButton(text=self.tr("Export"))
        self.export_button.setObjectName("timelineExport")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Figure (.png)…"), lambda: self._export_asked("png"))
        menu.addAction(self.tr("Figure (.svg)…"), lambda: self._export_asked("svg"))
        menu.addAction(self.tr("Table (.xlsx)…"), lambda: self._export_asked("xlsx"))
        self.export_button.setMenu(menu)
        top.addWidget(self.export_button)

        self.canvas.setObjectName("timelineCanvas")
        self.canvas.event_clicked.connect(self.open_event)
        self.canvas.event_menu.connect(self._event_menu)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.canvas)
        self.contradictions = QLabel()
        self.contradictions.setObjectName("timelineContradictions")
        self.contradictions.setWordWrap(True)
        self.contradictions.setStyleSheet("color: #c62828")

        bottom = QWidget()
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(0, 0, 0, 0)
        split_row = QHBoxLayout()
        split_row.addWidget(QLabel(self.tr("Durations across families, split by:")))
        self.by_box = QComboBox()
        self.by_box.setObjectName("timelineSplitBy")
        self.by_box.currentIndexChanged.connect(lambda _i: self.refresh_durations())
        split_row.addWidget(self.by_box)
        split_row.addStretch(1)
        lower.addLayout(split_row)
        self.durations_table = QTableWidget()
        self.durations_table.setObjectName("timelineDurations")
        self.durations_table.verticalHeader().setVisible(False)
        self.durations_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.durations_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lower.addWidget(self.durations_table)
        self.case_line = QLabel()
        self.case_line.setObjectName("timelineCaseDurations")
        self.case_line.setWordWrap(True)
        lower.addWidget(self.case_line)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.scroll_area, 1)
        upper_layout.addWidget(self.contradictions)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        ctx.changed.connect(self._on_changed)
        ctx.project_changed.connect(self.reload)
        self.reload()

    # -- data ------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Families and split attributes anew (another project, or cases changed)."""
        p = self.ctx.project
        current = self.case_box.currentText()
        self.case_box.blockSignals(True)
        self.case_box.clear()
        if p is not None:
            with_events = {e.case_id for e in p.events.list()}
            cases = p.attributes.cases()
            # Families with a history first, then the others, each by name.
            for cid, name, _docs in sorted(cases, key=lambda c: (c[0] not in with_events, c[1])):
                self.case_box.addItem(name, cid)
        index = self.case_box.findText(current)
        self.case_box.setCurrentIndex(index if index >= 0 else 0)
        self.case_box.blockSignals(False)
        by = self.by_box.currentData()
        self.by_box.blockSignals(True)
        self.by_box.clear()
        self.by_box.addItem(self.tr("(nothing)"), None)
        if p is not None:
            names = dict.fromkeys(p.attributes.names()
                                  + [n for _, n, _ in p.attributes.list(
                                      scope=AttributeScope.CASE)])
            for name in names:
                self.by_box.addItem(name, name)
        self.by_box.setCurrentIndex(max(0, self.by_box.findData(by)))
        self.by_box.blockSignals(False)
        self.refresh()

    def case_id(self) -> CaseId | None:
        data = self.case_box.currentData()
        return CaseId(data) if data is not None else None

    def select_case(self, name: str) -> None:
        self.case_box.setCurrentIndex(self.case_box.findText(name))

    def refresh(self) -> None:
        p = self.ctx.project
        cid = self.case_id()
        self.timeline = build_timeline(p, cid) if p is not None and cid is not None else None
        self.canvas.set_timeline(self.timeline)
        self.canvas.setMinimumSize(self.canvas.sizeHint())
        writable = p is not None and not self.ctx.readonly and cid is not None
        self.add_button.setEnabled(writable)
        self.types_button.setEnabled(p is not None and not self.ctx.readonly)
        self.export_button.setEnabled(bool(self.timeline and self.timeline.events))
        reasons = [f"≠ {g.type}: {g.reason}" for g in
                   (self.timeline.contradictions() if self.timeline else [])]
        self.contradictions.setText(self.tr("Accounts that contradict each other:") + " "
                                    + "; ".join(reasons) if reasons else "")
        self.contradictions.setVisible(bool(reasons))
        self.refresh_durations()

    def refresh_durations(self) -> None:
        p = self.ctx.project
        table = self.durations_table
        table.clear()
        if p is None:
            table.setRowCount(0)
            self.case_line.setText("")
            return
        data = durations(p, by=self.by_box.currentData())
        headers = [self.tr("Measure"), self.tr("All families")] + [g or self.tr("(no value)")
                                                                 for g in data.groups]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(MEASURES))
        names = {"signal_to_help": self.tr("Signal → first help (months)"),
                 "registration_to_start": self.tr("Registration → start of help (months)"),
                 "changes": self.tr("Changes of care worker")}
        for r, (key, _label) in enumerate(MEASURES):
            cells = [names[key], data.summary(key).text(key)]
            cells += [data.summary(key, g).text(key) for g in data.groups]
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        if self.timeline is None or not self.timeline.events:
            self.case_line.setText("")
            return
        mine = case_durations(self.timeline)

        def months(v: float | None) -> str:
            return "–" if v is None else dutch(v)

        self.case_line.setText(self.tr(
            "This family: signal → first help {signal} months; registration → start {start} "
            "months{told}; changes of care worker: {changes}.").format(
            signal=months(mine.signal_to_help), start=months(mine.registration_to_start),
            told=self.tr(" (as told)") if mine.registration_told else "", changes=mine.changes))

    def _on_changed(self, changes: Changes) -> None:
        if changes.attributes or changes.documents:
            self.reload()
        elif changes.events:
            self.refresh()

    def set_zoom(self, zoom: float) -> None:
        self.canvas.set_zoom(zoom)
        self.canvas.setMinimumSize(self.canvas.sizeHint())

    # -- actions ---------------------------------------------------------------------------------

    def open_event(self, event: EventInfo) -> None:
        if self.jump is not None:
            self.jump(event.document_id, event.start, event.end)

    def _event_menu(self, event: EventInfo, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Show passage"), lambda: self.open_event(event))
        writable = not self.ctx.readonly
        menu.addAction(self.tr("Edit event…"), lambda: EventDialog(
            self.ctx, event.document_id, event.start, event.end, event, parent=self).exec()
        ).setEnabled(writable)
        menu.addAction(self.tr("Remove event"), lambda: remove_event(self.ctx, event, self)
                       ).setEnabled(writable)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(pos)

    def add_event(self) -> None:
        """Mark a passage of one of this family's interviews, found by its words."""
        p = self.ctx.project
        cid = self.case_id()
        if p is None or cid is None:
            return
        docs = next((d for c, _, d in p.attributes.cases() if c == cid), [])
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Add event"))
        form = QFormLayout(dialog)
        doc_box = QComboBox()
        doc_box.setObjectName("addEventDocument")
        for d in docs:
            doc_box.addItem(p.documents.get(d).name, d)
        quote = QLineEdit()
        quote.setObjectName("addEventQuote")
        quote.setPlaceholderText(self.tr("the exact words of the passage"))
        form.addRow(self.tr("Interview:"), doc_box)
        form.addRow(self.tr("Passage:"), quote)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.mark_passage(DocumentId(doc_box.currentData()), quote.text())

    def mark_passage(self, doc_id: DocumentId, words: str) -> EventDialog | None:
        """Open the event dialog on the one passage of `doc_id` with these words."""
        p = self.ctx.project
        assert p is not None
        text = p.documents.text(doc_id)
        words = words.strip()
        first = text.find(words) if words else -1
        if first < 0 or text.find(words, first + 1) >= 0:
            QMessageBox.information(self, self.tr("Add event"), self.tr(
                "Type words that occur exactly once in the interview."))
            return None
        dialog = EventDialog(self.ctx, doc_id, first, first + len(words), parent=self)
        dialog.open()
        return dialog

    def _export_asked(self, fmt: str) -> None:
        if self.timeline is None:
            return
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG image (*.svg)"),
                   "xlsx": self.tr("Excel workbook (*.xlsx)")}
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export timeline"), f"tijdlijn_{self.timeline.case}.{fmt}",
            filters[fmt])
        if name:
            self.export_to(Path(name) if Path(name).suffix else Path(f"{name}.{fmt}"))

    def export_to(self, dest: Path) -> bool:
        """Write the figure or the table (guarded like every export); errors are shown."""
        p = self.ctx.project
        if p is None or self.timeline is None:
            return False
        try:
            if dest.suffix.lower() == ".xlsx":
                write_timeline_xlsx(p, self.timeline, dest)
            else:
                write_figure(p, self.timeline, dest)
        except Exception as exc:
            show_error(self, exc)
            return False
        return True


def install(host: PanelHost) -> None:
    view = TimelineView(host.ctx, host.jump)
    view.setObjectName("timelineView")
    title = QCoreApplication.translate("TimelineView", "Help history per family")
    opener = host.add_view(view, title)  # a tab beside the transcript (app/panels/__init__.py)
    menu = host.menu("analysis")
    menu.menuAction().setVisible(True)
    action = menu.addAction(title)
    action.setObjectName("actionTimeline")
    action.triggered.connect(opener)
