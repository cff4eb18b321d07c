"""Work around a PySide6 6.12.0 binding bug on Python < 3.12.

Every void method (`QTextCursor.setPosition`, `QLabel.setText`, `setExtraSelections`...) returns
`None` without taking a reference, so each call steals one reference of `None`. On Python 3.12+
`None` is immortal and nothing happens; on 3.11 a long session (or one transcript with 1,000
codings: ~2,000 calls per refresh) drives the count to zero and the interpreter aborts with
"none_dealloc". Measured: `sys.getrefcount(None)` drops by exactly one per call.

Fix: give `None` a reference count no session can exhaust (2**40), which is what 3.12 does by
design. Harmless when the bug is absent; remove once PySide6 is fixed or Python >= 3.12.
"""

from __future__ import annotations

import ctypes
import sys

_done = False


def make_none_immortal() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    refcnt = ctypes.c_ssize_t.from_address(id(None))
    refcnt.value += 1 << 40
    _done = True


make_none_immortal()
