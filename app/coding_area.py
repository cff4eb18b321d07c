"""The coding workspace in the transcript tab: the open transcript, its title, the coding toolbar
and the controller that codes in it.

Above the transcript: the document's name and word count, and "Show other coders" (off: blind
coding, only your own codings). The coding toolbar: the valence of the fragment shown, the
document memo, and the valence new codings get. What a coding does is the controller's
(app/coding_controller.py); the main window places this area and wires it to the docks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.coding_controller import CodingController
from app.context import ProjectContext
from app.memo_editor import open_memo
from app.transcript_view import TranscriptView
from app.valence_bar import DefaultValence, FragmentValence
from coding.memos import MemoTarget
from coding.types import CodeId, DocumentId, SegmentId, Valence


class CodingArea(QWidget):
    def __init__(self, ctx: ProjectContext, selected_codes: Callable[[], list[CodeId]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = TranscriptView()
        self.doc_label = QLabel()
        self.doc_label.setObjectName("documentTitle")
        self.doc_label.setStyleSheet("font-weight: bold; padding: 4px 6px;")
        self.doc_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.doc_label.setMinimumWidth(120)
        self.default_valence = DefaultValence()
        self.fragment_valence = FragmentValence()
        self.show_others = QCheckBox(self.tr("Show other coders"))
        self.show_others.setObjectName("showOthers")
        self.show_others.setToolTip(self.tr("Off: only your own codings are shown (blind "
                                            "coding, before you compare with another coder)."))
        self.show_others.setChecked(True)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 6, 0)
        header.addWidget(self.doc_label, 1)
        header.addWidget(self.show_others)
        coding_bar = QToolBar()
        coding_bar.setObjectName("codingToolbar")
        coding_bar.addWidget(self.fragment_valence)
        self.memo_button = QToolButton(objectName="documentMemoButton")
        self.memo_button.setText(self.tr("Memo"))
        self.memo_button.setToolTip(self.tr("The memo on this document"))
        self.memo_button.setEnabled(False)
        coding_bar.addWidget(self.memo_button)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        coding_bar.addWidget(spacer)
        coding_bar.addSeparator()
        coding_bar.addWidget(self.default_valence)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(header)
        lay.addWidget(coding_bar)
        lay.addWidget(self.view)

        self.coding = CodingController(ctx, self.view, selected_codes, self)
        self.show_others.toggled.connect(self._toggle_others)
        self.memo_button.clicked.connect(lambda: self.open_memo(self.coding.document_id))
        self.coding.document_memo_requested.connect(self.open_memo)
        self.default_valence.changed.connect(self._set_valence)
        self.fragment_valence.valence_chosen.connect(self.coding.set_fragment_valence)
        self.coding.segment_selected.connect(self._show_fragment)
        self.view.segments_changed.connect(
            lambda: self._show_fragment(self.view.highlighted_segment))
        self.coding.document_opened.connect(self._show_document)

    def _set_valence(self, valence: Valence) -> None:
        self.coding.valence = valence

    def _show_fragment(self, segment_id: SegmentId | None) -> None:
        self.fragment_valence.show_segment(
            next((s for s in self.view.segments if s.id == segment_id), None))

    def _show_document(self, doc_id: DocumentId | None) -> None:
        self.memo_button.setEnabled(doc_id is not None)
        p = self.ctx.project
        if p is None or doc_id is None:
            self.doc_label.setText("")
        else:
            info = p.documents.get(doc_id)
            self.doc_label.setText(f"{info.name}  ·  " + self.tr("{n} words").format(n=info.words))

    def open_memo(self, doc_id: DocumentId | None) -> None:
        """The memo on a document: the open one (toolbar, Coding menu, the transcript's menu)."""
        p = self.ctx.project
        if p is not None and doc_id is not None:
            name = p.documents.get(doc_id).name
            open_memo(self.ctx, MemoTarget(document_id=doc_id), name,
                      self.window()).setWindowTitle(self.tr("Memo: {name}").format(name=name))

    def _toggle_others(self, show: bool) -> None:
        p = self.ctx.project
        others = {n for _i, n, _c, _k in p.coders.list()} - {self.ctx.coder} if p else set()
        self.ctx.hidden_coders = set() if show else others
        self.coding.refresh_segments()
