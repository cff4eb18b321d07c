"""Commands on documents, attributes, cases, memos and speakers."""

from __future__ import annotations

from collections.abc import Sequence

from coding import rows
from coding.commands.base import Command
from coding.memos import MemoTarget
from coding.project import Project
from coding.types import Changes, DocumentId, SpeakerRole
from models.errors import ConflictError


class ImportedDocuments(Command):
    """Documents that an import added; pushed after the import, so its first do() is a no-op."""

    kind = "import_documents"

    def __init__(self, doc_ids: Sequence[DocumentId]) -> None:
        super().__init__()
        self.doc_ids = list(doc_ids)
        self._snap: rows.Snapshot | None = None

    def do(self, p: Project) -> Changes:
        if self._snap is not None:
            p.documents.restore(self._snap)
        return Changes(documents=True, attributes=True)

    def undo(self, p: Project) -> Changes:
        self._snap = p.documents.delete(self.doc_ids)
        return Changes(documents=True, attributes=True, codes=True)


class DeleteDocuments(ImportedDocuments):
    kind = "delete_documents"

    def do(self, p: Project) -> Changes:
        self._snap = p.documents.delete(self.doc_ids)
        return Changes(documents=True, attributes=True, codes=True)

    def undo(self, p: Project) -> Changes:
        assert self._snap is not None
        p.documents.restore(self._snap)
        return Changes(documents=True, attributes=True, codes=True)


class RenameDocument(Command):
    kind = "rename_document"

    def __init__(self, doc_id: DocumentId, name: str) -> None:
        super().__init__()
        self.doc_id, self.name = doc_id, name
        self._old = ""

    def do(self, p: Project) -> Changes:
        self._old = p.documents.rename(self.doc_id, self.name)
        return Changes(documents=True)

    def undo(self, p: Project) -> Changes:
        p.documents.rename(self.doc_id, self._old)
        return Changes(documents=True)


class SetDocumentAttribute(Command):
    kind = "set_attribute"

    def __init__(self, doc_id: DocumentId, name: str, value: str | None) -> None:
        super().__init__()
        self.doc_id, self.name, self.value = doc_id, name, value
        self.detail = name
        self._old: str | None = None

    def do(self, p: Project) -> Changes:
        self._old = p.attributes.set_document_value(self.doc_id, self.name, self.value)
        return Changes(attributes=True, documents=True)

    def undo(self, p: Project) -> Changes:
        p.attributes.set_document_value(self.doc_id, self.name, self._old)
        return Changes(attributes=True, documents=True)


class SetMemo(Command):
    kind = "set_memo"

    def __init__(self, target: MemoTarget, text: str, title: str = "") -> None:
        super().__init__()
        self.target, self.text, self.title = target, text, title
        self._old = ""

    def do(self, p: Project) -> Changes:
        self._old = p.memos.set(self.target, self.text, self.title)
        return Changes(memos=True)

    def undo(self, p: Project) -> Changes:
        with p.store.write():
            if p.memos.get(self.target) != self.text:
                raise ConflictError("this memo was changed since (by someone else, or in "
                                    "another window); nothing was undone.")
            p.memos.set(self.target, self._old)
        return Changes(memos=True)


class SetSpeaker(Command):
    """Rename a speaker in one document and/or set its role."""

    kind = "set_speaker"

    def __init__(self, doc_id: DocumentId, speaker_id: int, *, label: str | None = None,
                 role: SpeakerRole | None = None) -> None:
        super().__init__()
        self.doc_id, self.speaker_id, self.label, self.role = doc_id, speaker_id, label, role
        self._old: tuple[str, SpeakerRole] | None = None

    def do(self, p: Project) -> Changes:
        self._old = p.documents.set_speaker(self.speaker_id, label=self.label, role=self.role)
        return Changes(documents=True, segments={self.doc_id})

    def undo(self, p: Project) -> Changes:
        assert self._old is not None
        p.documents.set_speaker(self.speaker_id, label=self._old[0], role=self._old[1])
        return Changes(documents=True, segments={self.doc_id})


class SetRoleEverywhere(Command):
    """Give a speaker label one role in every document ("I" is always the interviewer)."""

    kind = "set_role_everywhere"

    def __init__(self, label: str, role: SpeakerRole) -> None:
        super().__init__()
        self.label, self.role = label, role
        self._old: dict[int, SpeakerRole] = {}

    def do(self, p: Project) -> Changes:
        self._old = p.documents.set_role_everywhere(self.label, self.role)
        return Changes(documents=True)

    def undo(self, p: Project) -> Changes:
        p.documents.restore_roles(self._old)
        return Changes(documents=True)
