"""Writing an export file atomically: all of it, or nothing at the destination.

Every exporter writes to a temporary file beside the destination and renames it into place, so a
failure (the pseudonym guard, a full disk, cancel) never leaves half a report where a previous
good one stood. mkstemp creates the temporary file private (0600); a finished export gets the
ordinary permissions the user's umask gives new files.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(dest: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(tmp)`` on a temporary file beside ``dest``, then move it to ``dest``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{dest.stem}.", suffix=dest.suffix, dir=dest.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return dest
