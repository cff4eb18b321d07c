"""Bulk import of transcript files and an attribute sheet into a project.

Each file is read by its pure reader and stored in its own transaction (with its attributes and
its case), so a broken file in a batch is reported and left out while the others are imported.
An attribute is typed (number, date, text) in the transaction that creates it, and at the end of
the batch every attribute the batch filled is typed again from all its values: an import killed
half-way never leaves `meting` as text, and running it again settles the types as a whole run
would have.
Duplicates are recognised by the SHA-256 of the file's bytes. The GUI runs this in a worker and
passes `progress` and `cancelled`; the command line calls it directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from coding.attributes import CASE_ATTRIBUTE_NAMES, guess_type
from coding.commands import ImportedDocuments
from coding.documents import DuplicateDocumentError
from coding.project import Project
from coding.types import Changes, DocumentId
from importers import iter_transcript_files, read_transcript
from importers.attributes import AttributeSheet, match_rows, read_attribute_sheet
from importers.base import TranscriptImportError, display_name
from models.errors import DuidingError, ReadOnlyProjectError

Progress = Callable[[int, int, str], None]  # (done, total, file name)


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    status: str  # "imported" | "skipped" | "failed"
    reason: str = ""  # stable code: duplicate, empty, corrupt, encrypted, unsupported...
    message: str = ""  # English sentence naming the file
    document_id: DocumentId | None = None
    name: str = ""
    speakers: tuple[str, ...] = ()
    turns: int = 0

    def as_json(self) -> dict[str, object]:
        return {"file": str(self.path), "name": self.name, "status": self.status,
                "reason": self.reason, "message": self.message,
                "speakers": list(self.speakers), "turns": self.turns}


@dataclass
class ImportSummary:
    outcomes: list[ImportOutcome] = field(default_factory=list)
    unmatched_rows: list[str] = field(default_factory=list)  # sheet rows that matched no file
    without_attributes: list[str] = field(default_factory=list)  # imported, no sheet row
    cancelled: bool = False

    @property
    def imported(self) -> list[DocumentId]:
        return [o.document_id for o in self.outcomes if o.document_id is not None]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def as_json(self) -> dict[str, object]:
        return {
            "imported": self.count("imported"), "skipped": self.count("skipped"),
            "failed": self.count("failed"), "cancelled": self.cancelled,
            "files": [o.as_json() for o in self.outcomes],
            "unmatched_sheet_rows": self.unmatched_rows,
            "documents_without_attributes": self.without_attributes,
        }


def import_paths(project: Project, paths: Iterable[Path | str], *,
                 attributes: Path | str | None = None, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportSummary:
    """Import files and folders; read the attribute sheet first so a bad sheet stops nothing
    half-way (it raises TranscriptImportError before any file is stored)."""
    if project.store.readonly:
        raise ReadOnlyProjectError(f"{project.name} is open read-only; nothing was imported.")
    sheet = read_attribute_sheet(attributes) if attributes is not None else None
    candidates = list(iter_transcript_files(paths))
    summary = ImportSummary()
    match = match_rows(sheet, [c.path.name for c in candidates if c.skipped is None]) \
        if sheet is not None else None
    touched: set[str] = set()
    for i, cand in enumerate(candidates):
        if cancelled is not None and cancelled():
            summary.cancelled = True
            break
        if progress is not None:
            progress(i, len(candidates), cand.path.name)
        if cand.skipped is not None:
            summary.outcomes.append(ImportOutcome(cand.path, "skipped", cand.skipped.reason,
                                                  str(cand.skipped)))
            continue
        outcome, names = _import_one(project, cand.path,
                                     match.attributes.get(cand.path.name, {}) if match else {})
        summary.outcomes.append(outcome)
        touched.update(names)
    if progress is not None:
        progress(len(candidates), len(candidates), "")
    if match is not None:
        summary.unmatched_rows = list(match.unmatched_rows)
        summary.without_attributes = [o.name for o in summary.outcomes if o.status == "imported"
                                      and o.path.name in match.unmatched_names]
    _retype_attributes(project, touched)
    return summary


def _import_one(project: Project, path: Path, sheet_attrs: dict[str, str]
                ) -> tuple[ImportOutcome, list[str]]:
    """The outcome for one file, and the attribute names it gave values to."""
    try:
        transcript = read_transcript(path)  # raises nothing but TranscriptImportError
    except TranscriptImportError as exc:
        return ImportOutcome(path, "failed", exc.reason, str(exc)), []
    existing = project.documents.find_by_hash(transcript.sha256)
    if existing is not None:
        return ImportOutcome(path, "skipped", "duplicate",
                             f"{display_name(path)}: already in the project as {existing.name}.",
                             name=existing.name), []
    # The sheet wins over the document's own metadata table, matching names case-insensitively.
    sheet_keys = {k.casefold() for k in sheet_attrs}
    attrs = {k: v for k, v in transcript.attributes.items() if k.casefold() not in sheet_keys}
    attrs.update(sheet_attrs)
    try:
        with project.store.write():
            doc_id = project.documents.add_transcript(replace(transcript, attributes=attrs))
            case = next((attrs[n] for n in CASE_ATTRIBUTE_NAMES if attrs.get(n, "").strip()), None)
            if case:
                project.attributes.assign_case(doc_id, project.attributes.ensure_case(case))
    except DuplicateDocumentError as exc:
        return ImportOutcome(path, "skipped", exc.code, str(exc)), []
    except DuidingError as exc:
        return ImportOutcome(path, "failed", exc.code, str(exc)), []
    return ImportOutcome(path, "imported", document_id=doc_id, name=transcript.name,
                         speakers=tuple(transcript.speakers), turns=len(transcript.turns),
                         message="; ".join(transcript.warnings)), list(attrs)


def _retype_attributes(project: Project, touched: set[str]) -> None:
    """Type every attribute this import filled from all its values (one query, one write)."""
    if not touched:
        return
    wanted = {name.strip().casefold() for name in touched}
    values = project.attributes.values_by_name()
    types = {name: guess_type(values.get(name, [])) for _, name, kind in project.attributes.list()
             if name.casefold() in wanted}
    current = {name: kind for _, name, kind in project.attributes.list()}
    changed = {name: kind for name, kind in types.items() if current.get(name) != kind}
    if changed:
        project.attributes.set_types(changed)


def apply_attribute_sheet(project: Project, path: Path | str) -> tuple[int, AttributeSheet]:
    """Attach a sheet's attributes to documents already in the project (one transaction)."""
    sheet = read_attribute_sheet(path)
    docs = project.documents.list()
    match = match_rows(sheet, [d.name for d in docs])
    touched: set[str] = set()
    with project.store.write():
        for doc in docs:
            for name, value in match.attributes.get(doc.name, {}).items():
                project.attributes.set_document_value(doc.id, name, value)
                touched.add(name)
        project.attributes.cases_from_attribute()
    _retype_attributes(project, touched)
    return len(match.attributes), sheet


class ImportFiles(ImportedDocuments):
    """Importing files and folders as one user action (the GUI runs it in the background).

    Each file is still stored in its own transaction, so a broken file is reported and left
    out while the others are imported (see the module docstring). Undo removes every document the
    import added; redo restores them with their IDs.
    """

    def __init__(self, paths: Iterable[Path | str], attributes: Path | str | None = None) -> None:
        super().__init__([])
        self.paths, self.attributes = list(paths), attributes
        self.summary: ImportSummary | None = None

    def do(self, p: Project) -> Changes:
        if self.summary is not None:
            return super().do(p)
        self.summary = import_paths(p, self.paths, attributes=self.attributes,
                                    progress=self.report_progress, cancelled=self.cancelled)
        self.doc_ids = self.summary.imported
        self.detail = str(len(self.doc_ids))
        return Changes(documents=True, attributes=True, codes=True)

    def is_empty(self) -> bool:
        return self.summary is not None and not self.summary.imported
