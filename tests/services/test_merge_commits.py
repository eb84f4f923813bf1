"""Each file of a merge commits on a helper thread while the next file is verified: the files
still commit in order, each whole, and a failed commit stops the merge with its error (the files
committed before it stay merged, the failing one leaves nothing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from parapp.services import audit, merge
from parapp.services.context import RoundContext
from tests.services.merge_world import Keys
from tests.services.test_merge import ctx, keys, package, stored  # noqa: F401 - fixtures


def test_a_failed_commit_stops_the_merge_and_keeps_the_files_before_it(
    ctx: RoundContext,  # noqa: F811
    keys: Keys,  # noqa: F811
    tmp_path: Path,
) -> None:
    files = [
        package(ctx, keys, tmp_path, member, {"A": {"1.1": "3"}})[0]
        for member in ("m1", "m2", "m3")
    ]
    commits: list[str] = []

    def disk_full(connection: Any) -> None:
        """The disk fills up as the second file's transaction commits."""
        found = connection.exec_driver_sql(
            "SELECT field FROM audit WHERE action = 'merge_submission' ORDER BY id DESC LIMIT 1"
        ).scalar()
        if found is not None and found not in commits:
            commits.append(found)
            if found == "m2":
                raise OSError(28, "No space left on device")

    event.listen(ctx.db.engine, "commit", disk_full)
    try:
        with pytest.raises(OSError, match="No space left"):
            merge.merge_submissions(ctx, files, keys.trust)
    finally:
        event.remove(ctx.db.engine, "commit", disk_full)
    assert commits == ["m1", "m2"]  # the third file never reached the database
    assert {member for (_unit, _code, member) in stored(ctx)} == {"m1"}
    merged = [r.field for r in audit.audit_rows(ctx) if r.action == "merge_submission"]
    assert merged == ["m1"]
    report = merge.merge_submissions(ctx, files, keys.trust)  # once the disk has room again
    assert [f.outcome for f in report.files] == [
        merge.Outcome.DUPLICATE,
        merge.Outcome.ACCEPTED,
        merge.Outcome.ACCEPTED,
    ]
    assert {member for (_unit, _code, member) in stored(ctx)} == {"m1", "m2", "m3"}
