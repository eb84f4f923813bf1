"""The demo folder's README.txt, in Vietnamese then English: what is where, the demo passphrase,
and the commands to try. Relative paths only, so two builds write the same bytes."""

from __future__ import annotations

from parapp.io.files.atomic import write_bytes_atomic
from parapp.services.demo import data
from parapp.services.demo.pki import CA_FILE, CERTIFICATES_DIR, DEMO_PASSPHRASE
from parapp.services.demo.result import README, DemoResult
from parapp.services.demo.workspaces import (
    CROSS_CHECK_AREA,
    CROSS_CHECKED,
    SUBMISSIONS_DIR,
    TYPO_UNIT,
    WORKSPACES_DIR,
)

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
    text = _VI.format(**fields) + "\n\n" + _EN.format(**fields)
    write_bytes_atomic(result.outdir / README, text.replace("\n", "\r\n").encode("utf-8-sig"))
