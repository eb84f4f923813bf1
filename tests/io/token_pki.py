"""The test PKI with the member's key of a chosen kind (RSA 2048, EC P-256, EC P-384) and a
SoftHSM2 token holding it: what Vietnamese CAs issue on USB tokens today.

Plain functions beside ``tests/signing_pki.py``, which they reuse.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from tests.signing_pki import (
    Key,
    Pki,
    SoftToken,
    create_softhsm_token,
    make_pki,
    unload_softhsm,
    write_p12,
)

KEY_KINDS = ("rsa2048", "ec-p256", "ec-p384")


def new_key(kind: str) -> Key:
    """A fresh private key of ``kind`` (one of ``KEY_KINDS``)."""
    if kind == "rsa2048":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    curve = {"ec-p256": ec.SECP256R1(), "ec-p384": ec.SECP384R1()}[kind]
    return ec.generate_private_key(curve)


def make_token_pki(folder: Path, member: str, kind: str) -> Pki:
    """``make_pki`` with the member's key replaced by a ``kind`` key and its certificate reissued
    (same subject, same CA, signing key usage); the PEM and .p12 files are rewritten."""
    pki = make_pki(folder, member)
    key = new_key(kind)
    now = datetime.now(UTC)
    old = pki.member_cert
    builder = (
        x509.CertificateBuilder()
        .subject_name(old.subject)
        .issuer_name(old.issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=365))
    )
    for extension in old.extensions:
        builder = builder.add_extension(extension.value, extension.critical)
    cert = builder.sign(pki.ca_key, hashes.SHA256())
    pki.member_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    write_p12(pki.member_p12, key, cert, [pki.ca_cert])
    return dataclasses.replace(pki, member_key=key, member_cert=cert)


@contextmanager
def softhsm_token(folder: Path, pki: Pki, label: str = "council") -> Iterator[SoftToken]:
    """A SoftHSM2 token with the PKI's member key, SOFTHSM2_CONF pointing at it while inside
    (SoftHSM2 reads it when loaded: unloaded before and after)."""
    token = create_softhsm_token(folder, pki, label)
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(token.conf)
    unload_softhsm()
    try:
        yield token
    finally:
        unload_softhsm()
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous
