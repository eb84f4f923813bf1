"""What the desktop application opens first: the demo year, built once per user, or a file.

The interface passes the per-user folders in (Qt knows where they are); nothing here touches Qt.
Reopening a built demo imports neither the demo builder nor the signing and export modules it
needs (pyHanko, ReportLab, openpyxl): only what opening a workspace needs.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from pathlib import Path

from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.io.packages.member_package import SUFFIX as PACKAGE_SUFFIX
from parapp.services.context import ROUND_SUFFIX, RoundContext, open_round
from parapp.services.demo import data as demo_data
from parapp.services.packages import open_member_package

log = logging.getLogger(__name__)

DEMO_DIR = "demo"
WORKSPACES_DIR = "workspaces"
DEMO_PACKAGES_DIR = "packages"
"""Where the demo keeps its member packages (``parapp.services.demo.year.PACKAGES_DIR``)."""


def build_demo(folder: Path) -> None:
    """Build the demo year into ``folder`` (the builder is imported only when one is built)."""
    from parapp.services.demo.year import build_demo as build  # noqa: PLC0415 - heavy, rare

    build(folder)


def first_member_package(folder: Path) -> Path:
    """The demo chair's package in the department round, found by name when present.

    Raises:
        ValidationError: ``folder`` holds no demo.
    """
    pattern = f"{demo_data.DEPARTMENT_SET}_{demo_data.COUNCIL[0].id}_*.parpkg"
    found = sorted((Path(folder) / DEMO_PACKAGES_DIR).glob(pattern))
    if found:
        return found[0]
    # Not under its usual name: ask the builder, which knows how it chooses the set.
    from parapp.services.demo import year  # noqa: PLC0415 - heavy, rare

    return year.first_member_package(folder)


def ensure_demo(data_dir: Path) -> Path:
    """The demo folder ``data_dir/demo``, built on first use and reused afterwards.

    It is built under a temporary name and renamed when complete, so an interrupted build is
    never taken for a finished one (its leftovers are removed on the next call).
    """
    data_dir = Path(data_dir)
    final = data_dir / DEMO_DIR
    if final.is_dir():
        try:
            first_member_package(final)
        except ValidationError:
            log.warning("demo folder %s is incomplete; rebuilding it", final)
        else:
            return final
    data_dir.mkdir(parents=True, exist_ok=True)
    for leftover in data_dir.glob(f".{DEMO_DIR}.*.tmp"):
        shutil.rmtree(leftover, ignore_errors=True)
    temporary = data_dir / f".{DEMO_DIR}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        build_demo(temporary)
        if final.exists():
            shutil.rmtree(final)
        os.replace(temporary, final)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    log.info("demo built in %s", final)
    return final


def open_demo(data_dir: Path) -> RoundContext:
    """Build the demo if needed and open its first member's workspace (inside the demo folder),
    as ``parapp.services.demo.year.open_first_member_workspace`` does."""
    folder = ensure_demo(data_dir)
    package = first_member_package(folder)
    return open_member_package(package, folder / WORKSPACES_DIR, actor=demo_data.COUNCIL[0].id)


def open_file(path: Path, data_dir: Path) -> RoundContext:
    """Open a member package (into ``data_dir/workspaces``) or a round/workspace file.

    Raises:
        ValidationError: neither a ``.parpkg`` nor a ``.parround``, or the file does not exist.
        UserFacingError: the file cannot be opened (see ``open_member_package``/``open_round``).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (PACKAGE_SUFFIX, ROUND_SUFFIX):
        raise ValidationError(
            Msg(
                f"Không mở được “{path.name}”: parapp mở gói chấm điểm ({PACKAGE_SUFFIX}) hoặc "
                f"tệp đợt thẩm định ({ROUND_SUFFIX}).",
                f"Cannot open “{path.name}”: parapp opens scoring packages ({PACKAGE_SUFFIX}) or "
                f"round files ({ROUND_SUFFIX}).",
            )
        )
    if not path.is_file():
        raise ValidationError(Msg(f"Không tìm thấy tệp {path}.", f"File not found: {path}."))
    if suffix == PACKAGE_SUFFIX:
        return open_member_package(path, Path(data_dir) / WORKSPACES_DIR)
    return open_round(path)
