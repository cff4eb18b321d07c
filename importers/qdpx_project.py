"""Importing a REFI-QDA file into a Duiding project: the one plan GUI and CLI run.

``duiding import-qdpx`` and File → Import REFI-QDA… both call these, so they cannot disagree. A
.qdpx goes into a project file (a new one by default: a project from another tool has its own
documents, coders and codebook, and pouring it into an open study would mix two studies); a
project that did not exist before is removed again when the import fails, so nothing half-made
stays behind. A .qdc joins the open codebook as one undoable command.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coding.commands import ImportCodebook
from coding.interchange import ImportReport
from coding.interchange_load import LoadResult, load_into
from coding.project import PROJECT_SUFFIX, Project
from importers.qdpx import read_codebook, read_qdpx
from importers.speakers import find_turns
from models.location import is_server_location


@dataclass
class QdpxImport:
    project: Path | str  # a project file, or a team project's URL or connection file
    created: bool
    report: ImportReport
    result: LoadResult


def project_path(target: Path | str) -> Path | str:
    """A project file's name with its suffix; a team project (URL, connection file) as given:
    it exists already (`duiding new` made it)."""
    if is_server_location(target):
        return target
    target = Path(target)
    return target if target.suffix == PROJECT_SUFFIX else target.with_name(
        target.name + PROJECT_SUFFIX)


def _is_new(target: Path | str) -> bool:
    return isinstance(target, Path) and not target.exists()


def import_qdpx_file(source: Path, target: Path | str, coder: str | None = None) -> QdpxImport:
    """Read ``source`` (.qdpx or .qde) into the project at ``target``, created when missing."""
    qda, report = read_qdpx(source)
    target = project_path(target)
    created = _is_new(target)
    project = (Project.create(target, codebook="empty", title=qda.name, coder=coder) if created
               else Project.open(target, coder=coder))
    try:
        result = load_into(project, qda, report, turns=find_turns)
    except BaseException:
        project.close()
        if created and isinstance(target, Path):
            target.unlink(missing_ok=True)
        raise
    project.close()
    return QdpxImport(target, created, report, result)


def codebook_command(source: Path) -> ImportCodebook:
    """The undoable step that adds a .qdc codebook (and its code groups) to a project."""
    codes, sets, report = read_codebook(source)
    report.counts["sets"] = len(sets)
    return ImportCodebook(codes, report, source.name, sets)


def import_qdc_file(source: Path, target: Path | str, coder: str | None = None) -> QdpxImport:
    """Add the codebook in ``source`` to the project at ``target`` (created when missing)."""
    command = codebook_command(source)
    target = project_path(target)
    created = _is_new(target)
    project = (Project.create(target, codebook="empty", title=source.stem, coder=coder)
               if created else Project.open(target, coder=coder))
    try:
        project.execute(command)
    except BaseException:
        project.close()
        if created and isinstance(target, Path):
            target.unlink(missing_ok=True)
        raise
    project.close()
    return QdpxImport(target, created, command.report, command.result or LoadResult())
