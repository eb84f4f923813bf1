"""Fast style assignment for openpyxl cells, with the very same result.

openpyxl hashes the whole style object (a ``Font``, a ``Border`` with its four sides) on every
assignment to a cell, to find it among the workbook's styles: on a results workbook that is most
of the writing time. ``styled`` lets openpyxl work out each distinct step once per workbook (these
style ids, these parts, these shared objects) and reuses the style ids it produced, so the file is
byte for byte what plain assignments give.
"""

from __future__ import annotations

from copy import copy
from typing import Any
from weakref import WeakKeyDictionary

_STEPS: WeakKeyDictionary[Any, dict[tuple[Any, ...], tuple[Any, Any]]] = WeakKeyDictionary()
"""Per workbook: (a cell's style ids, the parts and objects set) -> (the objects, the new ids)."""


def styled(cell: Any, **parts: Any) -> Any:
    """Set style parts of ``cell`` (``font``, ``fill``, ``border``, ``alignment``,
    ``number_format``), in the order given, as ``cell.font = ...`` does; return the cell.

    The objects given must not change afterwards (shared module constants never do).
    """
    steps = _STEPS.get(cell.parent.parent)
    if steps is None:
        steps = _STEPS[cell.parent.parent] = {}
    ids = () if cell._style is None else tuple(cell._style)
    key = (
        ids,
        *((name, value if isinstance(value, str) else id(value)) for name, value in parts.items()),
    )
    found = steps.get(key)
    if found is None:
        for name, value in parts.items():
            setattr(cell, name, value)
        steps[key] = (tuple(parts.values()), copy(cell._style))  # kept: their ids stay unique
    else:
        cell._style = copy(found[1])
    return cell
