"""What other people's changes mean for the views: server notifications become `Changes`.

On a team project every open window hears the other coders' writes (``models.listen``) and
broadcasts them like its own: a new fragment refreshes that document's stripes and the code
counts, a code the codebook tree, a memo the memo views. A project file has no listener here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from coding.project import Project
from coding.types import Changes, DocumentId
from models.listen import ChangeListener, Payload
from models.server_store import ServerStore

__all__ = ["ChangeListener", "changes_from", "everything", "watch"]

_FLAGS = {
    "codes": Changes(codes=True),
    "memos": Changes(memos=True),
    "documents": Changes(documents=True),
    "speakers": Changes(documents=True),
    "cases": Changes(attributes=True, documents=True),
    "attributes": Changes(attributes=True),
    "document_attribute_values": Changes(attributes=True),
    "case_attribute_values": Changes(attributes=True),
    "events": Changes(events=True),
    "event_types": Changes(events=True),
    "team_members": Changes(),
    "coders": Changes(),
}


def changes_from(project: Project, payloads: Iterable[Payload]) -> Changes:
    changes = Changes()
    for p in payloads:
        table, doc = p.get("t"), p.get("d")
        if table in ("*", "project_info"):  # reconnected, or blind coding switched
            return everything(project)
        if table in ("segments", "segment_codes"):
            if doc is not None:
                changes = changes | Changes(segments={DocumentId(int(doc))})
        elif table in _FLAGS:
            changes = changes | _FLAGS[str(table)]
            if table == "documents" and doc is not None:  # a document gone takes its codings
                changes = changes | Changes(segments={DocumentId(int(doc))})
    return changes


def everything(project: Project) -> Changes:
    return Changes.everything(d.id for d in project.documents.list())


def watch(project: Project, on_changes: Callable[[Changes], None],
          on_status: Callable[[bool], None] | None = None) -> ChangeListener | None:
    """Hear other people's changes to `project` (a team project; None for a file).

    ``on_changes`` and ``on_status`` are called on the listener's thread."""
    if not isinstance(project.store, ServerStore):
        return None

    def heard(payloads: list[Payload]) -> None:
        changes = changes_from(project, payloads)
        if changes:
            on_changes(changes)

    return ChangeListener(project.store, heard, on_status).start()
