"""The empty screen: what a first-time user sees instead of a blank transcript, with the next step
as buttons — new project, open a project, open the demo project (no command line needed), the
recent projects; and for a project without transcripts, Import.

A plain widget: it emits what was asked; the main window does it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MAX_RECENT_SHOWN = 5


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setAutoFillBackground(True)
        self.title = QLabel()
        self.title.setObjectName("startTitle")
        self.title.setStyleSheet("font-size: 20pt; font-weight: 600; color: #263238;")
        self.text = QLabel()
        self.text.setObjectName("startText")
        self.text.setWordWrap(True)
        self.text.setMaximumWidth(560)
        self.text.setStyleSheet("font-size: 11pt; color: #455a64;")
        self.new_button = self._button(self.tr("New project…"), "startNew", self.new_requested)
        self.open_button = self._button(self.tr("Open project…"), "startOpen",
                                        self.open_requested)
        self.demo_button = self._button(self.tr("Open the demo project"), "startDemo",
                                        self.demo_requested)
        self.demo_button.setToolTip(self.tr("Three short fictional interviews, already partly "
                                            "coded: look around without risk."))
        self.import_button = self._button(self.tr("Import transcripts…"), "startImport",
                                          self.import_requested)
        self.new_button.setDefault(True)
        self.recent_title = QLabel(self.tr("Recent projects"))
        self.recent_title.setStyleSheet("font-weight: 600; color: #455a64; margin-top: 14px;")
        self.recent_box = QVBoxLayout()
        self.recent_box.setSpacing(2)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.demo_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(2)
        column.addWidget(self.title)
        column.addSpacing(6)
        column.addWidget(self.text)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addWidget(self.recent_title)
        column.addLayout(self.recent_box)
        column.addStretch(3)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        self._recent: list[QPushButton] = []
        self.show_no_project([])

    def _button(self, text: str, name: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(34)
        button.clicked.connect(signal.emit)
        return button

    def show_no_project(self, recent: list[str]) -> None:
        self.title.setText(self.tr("Welcome to Duiding"))
        self.text.setText(self.tr(
            "Start a new project for your study, open one you made before, or look around in "
            "the demo project first: three fictional interviews about youth care, partly "
            "coded."))
        for b in (self.new_button, self.open_button, self.demo_button):
            b.show()
        self.import_button.hide()
        self._set_recent(recent)

    def show_no_transcripts(self, project_name: str) -> None:
        self.title.setText(project_name)
        self.text.setText(self.tr(
            "This project has no transcripts yet. Import them (Word, text, ODT, RTF, PDF or "
            "subtitle files, a whole folder at once, with a respondent sheet if you have one), "
            "or drag the files onto this window."))
        for b in (self.new_button, self.open_button, self.demo_button):
            b.hide()
        self.import_button.show()
        self.import_button.setDefault(True)
        self._set_recent([])

    def _set_recent(self, recent: list[str]) -> None:
        for button in self._recent:
            self.recent_box.removeWidget(button)
            button.deleteLater()
        self._recent = []
        for path in recent[:MAX_RECENT_SHOWN]:
            button = QPushButton(f"{Path(path).stem}   —   {path}")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("text-align: left; color: #1565c0; padding: 2px;")
            button.clicked.connect(lambda _=False, p=path: self.recent_requested.emit(p))
            self.recent_box.addWidget(button)
            self._recent.append(button)
        self.recent_title.setVisible(bool(self._recent))
