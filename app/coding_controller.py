"""Coding logic between the transcript view and the core: open a document, apply codes to the
selection (snapped to words, then to the turn text: never a speaker label or timestamp, one
fragment per turn -- `coding.selection`), in-vivo coding, remove, change span, memo, key quote,
valence, per-code shortcuts and the view's context menu. Every change is a core command run
through `ProjectContext.run` (one transaction, one undo step, errors shown one way).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from app.context import ProjectContext
from app.labels import valence_label
from app.panels.event_dialog import extend_transcript_menu
from app.stripes import Bar
from app.transcript_view import TranscriptView
from coding.commands import Command, EditSegment, InVivoCode, Macro, RemoveCoding
from coding.segments import snap_to_words
from coding.selection import CodeSelection, FitToSelection, selection_pieces
from coding.types import Changes, CodeId, CodeInfo, DocumentId, SegmentId, SegmentInfo, Valence


class CodingController(QObject):
    document_opened = Signal(object)  # DocumentId | None
    segment_selected = Signal(object)  # SegmentId | None: the fragment the toolbar shows
    document_memo_requested = Signal(object)  # DocumentId: open its memo

    def __init__(self, ctx: ProjectContext, view: TranscriptView,
                 selected_codes: Callable[[], list[CodeId]] = list,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.selected_codes = selected_codes  # the code tree's selection, for "apply selected"
        self.document_id: DocumentId | None = None
        self.valence = Valence.NEUTRAAL
        self.codes: dict[CodeId, CodeInfo] = {}
        self._shortcut_actions: list[QAction] = []
        self._shortcut_host: QWidget | None = None
        self._incremental = False
        self._turns: list[tuple[int, int]] = []
        ctx.changed.connect(self._on_changed)
        ctx.project_changed.connect(self._on_project)
        ctx.coder_changed.connect(lambda _name: self.refresh_segments())
        view.context_menu_requested.connect(self.show_context_menu)
        view.codes_dropped.connect(lambda ids: self.apply_codes([CodeId(i) for i in ids]))
        view.bar_clicked.connect(lambda bar: self.segment_selected.emit(bar.segment_id))
        view.segment_clicked.connect(
            lambda seg: self.segment_selected.emit(seg.id if seg is not None else None))
        view.valence_key.connect(self.set_fragment_valence)

    # -- documents -----------------------------------------------------------------------------

    def _on_project(self) -> None:
        self.document_id = None
        self.view.show_document("", [])
        self._reload_codes()
        self.document_opened.emit(None)

    def open_document(self, doc_id: DocumentId) -> None:
        p = self.ctx.project
        if p is None:
            return
        if doc_id == self.document_id:
            return
        text = p.documents.text(doc_id)
        turns = [(t.start, t.end) for t in p.documents.turns(doc_id)]
        self.document_id = doc_id
        self._turns = turns
        self.view.show_document(text, turns, self._visible_segments())
        self.document_opened.emit(doc_id)

    def jump_to(self, doc_id: DocumentId, start: int, end: int,
                segment_id: SegmentId | None = None) -> None:
        self.open_document(doc_id)
        self.view.select_cp(start, end)
        self.select_segment(segment_id)
        self.view.setFocus()

    def select_segment(self, segment_id: SegmentId | None) -> None:
        """Make a fragment the selected one (highlighted; its valence on the toolbar)."""
        self.view.highlight_segment(segment_id)
        self.segment_selected.emit(segment_id)

    def selected_segment(self) -> SegmentInfo | None:
        sid = self.view.highlighted_segment
        return next((s for s in self.view.segments if s.id == sid), None)

    def _visible_segments(self) -> list[SegmentInfo]:
        p = self.ctx.project
        if p is None or self.document_id is None:
            return []
        segs = p.segments.for_document(self.document_id)
        hidden = self.ctx.hidden_coders
        return [s for s in segs if s.coder not in hidden] if hidden else segs

    def refresh_segments(self) -> None:
        if self.document_id is not None:
            self.view.set_segments(self._visible_segments())

    def _on_changed(self, changes: Changes) -> None:
        """What the screen shows is what the project holds: a change to the open document's
        text or turns (pseudonymisation and its undo, another process's write) re-shows the
        document; a change to its codings or to the codebook (names, colours) re-reads them."""
        if changes.codes:
            self._reload_codes()
        if self.document_id is None:
            return
        if changes.documents:
            p = self.ctx.project
            if p is not None and self.document_id not in {d.id for d in p.documents.list()}:
                self._on_project_document_gone()
                return
            if self._reload_text():
                return
        if (self.document_id in changes.segments or changes.codes) and not self._incremental:
            self.refresh_segments()

    def _reload_text(self) -> bool:
        """Re-show the open document when its stored text or turns differ from what is shown,
        keeping the scroll position and the highlighted fragment; True when it did."""
        p = self.ctx.project
        doc_id = self.document_id
        if p is None or doc_id is None:
            return False
        text = p.documents.text(doc_id)
        turns = [(t.start, t.end) for t in p.documents.turns(doc_id)]
        if text == self.view.text and turns == self._turns:
            return False
        scroll = self.view.verticalScrollBar().value()
        highlighted = self.view.highlighted_segment
        self._turns = turns
        self.view.show_document(text, turns, self._visible_segments())
        self.view.verticalScrollBar().setValue(scroll)
        if highlighted is not None and any(s.id == highlighted for s in self.view.segments):
            self.view.highlight_segment(highlighted)
        self.document_opened.emit(doc_id)  # the title shows the new word count
        return True

    def _on_project_document_gone(self) -> None:
        self.document_id = None
        self._turns = []
        self.view.show_document("", [])
        self.document_opened.emit(None)

    # -- codes and shortcuts -------------------------------------------------------------------

    def _reload_codes(self) -> None:
        p = self.ctx.project
        self.codes = {c.id: c for c in p.codes.tree()} if p is not None else {}
        self.rebuild_shortcuts()

    def install_shortcuts(self, host: QWidget) -> None:
        """Per-code shortcuts (CodeInfo.shortcut) live on `host` (the main window)."""
        self._shortcut_host = host
        self.rebuild_shortcuts()

    def rebuild_shortcuts(self) -> None:
        host = self._shortcut_host
        if host is None:
            return
        for action in self._shortcut_actions:
            host.removeAction(action)
            action.deleteLater()
        self._shortcut_actions = []
        for code in self.codes.values():
            if not code.shortcut:
                continue
            action = QAction(code.path, host)
            action.setObjectName(f"codeShortcut{code.id}")
            action.setShortcut(QKeySequence(code.shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, cid=code.id: self.apply_codes([cid]))
            host.addAction(action)
            self._shortcut_actions.append(action)

    # -- coding actions ------------------------------------------------------------------------

    def selection_span(self) -> tuple[int, int] | None:
        span = self.view.selection_cp()
        if span is None:
            return None
        start, end = snap_to_words(self.view.text, *span)
        return (start, end) if start < end else None

    def selection_pieces(self) -> list[tuple[int, int]]:
        """The selection as it will be coded: the turn text it covers, one piece per turn."""
        span = self.selection_span()
        p = self.ctx.project
        if span is None or p is None or self.document_id is None:
            return []
        return selection_pieces(p, self.document_id, *span)

    def _guard(self) -> bool:
        return self.ctx.project is not None and not self.ctx.readonly \
            and self.document_id is not None

    def apply_codes(self, code_ids: list[CodeId], valence: Valence | None = None
                    ) -> SegmentId | None:
        """Code the (word-snapped) selection with one or more codes; the undoable way."""
        span = self.selection_span()
        if not code_ids or span is None or not self._guard():
            return None
        assert self.document_id is not None
        cmd = CodeSelection(self.document_id, span[0], span[1], code_ids,
                            valence or self.valence, coder=self.ctx.coder or None,
                            detail=", ".join(self.codes[c].path for c in code_ids
                                             if c in self.codes))
        self._incremental = True  # this broadcast: update just the new segments, below
        try:
            if self.ctx.run(cmd, parent=self.view) is None:
                return None
        finally:
            self._incremental = False
        p = self.ctx.project
        assert p is not None
        ids = cmd.segment_ids
        self.view.highlighted_segment = ids[0]
        self.view.replace_segments([p.segments.get(i) for i in ids])
        self.segment_selected.emit(ids[0])  # the new fragment's valence is on show
        return ids[0]

    def in_vivo(self, parent_id: CodeId | None = None) -> SegmentId | None:
        """A new code named by the selected words, applied to them (one undo step)."""
        pieces = self.selection_pieces()
        if not pieces or not self._guard():
            return None
        assert self.document_id is not None
        words = " ".join(self.view.text[a:b] for a, b in pieces)
        name = " ".join(words.split()).replace("/", "-")[:60]
        cmd = InVivoCode(self.document_id, pieces[0][0], pieces[-1][1], name, parent_id,
                         self.valence, coder=self.ctx.coder or None, pieces=pieces)
        if self.ctx.run(cmd, parent=self.view) is None:
            return None
        self.select_segment(cmd.segment_id)
        return cmd.segment_id

    def _push(self, cmd: Command) -> bool:
        return self.ctx.run(cmd, parent=self.view) is not None

    def remove_coding(self, segment_id: SegmentId, code_id: CodeId | None = None) -> bool:
        if not self._guard():
            return False
        assert self.document_id is not None
        cmd = RemoveCoding(self.document_id, segment_id, code_id)
        if code_id in self.codes:
            cmd.detail = self.codes[code_id].path
        return self._push(cmd)

    def change_span(self, segment_id: SegmentId) -> bool:
        span = self.selection_span()
        if span is None or not self._guard():
            return False
        assert self.document_id is not None
        return self._push(FitToSelection(self.document_id, segment_id, *span))

    def set_valence(self, segment_id: SegmentId, code_id: CodeId, valence: Valence) -> bool:
        if not self._guard():
            return False
        assert self.document_id is not None
        return self._push(EditSegment(self.document_id, segment_id, valence=(code_id, valence)))

    def set_fragment_valence(self, valence: Valence) -> bool:
        """The selected fragment gets this valence for every code it has: one step (the
        toolbar's buttons and the keys + − 0)."""
        seg = self.selected_segment()
        if seg is None or not self._guard():
            return False
        edits: list[Command] = [EditSegment(seg.document_id, seg.id, valence=(c.code_id, valence))
                                for c in seg.codings if c.valence != valence]
        if not edits:
            return False
        command = edits[0] if len(edits) == 1 else Macro("set_valence", edits)
        command.detail = f"{', '.join(c.path for c in seg.codings)} → {valence_label(valence)}"
        return self._push(command)

    def set_key_quote(self, segment_id: SegmentId, on: bool) -> bool:
        if not self._guard():
            return False
        assert self.document_id is not None
        return self._push(EditSegment(self.document_id, segment_id, key_quote=on))

    def set_memo(self, segment_id: SegmentId, memo: str) -> bool:
        if not self._guard():
            return False
        assert self.document_id is not None
        return self._push(EditSegment(self.document_id, segment_id, memo=memo))

    def edit_memo(self, seg: SegmentInfo) -> None:
        text, ok = QInputDialog.getMultiLineText(self.view, self.tr("Fragment memo"),
                                                 self.tr("Memo for this fragment:"), seg.memo)
        if ok and text != seg.memo:
            self.set_memo(seg.id, text)

    # -- context menu --------------------------------------------------------------------------

    def build_context_menu(self, cp: int) -> QMenu:
        menu = QMenu(self.view)
        has_sel = self.selection_span() is not None
        writable = self._guard()
        selected = self.selected_codes()
        act = menu.addAction(self.tr("Apply selected codes"),
                             lambda: self.apply_codes(self.selected_codes()))
        act.setEnabled(has_sel and writable and bool(selected))
        apply_menu = menu.addMenu(self.tr("Apply code"))
        apply_menu.setEnabled(has_sel and writable)
        parents: dict[CodeId | None, QMenu] = {None: apply_menu}
        for code in self.codes.values():
            host = parents.get(code.parent_id, apply_menu)
            has_children = any(c.parent_id == code.id for c in self.codes.values())
            if has_children:
                sub = host.addMenu(code.name)
                sub.addAction(code.name, partial(self.apply_codes, [code.id]))
                sub.addSeparator()
                parents[code.id] = sub
            else:
                host.addAction(code.name, partial(self.apply_codes, [code.id]))
        act = menu.addAction(self.tr("In-vivo code"), self.in_vivo)
        act.setEnabled(has_sel and writable)
        act = menu.addAction(self.tr("Document memo…"),
                             lambda: self.document_memo_requested.emit(self.document_id))
        act.setEnabled(self.document_id is not None)
        segments = self.view.segments_at(cp)
        for seg in segments:
            menu.addSeparator()
            title = ", ".join(c.path for c in seg.codings) or self.tr("(no code)")
            sub = menu.addMenu(self.tr("Fragment: {codes}").format(codes=title))
            sub.setEnabled(writable)
            sub.addAction(self.tr("Select fragment"),
                          partial(self.jump_to, seg.document_id, seg.start, seg.end, seg.id))
            sub.addAction(self.tr("Adjust fragment to selection"),
                          partial(self.change_span, seg.id)).setEnabled(has_sel)
            sub.addAction(self.tr("Memo…"), partial(self.edit_memo, seg))
            kq = sub.addAction(self.tr("Key quote"),
                               partial(self.set_key_quote, seg.id, not seg.key_quote))
            kq.setCheckable(True)
            kq.setChecked(seg.key_quote)
            for coding in seg.codings:
                vmenu = sub.addMenu(self.tr("Valence of {code}").format(code=coding.path))
                for v in Valence:
                    a = vmenu.addAction(valence_label(v),
                                        partial(self.set_valence, seg.id, coding.code_id, v))
                    a.setCheckable(True)
                    a.setChecked(v == coding.valence)
            sub.addSeparator()
            for coding in seg.codings:
                sub.addAction(self.tr("Remove code {code}").format(code=coding.path),
                              partial(self.remove_coding, seg.id, coding.code_id))
            sub.addAction(self.tr("Remove fragment"), partial(self.remove_coding, seg.id))
        extend_transcript_menu(menu, self.ctx, self.view, self.document_id,
                               self.selection_span(), cp, writable)
        return menu

    def show_context_menu(self, global_pos: QPoint, cp: int) -> None:
        menu = self.build_context_menu(cp)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(global_pos)

    def segment_for_bar(self, bar: Bar) -> SegmentInfo | None:
        return next((s for s in self.view.segments if s.id == bar.segment_id), None)
