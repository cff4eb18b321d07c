"""Ask before personal data leaves: the export dialog's question when the project still holds
documents never pseudonymised or detections not reviewed (issue #17, "an export that warns").

The plan (exports/plan.py) decides and raises `PersonalDataInExport` from the export worker,
before anything is written; this box only puts the counts and the first names found in front of
the user: "Doorgaan met exporteren" runs the same export again with consent, "Annuleren" writes
nothing, "Pseudonimiseren…" opens the review instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.context import ProjectContext
from app.panels.pseudonymise import open_review
from coding.pseudonymise.coverage import PersonalData


class PersonalDataWarning(QMessageBox):
    """Window-modal, not blocking: the answer arrives through `proceed` (or nothing)."""

    def __init__(self, ctx: ProjectContext, found: PersonalData, proceed: Callable[[], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Warning, self.tr("Personal data in the export"),
                         self.tr("This export contains personal data."),
                         QMessageBox.StandardButton.NoButton, parent)
        self.setObjectName("personalDataWarning")
        self.ctx, self.found, self._proceed = ctx, found, proceed
        lines = []
        if found.documents:
            lines.append(self.tr("%n document(s) of {total} were never pseudonymised.", "",
                                 len(found.documents)).format(total=found.total_documents))
        if found.unreviewed:
            lines.append(self.tr("%n detected name(s) have not been reviewed yet.", "",
                                 found.unreviewed))
        if found.names:
            lines.append(self.tr("Names found: {names}").format(names=", ".join(found.names)))
        lines.append(self.tr("These names leave the project with the export. Pseudonymise "
                             "first, or continue only if whoever receives the export may see "
                             "them."))
        self.setInformativeText("\n\n".join(lines))
        if found.documents:
            shown = found.documents[:12]
            more = len(found.documents) - len(shown)
            self.setDetailedText("\n".join(shown) + (
                "\n" + self.tr("… and {n} more").format(n=more) if more > 0 else ""))
        self.continue_button = self._button(self.tr("Continue exporting"), "continueExport",
                                            QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self._button(self.tr("Cancel"), "cancelExport",
                                          QMessageBox.ButtonRole.RejectRole)
        self.review_button = self._button(self.tr("Pseudonymise…"), "openReview",
                                          QMessageBox.ButtonRole.ActionRole)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
        self.continue_button.clicked.connect(self._continue)
        self.review_button.clicked.connect(self._review)

    def _button(self, text: str, name: str, role: QMessageBox.ButtonRole) -> QPushButton:
        button = self.addButton(text, role)
        button.setObjectName(name)
        return button

    def _continue(self) -> None:
        self._proceed()

    def _review(self) -> None:
        open_review(self.ctx, self.parentWidget())


def ask_personal_data(ctx: ProjectContext, found: PersonalData, proceed: Callable[[], object],
                      parent: QWidget | None = None) -> PersonalDataWarning:
    """Open the question (window-modal); `proceed` runs when the user continues."""
    box = PersonalDataWarning(ctx, found, proceed, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
