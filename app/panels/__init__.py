"""Panels and dialogs beyond the core workbench: each module adds its docks and menu actions.

Every panel module exposes::

    def install(host: PanelHost) -> None

The main window builds one `PanelHost` and calls `install_all(host)` once at start-up. Panels
get the shared `ProjectContext` (project, undo stack, coder, `changed` broadcast) and never the
main window itself, so they stay testable on their own.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

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
)


@dataclass
class PanelHost:
    window: QMainWindow  # parent for dialogs only; do not reach into it
    ctx: ProjectContext
    menu: Callable[[str], QMenu]  # menu("analysis") -> the QMenu for that key (created if needed)
    add_dock: Callable[[QDockWidget], None]  # adds (hidden or shown) and remembers its state
    jump: Callable[[int, int, int], None]  # show document `id` with span start-end selected


def install_all(host: PanelHost) -> None:
    for name in PANELS:
        importlib.import_module(name).install(host)
