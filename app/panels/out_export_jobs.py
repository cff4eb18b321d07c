"""The work behind the export dialog, Qt-free: one function per format, as the CLI runs them.

Why apart from the dialog: the dialog only collects an `ExportRequest` (plain values); this
runs in a worker thread and mirrors `app/cli/export_report.py` and `app/cli/refi.py` call for
call, so the GUI and `duiding export` write the same files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from exports.chapter import ChapterOptions
from exports.qdpx_project import QdpxOptions, export_qdc, export_qdpx

if TYPE_CHECKING:
    from coding.project import Project

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class FormatSpec:
    suffix: str
    selection: bool  # takes where/per/themes
    per: bool  # can write one file per value


FORMATS = {
    "word": FormatSpec(".docx", True, True),
    "xlsx": FormatSpec(".xlsx", True, True),
    "csv": FormatSpec(".csv", True, True),
    "qdpx": FormatSpec(".qdpx", False, False),
    "qdc": FormatSpec(".qdc", False, False),
}


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    dest: Path
    chapter: ChapterOptions  # word uses all of it; tables use where, per, themes
    qdpx: QdpxOptions = QdpxOptions()  # qdpx and qdc


def run_export(project: Project, req: ExportRequest, progress: Progress,
               cancelled: Callable[[], bool]) -> list[Path]:
    """Write the export; returns the files written (raises the exporters' errors)."""
    if req.fmt == "word":
        from exports.chapter import write_chapter

        return write_chapter(project, req.chapter, req.dest,
                             progress=lambda done, total: progress(done, total, ""),
                             cancelled=cancelled)
    if req.fmt in ("xlsx", "csv"):
        return _tables(project, req, progress, cancelled)
    if req.fmt == "qdpx":
        progress(0, 1, "")
        return [export_qdpx(project, _with_suffix(req.dest, ".qdpx"), req.qdpx).path]
    if req.fmt == "qdc":
        return [export_qdc(project, _with_suffix(req.dest, ".qdc"), req.qdpx).path]
    raise ValueError(f"unknown export format {req.fmt!r}")


def _with_suffix(dest: Path, suffix: str) -> Path:
    return dest if dest.suffix.lower() == suffix else dest.with_name(dest.name + suffix)


def _tables(project: Project, req: ExportRequest, progress: Progress,
            cancelled: Callable[[], bool]) -> list[Path]:
    from exports.chapter import ExportCancelled, per_destination, per_values
    from exports.tables import write_csv, write_xlsx

    suffix = FORMATS[req.fmt].suffix
    opts = req.chapter
    out = req.dest
    jobs = [(opts.where, out / f"fragmenten{suffix}" if out.is_dir() else
             _with_suffix(out, suffix))]
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
