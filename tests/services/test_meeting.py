"""The council meeting on a real merged round: decisions by vote and by the chair through the
resolution and audit path, each refused meeting leaving the round file unchanged, the frozen
lock, the minutes signed twice (pdfsig, pdftotext) and the draft announcement."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.errors import ValidationError
from parapp.core.rounds import Phase
from parapp.services import announce, audit, meeting, minutes, results, rounds
from parapp.services.context import RoundContext
from parapp.services.meeting import ItemInput, MeetingInput, Votes
from parapp.services.signing import Pkcs12Key
from tests.services.meeting_world import dump, meeting_round, world_keys
from tests.services.merge_world import Keys
from tests.signing_pki import P12_PASSPHRASE


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return world_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def ctx(tmp_path: Path, keys: Keys) -> Iterator[RoundContext]:
    context = meeting_round(tmp_path / "dot.parround", keys)
    yield context
    context.close()


def good(**changes: object) -> MeetingInput:
    base = {
        "number": "01/BB-HĐTĐ",
        "held_on": "2027-01-15 08:30",
        "place": "Thái Nguyên",
        "chair_id": "ct",
        "present": ("ct", "tk", "m1", "m2"),
        "written": {"m3": "Đồng ý với tổ thẩm định."},
        "items": (
            ItemInput("A", "1.1", "3", Votes(("ct", "tk", "m1"), ("m2",)), note="Xem lại KH."),
            ItemInput("B", "1.2", "4", Votes(("ct", "m1"), ("m2", "tk")), chair_value="4,5"),
        ),
        "approve": Votes(("ct", "tk", "m1", "m2")),
    }
    base.update(changes)
    return MeetingInput(**base)  # type: ignore[arg-type]


def test_decisions_by_vote_and_by_the_chair_go_through_the_audit_trail(
    ctx: RoundContext,
) -> None:
    assert [(i.unit_id, i.node_code) for i in meeting.contested_items(ctx)] == [
        ("A", "1.1"),
        ("B", "1.2"),
    ]
    assert not meeting.results_approved(ctx)
    record = meeting.record_meeting(ctx, good())
    decided = {(i.unit_id, i.node_code): (i.value, i.decided_by) for i in record.stored.items}
    assert decided == {("A", "1.1"): (Decimal(3), "vote"), ("B", "1.2"): (Decimal("4.5"), "chair")}
    assert [m.id for m in record.absent] == []
    assert [(m.id, t) for m, t in record.written] == [("m3", "Đồng ý với tổ thẩm định.")]
    assert meeting.results_approved(ctx)
    assert meeting.contested_items(ctx) == []
    consolidated = results.consolidation(ctx)
    a11 = next(i for i in consolidated.items["A"] if i.node_code == "1.1")
    assert a11.consolidated.value == Decimal(3)
    trail = [r for r in audit.audit_rows(ctx) if r.action == "meeting_decision"]
    assert [(r.unit_id, r.node_code, r.new, r.source) for r in trail] == [
        ("A", "1.1", "3", "meeting 01/BB-HĐTĐ"),
        ("B", "1.2", "4.5", "meeting 01/BB-HĐTĐ"),
    ]
    assert trail[1].reason.startswith("Biểu quyết không đạt")
    assert all(r.actor == "tk" and r.at for r in trail)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"items": (ItemInput("A", "1.1", "3", Votes(("ct", "tk", "m1", "m2", "m3", "ct"))),)},
            "more votes than voters",
        ),
        (
            {"items": (ItemInput("A", "1.1", "3", Votes(("ct", "zz"))),)},
            "“zz” is not on the council",
        ),
        (
            {"present": ("ct", "tk"), "written": {}, "items": (), "approve": Votes(("ct", "tk"))},
            "without quorum cannot approve",
        ),
        (
            {"items": (ItemInput("B", "1.2", "4", Votes(("ct",), ("m2", "tk", "m1"))),)},
            "the chair must decide",
        ),
        (
            {"items": (ItemInput("A", "2.1", "5", Votes(("ct", "tk", "m1"))),)},
            "neither still contested",
        ),
        ({"items": (ItemInput("A", "1.1", "7", Votes(("ct", "tk", "m1"))),)}, "A 1.1"),
        ({"chair_id": "m3"}, "must be present"),
    ],
)
def test_refused_meeting_leaves_the_round_unchanged(
    ctx: RoundContext, changes: dict[str, object], expected: str
) -> None:
    before = dump(ctx.path)
    with pytest.raises(ValidationError) as caught:
        meeting.record_meeting(ctx, good(**changes))
    assert expected in caught.value.msg.en
    assert caught.value.msg.vi
    assert dump(ctx.path) == before


def test_majority_of_all_counts_written_opinions(ctx: RoundContext) -> None:
    meeting.set_quorum_rule(ctx, "majority_of_all")
    # 2 present agree + m3 in writing = 3 of 5 > 50 %.
    item = ItemInput("A", "1.1", "3", Votes(("ct", "m1", "m3"), ("m2", "tk")))
    record = meeting.record_meeting(ctx, good(items=(item,), approve=None))
    assert record.stored.items[0].decided_by == "vote"
    assert [v.written for v in record.votes("A/1.1") if v.member_id == "m3"] == [True]
    assert [r.field for r in audit.audit_rows(ctx) if r.action == "round_settings"][-1] == (
        "quorum_rule"
    )


def test_referred_item_is_put_to_the_council(ctx: RoundContext) -> None:
    meeting.refer_item(ctx, "A", "2.1", "Đơn vị đề nghị xem lại.")
    assert ("A", "2.1", "secretary") in [
        (i.unit_id, i.node_code, i.origin) for i in meeting.contested_items(ctx)
    ]
    item = ItemInput("A", "2.1", "4", Votes(("ct", "tk", "m1")))
    meeting.record_meeting(ctx, good(items=(*good().items, item)))
    assert all(i.node_code != "2.1" for i in meeting.contested_items(ctx))


def test_frozen_round_refuses_score_changes_until_reopened(ctx: RoundContext) -> None:
    meeting.record_meeting(ctx, good())
    rounds.advance_phase(ctx, Phase.EXPLANATION)
    rounds.advance_phase(ctx, Phase.ROUND_2)
    rounds.advance_phase(ctx, Phase.FROZEN)
    before = dump(ctx.path)
    with pytest.raises(ValidationError, match="frozen"):
        results.resolve(ctx, "A", "1.2", "4", "late change")
    with pytest.raises(ValidationError, match="frozen"):
        results.set_settings(ctx, "mean")
    with pytest.raises(ValidationError, match="frozen"):
        meeting.refer_item(ctx, "A", "2.1")
    assert dump(ctx.path) == before
    rounds.advance_phase(ctx, Phase.ROUND_2, note="Sửa sai sót số liệu")
    results.resolve(ctx, "A", "1.2", "4", "late change")
    assert [r.action for r in audit.audit_rows(ctx)][-2:] == ["reopen_phase", "resolve"]


def _pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout


def test_minutes_signed_by_the_secretary_then_the_chair(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    meeting.record_meeting(ctx, good())
    pdf = tmp_path / "bien-ban.pdf"
    secretary = Pkcs12Key(keys.p12["tk"], P12_PASSPHRASE)
    chair = Pkcs12Key(keys.p12["ct"], P12_PASSPHRASE)
    with pytest.raises(ValidationError, match="secretary signs the minutes first"):
        minutes.sign_minutes(ctx, pdf, minutes.Signer.CHAIR, chair, keys.trust)
    minutes.sign_minutes(ctx, pdf, minutes.Signer.SECRETARY, secretary, keys.trust)
    first = pdf.read_bytes()
    signed = minutes.sign_minutes(ctx, pdf, minutes.Signer.CHAIR, chair, keys.trust)
    assert pdf.read_bytes().startswith(first)  # incremental
    assert [(v.field_name, v.intact) for v in signed.verdicts] == [
        ("ThuKy", True),
        ("ChuToa", True),
    ]
    report = _pdfsig(pdf)
    assert report.count("Signature is Valid.") == 2
    assert "ThuKy" in report
    assert "ChuToa" in report
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=False
    ).stdout
    text = " ".join(text.split())
    for expected in ("BIÊN BẢN", "Số: 01/BB-HĐTĐ", "THƯ KÝ", "CHỦ TỌA", "Chủ tọa quyết định",
                     "Trần Thị Thư", "Nguyễn Văn Chủ", "ý kiến bằng văn bản"):  # fmt: skip
        assert expected in text, expected
    with pytest.raises(ValidationError, match="not this meeting's minutes"):
        minutes.sign_minutes(ctx, pdf, minutes.Signer.CHAIR, chair, keys.trust)


def test_wrong_certificate_cannot_sign_the_minutes(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    meeting.record_meeting(ctx, good())
    pdf = tmp_path / "bien-ban.pdf"
    with pytest.raises(Exception, match="not the one registered"):
        minutes.sign_minutes(
            ctx,
            pdf,
            minutes.Signer.SECRETARY,
            Pkcs12Key(keys.p12["m1"], P12_PASSPHRASE),
            keys.trust,
        )
    assert not pdf.exists()


def test_announcement_needs_approval_and_has_one_annex_per_group(
    ctx: RoundContext, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="No council meeting has approved"):
        announce.write_announcement(ctx, pdf=tmp_path / "qd.pdf")
    meeting.record_meeting(ctx, good())
    announce.write_announcement(ctx, pdf=tmp_path / "qd.pdf", xlsx=tmp_path / "qd.xlsx")
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "qd.pdf"), "-"], capture_output=True, text=True, check=False
    ).stdout
    text = " ".join(text.split())
    for expected in ("DỰ THẢO", "QUYẾT ĐỊNH", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                     "PHÓ CHỦ TỊCH", "Phụ lục I", "Sở A", "01/BB-HĐTĐ"):  # fmt: skip
        assert expected in text, expected
    from openpyxl import load_workbook

    workbook = load_workbook(tmp_path / "qd.xlsx")
    assert workbook.sheetnames == ["Phu luc I"]
    assert [c.value for c in workbook["Phu luc I"][3]][:2] == [1, "Sở A"]


def test_results_say_provisional_until_the_meeting_approves_them(
    ctx: RoundContext, tmp_path: Path
) -> None:
    import datetime as dt

    from openpyxl import load_workbook

    from parapp.services import reports

    def export(name: str) -> tuple[str, str]:
        files = reports.export_results(
            ctx,
            xlsx=tmp_path / f"{name}.xlsx",
            pdf=tmp_path / f"{name}.pdf",
            place="Thái Nguyên",
            date=dt.date(2027, 1, 20),
        )
        assert files.pdf is not None
        assert files.xlsx is not None
        first = load_workbook(files.xlsx).worksheets
        cells = " ".join(str(c.value) for ws in first for c in ws[1] if c.value)
        pdf = subprocess.run(
            ["pdftotext", "-l", "1", str(files.pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return cells, " ".join(pdf.split())

    meeting.refer_item(ctx, "A", "2.1")  # nothing decided yet
    results.resolve(ctx, "A", "1.1", "3", "tạm")
    results.resolve(ctx, "B", "1.2", "4", "tạm")
    cells, pdf = export("truoc")
    assert "KẾT QUẢ TẠM THỜI" in cells
    assert "Kết quả tạm thời" in pdf
    item = ItemInput("A", "2.1", "5", Votes(("ct", "tk", "m1")))
    meeting.record_meeting(ctx, good(items=(item,)))
    cells, pdf = export("sau")
    assert "TẠM THỜI" not in cells
    assert "tạm thời" not in pdf
