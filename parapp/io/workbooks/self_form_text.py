"""Text of the round workbooks' cells: scoring rules in words, evidence citations, instructions.

Pure text <-> model conversions (no openpyxl). ``parse_evidence(format_evidence(refs)) == refs``
for citations without a hash. The citation syntax is in docs/round-workbooks.md:

    KH-12.pdf, tr. 3; BC-01.pdf          (also "trang 3", "p. 3"; ";" or new lines between items)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

from parapp.core.criteria import Assessor, BandsRule, FreeRule, LevelsRule, Node
from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.rounds import EvidenceRef
from parapp.io.files.text import format_number

NOT_SELF_ASSESSED = {
    Assessor.SURVEY: "Do điều tra XHH đánh giá",
    Assessor.AGENCY: "Do cơ quan khác đánh giá",
    Assessor.LEADERSHIP: "Do lãnh đạo tỉnh đánh giá",
}
"""What the self-assessment form shows in the self-score cell of items the unit does not score."""
MAX_PAGE = 100_000
"""Highest page number accepted (a typo guard: no dossier has more pages)."""

_ITEM_SEPARATOR = re.compile(r"[;\n\r]")
_PAGE = re.compile(
    r"^(?P<name>.*?)\s*,\s*(?:tr\.|p\.|(?:trang|page|tr|p)(?=[\s\d]|$))\s*(?P<page>.*)$",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def instructions() -> tuple[str, ...]:
    """The form's instruction lines, in Vietnamese."""
    return (
        "Hướng dẫn: nhập “Điểm tự chấm” (cột G) cho từng mục thành phần; với mục chấm theo số "
        "liệu, nhập thêm “Số liệu kê khai” (cột F). Số thập phân dùng dấu phẩy hoặc dấu chấm, "
        "tối đa 2 chữ số sau dấu (số liệu: 4). Mục chưa tự chấm thì để trống cả dòng.",
        "Tài liệu kiểm chứng (cột I): ghi “tên tệp, tr. số trang”, nhiều tài liệu cách nhau bằng "
        "dấu “;” hoặc xuống dòng, ví dụ: KH-12.pdf, tr. 3; BC-01.pdf. Đặt các tệp vào cùng một "
        "thư mục khi nộp. Mục thiếu tài liệu thì ghi lý do ở cột “Giải trình”.",
        "Không thêm, xóa, đổi thứ tự dòng hay sửa mã, điểm tối đa; không chép sang tệp khác: "
        "phiếu bị sửa cấu trúc sẽ không nhập được. Dòng xám do điều tra XHH hoặc cơ quan khác "
        "đánh giá, đơn vị không tự chấm.",
    )


# --------------------------------------------------------------------------------------------
# Rules in words


def _with_unit(value: Decimal, unit: str) -> str:
    number = format_number(value)
    if unit == "%":
        return f"{number}%"
    return f"{number} {unit}" if unit else number


def _points(value: Decimal, label: str = "") -> str:
    text = f"{format_number(value)} điểm"
    return f"{text} ({label})" if label else text


def rule_in_words(node: Node, unit_type: str | None) -> str:
    """How a leaf is scored, in plain Vietnamese, followed by the set's guidance if any."""
    maximum = node.max_for(unit_type)
    rule = node.rule
    if isinstance(rule, FreeRule):
        text = f"Chấm từ {format_number(node.minimum)} đến {format_number(maximum)} điểm"
        if rule.step is not None:
            text += f", bước {format_number(rule.step)}"
        text += "."
    elif isinstance(rule, LevelsRule):
        text = "Chọn một mức: " + "; ".join(_points(lv.value, lv.label) for lv in rule.levels) + "."
    elif isinstance(rule, BandsRule):
        figure = rule.figure_label or "số liệu"
        parts = []
        for band in rule.bands:
            if band.lower is None:
                condition = "còn lại"
            elif band.inclusive:
                condition = f"từ {_with_unit(band.lower, rule.figure_unit)} trở lên"
            else:
                condition = f"trên {_with_unit(band.lower, rule.figure_unit)}"
            parts.append(f"{condition}: {_points(band.score, band.label)}")
        text = f"Theo {figure}: " + "; ".join(parts)
        if rule.step is not None:
            text += f"; bước {format_number(rule.step)}"
        text += "."
    else:
        figure = rule.figure_label or "số liệu"
        text = (
            f"Theo {figure}: điểm = {format_number(maximum)} × số liệu / "
            f"{_with_unit(rule.figure_max, rule.figure_unit)}."
        )
    guidance = node.guidance.strip()
    return f"{text}\n{guidance}" if guidance else text


# --------------------------------------------------------------------------------------------
# Evidence citations


def format_evidence(refs: Sequence[EvidenceRef]) -> str:
    """Citations as typed: "KH-12.pdf, tr. 3; BC-01.pdf" (hashes are not shown)."""
    return "; ".join(f"{r.file_name}, tr. {r.page}" if r.page else r.file_name for r in refs)


def parse_evidence(text: str) -> tuple[EvidenceRef, ...]:
    """Parse citations: items separated by ";" or new lines, each "name", "name, tr. N",
    "name, trang N" or "name, p. N" with N a positive whole number. Text is NFC-normalised.

    Raises:
        ValidationError: an item names a path instead of a file, or its page is not a positive
            whole number; the message quotes the item and shows the expected form.
    """
    refs: list[EvidenceRef] = []
    for raw in _ITEM_SEPARATOR.split(unicodedata.normalize("NFC", text)):
        item = raw.strip()
        if not item:
            continue
        match = _PAGE.match(item)
        page: int | None = None
        name = item
        if match is not None:
            name = match.group("name").strip()
            page = _page(match.group("page").strip(), item)
        _check_name(name, item)
        refs.append(EvidenceRef(name, page))
    return tuple(refs)


def _page(text: str, item: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) < 1 or int(text) > MAX_PAGE:
        raise ValidationError(
            Msg(
                f"Tài liệu “{item}”: số trang “{text}” phải là một số nguyên dương, ví dụ "
                "“KH-12.pdf, tr. 3”.",
                f"Evidence “{item}”: the page “{text}” must be a positive whole number, e.g. "
                "“KH-12.pdf, tr. 3”.",
            )
        )
    return int(text)


def _check_name(name: str, item: str) -> None:
    if not name:
        raise ValidationError(
            Msg(
                f"Tài liệu “{item}” thiếu tên tệp, ví dụ “KH-12.pdf, tr. 3”.",
                f"Evidence “{item}” lacks a file name, e.g. “KH-12.pdf, tr. 3”.",
            )
        )
    if "/" in name or "\\" in name or name in {".", ".."} or _CONTROL.search(name):
        raise ValidationError(
            Msg(
                f"Tài liệu “{item}”: chỉ ghi tên tệp (không ghi đường dẫn thư mục), ví dụ "
                "“KH-12.pdf, tr. 3”.",
                f"Evidence “{item}”: give the file name only (no folder path), e.g. "
                "“KH-12.pdf, tr. 3”.",
            )
        )
