"""Write the bundled criteria sets of the 2022–2030 method and the two-level local government.

``resources/criteria/par-tinh-2022.json`` (provincial, shaped on QĐ 876/QĐ-BNV) and the 2026 sets
``par-sbn-2026.json`` (sở, ban, ngành), ``par-xa-2026.json`` (xã, phường, đặc khu) and
``par-nganh-doc-2026.json`` (vertical agencies), and ``par-tinh-hopnhat-2026.json``: the three in
one set, for a merged province appraising all its units in one round. What is sourced and what is
illustrative is stated in ``resources/criteria/README.md``; only the structure figures and three
area names are sourced.

The 2026 sets are projections of one frame (``FRAME_2026``) onto their unit types, so that the same
content keeps the same code in every set: a node applying to none of a set's types is left out
(types-specific nodes sit last under their parent, so no set has a gap inside a parent; the
vertical agencies' set keeps the frame's area numbers 1, 3, 5, 7, 8). Parents' maxima, per type
too, are the sums of their children's. Files are written in canonical form, so
``criteria_codec.dumps(criteria_codec.loads(file))`` is the file itself.

Usage: ``uv run python packaging/build_criteria_sets.py [--out-dir DIR]``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from criteria_frame_2026 import FRAME_2026, NOTE_2026, SETS_2026
from criteria_rows import document, project, rows
from criteria_tinh_2022 import TINH_2022, TINH_2022_META

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "criteria"


HOPNHAT_2026: dict[str, Any] = {
    "form_id": "PAR-TINH-HOPNHAT-2026",
    "version": "2026011501",
    "year": 2026,
    "name": "Chỉ số cải cách hành chính năm 2026 của tỉnh sau hợp nhất: sở, ban, ngành; cơ quan "
    "ngành dọc; xã, phường, đặc khu (mẫu minh họa)",
    "decision": "",
    "note": NOTE_2026 + "Một bộ cho cả đợt của tỉnh sau hợp nhất: khung 2026 với mọi loại đơn vị; "
    "lĩnh vực 2, 4, 6 không áp dụng cho cơ quan ngành dọc. Xếp hạng theo bốn nhóm: sở, ban, "
    "ngành; cơ quan ngành dọc; phường; xã và đặc khu / Illustrative sample — not an official set.",
    "unit_types": [
        *SETS_2026["par-sbn-2026.json"]["unit_types"],
        *SETS_2026["par-nganh-doc-2026.json"]["unit_types"],
        *SETS_2026["par-xa-2026.json"]["unit_types"],
    ],
    "ranking_groups": [
        *SETS_2026["par-sbn-2026.json"]["ranking_groups"],
        *SETS_2026["par-nganh-doc-2026.json"]["ranking_groups"],
        *SETS_2026["par-xa-2026.json"]["ranking_groups"],
    ],
}
"""One set for a merged province's whole round (one criteria set per round): every unit type of
the frame, each with its own maxima and applicability."""


def set_2026(meta: dict[str, Any]) -> str:
    types = tuple(u["code"] for u in meta["unit_types"])
    kept = [
        (str(number), projected)
        for number, spec in enumerate(FRAME_2026, 1)
        if (projected := project(spec, types)) is not None
    ]
    nodes: list[dict[str, Any]] = []
    for code, spec in kept:
        for row in rows([spec], types):
            row["code"] = code + row["code"][1:]
            nodes.append(row)
    return document(meta, nodes)


def build(out_dir: Path) -> list[Path]:
    """Write every generated set; return the paths written."""
    texts = {"par-tinh-2022.json": document(TINH_2022_META, rows(TINH_2022, ("tinh",)))}
    texts.update({name: set_2026(meta) for name, meta in SETS_2026.items()})
    texts["par-tinh-hopnhat-2026.json"] = set_2026(HOPNHAT_2026)
    written = []
    for name, text in texts.items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    for path in build(args.out_dir):
        print(path)


if __name__ == "__main__":
    main()
