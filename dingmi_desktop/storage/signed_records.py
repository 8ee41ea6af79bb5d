"""Officer signatures on records that are not form decisions: an approved widening of the circle and an
annual-review outcome. Signed like a decision (security.signing over canonical bytes, the key certified by
the unit root, the same refusal for an unconfirmed key), but kept in their own rows so the form's decision
chain (what the verifier checks against its status) is not touched. `verify_signed_records` is their part of
the one verifier (storage.integrity.verify_trail: `audit verify` and `check`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.domain.categories import Category
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
    return _signed_by(orm, verifier.load_trust(orm), kind, body, actor_id, actor, time, signed)


def _signed_by(
    orm: OrmSession,
    state: verifier.TrustState,
    kind: str,
    body: dict[str, Any],
    actor_id: int,
    actor: str,
    time: str,
    signed: Signature,
) -> bool:
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


# --- the rows these signatures sit in, and their check by the one verifier --------------------------------
GRANT_KIND, REVIEW_KIND = "knower_grant", "annual_review"
GRANT_APPROVED, GRANT_RECORDED = "已批准", "已登记"
# Law 21 ¶3: widening the circle of these needs the officer's approval
NEEDS_APPROVAL = frozenset({Category.TOP_SECRET, Category.SECRET})
_NEEDS_APPROVAL_NAMES = frozenset(c.value for c in NEEDS_APPROVAL)


def grant_body(row: t.KnowerGrant) -> dict[str, object]:
    return {
        "grant_id": row.id,
        "form_id": row.form_id,
        "person": row.person,
        "reason": row.reason,
        "level": row.level,
        "opinion": row.opinion,
    }


def review_body(row: t.AnnualReview) -> dict[str, object]:
    return {
        "review_id": row.id,
        "year": row.year,
        "form_id": row.form_id,
        "category": row.category,
        "outcome": row.outcome,
        "opinion": row.opinion,
        "draft_form_id": row.draft_form_id,
    }


def verify_signed_records(orm: OrmSession, state: verifier.TrustState) -> list[str]:
    """Every approved widening of a 机密/绝密 circle and every annual-review conclusion carries its officer's
    signature over exactly what the row says; a row written around the services is named."""
    names: dict[int, str] = {uid: name for uid, name in orm.execute(select(t.User.id, t.User.username))}
    problems: list[str] = []

    def valid(kind: str, body: dict[str, Any], actor_id: int | None, time: str | None, row: Any) -> bool:
        if actor_id is None or time is None or row.signature is None:
            return False
        signed = Signature(row.key_id or 0, row.cert_hash, row.signature)
        return _signed_by(orm, state, kind, body, actor_id, names.get(actor_id, ""), time, signed)

    for g in orm.scalars(select(t.KnowerGrant).order_by(t.KnowerGrant.id)):
        if g.status == GRANT_RECORDED and g.level in _NEEDS_APPROVAL_NAMES:
            problems.append(
                f"知悉人员增补 {g.id}（表单 {g.form_id}）为{g.level}事项却未经批准登记（记录被改动）"
            )
        elif g.status == GRANT_APPROVED and not valid(
            GRANT_KIND, grant_body(g), g.approver_id, g.approved_at, g
        ):
            problems.append(f"知悉人员增补 {g.id}（表单 {g.form_id}）的批准签名无效（记录被改动或伪造）")
    decided = select(t.AnnualReview).where(t.AnnualReview.outcome != "").order_by(t.AnnualReview.id)
    for r in orm.scalars(decided):
        if not valid(REVIEW_KIND, review_body(r), r.decided_by, r.decided_at, r):
            problems.append(
                f"{r.year} 年度审核第 {r.id} 条（表单 {r.form_id}）的结论签名无效（记录被改动或伪造）"
            )
    return problems
