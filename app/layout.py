"""The window's layout: the central tabs (the transcript, then the analysis views) and the checks
that keep a saved layout usable.

Why tabs: analysis views used to be docks on the right; opening three of them squeezed the
Codes dock until only the counts were left, and Qt saved that squeeze for the next session. A
view in a central tab takes the transcript's place while it is looked at and never narrows the
documents and codes docks; jumping to a fragment brings the transcript tab back.

Why checks: a saved dock layout can be unusable (a dock squeezed below what its content needs, a
window off every screen after a monitor was unplugged, a layout from an older version). It is
detected on start and the default layout is used instead; View → Restore default layout does the
same on request.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QTabWidget, QWidget

Opener = Callable[[], None]

CENTRAL_MIN_WIDTH = 360  # below this the transcript (or a view) is unreadable
CENTRAL_MIN_HEIGHT = 200


class CentralTabs(QTabWidget):
    """The transcript as the first, fixed tab; views as closable tabs opened on request."""

    view_opened = Signal(str)  # the view's objectName

    def __init__(self, transcript: QWidget, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("centralTabs")
        self.setDocumentMode(True)
        self.setMovable(True)
        self.setTabsClosable(True)
        self.transcript = transcript
        self.addTab(transcript, title)
        bar = self.tabBar()
        for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
            bar.setTabButton(0, side, None)  # the transcript cannot be closed
        self.tabCloseRequested.connect(self.close_tab)
        self.views: dict[str, tuple[QWidget, str]] = {}

    def add_view(self, widget: QWidget, title: str) -> Opener:
        """Register a view (not shown yet); returns the function that opens it."""
        name = widget.objectName()
        self.views[name] = (widget, title)
        widget.hide()
        return lambda: self.open_view(name)

    def open_view(self, name: str) -> QWidget:
        widget, title = self.views[name]
        index = self.indexOf(widget)
        if index < 0:
            index = self.addTab(widget, title)
            self.view_opened.emit(name)
        self.setCurrentIndex(index)
        return widget

    def close_tab(self, index: int) -> None:
        if self.widget(index) is not self.transcript:
            self.removeTab(index)  # the view stays alive (and stale-aware) for the next open

    def show_transcript(self) -> None:
        self.setCurrentWidget(self.transcript)

    def open_names(self) -> list[str]:
        return [self.widget(i).objectName() for i in range(self.count())
                if self.widget(i) is not self.transcript]

    def restore(self, names: list[str]) -> None:
        for name in names:
            if name in self.views:
                self.open_view(name)
        self.show_transcript()


def layout_problems(window: QMainWindow) -> list[str]:
    """What makes the window's current layout unusable (empty when it is fine): a visible dock
    narrower or lower than its content needs, a central area too small to read, or a window
    that lies off every screen. Sizes are only judged once the window has been laid out."""
    problems: list[str] = []
    frame = window.frameGeometry()
    screens = [s.availableGeometry() for s in QGuiApplication.screens()]
    if screens and not any(s.intersects(frame) for s in screens):
        problems.append("the window is off screen")
    if not window.isVisible():
        return problems
    central = window.centralWidget()
    if central is not None and (central.width() < CENTRAL_MIN_WIDTH
                                or central.height() < CENTRAL_MIN_HEIGHT):
        problems.append(f"the central area is {central.width()}×{central.height()}")
    for dock in window.findChildren(QDockWidget):
        content = dock.widget()
        if dock.isFloating() or not dock.isVisible() or content is None:
            continue
        need = content.minimumSizeHint().expandedTo(content.minimumSize())
        if content.width() + 2 < need.width():
            problems.append(f"{dock.objectName()} is {content.width()} px wide, needs "
                            f"{need.width()}")
    return problems
