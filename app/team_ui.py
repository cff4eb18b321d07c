"""The workbench's face of a team project: where you are (server, database, your role), whether
the server is reachable, the password prompt, and opening a project by its server address.

What is shown comes from `Project.server_info()` and `ProjectContext.online_changed` (the change
listener's view of the connection); nothing here talks to the server itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QWidget

from app.context import ProjectContext
from coding.project import Project
from models.errors import AuthenticationError, PasswordNeededError

ROLE_LABELS = ("projectleider", "codeur", "lezer")


class TeamStatus(QLabel):
    """'Server db.hs.nl:5432 · jeugd2025 · anna (codeur) · online' in the status bar."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamStatus")
        self.ctx = ctx
        ctx.project_changed.connect(self.refresh)
        ctx.online_changed.connect(lambda _online: self.refresh())
        self.refresh()

    def role_text(self, role: str) -> str:
        return {"projectleider": self.tr("project lead"), "codeur": self.tr("coder"),
                "lezer": self.tr("reader")}.get(role, role)

    def refresh(self) -> None:
        p = self.ctx.project
        info = p.server_info() if p is not None else None
        if info is None:
            self.setText("")
            self.setVisible(False)
            return
        state = self.tr("online") if self.ctx.online else self.tr("offline — reconnecting…")
        self.setText(self.tr("Server {server} · {database} · {user} ({role}) · {state}").format(
            server=info.server, database=info.database, user=info.user,
            role=self.role_text(info.role), state=state))
        self.setStyleSheet("" if self.ctx.online else "color: #b00020; font-weight: bold;")
        self.setToolTip(self.tr("Team project on a PostgreSQL server. Other coders' work "
                                "appears here as they save it."))
        self.setVisible(True)


def open_with_password(parent: QWidget, location: str,
                       opener: Callable[[str | None], Project]) -> Project | None:
    """Open a project; when the server asks a password libpq did not find (.pgpass,
    PGPASSFILE), ask for it here (kept in memory only) and try again."""
    try:
        return opener(None)
    except AuthenticationError as exc:  # no password found, or a stale one in .pgpass
        first: AuthenticationError = exc
    title = QCoreApplication.translate("TeamDialogs", "Team project")
    while True:
        if isinstance(first, PasswordNeededError):
            label = QCoreApplication.translate(
                "TeamDialogs",
                "Password for the server (not saved; for a saved one use a .pgpass file):")
        else:
            label = QCoreApplication.translate(
                "TeamDialogs", "The server refused the password. Try again:")
        password, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
        if not ok:
            return None
        try:
            return opener(password)
        except AuthenticationError as exc:
            first = exc


def ask_server_address(parent: QWidget) -> str | None:
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("TeamDialogs", "Open team project"),
        QCoreApplication.translate(
            "TeamDialogs", "Address of the team project (postgresql://server/database):"),
        QLineEdit.EchoMode.Normal, "postgresql://")
    text = text.strip()
    return text if ok and text and text != "postgresql://" else None
