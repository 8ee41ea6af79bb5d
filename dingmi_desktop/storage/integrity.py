"""Whole-store checks: SQLCipher page HMACs, SQLite structure, the audit chain, decision signatures and
the public keys registered in the database against the key slots."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.storage import cert_references, pretrust, slot_guard, verifier
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import verify_chain
from dingmi_desktop.storage.audit_verifier import verify_audit_signatures
from dingmi_desktop.storage.filings_repo import verify_filings
from dingmi_desktop.storage.records import VerifyReport
from dingmi_desktop.storage.register_check import register_problems
from dingmi_desktop.storage.signed_records import verify_signed_records


def verify_keys(orm: OrmSession, slots: SlotFile, report: VerifyReport) -> None:
    """The current public key of each user must be the one inside that user's (authenticated) slot."""
    for user in orm.scalars(select(t.User).order_by(t.User.id)):
        current = orm.scalars(
            select(t.UserKey.public_key)
            .where(t.UserKey.user_id == user.id)
            .order_by(t.UserKey.id.desc())
            .limit(1)
        ).first()
        slot = slots.slots.get(user.username)
        staged = slots.staged.get(user.username)
        if staged is not None and current == staged[1].public_key:
            continue  # a reset interrupted after its commit: the next sign-in promotes this slot
        if slot is not None and current != slot.public_key:
            report.problems.append(f"用户 {user.username} 在数据库中登记的公钥与其密钥槽不一致（可能被篡改）")


def verify_trail(orm: OrmSession, slots: SlotFile) -> VerifyReport:
    """The audit chain, then the one verifier (storage.verifier): certificates, decisions, form statuses."""
    report = VerifyReport()
    verify_chain(orm, report)
    state = verifier.load_trust(orm, slots.root_public_key)
    report.problems.extend(state.problems)
    report.decisions, problems = verifier.verify_decisions(orm, state)
    report.problems.extend(problems)
    report.problems.extend(verifier.verify_cached_rows(orm, state, slots.authority))
    report.problems.extend(register_problems(orm))
    report.problems.extend(verify_filings(orm, state))
    report.problems.extend(verify_signed_records(orm, state))
    report.problems.extend(verify_audit_signatures(orm, state))
    report.problems.extend(cert_references.certificate_problems(orm))
    verify_keys(orm, slots, report)
    report.problems.extend(slot_guard.evidence(orm))
    report.problems.extend(slot_guard.header_problems(orm, slots) + slot_guard.pending_problems(orm, slots))
    before = pretrust.count_signed_before_root(orm, state)
    if before:
        note = f"其中 {before} 条决定记录为信任根建立前的签名（按原规则核验，建立信任根时已认证）"
        report.notes.append(note)
    return report


def database_problems(orm: OrmSession) -> list[str]:
    conn = orm.connection()
    problems: list[str] = []
    cipher = [r[0] for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
    if cipher:
        # Structural checks would only fail on the same pages with a less useful error.
        return [f"加密页校验失败（{len(cipher)} 处），数据库文件被改动或损坏"]
    result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    if result != ["ok"]:
        problems.append("数据库结构校验失败：" + "；".join(result[:3]))
    if list(conn.exec_driver_sql("PRAGMA foreign_key_check")):
        problems.append("数据库中存在失效的引用")
    return problems
