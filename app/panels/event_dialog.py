"""Marking a fragment as an event in the family's help history, and editing one.

The dialog shows the fragment, the type its codes suggest, and the moment and duration its words
suggest — each suggestion with a "Use" button: nothing the text suggests is filled in until the
researcher takes it (DESIGN.md: suggestions are never applied unasked). What the researcher types
in the moment field is read as they type ("= maart 2023") with `coding.moment_input.parse_moment`,
anchored on the interview's date or meting. Saving runs one undoable command through
`ctx.run`. `extend_transcript_menu` adds the entries to the transcript's context menu.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from app.context import ProjectContext
from coding.commands.events import EditEvent, MarkEvent, RemoveEvent
from coding.events import EventInfo, EventSuggestion
from coding.moment_input import MomentError, MomentNeedsAnchor, parse_moment
from coding.moments import ORDER_ONLY, Anchor, Moment, MomentKind
from coding.told_durations import duration_text, suggest_duration
from coding.types import DocumentId


class EventDialog(QDialog):
    """Type, moment, duration and memo of one event (new or existing)."""

    def __init__(self, ctx: ProjectContext, doc_id: DocumentId, start: int, end: int,
                 event: EventInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        p = ctx.project
        assert p is not None
        self.ctx, self.doc_id, self.span, self.existing = ctx, doc_id, (start, end), event
        self.setWindowTitle(self.tr("Help-history event") if event is None
                            else self.tr("Edit event"))
        self.suggestion: EventSuggestion = p.events.suggest(doc_id, start, end)
        self.anchor: Anchor = self.suggestion.anchor
        self.moment: Moment | None = event.moment if event is not None else ORDER_ONLY
        form = QFormLayout(self)
        quote = " ".join(p.documents.text(doc_id)[start:end].split())
        shown = QLabel(f"“{quote[:300]}{'…' if len(quote) > 300 else ''}”")
        shown.setWordWrap(True)
        shown.setObjectName("eventQuote")
        form.addRow(self.tr("Fragment:"), shown)
        self.type_box = QComboBox()
        self.type_box.setObjectName("eventType")
        for t in p.events.types():
            self.type_box.addItem(t.name, t.id)
        wanted = event.type_id if event is not None else self.suggestion.type_id
        if wanted is not None:
            self.type_box.setCurrentIndex(max(0, self.type_box.findData(wanted)))
        form.addRow(self.tr("Type:"), self.type_box)
        told = event is not None and event.moment.kind != MomentKind.ORDER
        self.moment_edit = QLineEdit(event.moment.code() if event is not None and told else "")
        self.moment_edit.setObjectName("eventMoment")
        self.moment_edit.setPlaceholderText(self.tr("empty: only its order in the interview"))
        self.reading = QLabel()
        self.reading.setObjectName("eventMomentReading")
        self.moment_edit.textChanged.connect(self._read_moment)
        form.addRow(self.tr("Moment:"), self.moment_edit)
        form.addRow("", self.reading)
        found = self.suggestion.moment
        if found is not None:
            row = QHBoxLayout()
            label = QLabel(self.tr("Suggested from “{words}”: {moment}").format(
                words=found.expression, moment=found.moment.label()))
            label.setObjectName("eventMomentSuggestion")
            use = QPushButton(self.tr("Use"))
            use.setObjectName("useMomentSuggestion")
            use.clicked.connect(lambda: self.moment_edit.setText(found.moment.code()))
            row.addWidget(label, 1)
            row.addWidget(use)
            form.addRow("", row)
        days = event.duration_days if event is not None else None
        self.duration_edit = QLineEdit(duration_text(days) if days is not None else "")
        self.duration_edit.setObjectName("eventDuration")
        self.duration_edit.setPlaceholderText(self.tr("e.g. 7 maanden, 16 weken"))
        form.addRow(self.tr("Duration:"), self.duration_edit)
        if self.suggestion.duration_days is not None and event is None:
            row = QHBoxLayout()
            suggested = duration_text(self.suggestion.duration_days)
            label = QLabel(self.tr("Suggested: {duration}").format(duration=suggested))
            use = QPushButton(self.tr("Use"))
            use.setObjectName("useDurationSuggestion")
            use.clicked.connect(lambda: self.duration_edit.setText(suggested))
            row.addWidget(label, 1)
            row.addWidget(use)
            form.addRow("", row)
        self.memo_edit = QLineEdit(event.memo if event is not None else "")
        self.memo_edit.setObjectName("eventMemo")
        form.addRow(self.tr("Memo:"), self.memo_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._read_moment(self.moment_edit.text())

    def _read_moment(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            self.moment = parse_moment(text, self.anchor)
        except MomentError as exc:
            self.moment = None
            self.reading.setText(self._unanchored(exc) if isinstance(exc, MomentNeedsAnchor)
                                 else self.tr("Not readable: write e.g. 2021-03, 2021, "
                                              "'leeftijd 4' or 'toen hij 4 was'."))
            ok.setEnabled(False)
            return
        self.reading.setText(f"= {self.moment.label()}")
        ok.setEnabled(True)

    def _unanchored(self, exc: MomentNeedsAnchor) -> str:
        """Why a relative moment ("vorig jaar in maart") cannot be placed in this interview."""
        if exc.needs == "previous":
            text = self.tr("“{words}” is counted from the event told before it, and no dated "
                           "event comes before it in this interview: type the moment itself, "
                           "e.g. 2021-03.")
        elif exc.needs == "month":
            text = self.tr("“{words}” is counted from the interview's month, but only its "
                           "year (meting) is known: type the moment itself, e.g. 2021-03, or "
                           "give the interview a 'datum' attribute.")
        else:
            text = self.tr("“{words}” is counted from the interview's date, but this "
                           "interview has no date or meting: type the moment itself, e.g. "
                           "2021-03, or give the interview a 'datum' or 'meting' attribute.")
        return text.format(words=exc.expression)

    def duration_days(self) -> int | None | bool:
        """Days, None for no duration, False when the text cannot be read."""
        text = self.duration_edit.text().strip()
        if not text:
            return None
        days = suggest_duration(text)
        return False if days is None else days

    def save(self) -> None:
        days = self.duration_days()
        if days is False:
            self.reading.setText(self.tr("The duration cannot be read: write e.g. 7 maanden."))
            return
        if self.moment is None:  # the moment cannot be read; the reading line says why
            return
        assert not isinstance(days, bool)
        type_id = self.type_box.currentData()
        cmd: MarkEvent | EditEvent
        if self.existing is None:
            cmd = MarkEvent(self.doc_id, *self.span, type_id, self.moment, days,
                            self.memo_edit.text(), coder=self.ctx.coder or None)
        else:
            cmd = EditEvent(self.existing.id, type_id=type_id, moment=self.moment,
                            duration_days=days, memo=self.memo_edit.text())
        cmd.detail = self.type_box.currentText()
        if self.ctx.run(cmd, parent=self) is not None:
            self.accept()


def remove_event(ctx: ProjectContext, event: EventInfo, parent: QWidget | None = None) -> bool:
    cmd = RemoveEvent(event.id)
    cmd.detail = event.type
    return ctx.run(cmd, parent=parent) is not None


def extend_transcript_menu(menu: QMenu, ctx: ProjectContext, parent: QWidget,
                           doc_id: DocumentId | None, span: tuple[int, int] | None, cp: int,
                           writable: bool) -> None:
    """'Mark as event…' for the selection, and edit/remove for events under the cursor."""
    p = ctx.project
    if p is None or doc_id is None:
        return
    menu.addSeparator()
    act = menu.addAction(QCoreApplication.translate("EventMenu", "Mark as help-history event…"),
                         lambda: EventDialog(ctx, doc_id, span[0], span[1],
                                             parent=parent).exec() if span else None)
    act.setObjectName("actionMarkEvent")
    act.setEnabled(writable and span is not None)
    for event in p.events.at(doc_id, cp):
        sub = menu.addMenu(QCoreApplication.translate("EventMenu", "Event: {type} ({moment})").format(
            type=event.type, moment=event.moment.label()))
        sub.setEnabled(writable)
        sub.addAction(QCoreApplication.translate("EventMenu", "Edit event…"),
                      partial(_edit_event, ctx, event, parent))
        sub.addAction(QCoreApplication.translate("EventMenu", "Remove event"),
                      partial(remove_event, ctx, event, parent))


def _edit_event(ctx: ProjectContext, event: EventInfo, parent: QWidget) -> None:
    EventDialog(ctx, event.document_id, event.start, event.end, event, parent=parent).exec()
