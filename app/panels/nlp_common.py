"""Shared pieces of the NLP panels: rich-text and keywords-in-context delegates, and a code and
valence chooser."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.context import ProjectContext
from app.labels import valence_label
from coding.types import CodeId, Valence

Index = QModelIndex | QPersistentModelIndex
HTML_ROLE = int(Qt.ItemDataRole.UserRole) + 10  # rich text shown by HtmlDelegate


def highlight(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """HTML of ``text`` with ``spans`` (offsets into text) in bold on a soft highlight."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<b style='background-color:#fff3b0; color:#000000'>{html.escape(text[start:end])}</b>")
        pos = end
    out.append(html.escape(text[pos:]))
    return " ".join("".join(out).split())


class HtmlDelegate(QStyledItemDelegate):
    """Paints the item's HTML_ROLE (falls back to the display text) on one line."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft
                                             | Qt.AlignmentFlag.AlignVCenter))
        no_wrap = doc.defaultTextOption()
        no_wrap.setWrapMode(QTextOption.WrapMode.NoWrap)  # one line; full text in the tooltip
        doc.setDefaultTextOption(no_wrap)
        rich = index.data(HTML_ROLE)
        doc.setHtml(rich if isinstance(rich, str) else html.escape(str(index.data() or "")))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(QPalette.ColorRole.Text,
                                 opt.palette.color(QPalette.ColorRole.HighlightedText))
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        painter.save()
        top = max(0.0, (text_rect.height() - doc.size().height()) / 2)
        painter.translate(text_rect.left(), text_rect.top() + top)
        painter.setClipRect(QRectF(0, -top, text_rect.width(), text_rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        return QSize(min(int(doc.idealWidth()), 600), int(doc.size().height()))


class ElideLeftDelegate(QStyledItemDelegate):
    """Left context of a keyword-in-context row: cut on the left so the match stays aligned,
    and cut between words ("… maanden moet"), never inside one ("…ijf maanden moet")."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft
        room = option.rect.width() - 8
        if room > 0:
            option.text = elide_words_left(option.text, option.fontMetrics, room)


def elide_words_left(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` with whole words dropped on the left until "… rest" fits in `width` pixels."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split(" ")
    for start in range(1, len(words)):
        candidate = "… " + " ".join(words[start:]).lstrip()
        if metrics.horizontalAdvance(candidate) <= width:
            return candidate
    return text  # even the last word does not fit: Qt elides it


class CodeChooser(QComboBox):
    """All codes of the project by path; `code_id()` is the chosen one."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeChooser")
        self.setEditable(True)  # type to find a code among dozens
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if ctx.project is not None:
            for code in ctx.project.codes.tree():
                self.addItem("    " * code.depth + code.name, code.id)
                self.setItemData(self.count() - 1, code.path, Qt.ItemDataRole.ToolTipRole)

    def code_id(self) -> CodeId | None:
        data = self.currentData()
        return CodeId(data) if isinstance(data, int) else None

    def select_path(self, path: str) -> None:
        for i in range(self.count()):
            if self.itemData(i, Qt.ItemDataRole.ToolTipRole) == path:
                self.setCurrentIndex(i)
                return


class ValenceChooser(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valenceChooser")
        for valence in (Valence.NEUTRAAL, Valence.POSITIEF, Valence.AANDACHTSPUNT):
            self.addItem(valence_label(valence), valence.value)

    def valence(self) -> Valence:
        data = self.currentData()
        return Valence(data) if isinstance(data, str) else Valence.NEUTRAAL
