"""Pseudonymisation review (Data → Pseudonymise…): name list, detection in a worker, a review
table of entities with their mentions in context, merge, replacements, apply and confirm.

Flow (issue 6, DESIGN.md §3 "Privacy"): the researcher enters or imports the names they know,
detects (deduce loads in a worker: ~10 s, the very first time minutes to build its cache), reviews
each entity, and applies. Applying runs `ApplyPseudonyms` in a worker and puts that command on the
undo stack (`ctx.run(..., background=True)`), so Edit → Undo restores every text and coding until "Confirm" makes it
final. Confirming also clears the undo history: older steps hold positions in the original texts
and must not be replayed on the rewritten ones. Decisions are saved in the project's key
(`save_review`) on apply, on "Save review" and when the dialog closes, so they survive it.
"""

from __future__ import annotations

import html
import weakref
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, QObject, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from app.errors import show_error
from app.ops import Task, run_task
from app.panels import PanelHost
from app.panels.pseudonym_lists import AttributeBox, NameListBox
from app.panels.pseudonym_table import EntityModel
from app.undo import kind_text
from coding.pseudonymise import service
from coding.pseudonymise.entities import Entity
from coding.pseudonymise.model import PiiType
from coding.types import Changes

_DIALOGS: weakref.WeakKeyDictionary[ProjectContext, PseudonymiseDialog] = (
    weakref.WeakKeyDictionary())
MAX_CONTEXT = 200  # mentions shown in context for one entity
REVIEW_ORDER = (PiiType.PERSON, PiiType.SCHOOL, PiiType.ORGANISATION, PiiType.LOCATION,
                PiiType.STREET, PiiType.PHONE, PiiType.EMAIL, PiiType.DATE, PiiType.AGE,
                PiiType.OTHER)


class PseudonymiseDialog(QDialog):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pseudonymiseDialog")
        self.setWindowTitle(self.tr("Pseudonymise"))
        self.ctx = ctx
        self.task: Task | None = None
        self.texts: dict[str, str] = {}  # document name -> text at detection time
        self.model = EntityModel(self)

        # name list and identifying attributes (their own module: every edit undoable)
        self.name_list = NameListBox(ctx)
        self.attribute_box = AttributeBox(ctx)
        names_box = QSplitter(Qt.Orientation.Vertical)
        names_box.addWidget(self.name_list)
        names_box.addWidget(self.attribute_box)
        names_box.setStretchFactor(0, 3)

        # detection
        self.use_deduce = QCheckBox(self.tr("also use the Dutch name recogniser (deduce)"))
        self.use_deduce.setObjectName("useDeduce")
        self.use_deduce.setChecked(True)
        self.detect_button = QPushButton(self.tr("Detect"))
        self.detect_button.setObjectName("detectButton")
        self.detect_button.clicked.connect(self.run_detect)
        detect_note = QLabel(self.tr("Loading the recogniser takes about 10 seconds; the very "
                                     "first time it prepares its data, which takes a few "
                                     "minutes."))
        detect_note.setWordWrap(True)
        detect_note.setStyleSheet("color: #606060;")
        self.table = QTableView()
        self.table.setObjectName("entityTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(EntityModel.VARIANTS, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.merge_button = QPushButton(self.tr("Merge selected"))
        self.merge_button.setObjectName("mergeEntities")
        self.merge_button.setToolTip(self.tr("Treat the selected rows as one person or place "
                                             "with one replacement (e.g. 'Shanice' and "
                                             "'Shanice Pinas')."))
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button = QPushButton(self.tr("Split by document"))
        self.split_button.setObjectName("splitEntity")
        self.split_button.setToolTip(self.tr("The same name belongs to different people in "
                                             "different interviews: give the mentions in the "
                                             "other documents their own replacement."))
        self.split_button.clicked.connect(self.split_selected)
        self.context = QTextBrowser()
        self.context.setObjectName("mentionContext")
        self.context.setPlaceholderText(self.tr("Select a row to see where it is mentioned."))
        self.status = QLabel()
        self.status.setObjectName("pseudonymiseStatus")
        self.status.setWordWrap(True)
        explain = QLabel(self.tr(
            "Apply replaces the checked entities in every document; every coding keeps covering "
            "the same words. Until you click Confirm you can undo it with Edit → Undo. After "
            "Confirm it is final. The key (original ↔ replacement) stays in the project and is "
            "never exported."))
        explain.setObjectName("pseudonymiseExplanation")
        explain.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save review"))
        self.save_button.setObjectName("saveReview")
        self.save_button.clicked.connect(self.save)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("applyPseudonyms")
        self.apply_button.clicked.connect(self.apply)
        self.confirm_button = QPushButton(self.tr("Confirm…"))
        self.confirm_button.setObjectName("confirmPseudonyms")
        self.confirm_button.clicked.connect(self.ask_confirm)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)

        review = QWidget()
        rv = QVBoxLayout(review)
        rv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.use_deduce, 1)
        top.addWidget(self.detect_button)
        rv.addLayout(top)
        rv.addWidget(detect_note)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.context)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        rv.addWidget(split, 1)
        mid = QHBoxLayout()
        mid.addWidget(self.status, 1)
        mid.addWidget(self.merge_button)
        mid.addWidget(self.split_button)
        rv.addLayout(mid)
        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(names_box)
        outer.addWidget(review)
        outer.setStretchFactor(1, 3)
        outer.setSizes([380, 820])
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(outer, 1)
        layout.addWidget(explain)
        layout.addLayout(buttons)
        self.resize(1040, 680)
        ctx.project_changed.connect(self.reset)
        ctx.changed.connect(self._changed)
        self.reset()

    # -- state -------------------------------------------------------------------------------

    def reset(self) -> None:
        self.model.set_entities([])
        self.texts = {}
        self.context.clear()
        self.status.setText(self.tr("Add the names you know, then click Detect."))
        self.refresh_names()
        self._update_buttons()

    def _changed(self, changes: Changes) -> None:
        self.refresh_names()  # the name list and attribute marks undo like every change
        if changes.documents and self.task is None and (self.model.rowCount() or self.texts):
            # the texts changed (applied, undone, imported): positions are stale
            self.model.set_entities([])
            self.texts = {}
            self.context.clear()
            self.status.setText(self.tr("The documents changed; click Detect to review again."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        project = self.ctx.project
        writable = project is not None and not self.ctx.readonly
        idle = self.task is None
        has = self.model.rowCount() > 0
        self.detect_button.setEnabled(idle and project is not None)
        # after a detection that found nothing, applying records the documents as checked
        self.apply_button.setEnabled(idle and writable and (has or bool(self.texts)))
        self.save_button.setEnabled(idle and writable and has)
        self.merge_button.setEnabled(idle and len(self._selected()) > 1)
        self.split_button.setEnabled(idle and self._splittable() is not None)
        pending = service.applied_unconfirmed(project) if project is not None else 0
        self.confirm_button.setEnabled(idle and writable and pending > 0)

    def refresh_names(self) -> None:
        self.name_list.refresh()
        self.attribute_box.refresh()

    @property
    def name_edit(self) -> QLineEdit:
        return self.name_list.name_edit

    def import_names(self, path: Path) -> int:
        added = self.name_list.import_names(path)
        self.status.setText(self.tr("%n name(s) added to the list.", "", added))
        return added

    # -- detection and review ----------------------------------------------------------------

    def run_detect(self) -> None:
        project = self.ctx.project
        if project is None or self.task is not None:
            return
        use_deduce = self.use_deduce.isChecked()
        self.status.setText(self.tr("Detecting…"))

        def work(progress: object, cancelled: object) -> tuple[list[Entity], dict[str, str]]:
            texts = {d.name: project.documents.text(d.id) for d in project.documents.list()}
            return service.detect(project, use_deduce=use_deduce), texts

        label = (self.tr("Detecting names, places and dates (loading the recogniser: about 10 "
                         "seconds, the first time a few minutes)…") if use_deduce
                 else self.tr("Detecting names, places and dates…"))
        self.task = run_task(work, parent=self, label=label, writer=False,
                             on_done=self._detected, on_error=self._failed)
        self._update_buttons()

    def _detected(self, result: tuple[list[Entity], dict[str, str]]) -> None:
        task, self.task = self.task, None
        if task is not None and task.cancelled:
            self.status.setText(self.tr("Detection cancelled."))
            self._update_buttons()
            return
        entities, self.texts = result
        # people first (what a researcher checks most carefully), then places and the rest
        entities = sorted(entities, key=lambda e: (REVIEW_ORDER.index(e.type)
                                                   if e.type in REVIEW_ORDER else 99,
                                                   -len(e.mentions), e.label))
        self.model.set_entities(entities)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            EntityModel.VARIANTS, QHeaderView.ResizeMode.Stretch)
        mentions = sum(len(e.mentions) for e in entities)
        self.status.setText(self.tr("%n entities found", "", len(entities)) + ", "
                            + self.tr("%n mention(s). Uncheck what must stay, edit "
                                      "replacements, then Apply.", "", mentions))
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.status.clear()
        self._update_buttons()
        show_error(self, exc)

    def _selected(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self._selected()
        self.merge_button.setEnabled(self.task is None and len(rows) > 1)
        self.split_button.setEnabled(self.task is None and self._splittable() is not None)
        entity = self.model.entity(rows[0]) if rows else None
        self.show_mentions(entity)

    def show_mentions(self, entity: Entity | None) -> None:
        if entity is None:
            self.context.clear()
            return
        parts = []
        if entity.identities:
            parts.append("<p style='color:#9a4400'><b>" + html.escape(self.tr(
                "Possibly different people with the same name. If so, select the row and "
                "click “Split by document”.")) + "</b></p>")
        for dm in entity.mentions[:MAX_CONTEXT]:
            text = self.texts.get(dm.document, "")
            m = dm.mention
            left = " ".join(text[max(0, m.start - 60):m.start].split())
            right = " ".join(text[m.end:m.end + 60].split())
            parts.append(f"<p><span style='color:#666'>{html.escape(dm.document)}</span><br>"
                         f"…{html.escape(left)} <b style='background-color:#fff3b0'>"
                         f"{html.escape(text[m.start:m.end])}</b> {html.escape(right)}…</p>")
        more = len(entity.mentions) - MAX_CONTEXT
        if more > 0:
            parts.append("<p>" + html.escape(self.tr("and %n more", "", more)) + "</p>")
        self.context.setHtml("".join(parts))

    def _splittable(self) -> Entity | None:
        rows = self._selected()
        entity = self.model.entity(rows[0]) if len(rows) == 1 else None
        return entity if entity is not None and len(entity.documents) > 1 else None

    def split_selected(self) -> None:
        """Keep the first document's mentions, give the other documents' their own entity."""
        entity = self._splittable()
        if entity is None:
            return
        row = self.model.split_row(self._selected()[0], entity.documents[1:])
        if row is not None:
            self.table.selectRow(row)

    def merge_selected(self) -> None:
        kept = self.model.merge_rows(self._selected())
        if kept is not None:
            self.table.selectRow(kept)
            self.show_mentions(self.model.entity(kept))

    # -- saving, applying, confirming --------------------------------------------------------

    def save(self) -> None:
        if self.ctx.project is not None and self.model.rowCount() and not self.ctx.readonly:
            service.save_review(self.ctx.project, self.model.entities())
            self.status.setText(self.tr("Review saved in the project."))

    def apply(self) -> None:
        project = self.ctx.project
        if project is None or self.task is not None or not (self.model.rowCount()
                                                            or self.texts):
            return
        entities = self.model.entities()
        service.save_review(project, entities)
        command = service.ApplyPseudonyms(entities, documents=list(self.texts))
        self.status.setText(self.tr("Applying…"))
        self.model.set_editable(False)
        self.ctx.run(command, background=True, parent=self,
                     label=self.tr("Replacing names in every document…"),
                     on_done=lambda _changes: self._applied(command),
                     on_failed=self._apply_failed)
        self.task = self.ctx.task
        self._update_buttons()

    def _apply_failed(self, _exc: BaseException) -> None:
        self.task = None
        self.model.set_editable(True)
        self.status.clear()
        self._update_buttons()

    def _applied(self, command: service.ApplyPseudonyms) -> None:
        self.task = None
        self.model.set_editable(True)
        self.model.set_entities([])
        self.texts = {}
        self.context.clear()
        self.status.setText(self.tr("Applied to %n entities. You can still undo it (Edit → "
                                    "Undo) until you click Confirm.", "", len(command.entities)))
        self._update_buttons()

    def ask_confirm(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Confirm pseudonymisation"),
                          self.tr("Make the pseudonymisation final?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("confirmPseudonymsBox")
        box.setInformativeText(self.tr("After confirming, the replacement can no longer be "
                                       "undone, and the undo history so far is cleared."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self.confirm)
        box.open()
        return box

    def confirm(self) -> None:
        project = self.ctx.project
        if project is None:
            return
        command = service.ConfirmPseudonyms()
        if self.ctx.run(command, parent=self) is None:
            return
        self.status.setText(self.tr("Confirmed: %n replacement(s) are final.", "",
                                    command.count))
        self._update_buttons()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.save()  # Escape and Close keep the review
        super().done(result)


def dialog_for(ctx: ProjectContext, parent: QWidget | None = None) -> PseudonymiseDialog:
    """One dialog per context, kept while the app runs, so an unsaved review is not lost."""
    dialog = _DIALOGS.get(ctx)
    if dialog is None:
        dialog = _DIALOGS[ctx] = PseudonymiseDialog(ctx, parent)
    return dialog


def open_review(ctx: ProjectContext, parent: QWidget | None = None) -> PseudonymiseDialog:
    """Show the review (from the menu, or from an export refusal)."""
    dialog = dialog_for(ctx, parent)
    dialog.refresh_names()
    dialog._update_buttons()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


class UndoWarning(QObject):
    """Undoing an applied pseudonymisation puts the names back in every text: say so, and that
    exports now refuse them until they are applied again (issue #21 item 2)."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.box: QMessageBox | None = None
        self._index = ctx.undo_stack.index()
        ctx.undo_stack.indexChanged.connect(self._moved)

    def _moved(self, index: int) -> None:
        before, self._index = self._index, index
        stack = self.ctx.undo_stack
        if index != before - 1 or not stack.text(index).startswith(kind_text("pseudonymise")):
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Duiding",
                          self.tr("The pseudonymisation was undone: the transcripts contain "
                                  "the original names again."),
                          QMessageBox.StandardButton.Ok, self.parent_widget)
        box.setObjectName("undoPseudonymsWarning")
        box.setInformativeText(self.tr("Exports will contain these names. Until you apply "
                                       "the pseudonymisation again (Redo, or Data → "
                                       "Pseudonymise…), every export asks first and "
                                       "names them."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.box = box


def install(host: PanelHost) -> None:
    def show() -> None:
        open_review(host.ctx, host.window)

    UndoWarning(host.ctx, host.window)

    try:
        menu = host.menu("data")  # "Gegevens"
    except KeyError:  # a host without a data menu: the project menu is the closest
        menu = host.menu("project")
    action = menu.addAction(
        QCoreApplication.translate("PseudonymiseDialog", "Pseudonymise…"))
    action.setObjectName("pseudonymiseAction")
    action.triggered.connect(show)
