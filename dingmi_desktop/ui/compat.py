"""Work-around for a reference-counting defect of the PySide6 6.12 wheels on CPython 3.11.

Measured here: every call of a Qt method that returns void (``processEvents``, ``setText``, ``show``,
``QEventLoop.quit`` …) drops one reference to ``None`` without having taken it — harmless on CPython ≥ 3.12,
where ``None`` is immortal (PEP 683), fatal on 3.11 once a few thousand calls have run ("Fatal Python error:
none_dealloc"). Until a fixed PySide6 is available, we make the singletons effectively immortal, as 3.12
does, by raising their reference counts far out of reach. Called once, before any Qt object is made.
"""

from __future__ import annotations

import ctypes
import platform
import sys

_PINNED = False
_HEADROOM = 1 << 40


def pin_immortal_singletons() -> bool:
    """Returns True when the counts were raised (CPython < 3.12 only)."""
    global _PINNED
    if _PINNED or sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        refcount.value += _HEADROOM
    _PINNED = True
    return True
