"""Round lifecycle against a real round file on disk."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from parapp.core.criteria import CriteriaSet
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import UserFacingError, ValidationError
from parapp.core.rounds import MemberRole, Phase
from parapp.services import rounds
from parapp.services.context import RoundContext, open_round
from tests.signing_pki import issue, make_ca

SET = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": "T-SO",
    "version": "2026010101",
    "year": 2026,
    "name": "Bộ thử",
    "unit_types": [{"code": "so", "label": "Sở"}, {"code": "huyen", "label": "Huyện"}],
    "ranking_groups": [
        {"code": "g-so", "label": "Sở", "unit_types": ["so"]},
        {"code": "g-huyen", "label": "Huyện", "unit_types": ["huyen"]},
    ],
    "nodes": [
        {"code": "1", "name": "Chỉ đạo", "maximum": "2"},
        {"code": "1.1", "name": "Kế hoạch", "maximum": "2"},
        {"code": "2", "name": "Thủ tục", "maximum": "3"},
    ],
}


def clock() -> datetime:
    return datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@pytest.fixture
def criteria_set() -> CriteriaSet:
    return from_dict(SET)


@pytest.fixture
def ctx(tmp_path: Path, criteria_set: CriteriaSet) -> Iterator[RoundContext]:
    context = rounds.create_round(
        tmp_path / "2026-so.parround", criteria_set, "Thẩm định 2026", clock=clock, actor="Thư ký"
    )
    yield context
    context.close()


def test_created_round_is_reopened_with_its_frozen_set(
    ctx: RoundContext, criteria_set: CriteriaSet
) -> None:
    ctx.close()
    with open_round(ctx.path, clock=clock) as again:
        info = rounds.round_info(again)
        assert (info.form_id, info.form_version, info.phase) == (
            "T-SO",
            "2026010101",
            Phase.SELF_ASSESSMENT,
        )
        assert info.created_at == "2026-11-26T09:30:00+00:00"
        assert again.criteria_set() == criteria_set


def test_database_is_wal_with_foreign_keys(ctx: RoundContext) -> None:
    ctx.close()
    with sqlite3.connect(ctx.path) as raw:
        assert raw.execute("pragma journal_mode").fetchone()[0] == "wal"
        assert raw.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_units_get_their_ranking_group_from_the_set(ctx: RoundContext) -> None:
    rounds.add_unit(ctx, "STP", "Sở Tư pháp", "so")
    rounds.add_unit(ctx, "PB", "UBND huyện Phú Bình", "huyen")
    assert [(u.id, u.ranking_group, u.position) for u in rounds.list_units(ctx)] == [
        ("STP", "g-so", 1),
        ("PB", "g-huyen", 2),
    ]


@pytest.mark.parametrize(
    ("unit_id", "name", "unit_type", "message"),
    [
        ("STP", "Trùng", "so", "Mã đơn vị “STP” đã có."),
        ("bad id", "Tên", "so", "Mã đơn vị “bad id” không hợp lệ"),
        ("X", "  ", "so", "Đơn vị “X” chưa có tên."),
        ("X", "Tên", "xa", "Loại đơn vị “xa” không có trong bộ tiêu chí"),
    ],
)
def test_bad_units_are_refused(
    ctx: RoundContext, unit_id: str, name: str, unit_type: str, message: str
) -> None:
    rounds.add_unit(ctx, "STP", "Sở Tư pháp", "so")
    with pytest.raises(ValidationError) as caught:
        rounds.add_unit(ctx, unit_id, name, unit_type)
    assert caught.value.msg.vi.startswith(message)
    assert [u.id for u in rounds.list_units(ctx)] == ["STP"]


def test_adding_units_is_all_or_nothing(ctx: RoundContext) -> None:
    with pytest.raises(ValidationError):
        rounds.add_units(ctx, [("A", "Sở A", "so"), ("B", "Sở B", "nope")])
    assert rounds.list_units(ctx) == []


def test_members_and_default_scope_cover_everything(ctx: RoundContext) -> None:
    rounds.add_units(ctx, [("A", "Sở A", "so"), ("B", "Sở B", "so")])
    with pytest.raises(ValidationError, match="cannot be read"):  # not a certificate
        rounds.add_member(ctx, "m1", "Nguyễn Văn A", "", MemberRole.MEMBER, b"cert")
    ca_key, ca_cert = make_ca()
    _, cert = issue(
        ca_key,
        ca_cert,
        "Nguyễn Văn A",
        not_before=clock() - timedelta(days=1),
        not_after=clock() + timedelta(days=365),
    )
    der = cert.public_bytes(serialization.Encoding.DER)
    member = rounds.add_member(
        ctx, "m1", "Nguyễn Văn A", "Giám đốc Sở Nội vụ", MemberRole.VICE_CHAIR, der
    )
    assert member.certificate_sha256 == hashlib.sha256(der).hexdigest()
    assert rounds.member_scope(ctx, "m1") == {"A": None, "B": None}
    rounds.assign(ctx, "m1", ["B"], ["2"])
    assert rounds.member_scope(ctx, "m1") == {"B": frozenset({"2"})}
    with pytest.raises(ValidationError, match="area"):
        rounds.assign(ctx, "m1", ["B"], ["1.1"])
    with pytest.raises(ValidationError, match="Unknown unit"):
        rounds.assign(ctx, "m1", ["Z"])
    with pytest.raises(ValidationError, match="already exists"):
        rounds.add_member(ctx, "m1", "Khác", "")


def test_phases_move_one_step_and_reopening_needs_a_reason(ctx: RoundContext) -> None:
    rounds.advance_phase(ctx, Phase.ROUND_1)
    with pytest.raises(ValidationError):
        rounds.advance_phase(ctx, Phase.ROUND_2)
    with pytest.raises(ValidationError, match="reason"):
        rounds.advance_phase(ctx, Phase.SELF_ASSESSMENT)
    rounds.advance_phase(ctx, Phase.SELF_ASSESSMENT, "Đơn vị nộp lại hồ sơ")
    history = rounds.phase_history(ctx)
    assert [(e.from_phase, e.to_phase, e.note) for e in history] == [
        (Phase.SELF_ASSESSMENT, Phase.ROUND_1, ""),
        (Phase.ROUND_1, Phase.SELF_ASSESSMENT, "Đơn vị nộp lại hồ sơ"),
    ]
    assert rounds.round_info(ctx).phase is Phase.SELF_ASSESSMENT


def test_existing_file_is_never_overwritten(tmp_path: Path, criteria_set: CriteriaSet) -> None:
    target = tmp_path / "r.parround"
    target.write_bytes(b"keep me")
    with pytest.raises(ValidationError, match="already exists"):
        rounds.create_round(target, criteria_set, "X")
    assert target.read_bytes() == b"keep me"


def test_a_file_that_is_not_a_round_is_refused_clearly(tmp_path: Path) -> None:
    junk = tmp_path / "junk.parround"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(UserFacingError) as caught:
        open_round(junk)
    assert "junk.parround" in caught.value.msg.vi
    assert junk.read_bytes() == b"this is not sqlite" * 100
