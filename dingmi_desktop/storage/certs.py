"""The certificate chain in the database, and founding a unit's trust anchor (root, shares, first certs).

Rows are append-only (migration 0005). `user_keys` and `role_grants` stay as the caches the UI reads;
storage.verifier decides from the certificates alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.domain.roles import Role
from dingmi_desktop.security import signing, trust
from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import NEW_CERTIFICATE
from dingmi_desktop.storage.records import RoleGrant, iso, iso_date
from dingmi_desktop.storage.settings_decl import COSIGNED

ROOT_META = "root_public_key"
# Settings that grant or restrict power: certified with the policy (a change needs the co-signer too).
POWER_SETTINGS = COSIGNED  # settings_decl: the settings a second 三员 co-signs


def root_public_key(orm: OrmSession) -> bytes | None:
    row = orm.get(t.Meta, ROOT_META)
    return trust.unb64(row.value) if row is not None and row.value else None


def load_chain(orm: OrmSession) -> list[t.Certificate]:
    return list(orm.scalars(select(t.Certificate).order_by(t.Certificate.seq, t.Certificate.id)))


def _append(orm: OrmSession, cert: trust.Certificate, subject: int | None) -> trust.Certificate:
    orm.add(
        t.Certificate(
            seq=cert.seq,
            kind=cert.kind,
            subject_user_id=subject,
            payload=cert.payload().decode("utf-8"),
            signature=cert.signature,
            hash=cert.hash,
        )
    )
    orm.flush()
    # The transaction's audit entry records the newest certificate (storage.cert_references): deleting
    # certificates from the end of the chain then contradicts a signed audit entry.
    orm.info[NEW_CERTIFICATE] = (cert.seq, cert.hash)
    return cert


def _head(orm: OrmSession) -> tuple[int, str]:
    last = orm.scalars(select(t.Certificate).order_by(t.Certificate.seq.desc()).limit(1)).first()
    return (last.seq, last.hash) if last is not None else (0, trust.GENESIS)


def append_root(
    orm: OrmSession, root_seed: bytes, kind: str, body: dict[str, Any], subject: int | None = None
) -> trust.Certificate:
    seq, prev = _head(orm)
    return _append(orm, trust.issue(root_seed, seq + 1, prev, kind, body), subject)


def append_key_change(
    orm: OrmSession, old_seed: bytes, user_id: int, new_public_key: bytes, at: datetime
) -> trust.Certificate:
    seq, prev = _head(orm)
    body = {
        "user_id": user_id,
        "old_public_key": trust.b64(signing.public_key_of(old_seed)),
        "new_public_key": trust.b64(new_public_key),
        "at": iso(at),
    }
    return _append(orm, trust.key_change(old_seed, seq + 1, prev, body), user_id)


def key_body(
    user: t.User, public_key: bytes, origin: str, confirmed_by: Iterable[str], at: datetime
) -> dict[str, Any]:
    return {
        "user_id": user.id,
        "username": user.username,
        "public_key": trust.b64(public_key),
        "created_at": iso(at),
        "origin": origin,
        "confirmed_by": sorted(confirmed_by),
    }


def grant_body(user_id: int, grant: RoleGrant, at: datetime) -> dict[str, Any]:
    return {
        "user_id": user_id,
        "role": grant.role,
        "officer_kind": grant.officer_kind,
        "highest_level": grant.highest_level,
        "remit": list(grant.remit),  # the matters or departments of the appointment (Reg 15)
        "term_until": iso_date(grant.term_until),
        "trained_on": iso_date(grant.trained_on),
        "at": iso(at),
    }


def policy_body(orm: OrmSession, at: datetime) -> dict[str, Any]:
    from dingmi_desktop.storage.directory import SettingsRepository
    from dingmi_desktop.storage.session import read_policy

    settings = SettingsRepository(orm)
    return {
        "policy": read_policy(orm).to_json(),
        "settings": {key: settings.get(key) for key in POWER_SETTINGS},
        "at": iso(at),
    }


def found_root(orm: OrmSession, slots: SlotFile, holders: Iterable[str]) -> tuple[bytes, dict[str, bytes]]:
    """A new root key for this store: shares for the 三员 holders (to wrap into their slots next), the
    seed wrapped per pair into the slot-file header, the public key in the database. Call before the
    holders' slots are wrapped: every slot's AAD binds the root public key."""
    root_seed = signing.new_private_seed()
    shares = {name: trust.new_share() for name in holders}
    slots.root_public_key = signing.public_key_of(root_seed)
    slots.root_wraps = trust.wrap_root(root_seed, slots.store_id, shares)
    orm.merge(t.Meta(key=ROOT_META, value=trust.b64(slots.root_public_key)))
    orm.flush()
    return root_seed, shares


def certify_user(
    orm: OrmSession, root_seed: bytes, user: t.User, origin: str, confirmed_by: Iterable[str], at: datetime
) -> None:
    """A key certificate for the user's newest key, and a grant certificate for each of its roles."""
    key = orm.scalars(
        select(t.UserKey).where(t.UserKey.user_id == user.id).order_by(t.UserKey.id.desc()).limit(1)
    ).one()
    body = key_body(user, key.public_key, origin, confirmed_by, at)
    append_root(orm, root_seed, "user_key", body, user.id)
    for g in orm.scalars(select(t.RoleGrant).where(t.RoleGrant.user_id == user.id).order_by(t.RoleGrant.id)):
        remit = tuple(json.loads(g.remit)) if g.remit else ()
        grant = RoleGrant(Role(g.role), g.officer_kind, g.highest_level, remit=remit)
        body = grant_body(user.id, grant, at) | {"term_until": g.term_until, "trained_on": g.trained_on}
        append_root(orm, root_seed, "grant", body, user.id)


def certify_unit(orm: OrmSession, root_seed: bytes, at: datetime) -> None:
    unit = orm.get(t.Unit, 1)
    assert unit is not None
    body = {"unit_name": unit.name, "highest_level": unit.authority, "at": iso(at)}
    append_root(orm, root_seed, "authority", body)
    append_root(orm, root_seed, "policy", policy_body(orm, at))


def found_unit(orm: OrmSession, root_seed: bytes, holders: Iterable[str], at: datetime) -> None:
    """First certificates of a new store: the unit, its policy, every user's key (first run) and roles."""
    certify_unit(orm, root_seed, at)
    holders = sorted(holders)
    for user in orm.scalars(select(t.User).order_by(t.User.id)):
        certify_user(orm, root_seed, user, "first_run", holders, at)
