"""以您的名义进行的操作: after a password reset, the user's next sign-in shows everything recorded in their
name since their last sign-in before the reset (the audit log is the record), once.

Whoever typed the temporary password could act as the user until the user changed it; this is how the
user learns of it. The acknowledgement is audited (阅知代为操作记录) and ends the notice: the next sign-in
shows nothing until another reset. An acknowledgement ends the notice only when made with the user's key
confirmed in person (a second 三员, services.trust_actions): whoever reset the password alone cannot
silence the notice by acknowledging it with the temporary password; that attempt is itself listed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select

from dingmi_desktop.clock import local_text
from dingmi_desktop.services.trust_actions import key_confirmed
from dingmi_desktop.storage import Session
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.records import parse_iso

RESET = "重置密码"
SIGN_IN = "登录"
ACKNOWLEDGED = "阅知代为操作记录"
CONFIRMED = "密钥已确认"
MAX_SHOWN = 500  # a long absence still fits a dialog; the rest is in the audit log (counted)


@dataclass(frozen=True)
class NameEntry:
    seq: int
    time: str  # unit local time text
    action: str
    target: str
    result: str
    detail: str


@dataclass(frozen=True)
class NameNotice:
    username: str
    reset_by: tuple[str, ...]
    reset_at: str  # local time of the first reset since the last acknowledgement
    since: str  # local time of the user's last own sign-in before it ("" when never signed in)
    entries: tuple[NameEntry, ...]
    total: int  # entries in the period (entries shows at most MAX_SHOWN)
    first_reset_seq: int
    current_seq: int  # this session's sign-in: the period ends before it
    key_confirmed: bool = True  # False: an acknowledgement now does not end the notice


def _entry(row: t.AuditEntry) -> NameEntry:
    try:
        detail = json.loads(row.detail or "{}")
    except ValueError:
        detail = {}
    text = "；".join(f"{k}：{v}" for k, v in detail.items()) if isinstance(detail, dict) else ""
    target = f"{row.object_type} {row.object_id}".strip()
    return NameEntry(row.seq, local_text(parse_iso(row.time)), row.action, target, row.result, text)


def pending_notice(session: Session) -> NameNotice | None:
    """The notice this sign-in owes the user, or None (no reset since the last acknowledgement)."""
    name = session.user.username
    log = t.AuditEntry
    with session.transaction() as tx:
        orm = tx.orm
        mine = log.actor == name
        acks = orm.scalars(select(log).where(mine, log.action == ACKNOWLEDGED).order_by(log.seq.desc()))
        acked = next((a.seq for a in acks if json.loads(a.detail or "{}").get(CONFIRMED) == "是"), 0)
        resets = list(
            orm.scalars(
                select(log)
                .where(log.action == RESET, log.object_id == name, log.result == "成功", log.seq > acked)
                .order_by(log.seq)
            )
        )
        if not resets:
            return None
        first = resets[0]
        signed_in = (mine, log.action == SIGN_IN, log.result == "成功")
        since_seq = orm.scalar(select(func.max(log.seq)).where(*signed_in, log.seq < first.seq)) or 0
        current = orm.scalar(select(func.max(log.seq)).where(*signed_in)) or 0
        period = (mine, log.seq > since_seq, log.seq < current)
        total = orm.scalar(select(func.count()).select_from(log).where(*period)) or 0
        rows = orm.scalars(select(log).where(*period).order_by(log.seq).limit(MAX_SHOWN))
        entries = tuple(_entry(r) for r in rows)
        since_row = orm.get(log, since_seq) if since_seq else None
        confirmed = key_confirmed(orm, session.user.id)
    return NameNotice(
        username=name,
        reset_by=tuple(dict.fromkeys(r.actor for r in resets)),
        reset_at=local_text(parse_iso(first.time)),
        since=local_text(parse_iso(since_row.time)) if since_row is not None else "",
        entries=entries,
        total=int(total),
        first_reset_seq=first.seq,
        current_seq=current,
        key_confirmed=confirmed,
    )


def acknowledge(session: Session, notice: NameNotice) -> None:
    """The user has seen the notice: audited; the next sign-in does not show it again."""
    with session.transaction() as tx:
        confirmed = key_confirmed(tx.orm, session.user.id)
        detail = {"重置记录": str(notice.first_reset_seq), "条数": str(notice.total)}
        detail[CONFIRMED] = "是" if confirmed else "否"
        tx.audit.append(ACKNOWLEDGED, object_type="user", object_id=notice.username, detail=detail)


def notice_lines(notice: NameNotice) -> list[str]:
    """The notice as text lines (CLI stderr block; the GUI dialog shows the same)."""
    since = f"自您上次本人登录（{notice.since}）以来" if notice.since else "自账户建立以来"
    head = (
        f"您的密码曾于 {notice.reset_at} 被 {'、'.join(notice.reset_by)} 重置。"
        f"{since}，以您的名义记录的操作共 {notice.total} 项"
    )
    lines = [head + ("：" if notice.total else "（无）。")]
    for e in notice.entries:
        extra = f"（{e.detail}）" if e.detail else ""
        lines.append(f"  {e.time}  {e.action} {e.target} {e.result}{extra}".rstrip())
    if notice.total > len(notice.entries):
        lines.append(f"  ……另有 {notice.total - len(notice.entries)} 项，请向安全审计员查阅审计日志。")
    lines.append("如有不是您本人所为的操作，请立即报告安全保密管理员和安全审计员。")
    if not notice.key_confirmed:
        lines.append("您的新密钥尚待系统管理员与另一名三员当面确认；确认后再次登录时仍会显示本提示。")
    return lines
