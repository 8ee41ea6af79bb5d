"""Officer signatures on records that are not form decisions: an approved widening of the circle and an
annual-review outcome. Signed like a decision (security.signing over canonical bytes, the key certified by
the unit root, the same refusal for an unconfirmed key), but kept in their own rows so the form's decision
chain (what the verifier checks against its status) is not touched."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security import signing
from dingmi_desktop.security.canonical import canonical_json
from dingmi_desktop.storage import PermissionDenied, Signer, verifier
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.decisions_repo import UNCONFIRMED_KEY

FORMAT = "dingmi-record-1"


@dataclass(frozen=True)
class Signature:
    key_id: int
    cert_hash: str | None
    signature: bytes


def record_bytes(kind: str, body: dict[str, Any], actor: str, time: str, cert_hash: str | None) -> bytes:
    return canonical_json(
        {"format": FORMAT, "kind": kind, "body": body, "actor": actor, "time": time, "cert_hash": cert_hash}
    )


def sign_record(orm: OrmSession, signer: Signer, kind: str, body: dict[str, Any], time: str) -> Signature:
    """The signer's signature; refused when the key is not the user's registered (certified) one."""
    key = orm.scalars(
        select(t.UserKey).where(t.UserKey.user_id == signer.user_id).order_by(t.UserKey.id.desc()).limit(1)
    ).one()
    if key.public_key != signer.public_key:
        raise PermissionDenied("签名密钥与登记的公钥不一致，请重新登录。")
    state = verifier.load_trust(orm)
    cert_hash = None
    if state.rooted:
        span = state.current_key(signer.user_id)
        if span is None or span.public_key != signer.public_key:
            raise PermissionDenied(UNCONFIRMED_KEY)
        cert_hash = span.cert_hash
    message = record_bytes(kind, body, signer.username, time, cert_hash)
    return Signature(key.id, cert_hash, signer.sign(message))


def check_record(
    orm: OrmSession,
    kind: str,
    body: dict[str, Any],
    *,
    actor_id: int,
    actor: str,
    time: str,
    signed: Signature,
) -> bool:
    """True when the stored signature covers exactly this record and was made with the actor's key."""
    state = verifier.load_trust(orm)
    public_key: bytes | None = None
    if signed.cert_hash is not None:
        span = state.key_by_cert(signed.cert_hash)
        if span is not None and span.user_id == actor_id:
            public_key = span.public_key
    else:
        key = orm.get(t.UserKey, signed.key_id)
        if key is not None and key.user_id == actor_id:
            public_key = key.public_key
    if public_key is None:
        return False
    message = record_bytes(kind, body, actor, time, signed.cert_hash)
    return signing.verify(public_key, message, signed.signature)
