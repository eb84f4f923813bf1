"""Merging members' signed score packages: accepted, replayed, tampered, conflicting,
impersonated, cross-round, out of assignment, superseded and branched submissions."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parapp.core.errors import ValidationError
from parapp.core.messages import Lang
from parapp.services import audit, merge, rounds
from parapp.services.context import RoundContext
from parapp.services.merge import Outcome
from parapp.store import submissions as merge_store
from tests.services.merge_world import Keys, make_keys, make_round, signed_package

INBOX_ROW = 'INSERT INTO "offered_file"'


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def ctx(tmp_path: Path, keys: Keys) -> Iterator[RoundContext]:
    context = make_round(tmp_path / "dot.parround", keys)
    yield context
    context.close()


def dump(ctx: RoundContext) -> list[str]:
    with sqlite3.connect(ctx.path) as raw:
        # The inbox records every offered file, refused ones too: the rest must not change.
        return [line for line in raw.iterdump() if not line.startswith(INBOX_ROW)]


def stored(
    ctx: RoundContext,
) -> dict[tuple[str, str, str], tuple[Decimal | None, bool, str | None]]:
    with ctx.db.transaction() as s:
        rows = merge_store.all_merged(s)
    return {(r.unit_id, r.node_code, r.member_id): (r.value, r.not_applicable, r.package_sha256)
            for r in rows}  # fmt: skip


def round_id(ctx: RoundContext) -> str:
    return rounds.round_info(ctx).id


Data = dict[str, dict[str, str | None]]


def package(
    ctx: RoundContext, keys: Keys, tmp: Path, member: str, data: Data, **kw: Any
) -> tuple[Path, str]:
    name = f"{member}-{len(list(tmp.glob('*.parscore')))}.parscore"
    return signed_package(tmp / name, round_id(ctx), keys, member, data, **kw)


def test_signed_submission_is_merged_archived_and_audited(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    path, sid = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3,5", "1.2": "N/A"}})
    report = merge.merge_submissions(ctx, [path], keys.trust)
    [only] = report.files
    assert only.outcome is Outcome.ACCEPTED, only.reason.en
    assert report.ok
    sha = only.package_sha256
    assert sha is not None
    assert stored(ctx) == {
        ("A", "1.1", "m1"): (Decimal("3.5"), False, sha),
        ("A", "1.2", "m1"): (None, True, sha),
    }
    archived = merge.archive_folder(ctx.path) / sha
    assert archived.read_bytes() == path.read_bytes()
    assert not archived.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    # A score's first arrival is not audited one row per value: one row per merged submission
    # counts the first scores, naming the member and the file; the archived signed file, named
    # by every score row, holds each value.
    trail = [r for r in audit.audit_rows(ctx) if r.action.startswith("merge_")]
    assert [(r.action, r.field, r.old, r.new, r.source) for r in trail] == [
        ("merge_submission", "m1", "", sid, sha)
    ]
    assert trail[0].reason == (
        f"2 scores, 2 changed, 0 findings; 2 first scores of 1 units from {path.name}"
    )
    said = trail[0].sentence(Lang.EN)
    assert said.endswith(
        "2 scores, 2 changed, 0 findings; of these, 2 scores for 1 units arrived for the first "
        f"time, from the file {path.name} (the signed file is kept in the round's submissions "
        "folder)."
    )
    assert f"2 điểm lần đầu được nhận cho 1 đơn vị, từ tệp {path.name}" in trail[0].sentence()
    assert audit.audit_rows(ctx, unit_id="A", node_code="1.1") == []


def test_replayed_file_is_a_duplicate_and_changes_nothing(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    path, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}})
    assert merge.merge_submissions(ctx, [path], keys.trust).ok
    before = dump(ctx)
    report = merge.merge_submissions(ctx, [path], keys.trust)
    assert report.files[0].outcome is Outcome.DUPLICATE
    assert report.files[0].reason.vi.startswith("đã nhập")
    assert report.ok
    assert dump(ctx) == before


def test_one_changed_byte_is_refused_and_nothing_is_stored(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    path, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}})
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x01
    path.write_bytes(bytes(data))
    before = dump(ctx)
    report = merge.merge_submissions(ctx, [path], keys.trust)
    assert report.files[0].outcome is Outcome.REFUSED
    assert not report.ok
    assert dump(ctx) == before
    # A refused copy is kept read-only by its hash (the inbox lists it), never merged.
    kept = merge.archive_folder(ctx.path) / report.files[0].package_sha256  # type: ignore[operator]
    assert kept.read_bytes() == path.read_bytes()


def test_same_submission_id_with_other_content_is_a_recorded_conflict(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    first, sid = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}})
    assert merge.merge_submissions(ctx, [first], keys.trust).ok
    other, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "4"}}, submission_id=sid)
    outcome = merge.merge_submissions(ctx, [other], keys.trust).files[0]
    assert outcome.outcome is Outcome.REFUSED
    assert outcome.conflict
    assert "xung đột" in outcome.reason.vi
    assert stored(ctx)[("A", "1.1", "m1")][0] == Decimal(3)
    with ctx.db.transaction() as s:
        assert [x.status for x in merge_store.by_submission_id(s, sid)] == ["head", "conflict"]
    before = dump(ctx)
    again = merge.merge_submissions(ctx, [other], keys.trust).files[0]
    assert again.outcome is Outcome.REFUSED
    assert dump(ctx) == before


def test_package_signed_with_another_members_key_is_refused(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    path, _ = package(ctx, keys, tmp_path, "m2", {"A": {"1.1": "4"}}, signer="m1")
    before = dump(ctx)
    outcome = merge.merge_submissions(ctx, [path], keys.trust).files[0]
    assert outcome.outcome is Outcome.REFUSED
    assert "không phải chứng thư đã đăng ký" in outcome.reason.vi
    assert dump(ctx) == before


def test_package_of_another_round_is_refused(ctx: RoundContext, keys: Keys, tmp_path: Path) -> None:
    path, _ = signed_package(
        tmp_path / "x.parscore",
        "00000000-0000-4000-8000-00000000abcd",
        keys,
        "m1",
        {"A": {"1.1": "3"}},
    )
    outcome = merge.merge_submissions(ctx, [path], keys.trust).files[0]
    assert outcome.outcome is Outcome.REFUSED
    assert "round_id" in outcome.reason.en
    other_form, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}}, form_id="T-KHAC")
    outcome = merge.merge_submissions(ctx, [other_form], keys.trust).files[0]
    assert outcome.outcome is Outcome.REFUSED
    assert "form_id" in outcome.reason.en


def test_scores_outside_the_assignment_refuse_the_whole_file(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    rounds.assign(ctx, "m3", ["A"], ["1"])
    path, _ = package(ctx, keys, tmp_path, "m3", {"A": {"1.1": "3", "2.1": "4"}})
    before = dump(ctx)
    outcome = merge.merge_submissions(ctx, [path], keys.trust).files[0]
    assert outcome.outcome is Outcome.REFUSED
    assert "area 2 is not assigned" in outcome.reason.en
    other_unit, _ = package(ctx, keys, tmp_path, "m3", {"B": {"1.1": "3"}})
    assert merge.merge_submissions(ctx, [other_unit], keys.trust).files[0].outcome is (
        Outcome.REFUSED
    )
    survey, _ = package(ctx, keys, tmp_path, "m1", {"A": {"3.1": "3"}})
    refused = merge.merge_submissions(ctx, [survey], keys.trust).files[0]
    assert "not an item the council appraises" in refused.reason.en
    assert dump(ctx) == before


def test_above_maximum_refuses_the_whole_submission(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    # tests/services/test_merge_validation.py covers the refusals in detail (issue 11).
    path, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "4,5", "1.2": "3"}})
    before = dump(ctx)
    outcome = merge.merge_submissions(ctx, [path], keys.trust).files[0]
    assert outcome.outcome is Outcome.REFUSED
    assert "exceeds the maximum 4.00" in outcome.reason.en
    assert dump(ctx) == before


def test_too_many_places_is_refused(ctx: RoundContext, keys: Keys, tmp_path: Path) -> None:
    path, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3.125"}})
    assert merge.merge_submissions(ctx, [path], keys.trust).files[0].outcome is Outcome.REFUSED


def test_correction_with_deprecated_id_replaces_the_members_scores(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    v1, sid1 = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3", "1.2": "5"}})
    v2, sid2 = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "4"}}, deprecated_id=sid1)
    report = merge.merge_submissions(ctx, [v1, v2], keys.trust)
    assert [f.outcome for f in report.files] == [Outcome.ACCEPTED, Outcome.ACCEPTED]
    assert report.files[1].replaced == sid1
    sha2 = report.files[1].package_sha256
    assert stored(ctx) == {("A", "1.1", "m1"): (Decimal(4), False, sha2)}
    trail = [
        (r.node_code, r.old, r.new)
        for r in audit.audit_rows(ctx, unit_id="A")
        if r.action == "merge_score"
    ]
    # The first values (v1) arrive counted in v1's merge_submission row; v2's replacements are
    # audited value by value.
    assert trail == [("1.1", "3", "4"), ("1.2", "5", "")]
    with ctx.db.transaction() as s:
        assert [(x.submission_id, x.status) for x in merge_store.submissions(s)] == [
            (sid1, "superseded"),
            (sid2, "head"),
        ]


def test_branch_from_an_older_submission_is_a_conflict(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    v1, sid1 = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}})
    v2, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "4"}}, deprecated_id=sid1)
    branch, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "2"}}, deprecated_id=sid1)
    fresh, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "1"}})
    report = merge.merge_submissions(ctx, [v1, v2, branch, fresh], keys.trust)
    assert [f.outcome for f in report.files] == [
        Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.REFUSED, Outcome.REFUSED
    ]  # fmt: skip
    assert report.files[2].conflict
    assert report.files[3].conflict
    assert stored(ctx)[("A", "1.1", "m1")][0] == Decimal(4)
    assert [r.action for r in audit.audit_rows(ctx) if r.action == "merge_conflict"] == [
        "merge_conflict"
    ] * 2


def test_late_arrival_of_a_replaced_submission_is_superseded(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    v1, sid1 = package(ctx, keys, tmp_path, "m2", {"B": {"2.1": "3"}})
    v2, _ = package(ctx, keys, tmp_path, "m2", {"B": {"2.1": "5"}}, deprecated_id=sid1)
    report = merge.merge_submissions(ctx, [v2, v1], keys.trust)
    assert [f.outcome for f in report.files] == [Outcome.ACCEPTED, Outcome.SUPERSEDED]
    assert not report.ok
    assert stored(ctx)[("B", "2.1", "m2")][0] == Decimal(5)
    before = dump(ctx)
    assert merge.merge_submissions(ctx, [v1], keys.trust).files[0].outcome is Outcome.DUPLICATE
    assert dump(ctx) == before


def test_unregistered_member_needs_trust_on_first_use(tmp_path: Path, keys: Keys) -> None:
    with make_round(tmp_path / "tofu.parround", keys, registered=("m1",)) as ctx:
        path, _ = package(ctx, keys, tmp_path, "m2", {"A": {"1.1": "2"}})
        refused = merge.merge_submissions(ctx, [path], keys.trust).files[0]
        assert refused.outcome is Outcome.REFUSED
        assert "chưa đăng ký chứng thư" in refused.reason.vi
        signer = merge.package_signer(path, keys.trust)
        merge.trust_member(ctx, "m2", signer.certificate_sha256, "thu-ky")
        assert merge.merge_submissions(ctx, [path], keys.trust).ok
        [entry] = [r for r in audit.audit_rows(ctx) if r.action == "trust_member"]
        assert (entry.actor, entry.field, entry.new) == ("thu-ky", "m2", signer.certificate_sha256)
        with pytest.raises(ValidationError, match="another registered certificate"):
            merge.trust_member(ctx, "m1", signer.certificate_sha256, "thu-ky")


def test_phase_without_appraisal_refuses_round_two_scores(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    path, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}}, appraisal_round=2)
    outcome = merge.merge_submissions(ctx, [path], keys.trust).files[0]
    assert outcome.outcome is Outcome.REFUSED
    assert "appraisal round 2" in outcome.reason.en


def test_audit_csv_neutralises_formulas(ctx: RoundContext, tmp_path: Path) -> None:
    rows = [
        audit.AuditRecord(1, "t", "=cmd|' /C calc'!A0", "a", "", "", "", "-2", "+1", "@x", "\tx")
    ]
    text = audit.audit_csv(rows).decode("utf-8-sig").splitlines()[1]
    expected = ["'=cmd|' /C calc'!A0", "a", "", "", "", "'-2", "'+1", "'@x", "'\tx"]
    assert text.split(",")[2:] == expected
    out = tmp_path / "nhat-ky.csv"
    count = audit.export_audit_csv(ctx, out)
    assert count == len(audit.audit_rows(ctx)) > 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfSTT,")


def test_replacement_audits_each_real_change_with_its_exact_text(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    """Values are compared as text and, when the texts differ, as numbers: "3" then "3,0" is no
    change (the score only moves to the new package); 1.2 becomes N/A, then is removed."""
    v1, sid1 = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3", "1.2": "2,5"}})
    v2, sid2 = package(
        ctx, keys, tmp_path, "m1", {"A": {"1.1": "3,0", "1.2": "N/A"}}, deprecated_id=sid1
    )
    v3, sid3 = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3,0"}}, deprecated_id=sid2)
    report = merge.merge_submissions(ctx, [v1, v2, v3], keys.trust)
    assert [f.changed for f in report.files] == [2, 1, 1], [f.reason.en for f in report.files]
    sha3 = report.files[2].package_sha256
    assert stored(ctx) == {("A", "1.1", "m1"): (Decimal("3.0"), False, sha3)}
    trail = [
        (r.node_code, r.field, r.old, r.new, r.reason)
        for r in audit.audit_rows(ctx, unit_id="A")
        if r.action == "merge_score"
    ]
    assert trail == [  # v1's first values are counted in its merge_submission row
        ("1.2", "value@1", "2.5", "", f"submission {sid2}"),
        ("1.2", "not_applicable@1", "False", "True", f"submission {sid2}"),
        ("1.2", "not_applicable@1", "True", "False", f"submission {sid3}"),
    ]
