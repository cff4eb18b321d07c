"""REFI-QDA import (File → Import REFI-QDA…): a .qdpx becomes a NEW project, a .qdc adds its
codes and code groups to the open codebook; both in a worker, then a readable report: what came
in, where the memos went, and everything that could not be kept, by kind, with a count and the
first few names (audio, video, pictures, PDF regions, memos whose target is missing, sets...).

Why a new project for .qdpx: a project from another tool has its own documents, coders and
codebook; pouring it into the open study would mix two studies. Merging is a separate, undoable
step (File → Merge projects…). The plans are ``importers.qdpx_project``, which ``duiding
import-qdpx`` runs too.
"""

from __future__ import annotations

import html
from pathlib import Path

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
from app.panels import PanelHost
from app.panels.out_common import file_action, show_message
from coding.commands import ImportCodebook
from coding.interchange import ImportReport
from coding.project import PROJECT_SUFFIX, Project
from importers.qdpx_project import QdpxImport, codebook_command, import_qdpx_file, project_path


def _count_label(key: str) -> str:
    table = {
        "documents": QCoreApplication.translate("RefiImport", "documents"),
        "codes": QCoreApplication.translate("RefiImport", "codes"),
        "segments": QCoreApplication.translate("RefiImport", "coded fragments"),
        "coders": QCoreApplication.translate("RefiImport", "coders"),
        "cases": QCoreApplication.translate("RefiImport", "cases"),
        "attributes": QCoreApplication.translate("RefiImport", "attributes"),
        "memos": QCoreApplication.translate("RefiImport", "memos"),
        "groups": QCoreApplication.translate("RefiImport", "code and document groups"),
    }
    return table.get(key, key)


def _memo_label(where: str) -> str:
    table = {
        "project": QCoreApplication.translate("RefiImport", "on the project"),
        "code": QCoreApplication.translate("RefiImport", "on codes"),
        "document": QCoreApplication.translate("RefiImport", "on documents"),
        "case": QCoreApplication.translate("RefiImport", "on cases"),
        "fragment": QCoreApplication.translate("RefiImport", "in the memo of a coded fragment"),
        "document_position": QCoreApplication.translate(
            "RefiImport", "on a passage of a document (no code there)"),
    }
    return table.get(where, where)


def _kind_label(kind: str) -> str:
    table = {
        "audio": QCoreApplication.translate("RefiImport", "audio"),
        "video": QCoreApplication.translate("RefiImport", "video"),
        "picture": QCoreApplication.translate("RefiImport", "pictures"),
        "pdf": QCoreApplication.translate("RefiImport", "PDF documents"),
        "text": QCoreApplication.translate("RefiImport", "text sources"),
        "selection": QCoreApplication.translate("RefiImport", "coded fragments"),
        "coding": QCoreApplication.translate("RefiImport", "codings"),
        "graph": QCoreApplication.translate("RefiImport", "graphs"),
        "link": QCoreApplication.translate("RefiImport", "links"),
        "note": QCoreApplication.translate("RefiImport", "memos"),
        "note reference": QCoreApplication.translate("RefiImport", "memo attachments"),
        "set": QCoreApplication.translate("RefiImport", "sets"),
        "set member": QCoreApplication.translate("RefiImport", "set members"),
        "case": QCoreApplication.translate("RefiImport", "cases"),
        "case link": QCoreApplication.translate("RefiImport", "case links"),
        "case code link": QCoreApplication.translate("RefiImport", "codes that stand for a case"),
        "code": QCoreApplication.translate("RefiImport", "codes"),
        "folder": QCoreApplication.translate("RefiImport", "folders (not codable)"),
    }
    return table.get(kind, kind)


def _reason_label(reason: str) -> str:
    table = {
        "not_text": QCoreApplication.translate("RefiImport", "Duiding works with text only"),
        "pdf_area": QCoreApplication.translate(
            "RefiImport", "regions of a PDF page cannot be represented"),
        "outside_text": QCoreApplication.translate(
            "RefiImport", "the position lies outside the text"),
        "no_guid": QCoreApplication.translate("RefiImport", "it has no identifier"),
        "no_codes": QCoreApplication.translate("RefiImport", "the fragment has no code"),
        "unknown_code": QCoreApplication.translate(
            "RefiImport", "it refers to a code that is not in the codebook"),
        "missing_file": QCoreApplication.translate(
            "RefiImport", "the file is missing from the archive"),
        "not_supported": QCoreApplication.translate("RefiImport", "Duiding has no equivalent"),
        "selection_members": QCoreApplication.translate(
            "RefiImport", "case members that are fragments, not documents"),
        "target_missing": QCoreApplication.translate(
            "RefiImport", "what it belongs to was not imported; kept as a project memo"),
        "source_missing": QCoreApplication.translate(
            "RefiImport", "the document it names is not in the file"),
        "empty_text": QCoreApplication.translate("RefiImport", "the memo has no text"),
        "rich_text_only": QCoreApplication.translate(
            "RefiImport", "the memo is only a Word file, without plain text"),
        "memo_group": QCoreApplication.translate(
            "RefiImport", "groups of memos are not kept"),
        "empty": QCoreApplication.translate("RefiImport", "it has no member Duiding keeps"),
        "member_missing": QCoreApplication.translate(
            "RefiImport", "some members are not in the file as text or codes"),
        "coded_folder": QCoreApplication.translate(
            "RefiImport", "the folder carries codings, so it was kept as a code"),
    }
    return table.get(reason, reason)


def _position_label(unit: str) -> str:
    table = {
        "codepoints": QCoreApplication.translate("RefiImport", "characters (as the standard says)"),
        "utf16": QCoreApplication.translate(
            "RefiImport", "UTF-16 units (as NVivo writes them); converted"),
        "codepoints_lf": QCoreApplication.translate(
            "RefiImport", "characters with Windows line ends; converted"),
        "utf16_lf": QCoreApplication.translate(
            "RefiImport", "UTF-16 units with Windows line ends; converted"),
    }
    return table.get(unit, unit)


def report_html(report: ImportReport, counts: dict[str, int], target: str) -> str:
    e = html.escape
    parts = [f"<p><b>{e(Path(report.path).name or '')}</b> → {e(target)}</p>"]
    if report.origin:
        parts.append("<p>" + e(QCoreApplication.translate("RefiImport", "Made with: {origin}")
                               .format(origin=report.origin)) + "</p>")
    shown = [(k, v) for k, v in counts.items() if v or k in ("documents", "codes")]
    parts.append("<h3>" + e(QCoreApplication.translate("RefiImport", "Imported")) + "</h3><ul>"
                 + "".join(f"<li>{v} {e(_count_label(k))}</li>" for k, v in shown) + "</ul>")
    if report.memos:
        parts.append("<h3>" + e(QCoreApplication.translate("RefiImport", "Where the memos went"))
                     + "</h3><ul>" + "".join(f"<li>{n} {e(_memo_label(w))}</li>"
                                             for w, n in sorted(report.memos.items())) + "</ul>")
    parts.append("<p>" + e(QCoreApplication.translate("RefiImport", "Positions read as: {unit}")
                           .format(unit=_position_label(report.position_unit))) + "</p>")
    dropped = report.dropped()
    if dropped:
        parts.append("<h3>" + e(QCoreApplication.translate("RefiImport", "Not kept")) + "</h3><ul>")
        for group in dropped:
            names = ", ".join(f"“{n}”" for n in group.names)
            if group.count > len(group.names) and names:
                names += ", …"
            line = f"<b>{group.count} × {e(_kind_label(group.kind))}</b>: " \
                   f"{e(_reason_label(group.reason))}"
            if names:
                line += " — " + e(QCoreApplication.translate("RefiImport", "for example {names}")
                                  .format(names=names))
            parts.append(f"<li>{line}</li>")
        parts.append("</ul>")
    else:
        parts.append("<p>" + e(QCoreApplication.translate(
            "RefiImport", "Everything in the file was imported.")) + "</p>")
    if report.warnings:
        parts.append("<h3>" + e(QCoreApplication.translate("RefiImport", "Remarks")) + "</h3><ul>"
                     + "".join(f"<li>{e(w)}</li>" for w in report.warnings[:200]) + "</ul>")
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
        self.resize(560, 480)


def import_qdpx(host: PanelHost, source: Path, target: Path) -> ops.Task:
    """Import `source` into a new project at `target`, then open it in the window."""
    location = project_path(target)
    ctx = host.ctx
    coder = ctx.coder or None

    def done(result: QdpxImport) -> None:
        try:
            ctx.set_project(Project.open(result.project, coder=coder))
        except Exception as exc:
            show_error(host.window, exc)
            return
        name = result.project.name if isinstance(result.project, Path) else result.project
        ImportReportDialog(result.report, dict(vars(result.result)), name, host.window).open()

    return ops.run_task(lambda _p, _c: import_qdpx_file(source, location, coder),
                        parent=host.window,
                        label=QCoreApplication.translate("RefiImport", "Importing {name}…")
                        .format(name=source.name),
                        cancellable=False, on_done=done,
                        on_error=lambda exc: show_error(host.window, exc))


def import_qdc(host: PanelHost, source: Path) -> ops.Task | None:
    """Add the codes and code groups of a .qdc codebook to the open project (one undo step)."""
    ctx = host.ctx
    project = ctx.project
    if project is None or ctx.readonly:
        show_message(host.window, QCoreApplication.translate(
            "RefiImport", "Open a project (not read-only) to add a codebook to."))
        return None

    def done(command: ImportCodebook) -> None:
        if ctx.run(command, parent=host.window) is None:  # one undoable step; errors shown
            return
        counts = dict(vars(command.result)) if command.result is not None else {}
        ImportReportDialog(command.report, counts, project.name, host.window).open()

    # Reading and checking the file is the slow, hostile part: off the GUI thread.
    return ops.run_task(lambda _p, _c: codebook_command(source), parent=host.window,
                        label=QCoreApplication.translate("RefiImport", "Importing {name}…")
                        .format(name=source.name),
                        cancellable=False, on_done=done,
                        on_error=lambda exc: show_error(host.window, exc))


def ask_import(host: PanelHost) -> ops.Task | None:
    name, _ = QFileDialog.getOpenFileName(
        host.window, QCoreApplication.translate("RefiImport", "Import REFI-QDA"), "",
        QCoreApplication.translate(
            "RefiImport", "REFI-QDA project or codebook (*.qdpx *.qdc);;REFI-QDA project "
                          "(*.qdpx);;REFI-QDA codebook (*.qdc)"))
    if not name:
        return None
    source = Path(name)
    if source.suffix.lower() == ".qdc":
        return import_qdc(host, source)
    target, _ = QFileDialog.getSaveFileName(
        host.window, QCoreApplication.translate("RefiImport", "Save the imported project as"),
        str(source.with_suffix(PROJECT_SUFFIX)),
        QCoreApplication.translate("RefiImport", "Duiding projects (*.duiding)"))
    if not target:
        return None
    return import_qdpx(host, source, Path(target))


def install(host: PanelHost) -> None:
    action = file_action(host, QCoreApplication.translate("RefiImport", "Import REFI-QDA…"),
                         "actionImportRefi")
    action.triggered.connect(lambda: ask_import(host))
