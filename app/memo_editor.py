"""The memo editor: rich enough for a chapter, saved as it is typed, every edit undoable.

A memo is stored as Markdown (`coding.memo_text`); the editor is a QTextEdit that reads and
writes it natively (`setMarkdown`/`toMarkdown`), so bold, italic, lists and fragment references
look here as the chapter will print them.

Saving: every change restarts a short timer; when the writer pauses (`SAVE_DELAY_MS`), the text
is written as one `SetMemo` through `ctx.run` -- one transaction (a `kill -9` after the status
says "Saved" loses nothing) and one undo step per editing burst. Leaving the editor, switching to
another memo, undoing and closing save at once. The editor's own undo is off: Ctrl+Z in the editor
saves what was typed and then undoes on the project's one undo stack, so typing, coding and
memo edits are undone in the order they were made. When an undo or redo changes this memo, the
editor shows the stored text again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.context import ProjectContext
from coding.commands import SetMemo
from coding.memo_text import REFERENCE_SCHEME, normalise, reference
from coding.memos import MemoTarget
from coding.types import Changes

SAVE_DELAY_MS = 800


class MemoTextEdit(QTextEdit):
    """A QTextEdit whose undo/redo keys go to the project's undo stack, and which says when it
    loses focus (so the editor saves)."""

    undo_requested = Signal()
    redo_requested = Signal()
    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoText")
        self.setAcceptRichText(False)  # pasted text arrives plain; formatting is the toolbar's
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)):
            event.accept()  # ours, not the window's action: we save first, then undo
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo_requested.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focus_lost.emit()


class MemoEditor(QWidget):
    """Edits the memo on one target at a time; `saved(text)` after each acknowledged save."""

    saved = Signal(str)

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoEditor")
        self.ctx = ctx
        self.target: MemoTarget | None = None
        self.title = ""
        self._project = ctx.project  # the project `target` belongs to
        self._stored = ""  # the text as the project holds it (normalised)
        self._loading = False
        self._dirty = False
        self.edit = MemoTextEdit()
        self.edit.textChanged.connect(self._typed)
        self.edit.undo_requested.connect(self.undo)
        self.edit.redo_requested.connect(self.redo)
        self.edit.focus_lost.connect(self.flush)
        self.edit.currentCharFormatChanged.connect(self._sync_buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.status = QLabel()
        self.status.setObjectName("memoStatus")
        self.status.setStyleSheet("color: #607d8b;")
        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(0, 0, 0, 0)
        self.bold = self._button("B", self.tr("Bold (Ctrl+B)"), QKeySequence.StandardKey.Bold,
                                 self._toggle_bold, checkable=True)
        font = self.bold.font()
        font.setBold(True)
        self.bold.setFont(font)
        self.bold.setObjectName("memoBold")
        self.italic = self._button("I", self.tr("Italic (Ctrl+I)"), QKeySequence.StandardKey.Italic,
                                   self._toggle_italic, checkable=True)
        font = self.italic.font()
        font.setItalic(True)
        self.italic.setFont(font)
        self.italic.setObjectName("memoItalic")
        self.bullets = self._button("•", self.tr("Bulleted list"), None,
                                    lambda: self._list(QTextListFormat.Style.ListDisc))
        self.numbers = self._button("1.", self.tr("Numbered list"), None,
                                    lambda: self._list(QTextListFormat.Style.ListDecimal))
        self.extra = QHBoxLayout()  # room for the host's own actions (insert a quote...)
        self.extra.setContentsMargins(0, 0, 0, 0)
        self.toolbar.addLayout(self.extra)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.edit, 1)
        ctx.changed.connect(self._on_changed)
        ctx.project_changed.connect(self._on_project)
        self.set_target(None)

    def _on_project(self) -> None:
        self.set_target(None)

    def _button(self, text: str, tip: str, key: QKeySequence.StandardKey | None,
                slot: Callable[[], object], checkable: bool = False) -> QAction:
        """A toolbar button for an action; its shortcut works while the editor has focus."""
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        if key is not None:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        button = QToolButton()
        button.setDefaultAction(action)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text keeps the cursor
        button.setAutoRaise(True)
        self.toolbar.addWidget(button)
        return action

    # -- target --------------------------------------------------------------------------------

    def set_target(self, target: MemoTarget | None, title: str = "",
                   placeholder: str = "") -> None:
        """Edit the memo on `target` (None: nothing), saving what was typed for the last one."""
        self.flush()
        self.target, self.title = target, title
        p = self._project = self.ctx.project
        text = p.memos.get(target) if p is not None and target is not None else ""
        self._show(text)
        self.edit.setReadOnly(target is None or p is None or self.ctx.readonly)
        self.edit.setPlaceholderText(placeholder or (self.tr("Write the memo here.")
                                                     if target is not None else ""))
        self.status.setText(self.tr("Read-only") if target is not None and self.ctx.readonly
                            else "")

    def _show(self, text: str) -> None:
        self._loading = True
        position = self.edit.textCursor().position()
        self.edit.setMarkdown(text)
        cursor = self.edit.textCursor()
        cursor.setPosition(min(position, len(self.edit.toPlainText())))
        self.edit.setTextCursor(cursor)
        self._stored = normalise(text)
        self._dirty = False
        self._loading = False

    def markdown(self) -> str:
        """The editor's text as it will be stored."""
        return normalise(self.edit.toMarkdown())

    # -- saving --------------------------------------------------------------------------------

    def _typed(self) -> None:
        if self._loading or self.target is None:
            return
        self._dirty = True
        self.status.setText(self.tr("Editing…"))
        self.timer.start()

    def flush(self) -> bool:
        """Save what was typed now (one undo step); False when it could not be saved."""
        self.timer.stop()
        if not self._dirty or self.target is None or self.ctx.project is None:
            return True
        if self.ctx.project is not self._project:  # closed meanwhile: the target was its own
            self._dirty = False
            return False
        if self.ctx.busy:  # a background task holds the writer: try again shortly
            self.timer.start()
            return False
        text = self.markdown()
        if text == self._stored:
            self._dirty = False
            self.status.setText(self.tr("Saved"))
            return True
        command = SetMemo(self.target, text)
        command.detail = self.title
        before, self._stored, self._dirty = self._stored, text, False  # our own broadcast
        if self.ctx.run(command, parent=self) is None:
            self._stored, self._dirty = before, True
            self.status.setText(self.tr("Not saved"))
            return False
        self.status.setText(self.tr("Saved"))
        self.saved.emit(text)
        return True

    def _on_changed(self, changes: Changes) -> None:
        if not changes.memos or self.target is None or self._dirty:
            return
        p = self.ctx.project
        if p is None:
            return
        stored = normalise(p.memos.get(self.target))
        if stored != self._stored:  # undo, redo, or another panel: show what the project holds
            self._show(stored)

    def undo(self) -> None:
        self.flush()
        self.ctx.undo_stack.undo()

    def redo(self) -> None:
        self.flush()
        self.ctx.undo_stack.redo()

    # -- formatting ----------------------------------------------------------------------------

    def _merge_format(self, fmt: QTextCharFormat) -> None:
        """On the selection, or (without one) on what is typed next."""
        self.edit.mergeCurrentCharFormat(fmt)

    def _toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if self.bold.isChecked() else QFont.Weight.Normal)
        self._merge_format(fmt)

    def _toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(self.italic.isChecked())
        self._merge_format(fmt)

    def _list(self, style: QTextListFormat.Style) -> None:
        cursor = self.edit.textCursor()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            block = cursor.blockFormat()  # toggled off: back to a paragraph
            current.remove(cursor.block())
            block.setIndent(0)
            cursor.setBlockFormat(block)
            return
        fmt = QTextListFormat()
        fmt.setStyle(style)
        cursor.createList(fmt)

    def _sync_buttons(self, fmt: QTextCharFormat) -> None:
        self.bold.setChecked(fmt.fontWeight() >= QFont.Weight.Bold)
        self.italic.setChecked(fmt.fontItalic())

    # -- references ----------------------------------------------------------------------------

    def insert_reference(self, guid: str, label: str) -> None:
        """Insert a reference to a fragment as its own paragraph after the cursor's paragraph;
        the chapter prints it as the attributed quote."""
        if self.target is None or self.edit.isReadOnly():
            return
        cursor = self.edit.textCursor()
        cursor.clearSelection()
        if cursor.block().text().strip():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock()
        if cursor.currentList() is not None:  # a quote is a paragraph of its own, not an item
            cursor.currentList().remove(cursor.block())
        cursor.setBlockFormat(QTextBlockFormat())
        link = QTextCharFormat()
        link.setAnchor(True)
        markdown = reference(guid, label)  # the label as the link will store it
        link.setAnchorHref(REFERENCE_SCHEME + guid.lower())
        link.setForeground(QColor("#1565c0"))
        link.setFontUnderline(True)
        cursor.insertText(markdown[1:markdown.index("](")], link)
        cursor.insertBlock()
        cursor.setCharFormat(QTextCharFormat())
        self.edit.setTextCursor(cursor)
        self.edit.setCurrentCharFormat(QTextCharFormat())
        self.edit.setFocus()


def flush_all(root: QWidget) -> None:
    """Save what was typed in every memo editor under `root` (before a project closes)."""
    for editor in root.findChildren(MemoEditor):
        editor.flush()


def open_memo(ctx: ProjectContext, target: MemoTarget, title: str, parent: QWidget) -> MemoDialog:
    """The memo window for `target`: the open one raised, or a new one."""
    for dialog in parent.findChildren(MemoDialog):
        if dialog.editor.target == target and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
    dialog = MemoDialog(ctx, target, title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class MemoDialog(QDialog):
    """A memo in a window of its own (a document, case or project memo); saves as it is typed."""

    def __init__(self, ctx: ProjectContext, target: MemoTarget, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoDialog")
        self.setWindowTitle(title)
        self.editor = MemoEditor(ctx)
        self.editor.set_target(target, title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        self.resize(620, 460)

    def done(self, result: int) -> None:  # closing saves what was typed
        self.editor.flush()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.editor.flush()
        super().closeEvent(event)
