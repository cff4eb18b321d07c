"""Team projects: moving a project between a file and a server, and the team's members.

- ``push(file, server)``: a laptop project becomes a team project (IDs and GUIDs kept);
- ``clone(server, file)``: an offline copy (of what this user may read: under blind coding a
  codeur's copy holds their own fragments; nobody but the projectleider gets the pseudonym
  key). Its work comes back with the ordinary merge (``duiding merge SERVER FILE``), by GUID,
  so merging twice adds nothing the second time;
- ``TeamManager`` (``Project.team``-like, made on demand): add a user with a role, change a
  role, list members, blind coding on or off. The server enforces the roles; this only asks it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from coding.project import Project
from models.copy import copy_project
from models.errors import ValidationError
from models.location import ServerTarget, parse_location
from models.open import create_store, open_store
from models.server_store import ServerStore
from models.sessions import StoreBase
from models.team import ROLES, Member, add_user, blind, members, set_blind, set_role

__all__ = ["ROLES", "Member", "TeamManager", "clone", "push"]

Location = str | os.PathLike[str]


@dataclass(frozen=True)
class TransferReport:
    source: str
    target: str
    rows: dict[str, int]

    def as_json(self) -> dict[str, object]:
        return {"source": self.source, "target": self.target, "rows": self.rows}


def _transfer(source: Location, target: Location, password: str | None,
              source_password: str | None = None) -> TransferReport:
    counts: dict[str, int] = {}
    src = open_store(source, readonly=True, password=source_password)
    try:
        def populate(dst: StoreBase) -> None:
            with src.read() as s, dst.write() as d:
                counts.update(copy_project(s, d))

        dst = create_store(target, populate, password=password)
        report = TransferReport(src.name, dst.name, counts)
        dst.close()
    finally:
        src.close()
    return report


def push(file: Location, server: Location, *, password: str | None = None) -> TransferReport:
    """Upload a project file as a new team project (see the module docstring)."""
    if not isinstance(parse_location(server), ServerTarget):
        raise ValidationError(f"{server}: push to a postgresql:// address or a "
                              ".duiding-team connection file.")
    return _transfer(file, server, password)


def clone(server: Location, file: Location, *, password: str | None = None) -> TransferReport:
    """Take an offline copy of a team project into a new project file."""
    if not isinstance(parse_location(server), ServerTarget):
        raise ValidationError(f"{server}: clone from a postgresql:// address or a "
                              ".duiding-team connection file.")
    return _transfer(server, file, None, source_password=password)


class TeamManager:
    """The members of a team project and blind coding (projectleider only: the server says)."""

    def __init__(self, project: Project) -> None:
        if not isinstance(project.store, ServerStore):
            raise ValidationError(f"{project.name} is a project file: it has no team. Push it "
                                  "to a server first (duiding push).")
        self._store = project.store

    @property
    def role(self) -> str:
        return self._store.role

    def add_user(self, login: str, role: str, *, password: str | None = None,
                 coder: str | None = None) -> bool:
        with self._store.write() as s:
            return add_user(s, login, role, password=password, coder=coder)

    def set_role(self, login: str, role: str) -> None:
        with self._store.write() as s:
            set_role(s, login, role)

    def members(self) -> list[Member]:
        with self._store.read() as s:
            return members(s)

    def blind(self) -> bool:
        with self._store.read() as s:
            return blind(s)

    def set_blind(self, on: bool) -> None:
        with self._store.write() as s:
            set_blind(s, on)


def export_refusal(project: Project) -> str | None:
    """Why this user may not export this project (None: they may). One home for the rule; the
    export dialog and ``duiding export`` both ask it.

    On a server the projectleider exports; a codeur codes and does not export; a lezer exports
    nothing personal: only once the projectleider has pseudonymised the transcripts and
    confirmed the key (which a lezer's connection cannot read at all). A file has no roles."""
    if not isinstance(project.store, ServerStore):
        return None
    role = project.store.role
    if role == "codeur":
        return ("exporting this team project is for its projectleider; your role is codeur. "
                "Nothing was written.")
    if role == "lezer" and project.info().get("pseudonymised") != "confirmed":
        return ("as lezer you may export only after the projectleider has pseudonymised the "
                "transcripts and confirmed the key, so nothing personal leaves the server. "
                "Nothing was written.")
    return None
