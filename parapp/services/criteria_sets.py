"""Use cases around criteria sets: list the bundled ones, open, check and export a set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parapp import paths
from parapp.core.criteria import CriteriaSet
from parapp.core.errors import ImportFormatError, UserFacingError, ValidationError
from parapp.core.messages import Lang, Msg
from parapp.io.criteria import json_files as criteria_files

MAX_LISTED_PROBLEMS = 100
"""Problems listed by ``criteria check`` for one file; the rest are counted in one line."""


@dataclass(frozen=True)
class BundledSet:
    """A criteria set shipped in ``resources/criteria`` with the file it came from."""

    path: Path
    criteria_set: CriteriaSet


def bundled_dir() -> Path:
    """Where the bundled criteria sets live."""
    return paths.resource("criteria")


def list_bundled() -> list[BundledSet]:
    """Every bundled set, sorted by form id. A broken bundled file is a bug and raises."""
    found = [
        BundledSet(path, criteria_files.read_json(path))
        for path in sorted(bundled_dir().glob("*.json"))
    ]
    return sorted(found, key=lambda b: b.criteria_set.form_id)


def find_bundled(form_id: str) -> CriteriaSet:
    """The bundled set with ``form_id``.

    Raises:
        ValidationError: no bundled set has that id.
    """
    for bundled in list_bundled():
        if bundled.criteria_set.form_id == form_id:
            return bundled.criteria_set
    known = ", ".join(b.criteria_set.form_id for b in list_bundled())
    raise ValidationError(
        Msg(
            f"Không có bộ tiêu chí “{form_id}”. Các bộ có sẵn: {known}.",
            f"No criteria set “{form_id}”. Bundled sets: {known}.",
        )
    )


def open_file(path: Path) -> CriteriaSet:
    """Read and check a criteria set from a ``.json`` or ``.xlsx`` file.

    Raises:
        ImportFormatError: the file has problems, each located.
        ValidationError: the file type is not supported.
    """
    suffix = path.suffix.lower()
    if suffix == ".json":
        return criteria_files.read_json(path)
    if suffix == ".xlsx":
        from parapp.io.criteria import workbook as criteria_workbook  # noqa: PLC0415 - openpyxl only when needed

        return criteria_workbook.read_workbook(path)
    raise ValidationError(
        Msg(
            f"{path.name}: chỉ hỗ trợ tệp .json hoặc .xlsx.",
            f"{path.name}: only .json and .xlsx files are supported.",
        )
    )


def resolve(reference: str) -> CriteriaSet:
    """A set named by a bundled form id or by a file path (the CLI accepts both)."""
    path = Path(reference)
    if path.suffix.lower() in {".json", ".xlsx"}:
        if not path.exists():
            raise ValidationError(
                Msg(f"Không tìm thấy tệp {reference}.", f"File not found: {reference}.")
            )
        return open_file(path)
    return find_bundled(reference)


def export(criteria_set: CriteriaSet, out: Path) -> None:
    """Write a set as canonical JSON or as the secretary's workbook, chosen by the extension.

    Raises:
        ValidationError: the extension is neither ``.json`` nor ``.xlsx``.
    """
    suffix = out.suffix.lower()
    if suffix == ".json":
        criteria_files.write_json(criteria_set, out)
    elif suffix == ".xlsx":
        from parapp.io.criteria import workbook as criteria_workbook  # noqa: PLC0415 - openpyxl only when needed

        criteria_workbook.write_workbook(criteria_set, out)
    else:
        raise ValidationError(
            Msg(
                f"{out.name}: chỉ xuất được ra .json hoặc .xlsx.",
                f"{out.name}: can only export to .json or .xlsx.",
            )
        )


def describe_problems(
    error: UserFacingError, lang: Lang | str, limit: int = MAX_LISTED_PROBLEMS
) -> str:
    """The error as ``criteria check`` shows it: the headline (with the full count), at most
    ``limit`` located problems, then "… và N lỗi khác" for the rest."""
    if not isinstance(error, ImportFormatError) or len(error.problems) <= limit:
        return error.describe(lang)
    more = len(error.problems) - limit
    lines = [error.msg.get(lang)]
    lines.extend(f"  - {p.describe(lang)}" for p in error.problems[:limit])
    lines.append(Msg(f"  … và {more} lỗi khác.", f"  … and {more} more problems.").get(lang))
    return "\n".join(lines)
