"""Work around PySide6 6.12.0's lost references to None, True and False on Python 3.11.

The PySide6 6.12.0 wheels are built for the stable ABI with Python 3.12+ headers, where
``Py_RETURN_NONE`` / ``Py_RETURN_TRUE`` no longer add a reference (PEP 683 made these objects
immortal). Loaded by Python 3.11, every void Qt call (``label.setText``, ``beginResetModel``), every
``signal.emit`` and every ``None`` returned by a Python ``data()`` override drops one reference that
was never taken: ``sys.getrefcount(None)`` falls by one per call and after ~5,000 calls the
interpreter aborts with "Fatal Python error: none_dealloc: deallocating None". Measured with 6.12.0
on CPython 3.11.7; not reproducible on 3.12+, where the objects are immortal.

``keep_singletons_alive`` gives the three objects 2**40 extra references, which is what immortality
amounts to; it does nothing on Python 3.12+. Call it once before Qt runs.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA_REFERENCES = 1 << 40
_done: list[bool] = []


def needs_workaround() -> bool:
    """True on interpreters whose None/True/False are mortal (CPython before 3.12)."""
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def keep_singletons_alive() -> None:
    """Make None, True and False effectively immortal on CPython 3.11 (idempotent)."""
    if _done or not needs_workaround():
        return
    # A release build's PyObject starts with ob_refcnt (a Py_ssize_t); debug builds with
    # Py_TRACE_REFS put two list pointers first, hence the offset.
    offset = 2 * ctypes.sizeof(ctypes.c_void_p) if hasattr(sys, "getobjects") else 0
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton) + offset)
        refcount.value += _EXTRA_REFERENCES
    _done.append(True)
