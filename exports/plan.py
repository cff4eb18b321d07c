"""One export plan for the export dialog and `duiding export`: what is written where.

The dialog and the command line both build an `ExportRequest` (plain values) and call
`run_export`; the rules in between — which themes exist, where each file of a `per` export goes,
what happens when no document has a value for `per`, which marker codes a codebook leaves out,
whether the project still holds personal data that needs the user's consent to leave —
live here once, so the two can never write different files for the same request.

Personal data (issue #17): when documents were never pseudonymised or detections were never
reviewed, `run_export` raises `PersonalDataInExport` (counts and the first names found) before
anything is written, unless the request says `allow_personal_data` — the CLI's
``--allow-personal-data``, the GUI's "Doorgaan met exporteren". Consent covers the names not
yet applied in the pseudonymisation guard too; an applied original (the key) never leaves. A
codebook (.qdc) holds no transcript text and never asks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from coding.project import Project
from coding.pseudonymise.coverage import PersonalData, personal_data
from coding.pseudonymise.guard import allow_unreviewed, unreviewed_allowed
from exports.chapter import (
    ChapterOptions,
    ExportCancelled,
    per_destination,
    per_values,
    write_chapter,
)
from exports.chapter_text import SUPPRESSION_STYLES
from exports.qdpx_project import QdpxOptions, export_qdc, export_qdpx
from exports.tables import write_csv, write_xlsx
from models.errors import DuidingError, ValidationError

Progress = Callable[[int, int, str], None]


class NothingToExport(ValidationError):
    """The request selects nothing (e.g. `per` an attribute no document has a value for)."""

    code = "nothing_to_export"


class PersonalDataInExport(DuidingError):
    """The project still holds personal data (documents never pseudonymised, detections not
    reviewed) and the request did not allow it to leave. Nothing was written."""

    code = "personal_data_in_export"

    def __init__(self, found: PersonalData) -> None:
        self.found = found
        parts = []
        if found.documents:
            parts.append(f"{len(found.documents)} of {found.total_documents} documents were "
                         "never pseudonymised")
        if found.unreviewed:
            parts.append(f"{found.unreviewed} detected name(s) are not reviewed")
        names = f" (names found: {', '.join(found.names)})" if found.names else ""
        super().__init__(f"export refused: {' and '.join(parts)}{names}; pseudonymise first "
                         "(duiding pseudonymise --apply) or pass --allow-personal-data")


@dataclass(frozen=True)
class FormatSpec:
    suffix: str
    selection: bool  # takes where/per/themes
    per: bool  # can write one file per value
    transcripts: bool = True  # writes text from the documents (a codebook does not)


FORMATS = {
    "word": FormatSpec(".docx", True, True),
    "xlsx": FormatSpec(".xlsx", True, True),
    "csv": FormatSpec(".csv", True, True),
    "qdpx": FormatSpec(".qdpx", False, False),
    "qdc": FormatSpec(".qdc", False, False, transcripts=False),
}


@dataclass(frozen=True)
class ExportResult:
    files: list[Path]
    counts: dict[str, int] = field(default_factory=dict)  # what a whole-project export holds
    # REFI-QDA: code names used more than once -> their paths, and the names written as paths.
    duplicate_names: dict[str, list[str]] = field(default_factory=dict)
    qualified: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    dest: Path
    chapter: ChapterOptions = field(default_factory=ChapterOptions)  # tables: where/per/themes
    qdpx: QdpxOptions = field(default_factory=QdpxOptions)  # qdpx and qdc
    allow_personal_data: bool = False  # the user was told and agreed (see PersonalDataInExport)


def check_request(project: Project, req: ExportRequest) -> None:
    """Refuse what cannot be written, before anything is: an unknown format, filters on a
    whole-project format, an unknown theme, a `per` attribute without values."""
    spec = FORMATS.get(req.fmt)
    if spec is None:
        raise ValidationError(f"unknown export format {req.fmt!r} (known: {', '.join(FORMATS)})")
    opts = req.chapter
    if opts.suppress_style not in SUPPRESSION_STYLES:
        raise ValidationError(f"small counts read 'lt' (< N) or 'dash' (–), not "
                              f"{opts.suppress_style!r}")
    if not spec.selection and (opts.where or opts.per):
        raise ValidationError(f"--where and --per do not apply to {req.fmt} exports "
                              "(the whole project)")
    known = {c.path.casefold() for c in project.codes.tree()}
    for theme in opts.themes:
        if isinstance(theme, str) and not theme.isdigit() \
                and theme.strip("/").casefold() not in known:
            raise ValidationError(f"unknown code {theme!r} in the themes")
    if opts.per and not per_values(project, opts.per, opts.where):
        raise NothingToExport(f"no documents have a value for {opts.per!r}")


def check_personal_data(project: Project, req: ExportRequest) -> None:
    """Refuse, naming counts and names, when personal data would leave without consent.

    Detection runs without deduce (see coding.pseudonymise.coverage), still call it off the GUI
    thread. Names already allowed through the guard (``--allow-unreviewed``) are not asked
    about again; documents never pseudonymised are."""
    if req.allow_personal_data or not FORMATS[req.fmt].transcripts:
        return
    found = personal_data(project, unreviewed=not unreviewed_allowed())
    if found:
        raise PersonalDataInExport(found)


def run_export(project: Project, req: ExportRequest, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Write the export; returns the files written (raises the exporters' errors)."""
    check_request(project, req)
    check_personal_data(project, req)
    if req.allow_personal_data:  # consent covers names detected but not applied
        with allow_unreviewed(True):
            return _write(project, req, progress, cancelled)
    return _write(project, req, progress, cancelled)


def _write(project: Project, req: ExportRequest, progress: Progress | None,
           cancelled: Callable[[], bool] | None) -> ExportResult:
    report = progress or (lambda _d, _t, _n: None)
    stop = cancelled or (lambda: False)
    if req.fmt == "word":
        return ExportResult(write_chapter(project, req.chapter, req.dest,
                                          progress=lambda done, total: report(done, total, ""),
                                          cancelled=stop))
    if req.fmt in ("xlsx", "csv"):
        return ExportResult(_tables(project, req, report, stop))
    report(0, 1, "")
    if req.fmt == "qdpx":
        done = export_qdpx(project, with_suffix(req.dest, ".qdpx"), req.qdpx)
        counts = {"documents": done.documents, "codes": done.codes,
                  "selections": done.selections, "notes": done.notes, "sets": done.sets}
    else:  # the codebook without Duiding's marker codes, with its code groups
        done = export_qdc(project, with_suffix(req.dest, ".qdc"), req.qdpx)
        counts = {"codes": done.codes, "sets": done.sets}
    report(1, 1, "")
    return ExportResult([done.path], counts, done.duplicate_names, done.qualified)


def with_suffix(dest: Path, suffix: str) -> Path:
    return dest if dest.suffix.lower() == suffix else dest.with_name(dest.name + suffix)


def _tables(project: Project, req: ExportRequest, progress: Progress,
            cancelled: Callable[[], bool]) -> list[Path]:
    suffix = FORMATS[req.fmt].suffix
    opts, out = req.chapter, req.dest
    jobs = [(opts.where, out / f"fragmenten{suffix}" if out.is_dir() else
             with_suffix(out, suffix))]
    if opts.per:
        jobs = [(opts.where + ((opts.per, v),), per_destination(out, v, "fragmenten", suffix))
                for v in per_values(project, opts.per, opts.where)]
    write = write_xlsx if req.fmt == "xlsx" else write_csv
    written: list[Path] = []
    for i, (where, dest) in enumerate(jobs):
        if cancelled():
            raise ExportCancelled(written)
        progress(i, len(jobs), dest.name)
        written.append(write(project, dest, where=where, themes=opts.themes,
                             respondent_only=opts.respondent_only))
    progress(len(jobs), len(jobs), "")
    return written
