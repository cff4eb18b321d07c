"""The export dialog (File → Export…): findings chapter in Word, fragments in Excel or CSV, the
project or codebook as REFI-QDA.

Why one dialog: a research lead picks what to export and for whom (a municipality, a meting)
in one place; the options map one-to-one onto `ChapterOptions` and the table exporters, and the
work runs exactly as `duiding export` runs it (app/cli/export.py), in a worker with progress
and cancel. Refusals (original names still in the text, an export that does not validate) come
back as clear dialogs, never as half-written files. A project that still holds personal data
(documents never pseudonymised, detections not reviewed) is found by the plan in the worker,
before anything is written, and the user is asked with the counts and the first names found
(app/panels/personal_data.py); continuing runs the same request with their consent.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import ops
from app.errors import show_error
from app.panels import PanelHost
from app.panels.out_common import (
    CodeChecklist,
    file_action,
    fill_combo,
    show_message,
    show_written,
)
from app.panels.personal_data import PersonalDataWarning, ask_personal_data
from app.panels.pseudonym_refusal import show_refusal
from app.panels.refi_export import RefiExportOptions
from coding.pseudonymise.guard import OriginalInExport
from coding.pseudonymise.guard import allow_unreviewed as guard_allows
from coding.team import export_refusal
from exports.chapter import ChapterOptions
from exports.plan import (
    FORMATS,
    ExportRequest,
    ExportResult,
    PersonalDataInExport,
    run_export,
)
from models.errors import PermissionDeniedError


class ExportDialog(QDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: ops.Task | None = None
        self.written: list[Path] = []
        self.warning: PersonalDataWarning | None = None
        self.setWindowTitle(self.tr("Export"))
        self.setObjectName("exportDialog")
        project = ctx.project
        self._names = project.attributes.names() if project else []
        defaults = ChapterOptions()

        self.format = QComboBox(objectName="exportFormat")
        for key, label in (("word", self.tr("Findings chapter in Word (.docx)")),
                           ("xlsx", self.tr("Fragments in Excel (.xlsx)")),
                           ("csv", self.tr("Fragments as CSV for Excel (.csv)")),
                           ("qdpx", self.tr("REFI-QDA project for other tools (.qdpx)")),
                           ("qdc", self.tr("Codebook as REFI-QDA (.qdc)"))):
            self.format.addItem(label, key)
        self.output = QLineEdit(objectName="exportOutput")
        self.output_label = QLabel(self.tr("File"))
        browse = QPushButton(self.tr("Choose…"), objectName="exportBrowse")
        browse.clicked.connect(self._browse)

        # Selection: which fragments (word, xlsx, csv).
        self.where_attr = QComboBox(objectName="whereAttribute")
        self.where_value = QComboBox(objectName="whereValue")
        self.where_attr.addItems(self._names)
        self.where_attr.currentTextChanged.connect(self._fill_where_values)
        add_where = QPushButton(self.tr("Add"), objectName="whereAdd")
        add_where.clicked.connect(lambda: self.add_filter(self.where_attr.currentText(),
                                                          self.where_value.currentText()))
        self.where_list = QListWidget(objectName="whereList")
        self.where_list.setMaximumHeight(70)
        remove_where = QPushButton(self.tr("Remove"))
        remove_where.clicked.connect(lambda: [self.where_list.takeItem(self.where_list.row(i))
                                              for i in self.where_list.selectedItems()])
        self.per = QComboBox(objectName="exportPer")
        fill_combo(self.per, [(self.tr("(one file)"), None)] + [(n, n) for n in self._names])
        self.per.currentIndexChanged.connect(self._format_changed)
        self.themes = CodeChecklist(tristate=True)
        self.themes.setObjectName("exportThemes")
        if project is not None:
            self.themes.set_codes(project.codes.tree(), lambda _c: True)
        self.respondent_only = QCheckBox(self.tr("Leave out fragments in interviewer turns"))

        selection = QWidget()
        sf = QFormLayout(selection)
        where_row = QHBoxLayout()
        where_row.addWidget(self.where_attr, 1)
        where_row.addWidget(QLabel("="))
        where_row.addWidget(self.where_value, 1)
        where_row.addWidget(add_where)
        sf.addRow(self.tr("Only documents with"), where_row)
        list_row = QHBoxLayout()
        list_row.addWidget(self.where_list, 1)
        list_row.addWidget(remove_where, 0, Qt.AlignmentFlag.AlignTop)
        sf.addRow("", list_row)
        sf.addRow(self.tr("One file per value of"), self.per)
        sf.addRow(self.tr("Themes"), self.themes)
        sf.addRow("", self.respondent_only)

        # Chapter (word only).
        self.title = QLineEdit(defaults.title, objectName="exportTitle")
        self.max_quotes = QSpinBox(objectName="exportMaxQuotes")
        self.max_quotes.setRange(0, 50)
        self.max_quotes.setValue(defaults.max_quotes_per_theme)
        self.min_count = QSpinBox(objectName="exportMinCount")
        self.min_count.setRange(0, 50)
        self.min_count.setValue(defaults.min_count)
        self.min_count.setSpecialValueText(self.tr("show every count"))
        self.min_count.setToolTip(self.tr("Privacy: numbers of respondents below this value "
                                          "appear as “< N”."))
        self.suppress_as = QComboBox(objectName="exportSuppressAs")
        fill_combo(self.suppress_as, [(self.tr("“< N”"), "lt"), (self.tr("“–”"), "dash")])
        self.name_coders = QCheckBox(self.tr("Name the coders in the method paragraph"),
                                     objectName="exportNameCoders")
        self.name_coders.setChecked(defaults.name_coders)
        self.attribution = QLineEdit(defaults.attribution_pattern, objectName="exportAttribution")
        hint = QLabel(self.tr("Placeholders: {names}").format(
            names=", ".join("{" + n + "}" for n in self._names) or "–"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.compare_attr = QComboBox(objectName="exportCompare")
        fill_combo(self.compare_attr, [(self.tr("(no comparison)"), None)]
                   + [(n, n) for n in self._names])
        self.compare_values = QListWidget(objectName="exportCompareValues")
        self.compare_values.setMaximumHeight(60)
        self.compare_attr.currentIndexChanged.connect(self._fill_compare_values)
        self.template = QLineEdit(objectName="exportTemplate")
        self.template.setPlaceholderText(self.tr("built-in layout"))
        pick_template = QPushButton(self.tr("Choose…"))
        pick_template.clicked.connect(self._browse_template)

        chapter = QWidget()
        outer = QVBoxLayout(chapter)
        cf = QFormLayout()
        outer.addLayout(cf)
        outer.addStretch(1)
        cf.addRow(self.tr("Title"), self.title)
        cf.addRow(self.tr("Quotes per theme (at most)"), self.max_quotes)
        cf.addRow(self.tr("Hide counts below"), self.min_count)
        cf.addRow(self.tr("Hidden counts read"), self.suppress_as)
        cf.addRow("", self.name_coders)
        cf.addRow(self.tr("Quote attribution"), self.attribution)
        cf.addRow("", hint)
        cf.addRow(self.tr("Compare by"), self.compare_attr)
        cf.addRow(self.tr("Values to compare"), self.compare_values)
        t_row = QHBoxLayout()
        t_row.addWidget(self.template, 1)
        t_row.addWidget(pick_template)
        cf.addRow(self.tr("Word template (.docx/.dotx)"), t_row)
        self.include_matrix = QCheckBox(
            self.tr("Append the framework matrix with its cell summaries (per case)"),
            objectName="exportIncludeMatrix")
        self.include_matrix.setChecked(defaults.include_matrix)
        cf.addRow("", self.include_matrix)
        self.include_history = QCheckBox(
            self.tr("Add the help history per family (timelines and durations)"),
            objectName="exportIncludeHistory")
        self.include_history.setChecked(defaults.include_history)
        cf.addRow("", self.include_history)
        # Questionnaire figures: only where the project holds a questionnaire.
        self.survey_threshold = QSpinBox(objectName="exportSurveyThreshold")
        self.survey_threshold.setRange(0, 100)
        self.survey_threshold.setValue(defaults.survey_threshold)
        self.survey_threshold.setSpecialValueText(self.tr("show every figure"))
        self.survey_by = QComboBox(objectName="exportSurveyBy")
        fill_combo(self.survey_by, [(self.tr("(no second table)"), None)]
                   + [(n, n) for n in self._names])
        if project is not None and project.surveys.imports():
            cf.addRow(self.tr("Questionnaire: hide figures of fewer respondents than"),
                      self.survey_threshold)
            cf.addRow(self.tr("Questionnaire: a second table per"), self.survey_by)

        self.tabs = QTabWidget(objectName="exportTabs")
        self.tabs.addTab(selection, self.tr("Selection"))
        self.tabs.addTab(chapter, self.tr("Chapter"))
        self.note = QLabel(self.tr("The whole project is exported: documents, codes, coded "
                                   "fragments, coders, attributes, cases and memos."))
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.refi = RefiExportOptions(project, self)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        top = QFormLayout()
        top.addRow(self.tr("Export"), self.format)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        top.addRow(self.output_label, out_row)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 100)
        lay.addWidget(self.note)
        lay.addWidget(self.refi)
        lay.addStretch(1)  # without the tabs (REFI-QDA), the options stay together at the top
        lay.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._fill_where_values(self.where_attr.currentText())
        self._format_changed()
        self.resize(620, 640)

    # -- state ---------------------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        return str(self.format.currentData())

    def set_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(self.format.findData(fmt))

    def _default_output(self) -> Path:
        project = self.ctx.project
        folder = project.path.parent if project is not None and not project.is_server \
            else Path.home()
        if self.per.currentData() and FORMATS[self.fmt].per:
            return folder / self.tr("export")
        stem = {"word": "hoofdstuk", "xlsx": "fragmenten", "csv": "fragmenten",
                "qdc": "codeboek"}.get(self.fmt, project.title if project else "project")
        return folder / f"{stem}{FORMATS[self.fmt].suffix}"

    def _format_changed(self, *_args: Any) -> None:
        spec = FORMATS[self.fmt]
        self.tabs.setVisible(spec.selection)
        self.tabs.setTabEnabled(1, self.fmt == "word")
        self.note.setVisible(not spec.selection)
        self.refi.set_format(self.fmt)
        folder = bool(self.per.currentData()) and spec.per
        self.output_label.setText(self.tr("Folder") if folder else self.tr("File"))
        current = self.output.text().strip()
        known = {f.suffix for f in FORMATS.values()}
        if not current or Path(current).suffix in known or folder != (Path(current).suffix == ""):
            self.output.setText(str(self._default_output()))

    def _fill_where_values(self, name: str) -> None:
        project = self.ctx.project
        self.where_value.clear()
        if project is not None and name:
            self.where_value.addItems(project.attributes.values(name))

    def _fill_compare_values(self, *_args: Any) -> None:
        self.compare_values.clear()
        name, project = self.compare_attr.currentData(), self.ctx.project
        if not name or project is None:
            return
        for value in project.attributes.values(name):
            item = QListWidgetItem(value, self.compare_values)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)

    def add_filter(self, name: str, value: str) -> None:
        if not name:
            return
        item = QListWidgetItem(f"{name} = {value}", self.where_list)
        item.setData(Qt.ItemDataRole.UserRole, (name, value))

    def _browse(self) -> None:
        spec = FORMATS[self.fmt]
        if self.per.currentData() and spec.per:
            name = QFileDialog.getExistingDirectory(self, self.tr("Folder for the files"),
                                                    self.output.text())
        else:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.output.text(),
                                                  f"{spec.suffix[1:].upper()} (*{spec.suffix})")
            if name and not name.lower().endswith(spec.suffix):
                name += spec.suffix
        if name:
            self.output.setText(name)

    def _browse_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Word template"), "",
                                              self.tr("Word documents (*.docx *.dotx)"))
        if name:
            self.template.setText(name)

    # -- request -------------------------------------------------------------------------------

    def request(self) -> ExportRequest:
        """What the dialog asks for, as plain values (the worker gets only this)."""
        where = tuple(self.where_list.item(i).data(Qt.ItemDataRole.UserRole)
                      for i in range(self.where_list.count()))
        themes = tuple(self.themes.themes() or ())
        compare = self.compare_attr.currentData()
        values = tuple(self.compare_values.item(i).text() for i in
                       range(self.compare_values.count())
                       if self.compare_values.item(i).checkState() == Qt.CheckState.Checked)
        template = self.template.text().strip()
        chapter = ChapterOptions(
            title=self.title.text().strip() or ChapterOptions().title, where=where,
            per=self.per.currentData(), themes=themes,
            max_quotes_per_theme=self.max_quotes.value(), min_count=self.min_count.value(),
            attribution_pattern=self.attribution.text().strip()
            or ChapterOptions().attribution_pattern,
            compare_attribute=compare, compare_values=values if compare else (),
            template=Path(template) if template else None,
            respondent_only=self.respondent_only.isChecked(),
            include_matrix=self.include_matrix.isChecked(),
            include_history=self.include_history.isChecked(),
            suppress_style=str(self.suppress_as.currentData()),
            name_coders=self.name_coders.isChecked(),
            survey_threshold=self.survey_threshold.value(), survey_by=self.survey_by.currentData())
        return ExportRequest(self.fmt, Path(self.output.text().strip()), chapter,
                             self.refi.options())

    def problem(self, req: ExportRequest) -> str | None:
        if not str(req.dest) or str(req.dest) == ".":
            return self.tr("Choose where to write the export.")
        if req.chapter.template is not None and not req.chapter.template.is_file():
            return self.tr("The Word template was not found: {path}").format(
                path=req.chapter.template)
        if FORMATS[req.fmt].selection and self.themes.themes() == []:
            return self.tr("Choose at least one theme.")
        return None

    def start(self, allow_unreviewed: bool = False,
              allow_personal_data: bool = False) -> ops.Task | None:
        project = self.ctx.project
        if project is None:
            return None
        req = replace(self.request(), allow_personal_data=allow_personal_data)
        problem = self.problem(req)
        if problem:
            show_message(self, problem)
            return None
        self.export_button.setEnabled(False)

        def done(result: ExportResult) -> None:
            paths = self.written = result.files
            self.export_button.setEnabled(True)
            show_written(self.parentWidget(), self.tr("The export is ready."), paths)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            if isinstance(exc, PersonalDataInExport):  # ask, naming counts and names
                self.warning = ask_personal_data(
                    self.ctx, exc.found, lambda: self.start(allow_unreviewed, True), self)
            elif isinstance(exc, OriginalInExport):  # each finding with a way to fix it
                self.refusal = show_refusal(
                    self.ctx, exc, self,
                    export_anyway=lambda: self.start(True, allow_personal_data))
            else:
                show_error(self, exc)

        def work(progress: Any, cancelled: Any) -> ExportResult:
            with guard_allows(allow_unreviewed):  # the user confirmed, naming the count
                return run_export(project, req, progress, cancelled)

        self.task = ops.run_task(
            work,
            parent=self, label=self.tr("Exporting…"), writer=False, on_done=done,
            on_error=failed)
        return self.task


def _t(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def open_export(host: PanelHost, fmt: str | None = None) -> ExportDialog | None:
    if host.ctx.project is None:
        show_message(host.window, _t("Open a project first."))
        return None
    refusal = export_refusal(host.ctx.project)  # a team project: the role decides
    if refusal:
        show_error(host.window, PermissionDeniedError(refusal))
        return None
    dialog = ExportDialog(host.ctx, host.window)
    if fmt:
        dialog.set_format(fmt)
    dialog.open()
    return dialog


def install(host: PanelHost) -> None:
    action = file_action(host, _t("Export…"), "actionExport")
    action.setShortcut("Ctrl+E")
    action.triggered.connect(lambda: open_export(host))
