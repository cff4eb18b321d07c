"""Opening a project from the workbench: a project file, a team project's connection file or
server address, a new project, the demo — and what the window asks on the way (a file name, a
password, read-only when another window or command holds the project).

Each function returns the project (or the file to open), or None when the user cancelled or the
error has been shown; the window then shows the project. The strings are the main window's
(translation context "MainWindow").
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.demo import create_demo_project
from app.errors import show_error
from app.panels.avg import NewProjectDialog, open_encrypted
from app.team_ui import open_with_password
from coding.project import CONNECTION_SUFFIX, PROJECT_SUFFIX, Project
from models.errors import ProjectLockedError


def open_location(parent: QWidget, location: Path | str, *, readonly: bool = False,
                  coder: str | None = None) -> Project | None:
    """Open a project file, a .duiding-team connection file or a postgresql:// address."""
    try:
        if Project.is_encrypted(location):  # the password is asked, used and not kept
            return open_encrypted(Path(location), parent, readonly=readonly, coder=coder)
        # a server's password: libpq's own sources, else asked and kept in memory
        return open_with_password(parent, str(location), lambda pw: Project.open(
            location, readonly=readonly, password=pw, coder=coder))
    except ProjectLockedError:
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("MainWindow", "Project in use"),
            QCoreApplication.translate(
                "MainWindow", "“{name}” is open in another Duiding window or command. Open it "
                "read-only?").format(name=Path(location).name),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Open:
            return None
        return open_location(parent, location, readonly=True, coder=coder)
    except Exception as exc:
        show_error(parent, exc)
        return None


def create_file(parent: QWidget, path: Path, codebook: str, password: str | None,
                coder: str | None) -> Project | None:
    try:
        return Project.create(path, codebook=codebook, coder=coder, password=password)
    except Exception as exc:
        show_error(parent, exc)
        return None


def ask_new_project(parent: QWidget) -> tuple[Path, str, str | None] | None:
    """File → New project: where, which codebook, and a password when it is to be encrypted."""
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("MainWindow", "New project"), "",
        QCoreApplication.translate("MainWindow", "Duiding project") + f" (*{PROJECT_SUFFIX})")
    if not name:
        return None
    dialog = NewProjectDialog(parent)
    if dialog.exec() != NewProjectDialog.DialogCode.Accepted:
        return None
    return Path(name), str(dialog.codebook.currentData()), dialog.chosen_password()


def ask_project_file(parent: QWidget) -> Path | None:
    """File → Open project: a project file or a team project's connection file."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("MainWindow", "Open project"), "",
        QCoreApplication.translate("MainWindow", "Duiding project")
        + f" (*{PROJECT_SUFFIX} *{CONNECTION_SUFFIX});;"
        + QCoreApplication.translate("MainWindow", "Team project connection")
        + f" (*{CONNECTION_SUFFIX})")
    return Path(name) if name else None


def demo_file(parent: QWidget, coder: str | None) -> Path | None:
    """Create (or re-create) the demo project in the user's data folder."""
    try:
        return create_demo_project(Path(user_data_dir("duiding", appauthor=False)) / "demo",
                                   coder=coder)
    except Exception as exc:
        show_error(parent, exc)
        return None
