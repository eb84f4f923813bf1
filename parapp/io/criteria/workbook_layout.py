"""Layout of the secretary's criteria workbook: sheet names, header rows, node columns, metadata
keys. Shared by the writer and the reader in ``criteria_workbook``; see docs/criteria-workbook.md.
"""

from __future__ import annotations

from dataclasses import dataclass

SHEET_META = "ThongTin"
SHEET_UNIT_TYPES = "LoaiDonVi"
SHEET_CLASSES = "XepLoai"
SHEET_NODES = "TieuChi"
SHEET_ORDER = (SHEET_META, SHEET_UNIT_TYPES, SHEET_CLASSES, SHEET_NODES)
NUMBER_PLACES = 4
"""Places a maximum, minimum or band bound may carry (as in the JSON format)."""
NUMBER_FORMAT = "0.00##"
"""Two decimals at least, four at most: a maximum of 0,125 still shows exactly."""


@dataclass(frozen=True)
class Column:
    """A column of the TieuChi sheet: the NodeSpec field, its title, width and wrapping."""

    field: str
    title: str
    width: int
    wrap: bool = False


NODE_COLUMNS = (
    Column("code", "Mã", 10),
    Column("name", "Nội dung", 60, wrap=True),
    Column("maximum", "Điểm tối đa", 12),
    Column("minimum", "Điểm tối thiểu", 12),
    Column("assessor", "Người chấm", 20),
    Column("rule", "Cách chấm", 45, wrap=True),
    Column("guidance", "Hướng dẫn chấm", 45, wrap=True),
    Column("evidence", "Tài liệu kiểm chứng", 40, wrap=True),
    Column("applies_to", "Áp dụng cho", 18, wrap=True),
    Column("maximum_by_unit_type", "Điểm tối đa theo loại đơn vị", 24, wrap=True),
    Column("role", "Loại điểm", 12),
    Column("aggregation", "Tổng hợp", 12),
)
REQUIRED_FIELDS = ("code", "name", "maximum")

META_KEYS: tuple[tuple[str, str, str], ...] = (
    ("form_id", "Mã bộ tiêu chí", "chữ không dấu, số, '-', '_', '.'"),
    ("version", "Phiên bản", "yyyymmddrr, ví dụ 2026010101"),
    ("year", "Năm đánh giá", "ví dụ 2025"),
    ("name", "Tên bộ tiêu chí", ""),
    ("decision", "Quyết định ban hành", ""),
    ("note", "Ghi chú", ""),
    ("ranking", "Cách xếp hạng", "dense: 1, 1, 2; competition: 1, 1, 3"),
    ("bonus_mode", "Điểm thưởng/trừ", "inside: tính trong tỷ lệ; outside: cộng sau chỉ số"),
    ("index_places", "Số chữ số thập phân của chỉ số", "0 đến 4"),
    ("rounding", "Cách làm tròn", "half_up"),
)
REQUIRED_META = ("form_id", "version", "year", "name")
META_HEADER = ("Mục", "Khóa", "Giá trị", "Giải thích")
UNIT_TYPE_HEADER = ("Mã loại đơn vị", "Tên loại đơn vị", "Mã nhóm xếp hạng", "Tên nhóm xếp hạng")
CLASS_HEADER = ("Xếp loại", "Từ (%)")
