"""Help → About Duiding, and Help → Manual.

About answers the questions a supervisor asks first when a student reports a problem: which
version, which NLP pipeline, which project schema, and where the data and logs are (with
buttons to open the log folder and to copy everything into an e-mail). The facts come from
`coding.diagnostics`, the same ones a crash log records.

The manual (docs/handleiding, Markdown) is shown in a QTextBrowser, which renders Markdown with
its images and follows the links between chapters, so students need no Markdown viewer; the
frozen app carries a copy of the folder.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coding import diagnostics
from coding.project import Project

MANUAL = Path(__file__).resolve().parent.parent / "docs" / "handleiding" / "index.md"


def _text(value: str) -> str:
    """Plain text for a rich-text label (QLabel knows &lt; &gt; &amp;, not &#x27;)."""
    return html.escape(value, quote=False)


def _folder_link(path: Path) -> str:
    url = QUrl.fromLocalFile(str(path)).toString()
    return f'<a href="{_text(url)}">{_text(str(path))}</a>'


class AboutDialog(QDialog):
    def __init__(self, project: Project | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Duiding"))
        self.facts = diagnostics.facts(project)
        f = self.facts
        head = QLabel(f"<h2>Duiding {_text(f.version)}</h2>"
                      + _text(self.tr("A workbench for qualitative interview research.")))
        form = QFormLayout()
        build = self.tr("app (no Python installation needed)") if f.frozen else self.tr(
            "from a Python installation")
        schema = (self.tr("{project} (this version writes {head})").format(
                      project=f.project_schema, head=f.schema_head)
                  if f.project_path is not None
                  else self.tr("{head} (no project open)").format(head=f.schema_head))
        rows = [
            (self.tr("Version:"), _text(f"{f.version} — {build}")),
            (self.tr("Python and Qt:"), _text(f"Python {f.python}, Qt {qVersion()}")),
            (self.tr("NLP pipeline:"), _text(f.pipeline)),
            (self.tr("Project schema:"), _text(schema)),
            (self.tr("Data:"), _folder_link(f.data_dir)),
            (self.tr("Logs:"), _folder_link(f.log_dir)),
            (self.tr("Cache:"), _folder_link(f.cache_dir)),
        ]
        if isinstance(f.project_path, Path):
            rows.insert(4, (self.tr("Project file:"), _folder_link(f.project_path.parent)
                            + _text("/" + f.project_path.name)))
        elif f.project_path is not None:  # a team project: its address, never a password
            rows.insert(4, (self.tr("Team project:"), _text(f.project_path)))
        self.values: dict[str, QLabel] = {}
        for label, value in rows:
            widget = QLabel(value)
            widget.setOpenExternalLinks(True)
            widget.setTextInteractionFlags(widget.textInteractionFlags()
                                           | widget.textInteractionFlags().TextSelectableByMouse)
            form.addRow(label, widget)
            self.values[label] = widget
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy details"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.logs_button = buttons.addButton(self.tr("Open log folder"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.logs_button.clicked.connect(self.open_logs)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def details(self) -> str:
        return self.facts.as_text(qt_version=qVersion())

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    def open_logs(self) -> None:
        self.facts.log_dir.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.facts.log_dir)))


def show_about(project: Project | None, parent: QWidget | None) -> AboutDialog:
    """Help → About Duiding (window-modal, not blocking)."""
    dialog = AboutDialog(project, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class ManualWindow(QTextBrowser):
    """The Dutch manual, rendered from its Markdown files; links between chapters work."""

    def __init__(self, index: Path = MANUAL, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualWindow")
        self.setWindowTitle(self.tr("Duiding manual"))
        self.setOpenExternalLinks(True)
        self.resize(900, 760)
        self.setSource(QUrl.fromLocalFile(str(index)))
        self.sourceChanged.connect(self._retitle)
        self._retitle()

    def _retitle(self) -> None:
        """'Duiding manual — <chapter>': the chapter is the first line (its # heading)."""
        first = self.document().firstBlock().text().strip()
        self.setWindowTitle(self.tr("Duiding manual") + (f" — {first}" if first else ""))


def show_manual(parent: QWidget | None, index: Path = MANUAL) -> ManualWindow | None:
    """Open the manual in a window of its own; says so when it is not installed."""
    if not index.exists():
        QMessageBox.information(parent, "Duiding", QCoreApplication.translate(
            "ManualWindow", "The manual is not part of this installation ({path}).").format(
                path=index))
        return None
    window = ManualWindow(index, parent)
    window.setWindowFlag(Qt.WindowType.Window, True)  # its own window, closed with its parent
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
