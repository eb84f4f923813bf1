"""One option vocabulary for every command that signs: ``--p12/--pass-env`` or ``--pkcs11-lib/
--token-label/--key-id/--pin-env``, ``--replaces``. The earlier spellings stay accepted as hidden
aliases of the same option; help shows the canonical ones only."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from parapp.cli import app as cli
from parapp.cli.keys import ALIASES
from tests.signing_pki import (
    SOFTHSM_MODULE,
    USER_PIN,
    SoftToken,
    create_softhsm_token,
    make_pki,
    sample_pdf,
    unload_softhsm,
)

P12 = ["--p12", "me.p12"]
TOKEN = ["--pkcs11-lib", "lib.so", "--token-label", "council", "--key-id", "01",
         "--pin-env", "PIN"]  # fmt: skip
SHEET = ["--place", "Thái Nguyên"]

# command -> (the command's own arguments, canonical options); each is parsed again with every
# canonical option spelled as its alias.
COMMANDS: dict[str, tuple[list[str], list[list[str]]]] = {
    "export": (["export", "ws.parround", "--unit", "STP", "--pdf", "a.pdf", *SHEET],
               [[*P12, "--pass-env", "PASS"], TOKEN]),
    "submit": (["submit", "ws.parround", "-o", "a.parscore", *SHEET],
               [[*P12, "--pass-env", "PASS", "--replaces", "abc"], TOKEN]),
    "sign pdf": (["sign", "pdf", "a.pdf"], [[*P12, "--pass-env", "PASS"], TOKEN]),
    "sign xlsx": (["sign", "xlsx", "a.xlsx"], [[*P12, "--pass-env", "PASS"], TOKEN]),
    "sign package": (["sign", "package", "ws.parround", "-o", "a.parscore"],
                     [[*P12, "--pass-env", "PASS", "--replaces", "abc"], TOKEN]),
    "sign tokens": (["sign", "tokens"],
                    [["--pkcs11-lib", "lib.so", "--token-label", "council", "--pin-env", "PIN"]]),
    "sign new-cert": (["sign", "new-cert", "--folder", "d", "--name", "A"],
                      [["--pass-env", "P", "--ca-p12", "ca.p12", "--ca-pass-env", "C"]]),
}  # fmt: skip

HIDDEN = sorted({alias for aliases in ALIASES.values() for alias in aliases})


def _aliased(options: list[str]) -> list[str]:
    return [ALIASES[o][0] if o in ALIASES else o for o in options]


def _sub_parser(words: list[str]) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = cli.build_parser()
    for word in words:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = action.choices[word]
    return parser


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_canonical_and_alias_spellings_give_the_same_arguments(command: str) -> None:
    words, variants = COMMANDS[command]
    for options in variants:
        canonical = cli.build_parser().parse_args([*words, *options])
        aliased_options = _aliased(options)
        assert (aliased_options != options) == any(o in ALIASES for o in options)
        aliased = cli.build_parser().parse_args([*words, *aliased_options])
        assert vars(aliased) == vars(canonical)
        for option in options:
            if option.startswith("--") and option != "--p12":
                dest = option[2:].replace("-", "_")
                assert getattr(canonical, dest) is not None, option


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_shows_only_the_canonical_spellings(command: str) -> None:
    words, variants = COMMANDS[command]
    text = _sub_parser(words[: 2 if words[0] == "sign" else 1]).format_help()
    for alias in HIDDEN:
        assert not re.search(rf"{re.escape(alias)}(?![\w-])", text), (command, alias)
    for options in variants:
        for option in options:
            if option.startswith("--"):
                assert option in text, (command, option)


def test_an_alias_and_its_canonical_spelling_together_are_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["sign", "pdf", "a.pdf", "--pkcs11-lib", "a.so", "--pkcs11", "b.so"])
    assert exc.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.fixture
def token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[SoftToken, Path]]:
    pki = make_pki(tmp_path / "pki", "Đỗ Thị Thư Ký")
    created = create_softhsm_token(tmp_path / "hsm", pki)
    monkeypatch.setenv("SOFTHSM2_CONF", str(created.conf))
    monkeypatch.setenv("PIN", USER_PIN)
    unload_softhsm()  # SoftHSM2 reads SOFTHSM2_CONF when loaded
    yield created, pki.ca_pem
    unload_softhsm()


@pytest.mark.parametrize("spelling", ["canonical", "alias"])
def test_token_signing_with_either_spelling_on_softhsm(
    token: tuple[SoftToken, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    spelling: str,
) -> None:  # fmt: skip
    soft, ca = token
    options = ["--pkcs11-lib", str(SOFTHSM_MODULE), "--token-label", soft.label]
    if spelling == "alias":
        options = _aliased(options)
    assert cli.main(["sign", "tokens", *options, "--pin-env", "PIN"]) == 0
    assert "\tcó khóa\n" in capsys.readouterr().out
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(sample_pdf())
    code = cli.main(["sign", "pdf", str(pdf), *options, "--key-id", "01", "--pin-env", "PIN",
                     "--ca", str(ca)])  # fmt: skip
    assert (code, capsys.readouterr().err) == (0, "")
    assert cli.main(["verify", str(tmp_path / "a-signed.pdf"), "--ca", str(ca)]) == 0
    assert "Người ký: Đỗ Thị Thư Ký" in capsys.readouterr().out
