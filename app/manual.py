"""Links from the workbench into the manual (docs/handleiding, Markdown, one file per chapter).

Every analysis view opens with one line saying what it shows and a link to the manual section
that explains it (`explanation(text, "analyse.md", "samen-voorkomen")`). The link opens the
chapter file at that heading with the system's viewer; when the manual is not installed, a
message says so instead of nothing happening.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

MANUAL_DIR = Path(__file__).resolve().parent.parent / "docs" / "handleiding"


def manual_url(page: str, anchor: str = "") -> QUrl:
    url = QUrl.fromLocalFile(str(MANUAL_DIR / page))
    if anchor:
        url.setFragment(anchor)
    return url


def open_manual(parent: QWidget | None, page: str, anchor: str = "") -> bool:
    """Open a manual chapter at a heading; False (after saying so) when it is not installed."""
    if not (MANUAL_DIR / page).is_file():
        box = QMessageBox(QMessageBox.Icon.Information, "Duiding", QCoreApplication.translate(
            "Manual", "The manual is not part of this installation ({path}).").format(
                path=MANUAL_DIR / page), QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("manualMissing")
        box.open()
        return False
    return QDesktopServices.openUrl(manual_url(page, anchor))


def explanation(text: str, page: str, anchor: str, parent: QWidget | None = None) -> QLabel:
    """A view's first line: what it shows, and "More in the manual" linking to the section."""
    more = QCoreApplication.translate("Manual", "More in the manual")
    label = QLabel(f"{_escape(text)} <a href=\"{page}#{anchor}\">{_escape(more)}</a>", parent)
    label.setObjectName("viewExplanation")
    label.setWordWrap(True)
    label.setStyleSheet("color: #455a64; padding: 2px 0 4px 0;")
    label.setProperty("manualPage", page)
    label.setProperty("manualAnchor", anchor)
    label.linkActivated.connect(lambda _link: open_manual(label.window(), page, anchor))
    return label


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
