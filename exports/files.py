"""Writing an export file: all of it or nothing, nothing left beside it, no live formulas.

Atomic: every exporter writes the whole file first and only then puts it at the destination, so a
failure (the pseudonym guard, a full disk, cancel) never leaves half a report where a previous
good one stood. On Linux the file is written without a name at all (``O_TMPFILE``) and linked
into place when complete, so even ``kill -9`` in the middle leaves nothing beside the output;
elsewhere it is written under a hidden temporary name, and such leftovers of a killed export are
removed by the next export to the same file. A finished export gets the ordinary permissions the
user's umask gives new files. When the folder cannot be written, the error names the output,
not a temporary file the user never asked for.

Spreadsheet cells: a text starting with ``=``, ``+``, ``-``, ``@`` (or a tab, a line break, their
full-width forms) can run as a formula in Excel. Every text cell of every export is neutralised:
stored as a text cell in .xlsx (:func:`xlsx_cell`), prefixed with an apostrophe in CSV
(:func:`csv_cell`), headers, row labels and values alike.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
EXCEL_CELL_MAX = 32767
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
_PARTIAL = ".partial-"
_STALE_SECONDS = 600


def csv_cell(value: str | int | float) -> str | int | float:
    """A CSV cell that Excel will not run as a formula (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def xlsx_text(value: str) -> str:
    """Text Excel can hold: no control characters, at most 32,767 characters."""
    value = _ILLEGAL.sub("", value)
    if len(value) > EXCEL_CELL_MAX:
        value = value[:EXCEL_CELL_MAX - 4] + " […]"
    return value


def xlsx_cell(cell: Any, value: object) -> None:
    """Put a value in an openpyxl cell; a text is always a text cell, never a formula."""
    if isinstance(value, str):
        cell.value = xlsx_text(value)
        cell.data_type = "s"  # openpyxl makes "=…" a formula unless told otherwise
    else:
        cell.value = value


def xlsx_append(ws: Any, values: Sequence[object]) -> None:
    """`ws.append(values)` with every text neutralised (see `xlsx_cell`)."""
    row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
    for column, value in enumerate(values, start=1):
        xlsx_cell(ws.cell(row=row, column=column), value)


def csv_rows(rows: Iterable[Sequence[str | int | float]]) -> Iterable[list[str | int | float]]:
    return ([csv_cell(v) for v in row] for row in rows)


# -- atomic files ---------------------------------------------------------------------------


def _unwritable(dest: Path, exc: OSError) -> OSError:
    """The same kind of error, about the output the user chose (not our temporary file)."""
    folder = dest.parent
    reason = (f"the folder {folder} cannot be written to" if exc.errno in
              (errno.EACCES, errno.EPERM, errno.EROFS) else exc.strerror or str(exc))
    return type(exc)(exc.errno or errno.EIO, reason, str(dest))


def _remove_stale(dest: Path) -> None:
    """Hidden leftovers of an export to `dest` that was killed (not of one still running)."""
    now = time.time()
    with contextlib.suppress(OSError):
        for leftover in dest.parent.glob(f".{glob_escape(dest.name)}{_PARTIAL}*"):
            with contextlib.suppress(OSError):
                if now - leftover.stat().st_mtime > _STALE_SECONDS:
                    leftover.unlink()


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(dest: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(path)`` on a file that becomes ``dest`` only when it is complete."""
    dest = Path(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(dest, exc) from None
    _remove_stale(dest)
    if hasattr(os, "O_TMPFILE"):
        try:
            fd = os.open(dest.parent, os.O_TMPFILE | os.O_WRONLY, _mode())
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise _unwritable(dest, exc) from None
            fd = -1  # a file system without unnamed files: fall back below
        if fd >= 0:
            try:
                return _write_unnamed(dest, fd, write)
            finally:
                os.close(fd)
    return _write_named(dest, write)


def _write_unnamed(dest: Path, fd: int, write: Callable[[Path], object]) -> Path:
    handle = Path(f"/proc/self/fd/{fd}")
    try:
        write(handle)  # the library reopens the unnamed file through /proc
    except OSError as exc:
        if exc.filename and str(exc.filename).startswith("/proc/self/fd/"):
            raise _unwritable(dest, exc) from None
        raise
    os.fsync(fd)
    try:
        _link(fd, dest)  # a new file appears whole
        return dest
    except FileExistsError:
        pass
    except OSError as exc:
        raise _unwritable(dest, exc) from None
    # Replacing an older export: give the complete file a hidden name, then rename it over.
    tmp = dest.with_name(f".{dest.name}{_PARTIAL}{os.getpid()}")
    tmp.unlink(missing_ok=True)
    _link(fd, tmp)
    try:
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return dest


def _link(fd: int, dest: Path) -> None:
    """Give the unnamed file `fd` the name `dest` (linkat through /proc, following the link:
    os.link(follow_symlinks=True) without a directory fd would call link(), which does not)."""
    proc = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        os.link(str(fd), dest, src_dir_fd=proc, follow_symlinks=True)
    finally:
        os.close(proc)


def _write_named(dest: Path, write: Callable[[Path], object]) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=f".{dest.name}{_PARTIAL}", dir=dest.parent)
    except OSError as exc:
        raise _unwritable(dest, exc) from None
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.chmod(tmp, _mode())
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return dest
