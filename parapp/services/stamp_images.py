"""The signature and seal images of the round's stamps (Nghị định 30/2020, Phụ lục I): one
signature PNG per person (member, secretary, chair: all members of the council) and the agency's
seal PNG, chosen in the round's settings and stored with the round (the PNG once, under its
SHA-256; the setting names the hash). Each change is audited.
"""

from __future__ import annotations

import hashlib
import logging

from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.io.signing.stamp import SEAL_WHAT, SIGNATURE_WHAT, StampImages, png_size
from parapp.services import rounds
from parapp.services.context import RoundContext
from parapp.store import external as external_store
from parapp.store import rounds as round_store
from parapp.store import settings as settings_store

log = logging.getLogger(__name__)

SIGNATURE_KEY = "stamp.signature."
"""Setting ``stamp.signature.<member id>``: the SHA-256 of the member's signature PNG."""
SEAL_KEY = "stamp.seal"
"""Setting: the SHA-256 of the agency's seal PNG."""
AUDIT_ACTION = "round_settings"


def _check_member(ctx: RoundContext, member_id: str) -> None:
    if member_id not in {m.id for m in rounds.list_members(ctx)}:
        raise ValidationError(
            Msg(
                f"Không có thành viên “{member_id}” trong Hội đồng.",
                f"There is no member “{member_id}” on the council.",
            )
        )


def _store(ctx: RoundContext, key: str, png: bytes | None, what: Msg) -> str | None:
    size = png_size(png, what) if png is not None else None  # checked before anything is stored
    digest = hashlib.sha256(png).hexdigest() if png is not None else None
    with ctx.db.transaction() as s:
        old = settings_store.get(s, key)
        at = ctx.now()
        if png is not None and digest is not None and size is not None:
            external_store.put_image(s, digest, png, size, at)
            changed = settings_store.put(s, key, digest, at=at, by=ctx.actor)
        else:
            changed = settings_store.remove(s, key)
        if changed:
            round_store.audit(
                s, at=at, actor=ctx.actor, action=AUDIT_ACTION, field=key, old=old, new=digest
            )
    log.info("%s set to %s", key, digest or "-")
    return digest


def check_images(signatures: list[bytes], seal: bytes | None) -> None:
    """Check every PNG before any is stored (so that a bad one leaves the round unchanged).

    Raises:
        ValidationError: one is not a fit PNG.
    """
    for png in signatures:
        png_size(png, SIGNATURE_WHAT)
    if seal is not None:
        png_size(seal, SEAL_WHAT)


def set_signature_image(ctx: RoundContext, member_id: str, png: bytes | None) -> str | None:
    """Choose (or with None forget) a member's signature image; returns its SHA-256.

    Raises:
        ValidationError: unknown member, or not a fit PNG (nothing is stored then).
    """
    _check_member(ctx, member_id)
    return _store(ctx, SIGNATURE_KEY + member_id, png, SIGNATURE_WHAT)


def set_seal_image(ctx: RoundContext, png: bytes | None) -> str | None:
    """Choose (or with None forget) the agency's seal image; returns its SHA-256.

    Raises:
        ValidationError: not a fit PNG (nothing is stored then).
    """
    return _store(ctx, SEAL_KEY, png, SEAL_WHAT)


def image_hashes(ctx: RoundContext) -> dict[str, str]:
    """Setting key -> SHA-256 of every stamp image chosen."""
    with ctx.db.transaction() as s:
        return {
            key: str(value)
            for key, value in settings_store.all_settings(s).items()
            if key.startswith(SIGNATURE_KEY) or key == SEAL_KEY
        }


def stamp_images(ctx: RoundContext, member_id: str, *, seal: bool = False) -> StampImages | None:
    """The images of ``member_id``'s stamp: the signature image, with the agency's seal when
    ``seal`` (a signature on the agency's behalf). None when there is no image: a text stamp."""
    with ctx.db.transaction() as s:
        sig_hash = settings_store.get(s, SIGNATURE_KEY + member_id)
        seal_hash = settings_store.get(s, SEAL_KEY) if seal else None
        signature = external_store.image(s, sig_hash) if sig_hash else None
        seal_png = external_store.image(s, seal_hash) if seal_hash else None
    if signature is None and seal_png is None:
        return None
    return StampImages(signature, seal_png)
