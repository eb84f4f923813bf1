"""Round phases and roles: order, labels, appraisal rounds."""

from __future__ import annotations

from parapp.core.rounds import PHASE_ORDER, ROLE_LABELS, MemberRole, Phase


def test_phases_run_in_the_procedures_order() -> None:
    assert PHASE_ORDER == (
        Phase.SELF_ASSESSMENT,
        Phase.ROUND_1,
        Phase.EXPLANATION,
        Phase.ROUND_2,
        Phase.FROZEN,
    )


def test_only_appraisal_phases_have_an_appraisal_round() -> None:
    assert {p: p.appraisal_round for p in Phase} == {
        Phase.SELF_ASSESSMENT: None,
        Phase.ROUND_1: 1,
        Phase.EXPLANATION: None,
        Phase.ROUND_2: 2,
        Phase.FROZEN: None,
    }


def test_every_phase_and_role_has_both_labels() -> None:
    assert Phase.EXPLANATION.label.get("vi") == "Giải trình"
    assert Phase.FROZEN.label.get("en") == "Frozen"
    assert set(ROLE_LABELS) == set(MemberRole)
    assert ROLE_LABELS[MemberRole.SECRETARY].vi == "Thư ký"
