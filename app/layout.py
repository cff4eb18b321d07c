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

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QTabWidget, QWidget

log = logging.getLogger(__name__)

Opener = Callable[[], None]

# 2: analysis views are central tabs and tools dock under the transcript; a layout saved by
# version 1 (which squeezed the Codes dock) is not restored.
STATE_VERSION = 2

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

        def open_it() -> None:
            self.open_view(name)

        return open_it

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
        views = (self.widget(i) for i in range(self.count()))
        return [w.objectName() for w in views if w is not None and w is not self.transcript]

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


class WindowLayout:
    """The window's layout between sessions: the default (as built), the saved one restored
    when it is usable, the open view tabs, and a reset on request or when it is not."""

    def __init__(self, window: QMainWindow, tabs: CentralTabs, settings: QSettings,
                 default_sizes: Callable[[], None]) -> None:
        self.window, self.tabs, self.settings = window, tabs, settings
        self._default_sizes = default_sizes
        default_sizes()
        self.default = window.saveState(STATE_VERSION)

    def restore(self) -> None:
        window = self.window
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not window.restoreState(state, STATE_VERSION):
            log.warning("the saved window layout could not be restored; using the default")
            window.restoreState(self.default, STATE_VERSION)
        views = self.settings.value("window/views", [])
        self.tabs.restore([str(v) for v in (views if isinstance(views, list) else [views]) if v])

    def reset(self) -> None:
        """Every dock back in its place at its default size; the transcript tab in front."""
        self.window.restoreState(self.default, STATE_VERSION)
        for dock in self.window.findChildren(QDockWidget):
            if dock.isFloating():
                dock.setFloating(False)
        self._default_sizes()
        self.tabs.show_transcript()

    def check(self) -> list[str]:
        """Once the window is laid out: an unusable layout is replaced by the default (and the
        window by a default-sized one in the middle of its screen)."""
        problems = layout_problems(self.window)
        if problems:
            log.warning("the window layout is unusable (%s); using the default",
                        "; ".join(problems))
            self.reset()
            screen = self.window.screen().availableGeometry()
            self.window.resize(min(1280, screen.width()), min(800, screen.height()))
            self.window.move(screen.center() - self.window.rect().center())
        return problems

    def save(self) -> None:
        self.settings.setValue("window/geometry", self.window.saveGeometry())
        self.settings.setValue("window/state", self.window.saveState(STATE_VERSION))
        self.settings.setValue("window/views", self.tabs.open_names())
        self.settings.sync()
