"""Signatures made before a store's trust root was founded (`dingmi trust found`, storage.founding).

The founding certificate (kind "authority", body "pre_trust") lists the decisions signed under the old
rule and the forms decided by then; the verifier accepts exactly those as 信任根建立前的签名.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security.canonical import canonical_json, digest_hex
from dingmi_desktop.storage import tables as t

if TYPE_CHECKING:
    from dingmi_desktop.storage import verifier


def legacy_digest(row: t.Decision, public_key: bytes) -> str:
    """What the founding certificate records of a decision signed before the root: the row and its key."""
    return digest_hex(canonical_json({"decision": _decision_hash(row), "key": public_key.hex()}))


def signed_before_root(orm: OrmSession, state: verifier.TrustState, row: t.Decision) -> bool:
    """Whether the root, when it was founded, certified this decision as signed under the old rule."""
    key = orm.get(t.UserKey, row.key_id) if row.key_id is not None else None
    certified = state.pre_trust.get("decisions", {}).get(str(row.id))
    return key is not None and certified == legacy_digest(row, key.public_key)


def decided_before_root(state: verifier.TrustState, form: t.Form, newest: int | None) -> bool:
    certified = state.pre_trust.get("forms", {}).get(str(form.id))
    return certified == [form.status, form.revision, form.content_hash] and newest == form.revision


def count_signed_before_root(orm: OrmSession, state: verifier.TrustState) -> int:
    """Decisions accepted as 信任根建立前的签名 (reported as such, not as forged)."""
    if not state.pre_trust:
        return 0
    ids = [int(i) for i in state.pre_trust.get("decisions", {})]
    rows = orm.scalars(select(t.Decision).where(t.Decision.id.in_(ids), t.Decision.cert_hash.is_(None)))
    return sum(1 for row in rows if signed_before_root(orm, state, row))


def _decision_hash(row: t.Decision) -> str:
    from dingmi_desktop.storage.verifier import decision_hash  # verifier imports this module

    return decision_hash(row)
