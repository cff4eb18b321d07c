"""Panels and dialogs beyond the core workbench: each module adds its views, docks and menu
actions.

Every panel module exposes::

    def install(host: PanelHost) -> None

The main window builds one `PanelHost` and calls `install_all(host)` once at start-up. Panels
get the shared `ProjectContext` (project, undo stack, coder, `changed` broadcast) and never the
main window itself, so they stay testable on their own.

Where a panel goes:

- `host.add_view(widget, title)` — a view you look at (counts, matrix, co-occurrence,
  comparison, agreement, a survey figure, a timeline): a closable tab in the central area, beside
  the transcript, so it never squeezes the documents and codes docks. It returns `open()`;
  connect your menu action to it. Give the widget an objectName (its tab is remembered between
  sessions by it). A host without a central area (a test's bare QMainWindow) wraps the view in
  a dock named `<objectName>Dock` instead.
- `host.add_dock(dock)` — a tool you use beside the transcript (search, suggestions): the dock
  joins the tabs under the transcript, hidden until opened. Give it an objectName.
- `host.menu(key)` — a top-level menu ("file", "edit", "coding", "project", "analysis", "data",
  "view", "help") to add actions to; `host.jump(doc_id, start, end)` shows a span in the
  transcript (switching to the transcript tab).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from app.context import ProjectContext

# Panel modules, installed in this order.
PANELS: tuple[str, ...] = (
    "app.panels.export_dialog",
    "app.panels.refi",
    "app.panels.merge_dialog",
    "app.panels.stats_view",
    "app.panels.matrix_view",
    "app.panels.cooccurrence_view",
    "app.panels.comparison_view",
    "app.panels.timeline_view",
    "app.panels.agreement_view",
    "app.panels.pipeline_status",
    "app.panels.search",
    "app.panels.suggestions",
    "app.panels.pseudonymise",
    "app.panels.survey_import",
    "app.panels.survey_figures",
    "app.panels.avg",
)

Opener = Callable[[], None]


@dataclass
class PanelHost:
    window: QMainWindow  # parent for dialogs only; do not reach into it
    ctx: ProjectContext
    menu: Callable[[str], QMenu]  # menu("analysis") -> the QMenu for that key (created if needed)
    add_dock: Callable[[QDockWidget], None]  # adds (hidden or shown) and remembers its state
    jump: Callable[[int, int, int], None]  # show document `id` with span start-end selected
    views: Callable[[QWidget, str], Opener] | None = None  # the main window's central tabs

    def add_view(self, widget: QWidget, title: str) -> Opener:
        """Register a view as a central tab (see the module docstring); returns `open()`."""
        if not widget.objectName():
            raise ValueError("a view needs an objectName to be remembered between sessions")
        if self.views is not None:
            return self.views(widget, title)
        dock = QDockWidget(title, self.window)
        dock.setObjectName(widget.objectName() + "Dock")
        dock.setWidget(widget)
        self.add_dock(dock)

        def open_dock() -> None:
            dock.show()
            dock.raise_()

        return open_dock


def install_all(host: PanelHost) -> None:
    for name in PANELS:
        importlib.import_module(name).install(host)
