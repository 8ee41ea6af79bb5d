"""Certificates issued with the unit root inside an AccountService transaction (root opened by cosign)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security.errors import InvalidInput
from dingmi_desktop.services.cosign import RootUse
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage import verifier
from dingmi_desktop.storage.certs import append_root, grant_body, key_body, policy_body
from dingmi_desktop.storage.records import RoleGrant, iso


def newest_key(orm: OrmSession, user_id: int) -> t.UserKey:
    return orm.scalars(
        select(t.UserKey).where(t.UserKey.user_id == user_id).order_by(t.UserKey.id.desc()).limit(1)
    ).one()


def key_confirmed(orm: OrmSession, user_id: int) -> bool:
    """Whether the user's current key has a root certificate (else it cannot sign)."""
    state = verifier.load_trust(orm)
    if not state.rooted:
        return True
    span = state.current_key(user_id)
    return span is not None and span.public_key == newest_key(orm, user_id).public_key


def unconfirmed_users(orm: OrmSession) -> set[int]:
    state = verifier.load_trust(orm)
    if not state.rooted:
        return set()
    found = set()
    for user in orm.scalars(select(t.User)):
        span = state.current_key(user.id)
        if span is None or span.public_key != newest_key(orm, user.id).public_key:
            found.add(user.id)
    return found


def confirm_key(orm: OrmSession, root: RootUse, user: t.User, at: datetime) -> str:
    """The `user_key` certificate for the user's current key; returns its origin (created / reset)."""
    if key_confirmed(orm, user.id):
        raise InvalidInput(f"用户 {user.username} 的密钥已经确认，无需再次确认。")
    state = verifier.load_trust(orm)
    origin = "reset" if state.keys.get(user.id) else "created"
    body = key_body(user, newest_key(orm, user.id).public_key, origin, root.confirmed_by, at)
    append_root(orm, root.seed, "user_key", body, user.id)
    return origin


def revoke_certified(orm: OrmSession, root: RootUse, user_id: int, role: str, at: datetime) -> int:
    """A `revoke` certificate for each certified, unrevoked grant of `role` to the user."""
    state = verifier.load_trust(orm)
    count = 0
    for span in state.grants.get(user_id, []):
        if span.body["role"] == role and span.revoked_at is None:
            body = {"grant": span.cert_hash, "user_id": user_id, "role": role, "at": iso(at)}
            append_root(orm, root.seed, "revoke", body, user_id)
            count += 1
    return count


def certify_grant(orm: OrmSession, root: RootUse, user_id: int, grant: RoleGrant, at: datetime) -> None:
    """Replaces any certified grant of the same role, then certifies the new one."""
    revoke_certified(orm, root, user_id, grant.role, at)
    append_root(orm, root.seed, "grant", grant_body(user_id, grant, at), user_id)


def certify_policy(orm: OrmSession, root: RootUse, at: datetime) -> None:
    orm.flush()
    append_root(orm, root.seed, "policy", policy_body(orm, at))
