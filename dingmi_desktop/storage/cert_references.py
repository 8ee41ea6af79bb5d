"""Certificates named by the audit trail: a chain cut back at its end is caught.

The certificate chain links each certificate to the one before it, so a deletion in the middle breaks it;
deleting the newest ones (a revocation, to put a role back in force) leaves a shorter chain that is still
well formed. Every transaction that appends a certificate therefore names the newest one in its audit
entry (storage.audit), which the acting user signs: a certificate named there must still be in the chain,
with the same hash. Cutting both back is a rollback, visible only against a later sheet or backup.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import CERTIFICATE_KEY


def certificate_problems(orm: OrmSession) -> list[str]:
    """One problem per audit entry whose named certificate is missing or different."""
    chain = {seq: digest for seq, digest in orm.execute(select(t.Certificate.seq, t.Certificate.hash))}
    problems: list[str] = []
    rows = orm.execute(
        select(t.AuditEntry.seq, t.AuditEntry.action, t.AuditEntry.detail)
        .where(t.AuditEntry.detail.contains(f'"{CERTIFICATE_KEY}"'))
        .order_by(t.AuditEntry.seq)
    )
    for seq, action, detail in rows:
        try:
            named = str(json.loads(detail)[CERTIFICATE_KEY])
            cert_seq, cert_hash = int(named.split(":", 1)[0]), named.split(":", 1)[1]
        except (ValueError, KeyError, IndexError, TypeError):
            problems.append(f"审计记录第 {seq} 条（{action}）记载的证书编号无法读取（记录被改动）")
            continue
        stored = chain.get(cert_seq)
        if stored is None:
            problems.append(
                f"审计记录第 {seq} 条（{action}）记载的第 {cert_seq} 号证书已不在证书链中："
                "证书链被截短（例如删除了撤销角色的证书）"
            )
        elif stored != cert_hash:
            problems.append(
                f"审计记录第 {seq} 条（{action}）记载的第 {cert_seq} 号证书与证书链中的不同（证书被替换）"
            )
    return problems
