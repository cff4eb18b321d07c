"""Exporting a whole project to .qdpx or its codebook to .qdc: the one plan GUI and CLI run.

``duiding export qdpx|qdc`` and File → Export… both call ``export_qdpx``/``export_qdc``, so the
two cannot write different files. The plan: read the project into the interchange model (the
export guard checks every text there), drop Duiding's marker codes from a codebook, optionally
give non-unique code names their path (``--qualified-names``, for QualCoder and ATLAS.ti, which
merge codes that share a name), then write and validate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coding.interchange import QdaCode
from coding.interchange_conventions import (
    MARKER_GUIDS,
    duplicate_code_names,
    qualify_duplicate_names,
)
from coding.interchange_db import snapshot
from coding.project import Project
from exports.qdpx import write_qdc, write_qdpx


@dataclass(frozen=True)
class QdpxOptions:
    positions: str = "codepoints"  # or "utf16": what NVivo counts
    qualified_names: bool = False  # write "toegang/overig" for names that are not unique


@dataclass
class QdpxExport:
    """What an export wrote, and what the user should know about it."""

    path: Path
    documents: int = 0
    codes: int = 0
    selections: int = 0
    notes: int = 0
    sets: int = 0
    # Names used by more than one code -> their paths (found whether or not they were qualified).
    duplicate_names: dict[str, list[str]] = field(default_factory=dict)
    qualified: list[str] = field(default_factory=list)  # the names written as paths


def duplicate_names(project: Project) -> dict[str, list[str]]:
    """Code names that occur more than once in the codebook (compared without case)."""
    tree = project.codes.tree()
    return duplicate_code_names([QdaCode(c.guid.upper(), c.name) for c in tree],
                                {c.guid.upper(): c.path for c in tree})


def export_qdpx(project: Project, dest: Path, options: QdpxOptions = QdpxOptions()) -> QdpxExport:
    qda = snapshot(project)
    found = duplicate_code_names(qda.codes, qda.code_paths())
    qualified = qualify_duplicate_names(qda) if options.qualified_names else []
    path = write_qdpx(qda, dest, options.positions)
    return QdpxExport(path, len(qda.sources), len(qda.codes), len(qda.selections),
                      len(qda.notes), len(qda.sets), found, qualified)


def export_qdc(project: Project, dest: Path, options: QdpxOptions = QdpxOptions()) -> QdpxExport:
    qda = snapshot(project)
    qda.codes = [c for c in qda.codes if c.guid not in MARKER_GUIDS]
    found = duplicate_code_names(qda.codes, qda.code_paths())
    qualified = qualify_duplicate_names(qda) if options.qualified_names else []
    sets = [s for s in qda.sets if s.code_guids]
    path = write_qdc(qda.codes, dest, sets=sets)
    return QdpxExport(path, codes=len(qda.codes), sets=len(sets), duplicate_names=found,
                      qualified=qualified)
