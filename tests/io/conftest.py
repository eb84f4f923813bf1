"""Fixtures for io tests: a rich criteria set and builders for hand-made and tampered workbooks."""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from parapp.core.criteria import (
    Aggregation,
    Assessor,
    Band,
    BandsRule,
    BonusMode,
    ClassBand,
    CriteriaSet,
    FreeRule,
    Level,
    LevelsRule,
    ProportionalRule,
    RankingGroup,
    RankingMethod,
    Role,
    UnitType,
)
from parapp.core.criteria_build import NodeSpec, assemble

BuildXlsx = Callable[[Path, Mapping[str, Sequence[Sequence[Any]]]], Path]
RewriteZip = Callable[[Path, Path, Mapping[str, bytes | None]], Path]


def nfd(text: str) -> str:
    """Decomposed text, as pasted from Word or the web."""
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def rich_set() -> CriteriaSet:
    """Every feature the workbook must carry: levels, bands, steps, proportional, bonus cap,
    penalty with a negative minimum, applies_to, per-type maxima; names given decomposed."""
    meta = CriteriaSet(
        form_id="demo-so-2025",
        version="2025010302",
        year=2025,
        name=nfd("Bộ tiêu chí minh họa các sở"),
        nodes=(),
        decision="1880/QĐ-UBND",
        note="=SUM(A1) is text, not a formula",
        unit_types=(UnitType("so", "Sở, ban, ngành"), UnitType("xa", "UBND xã")),
        ranking_groups=(
            RankingGroup("nhom-so", "Khối sở", frozenset({"so"})),
            RankingGroup("nhom-xa", "Khối xã", frozenset({"xa"})),
        ),
        classes=(
            ClassBand("Xuất sắc", Decimal(90)),
            ClassBand("Tốt", Decimal(80)),
            ClassBand("Khá", Decimal("70.5")),
            ClassBand("Yếu", Decimal(0)),
        ),
        ranking=RankingMethod.COMPETITION,
        bonus_mode=BonusMode.OUTSIDE,
        index_places=2,
    )
    specs = [
        NodeSpec("1", nfd("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"), Decimal(5)),
        NodeSpec(
            "1.1",
            nfd("Ban hành kế hoạch CCHC năm"),
            Decimal(1),
            guidance="Ban hành kịp thời: 1; không kịp thời: 0,5; không ban hành: 0",
            evidence="Kế hoạch (số, ngày)\nTrang có nhiệm vụ",
            rule=LevelsRule(
                (
                    Level(Decimal(1), nfd("Kịp thời")),
                    Level(Decimal("0.5"), "Không kịp thời; muộn (quá 15 ngày)"),
                    Level(Decimal(0), ""),
                )
            ),
        ),
        NodeSpec(
            "1.2",
            "Mức độ thực hiện kế hoạch CCHC",
            Decimal(2),
            rule=BandsRule(
                (
                    Band(Decimal(2), Decimal(90), inclusive=False, label="Tốt"),
                    Band(Decimal(1), Decimal("70.25"), inclusive=True),
                    Band(Decimal(0), None),
                ),
                figure_label="Tỷ lệ thực hiện",
                figure_unit="%",
                step=Decimal("0.5"),
            ),
        ),
        NodeSpec(
            "1.3",
            "Cải cách TTHC",
            Decimal(1),
            rule=FreeRule(Decimal("0.25")),
            applies_to=frozenset({"so"}),
        ),
        NodeSpec(
            "1.4",
            "Mức độ hài lòng (SIPAS)",
            Decimal(1),
            assessor=Assessor.SURVEY,
            rule=ProportionalRule(Decimal(100), "Tỷ lệ hài lòng (SIPAS)", ""),
            maximum_by_unit_type={"xa": Decimal(2)},
        ),
        NodeSpec("2", "Lãnh đạo tỉnh đánh giá", Decimal("3.25"), assessor=Assessor.LEADERSHIP),
        NodeSpec(
            "3",
            "Bộ Nội vụ đánh giá",
            Decimal(2),
            assessor=Assessor.AGENCY,
            rule=BandsRule(
                (Band(Decimal(2), Decimal(10)), Band(Decimal(1), Decimal(5), False)),
                "Số hồ sơ",
                "bộ",
            ),
        ),
        NodeSpec("9", "Điểm thưởng", Decimal(2), role=Role.BONUS, aggregation=Aggregation.CAP),
        NodeSpec("9.1", "Sáng kiến", Decimal(1), role=Role.BONUS, rule=FreeRule(Decimal("0.5"))),
        NodeSpec(
            "9.2",
            "Giải thưởng",
            Decimal(2),
            role=Role.BONUS,
            rule=LevelsRule(
                (Level(Decimal(2), "Cấp bộ"), Level(Decimal(1), "Cấp tỉnh"), Level(Decimal(0)))
            ),
        ),
        NodeSpec(
            "10",
            "Điểm trừ",
            Decimal(0),
            Decimal(-3),
            role=Role.PENALTY,
            aggregation=Aggregation.CAP,
        ),
        NodeSpec(
            "10.1",
            "Vi phạm kỷ luật",
            Decimal(0),
            Decimal(-2),
            role=Role.PENALTY,
            rule=LevelsRule(
                (Level(Decimal(0), "Không"), Level(Decimal(-1)), Level(Decimal(-2), "Nghiêm trọng"))
            ),
        ),
        NodeSpec("10.2", "Chậm báo cáo", Decimal(0), Decimal("-1.5"), role=Role.PENALTY),
    ]
    return assemble(meta, specs)


@pytest.fixture
def build_xlsx() -> BuildXlsx:
    """Write a workbook cell by cell with openpyxl; strings starting with "=" become formulas."""

    def build(path: Path, sheets: Mapping[str, Sequence[Sequence[Any]]]) -> Path:
        workbook = Workbook()
        workbook.remove(workbook.active)
        for title, rows in sheets.items():
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append(list(row))
        workbook.save(path)
        return path

    return build


@pytest.fixture
def rewrite_zip() -> RewriteZip:
    """Copy a zip, replacing members (bytes), deleting them (None) or adding new ones."""

    def rewrite(src: Path, dst: Path, changes: Mapping[str, bytes | None]) -> Path:
        with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
            for info in old.infolist():
                if info.filename not in changes:
                    new.writestr(info, old.read(info))
            for name, data in changes.items():
                if data is not None:
                    new.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)
        return dst

    return rewrite
