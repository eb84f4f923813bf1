"""The criteria sets shipped in resources/criteria load, are canonical and match their sources.

Counts and sums are computed from the loaded sets; the only literals are the published figures
(seed article: PAR 2019 8/43/95 and 64,50 + 33,50 + 2,00; SIPAS 5/22; PAPI 8/28 × 10 points) and
the design decisions recorded in resources/criteria/README.md.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from parapp.cli import app as cli
from parapp.core import criteria_codec, criteria_stats, scoring
from parapp.core.criteria import (
    Aggregation,
    Assessor,
    BandsRule,
    CriteriaSet,
    FreeRule,
    LevelsRule,
    Node,
    ProportionalRule,
    RankingMethod,
    Role,
)
from parapp.core.numbers import ratio_percent, round_index
from parapp.core.scoring import LeafEntry
from parapp.services.criteria_sets import BundledSet, list_bundled

D = Decimal
ROOT = Path(__file__).resolve().parent.parent
PROVINCIAL = ("PAR-SO-2026", "PAR-HUYEN-XA-2024")
SETS_2026 = ("PAR-SBN-2026", "PAR-XA-2026", "PAR-NGANH-DOC-2026", "PAR-TINH-HOPNHAT-2026")
GENERATED = ("PAR-TINH-2022", *SETS_2026)
EXPECTED = {"PAR-TINH-2019", *PROVINCIAL, *GENERATED, "SIPAS-2017", "PAPI-2018"}


@pytest.fixture(scope="module")
def bundled() -> dict[str, BundledSet]:
    return {b.criteria_set.form_id: b for b in list_bundled()}


@pytest.fixture(scope="module")
def sets(bundled: dict[str, BundledSet]) -> dict[str, CriteriaSet]:
    return {form_id: b.criteria_set for form_id, b in bundled.items()}


def _ancestors_apply(cs: CriteriaSet, node: Node, unit_type: str) -> bool:
    code: str | None = node.code
    while code is not None:
        current = cs.node(code)
        if not current.applies(unit_type):
            return False
        code = current.parent_code
    return True


def _normal_total(cs: CriteriaSet, unit_type: str) -> Decimal:
    """Sum of the applicable normal areas' maxima for ``unit_type``."""
    return sum(
        (a.max_for(unit_type) for a in cs.nodes if a.role is Role.NORMAL and a.applies(unit_type)),
        D(0),
    )


def _leaf_total(cs: CriteriaSet, unit_type: str) -> Decimal:
    """Sum of the applicable normal leaves' maxima: must agree with the areas' maxima."""
    return sum(
        (
            leaf.max_for(unit_type)
            for leaf in cs.leaves()
            if leaf.role is Role.NORMAL and _ancestors_apply(cs, leaf, unit_type)
        ),
        D(0),
    )


# All sets ---------------------------------------------------------------------------------------


def test_every_expected_set_is_bundled(sets: dict[str, CriteriaSet]) -> None:
    assert set(sets) >= EXPECTED


def test_bundled_files_are_canonical(bundled: dict[str, BundledSet]) -> None:
    for b in bundled.values():
        assert b.path.read_bytes() == criteria_codec.dumps(b.criteria_set).encode("utf-8"), b.path


def test_bundled_text_is_nfc(bundled: dict[str, BundledSet]) -> None:
    for b in bundled.values():
        text = b.path.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, b.path


def test_every_leaf_sum_matches_the_areas(sets: dict[str, CriteriaSet]) -> None:
    for cs in sets.values():
        for unit_type in [u.code for u in cs.unit_types]:
            expected = _normal_total(cs, unit_type)
            assert _leaf_total(cs, unit_type) == expected, (cs.form_id, unit_type)


def test_council_leaves_carry_guidance_and_evidence(sets: dict[str, CriteriaSet]) -> None:
    for form_id in ("PAR-TINH-2019", *PROVINCIAL, *GENERATED):
        for leaf in sets[form_id].leaves():
            if leaf.assessor is Assessor.COUNCIL:
                assert leaf.guidance, (form_id, leaf.code)
                assert leaf.evidence, (form_id, leaf.code)


def test_survey_leaves_map_percentages_to_points(sets: dict[str, CriteriaSet]) -> None:
    for form_id in ("PAR-TINH-2019", *PROVINCIAL, *GENERATED, "SIPAS-2017"):
        survey = [leaf for leaf in sets[form_id].leaves() if leaf.assessor is Assessor.SURVEY]
        assert survey, form_id
        for leaf in survey:
            assert isinstance(leaf.rule, ProportionalRule), (form_id, leaf.code)
            assert leaf.rule.figure_max == 100
            assert leaf.rule.figure_unit == "%"


# PAR 2019 (QĐ 1150/QĐ-BNV) ----------------------------------------------------------------------

PAR_2019_AREAS = [
    ("Công tác chỉ đạo, điều hành cải cách hành chính", 6, 2),
    ("Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh", 4, 6),
    ("Cải cách thủ tục hành chính", 5, 19),
    ("Cải cách tổ chức bộ máy", 4, 12),
    ("Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", 9, 16),
    ("Cải cách tài chính công", 4, 15),
    ("Hiện đại hóa hành chính", 5, 17),
    (
        "Tác động của cải cách hành chính đến người dân, tổ chức và các chỉ tiêu phát triển "
        "kinh tế - xã hội của tỉnh",
        6,
        8,
    ),
]


def test_par_2019_metadata(sets: dict[str, CriteriaSet]) -> None:
    cs = sets["PAR-TINH-2019"]
    assert (cs.version, cs.year) == ("2019123001", 2019)
    assert cs.decision == "1150/QĐ-BNV ngày 30/12/2019"
    assert cs.note.startswith("Mẫu minh họa")
    assert [u.code for u in cs.unit_types] == ["tinh"]


def test_par_2019_has_the_published_areas_and_counts(sets: dict[str, CriteriaSet]) -> None:
    cs = sets["PAR-TINH-2019"]
    found = [
        (
            area.name,
            sum(1 for n in area.walk() if n.depth == 2),
            sum(1 for n in area.walk() if n.depth == 3),
        )
        for area in cs.nodes
    ]
    assert found == PAR_2019_AREAS
    depths = [n.depth for n in cs.walk()]
    assert (depths.count(1), depths.count(2), depths.count(3)) == (8, 43, 95)
    assert max(depths) == 3


def test_par_2019_splits_100_points_by_assessor(sets: dict[str, CriteriaSet]) -> None:
    cs = sets["PAR-TINH-2019"]
    by_assessor: dict[Assessor, Decimal] = defaultdict(Decimal)
    for leaf in cs.leaves():
        by_assessor[leaf.assessor] += leaf.maximum
    assert dict(by_assessor) == {
        Assessor.COUNCIL: D("64.50"),
        Assessor.SURVEY: D("33.50"),
        Assessor.AGENCY: D("2.00"),
    }
    assert sum((a.maximum for a in cs.nodes), D(0)) == 100


# Provincial sets: departments, districts and communes --------------------------------------------

CA_MAU_ROWS = {
    "1.1.1": ("Ban hành kế hoạch CCHC năm", "1", ["1", "0.5", "0"]),
    "1.1.2": (
        "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và "
        "bố trí kinh phí thực hiện",
        "1",
        ["1", "0"],
    ),
    "1.1.3": (
        "Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ trách nhiệm triển khai của "
        "phòng, ban, đơn vị trực thuộc",
        "1",
        ["1", "0"],
    ),
    "1.2.1": (
        "Tất cả báo cáo được gửi đúng thời gian quy định (quý I, quý III, 6 tháng, năm)",
        "1",
        ["1", "0"],
    ),
    "1.2.2": ("Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn", "1", ["1", "0"]),
}


@pytest.mark.parametrize("form_id", PROVINCIAL)
def test_provincial_classes_and_ranking(sets: dict[str, CriteriaSet], form_id: str) -> None:
    cs = sets[form_id]
    assert [(c.label, c.lower) for c in cs.classes] == [
        ("Tốt", D(80)),
        ("Khá", D(70)),
        ("Trung bình", D(50)),
        ("Yếu", D(0)),
    ]
    assert cs.ranking is RankingMethod.DENSE
    assert cs.classify(D("79.99")) == "Khá"


@pytest.mark.parametrize("form_id", PROVINCIAL)
def test_area_1_has_the_ca_mau_rows(sets: dict[str, CriteriaSet], form_id: str) -> None:
    cs = sets[form_id]
    assert cs.node("1.1").name == "Kế hoạch CCHC năm"
    assert cs.node("1.1").maximum == 5
    assert cs.node("1.2").name == "Báo cáo CCHC"
    assert cs.node("1.2").maximum == 2
    assert cs.node("1.3").name == "Kiểm tra công tác CCHC"
    for code, (name, maximum, levels) in CA_MAU_ROWS.items():
        node = cs.node(code)
        assert (node.name, node.maximum, node.is_leaf) == (name, D(maximum), True)
        assert isinstance(node.rule, LevelsRule)
        assert [lv.value for lv in node.rule.levels] == [D(v) for v in levels]


@pytest.mark.parametrize("form_id", PROVINCIAL)
def test_ca_mau_bands_have_explicit_bounds(sets: dict[str, CriteriaSet], form_id: str) -> None:
    node = sets[form_id].node("1.1.4")
    assert (node.name, node.maximum) == ("Mức độ thực hiện kế hoạch CCHC", D(2))
    rule = node.rule
    assert isinstance(rule, BandsRule)
    # ">90 %: 2; 70–90 %: 1; <70 %: 0": 90 exclusive, 70 inclusive (README decision).
    assert [(b.lower, b.inclusive, b.score) for b in rule.bands] == [
        (D(90), False, D(2)),
        (D(70), True, D(1)),
        (None, True, D(0)),
    ]
    cases = {"100": 2, "90.01": 2, "90": 1, "70": 1, "69.99": 0, "0": 0}
    for figure, score in cases.items():
        assert rule.suggest(D(figure)) == score, figure


@pytest.mark.parametrize("form_id", PROVINCIAL)
def test_bonus_and_penalty_are_capped(sets: dict[str, CriteriaSet], form_id: str) -> None:
    cs = sets[form_id]
    bonus = [a for a in cs.nodes if a.role is Role.BONUS]
    penalty = [a for a in cs.nodes if a.role is Role.PENALTY]
    assert len(bonus) == len(penalty) == 1
    (b,), (p,) = bonus, penalty
    assert (b.aggregation, b.minimum, b.maximum) == (Aggregation.CAP, D(0), D(3))
    assert (p.aggregation, p.minimum, p.maximum) == (Aggregation.CAP, D(-3), D(0))
    # The items add up to more than the cap, so the cap matters.
    assert sum((c.maximum for c in b.children), D(0)) > b.maximum
    assert sum((c.minimum for c in p.children), D(0)) < p.minimum
    assert all(c.role is Role.BONUS and c.minimum == 0 < c.maximum for c in b.children)
    assert all(c.role is Role.PENALTY and c.minimum < 0 == c.maximum for c in p.children)


@pytest.mark.parametrize("form_id", PROVINCIAL)
def test_rule_variety(sets: dict[str, CriteriaSet], form_id: str) -> None:
    council = [
        leaf
        for leaf in sets[form_id].leaves()
        if leaf.assessor is Assessor.COUNCIL and leaf.role is Role.NORMAL
    ]
    quarter_steps = [r for r in (x.rule for x in council) if isinstance(r, FreeRule)]
    assert len([r for r in quarter_steps if r.step == D("0.25")]) >= 3
    assert len([x for x in council if isinstance(x.rule, BandsRule)]) >= 5
    assert any("đúng hạn" in x.name and isinstance(x.rule, BandsRule) for x in council)


def test_department_set_totals(sets: dict[str, CriteriaSet]) -> None:
    cs = sets["PAR-SO-2026"]
    assert {u.code for u in cs.unit_types} == {"so", "so-khong-tthc"}
    groups = [g.unit_types for g in cs.ranking_groups]
    assert groups == [frozenset({"so", "so-khong-tthc"})]
    assert _normal_total(cs, "so") == 100
    not_applicable = sum(
        (n.max_for("so") for n in cs.walk() if not n.applies("so-khong-tthc")), D(0)
    )
    assert not_applicable > 0
    assert _normal_total(cs, "so-khong-tthc") == 100 - not_applicable


def test_department_tthc_area_skips_units_without_procedures(sets: dict[str, CriteriaSet]) -> None:
    cs = sets["PAR-SO-2026"]
    tthc = next(a for a in cs.nodes if a.name == "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    assert tthc.applies_to == frozenset({"so"})
    assert tthc.applies("so")
    assert not tthc.applies("so-khong-tthc")
    # Parents of a node that not every unit type has must state that type's smaller maximum.
    for node in cs.walk():
        if node.applies_to is not None and node.parent_code is not None:
            parent = cs.node(node.parent_code)
            assert parent.max_for("so-khong-tthc") == parent.maximum - node.maximum, node.code


def test_district_commune_set_totals(sets: dict[str, CriteriaSet]) -> None:
    cs = sets["PAR-HUYEN-XA-2024"]
    assert {u.code for u in cs.unit_types} == {"huyen", "xa"}
    assert sorted(sorted(g.unit_types) for g in cs.ranking_groups) == [["huyen"], ["xa"]]
    assert _normal_total(cs, "huyen") == 100
    assert _normal_total(cs, "xa") == 100
    differing = [n for n in cs.walk() if n.max_for("xa") != n.max_for("huyen")]
    assert len(differing) >= 5
    assert any(n.applies_to == frozenset({"huyen"}) for n in cs.walk())
    assert any(n.applies_to == frozenset({"xa"}) for n in cs.walk())


# Generated sets: the 2022–2030 method and the two-level local government ------------------------


def test_generated_sets_are_what_the_generator_writes(
    bundled: dict[str, BundledSet], tmp_path: Path
) -> None:
    script = ROOT / "packaging" / "build_criteria_sets.py"
    subprocess.run([sys.executable, str(script), "--out-dir", str(tmp_path)], check=True)
    for form_id in GENERATED:
        path = bundled[form_id].path
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
    assert {p.name for p in tmp_path.iterdir()} == {bundled[f].path.name for f in GENERATED}


def _counts(cs: CriteriaSet) -> tuple[int, int, int, int]:
    depths = [n.depth for n in cs.walk()]
    return depths.count(1), depths.count(2), depths.count(3), sum(1 for _ in cs.leaves())


def _components(cs: CriteriaSet, unit_type: str) -> list[tuple[Assessor, str, Decimal]]:
    stats = criteria_stats.compute(cs)
    (ut,) = [u for u in stats.unit_types if u.code == unit_type]
    return [(c.assessor, c.label, c.maximum) for c in ut.components]


LEADERS = "Điểm đánh giá của lãnh đạo, quản lý qua điều tra xã hội học (%)"
SIPAS = "Chỉ số hài lòng SIPAS của yếu tố (%)"


def test_par_2022_has_the_876_shape(sets: dict[str, CriteriaSet]) -> None:
    cs = sets["PAR-TINH-2022"]
    assert (cs.version, cs.year, cs.decision) == ("2022111001", 2022, "876/QĐ-BNV ngày 10/11/2022")
    assert cs.name.endswith("(mẫu minh họa)")
    assert cs.note.startswith("Mẫu minh họa")
    assert [u.code for u in cs.unit_types] == ["tinh"]
    # 8 areas, 37 criteria, 88 sub-criteria (Lạng Sơn 2022, Ninh Thuận 2024); a criterion without
    # sub-criteria is a scored leaf: 88 + 9 = 97 leaves.
    assert _counts(cs) == (8, 37, 88, 97)
    assert max(n.depth for n in cs.walk()) == 3
    # The three published area names, verbatim.
    names = [a.name for a in cs.nodes]
    assert names[1] == "Cải cách thể chế"
    assert names[5] == "Cải cách tài chính công"
    assert names[7] == ("Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội")
    assert _normal_total(cs, "tinh") == 100


def test_par_2022_splits_100_points_into_the_four_components(sets: dict[str, CriteriaSet]) -> None:
    """Hòa Bình 2023: 61,5 appraised + 6,5 impact + 22 leaders' survey + 10 SIPAS."""
    cs = sets["PAR-TINH-2022"]
    assert _components(cs, "tinh") == [
        (Assessor.COUNCIL, "", D("61.5")),
        (Assessor.SURVEY, LEADERS, D(22)),
        (Assessor.SURVEY, SIPAS, D(10)),
        (Assessor.AGENCY, "", D("6.5")),
    ]
    # The impact points are the Ministry's, from official statistics: all in area 8.
    impact = [leaf for leaf in cs.leaves() if leaf.assessor is Assessor.AGENCY]
    assert {leaf.parent_code for leaf in impact} == {"8.2"}
    assert all(isinstance(leaf.rule, FreeRule) for leaf in impact)
    # The leaders' survey closes every area; SIPAS is criterion 8.1.
    assert [a.children[-1].assessor for a in cs.nodes] == [Assessor.SURVEY] * 8
    sipas = [
        leaf
        for leaf in cs.leaves()
        if isinstance(leaf.rule, ProportionalRule) and leaf.rule.figure_label == SIPAS
    ]
    assert len(sipas) == 5
    assert {leaf.parent_code for leaf in sipas} == {"8.1"}


def test_criteria_check_prints_the_876_counts_and_components(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["criteria", "check", "PAR-TINH-2022"]) == 0
    out = capsys.readouterr().out
    assert "8 lĩnh vực / 37 tiêu chí / 88 tiêu chí thành phần; 97 mục chấm điểm" in out
    assert (
        "    thành phần: 61,50 hội đồng thẩm định"
        " + 22,00 điều tra XHH — Điểm đánh giá của lãnh đạo, quản lý qua điều tra xã hội học"
        " + 10,00 điều tra XHH — Chỉ số hài lòng SIPAS của yếu tố"
        " + 6,50 cơ quan khác đánh giá\n" in out
    )
    assert cli.main(["--lang", "en", "criteria", "check", "PAR-TINH-2022"]) == 0
    out = capsys.readouterr().out
    assert "8 areas / 37 criteria / 88 sub-criteria; 97 scored items" in out
    assert "    components: 61.50 council-appraised + 22.00 survey — " in out


@pytest.mark.parametrize("form_id", SETS_2026)
def test_2026_sets_classes_and_names(sets: dict[str, CriteriaSet], form_id: str) -> None:
    cs = sets[form_id]
    assert (cs.year, cs.version) == (2026, "2026011501")
    assert cs.name.endswith("(mẫu minh họa)")
    assert cs.note.startswith("Mẫu minh họa")
    assert [(c.label, c.lower) for c in cs.classes] == [
        ("Tốt", D(80)),
        ("Khá", D(70)),
        ("Trung bình", D(50)),
        ("Yếu", D(0)),
    ]
    assert cs.ranking is RankingMethod.DENSE
    names = {a.code: a.name for a in cs.nodes}
    assert names.get("2", "Cải cách thể chế") == "Cải cách thể chế"
    assert names.get("6", "Cải cách tài chính công") == "Cải cách tài chính công"
    assert names["8"] == "Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội"


def test_2026_sets_share_one_frame(sets: dict[str, CriteriaSet]) -> None:
    """The same code means the same item in every 2026 set (results compare across groups)."""
    seen: dict[str, str] = {}
    for form_id in SETS_2026:
        for node in sets[form_id].walk():
            assert seen.setdefault(node.code, node.name) == node.name, (form_id, node.code)


SHAPES_2026: dict[str, tuple[tuple[int, int, int, int], dict[str, tuple[Any, Any, Any]]]] = {
    # form id: (areas, criteria, sub-criteria, leaves), {unit type: (maximum, council, survey)}
    "PAR-SBN-2026": ((8, 25, 57, 57), {"so": (100, 80, 20), "so-khong-tthc": ("70.5", "60.5", 10)}),
    "PAR-XA-2026": (
        (8, 25, 57, 57),
        {"xa": (100, 80, 20), "phuong": (100, 80, 20), "dac-khu": (97, 77, 20)},
    ),
    "PAR-NGANH-DOC-2026": ((5, 17, 41, 41), {"nganh-doc": (75, 55, 20)}),
    "PAR-TINH-HOPNHAT-2026": (
        (8, 26, 59, 59),
        {
            "so": (100, 80, 20),
            "so-khong-tthc": ("70.5", "60.5", 10),
            "nganh-doc": (75, 55, 20),
            "xa": (100, 80, 20),
            "phuong": (100, 80, 20),
            "dac-khu": (97, 77, 20),
        },
    ),
}


def test_merged_province_set_is_the_three_sets_in_one(sets: dict[str, CriteriaSet]) -> None:
    """PAR-TINH-HOPNHAT-2026 gives every unit type exactly the items, maxima and groups of its
    own 2026 set: one criteria set for a round of departments, agencies and communes."""
    merged = sets["PAR-TINH-HOPNHAT-2026"]
    parts = [sets[f] for f in ("PAR-SBN-2026", "PAR-NGANH-DOC-2026", "PAR-XA-2026")]
    assert [u.code for u in merged.unit_types] == [u.code for p in parts for u in p.unit_types]
    assert merged.ranking_groups == tuple(g for p in parts for g in p.ranking_groups)
    for part in parts:
        for unit_type in (u.code for u in part.unit_types):
            own = {
                n.code: n.max_for(unit_type)
                for n in part.walk()
                if scoring.applies_in_set(part, n.code, unit_type)
            }
            seen = {
                n.code: n.max_for(unit_type)
                for n in merged.walk()
                if scoring.applies_in_set(merged, n.code, unit_type)
            }
            assert seen == own, unit_type
    for area in ("2", "4", "6"):
        assert not merged.node(area).applies("nganh-doc")
        assert merged.node(area).applies("so")


@pytest.mark.parametrize("form_id", SETS_2026)
def test_2026_counts_and_maxima_per_unit_type(sets: dict[str, CriteriaSet], form_id: str) -> None:
    cs = sets[form_id]
    counts, maxima = SHAPES_2026[form_id]
    assert _counts(cs) == counts
    assert [u.code for u in cs.unit_types] == list(maxima)
    stats = {u.code: u for u in criteria_stats.compute(cs).unit_types}
    for unit_type, (maximum, council, survey) in maxima.items():
        assert _normal_total(cs, unit_type) == D(maximum), unit_type
        assert dict(stats[unit_type].by_assessor) == {
            Assessor.COUNCIL: D(council),
            Assessor.SURVEY: D(survey),
        }
        survey_parts = [c for c in _components(cs, unit_type) if c[0] is Assessor.SURVEY]
        expected = [(Assessor.SURVEY, LEADERS, D(10))]
        if D(survey) == 20:
            expected.append((Assessor.SURVEY, SIPAS, D(10)))
        assert survey_parts == expected, unit_type


def test_department_2026_set(sets: dict[str, CriteriaSet]) -> None:
    cs = sets["PAR-SBN-2026"]
    assert [(u.code, u.label) for u in cs.unit_types] == [
        ("so", "Sở, ban, ngành có thủ tục hành chính"),
        ("so-khong-tthc", "Sở, ban, ngành không có thủ tục hành chính"),
    ]
    assert [(g.code, g.label, g.unit_types) for g in cs.ranking_groups] == [
        ("so-ban-nganh", "Sở, ban, ngành", frozenset({"so", "so-khong-tthc"})),
    ]
    # Units without administrative procedures skip area 3, 7.2 (online services) and 8.2 (SIPAS).
    assert [(n.code, n.applies_to) for n in cs.walk() if n.applies_to is not None] == [
        ("3", frozenset({"so"})),
        ("7.2", frozenset({"so"})),
        ("8.2", frozenset({"so"})),
    ]
    # The PAR-SO-2026 unit-type codes are kept, so rounds and scripts read both alike.
    assert {u.code for u in cs.unit_types} == {u.code for u in sets["PAR-SO-2026"].unit_types}


def test_commune_2026_set(sets: dict[str, CriteriaSet]) -> None:
    cs = sets["PAR-XA-2026"]
    assert [(u.code, u.label) for u in cs.unit_types] == [
        ("xa", "Xã"),
        ("phuong", "Phường"),
        ("dac-khu", "Đặc khu"),
    ]
    # Hải Phòng 2025 ranks phường apart and xã with đặc khu.
    assert [(g.code, g.label, g.unit_types) for g in cs.ranking_groups] == [
        ("phuong", "Phường", frozenset({"phuong"})),
        ("xa-dac-khu", "Xã và đặc khu", frozenset({"xa", "dac-khu"})),
    ]
    assert [(n.code, n.applies_to) for n in cs.walk() if n.applies_to is not None] == [
        ("4.3", frozenset({"xa", "phuong"})),
    ]
    differing = {n.code: dict(n.maximum_by_unit_type) for n in cs.walk() if n.maximum_by_unit_type}
    assert differing == {
        "3": {"phuong": D(14)},
        "3.2": {"phuong": D("7.5")},
        "3.2.3": {"phuong": D(1)},
        "4": {"dac-khu": D(8)},
        "7": {"phuong": D(13)},
        "7.2": {"phuong": D("5.5")},
        "7.2.2": {"phuong": D(4)},
    }
    # A leaf whose maximum differs per type uses a rule that fits any maximum.
    for code in ("3.2.3", "7.2.2"):
        assert isinstance(cs.node(code).rule, ProportionalRule)


def test_vertical_agency_2026_set(sets: dict[str, CriteriaSet]) -> None:
    cs = sets["PAR-NGANH-DOC-2026"]
    (ut,) = cs.unit_types
    assert ut.code == "nganh-doc"
    for agency in ("thuế", "hải quan", "công an", "bảo hiểm xã hội", "kho bạc"):
        assert agency in ut.label
    assert [(g.code, g.unit_types) for g in cs.ranking_groups] == [
        ("nganh-doc", frozenset({"nganh-doc"}))
    ]
    # Appraised on the areas that apply, numbered as in the 100-point frame.
    frame = {a.code: a.name for a in sets["PAR-SBN-2026"].nodes}
    assert [a.code for a in cs.nodes] == ["1", "3", "5", "7", "8"]
    assert all(frame[a.code] == a.name for a in cs.nodes)
    not_applicable = sum(
        (
            frame_area.maximum
            for frame_area in sets["PAR-SBN-2026"].nodes
            if frame_area.code in {"2", "4", "6"}
        ),
        D(0),
    )
    assert 100 - not_applicable == _normal_total(cs, "nganh-doc") == 75


# The index is a percentage of the unit's own applicable maximum ----------------------------------


def _half_up(value: Decimal) -> Decimal:
    return value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def test_tuyen_quang_2022_published_index() -> None:
    """Tuyên Quang 2022, Sở Tư pháp: 62,62 points = 94,49 %, so its applicable maximum was 66,27
    (the only 2-place maximum that gives 94,49), not 100."""
    achieved = D("62.62")
    assert round_index(ratio_percent(achieved, D("66.27"))) == D("94.49")
    assert round_index(ratio_percent(achieved, D("66.26"))) != D("94.49")
    assert round_index(ratio_percent(achieved, D("66.28"))) != D("94.49")
    assert round_index(ratio_percent(achieved, D(100))) == D("62.62")


def _scored_entries(cs: CriteriaSet, unit_type: str) -> dict[str, LeafEntry]:
    """Plausible final points on every applicable leaf: a middle level, a lower band, 83,4 % of
    a proportional maximum, a free maximum less a step."""
    entries: dict[str, LeafEntry] = {}
    for leaf in cs.leaves():
        if leaf.role is not Role.NORMAL or not scoring.applies_in_set(cs, leaf.code, unit_type):
            continue
        rule, maximum = leaf.rule, leaf.max_for(unit_type)
        if isinstance(rule, LevelsRule):
            value = rule.levels[len(rule.levels) // 2].value
        elif isinstance(rule, BandsRule):
            value = rule.bands[1].score
        elif isinstance(rule, ProportionalRule):
            value = rule.suggest(D("83.4"), maximum)
        else:
            value = maximum - (rule.step or 0)
        entries[leaf.code] = LeafEntry(appraised=value)
    return entries


BELOW_100 = [
    ("PAR-SBN-2026", "so-khong-tthc", "70.5"),
    ("PAR-XA-2026", "dac-khu", "97"),
    ("PAR-NGANH-DOC-2026", "nganh-doc", "75"),
    ("PAR-TINH-HOPNHAT-2026", "so-khong-tthc", "70.5"),
    ("PAR-TINH-HOPNHAT-2026", "nganh-doc", "75"),
    ("PAR-TINH-HOPNHAT-2026", "dac-khu", "97"),
]


@pytest.mark.parametrize(("form_id", "unit_type", "maximum"), BELOW_100)
def test_index_is_over_the_units_own_applicable_maximum(
    sets: dict[str, CriteriaSet], form_id: str, unit_type: str, maximum: str
) -> None:
    cs = sets[form_id]
    entries = _scored_entries(cs, unit_type)
    result = scoring.score_unit(cs, "DV", unit_type, entries)
    assert result.applicable_max == D(maximum)
    assert result.achieved == sum((e.appraised or D(0) for e in entries.values()), D(0))
    assert 0 < result.achieved < result.applicable_max
    expected = _half_up(result.achieved * 100 / D(maximum))
    assert result.index == expected
    assert result.index != _half_up(result.achieved)  # not a share of 100
    assert result.classification == cs.classify(expected)
    # A leaf the council marks not applicable leaves the maximum too.
    first = next(iter(entries))
    entries[first] = LeafEntry(not_applicable=True)
    again = scoring.score_unit(cs, "DV", unit_type, entries)
    assert again.applicable_max == D(maximum) - cs.node(first).max_for(unit_type)
    assert again.index == _half_up(again.achieved * 100 / again.applicable_max)


def test_a_full_score_is_100_percent_for_every_2026_type(sets: dict[str, CriteriaSet]) -> None:
    for form_id in SETS_2026:
        cs = sets[form_id]
        for unit_type in (u.code for u in cs.unit_types):
            entries = {
                leaf.code: LeafEntry(appraised=leaf.max_for(unit_type))
                for leaf in cs.leaves()
                if scoring.applies_in_set(cs, leaf.code, unit_type)
            }
            result = scoring.score_unit(cs, "DV", unit_type, entries)
            assert result.achieved == result.applicable_max == _normal_total(cs, unit_type)
            assert result.index == 100, (form_id, unit_type)


# SIPAS and PAPI --------------------------------------------------------------------------------


def test_sipas_has_5_factors_and_22_criteria(sets: dict[str, CriteriaSet]) -> None:
    cs = sets["SIPAS-2017"]
    assert cs.decision == "2640/QĐ-BNV ngày 10/10/2017"
    assert [a.name for a in cs.nodes] == [
        "Tiếp cận dịch vụ hành chính công của cơ quan hành chính nhà nước",
        "Thủ tục hành chính",
        "Công chức giải quyết công việc",
        "Kết quả cung ứng dịch vụ hành chính công",
        "Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị",
    ]
    assert [len(a.children) for a in cs.nodes] == [4, 5, 6, 3, 4]
    leaves = list(cs.leaves())
    assert len(leaves) == 22
    assert all(leaf.depth == 2 and leaf.assessor is Assessor.SURVEY for leaf in leaves)
    assert sum((a.maximum for a in cs.nodes), D(0)) == 100
    assert {a.maximum for a in cs.nodes} == {D(20)}


def test_papi_has_8_dimensions_of_10_points(sets: dict[str, CriteriaSet]) -> None:
    cs = sets["PAPI-2018"]
    assert len(cs.nodes) == 8
    assert [len(a.children) for a in cs.nodes] == [4, 4, 3, 4, 4, 4, 3, 2]
    assert len(list(cs.leaves())) == 28
    for dimension in cs.nodes:
        assert dimension.maximum == 10
        assert sum((c.maximum for c in dimension.children), D(0)) == 10
        assert sum((c.minimum for c in dimension.children), D(0)) == dimension.minimum == 1
    for leaf in cs.leaves():
        assert leaf.assessor is Assessor.SURVEY
        assert leaf.rule == FreeRule(step=D("0.01"))
    assert cs.node("2.3").name == "Thu, chi ngân sách cấp xã/phường"
    assert cs.node("8.2").name == "Tiếp cận và sử dụng Internet tại địa phương"
