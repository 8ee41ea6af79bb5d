"""Founding a unit trust root on a store made before the anchor (migration 0006): `dingmi trust found`.

All the 三员 type their passwords. The root is made and shared among them (each slot re-wrapped with its
share); the root then certifies the unit's 定密权限 and policy, every user's current key (origin
"migrated") and role grants, and — so they stay readable and are not taken for forgeries — the decisions
signed under the old rule and the forms decided before, as they stand now (after the 三员 checked them
by the old rule: a decision that fails it is left out and reported).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.domain.roles import ADMIN_ROLES
from dingmi_desktop.security import trust
from dingmi_desktop.security.errors import InvalidInput, PermissionDenied
from dingmi_desktop.storage import pretrust, verifier
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import AuditWriter
from dingmi_desktop.storage.audit_verifier import audit_signer
from dingmi_desktop.storage.certs import append_root, certify_user, found_root, policy_body, root_public_key
from dingmi_desktop.storage.records import iso
from dingmi_desktop.storage.store import Store

ACTION = "建立单位信任根"


@dataclass
class Founding:
    fingerprint: str
    holders: list[str]
    decisions: int = 0  # signed decisions certified as 信任根建立前的签名
    forms: int = 0  # decided forms certified as they stand
    refused: list[str] = field(default_factory=list)  # what failed the old rule and was not certified
    need_reset: list[str] = field(default_factory=list)  # users whose slot no longer opens (see below)


def _holders(orm: OrmSession) -> list[str]:
    rows = orm.execute(
        select(t.User.username)
        .join(t.RoleGrant, t.RoleGrant.user_id == t.User.id)
        .where(t.User.active.is_(True), t.RoleGrant.role.in_(sorted(ADMIN_ROLES)))
    )
    return sorted({name for (name,) in rows})


def _pre_trust(orm: OrmSession, result: Founding) -> dict[str, Any]:
    """The old-rule decisions and decided forms the root certifies (each checked first)."""
    unrooted = verifier.TrustState(None)
    decisions: dict[str, str] = {}
    valid: set[int] = set()
    for row, actor, content in verifier.decision_rows(orm):
        if row.signature is None:
            continue
        reason = verifier.check_decision(orm, unrooted, row, actor, content)
        key = orm.get(t.UserKey, row.key_id) if row.key_id is not None else None
        if reason or key is None:
            result.refused.append(f"决定记录 {row.id}（表单 {row.form_id}）：{reason or '签名密钥不存在'}")
            continue
        decisions[str(row.id)] = pretrust.legacy_digest(row, key.public_key)
        valid.add(row.id)
    forms: dict[str, list[Any]] = {}
    for form in orm.scalars(select(t.Form).where(t.Form.status == verifier.DECIDED).order_by(t.Form.id)):
        deciding = orm.scalars(
            select(t.Decision)
            .where(t.Decision.form_id == form.id, t.Decision.action.in_(verifier.DECIDING_ACTIONS))
            .order_by(t.Decision.id.desc())
            .limit(1)
        ).first()
        if deciding is None or deciding.id not in valid or deciding.content_hash != form.content_hash:
            result.refused.append(f"表单 {form.id} 的状态为已定密，但没有与现行版本相符的有效定密决定")
            continue
        forms[str(form.id)] = [form.status, form.revision, form.content_hash]
    result.decisions, result.forms = len(decisions), len(forms)
    return {"decisions": decisions, "forms": forms}


def found_on_existing(store: Store, passwords: dict[str, str]) -> Founding:
    """Founds the root with every active 三员 present (passwords: username → password)."""
    slots = store.slots
    if slots.root_public_key is not None:
        raise InvalidInput("本数据存储已建立单位信任根，无需再次建立。")
    opened: dict[str, tuple[bytes, bytes]] = {}
    for name, password in sorted(passwords.items()):
        opened[name] = store.unwrap_checked(name, password)
    saved = (slots.root_public_key, dict(slots.root_wraps), dict(slots.slots))
    try:
        result = _found(store, passwords, opened)
    except BaseException:  # nothing committed: the header in memory goes back to what is on disk
        slots.root_public_key, slots.root_wraps, slots.slots = saved[0], saved[1], saved[2]
        raise
    finally:
        slots.forget_shares()
    for name in result.holders:
        slots.record_success(name)
    return result


def _found(store: Store, passwords: dict[str, str], opened: dict[str, tuple[bytes, bytes]]) -> Founding:
    slots = store.slots
    now = store.clock()
    with store.orm_transaction() as orm:
        if root_public_key(orm) is not None:
            raise InvalidInput("本数据存储已建立单位信任根，无需再次建立。")
        holders = _holders(orm)
        missing = [name for name in holders if name not in opened]
        strangers = sorted(set(opened) - set(holders))
        if len(holders) < 2 or missing or strangers:
            why = [f"缺少：{'、'.join(missing)}"] if missing else []
            why += [f"{'、'.join(strangers)} 不是在用的三员"] if strangers else []
            raise PermissionDenied(
                f"建立单位信任根须由全部在用的三员（{'、'.join(holders)}）当面各自输入密码"
                + "".join(f"；{w}" for w in why)
                + "。"
            )
        result = Founding("", holders)
        pre_trust = _pre_trust(orm, result)
        root_seed, shares = found_root(orm, slots, holders)
        result.fingerprint = trust.fingerprint(slots.root_public_key or b"")
        for name in holders:  # every slot's AAD binds the root: re-wrap the holders', now with a share
            key, seed = opened[name]
            old = slots.slots[name]
            slots.wrap(
                name,
                passwords[name],
                key,
                seed,
                must_change=old.must_change,
                now=now,
                params=old.kdf,
                share=shares[name],
            )
        # A slot written since the upgrade (v2) bound "no root": it no longer opens; a reset re-wraps it.
        result.need_reset = sorted(n for n, s in slots.slots.items() if n not in holders and s.version >= 2)
        unit = orm.get(t.Unit, 1)
        assert unit is not None
        body = {
            "unit_name": unit.name,
            "highest_level": unit.authority,
            "at": iso(now),
            "pre_trust": pre_trust,
        }
        append_root(orm, root_seed, "authority", body)
        append_root(orm, root_seed, "policy", policy_body(orm, now))
        for user in orm.scalars(select(t.User).order_by(t.User.id)):
            certify_user(orm, root_seed, user, "migrated", holders, now)
        detail = {
            "三员": "、".join(holders),
            "信任根指纹": result.fingerprint,
            "认证的原有签名": str(result.decisions),
            "未认证": str(len(result.refused)),
        }
        actor = orm.scalars(select(t.User).where(t.User.username == holders[0])).one()
        signer = audit_signer(orm, actor, opened[holders[0]][1])  # signed with the key just certified
        AuditWriter(orm, holders[0], store.clock, signer).append(ACTION, object_type="trust", detail=detail)
        slots.save()  # before the commit, as every slot change: the header and the database agree
    return result
