"""The criteria sets shipped in resources/criteria load, are canonical and match their sources.

Counts and sums are computed from the loaded sets; the only literals are the published figures
(seed article: PAR 2019 8/43/95 and 64,50 + 33,50 + 2,00; SIPAS 5/22; PAPI 8/28 × 10 points) and
the design decisions recorded in resources/criteria/README.md.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from decimal import Decimal

import pytest

from parapp.core import criteria_codec
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
from parapp.services.criteria_sets import BundledSet, list_bundled

D = Decimal
PROVINCIAL = ("PAR-SO-2026", "PAR-HUYEN-XA-2024")
EXPECTED = {"PAR-TINH-2019", *PROVINCIAL, "SIPAS-2017", "PAPI-2018"}


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
    for form_id in ("PAR-TINH-2019", *PROVINCIAL):
        for leaf in sets[form_id].leaves():
            if leaf.assessor is Assessor.COUNCIL:
                assert leaf.guidance, (form_id, leaf.code)
                assert leaf.evidence, (form_id, leaf.code)


def test_survey_leaves_map_percentages_to_points(sets: dict[str, CriteriaSet]) -> None:
    for form_id in ("PAR-TINH-2019", *PROVINCIAL, "SIPAS-2017"):
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
