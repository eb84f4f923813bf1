"""A faster answer to the question PySide6 asks of every module imported after it.

For its ``__feature__`` switches, PySide6 (``shibokensupport.feature``) records, for each newly
imported module, whether the module uses PySide6: ``_mod_uses_pyside`` reads the module's source
with ``inspect.getsource`` (through ``linecache``, which keeps every line of every module in
memory) and looks for the text "PySide6". Opening a round imports some 250 modules after Qt
(SQLAlchemy, the store, the services), and that question cost 25-30 ms of the path to the
scoring window.

``install`` replaces the function with one that reads the module's ``.py`` file as bytes and looks
for the same text: the same answer, about four times faster, nothing kept in memory. Modules
without a ``.py`` file get PySide's own answer. Nothing changes when the PySide6 in use does not
have that function (another version): the original stays.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"
_MARK = "_parapp_fast"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether ``module``'s source mentions PySide6 (``fallback`` for modules without a ``.py``)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def install() -> bool:
    """Use ``uses_pyside`` for PySide6's scan (idempotent); False: nothing to replace."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, _MARK, False):
        return True

    def fast(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    setattr(fast, _MARK, True)
    feature._mod_uses_pyside = fast  # type: ignore[attr-defined]
    return True
