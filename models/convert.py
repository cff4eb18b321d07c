"""Encrypting or decrypting an existing project file: a converted copy, swapped in whole.

``duiding encrypt`` / ``decrypt`` land here. The project is opened as usual (its lock taken, its
password checked, an older schema upgraded), every connection is closed so its WAL journal is
checkpointed into the file, and SQLCipher's ``sqlcipher_export`` writes the whole database to a
new file beside it under a temporary name. Only a complete, fsynced copy replaces the project
(``os.replace``: atomic), so an interruption leaves the old file as it was. Backups beside the
project are converted the same way: an encrypted project keeps no plain copy next to it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from models.cipher import Cipher, export_copy, looks_encrypted, plain_connection
from models.errors import ProjectFormatError, ValidationError
from models.store import ProjectStore


def _source(path: Path, cipher: Cipher | None) -> Any:
    return plain_connection(path) if cipher is None else cipher.connect(path)


def _convert_file(path: Path, current: Cipher | None, new: Cipher | None) -> None:
    building = path.with_name(f".{path.name}.converting")
    building.unlink(missing_ok=True)
    source = _source(path, current)
    try:
        export_copy(source, building, new)
    except BaseException:
        with contextlib.suppress(OSError):
            building.unlink()
        raise
    finally:
        source.close()
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        building.unlink(missing_ok=True)
        raise ProjectFormatError(f"{path.name} is still being written by another program; close "
                                 "it there and try again. Nothing was changed.", path=str(path))
    os.replace(building, path)
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)


def convert_project(path: Path | str, current: Cipher | None, new: Cipher | None) -> list[Path]:
    """Re-write the project (and its backups) encrypted with `new`, or plain when None.

    `current` opens the project as it is now (None for a plain file). Returns the backups that
    were converted along with it.
    """
    path = Path(path)
    if (new is None) == (not looks_encrypted(path)) and path.is_file():
        state = "not encrypted" if new is None else "already encrypted"
        raise ValidationError(f"{path.name} is {state}; nothing was changed.", path=str(path))
    store = ProjectStore.open(path, cipher=current)  # lock, password, schema upgrade
    try:
        store.engine.dispose()  # the last connection closes: the WAL is checkpointed
        backups = store.backups()
        _convert_file(path, store.cipher, new)
        converted = []
        for backup in backups:
            if looks_encrypted(backup) != (new is not None):
                _convert_file(backup, store.cipher if looks_encrypted(backup) else None, new)
                converted.append(backup)
        return converted
    finally:
        store.close()
