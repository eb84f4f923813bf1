"""Names, figures and texts of the demo round (Thái Nguyên, after the 2020 seed article).

Data only; ``parapp.services.demo.year`` builds the rounds from it. The units, the council and every
figure are illustrative: the seed's published figures (SIPAS 98,40 for Sở Giao thông vận tải…)
are reused so that the demo echoes a real year, the people are invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum

from parapp.core.rounds import MemberRole

PROVINCE = "Thái Nguyên"
TZ = timezone(timedelta(hours=7))
SEED = 20201218
"""Seeds ``random.Random`` (with the unit id): same demo, same bytes."""
UUID_NAMESPACE_NAME = "https://parapp.invalid/demo"
"""Round and package ids are hashed from this name (``demo.demo_uuid``): never random."""
DEPARTMENT_TYPES = ("so", "so-khong-tthc")
DISTRICT_TYPES = ("huyen",)
# The demo's rounds keep these sets whatever newer sets are bundled (scripts rely on them).
DEPARTMENT_SET = "PAR-SO-2026"
DISTRICT_SET = "PAR-HUYEN-XA-2024"


class Flag(StrEnum):
    """A deliberate mistake in a unit's self-assessment, so the demo shows every finding."""

    ABOVE_MAX = "above_max"
    """One banded item self-scored above its maximum."""
    OFF_LEVEL = "off_level"
    """One tiered item self-scored between two allowed levels."""
    OFF_STEP = "off_step"
    """One free item self-scored off its step."""
    NO_EVIDENCE = "no_evidence"
    """One item claims points without citing any evidence."""
    MISSING_FILE = "missing_file"
    """The quarterly report is cited but the unit never supplied the file."""


@dataclass(frozen=True)
class UnitSpec:
    """One appraised unit of the demo."""

    id: str
    name: str
    unit_type: str
    issuer: str
    """Who signs the unit's documents (the evidence PDFs' header)."""
    symbol: str
    """The unit's part of document numbers: 12/KH-<symbol>."""
    quality: Decimal
    """0..1: how well the unit did; drives figures and self-scores."""
    sipas: Decimal | None = None
    """SIPAS satisfaction %, for units with administrative procedures."""
    flags: tuple[Flag, ...] = ()
    place: str = PROVINCE
    """The place on the unit's documents ("Phú Bình, ngày …")."""


def _unit(
    row: tuple[str, str, str, str, str, str, str | None, tuple[Flag, ...]],
    *,
    issuer_prefix: str = "",
    place: str = PROVINCE,
) -> UnitSpec:
    unit_id, name, unit_type, issuer, symbol, quality, sipas, flags = row
    return UnitSpec(
        id=unit_id,
        name=name,
        unit_type=unit_type,
        issuer=issuer_prefix + issuer,
        symbol=symbol,
        quality=Decimal(quality),
        sipas=None if sipas is None else Decimal(sipas),
        flags=flags,
        place=place,
    )


A, L, S, E, M = Flag.ABOVE_MAX, Flag.OFF_LEVEL, Flag.OFF_STEP, Flag.NO_EVIDENCE, Flag.MISSING_FILE

# The seed counts 19 departments; the list is plausible, not the official 2020 list. Units
# without administrative procedures of their own use the set's "so-khong-tthc" type. Quality
# orders them roughly as the seed ranks them: Sở Công Thương first, the industrial-zone board last.
# id, name, unit type, issuer, document symbol, quality, SIPAS %, deliberate mistakes
_DEPARTMENT_ROWS: tuple[tuple[str, str, str, str, str, str, str | None, tuple[Flag, ...]], ...] = (
    ("SCT", "Sở Công Thương", "so", "Sở Công Thương", "SCT", "0.96", "95.60", ()),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", "so", "Sở Kế hoạch và Đầu tư", "SKHĐT", "0.90", "96.10", ()),
    ("STC", "Sở Tài chính", "so", "Sở Tài chính", "STC", "0.86", "93.80", ()),
    ("SNV", "Sở Nội vụ", "so", "Sở Nội vụ", "SNV", "0.88", "94.20", ()),
    ("STP", "Sở Tư pháp", "so", "Sở Tư pháp", "STP", "0.84", "88.30", (L,)),
    ("SGTVT", "Sở Giao thông vận tải", "so", "Sở Giao thông vận tải", "SGTVT", "0.83", "98.40", ()),
    ("SXD", "Sở Xây dựng", "so", "Sở Xây dựng", "SXD", "0.74", "91.70", (E,)),
    (
        "STNMT",
        "Sở Tài nguyên và Môi trường",
        "so",
        "Sở Tài nguyên và Môi trường",
        "STNMT",
        "0.71",
        "89.60",
        (),
    ),
    (
        "SNNPTNT",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "so",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "SNN",
        "0.79",
        "95.10",
        (),
    ),
    (
        "STTTT",
        "Sở Thông tin và Truyền thông",
        "so",
        "Sở Thông tin và Truyền thông",
        "STTTT",
        "0.85",
        "97.30",
        (),
    ),
    (
        "SLDTBXH",
        "Sở Lao động - Thương binh và Xã hội",
        "so",
        "Sở Lao động - Thương binh và Xã hội",
        "SLĐTBXH",
        "0.73",
        "92.40",
        (),
    ),
    (
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        "so",
        "Sở Văn hóa, Thể thao và Du lịch",
        "SVHTTDL",
        "0.75",
        "93.10",
        (),
    ),
    (
        "SGDDT",
        "Sở Giáo dục và Đào tạo",
        "so",
        "Sở Giáo dục và Đào tạo",
        "SGDĐT",
        "0.80",
        "94.70",
        (),
    ),
    ("SYT", "Sở Y tế", "so", "Sở Y tế", "SYT", "0.69", "90.50", (S,)),
    ("SNGV", "Sở Ngoại vụ", "so", "Sở Ngoại vụ", "SNgV", "0.77", "96.80", ()),
    ("TTT", "Thanh tra tỉnh", "so-khong-tthc", "Thanh tra tỉnh", "TTr", "0.78", None, ()),
    (
        "VPUBND",
        "Văn phòng UBND tỉnh",
        "so-khong-tthc",
        "Văn phòng Ủy ban nhân dân tỉnh",
        "VP",
        "0.84",
        None,
        (),
    ),
    ("BDT", "Ban Dân tộc", "so-khong-tthc", "Ban Dân tộc", "BDT", "0.70", None, ()),
    (
        "BQL-KCN",
        "Ban Quản lý các khu công nghiệp tỉnh",
        "so",
        "Ban Quản lý các khu công nghiệp tỉnh",
        "BQL",
        "0.55",
        "88.30",
        (A, M),
    ),
)
DEPARTMENTS: tuple[UnitSpec, ...] = tuple(_unit(row) for row in _DEPARTMENT_ROWS)

# The nine district-level units of Thái Nguyên (Phổ Yên has been a city since 2022). SIPAS: the
# seed's highest (Phú Lương 98,20) and lowest (TP Thái Nguyên 91,40); the others in between.
_DISTRICT_ROWS: tuple[tuple[str, str, str, str, str, str, str | None, tuple[Flag, ...]], ...] = (
    (
        "UBND-TPTN",
        "UBND thành phố Thái Nguyên",
        "huyen",
        "thành phố Thái Nguyên",
        "UBND",
        "0.76",
        "91.40",
        (),
    ),
    (
        "UBND-SC",
        "UBND thành phố Sông Công",
        "huyen",
        "thành phố Sông Công",
        "UBND",
        "0.86",
        "96.50",
        (),
    ),
    (
        "UBND-PY",
        "UBND thành phố Phổ Yên",
        "huyen",
        "thành phố Phổ Yên",
        "UBND",
        "0.78",
        "94.80",
        (),
    ),
    ("UBND-PB", "UBND huyện Phú Bình", "huyen", "huyện Phú Bình", "UBND", "0.56", "93.60", (A,)),
    ("UBND-PL", "UBND huyện Phú Lương", "huyen", "huyện Phú Lương", "UBND", "0.74", "98.20", ()),
    ("UBND-DHY", "UBND huyện Đồng Hỷ", "huyen", "huyện Đồng Hỷ", "UBND", "0.70", "95.30", ()),
    ("UBND-DT", "UBND huyện Đại Từ", "huyen", "huyện Đại Từ", "UBND", "0.72", "96.90", ()),
    ("UBND-DHO", "UBND huyện Định Hóa", "huyen", "huyện Định Hóa", "UBND", "0.68", "97.40", ()),
    ("UBND-VN", "UBND huyện Võ Nhai", "huyen", "huyện Võ Nhai", "UBND", "0.64", "95.90", (L, S)),
)
DISTRICTS: tuple[UnitSpec, ...] = tuple(
    _unit(
        row,
        issuer_prefix="Ủy ban nhân dân ",
        place=row[3].removeprefix("huyện ").removeprefix("thành phố "),
    )
    for row in _DISTRICT_ROWS
)


@dataclass(frozen=True)
class MemberSpec:
    """A council member and the areas their working group appraises."""

    id: str
    name: str
    title: str
    role: MemberRole
    areas: tuple[str, ...]
    """Area codes; areas nobody is given fall to the secretary (see ``demo._area_plan``)."""


COUNCIL: tuple[MemberSpec, ...] = (
    MemberSpec(
        "CT-HD",
        "Nguyễn Quang Minh",
        "Phó Chủ tịch UBND tỉnh",
        MemberRole.CHAIR,
        ("1", "9", "10"),
    ),
    MemberSpec(
        "PCT-HD",
        "Trần Thị Thanh Hương",
        "Giám đốc Sở Nội vụ",
        MemberRole.VICE_CHAIR,
        ("4", "5"),
    ),
    MemberSpec("UV-STP", "Lê Văn Thành", "Giám đốc Sở Tư pháp", MemberRole.MEMBER, ("2", "3")),
    MemberSpec(
        "UV-STC", "Phạm Thị Mai Anh", "Giám đốc Sở Tài chính", MemberRole.MEMBER, ("6", "7")
    ),
    MemberSpec(
        "TK-HD",
        "Hoàng Đức Long",
        "Trưởng phòng Cải cách hành chính, Sở Nội vụ",
        MemberRole.SECRETARY,
        ("8",),
    ),
)


@dataclass(frozen=True)
class Schedule:
    """When each step of a demo round happens (the demo's fixed clock)."""

    created: datetime
    self_assessment: datetime
    survey: datetime
    round_1: datetime
    packages: datetime
    plan_date: str
    """The date of the units' yearly PAR plan, as printed."""
    report_date: str
    quarter_date: str


def schedule(year: int) -> Schedule:
    """The demo timeline of a year: dossiers before 10/12, round 1 from 11/12 (Đắk Nông 2016)."""
    return Schedule(
        created=datetime(year, 11, 16, 8, 0, tzinfo=TZ),
        self_assessment=datetime(year, 12, 5, 14, 0, tzinfo=TZ),
        survey=datetime(year, 12, 9, 9, 0, tzinfo=TZ),
        round_1=datetime(year, 12, 11, 8, 0, tzinfo=TZ),
        packages=datetime(year, 12, 11, 9, 0, tzinfo=TZ),
        plan_date=f"ngày 15 tháng 01 năm {year}",
        report_date=f"ngày 02 tháng 12 năm {year}",
        quarter_date=f"ngày 15 tháng 9 năm {year}",
    )


def round_name(year: int, district: bool) -> str:
    """The round's name as the secretary would type it."""
    who = "UBND các huyện, thành phố" if district else "các sở, ban, ngành"
    return f"Thẩm định Chỉ số CCHC năm {year} của {who} tỉnh {PROVINCE} (dữ liệu minh họa)"


def survey_source(year: int) -> str:
    """The name under which the survey results are imported."""
    return f"Kết quả điều tra XHH năm {year} (minh họa)"


# Evidence documents --------------------------------------------------------------------------

PLAN_FILE = "KH-CCHC-{year}-{unit}.pdf"
REPORT_FILE = "BC-CCHC-{year}-{unit}.pdf"
QUARTER_FILE = "BC-CCHC-QIII-{year}-{unit}.pdf"
TTHC_FILE = "QD-CONG-BO-TTHC-{unit}.pdf"

PLAN_TITLE = "Kế hoạch cải cách hành chính năm {year}"
REPORT_TITLE = "Báo cáo kết quả thực hiện công tác cải cách hành chính năm {year}"
QUARTER_TITLE = "Báo cáo công tác cải cách hành chính quý III năm {year}"
TTHC_TITLE = "Quyết định công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của {unit}"
PROVINCE_ISSUER = f"Ủy ban nhân dân tỉnh {PROVINCE}"

PLAN_PURPOSE = (
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "Thực hiện Kế hoạch cải cách hành chính năm {year} của UBND tỉnh {province}, {unit} ban hành "
    "Kế hoạch cải cách hành chính năm {year} với các nhiệm vụ cụ thể, xác định rõ kết quả phải "
    "đạt được, thời hạn hoàn thành và trách nhiệm của từng phòng, đơn vị trực thuộc.\n"
    "Kế hoạch bám sát các lĩnh vực của Bộ chỉ số cải cách hành chính năm {year}; bảo đảm tiết "
    "kiệm, hiệu quả, gắn với nhiệm vụ chính trị của đơn vị."
)
PLAN_TASKS = "II. NHIỆM VỤ TRỌNG TÂM (phụ lục nhiệm vụ theo tiêu chí)"
PLAN_BUDGET = (
    "III. KINH PHÍ VÀ TỔ CHỨC THỰC HIỆN\n"
    "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách năm {year} của đơn vị: "
    "{budget} triệu đồng.\n"
    "Văn phòng (bộ phận tổng hợp) là đầu mối theo dõi, đôn đốc; các phòng, đơn vị báo cáo kết "
    "quả định kỳ hằng quý, 6 tháng và năm theo hướng dẫn của Sở Nội vụ."
)
REPORT_INTRO = (
    "I. KHÁI QUÁT CHUNG\n"
    "Năm {year}, {unit} tiếp tục quán triệt, triển khai đồng bộ các nhiệm vụ cải cách hành chính "
    "theo Kế hoạch số {plan_number} {plan_day}. Báo cáo này tổng hợp kết quả thực hiện từng "
    "tiêu chí, tiêu chí thành phần và số liệu kê khai làm căn cứ tự đánh giá, chấm điểm.\n"
    "II. KẾT QUẢ THỰC HIỆN THEO TỪNG LĨNH VỰC (từ trang 2)"
)
QUARTER_INTRO = (
    "I. KẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ III\n"
    "Các báo cáo cải cách hành chính định kỳ (quý I, 6 tháng, quý III) được gửi Sở Nội vụ đúng "
    "thời hạn quy định, đủ nội dung theo đề cương hướng dẫn."
)
QUARTER_FIGURES = (
    "II. BIỂU SỐ LIỆU\n"
    "Số nhiệm vụ cải cách hành chính trong kế hoạch: {tasks_total}; đã hoàn thành đến hết quý "
    "III: {tasks_done}."
)
TTHC_DECISION = (
    "QUYẾT ĐỊNH\n"
    "Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính thuộc thẩm quyền giải "
    "quyết của {unit}.\n"
    "Điều 2. {unit} niêm yết, công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa và trên "
    "Cổng dịch vụ công của tỉnh; cập nhật vào Cơ sở dữ liệu quốc gia về thủ tục hành chính.\n"
    "Điều 3. Quyết định có hiệu lực kể từ ngày ký."
)
TTHC_LIST = "DANH MỤC THỦ TỤC HÀNH CHÍNH ĐƯỢC CÔNG BỐ"
PROCEDURES = (
    "Cấp giấy phép kinh doanh",
    "Cấp lại giấy chứng nhận đủ điều kiện",
    "Điều chỉnh nội dung giấy phép",
    "Thẩm định hồ sơ đề nghị công nhận",
    "Cấp giấy xác nhận đăng ký",
    "Gia hạn giấy phép hoạt động",
)

# Results and explanations --------------------------------------------------------------------

RESULT_FULL = (
    "Đã thực hiện đầy đủ, đúng quy định và đúng thời hạn",
    "Hoàn thành 100% nhiệm vụ theo kế hoạch",
    "Thực hiện nghiêm túc, có văn bản chỉ đạo và báo cáo kết quả",
)
RESULT_PART = (
    "Đã thực hiện nhưng chưa đầy đủ một số nội dung",
    "Thực hiện chậm so với thời hạn kế hoạch",
    "Một số phòng, đơn vị trực thuộc chưa hoàn thành",
)
RESULT_NONE = (
    "Chưa thực hiện trong năm đánh giá",
    "Không có kết quả trong năm",
)
RESULT_FIGURE = "{label} đạt {figure}%"
BONUS_RESULT = "Được cấp có thẩm quyền ghi nhận (xem hồ sơ kèm theo)"
PENALTY_RESULT = "Đơn vị tự nhận điểm trừ theo văn bản nhắc nhở của UBND tỉnh"

EXPLANATIONS = (
    "Đơn vị đã triển khai nhưng văn bản ban hành chậm do kiện toàn lãnh đạo trong quý I.",
    "Một số nhiệm vụ chuyển sang năm sau theo chỉ đạo của UBND tỉnh; đơn vị đã báo cáo.",
    "Số liệu tổng hợp đến ngày 30/11; đơn vị sẽ cập nhật số liệu cả năm khi giải trình.",
    "Phần mềm của tỉnh gián đoạn trong tháng 8 nên một số hồ sơ không cập nhật kịp.",
    "Đơn vị đề nghị Hội đồng xem xét thêm kết quả triển khai thực tế tại các phòng chuyên môn.",
)
EXPLAIN_ABOVE_MAX = (
    "Đơn vị hoàn thành vượt chỉ tiêu kế hoạch nên đề nghị cộng thêm 0,5 điểm cho tiêu chí này."
)
EXPLAIN_OFF_LEVEL = "Đơn vị ban hành kịp thời nhưng nội dung chưa đầy đủ nên tự chấm mức giữa."
EXPLAIN_OFF_STEP = "Đơn vị tự chấm theo tỷ lệ công việc đã hoàn thành."
EXPLAIN_NO_EVIDENCE = "Tài liệu kiểm chứng đang lưu tại bộ phận văn thư, sẽ bổ sung khi thẩm định."
