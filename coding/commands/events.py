"""Undoable edits of the help history: marking fragments as events, and the event-type list.

The help history's own module in the commands package. Event edits record the
event's row before and after and swap them on undo/redo, so redo brings back the very same IDs
(STYLE.md rule 6). Every command reports `Changes(events=True)`; the timeline and the transcript
refresh from that.
"""

from __future__ import annotations

from typing import Any

from coding import rows
from coding.commands.base import Command
from coding.events import EventId, EventTypeId
from coding.moments import ORDER_ONLY, Moment
from coding.project import Project
from coding.types import Changes, DocumentId


class _EventEdit(Command):
    """Records the event's row before and after the change; undo and redo swap them."""

    def __init__(self) -> None:
        super().__init__()
        self.event_id: EventId | None = None
        self._before: rows.Snapshot | None = None
        self._after: rows.Snapshot | None = None

    def _changes(self) -> Changes:
        return Changes(events=True)

    def _swap(self, p: Project, snap: rows.Snapshot) -> Changes:
        assert self.event_id is not None
        p.events.swap([self.event_id], snap)
        return self._changes()

    def undo(self, p: Project) -> Changes:
        assert self._before is not None
        return self._swap(p, self._before)

    def redo(self, p: Project) -> Changes:
        assert self._after is not None
        return self._swap(p, self._after)


class MarkEvent(_EventEdit):
    """Mark a span as an event of a type, with a moment (default: only its order)."""

    kind = "mark_event"

    def __init__(self, doc_id: DocumentId, start: int, end: int, type_id: EventTypeId,
                 moment: Moment = ORDER_ONLY, duration_days: int | None = None, memo: str = "",
                 coder: str | None = None) -> None:
        super().__init__()
        self.doc_id, self.start, self.end, self.type_id = doc_id, start, end, type_id
        self.moment, self.duration_days, self.memo, self.coder = moment, duration_days, memo, coder

    def do(self, p: Project) -> Changes:
        if self._after is not None:
            return self.redo(p)
        with p.store.write() as s:
            self.event_id = p.events.add(self.doc_id, self.start, self.end, self.type_id,
                                         self.moment, self.duration_days, self.memo, self.coder)
            self._before = []
            self._after = p.events.snapshot(s, [self.event_id])
        return self._changes()


class EditEvent(_EventEdit):
    """Change an event's type, moment, duration, memo or span."""

    kind = "edit_event"

    def __init__(self, event_id: EventId, **fields: Any) -> None:
        super().__init__()
        self.event_id, self.fields = event_id, fields

    def do(self, p: Project) -> Changes:
        if self._after is not None:
            return self.redo(p)
        assert self.event_id is not None
        with p.store.write() as s:
            self._before = p.events.snapshot(s, [self.event_id])
            p.events.update(self.event_id, **self.fields)
            self._after = p.events.snapshot(s, [self.event_id])
        return self._changes()


class RemoveEvent(_EventEdit):
    kind = "remove_event"

    def __init__(self, event_id: EventId) -> None:
        super().__init__()
        self.event_id = event_id

    def do(self, p: Project) -> Changes:
        if self._after is not None:
            return self.redo(p)
        assert self.event_id is not None
        with p.store.write() as s:
            self._before = p.events.snapshot(s, [self.event_id])
            if not self._before[0][1]:
                p.events.get(self.event_id)  # raises NotFoundError naming the event
            self._after = []
            p.events.swap([self.event_id], [])
        return self._changes()


class AddEventType(Command):
    kind = "add_event_type"

    def __init__(self, name: str, colour: str = "#607d8b",
                 code_paths: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.name, self.colour, self.code_paths = name, colour, code_paths
        self.detail = name
        self.type_id: EventTypeId | None = None
        self._snap: rows.Snapshot | None = None

    def do(self, p: Project) -> Changes:
        if self._snap is not None:
            with p.store.write() as s:
                rows.restore(s, self._snap)
        else:
            self.type_id = p.events.add_type(self.name, self.colour, self.code_paths)
        return Changes(events=True)

    def undo(self, p: Project) -> Changes:
        assert self.type_id is not None
        self._snap = p.events.delete_type(self.type_id)
        return Changes(events=True)


class UpdateEventType(Command):
    """Rename or recolour a type, or change which codes suggest it."""

    kind = "update_event_type"

    def __init__(self, type_id: EventTypeId, **fields: Any) -> None:
        super().__init__()
        self.type_id, self.fields = type_id, fields
        self._old: dict[str, Any] = {}

    def do(self, p: Project) -> Changes:
        self._old = p.events.update_type(self.type_id, **self.fields)
        return Changes(events=True)

    def undo(self, p: Project) -> Changes:
        p.events.update_type(self.type_id, **self._old)
        return Changes(events=True)


class RemoveEventType(Command):
    """Remove a type no event uses."""

    kind = "remove_event_type"

    def __init__(self, type_id: EventTypeId) -> None:
        super().__init__()
        self.type_id = type_id
        self._snap: rows.Snapshot | None = None

    def do(self, p: Project) -> Changes:
        self._snap = p.events.delete_type(self.type_id)
        return Changes(events=True)

    def undo(self, p: Project) -> Changes:
        assert self._snap is not None
        with p.store.write() as s:
            rows.restore(s, self._snap)
        return Changes(events=True)
