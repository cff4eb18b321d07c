"""Open or create a project wherever it lives: a file, or a database on a PostgreSQL server
(named by a ``postgresql://`` URL or a ``.duiding-team`` connection file). Everything above
``models/`` opens projects through these two functions and works on either store.

``password`` is what the location asks for: a file's encryption password (SQLCipher), or the
password of the server login (when libpq's own sources have none)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from models.cipher import Cipher
from models.location import ServerTarget, parse_location
from models.server_store import ServerStore
from models.sessions import StoreBase
from models.store import SUFFIX, ProjectStore
from models.upgrade import StepHook

Location = str | os.PathLike[str]


def open_store(location: Location, *, readonly: bool = False, password: str | None = None,
               on_upgrade_step: StepHook | None = None) -> StoreBase:
    where = parse_location(location)
    if isinstance(where, ServerTarget):
        return ServerStore.open(where, password=password, readonly=readonly,
                                on_upgrade_step=on_upgrade_step)
    # a file's password is its encryption key (a plain file ignores it)
    return ProjectStore.open(where, readonly=readonly, on_upgrade_step=on_upgrade_step,
                             cipher=Cipher(password) if password else None)


def create_store(location: Location, populate: Callable[[StoreBase], None] | None = None, *,
                 password: str | None = None) -> StoreBase:
    where = parse_location(location)
    if isinstance(where, ServerTarget):
        return ServerStore.create(where, populate, password=password)
    # a file made with a password is encrypted with it (SQLCipher)
    return ProjectStore.create(file_name(where), populate,
                               cipher=Cipher(password) if password is not None else None)


def file_name(path: Path) -> Path:
    """A project file's name, with the .duiding suffix added when it was left out."""
    return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)


def same_location(a: Location, b: Location) -> bool:
    """Whether two locations name the same project (a file's path, a server's database)."""
    x, y = parse_location(a), parse_location(b)
    if isinstance(x, ServerTarget) and isinstance(y, ServerTarget):
        return (x.host, x.port, x.database) == (y.host, y.port, y.database)
    if isinstance(x, Path) and isinstance(y, Path):
        return x.resolve() == y.resolve()
    return False
