"""What the key-slot file may tell the database, checked at each sign-in.

The slot file is readable before sign-in and writable by anyone with access to the folder, so nothing in it is
believed once the database is open: its header is compared with the certified unit and policy (and rewritten
from them when it differs), and its pending audit entries are accepted only of the kinds that happen before
sign-in, from an actor that exists, at a time between the chain head and now, numbered without gaps after
the counter the database mirrors. Everything refused is audited; storage.integrity reports it at `check`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security import trust
from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.security.lockout import UNKNOWN_ACTOR
from dingmi_desktop.storage import keychange
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import AuditWriter
from dingmi_desktop.storage.certs import load_chain
from dingmi_desktop.storage.verifier import load_trust

Clock = Callable[[], datetime]
COUNTER_META = "pending_counter"
HEADER_TAMPERED = "密钥槽文件头被改动"
FORGED = "密钥槽文件中的待记审计条目被伪造"
ROLLED_BACK = "密钥槽文件被回退或待记条目被删除"
EVIDENCE = (HEADER_TAMPERED, FORGED, ROLLED_BACK)
# Pre-sign-in kinds and who may be their actor ("user": an existing account).
PRE_SIGN_IN = {
    "登录失败": ("user", UNKNOWN_ACTOR),
    "账户锁定": ("user", UNKNOWN_ACTOR),
    "清理残留备份快照": ("system",),
    "恢复": ("system",),
}


@dataclass(frozen=True)
class UnitFacts:
    """The unit's name, 定密权限 and lockout numbers as the database certifies them."""

    unit_name: str
    authority: str
    lock_after_failures: int
    lock_minutes: int


def certified_facts(orm: OrmSession) -> UnitFacts:
    """From the root-signed certificates; a store without a root falls back to its database rows."""
    state = load_trust(orm)
    unit, policy_row = orm.get(t.Unit, 1), orm.get(t.SecurityPolicy, 1)
    name = state.unit_name or (unit.name if unit else "")
    authority = state.authority or (unit.authority if unit else "")
    policy: dict[str, Any] = {}
    if policy_row is not None:
        policy = {k: getattr(policy_row, k) for k in ("lock_after_failures", "lock_minutes")}
    if state.root is not None:
        for row in load_chain(orm):
            try:
                cert = trust.parse_payload(row.payload.encode("utf-8"), row.signature)
            except (ValueError, KeyError, TypeError):
                continue
            if cert.kind == "policy" and cert.verify(state.root):
                policy = dict(cert.body["policy"])
    return UnitFacts(name, authority, int(policy["lock_after_failures"]), int(policy["lock_minutes"]))


def _header_changes(slots: SlotFile, facts: UnitFacts) -> dict[str, str]:
    fields = {
        "单位名称": (slots.unit_name, facts.unit_name),
        "定密权限": (slots.authority, facts.authority),
        "锁定前允许失败次数": (slots.lock_after_failures, facts.lock_after_failures),
        "锁定分钟数": (slots.lock_minutes, facts.lock_minutes),
    }
    return {name: f"{found}→{true}" for name, (found, true) in fields.items() if str(found) != str(true)}


def header_problems(orm: OrmSession, slots: SlotFile) -> list[str]:
    """The header's differences from the certified facts, found without writing (for `check`)."""
    changed = _header_changes(slots, certified_facts(orm))
    return [HEADER_TAMPERED + "：" + "，".join(f"{k}：{v}" for k, v in changed.items())] if changed else []


def check_header(orm: OrmSession, slots: SlotFile, clock: Clock) -> tuple[UnitFacts, bool]:
    """The header against the certified facts; a difference is audited and the header rewritten in memory
    (the caller saves). Returns the facts and whether the header changed."""
    facts = certified_facts(orm)
    changed = _header_changes(slots, facts)
    if changed:
        AuditWriter(orm, "system", clock).append(
            HEADER_TAMPERED, object_type="keyslots", result="失败", detail=changed
        )
        slots.unit_name, slots.authority = facts.unit_name, facts.authority
        slots.lock_after_failures, slots.lock_minutes = facts.lock_after_failures, facts.lock_minutes
    return facts, bool(changed)


def _refusal(orm: OrmSession, event: dict[str, str], head: datetime | None, now: datetime) -> str | None:
    allowed = PRE_SIGN_IN.get(event.get("action", ""))
    if allowed is None:
        return "不是登录前可能发生的操作"
    actor = event.get("actor", "")
    if actor in ("system", UNKNOWN_ACTOR):
        if actor not in allowed:
            return "操作者与操作不符"
    elif "user" not in allowed or orm.scalar(select(t.User.id).where(t.User.username == actor)) is None:
        return "操作者不是本系统的账户"
    if event.get("result") not in ("成功", "失败"):
        return "结果无效"
    try:
        when = datetime.fromisoformat(event.get("time", ""))
        if when.tzinfo is None:
            raise ValueError("naive")
    except ValueError:
        return "时间无效"
    if head is not None and when < head:
        return "时间早于审计日志中最后一条记录"
    if when > now:
        return "时间晚于当前时间"
    return None


def _head_time(orm: OrmSession) -> datetime | None:
    last = orm.scalar(select(t.AuditEntry.time).order_by(t.AuditEntry.seq.desc()).limit(1))
    return datetime.fromisoformat(last) if last else None


@dataclass
class Review:
    """What the waiting entries amount to: in order, (action, detail) for evidence and (event, None) for
    entries to append; and the counter the database should mirror afterwards."""

    steps: list[tuple[str | dict[str, str], dict[str, Any] | None]]
    counter: int
    rolled_back_to: int | None = None
    behind: dict[str, str] = field(default_factory=dict)


def review(orm: OrmSession, slots: SlotFile, now: datetime) -> Review | None:
    """None when there is nothing to do (no entries waiting, counter mirrored)."""
    events = list(slots.pending_audit)
    meta = {  # the counter and the key-change markers in one read: this runs before every transaction
        key: value
        for key, value in orm.execute(
            select(t.Meta.key, t.Meta.value).where(
                (t.Meta.key == COUNTER_META) | t.Meta.key.startswith(keychange.MARKER)
            )
        )
    }
    mirror = int(meta[COUNTER_META]) if COUNTER_META in meta else None
    last = slots.pending_next - 1
    behind = keychange.behind_in(meta, slots)
    if not events and mirror == last and not behind:
        return None
    result = Review([], last)
    if mirror is not None and last < mirror:
        result.steps.append((ROLLED_BACK, {"数据库中的编号": mirror, "密钥槽文件中的编号": last}))
        result.rolled_back_to = last = mirror
    expected = mirror + 1 if mirror is not None else None
    head = _head_time(orm)
    for event in events:
        number = int(event["n"]) if event.get("n", "").isdigit() else None
        reason = _refusal(orm, event, head, now)
        if reason is None and expected is not None:
            if number is None or number < expected:
                reason = "编号缺失或重复"
            elif number > expected:
                result.steps.append((ROLLED_BACK, {"缺少的编号": f"{expected}–{number - 1}"}))
        if number is not None:
            expected = max(expected or 0, number + 1)
        if reason is not None:
            detail = {k: str(event.get(k, ""))[:64] for k in ("n", "time", "actor", "action")}
            result.steps.append((FORGED, detail | {"原因": reason}))
            continue
        when = datetime.fromisoformat(event["time"])
        head = max(head, when) if head is not None else when
        result.steps.append((event, None))
    if expected is not None and expected <= last:
        result.steps.append((ROLLED_BACK, {"缺少的编号": f"{expected}–{last}"}))
    result.behind = behind
    for user in result.behind:
        result.steps.append((ROLLED_BACK, {"用户": user, "密钥槽": "早于数据库记录的最近一次密码变更"}))
    result.counter = max(last, (expected or 1) - 1)
    return result


def flush_pending(orm: OrmSession, slots: SlotFile, clock: Clock) -> int:
    """Appends the acceptable waiting entries, audits the refused ones and any break in their numbering,
    and mirrors the counter. Returns how many entries were consumed (dropped after the commit)."""
    found = review(orm, slots, clock())
    if found is None:
        return 0
    system = AuditWriter(orm, "system", clock)
    for step, detail in found.steps:
        if isinstance(step, str):
            system.append(step, object_type="keyslots", result="失败", detail=detail)
            continue
        AuditWriter(orm, step["actor"], clock).append(
            step["action"],
            object_type="user",
            object_id=step.get("subject", step["actor"]),
            result=step["result"],
            time=datetime.fromisoformat(step["time"]),
        )
    slots.applied.update(found.behind)  # audited once; `check` keeps reporting it from the trail
    if found.rolled_back_to is not None:
        slots.pending_next = found.rolled_back_to + 1  # continue after the database's number
    orm.merge(t.Meta(key=COUNTER_META, value=str(found.counter)))
    orm.flush()
    return len(slots.pending_audit)


def pending_problems(orm: OrmSession, slots: SlotFile) -> list[str]:
    """What the next sign-in would audit as tampering, found without writing (for `check` before sign-in;
    an entry dated in the future is only caught at the flush)."""
    found = review(orm, slots, datetime.max.replace(tzinfo=UTC))
    steps = found.steps if found is not None else []
    return [
        f"{step}：" + "，".join(f"{k}：{v}" for k, v in (detail or {}).items())
        for step, detail in steps
        if isinstance(step, str)
    ]


def evidence(orm: OrmSession) -> list[str]:
    """The slot-file tampering found at earlier sign-ins, for `check` and `audit verify`."""
    rows = orm.scalars(
        select(t.AuditEntry).where(t.AuditEntry.action.in_(EVIDENCE)).order_by(t.AuditEntry.seq)
    )
    found = []
    for row in rows:
        detail = "，".join(f"{k}：{v}" for k, v in json.loads(row.detail or "{}").items())
        found.append(f"审计记录第 {row.seq} 条：{row.action}（{row.time[:19]}）：{detail}")
    return found
