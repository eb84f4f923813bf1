"""After the meeting: the draft decision announcing the PAR Index (Dự thảo Quyết định công bố
Chỉ số CCHC năm …) with one annex per ranking group, for the People's Committee to issue.

Written only once a meeting approved the results: the annexes are the approved ranking.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from parapp import paths
from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import format_score
from parapp.io.sheets import announce_pdf
from parapp.io.sheets.announce_pdf import AnnexRow, Announcement
from parapp.io.sheets.member_sheet import Heading, roman
from parapp.services import meeting, results
from parapp.services.context import RoundContext

log = logging.getLogger(__name__)


def build_announcement(
    ctx: RoundContext, *, province: str | None = None, date: dt.date | None = None
) -> Announcement:
    """The draft's content from the approving meeting and the round's results.

    Raises:
        ValidationError: no meeting approved the results yet.
    """
    approving = [m for m in meeting.meetings(ctx) if m.stored.approved]
    if not approving:
        raise ValidationError(
            Msg(
                "Chưa có cuộc họp Hội đồng nào thông qua kết quả: chưa lập được dự thảo quyết "
                "định công bố (parapp meeting ĐỢT … --approve …).",
                "No council meeting has approved the results yet: the draft announcement "
                "cannot be written (parapp meeting ROUND … --approve …).",
            )
        )
    held = approving[-1].stored
    year = ctx.criteria_set().year
    where = province or held.place
    day = date or ctx.clock().date()
    outcome = results.round_results(ctx)
    annexes = []
    for code, label in outcome.groups:
        rows = tuple(
            AnnexRow(
                o.unit.name,
                format_score(o.result.achieved) if o.appraised else "",
                format_score(o.result.index) if o.appraised else "",
                o.result.classification if o.appraised else "",
                str(o.rank) if o.appraised else "",
            )
            for o in outcome.in_group(code)
        )
        annexes.append((label, rows))
    held_day = held.held_on[:10]
    annex_list = ", ".join(f"Phụ lục {roman(n)}" for n in range(1, len(annexes) + 1))
    return Announcement(
        province=where,
        place_date=Heading("", "", where, day).place_date,
        year=year,
        grounds=(
            "Căn cứ Luật Tổ chức chính quyền địa phương;",
            "Căn cứ Kế hoạch cải cách hành chính và Bộ Chỉ số cải cách hành chính của tỉnh "
            f"năm {year};",
            f"Căn cứ Biên bản họp Hội đồng thẩm định số {held.number} ngày "
            f"{dt.date.fromisoformat(held_day):%d/%m/%Y};",
            "Theo đề nghị của Giám đốc Sở Nội vụ.",
        ),
        articles=(
            f"Điều 1. Công bố Chỉ số cải cách hành chính năm {year} của các cơ quan, đơn vị "
            f"({annex_list} kèm theo).",
            "Điều 2. Các cơ quan, đơn vị căn cứ kết quả Chỉ số cải cách hành chính được công bố "
            "để khắc phục hạn chế, nâng cao hiệu quả công tác cải cách hành chính.",
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân "
            "tỉnh, Giám đốc Sở Nội vụ và thủ trưởng các cơ quan, đơn vị có liên quan chịu trách "
            "nhiệm thi hành Quyết định này./.",
        ),
        recipients=(
            "- Như Điều 3;",
            "- Bộ Nội vụ;",
            "- Chủ tịch, các PCT UBND tỉnh;",
            "- Lưu: VT, SNV.",
        ),
        annexes=tuple(annexes),
        date=day,
    )


def write_announcement(
    ctx: RoundContext,
    *,
    pdf: Path,
    xlsx: Path | None = None,
    province: str | None = None,
    date: dt.date | None = None,
) -> list[Path]:
    """Write the draft decision (PDF) and, if asked, its annexes as a workbook.

    Raises:
        ValidationError: the results are not approved yet, or the same file twice.
    """
    if xlsx is not None and Path(xlsx).resolve() == Path(pdf).resolve():
        raise ValidationError(
            Msg("Bảng tính và PDF phải là hai tệp khác nhau.", "The workbook and the PDF differ.")
        )
    item = build_announcement(ctx, province=province, date=date)
    announce_pdf.write_announcement_pdf(item, Path(pdf), paths.resource("fonts"))
    written = [Path(pdf)]
    if xlsx is not None:
        announce_pdf.write_annex_xlsx(item, Path(xlsx))
        written.append(Path(xlsx))
    log.info("draft announcement written: %d annexes", len(item.annexes))
    return written
