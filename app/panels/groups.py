"""Code groups and document groups in the panels that show codes and documents.

A group (``coding.groups``) is a named selection that may overlap others: REFI-QDA ``<Sets>``
arrive as groups and leave as sets. Its GUI is deliberately small and lives where the members
are: a "Groups" submenu in the code tree's and the document list's context menus (put the
selection into a group, take it out, make a new group of it, delete a group) and the group names
in the code tree's tooltips. Every change is one undoable command through ``ctx.run``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from app.context import ProjectContext
from coding.commands import ChangeGroupMembers, CreateGroup, DeleteGroup
from coding.groups import GroupInfo, GroupKind


def title(kind: GroupKind) -> str:
    if kind is GroupKind.CODE:
        return QCoreApplication.translate("Groups", "Code groups")
    return QCoreApplication.translate("Groups", "Document groups")


def tooltip_lines(names: Sequence[str], is_codable: bool = True) -> list[str]:
    """Lines for a code's tooltip: its groups, and a word when it is a folder."""
    lines = []
    if names:
        lines.append(QCoreApplication.translate("Groups", "Groups: {names}")
                     .format(names=", ".join(names)))
    if not is_codable:
        lines.append(QCoreApplication.translate(
            "Groups", "Folder: groups codes, receives no fragments"))
    return lines


def group_menu(parent: QWidget, ctx: ProjectContext, kind: GroupKind,
               members: Sequence[int]) -> QMenu:
    """The "Groups" submenu for the selected codes or documents (``members``)."""
    menu = QMenu(title(kind), parent)
    menu.setObjectName("groupMenu")
    project = ctx.project
    writable = project is not None and not ctx.readonly
    groups = project.groups.list(kind) if project is not None else []
    chosen = set(members)
    for group in groups:
        action = menu.addAction(group.name)
        action.setCheckable(True)
        action.setChecked(bool(chosen) and chosen <= set(group.members))
        action.setEnabled(writable and bool(chosen))
        action.toggled.connect(lambda on, g=group: _toggle(parent, ctx, g, members, on))
    if groups:
        menu.addSeparator()
    menu.addAction(QCoreApplication.translate("Groups", "New group with the selection…"),
                   lambda: new_group(parent, ctx, kind, members)).setEnabled(writable)
    if groups:
        delete = menu.addMenu(QCoreApplication.translate("Groups", "Delete group"))
        for group in groups:
            delete.addAction(group.name, partial(_delete, parent, ctx, group)).setEnabled(writable)
    return menu


def _delete(parent: QWidget, ctx: ProjectContext, group: GroupInfo) -> None:
    command = DeleteGroup(group.id, group.kind)
    command.detail = group.name
    ctx.run(command, parent=parent)


def _toggle(parent: QWidget, ctx: ProjectContext, group: GroupInfo, members: Sequence[int],
            on: bool) -> None:
    ctx.run(ChangeGroupMembers(group.id, group.kind, add=members if on else (),
                               remove=() if on else members, detail=group.name), parent=parent)


def new_group(parent: QWidget, ctx: ProjectContext, kind: GroupKind, members: Sequence[int],
              name: str | None = None) -> CreateGroup | None:
    if name is None:
        name, ok = QInputDialog.getText(
            parent, QCoreApplication.translate("Groups", "New group"),
            QCoreApplication.translate("Groups", "Name of the group:"))
        if not ok or not name.strip():
            return None
    command = CreateGroup(kind, name.strip(), members)
    return command if ctx.run(command, parent=parent) is not None else None
