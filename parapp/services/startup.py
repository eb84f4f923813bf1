"""What the desktop application opens first: the demo year, built once per user, or a file.

The interface passes the per-user folders in (Qt knows where they are); nothing here touches Qt.
Reopening a built demo imports neither the demo builder nor the signing and export modules it
needs (pyHanko, ReportLab, openpyxl): only what opening a workspace needs. ``quick_demo`` and
``quick_file`` go further for a workspace already made: a snapshot read with plain ``sqlite3``
(``services.quick_open``), shown before the store and SQLAlchemy load; None sends the caller to
``open_demo``/``open_file``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import uuid
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.rounds import RoundKind
from parapp.services import quick_open
from parapp.services.demo import data as demo_data

if TYPE_CHECKING:
    from parapp.services.context import RoundContext

# The store (``services.context``, SQLAlchemy) is imported by the functions that open it: a
# workspace shown from a snapshot is ready before it loads.

log = logging.getLogger(__name__)

DEMO_DIR = "demo"
WORKSPACES_DIR = "workspaces"
DEMO_PACKAGES_DIR = "packages"
"""Where the demo keeps its member packages (``parapp.services.demo.year.PACKAGES_DIR``)."""
PACKAGE_SUFFIX = ".parpkg"
"""``parapp.io.packages.member_package.SUFFIX`` (a test keeps them equal; that module loads the
package verifier, which reopening a workspace does not need)."""
PACKAGE_MANIFEST = "META-INF/manifest.json"
"""``parapp.io.packages.member_package.MANIFEST``."""
ROUND_SUFFIX = ".parround"
"""``parapp.services.context.ROUND_SUFFIX`` (a test keeps them equal)."""
_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def build_demo(folder: Path) -> None:
    """Build the demo year into ``folder`` (the builder is imported only when one is built)."""
    from parapp.services.demo.year import build_demo as build  # noqa: PLC0415 - heavy, rare

    build(folder)


def demo_package(folder: Path) -> Path | None:
    """The demo chair's package in the department round under its usual name (None: not
    there under it)."""
    pattern = f"{demo_data.DEPARTMENT_SET}_{demo_data.COUNCIL[0].id}_*.parpkg"
    found = sorted((Path(folder) / DEMO_PACKAGES_DIR).glob(pattern))
    return found[0] if found else None


def first_member_package(folder: Path) -> Path:
    """The demo chair's package in the department round, found by name when present.

    Raises:
        ValidationError: ``folder`` holds no demo.
    """
    found = demo_package(folder)
    if found is not None:
        return found
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
    actor = demo_actor()
    opened = opened_workspace(package, folder / WORKSPACES_DIR, actor=actor)
    if opened is not None:
        return opened
    from parapp.services.packages import open_member_package  # noqa: PLC0415 - first opening

    return open_member_package(package, folder / WORKSPACES_DIR, actor=actor)


def demo_actor() -> str:
    """Who acts in the demo's workspace: its first member (the chair)."""
    return demo_data.COUNCIL[0].id


def quick_demo(data_dir: Path) -> quick_open.Snapshot | None:
    """A snapshot of the demo's workspace when the demo is built and its workspace made and
    current (``quick_open.snapshot``); None otherwise: ``open_demo`` then does the rest."""
    folder = Path(data_dir) / DEMO_DIR
    package = demo_package(folder) if folder.is_dir() else None
    found = _workspace_of(package, folder / WORKSPACES_DIR) if package is not None else None
    if found is None:
        return None
    path, member_id, package_id = found
    shot = quick_open.snapshot(path, member_id)
    if shot is None or shot.info.package_id != package_id:
        return None
    log.info("package %s already open in %s (shown before the store loads)", package_id, path.name)
    return shot


def quick_file(path: Path) -> quick_open.Snapshot | None:
    """A snapshot of a member's workspace file (``.parround``), None for anything else
    (a package, the secretary's round, ...): ``open_file`` then opens it."""
    path = Path(path)
    if path.suffix.lower() != ROUND_SUFFIX or not path.is_file():
        return None
    return quick_open.snapshot(path)


def _workspace_of(package: Path, workspace_dir: Path) -> tuple[Path, str, str] | None:
    """The workspace file ``package`` opens into, its member and package id, from the package's
    manifest; None when unreadable or the workspace does not exist."""
    try:
        with zipfile.ZipFile(package) as archive:
            manifest = json.loads(archive.read(PACKAGE_MANIFEST))
        form_id, member_id = manifest["form_id"], manifest["member_id"]
        package_id = manifest["package_id"]
    except (OSError, KeyError, TypeError, ValueError, zipfile.BadZipFile):
        return None
    plain = all(isinstance(v, str) and _PLAIN_ID.fullmatch(v) for v in (form_id, member_id))
    path = Path(workspace_dir) / f"{form_id}_{member_id}{ROUND_SUFFIX}" if plain else None
    if path is None or not path.is_file() or not isinstance(package_id, str):
        return None
    return path, member_id, package_id


def opened_workspace(package: Path, workspace_dir: Path, *, actor: str = "") -> RoundContext | None:
    """The workspace already opened from ``package`` in ``workspace_dir``; None when there is
    none (or it is not certainly this package's), for the caller to open the package fully.

    The package was verified when its workspace was made from it, and reopening uses nothing of
    the package: its manifest is only read to find the workspace and to check that the workspace
    was opened from this very package (member and package id), as ``open_member_package`` does
    for a workspace that exists.
    """
    found = _workspace_of(package, workspace_dir)
    if found is None:
        return None
    path, member_id, package_id = found
    from parapp.services.context import open_round  # noqa: PLC0415 - see the imports
    from parapp.services.rounds import round_info  # noqa: PLC0415 - as the window needs it

    ctx = open_round(path, actor=actor)
    try:
        info = round_info(ctx)
    except BaseException:
        ctx.close()
        raise
    if (
        info.kind is RoundKind.WORKSPACE
        and info.package_id == package_id
        and info.workspace_member_id == member_id
    ):
        log.info("package %s already open in %s", package_id, path.name)
        return ctx
    ctx.close()
    return None


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
        from parapp.services.packages import open_member_package  # noqa: PLC0415

        return open_member_package(path, Path(data_dir) / WORKSPACES_DIR)
    from parapp.services.context import open_round  # noqa: PLC0415 - see the imports

    return open_round(path)
