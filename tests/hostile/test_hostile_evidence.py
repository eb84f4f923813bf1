"""Evidence files a unit hands in: a cited name that is a symbolic link, a folder or a path is
never followed or stored, and the round's evidence folder gains nothing it cannot vouch for."""

from __future__ import annotations

import os

import pytest

from parapp.core.rounds import EvidenceRef
from parapp.services import evidence, self_assessment
from parapp.services.context import open_round
from tests.hostile.corpus_rounds import FORM, ROW
from tests.hostile.harness import run_cli
from tests.hostile.world import EVIDENCE_SHA256, World, dump, set_cells, snapshot

SECRET = b"root:x:0:0:secret of the secretary's machine\n"


def test_symlinked_or_special_evidence_is_reported_missing_and_never_stored(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    form = world.hostile / "TTT.xlsx"
    code, _, _ = run_cli(
        ["round", "self-form", str(world.round), "--unit", "TTT", "-o", str(form)], capsys
    )
    assert code == 0
    secret = world.root / "secret.txt"
    secret.write_bytes(SECRET)
    docs = world.hostile / "nop"
    docs.mkdir()
    (docs / "link.pdf").symlink_to(secret)
    (docs / "folder.pdf").mkdir()
    os.mkfifo(docs / "pipe.pdf")
    set_cells(
        form,
        form,
        FORM,
        {
            (ROW["1.1"], 7): 1,
            (ROW["1.1"], 9): "link.pdf, tr. 1; folder.pdf; pipe.pdf",
        },
    )
    evidence_before = snapshot(world.evidence_root)
    code, out, err = run_cli(
        [
            *("--lang", "en", "round", "self-import", str(world.round)),
            *("--unit", "TTT", str(form), "--evidence", str(docs)),
        ],
        capsys,
    )
    assert (code, err) == (0, "")
    for name in ("link.pdf", "folder.pdf", "pipe.pdf"):
        assert f"Missing evidence file: {name}" in out
    assert snapshot(world.evidence_root) == evidence_before
    with open_round(world.round) as ctx:
        stored = self_assessment.load_self_assessment(ctx, "TTT")
    assert [r.sha256 for r in stored["1.1"].evidence] == [None, None, None]


@pytest.mark.parametrize("tamper", ["changed", "truncated", "symlink", "deleted"])
def test_opening_evidence_whose_hash_no_longer_matches_reports_it_untrusted(
    tamper: str, world: World
) -> None:
    stored = world.evidence_root / EVIDENCE_SHA256
    if tamper == "changed":
        stored.write_bytes(stored.read_bytes().replace(b"ke hoach", b"KE HOACH"))
    elif tamper == "truncated":
        stored.write_bytes(stored.read_bytes()[:10])
    elif tamper == "symlink":
        (world.root / "other.pdf").write_bytes(b"%PDF-1.4 another document")
        stored.unlink()
        stored.symlink_to(world.root / "other.pdf")
    else:
        stored.unlink()
    before, files = dump(world.round), snapshot(world.root)
    with open_round(world.round) as ctx:
        found = evidence.open_evidence(ctx, EvidenceRef("KH-01.pdf", 2, EVIDENCE_SHA256))
    assert not found.trusted
    assert found.message is not None
    assert "KH-01.pdf" in found.message.vi
    assert "KH-01.pdf" in found.message.en
    assert found.message.vi != found.message.en
    assert (dump(world.round), snapshot(world.root)) == (before, files)
