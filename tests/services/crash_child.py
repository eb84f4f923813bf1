"""Child process of the crash-safety test: applies scripted edits and acknowledges each one.

Usage: python crash_child.py ROUND_FILE START COUNT. After ``save_appraisal`` returns, the edit is
acknowledged on stdout ("index unit node value"); the parent kills this process at random moments.
"""

from __future__ import annotations

import sys
from pathlib import Path

from parapp.services import scoring
from parapp.services.context import open_round

UNITS = ["A", "B", "C"]
LEAVES = ["1.1", "1.2", "2.1"]


def edit(index: int) -> tuple[str, str, str]:
    """The scripted edit number ``index``: (unit, node, typed value)."""
    unit = UNITS[index % len(UNITS)]
    node = LEAVES[(index // len(UNITS)) % len(LEAVES)]
    value = f"{index % 7},{index % 4 * 25:02d}"
    return unit, node, value


def main() -> None:
    path, start, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    with open_round(path) as ctx:
        for index in range(start, start + count):
            unit, node, value = edit(index)
            scoring.save_appraisal(ctx, "m1", unit, node, value)
            sys.stdout.write(f"{index} {unit} {node} {value}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
