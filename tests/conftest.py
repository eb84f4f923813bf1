"""Shared test setup. Qt must run offscreen: set the platform before anything imports Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from typing import Any

import pytest

from parapp.ui import pyside_compat  # imports no Qt

# PySide6 6.12.0 on Python 3.11 loses references to None/True/False; see the module's docstring.
pyside_compat.keep_singletons_alive()


def pytest_configure(config: pytest.Config) -> None:
    """Narrow ignores for Qt's own noise (qt_log_level_fail = WARNING fails on anything else)."""
    # The offscreen platform warns whenever a shown top-level's size constraints change (every
    # QMainWindow does so on show); it has no window manager to pass them to. Not our bug.
    config.addinivalue_line("qt_log_ignore", "This plugin does not support propagateSizeHints")


@pytest.fixture
def sample_criteria_data() -> dict[str, Any]:
    """A small but complete criteria set as canonical JSON data (``criteria_codec.from_dict``).

    Two unit types with a per-type maximum and an area for departments only; every rule kind;
    a criterion that is a leaf; survey and agency leaves; bonus and penalty groups; Vietnamese text.
    """
    return {
        "format": "parapp-criteria",
        "format_version": 1,
        "form_id": "TEST-SO-2026",
        "version": "2026010101",
        "year": 2026,
        "name": "Bộ tiêu chí thử nghiệm",
        "decision": "Quyết định số 1/QĐ-TEST ngày 01/01/2026",
        "note": "Mẫu minh họa — not an official set",
        "unit_types": [
            {"code": "so", "label": "Sở, ban, ngành"},
            {"code": "xa", "label": "UBND xã, phường"},
        ],
        "ranking_groups": [
            {"code": "g1", "label": "Khối sở", "unit_types": ["so"]},
            {"code": "g2", "label": "Khối xã", "unit_types": ["xa"]},
        ],
        "classes": [
            {"label": "Xuất sắc", "lower": "90"},
            {"label": "Tốt", "lower": "80"},
            {"label": "Khá", "lower": "70"},
            {"label": "Trung bình", "lower": "0"},
        ],
        "ranking": "dense",
        "bonus_mode": "inside",
        "nodes": [
            {
                "code": "1",
                "name": "Công tác chỉ đạo, điều hành cải cách hành chính",
                "maximum": "3",
            },
            {"code": "1.1", "name": "Kế hoạch cải cách hành chính năm", "maximum": "2"},
            {
                "code": "1.1.1",
                "name": "Ban hành kế hoạch cải cách hành chính năm",
                "maximum": "1",
                "guidance": "Ban hành trước ngày 31/01.",
                "evidence": "Kế hoạch CCHC năm (số, ngày ban hành).",
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
                "name": "Mức độ hoàn thành kế hoạch",
                "maximum": "1",
                "rule": {
                    "kind": "bands",
                    "figure_label": "Tỷ lệ nhiệm vụ hoàn thành",
                    "figure_unit": "%",
                    "step": "0.25",
                    "bands": [
                        {"score": "1", "lower": "90", "inclusive": True, "label": "Hoàn thành tốt"},
                        {"score": "0.5", "lower": "70", "inclusive": False, "label": ""},
                        {"score": "0", "lower": None, "inclusive": True, "label": "Dưới mức"},
                    ],
                },
            },
            {
                "code": "1.2",
                "name": "Tuyên truyền cải cách hành chính",
                "maximum": "1",
                "rule": {"kind": "free", "step": "0.25"},
            },
            {
                "code": "2",
                "name": "Cải cách thủ tục hành chính",
                "maximum": "4",
                "maximum_by_unit_type": {"xa": "3"},
            },
            {
                "code": "2.1",
                "name": "Công bố, công khai thủ tục hành chính",
                "maximum": "2",
                "maximum_by_unit_type": {"xa": "1"},
                "evidence": "Ảnh chụp nơi niêm yết; đường dẫn trang thông tin điện tử.",
            },
            {
                "code": "2.2",
                "name": "Mức độ hài lòng của người dân đối với giải quyết hồ sơ",
                "maximum": "2",
                "assessor": "survey",
                "rule": {
                    "kind": "proportional",
                    "figure_max": "100",
                    "figure_label": "Chỉ số hài lòng SIPAS",
                    "figure_unit": "%",
                },
            },
            {
                "code": "3",
                "name": "Hiện đại hóa hành chính",
                "maximum": "2",
                "applies_to": ["so"],
            },
            {
                "code": "3.1",
                "name": "Ứng dụng công nghệ thông tin, chuyển đổi số",
                "maximum": "2",
                "assessor": "agency",
                "applies_to": ["so"],
            },
            {
                "code": "4",
                "name": "Điểm thưởng",
                "maximum": "2",
                "role": "bonus",
                "aggregation": "cap",
            },
            {
                "code": "4.1",
                "name": "Sáng kiến cải cách hành chính được công nhận",
                "maximum": "2",
                "role": "bonus",
            },
            {
                "code": "5",
                "name": "Điểm trừ",
                "maximum": "1",
                "role": "penalty",
                "aggregation": "cap",
            },
            {
                "code": "5.1",
                "name": "Đơn vị để xảy ra vi phạm về đạo đức công vụ",
                "maximum": "1",
                "role": "penalty",
            },
        ],
    }
