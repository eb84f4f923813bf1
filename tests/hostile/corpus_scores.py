"""Hostile signed score packages (.parscore), for ``parapp verify`` and ``parapp merge``.

``build_score_world(folder)`` writes a test CA with the members' keys, a self-made "rogue" CA,
a round in appraisal round 1 (m1 and m2 registered, m2 assigned unit A only, m3 unregistered)
where m1's first submission is already merged (so the ``.submissions`` archive exists), and two
valid packages: that first submission and a fresh one of m2 that the merge would accept.
Every case starts from those and breaks one thing.
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from parapp.io.packages import score_package
from parapp.io.packages.score_package import MANIFEST, SCORES, SIGNATURE, ScoreManifest
from parapp.io.packages.scores_json import MemberScores, canonical_scores_json
from parapp.io.signing import signers as io_signing
from parapp.services import merge, rounds
from parapp.services.signing import Pkcs12Key
from tests.hostile import zip_tools as z
from tests.services.merge_world import NOW, Keys, make_keys, make_round, signed_package, values
from tests.signing_pki import P12_PASSPHRASE

FORM_ID = "T-MERGE"
FORM_VERSION = "2026010101"
VALID_DATA: Data = {"A": {"1.1": "2,5", "1.2": "4"}}
FIRST_DATA: Data = {"A": {"1.1": "3"}}
Data = Mapping[str, Mapping[str, str | None]]
DEEP = b"[" * 200_000 + b"]" * 200_000


@dataclass(frozen=True)
class Kit:
    """The keys and identities every case signs with (read only; shared by all tests)."""

    keys: Keys
    rogue: Keys
    """A self-made CA nobody trusts, with certificates named like members m2 and m3."""
    round_id: str
    first_id: str
    """Submission id of m1's package already merged into the round."""


@dataclass(frozen=True)
class ScoreWorld:
    """Paths of the round and the valid packages, all under one folder."""

    root: Path

    @property
    def round(self) -> Path:
        return self.root / "round" / "dot.parround"

    @property
    def archive(self) -> Path:
        return merge.archive_folder(self.round)

    @property
    def ca(self) -> Path:
        return self.root / "keys" / "ca.pem"

    @property
    def valid(self) -> Path:
        """m2's valid submission (not merged)."""
        return self.root / "inputs" / "m2.parscore"

    @property
    def first(self) -> Path:
        """m1's submission, already merged."""
        return self.root / "inputs" / "m1-first.parscore"

    @property
    def hostile(self) -> Path:
        return self.root / "hostile"


def build_score_world(root: Path) -> tuple[ScoreWorld, Kit]:
    """Write the keys, the round and the valid packages under ``root`` (which must not exist)."""
    world = ScoreWorld(root)
    for folder in (world.round.parent, world.valid.parent, world.hostile):
        folder.mkdir(parents=True)
    keys = make_keys(root / "keys", ("m1", "m2", "m3", "outsider"))
    rogue = make_keys(root / "rogue", ("m2", "m3"))
    with make_round(world.round, keys, registered=("m1", "m2")) as ctx:
        rounds.assign(ctx, "m2", ["A"])
        round_id = rounds.round_info(ctx).id
        _, first_id = signed_package(world.first, round_id, keys, "m1", FIRST_DATA)
        report = merge.merge_submissions(ctx, [world.first], keys.trust)
        assert report.ok, report.files[0].reason.en
    signed_package(world.valid, round_id, keys, "m2", VALID_DATA)
    return world, Kit(keys, rogue, round_id, first_id)


def copy_score_world(template: ScoreWorld, root: Path) -> ScoreWorld:
    shutil.copytree(template.root, root, symlinks=True)
    return ScoreWorld(root)


# --------------------------------------------------------------------------------------------
# Signing helpers


def signature(keys: Keys, who: str, data: bytes) -> bytes:
    """A detached CMS signature by ``who``'s key over ``data``."""
    key = Pkcs12Key(keys.p12[who], P12_PASSPHRASE)
    with io_signing.open_signer(key, at=NOW, extra_chain=keys.trust.roots) as opened:
        return io_signing.sign_detached(data, opened, at=NOW)


def scores_bytes(kit: Kit, data: Data, **kw: Any) -> bytes:
    """m2's canonical scores.json (``kw`` overrides identity fields)."""
    fields: dict[str, Any] = {
        "form_id": FORM_ID,
        "form_version": FORM_VERSION,
        "round_id": kit.round_id,
        "member_id": "m2",
        "appraisal_round": 1,
        **kw,
    }
    scores = MemberScores(
        fields["form_id"],
        fields["form_version"],
        fields["round_id"],
        fields["member_id"],
        fields["appraisal_round"],
        values(data),
    )
    return canonical_scores_json(scores)


def raw_package(
    kit: Kit,
    out: Path,
    scores: bytes,
    *,
    member: str = "m2",
    round_id: str | None = None,
    form_version: str = FORM_VERSION,
    submission_id: str | None = None,
    signer: str = "m2",
) -> Path:
    """A properly signed package around arbitrary scores.json bytes."""
    manifest = ScoreManifest(
        FORM_ID,
        form_version,
        round_id or kit.round_id,
        member,
        submission_id or str(uuid.uuid4()),
        None,
        NOW.isoformat(timespec="seconds"),
    )
    score_package.write_score_package(
        out, manifest, {SCORES: scores}, lambda b: signature(kit.keys, signer, b)
    )
    return out


def resigned(src: Path, dst: Path, kit: Kit, edit: Callable[[bytes], bytes]) -> Path:
    """The package with its manifest edited and signed again by m2: the signature holds, so
    what follows it must catch the change."""
    entries = z.entries_of(src)
    manifest = edit(entries[MANIFEST])
    entries[MANIFEST] = manifest
    entries[SIGNATURE] = signature(kit.keys, "m2", manifest)
    return z.write_zip(dst, entries.items())


def manifest_edit(edit: Callable[[dict[str, Any]], None]) -> Callable[[bytes], bytes]:
    def apply(raw: bytes) -> bytes:
        data = json.loads(raw)
        edit(data)
        return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")

    return apply


# --------------------------------------------------------------------------------------------
# The cases


class Verify(StrEnum):
    """What ``parapp verify`` must say."""

    FAILS = "fails"
    """Exit 1 naming the file: an integrity or format problem."""
    INTACT = "intact"
    """Exit 0: signed, intact and trusted (the problem is one only the round can see)."""
    UNTRUSTED = "untrusted"
    """Exit 0 but "signer not trusted"; exit 1 with ``--strict``."""


class Merge(StrEnum):
    """What ``parapp merge`` must do."""

    REFUSED = "refused"
    """Exit 1 with a reason; the round and its archive byte-for-byte unchanged."""
    CONFLICT = "conflict"
    """Exit 1; the conflict's record, audit entry and archived package are added."""
    DUPLICATE = "duplicate"
    """Exit 0; nothing changes."""


Make = Callable[[ScoreWorld, Kit, Path], object]


@dataclass(frozen=True)
class ScoreCase:
    id: str
    make: Make
    verify: Verify = Verify.FAILS
    merge: Merge = Merge.REFUSED
    shows: tuple[str, ...] = ()
    """Text both languages' refusals must contain (an entry name, a node code, ...)."""
    signer: str | None = None
    """The signer an intact verification must show (impersonation)."""


def _from_valid(edit: Callable[[Path, Path], object]) -> Make:
    return lambda world, kit, dst: edit(world.valid, dst)


def _bytes(data: bytes) -> Make:
    return lambda world, kit, dst: dst.write_bytes(data)


def _extra(*entries: z.Entry) -> Make:
    return _from_valid(lambda src, dst: z.rewrite(src, dst, {}, entries))


def _replace(name: str, data: bytes | None) -> Make:
    return _from_valid(lambda src, dst: z.rewrite(src, dst, {name: data}))


def _resign(edit: Callable[[bytes], bytes]) -> Make:
    return lambda world, kit, dst: resigned(world.valid, dst, kit, edit)


def _lying_size(src: Path, dst: Path) -> object:
    z.rewrite(src, dst, {})
    z.patch_entry(dst, SCORES, file_size=20)
    return dst


def _duplicate(src: Path, dst: Path) -> object:
    return z.rewrite(src, dst, {}, [(SCORES, z.entries_of(src)[SCORES])])


def _flip(raw: bytes) -> bytes:
    at = raw.index(b'"2.5"') + 1
    return raw[:at] + b"3" + raw[at + 1 :]


def _other_signature(world: ScoreWorld, kit: Kit, dst: Path) -> object:
    other = z.entries_of(world.first)[SIGNATURE]
    return z.rewrite(world.valid, dst, {SIGNATURE: other})


def _drop_fields(data: dict[str, Any]) -> None:
    del data["submission_id"]
    del data["member_id"]


def _list_missing_view(data: dict[str, Any]) -> None:
    data["files"].append({"name": "phieu-cham.pdf", "sha256": "ab" * 32, "size": 1234})


def _signed_by(signer: str, *, rogue: bool = False) -> Make:
    def make(world: ScoreWorld, kit: Kit, dst: Path) -> object:
        keys = kit.rogue if rogue else kit.keys
        return signed_package(dst, kit.round_id, keys, "m2", VALID_DATA, signer=signer)

    return make


def _scores_text(edit: Callable[[bytes], bytes]) -> Make:
    def make(world: ScoreWorld, kit: Kit, dst: Path) -> object:
        return raw_package(kit, dst, edit(scores_bytes(kit, VALID_DATA)))

    return make


def _value(text: bytes) -> Callable[[bytes], bytes]:
    return lambda raw: raw.replace(b'"value":"2.5"', b'"value":' + text, 1)


def _scores(data: Data, **kw: Any) -> Make:
    """m2's package with other scores, signed properly (``kw``: package identity)."""

    def make(world: ScoreWorld, kit: Kit, dst: Path) -> object:
        identity = {k: v for k, v in kw.items() if k in ("round_id", "form_version")}
        return raw_package(kit, dst, scores_bytes(kit, data, **kw), **identity)

    return make


def _replay(world: ScoreWorld, kit: Kit, dst: Path) -> object:
    return shutil.copyfile(world.first, dst)


def _same_id_other_content(world: ScoreWorld, kit: Kit, dst: Path) -> object:
    return signed_package(
        dst, kit.round_id, kit.keys, "m1", {"A": {"1.1": "1"}}, submission_id=kit.first_id
    )


OTHER_ROUND = "5a0e2d4c-1b3f-4e5a-9c7d-8e6f0a1b2c3d"

SCORE_CASES = [
    ScoreCase("empty", _bytes(b"")),
    ScoreCase("truncated", _from_valid(lambda src, dst: z.truncate(src, dst, 0.7))),
    ScoreCase("not-a-zip", _bytes(b"%PDF-1.4\n%%EOF\n")),
    ScoreCase("dotdot-entry", _extra(("../../evil.sh", b"rm -rf ~")), shows=("evil.sh",)),
    ScoreCase(
        "absolute-entry", _extra(("/etc/cron.d/evil", b"* * * * * root id")), shows=("/etc/cron.d",)
    ),
    ScoreCase(
        "symlink-entry",
        _extra(z.symlink("phieu-cham.pdf", b"/etc/passwd")),
        shows=("phieu-cham.pdf",),
    ),
    ScoreCase("zip-bomb", _extra(z.zeros_bomb("phieu-cham.xlsx", 3)), shows=("phieu-cham.xlsx",)),
    ScoreCase("lying-entry-size", _from_valid(_lying_size), shows=(SCORES,)),
    ScoreCase("duplicate-entry", _from_valid(_duplicate), shows=(SCORES,)),
    ScoreCase("manifest-missing", _replace(MANIFEST, None), shows=(MANIFEST,)),
    ScoreCase("manifest-not-json", _resign(lambda _: b"{not json"), shows=(MANIFEST,)),
    ScoreCase("manifest-deep-nesting", _resign(lambda _: DEEP), shows=(MANIFEST,)),
    ScoreCase(
        "manifest-float",
        _resign(manifest_edit(lambda d: d.update(format_version=1.0))),
        shows=(MANIFEST,),
    ),
    ScoreCase(
        "manifest-format-version-2",
        _resign(manifest_edit(lambda d: d.update(format_version=2))),
        shows=(MANIFEST,),
    ),
    ScoreCase(
        "manifest-missing-fields",
        _resign(manifest_edit(_drop_fields)),
        shows=("submission_id", "member_id"),
    ),
    ScoreCase("unlisted-entry", _extra(("notes.txt", b"hello")), shows=("notes.txt",)),
    ScoreCase(
        "listed-entry-missing",
        _resign(manifest_edit(_list_missing_view)),
        shows=("phieu-cham.pdf",),
    ),
    ScoreCase(
        "scores-hash-mismatch",
        _from_valid(lambda src, dst: z.edit_entry(src, dst, SCORES, _flip)),
        shows=(SCORES,),
    ),
    ScoreCase("signature-missing", _replace(SIGNATURE, None), shows=(SIGNATURE,)),
    ScoreCase("signature-garbage", _replace(SIGNATURE, b"\x30\x82garbage" * 10)),
    ScoreCase("signature-over-other-bytes", _other_signature),
    ScoreCase(
        "impersonation-by-another-member",
        _signed_by("m1"),
        Verify.INTACT,
        shows=("Thành viên m1",),
        signer="Thành viên m1",
    ),
    ScoreCase(
        "signed-by-unregistered-outsider",
        _signed_by("outsider"),
        Verify.INTACT,
        shows=("Thành viên outsider",),
        signer="Thành viên outsider",
    ),
    ScoreCase("self-made-untrusted-certificate", _signed_by("m2", rogue=True), Verify.UNTRUSTED),
    ScoreCase("scores-nan-string", _scores_text(_value(b'"NaN"')), shows=(SCORES, "1.1")),
    ScoreCase("scores-nan-literal", _scores_text(_value(b"NaN")), shows=(SCORES,)),
    ScoreCase("scores-1e999", _scores_text(_value(b'"1e999"')), shows=(SCORES, "1.1")),
    ScoreCase("scores-float-number", _scores_text(_value(b"2.5")), shows=(SCORES,)),
    ScoreCase("scores-deep-nesting", _scores_text(lambda _: DEEP), shows=(SCORES,)),
    ScoreCase(
        "scores-too-many-decimals", _scores({"A": {"1.1": "2,125"}}), Verify.INTACT, shows=("1.1",)
    ),
    ScoreCase("scores-unknown-node", _scores({"A": {"9.9": "1"}}), Verify.INTACT, shows=("9.9",)),
    ScoreCase("scores-survey-item", _scores({"A": {"3.1": "1"}}), Verify.INTACT, shows=("3.1",)),
    ScoreCase(
        "scores-outside-assignment", _scores({"B": {"1.1": "1"}}), Verify.INTACT, shows=("B",)
    ),
    ScoreCase("scores-unknown-unit", _scores({"ZZ": {"1.1": "1"}}), Verify.INTACT, shows=("ZZ",)),
    ScoreCase(
        "cross-round",
        _scores(VALID_DATA, round_id=OTHER_ROUND),
        Verify.INTACT,
        shows=(OTHER_ROUND,),
    ),
    ScoreCase(
        "other-form-version",
        _scores(VALID_DATA, form_version="2026020101"),
        Verify.INTACT,
        shows=("2026020101",),
    ),
    ScoreCase("appraisal-round-2-too-early", _scores(VALID_DATA, appraisal_round=2), Verify.INTACT),
    ScoreCase(
        "manifest-scores-member-differ",
        _scores_text(lambda raw: raw.replace(b'"member_id":"m2"', b'"member_id":"m1"')),
        shows=("member_id",),
    ),
    ScoreCase("replay-of-merged-file", _replay, Verify.INTACT, Merge.DUPLICATE),
    ScoreCase(
        "same-submission-other-content", _same_id_other_content, Verify.INTACT, Merge.CONFLICT
    ),
]
