"""A busy indicator for work that may take a while: nothing for quick work, a moving bar once it
has taken longer than `DELAY_MS` (the first lemma search prepares every document: 1–4 s).

    busy = BusyIndicator(parent)             # put it in a layout; it hides itself
    busy.start(tr("Searching…"))             # shows after 200 ms if still running
    busy.progress(3, 10, "R03.txt")          # determinate once the work reports progress
    busy.stop()
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

DELAY_MS = 200


class BusyIndicator(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busyIndicator")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # indeterminate: a moving bar
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(14)
        self.label = QLabel()
        self.label.setStyleSheet("color: #606060;")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.bar)
        lay.addWidget(self.label, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.show)
        self.running = False
        self.hide()

    def start(self, text: str) -> None:
        self.running = True
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self._timer.start(DELAY_MS)

    def progress(self, done: int, total: int, detail: str = "") -> None:
        if not self.running:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if detail:
            self.bar.setToolTip(detail)

    def stop(self) -> None:
        self.running = False
        self._timer.stop()
        self.hide()
