"""Round-1 notices: a real round (self-assessments with evidence, three members' signed round-1
packages merged), the secretary's PDF signed (pdfsig), its text (pdftotext), the workbook
(openpyxl), the record and the audit; one unit or all with progress; refusals."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pyhanko.pdf_utils.reader import PdfFileReader

from parapp.core.errors import SignatureError, UserCancelled, ValidationError
from parapp.core.progress import Progress
from parapp.core.rounds import Phase
from parapp.services import merge, notices, rounds, stamp_images
from parapp.services.signing import Pkcs12Key
from tests.services import explanation_world as world
from tests.services import round2_world
from tests.services.external_world import png
from tests.services.merge_world import NOW, Keys, signed_package

DEADLINE = NOW.date() + dt.timedelta(days=10)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Keys]:
    return world.build(tmp_path_factory.mktemp("notices"))


@pytest.fixture
def round_file(built: tuple[Path, Keys], tmp_path: Path) -> Path:
    return world.copy_round(built[0], tmp_path)


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_round_one_view_uses_round_one_scores_only(
    built: tuple[Path, Keys], round_file: Path
) -> None:
    keys = built[1]
    with world.opened(round_file) as ctx:
        view = notices.round1_unit(ctx, "A")
        assert {c: str(i.value) for c, i in view.items.items()} == {
            "1.1": "3.00",
            "1.2": "6.00",
            "2.1": "2.50",
        }
        # A round-2 score of 1.1 does not change the round-1 view.
        info = rounds.round_info(ctx)
        rounds.advance_phase(ctx, Phase.EXPLANATION)
        round2_world.explain(ctx, "A", "1.1")  # round 2 re-scores explained items only
        rounds.advance_phase(ctx, Phase.ROUND_2)
        package, _ = signed_package(
            round_file.parent / "m1-r2.parscore", info.id, keys, "m1", {"A": {"1.1": "4"}},
            appraisal_round=2,
        )  # fmt: skip
        assert merge.merge_submissions(ctx, [package], keys.trust).ok
        assert str(notices.round1_unit(ctx, "A").items["1.1"].value) == "3.00"


def test_every_unit_gets_a_signed_pdf_and_a_workbook(
    built: tuple[Path, Keys], round_file: Path, tmp_path: Path
) -> None:
    keys = built[1]
    seen: list[tuple[int, int, str]] = []
    watched = Progress(lambda d, t, what: seen.append((d, t, what.en)))
    out = tmp_path / "notices"
    with world.opened(round_file) as ctx:
        issued = notices.issue_notices(
            ctx, out, world.secretary_key(keys), keys.trust, deadline=DEADLINE,
            place="Thái Nguyên", progress=watched,
        )  # fmt: skip
        sent = notices.notices_sent(ctx)
    assert seen == [(0, 2, "Notice to A – Sở A"), (1, 2, "Notice to B – Sở B"), (2, 2, "Done")]
    assert [(i.unit_id, i.below_self) for i in issued] == [("A", ("1.1", "2.1")), ("B", ("1.2",))]
    assert sorted(p.name for p in out.iterdir()) == ["A.pdf", "A.xlsx", "B.pdf", "B.xlsx"]
    assert sorted(sent) == ["A", "B"]
    assert sent["A"].deadline == DEADLINE
    sig = subprocess.run(
        ["pdfsig", str(out / "A.pdf")], check=False, capture_output=True, text=True
    ).stdout
    assert "Signature is Valid" in sig
    assert "Total document signed" in sig
    assert "Thành viên tk" in sig
    text = _text(out / "A.pdf")
    for expected in (
        "THÔNG BÁO",
        "Kết quả thẩm định lần 1",
        "Sở A",
        "Kế hoạch",
        "KH-A.pdf, tr. 2",
        "-2,50",
        "11,50",  # round-1 total
        "15,00",  # self total
        f"{DEADLINE:%d/%m/%Y}",
        "THƯ KÝ HỘI ĐỒNG",
        "Trần Thị Thư Ký",
        "Nơi nhận:",
    ):
        assert expected in text, expected
    sheet = load_workbook(out / "A.xlsx")["ThongBao"]
    rows = {r[1]: r for r in sheet.iter_rows(values_only=True) if r[1] in ("1.1", "2.1")}
    assert rows["2.1"][3:7] == (5, 5, 2.5, -2.5)
    assert rows["1.1"][8] == "KH-A.pdf, tr. 2"
    values = [v for r in sheet.iter_rows(values_only=True) for v in r if isinstance(v, str)]
    assert any(f"{DEADLINE:%d/%m/%Y}" in v for v in values)
    with world.opened(round_file) as ctx:
        audit = [r for r in world.dump(round_file)["audit"] if r[3] == notices.NOTICE_ACTION]
    assert len(audit) == 2


def test_one_unit_only(built: tuple[Path, Keys], round_file: Path, tmp_path: Path) -> None:
    keys = built[1]
    with world.opened(round_file) as ctx:
        issued = notices.issue_notices(
            ctx, tmp_path / "n", world.secretary_key(keys), keys.trust, deadline=DEADLINE,
            unit_ids=["B"], place="Thái Nguyên",
        )  # fmt: skip
    assert [i.unit_id for i in issued] == ["B"]
    assert sorted(p.name for p in (tmp_path / "n").iterdir()) == ["B.pdf", "B.xlsx"]


@pytest.mark.parametrize("case", ["unknown unit", "deadline past", "wrong phase", "bad key"])
def test_refusals_write_and_record_nothing(
    built: tuple[Path, Keys], round_file: Path, tmp_path: Path, case: str
) -> None:
    keys = built[1]
    key = world.secretary_key(keys)
    units, deadline = None, DEADLINE
    with world.opened(round_file) as ctx:
        if case == "unknown unit":
            units = ["ZZ"]
        elif case == "deadline past":
            deadline = NOW.date() - dt.timedelta(days=1)
        elif case == "wrong phase":
            rounds.advance_phase(ctx, Phase.EXPLANATION)
            rounds.advance_phase(ctx, Phase.ROUND_2)
        else:
            key = Pkcs12Key(keys.p12["tk"], "sai-mat-khau")
    before = world.dump(round_file)
    error = SignatureError if case == "bad key" else ValidationError
    with world.opened(round_file) as ctx, pytest.raises(error):
        notices.issue_notices(
            ctx, tmp_path / "n", key, keys.trust, deadline=deadline, unit_ids=units,
            place="Thái Nguyên",
        )  # fmt: skip
    assert world.dump(round_file) == before
    assert not (tmp_path / "n").exists() or not list((tmp_path / "n").iterdir())


def test_a_cancel_between_units_keeps_the_units_done_whole(
    built: tuple[Path, Keys], round_file: Path, tmp_path: Path
) -> None:
    keys = built[1]
    # Cancel pressed while the first unit is being done: the run stops before the second.
    watched = Progress(lambda done, total, what: watched.cancel() if done == 0 else None)
    with world.opened(round_file) as ctx, pytest.raises(UserCancelled):
        notices.issue_notices(
            ctx, tmp_path / "n", world.secretary_key(keys), keys.trust, deadline=DEADLINE,
            place="Thái Nguyên", progress=watched,
        )  # fmt: skip
    with world.opened(round_file) as ctx:
        assert sorted(notices.notices_sent(ctx)) == ["A"]
    assert sorted(p.name for p in (tmp_path / "n").iterdir()) == ["A.pdf", "A.xlsx"]


def _stamp_image_sizes(pdf: Path) -> set[tuple[int, int]]:
    """(width, height) of every image drawn in the signature fields' appearances."""
    found: set[tuple[int, int]] = set()

    def walk(xobject: Any) -> None:
        if xobject.get("/Subtype") == "/Image":
            found.add((int(xobject["/Width"]), int(xobject["/Height"])))
            return
        for child in xobject.get("/Resources", {}).get("/XObject", {}).values():
            walk(child.get_object())

    with pdf.open("rb") as handle:
        reader = PdfFileReader(handle)
        for field in reader.root["/AcroForm"]["/Fields"]:
            appearance = field.get_object().get("/AP")
            if appearance is not None:
                walk(appearance["/N"].get_object())
    return found


def test_the_notice_carries_the_signer_s_signature_image_once_registered(
    built: tuple[Path, Keys], round_file: Path, tmp_path: Path
) -> None:
    keys = built[1]
    image = png((20, 40, 200, 255), (300, 120))
    with world.opened(round_file) as ctx:
        stamp_images.set_signature_image(ctx, "tk", image)
        # The secretary's certificate is not registered yet: a text stamp, as before.
        notices.issue_notices(
            ctx, tmp_path / "n1", world.secretary_key(keys), keys.trust, deadline=DEADLINE,
            unit_ids=["B"], place="Thái Nguyên",
        )  # fmt: skip
        merge.trust_member(ctx, "tk", hashlib.sha256(keys.der["tk"]).hexdigest(), "tk")
        notices.issue_notices(
            ctx, tmp_path / "n2", world.secretary_key(keys), keys.trust, deadline=DEADLINE,
            unit_ids=["B"], place="Thái Nguyên",
        )  # fmt: skip
    assert _stamp_image_sizes(tmp_path / "n1" / "B.pdf") == set()
    assert (300, 120) in _stamp_image_sizes(tmp_path / "n2" / "B.pdf")
    sig = subprocess.run(
        ["pdfsig", str(tmp_path / "n2" / "B.pdf")], check=False, capture_output=True, text=True
    ).stdout
    assert "Signature is Valid" in sig
