"""Which Dutch NLP pipeline is active, in the status bar and in the NLP panels (DESIGN.md §4).

Results depend on the pipeline (``nl_core_news_sm`` when installed, else the blank Dutch pipeline
with a sentencizer; lemmas from simplemma either way), so the researcher must be able to see it.
One `PipelineStatus` per ProjectContext holds the name; panels call `refresh()` after a worker
processed documents, and every label showing it follows the `name_changed` signal.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app.context import ProjectContext
from app.panels import PanelHost
from coding.nlp.service import active_pipeline_names, expected_pipeline_name

_STATUS: weakref.WeakKeyDictionary[ProjectContext, PipelineStatus] = weakref.WeakKeyDictionary()


class PipelineStatus(QObject):
    name_changed = Signal(str)

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.name = ""
        ctx.project_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        project = self.ctx.project
        names = active_pipeline_names(project) if project is not None else [
            expected_pipeline_name()]
        name = " | ".join(names)
        if name != self.name:
            self.name = name
            self.name_changed.emit(name)


def status_for(ctx: ProjectContext) -> PipelineStatus:
    status = _STATUS.get(ctx)
    if status is None:
        status = _STATUS[ctx] = PipelineStatus(ctx)
    return status


class PipelineLabel(QLabel):
    """'Taalmodel: …' following the context's pipeline status."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipelineLabel")
        self.setToolTip(self.tr(
            "Dutch language pipeline used for lemma search and suggestions. The spaCy model "
            "nl_core_news_sm is used when it is installed; otherwise the blank Dutch pipeline "
            "with a sentence splitter. Lemmas always come from simplemma."))
        status = status_for(ctx)
        status.name_changed.connect(self._show)
        self._show(status.name)

    def _show(self, name: str) -> None:
        self.setText(self.tr("Language model: %1").replace("%1", name))


def install(host: PanelHost) -> None:
    # PanelHost has no status-bar hook yet; QMainWindow.statusBar() is public Qt API.
    label = PipelineLabel(host.ctx)
    label.setObjectName("pipelineStatusBarLabel")
    host.window.statusBar().addPermanentWidget(label)
