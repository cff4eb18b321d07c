"""Encrypted project files: SQLCipher through the ``sqlcipher3-wheels`` binding.

Why SQLCipher: a project is one SQLite file, and SQLCipher encrypts every page of it (and of its
WAL journal) with AES-256, keyed from a password with PBKDF2-HMAC-SHA512; nothing else in Duiding
changes. Why this binding: ``sqlcipher3-wheels`` ships wheels with SQLCipher 4 and OpenSSL built
in for Windows, macOS (Intel and Apple silicon) and Linux, so a student's laptop installs it
without a compiler; ``sqlcipher3-binary`` has Linux wheels only.

A `Cipher` is what opening an encrypted file needs: the password, held in memory only (never
written anywhere; its repr hides it). Every connection to an encrypted file is made here: the
key is the first statement, then the file is read once so that a wrong password fails at once
with `WrongPasswordError` instead of at the first query. Temporary tables and the temporary copy
VACUUM makes are kept in memory (``temp_store=MEMORY``), so no plain text goes to the temp folder.

An encrypted file has no recognisable header (its first bytes are the random salt), so
`looks_encrypted` can only say "not plain SQLite, and sized like SQLCipher pages"; the password
decides.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from models.errors import ProjectFormatError, ValidationError

SQLITE_MAGIC = b"SQLite format 3\x00"
PAGE = 512  # every SQLCipher page size is a multiple of this


class WrongPasswordError(ProjectFormatError):
    """The password does not open the file (or the file is not a Duiding project)."""

    code = "wrong_password"


class PasswordRequiredError(ProjectFormatError):
    """An encrypted project was opened without a password."""

    code = "password_required"


def dbapi() -> Any:
    """The SQLCipher DB-API module (imported when an encrypted project is first used)."""
    import sqlcipher3

    return sqlcipher3


def looks_encrypted(path: Path) -> bool:
    """True for a file that is not plain SQLite but could be an SQLCipher database."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return size >= PAGE and size % PAGE == 0 and head != SQLITE_MAGIC


def check_password(password: str) -> str:
    """Refuse a password SQLCipher cannot take as it is (empty, or with a NUL character)."""
    if not password:
        raise ValidationError("A password cannot be empty.")
    if "\x00" in password:
        raise ValidationError("A password cannot contain a NUL character.")
    return password


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


class Cipher:
    """How to open one encrypted project file: its password, in memory only."""

    __slots__ = ("_password",)

    def __init__(self, password: str) -> None:
        self._password = check_password(password)

    def __repr__(self) -> str:
        return "Cipher(password=***)"

    def key_statement(self) -> str:
        return f"PRAGMA key = {_literal(self._password)}"

    def attach_statement(self, path: Path, alias: str) -> str:
        """ATTACH another file under this password (converting, copying backups)."""
        return (f"ATTACH DATABASE {_literal(path.as_posix())} AS {alias} "
                f"KEY {_literal(self._password)}")

    def connect(self, path: Path, *, readonly: bool = False, immutable: bool = False,
                check: bool = True, **kwargs: Any) -> Any:
        """A DB-API connection to `path`, keyed; `check` reads the file once (wrong password)."""
        module = dbapi()
        if readonly:
            flags = "immutable=1" if immutable else "mode=ro"
            conn = module.connect(f"file:{path.as_posix()}?{flags}", uri=True, **kwargs)
        else:
            conn = module.connect(str(path), **kwargs)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")  # errors are ours to word
            conn.execute(self.key_statement())
            conn.execute("PRAGMA temp_store = MEMORY")
            if check:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except module.DatabaseError:
            conn.close()
            raise WrongPasswordError(
                f"{path.name}: wrong password (or not a Duiding project); nothing was "
                "changed.", path=str(path)) from None
        return conn


def export_copy(source: Any, dest: Path, cipher: Cipher | None) -> None:
    """Write the database of the open SQLCipher connection `source` to a new file `dest`,
    encrypted with `cipher` or plain (None): SQLCipher's documented way to convert."""
    key = cipher.attach_statement(dest, "converted") if cipher is not None else \
        f"ATTACH DATABASE {_literal(dest.as_posix())} AS converted KEY ''"
    source.execute(key)
    try:
        source.execute("SELECT sqlcipher_export('converted')")
    finally:
        source.execute("DETACH DATABASE converted")
    with open(dest, "rb+") as handle:
        os.fsync(handle.fileno())


def plain_connection(path: Path) -> Any:
    """A SQLCipher-module connection to a plain file (for converting it to encrypted)."""
    conn = dbapi().connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn
