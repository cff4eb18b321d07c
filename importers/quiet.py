"""Catch what a format library prints, in the reading thread only.

``contextlib.redirect_stdout`` swaps ``sys.stdout`` for the whole process: while a worker thread
read a transcript, whatever the GUI thread printed went into the reader's capture as well (the
quit test's ``CLOSE`` line ended up in the import log). ``captured_stdout`` installs one proxy
while any reader captures; a capturing thread's writes go to its own buffer, every other
thread's to the stream that was there before.
"""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO


class _PerThreadStdout(io.TextIOBase):
    def __init__(self, real: TextIO) -> None:
        super().__init__()
        self.real = real
        self.local = threading.local()

    def _target(self) -> TextIO:
        buffer: TextIO | None = getattr(self.local, "buffer", None)
        return buffer if buffer is not None else self.real

    def write(self, text: str) -> int:
        return self._target().write(text)

    def flush(self) -> None:
        self._target().flush()

    def __getattr__(self, name: str) -> Any:  # encoding, fileno, isatty… of the real stream
        return getattr(self.real, name)


_lock = threading.Lock()
_users = 0
_proxy: _PerThreadStdout | None = None


@contextmanager
def captured_stdout(buffer: io.StringIO) -> Iterator[io.StringIO]:
    """Send this thread's ``print`` output to ``buffer`` for the duration; others unaffected."""
    global _users, _proxy
    with _lock:
        if _proxy is None or sys.stdout is not _proxy:
            _proxy = _PerThreadStdout(sys.stdout)
            sys.stdout = _proxy
        proxy = _proxy
        _users += 1
    previous = getattr(proxy.local, "buffer", None)
    proxy.local.buffer = buffer
    try:
        yield buffer
    finally:
        proxy.local.buffer = previous
        with _lock:
            _users -= 1
            if _users == 0 and sys.stdout is proxy:
                sys.stdout = proxy.real
                _proxy = None
