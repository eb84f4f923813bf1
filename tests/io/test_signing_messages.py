"""Every signature problem a user can meet says what it means and what to do, in both languages,
without naming a technical state (ByteRange, chain, exception class names)."""

from __future__ import annotations

import re

from parapp.core.messages import Msg
from parapp.io.signing import validation
from parapp.services import verify

ACTIONS_VI = ("hãy ", "cần ", "Cách xử lý", "không dùng")
ACTIONS_EN = ("ask ", "must ", "To fix", "do not use", "check again", "put the")
JARGON = re.compile(
    r"ByteRange|chuỗi chứng thư|toàn vẹn|CMS|PKCS|Error\b|Exception|\bchain\b", re.I
)


def _problems() -> dict[str, Msg]:
    found = {
        f"validation.{name}": value
        for name, value in vars(validation).items()
        if isinstance(value, Msg) and not name.startswith("_")
    }
    found["verify.UNSIGNED"] = verify.UNSIGNED
    return found


def test_every_problem_says_what_to_do() -> None:
    problems = _problems()
    assert {"validation.ALTERED", "validation.UNTRUSTED_ISSUER", "validation.REVOKED"} <= set(
        problems
    )
    for name, message in problems.items():
        assert any(word in message.vi for word in ACTIONS_VI), (name, message.vi)
        assert any(word in message.en for word in ACTIONS_EN), (name, message.en)
        assert not JARGON.search(message.vi), (name, message.vi)
        assert not JARGON.search(message.en), (name, message.en)


def test_the_signer_state_is_named_in_plain_words() -> None:
    label = validation.TrustState.SIGNER_NOT_TRUSTED.label
    assert label.vi == "chưa xác minh được người ký"
    assert "tin cậy" not in label.vi
    assert "nguyên vẹn" in validation.UNTRUSTED_ISSUER.vi  # the content itself is fine
    assert "chứng thư gốc" in validation.UNTRUSTED_ISSUER.vi  # and what to add
