"""REFI-QDA import (File → Import REFI-QDA…): a .qdpx becomes a NEW project, a .qdc adds its
codes to the open codebook; both in a worker, then a readable report of what came in and what
could not be represented (audio, video, pictures, PDF regions…).

Why a new project for .qdpx: a project from another tool has its own documents, coders and
codebook; pouring it into the open study would mix two studies. Merging is a separate, undoable
step (File → Merge projects…). The calls mirror `duiding import-qdpx` (app/cli/refi.py).
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.errors import show_error
from app.panels.out_common import file_action, show_message
from coding.interchange import ImportReport
from coding.project import PROJECT_SUFFIX, Project


def _t(text: str) -> str:
    return QCoreApplication.translate("RefiImport", text)


def _count_label(key: str) -> str:
    table = {
        "documents": _t("documents"), "codes": _t("codes"), "segments": _t("coded fragments"),
        "coders": _t("coders"), "cases": _t("cases"), "attributes": _t("attributes"),
        "memos": _t("memos"),
    }
    return table.get(key, key)


def _kind_label(kind: str) -> str:
    table = {
        "audio": _t("audio"), "video": _t("video"), "picture": _t("pictures"),
        "pdf": _t("PDF documents"), "selection": _t("coded fragments"),
        "coding": _t("codings"), "graph": _t("graphs"), "link": _t("links"),
        "source": _t("sources"), "note": _t("notes"), "set": _t("sets"),
        "variable": _t("variables"), "case": _t("cases"), "code": _t("codes"),
    }
    return table.get(kind, kind)


def _reason_label(reason: str) -> str:
    table = {
        "not_text": _t("Duiding works with text only"),
        "pdf_area": _t("regions of a PDF page cannot be represented"),
        "outside_text": _t("the position lies outside the text"),
        "no_guid": _t("it has no identifier"),
        "no_codes": _t("the fragment has no code"),
        "unknown_code": _t("it refers to a code that is not in the codebook"),
        "missing_file": _t("the file is missing from the archive"),
        "not_supported": _t("Duiding has no equivalent"),
        "selection_members": _t("case members that are fragments, not documents"),
        "target_not_imported": _t("what it belongs to was not imported"),
    }
    return table.get(reason, reason)


def _position_label(unit: str) -> str:
    table = {
        "codepoints": _t("characters (as the standard says)"),
        "utf16": _t("UTF-16 units (as NVivo writes them); converted"),
        "codepoints_lf": _t("characters with Windows line ends; converted"),
        "utf16_lf": _t("UTF-16 units with Windows line ends; converted"),
    }
    return table.get(unit, unit)


def report_html(report: ImportReport, counts: dict[str, int], target: str) -> str:
    e = html.escape
    parts = [f"<p><b>{e(Path(report.path).name or '')}</b> → {e(target)}</p>"]
    if report.origin:
        parts.append("<p>" + e(_t("Made with: {origin}").format(origin=report.origin)) + "</p>")
    shown = [(k, v) for k, v in counts.items() if v or k in ("documents", "codes")]
    parts.append("<h3>" + e(_t("Imported")) + "</h3><ul>"
                 + "".join(f"<li>{v} {e(_count_label(k))}</li>" for k, v in shown) + "</ul>")
    parts.append("<p>" + e(_t("Positions read as: {unit}").format(
        unit=_position_label(report.position_unit))) + "</p>")
    if report.skipped:
        by_kind = Counter(s.kind for s in report.skipped)
        parts.append("<h3>" + e(_t("Not imported")) + "</h3><ul>")
        parts += [f"<li>{n} × {e(_kind_label(k))}</li>" for k, n in by_kind.items()]
        parts.append("</ul><table cellspacing='3'>")
        for s in report.skipped[:200]:
            parts.append(f"<tr><td>{e(_kind_label(s.kind))}</td><td>{e(s.name)}</td>"
                         f"<td>{e(_reason_label(s.reason))}</td></tr>")
        parts.append("</table>")
        if len(report.skipped) > 200:
            parts.append("<p>" + e(_t("… and {n} more").format(n=len(report.skipped) - 200))
                         + "</p>")
    else:
        parts.append("<p>" + e(_t("Everything in the file was imported.")) + "</p>")
    if report.warnings:
        parts.append("<h3>" + e(_t("Remarks")) + "</h3><ul>"
                     + "".join(f"<li>{e(w)}</li>" for w in report.warnings) + "</ul>")
    return "".join(parts)


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, counts: dict[str, int], target: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("REFI-QDA import"))
        self.setObjectName("refiReport")
        self.view = QTextBrowser()
        self.view.setHtml(report_html(report, counts, target))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addWidget(buttons)
        self.resize(520, 460)


def _load_qdpx(source: Path, target: Path) -> tuple[ImportReport, dict[str, int]]:
    """Worker: read the .qdpx and store it in a new project file (removed again on failure)."""
    from coding.interchange import load_into
    from importers.qdpx import read_qdpx
    from importers.speakers import find_turns

    qda, report = read_qdpx(source)
    project = Project.create(target, codebook="empty", title=qda.name)
    try:
        result = load_into(project, qda, report, turns=find_turns)
    except BaseException:
        project.close()
        target.unlink(missing_ok=True)
        raise
    project.close()
    return report, dict(vars(result))


def import_qdpx(host: Any, source: Path, target: Path) -> ops.Task:
    """Import `source` into a new project at `target`, then open it in the window."""
    if target.suffix != PROJECT_SUFFIX:
        target = target.with_name(target.name + PROJECT_SUFFIX)
    ctx = host.ctx

    def done(result: tuple[ImportReport, dict[str, int]]) -> None:
        report, counts = result
        try:
            ctx.set_project(Project.open(target, coder=ctx.coder or None))
        except Exception as exc:
            show_error(host.window, exc)
            return
        ImportReportDialog(report, counts, target.name, host.window).open()

    return ops.run_task(lambda _p, _c: _load_qdpx(source, target), parent=host.window,
                        label=_t("Importing {name}…").format(name=source.name),
                        cancellable=False, on_done=done,
                        on_error=lambda exc: show_error(host.window, exc))


def import_qdc(host: Any, source: Path) -> ops.Task | None:
    """Add the codes of a .qdc codebook to the open project's codebook."""
    ctx = host.ctx
    project = ctx.project
    if project is None or ctx.readonly:
        show_message(host.window, _t("Open a project (not read-only) to add a codebook to."))
        return None

    def work(_p: Any, _c: Any) -> tuple[list[Any], ImportReport]:
        from importers.qdpx import read_qdc

        return read_qdc(source)  # reading and checking the file is the slow, hostile part

    def done(result: tuple[list[Any], ImportReport]) -> None:
        from coding.interchange import ImportCodebook

        codes, report = result
        command = ImportCodebook(codes, report, source.name)
        if ctx.run(command, parent=host.window) is None:  # one undoable step
            return
        counts = dict(vars(command.result)) if command.result is not None else {}
        ImportReportDialog(report, counts, project.name, host.window).open()

    return ops.run_task(work, parent=host.window,
                        label=_t("Importing {name}…").format(name=source.name),
                        cancellable=False, on_done=done,
                        on_error=lambda exc: show_error(host.window, exc))


def ask_import(host: Any) -> ops.Task | None:
    name, _ = QFileDialog.getOpenFileName(
        host.window, _t("Import REFI-QDA"), "",
        _t("REFI-QDA project or codebook (*.qdpx *.qdc);;REFI-QDA project (*.qdpx);;"
           "REFI-QDA codebook (*.qdc)"))
    if not name:
        return None
    source = Path(name)
    if source.suffix.lower() == ".qdc":
        return import_qdc(host, source)
    target, _ = QFileDialog.getSaveFileName(
        host.window, _t("Save the imported project as"),
        str(source.with_suffix(PROJECT_SUFFIX)), _t("Duiding projects (*.duiding)"))
    if not target:
        return None
    return import_qdpx(host, source, Path(target))


def install(host: Any) -> None:
    action = file_action(host, _t("Import REFI-QDA…"), "actionImportRefi")
    action.triggered.connect(lambda: ask_import(host))
