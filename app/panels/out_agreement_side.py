"""Where two coders disagree, side by side: the transcript twice (coder A | coder B), each with
that coder's codings, and the stretches where they differ marked strongly.

Why: coders resolve disagreements by reading the same passage together. Both panes show the
same text and scroll together; a list names every disagreement (code, who applied it, the
words). Double-click on the list or in a pane opens the passage in the workbench.
Positions are stored as code points and converted to Qt's UTF-16 positions here.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.offsets import OffsetMap
from app.panels.out_common import Jump, fill_combo
from coding.agreement import Disagreement
from coding.analysis import AnalysisManager, ProjectAgreement
from coding.project import Project
from coding.types import DocumentId

DISAGREE = QColor("#F4A259")  # this coder applied the code, the other did not
AGREE = QColor("#CFE8D8")  # both applied it


class SideBySide(QWidget):
    def __init__(self, project: Callable[[], Project | None], jump: Jump,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementSideBySide")
        self._project, self._jump = project, jump
        self.result: ProjectAgreement | None = None
        self.items: list[Disagreement] = []
        self._offsets: OffsetMap | None = None
        self.document = QComboBox(objectName="sideDocument")
        self.left_coder = QComboBox(objectName="sideLeft")
        self.right_coder = QComboBox(objectName="sideRight")
        self.code = QComboBox(objectName="sideCode")
        self.list = QListWidget(objectName="sideList")
        self.list.itemClicked.connect(self._show_item)
        self.list.itemDoubleClicked.connect(self._jump_item)
        self.left = self._pane("sideLeftText")
        self.right = self._pane("sideRightText")
        self.left_title, self.right_title = QLabel(), QLabel()
        self.left.verticalScrollBar().valueChanged.connect(self.right.verticalScrollBar().setValue)
        self.right.verticalScrollBar().valueChanged.connect(self.left.verticalScrollBar().setValue)
        top = QHBoxLayout()
        for label, combo in ((self.tr("Document"), self.document), (self.tr("Left"),
                             self.left_coder), (self.tr("Right"), self.right_coder),
                             (self.tr("Code"), self.code)):
            top.addWidget(QLabel(label))
            top.addWidget(combo, 1 if combo is self.document else 0)
        legend = QLabel(self.tr("<span style='background:{d}'>&nbsp;coded only by this coder"
                                "&nbsp;</span> &nbsp; <span style='background:{a}'>&nbsp;coded "
                                "by both&nbsp;</span> &nbsp; <u>underlined</u>: coded only by "
                                "the other coder").format(d=DISAGREE.name(), a=AGREE.name()))
        panes = QSplitter(Qt.Orientation.Horizontal)
        for title, pane in ((self.left_title, self.left), (self.right_title, self.right)):
            box = QWidget()
            bl = QVBoxLayout(box)
            bl.setContentsMargins(0, 0, 0, 0)
            bl.addWidget(title)
            bl.addWidget(pane, 1)
            panes.addWidget(box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(panes)
        split.setSizes([110, 400])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(legend)
        lay.addWidget(split, 1)
        for combo in (self.document, self.left_coder, self.right_coder, self.code):
            combo.currentIndexChanged.connect(self.show_document)

    def _pane(self, name: str) -> QTextEdit:
        pane = QTextEdit(objectName=name)
        pane.setReadOnly(True)
        pane.viewport().installEventFilter(self)
        return pane

    # -- data ----------------------------------------------------------------------------------

    def set_result(self, result: ProjectAgreement | None) -> None:
        self.result = result
        project = self._project()
        docs: list[tuple[str, Any]] = []
        if result is not None and project is not None:
            for name in result.documents:
                docs.append((name, int(project.documents.by_name(name).id)))
        coders = [(c, c) for c in (result.coders if result else ())]
        fill_combo(self.document, docs)
        fill_combo(self.left_coder, coders)
        fill_combo(self.right_coder, coders)
        if len(coders) >= 2 and self.left_coder.currentIndex() == self.right_coder.currentIndex():
            self.right_coder.blockSignals(True)
            self.right_coder.setCurrentIndex(1)
            self.right_coder.blockSignals(False)
        codes: list[tuple[str, Hashable | None]] = [(self.tr("All codes"), None)]
        if result is not None:
            codes += [(result.code_paths.get(c.code, str(c.code)), c.code)
                      for c in result.character.per_code]
        fill_combo(self.code, codes)
        self.show_document()

    def show_document(self, *_args: Any) -> None:
        project, doc = self._project(), self.document.currentData()
        a, b = self.left_coder.currentData(), self.right_coder.currentData()
        self.list.clear()
        self.items = []
        if project is None or doc is None or a is None or b is None or a == b:
            for pane in (self.left, self.right):
                pane.clear()
            return
        text = project.documents.text(DocumentId(doc))
        self._offsets = OffsetMap(text)
        code = self.code.currentData()
        found = AnalysisManager(project).disagreements(DocumentId(doc), [a, b])
        self.items = [d for d in found if code is None or d.code == code]
        paths = self.result.code_paths if self.result else {}
        for d in self.items:
            who = ", ".join(str(c) for c in d.applied_by)
            words = " ".join(text[d.start:d.end].split())
            if len(words) > 90:
                words = words[:87] + "…"
            item = QListWidgetItem(self.tr("{code} — only {who}: “{words}”").format(
                code=paths.get(d.code, str(d.code)), who=who, words=words), self.list)
            item.setData(Qt.ItemDataRole.UserRole, d)
        self.left_title.setText(self.tr("<b>{coder}</b>").format(coder=a))
        self.right_title.setText(self.tr("<b>{coder}</b>").format(coder=b))
        for pane, coder, other in ((self.left, a, b), (self.right, b, a)):
            self._paint(pane, text, project, DocumentId(doc), coder, other, code)

    def _paint(self, pane: QTextEdit, text: str, project: Project, doc: DocumentId, coder: str,
               other: str, code: Any) -> None:
        pane.setPlainText(text)
        offsets = self._offsets
        assert offsets is not None
        cursor = QTextCursor(pane.document())
        own = [s for s in project.segments.for_document(doc, coders=(coder,))
               if code is None or any(c.code_id == code for c in s.codings)]
        fmt = QTextCharFormat()
        fmt.setBackground(AGREE)
        for s in own:  # light: what this coder coded (agreement unless marked below)
            start, end = offsets.span_to_qt(s.start, s.end)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        for d in self.items:
            start, end = offsets.span_to_qt(d.start, d.end)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            mark = QTextCharFormat()
            if coder in d.applied_by:
                mark.setBackground(DISAGREE)
            elif other in d.applied_by:
                mark.setBackground(QColor(0, 0, 0, 0))
                mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                mark.setUnderlineColor(QColor("#D55E00"))
            cursor.mergeCharFormat(mark)

    # -- navigation ----------------------------------------------------------------------------

    def _show_item(self, item: QListWidgetItem) -> None:
        d: Disagreement = item.data(Qt.ItemDataRole.UserRole)
        if self._offsets is None:
            return
        start = self._offsets.to_qt(d.start)
        for pane in (self.left, self.right):  # no selection: it would hide the highlights
            cursor = pane.textCursor()
            cursor.setPosition(start)
            pane.setTextCursor(cursor)
            bar = pane.verticalScrollBar()
            bar.setValue(bar.value() + pane.cursorRect().top() - pane.viewport().height() // 3)

    def _jump_item(self, item: QListWidgetItem) -> None:
        d: Disagreement = item.data(Qt.ItemDataRole.UserRole)
        self._jump(int(self.document.currentData()), d.start, d.end)

    def jump_at(self, qt_position: int) -> None:
        """Open the disagreement under a pane position (or the bare position) in the workbench."""
        if self._offsets is None or self.document.currentData() is None:
            return
        cp = self._offsets.to_cp(qt_position)
        hit = next((d for d in self.items if d.start <= cp < d.end), None)
        start, end = (hit.start, hit.end) if hit else (cp, cp)
        self._jump(int(self.document.currentData()), start, end)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseButtonDblClick and isinstance(event, QMouseEvent):
            pane = self.left if watched is self.left.viewport() else self.right
            self.jump_at(pane.cursorForPosition(event.position().toPoint()).position())
            return True
        return super().eventFilter(watched, event)
