"""Offline revocation as a round setting: the certificate revocation lists (CRLs) the secretary
loaded into the round, used by every merge (command line and window) and by ``verify --round``.

One list per issuer is kept, the newest; each change is recorded in the audit log.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.io.signing.certificates import describe_crl, load_crl
from parapp.io.signing.validation import SignatureVerdict, TrustSettings, TrustState
from parapp.services.context import RoundContext
from parapp.store import crls as crl_store
from parapp.store import rounds as round_store
from parapp.store.crls import StoredCrl

log = logging.getLogger(__name__)

__all__ = [
    "StoredCrl",
    "add_crls",
    "clear_crls",
    "round_crls",
    "signer_refusal",
    "with_round_crls",
]

AUDIT_ACTION = "set_crl"


def round_crls(ctx: RoundContext) -> list[StoredCrl]:
    """The round's revocation lists, by issuer."""
    with ctx.db.transaction() as s:
        return crl_store.crls(s)


def with_round_crls(ctx: RoundContext, trust: TrustSettings) -> TrustSettings:
    """``trust`` with the round's revocation lists added (the ones given already come first)."""
    stored = [c.der for c in round_crls(ctx)]
    extra = tuple(der for der in stored if der not in trust.crls)
    return replace(trust, crls=(*trust.crls, *extra)) if extra else trust


def signer_refusal(verdict: SignatureVerdict) -> Msg | None:
    """Why a signature whose bytes are intact still may not be accepted (its certificate was
    expired, not yet valid or revoked when checked); None when it may."""
    if verdict.trust is not TrustState.INVALID:
        return None
    problem = verdict.problem or verdict.trust.label
    return Msg(
        f"chữ ký của {verdict.signer} không được chấp nhận: {problem.vi}.",
        f"{verdict.signer}'s signature is not accepted: {problem.en}.",
    )


def add_crls(ctx: RoundContext, files: Sequence[Path]) -> list[StoredCrl]:
    """Load CRL files (PEM or DER) into the round: a list replaces an older one of the same
    issuer; one older than the stored list of its issuer is refused. All files or none.

    Raises:
        ValidationError: unreadable or not a CRL; older than the stored list of its issuer.
    """
    loaded = []
    for path in files:
        der = load_crl(Path(path))
        loaded.append((Path(path).name[:300], der, describe_crl(der)))
    at = ctx.now()
    added: list[StoredCrl] = []
    with ctx.db.transaction() as s:
        for name, der, info in loaded:
            sha = hashlib.sha256(der).hexdigest()
            current = {c.issuer: c for c in crl_store.crls(s)}.get(info.issuer)
            if current is not None and current.sha256 == sha:
                added.append(current)
                continue
            if current is not None and current.this_update > info.this_update.isoformat():
                raise ValidationError(
                    Msg(
                        f"{name}: danh sách thu hồi của “{info.issuer_name}” cũ hơn danh sách "
                        f"đã lưu ({current.file_name}); không thay đổi gì.",
                        f"{name}: the revocation list of “{info.issuer_name}” is older than "
                        f"the stored one ({current.file_name}); nothing changed.",
                    )
                )
            if current is not None:
                crl_store.remove_crl(s, current.sha256)
            stored = StoredCrl(
                sha,
                info.issuer,
                name,
                der,
                info.this_update.isoformat(),
                info.next_update.isoformat() if info.next_update else None,
                info.revoked,
                at,
            )
            crl_store.add_crl(s, stored)
            round_store.audit(
                s,
                at=at,
                actor=ctx.actor,
                action=AUDIT_ACTION,
                field="crl",
                old=current.sha256 if current else None,
                new=sha,
                reason=f"{info.issuer}; {info.revoked} revoked",
                source=name,
            )
            added.append(stored)
    log.info("round CRLs: %d loaded", len(added))
    return added


def clear_crls(ctx: RoundContext) -> int:
    """Remove every revocation list from the round; how many were removed."""
    with ctx.db.transaction() as s:
        current = crl_store.crls(s)
        for crl in current:
            crl_store.remove_crl(s, crl.sha256)
            round_store.audit(
                s,
                at=ctx.now(),
                actor=ctx.actor,
                action=AUDIT_ACTION,
                field="crl",
                old=crl.sha256,
                new=None,
                reason=f"removed: {crl.issuer}",
                source=crl.file_name,
            )
    return len(current)
