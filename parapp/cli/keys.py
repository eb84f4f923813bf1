"""The signing-key options, one vocabulary for every command that signs (``export``, ``submit``,
``sign pdf|xlsx|package|tokens|new-cert``) and the key they describe.

The spellings (issue 11 decision): ``--p12 FILE`` with ``--pass-env VAR``, or ``--pkcs11-lib
LIB`` with ``--token-label LABEL``, ``--key-id HEX`` and ``--pin-env VAR``; a corrected
package names the one it corrects with ``--replaces ID``. These are the only spellings help
shows. The earlier ones (``--pkcs11``, ``--token``, ``--passphrase-env``, ``submit
--deprecates``, ``new-cert --ca-passphrase-env``) stay accepted as hidden aliases of the same
option, so existing scripts keep working.

Secrets come from the environment variable named or from a prompt that does not echo, never
from an argument other users could see; a PIN is asked once.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.services import signing
from parapp.services.signing import Pkcs12Key, TokenKey

ALIASES: dict[str, tuple[str, ...]] = {
    "--pkcs11-lib": ("--pkcs11",),
    "--token-label": ("--token",),
    "--pass-env": ("--passphrase-env",),
    "--ca-pass-env": ("--ca-passphrase-env",),
    "--replaces": ("--deprecates",),
}
"""Canonical option -> the earlier spellings still accepted (not shown in help)."""


def option(container: Any, canonical: str, **kwargs: Any) -> argparse.Action:
    """Add ``canonical`` to ``container`` (a parser or a group) with its hidden aliases."""
    action: argparse.Action = container.add_argument(canonical, **kwargs)
    hidden = {k: v for k, v in kwargs.items() if k not in ("help", "required", "dest")}
    for alias in ALIASES.get(canonical, ()):
        container.add_argument(alias, dest=action.dest, help=argparse.SUPPRESS, **hidden)
    return action


def key_arguments(parser: argparse.ArgumentParser) -> None:
    """``--p12 FILE`` or ``--pkcs11-lib LIB`` (one is required) and their companions."""
    keys = parser.add_mutually_exclusive_group(required=True)
    keys.add_argument("--p12", type=Path, metavar="FILE", help="PKCS#12 key file")
    option(keys, "--pkcs11-lib", type=Path, metavar="LIB", help="a token's PKCS#11 module")
    option(parser, "--pass-env", metavar="VAR", help="read the .p12 passphrase from VAR")
    token_arguments(parser)


def token_arguments(parser: argparse.ArgumentParser, *, listing: bool = False) -> None:
    """``--token-label``, ``--key-id``, ``--pin-env``; for ``sign tokens`` (``listing``): a
    required ``--pkcs11-lib`` and no ``--key-id``."""
    if listing:  # a required option with an alias: a required group of the two spellings
        lib = parser.add_mutually_exclusive_group(required=True)
        option(lib, "--pkcs11-lib", type=Path, metavar="LIB", help="a token's PKCS#11 module")
    option(parser, "--token-label", metavar="LABEL", help="token label (with --pkcs11-lib)")
    if not listing:
        parser.add_argument(
            "--key-id", metavar="HEX", help="key id on the token (with --pkcs11-lib)"
        )
    parser.add_argument("--pin-env", metavar="VAR", help="read the token PIN from VAR")


def read_secret(env: str | None, prompt: Msg, lang: Lang) -> str:
    """A passphrase or PIN from the environment variable ``env``, else a no-echo prompt."""
    if env:
        value = os.environ.get(env)
        if value is None:
            raise ValidationError(
                Msg(
                    f"Biến môi trường {env} chưa được đặt.", f"Environment variable {env} is unset."
                )
            )
        return value
    return getpass.getpass(prompt.get(lang))


def key_id(text: str | None) -> bytes | None:
    """``--key-id`` as bytes."""
    if not text:
        return None
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise ValidationError(
            Msg("Mã khóa phải ở dạng hex, ví dụ 01.", "The key id must be hex, e.g. 01.")
        ) from None


def key_source(args: argparse.Namespace, lang: Lang) -> signing.KeySource:
    """The key that ``key_arguments`` describe; the secret is read here (asked once)."""
    if args.p12 is not None:
        if args.pin_env or args.token_label or args.key_id:
            raise ValidationError(
                Msg(
                    "--pin-env, --token-label và --key-id chỉ dùng với --pkcs11-lib.",
                    "--pin-env, --token-label and --key-id go with --pkcs11-lib only.",
                )
            )
        secret = read_secret(args.pass_env, Msg("Mật khẩu tệp khóa: ", "Key passphrase: "), lang)
        return Pkcs12Key(args.p12, secret)
    if args.pass_env:
        raise ValidationError(
            Msg("--pass-env chỉ dùng với --p12.", "--pass-env goes with --p12 only.")
        )
    identifier = key_id(args.key_id)
    # The token's PIN flags before the PIN is asked: a locked token stops here (never tried).
    warning = signing.token_pin_warning(args.pkcs11_lib, args.token_label)
    if warning is not None:
        sys.stderr.write(warning.get(lang) + "\n")
    pin = read_secret(args.pin_env, Msg("Mã PIN thiết bị ký số: ", "Token PIN: "), lang)
    # A final try is used only when a person read the warning and typed the PIN at the prompt.
    return TokenKey(
        args.pkcs11_lib,
        pin,
        args.token_label,
        identifier,
        final_try_confirmed=not args.pin_env,
    )
