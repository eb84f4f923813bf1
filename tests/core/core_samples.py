"""Criteria-set data shared by the core tests (plain data, usable outside fixtures too)."""

from __future__ import annotations

from typing import Any


def base_data(**overrides: Any) -> dict[str, Any]:
    """Metadata of a valid set with one free leaf; tests replace what they exercise."""
    data: dict[str, Any] = {
        "format": "parapp-criteria",
        "format_version": 1,
        "form_id": "TEST-SO-2026",
        "version": "2026010101",
        "year": 2026,
        "name": "Bộ thử",
        "nodes": [{"code": "1", "name": "Lĩnh vực 1", "maximum": "10"}],
    }
    data.update(overrides)
    return data


def mini_data() -> dict[str, Any]:
    """A Cà Mau-like set (QĐ 1880/2013 area 1 rows) with a TTHC area for "so" only, a survey leaf,
    an agency-assessed area that is itself a leaf, and capped bonus and penalty groups."""
    return base_data(
        unit_types=[
            {"code": "so", "label": "Sở, ban, ngành"},
            {"code": "so-khong-tthc", "label": "Sở không có thủ tục hành chính"},
        ],
        ranking_groups=[
            {"code": "so", "label": "Khối sở", "unit_types": ["so", "so-khong-tthc"]},
        ],
        classes=[
            {"label": "Xuất sắc", "lower": "90"},
            {"label": "Tốt", "lower": "80"},
            {"label": "Khá", "lower": "70"},
            {"label": "Trung bình", "lower": "0"},
        ],
        nodes=[
            {"code": "1", "name": "Công tác chỉ đạo, điều hành CCHC", "maximum": "5"},
            {"code": "1.1", "name": "Kế hoạch CCHC năm", "maximum": "5"},
            {
                "code": "1.1.1",
                "name": "Ban hành kế hoạch CCHC năm",
                "maximum": "1",
                "rule": {
                    "kind": "levels",
                    "levels": [
                        {"value": "1", "label": "Ban hành kịp thời"},
                        {"value": "0.5", "label": "Không kịp thời"},
                        {"value": "0", "label": "Không ban hành"},
                    ],
                },
            },
            {
                "code": "1.1.2",
                "name": "Xác định đầy đủ các nhiệm vụ CCHC",
                "maximum": "1",
                "rule": {
                    "kind": "levels",
                    "levels": [{"value": "1", "label": "Đầy đủ"}, {"value": "0", "label": "Không"}],
                },
            },
            {
                "code": "1.1.3",
                "name": "Kết quả xác định rõ ràng, cụ thể",
                "maximum": "1",
                "rule": {"kind": "free", "step": "0.25"},
            },
            {
                "code": "1.1.4",
                "name": "Mức độ thực hiện kế hoạch CCHC",
                "maximum": "2",
                "rule": {
                    "kind": "bands",
                    "figure_label": "Tỷ lệ hoàn thành kế hoạch",
                    "bands": [
                        {"score": "2", "lower": "90", "inclusive": False, "label": ">90%"},
                        {"score": "1", "lower": "70", "inclusive": True, "label": "70%–90%"},
                        {"score": "0", "lower": None, "label": "<70%"},
                    ],
                },
            },
            {
                "code": "2",
                "name": "Cải cách thủ tục hành chính",
                "maximum": "4",
                "applies_to": ["so"],
            },
            {"code": "2.1", "name": "Rà soát TTHC", "maximum": "2"},
            {
                "code": "2.2",
                "name": "Mức độ hài lòng (SIPAS)",
                "maximum": "2",
                "assessor": "survey",
                "rule": {"kind": "proportional", "figure_max": "100"},
            },
            {
                "code": "3",
                "name": "Đánh giá của Bộ Nội vụ",
                "maximum": "1",
                "maximum_by_unit_type": {"so-khong-tthc": "2"},
                "assessor": "agency",
            },
            {
                "code": "9",
                "name": "Điểm thưởng",
                "maximum": "2",
                "role": "bonus",
                "aggregation": "cap",
            },
            {"code": "9.1", "name": "Sáng kiến CCHC", "maximum": "1.5", "role": "bonus"},
            {"code": "9.2", "name": "Giải thưởng", "maximum": "1.5", "role": "bonus"},
            {
                "code": "10",
                "name": "Điểm trừ",
                "maximum": "0",
                "minimum": "-3",
                "role": "penalty",
                "aggregation": "cap",
            },
            {
                "code": "10.1",
                "name": "Chậm báo cáo",
                "maximum": "0",
                "minimum": "-2",
                "role": "penalty",
            },
            {
                "code": "10.2",
                "name": "Vi phạm kỷ luật",
                "maximum": "0",
                "minimum": "-2",
                "role": "penalty",
            },
        ],
    )
