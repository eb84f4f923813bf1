"""The demo folder's README.txt, in Vietnamese then English: what is where, the demo passphrase,
and the commands to try. Relative paths only, so two builds write the same bytes."""

from __future__ import annotations

import datetime as dt

from parapp.io.files.atomic import write_bytes_atomic
from parapp.services.demo import data
from parapp.services.demo.pki import CA_FILE, CERTIFICATES_DIR, DEMO_PASSPHRASE
from parapp.services.demo.result import README, DemoResult, WholeYear
from parapp.services.demo.workspaces import (
    CROSS_CHECK_AREA,
    CROSS_CHECKED,
    SUBMISSIONS_DIR,
    TYPO_UNIT,
    WORKSPACES_DIR,
)
from parapp.services.round_lock import ARCHIVE_SUFFIX

_VI = """\
DỮ LIỆU MINH HỌA PARAPP — KHÔNG PHẢI SỐ LIỆU THẬT
=================================================

Năm thẩm định minh họa của tỉnh {province}: đơn vị, con người và điểm số đều là giả định.

Nội dung thư mục
----------------
{rounds_vi}
  evidence/            Tài liệu kiểm chứng (PDF) của từng đơn vị.
  packages/            Gói chấm điểm (.parpkg) thư ký gửi cho từng thành viên.
  {workspaces}/          Không gian làm việc đã chấm của từng thành viên{no_submissions_vi}.
  {submissions}/         Phiếu chấm đã ký số của từng thành viên (.parscore){no_submissions_vi}.
  {certificates}/        Chứng thư số minh họa: {ca} (CA minh họa) và, cho mỗi thành viên,
                       <mã>.p12 (khóa ký) và <mã>.pem (chứng thư, đã đăng ký trong đợt).

Mật khẩu của mọi tệp khóa .p12 minh họa: {passphrase}
Các khóa này công khai, chỉ dùng để thử; không bao giờ dùng để ký văn bản thật.

Thành viên hội đồng
-------------------
{council}

Những điểm cố ý đưa vào
-----------------------
- Một số đơn vị tự chấm sai (vượt điểm tối đa, sai mức, sai bước điểm, thiếu tài liệu, thiếu tệp):
  xem các cảnh báo khi chấm.
- Thư ký kiểm tra chéo lĩnh vực {area} của {cross_checked}: vài mục chấm khác Chủ tịch Hội đồng.
- Chủ tịch Hội đồng gõ nhầm một điểm vượt tối đa cho {typo}, được cảnh báo rồi sửa lại: cả hai
  lần lưu có trong nhật ký thay đổi của không gian làm việc.

Thử các lệnh (đặt mật khẩu vào biến môi trường, không gõ trên dòng lệnh)
------------------------------------------------------------------------
  export PARAPP_DEMO_PASS='{passphrase}'
  parapp export {workspaces}/{first_ws} --unit {typo} --pdf phieu.pdf --xlsx phieu.xlsx \\
      --place "{province}" --p12 {certificates}/{first}.p12 --pass-env PARAPP_DEMO_PASS
  parapp submit {workspaces}/{first_ws} -o nop-lai.parscore --place "{province}" \\
      --p12 {certificates}/{first}.p12 --pass-env PARAPP_DEMO_PASS
  parapp verify {submissions}/<tệp>.parscore --ca {certificates}/{ca}
"""

_EN = """\
PARAPP DEMO DATA — NOT REAL FIGURES
===================================

A demo appraisal year of {province} province: units, people and scores are made up.

What is where
-------------
{rounds_en}
  evidence/            Each unit's evidence documents (PDF).
  packages/            The scoring packages (.parpkg) the secretary sends to each member.
  {workspaces}/          Each member's workspace, scored (.parround){no_submissions_en}.
  {submissions}/         Each member's signed score package (.parscore){no_submissions_en}.
  {certificates}/        Demo certificates: {ca} (the demo CA) and, per member, <id>.p12 (the
                       signing key) and <id>.pem (the certificate registered in the rounds).

Passphrase of every demo .p12 key file: {passphrase}
These keys are public and for trying things out only; never sign a real document with them.

Council
-------
{council}

Deliberate mistakes
-------------------
- Some units' self-assessments are wrong (above the maximum, off the levels, off the step,
  without evidence, a missing file): see the findings while scoring.
- The secretary cross-checks area {area} of {cross_checked}: a few items differ from the chair's.
- The chair mistypes a score above the maximum for {typo}, is warned and corrects it: both saves
  are in the workspace's audit log.

Commands to try (the passphrase goes in an environment variable, never on the command line)
-------------------------------------------------------------------------------------------
  export PARAPP_DEMO_PASS='{passphrase}'
  parapp export {workspaces}/{first_ws} --unit {typo} --pdf sheet.pdf --xlsx sheet.xlsx \\
      --place "{province}" --p12 {certificates}/{first}.p12 --pass-env PARAPP_DEMO_PASS
  parapp submit {workspaces}/{first_ws} -o resubmitted.parscore --place "{province}" \\
      --p12 {certificates}/{first}.p12 --pass-env PARAPP_DEMO_PASS
  parapp verify {submissions}/<file>.parscore --ca {certificates}/{ca}
"""


_WHOLE_VI = """
Cả năm thẩm định trên một đợt riêng: {round}
{rule_vi}
Đợt này (mã đợt riêng, cùng các sở, ban, ngành và Hội đồng như {base}) đi hết năm; {base}
vẫn dừng ở thẩm định lần 1, chưa tổng hợp, để thử việc tổng hợp phiếu chấm.
  {round1}/             Gói, không gian làm việc và phiếu chấm lần 1 đã ký của đợt cả năm
                       (đã tổng hợp vào đợt).
  notices/             Thông báo kết quả thẩm định lần 1 gửi từng đơn vị: <mã>.pdf (thư ký ký số)
                       và <mã>.xlsx; hạn giải trình {deadline}.
  explanations/        Phiếu giải trình của {explaining} đơn vị ({units}): <mã>.xlsx (điểm đề
                       nghị, giải trình, tài liệu mới, lãnh đạo đơn vị đã duyệt) và tài liệu
                       kiểm chứng mới trong explanations/{new_dir}/; đã nhập vào đợt.
  round2/              Thẩm định lần 2: packages/ (gói gồm đúng các mục đã giải trình, cho
                       thành viên chấm các mục đó), workspaces/ và submissions/ (phiếu chấm
                       lần 2 đã ký, đã tổng hợp).
  meeting/bien-ban.pdf Biên bản họp Hội đồng {number}: {absent} vắng, có ý kiến bằng văn bản;
                       thư ký chuyển {referred} ra Hội đồng: mục đầu thông qua theo biểu quyết,
                       mục sau Chủ tọa quyết định; Hội đồng thông qua kết quả. Hai chữ ký số:
                       thư ký rồi Chủ tọa.
  results/             ket-qua.pdf (bảng tổng hợp, thư ký ký số), ket-qua.xlsx, và
                       du-thao-quyet-dinh.pdf (dự thảo Quyết định công bố, phụ lục theo nhóm)
                       kèm {annex}.
Đợt đã chốt điểm (giai đoạn “Chốt điểm”; bản lưu {archive} bên cạnh): mọi thay
đổi điểm bị từ chối cho đến khi mở lại giai đoạn có ghi lý do.
  parapp round show {round}
  parapp verify meeting/bien-ban.pdf --ca {certificates}/{ca}
  parapp results {round} --xlsx ket-qua-lai.xlsx --place "{province}"
"""

_WHOLE_EN = """
The whole year on a round of its own: {round}
{rule_en}
This round (its own round id; the same departments and council as {base}) goes through the
whole year; {base} stays at appraisal round 1 with nothing merged, for trying the merge.
  {round1}/             The whole-year round's round-1 packages, workspaces and signed
                       submissions (merged into the round).
  notices/             Each unit's round-1 notice: <code>.pdf (signed by the secretary) and
                       <code>.xlsx; explanations due {deadline}.
  explanations/        The explanation forms of {explaining} units ({units}): <code>.xlsx
                       (proposed score, explanation, new evidence, the leader's approval) and
                       the new evidence in explanations/{new_dir}/; imported.
  round2/              Appraisal round 2: packages/ (exactly the explained items, for the
                       members who appraise them), workspaces/ and submissions/ (signed,
                       merged).
  meeting/bien-ban.pdf The minutes of meeting {number}: {absent} absent with a written
                       opinion; the secretary sent {referred} to the council: the first carried
                       by vote, the chair decided the second; the results approved. Two digital
                       signatures: the secretary, then the chair.
  results/             ket-qua.pdf (the results, signed by the secretary), ket-qua.xlsx, and
                       du-thao-quyet-dinh.pdf (the draft announcement decision, one annex per
                       ranking group) with {annex}.
The round is frozen (phase “Frozen”; its archive {archive} beside it): every score
change is refused until a phase is reopened with a reason.
  parapp round show {round}
  parapp verify meeting/bien-ban.pdf --ca {certificates}/{ca}
  parapp results {round} --xlsx results-again.xlsx --place "{province}"
"""


def _whole_year(result: DemoResult, whole: WholeYear, lang: str) -> str:
    from parapp.services.demo import whole_year as w  # noqa: PLC0415 - built with it

    units = [p.stem for p in whole.explanations]
    template = _WHOLE_VI if lang == "vi" else _WHOLE_EN
    rule = "=" * (len("Cả năm thẩm định trên một đợt riêng: ") + len(whole.round.path.name))
    rule_en = "=" * (len("The whole year on a round of its own: ") + len(whole.round.path.name))
    return template.format(
        round=whole.round.path.name,
        rule_vi=rule,
        rule_en=rule_en,
        base=result.rounds[0].path.name,
        round1=w.ROUND1_DIR,
        deadline=f"{w.NOTICES_AT.date() + dt.timedelta(days=w.DEADLINE_DAYS):%d/%m/%Y}",
        explaining=len(units),
        units=", ".join(units),
        new_dir=w.NEW_EVIDENCE_DIR,
        number=w.MINUTES_NUMBER,
        absent=w.ABSENT,
        referred=" và ".join(f"{u} {c}" for u, c in whole.referred)
        if lang == "vi"
        else " and ".join(f"{u} {c}" for u, c in whole.referred),
        annex=whole.announcement_xlsx.name,
        archive=whole.round.path.stem + ARCHIVE_SUFFIX,
        certificates=CERTIFICATES_DIR,
        ca=CA_FILE,
        province=data.PROVINCE,
    )


def write(result: DemoResult) -> None:
    """Write ``README.txt`` into the demo folder."""
    first = data.COUNCIL[0].id
    first_ws = f"{result.rounds[0].form_id}_{first}.parround"
    empty = not result.submissions
    cross = sorted({u for units in CROSS_CHECKED.values() for u in units})
    fields = {
        "province": data.PROVINCE,
        "workspaces": WORKSPACES_DIR,
        "submissions": SUBMISSIONS_DIR,
        "certificates": CERTIFICATES_DIR,
        "ca": CA_FILE,
        "passphrase": DEMO_PASSPHRASE,
        "council": "\n".join(f"  {m.id:<8} {m.name} — {m.title}" for m in data.COUNCIL),
        "area": CROSS_CHECK_AREA,
        "cross_checked": ", ".join(cross),
        "typo": TYPO_UNIT,
        "first": first,
        "first_ws": first_ws,
        "no_submissions_vi": " — lần dựng này không tạo (parapp demo THƯ_MỤC tạo)" if empty else "",
        "no_submissions_en": " — not made by this build (parapp demo OUTDIR makes it)"
        if empty
        else "",
        "rounds_vi": "\n".join(
            f"  {r.path.name:<20} Đợt thẩm định của thư ký ({r.units} đơn vị)."
            for r in result.rounds
        ),
        "rounds_en": "\n".join(
            f"  {r.path.name:<20} The secretary's round ({r.units} units)." for r in result.rounds
        ),
    }
    vi, en = _VI.format(**fields), _EN.format(**fields)
    if result.whole_year is not None:
        vi += _whole_year(result, result.whole_year, "vi")
        en += _whole_year(result, result.whole_year, "en")
    text = vi + "\n\n" + en
    write_bytes_atomic(result.outdir / README, text.replace("\n", "\r\n").encode("utf-8-sig"))
