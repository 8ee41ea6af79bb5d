"""What the unit's trust anchor is, for 关于, `dingmi trust show` and the setup certificate (设立证书).

Read from the certificate chain (storage.verifier), never from the key-slot header: the unit name and
定密权限 shown are the certified ones, so the sheet filed with the superior states what the root signed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import dingmi_desktop
from dingmi_desktop.clock import local_text
from dingmi_desktop.domain.roles import ADMIN_ROLES, Role
from dingmi_desktop.security import trust
from dingmi_desktop.security.errors import PermissionDenied
from dingmi_desktop.storage import Session, verifier
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.certs import load_chain
from dingmi_desktop.storage.records import parse_iso

THREE_ORDER = (Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR)
ORIGIN_TEXT = {
    "first_run": "建库时生成",
    "created": "新建账户",
    "reset": "密码重置后",
    "migrated": "信任根建立时",
}
CERTIFICATE_ACTION = "导出设立证书"


@dataclass(frozen=True)
class AccountKey:
    username: str
    display_name: str
    role: str
    fingerprint: str  # "" when the current key has no certificate
    origin: str
    confirmed_by: tuple[str, ...]
    certified_at: str  # unit local time text


@dataclass(frozen=True)
class TrustInfo:
    version: str
    unit_name: str
    authority: str
    store_id: str
    store_path: str
    root_fingerprint: str  # "" for a store made before the trust anchor
    founded_at: str  # unit local time text of the first certificate
    accounts: tuple[AccountKey, ...]
    problems: tuple[str, ...]

    @property
    def fingerprint_groups(self) -> list[str]:
        return self.root_fingerprint.split("-") if self.root_fingerprint else []


def _local(text: str) -> str:
    return local_text(parse_iso(text)) if text else ""


def trust_info(session: Session) -> TrustInfo:
    store = session.store
    with session.transaction() as tx:
        state = verifier.load_trust(tx.orm, store.slots.root_public_key)
        bodies: dict[str, dict[str, Any]] = {}
        founded = ""
        for row in load_chain(tx.orm):
            try:
                cert = trust.parse_payload(row.payload.encode("utf-8"), row.signature)
            except (ValueError, KeyError, TypeError):
                continue
            founded = founded or str(cert.body.get("at") or cert.body.get("created_at") or "")
            if cert.kind == "user_key":
                bodies[cert.hash] = cert.body
        accounts = []
        for user in tx.users.list():
            roles = user.roles  # a rooted store: the roles the root granted, never the rows alone
            if state.rooted:
                roles = frozenset(
                    g.body["role"] for g in state.grants.get(user.id, []) if g.revoked_at is None
                )
            role = next((r for r in THREE_ORDER if r in roles), None)
            if role is None or not user.active:
                continue
            span = state.current_key(user.id)
            current = span is not None and span.public_key == user.public_key
            body = bodies.get(span.cert_hash, {}) if span is not None and current else {}
            accounts.append(
                AccountKey(
                    user.username,
                    user.display_name,
                    role,
                    trust.fingerprint(user.public_key) if current else "",
                    ORIGIN_TEXT.get(str(body.get("origin", "")), ""),
                    tuple(body.get("confirmed_by") or ()),
                    _local(str(body.get("created_at", ""))),
                )
            )
        accounts.sort(key=lambda a: THREE_ORDER.index(a.role))
        unit = tx.orm.get(t.Unit, 1)
    return TrustInfo(
        version=dingmi_desktop.__version__,
        unit_name=state.unit_name or (unit.name if unit else store.unit_name),
        authority=state.authority or (unit.authority if unit else store.authority),
        store_id=store.store_id,
        store_path=str(store.data_dir),
        root_fingerprint=trust.fingerprint(state.root) if state.root else "",
        founded_at=_local(founded),
        accounts=tuple(accounts),
        problems=tuple(state.problems),
    )


def may_export_certificate(session: Session) -> bool:
    return bool(session.user.roles & (ADMIN_ROLES | {Role.OFFICER}))


def certificate_pdf(session: Session, now: datetime | None = None) -> bytes:
    """The setup certificate (设立证书) as PDF bytes, audited; any 三员 or a 定密责任人."""
    from dingmi_desktop.export.setup_certificate import render_certificate

    if not may_export_certificate(session):
        with session.transaction() as tx:
            tx.audit.append(CERTIFICATE_ACTION, object_type="trust", result="拒绝")
        raise PermissionDenied("导出设立证书须由三员或定密责任人办理。")
    info = trust_info(session)
    moment = now or session.now()
    pdf = render_certificate(info, moment)
    with session.transaction() as tx:
        detail = {"信任根指纹": info.root_fingerprint or "无", "字节": str(len(pdf))}
        tx.audit.append(CERTIFICATE_ACTION, object_type="trust", object_id=info.store_id, detail=detail)
    return pdf


def about_lines(info: TrustInfo) -> list[str]:
    """The same facts as the 关于 dialog, one per line (CLI `dingmi trust show` / `dingmi about`)."""
    lines = [
        f"定密桌面 版本 {info.version}",
        f"单位：{info.unit_name}",
        f"定密权限：{info.authority}",
        f"数据存储编号：{info.store_id}",
        f"数据目录：{info.store_path}",
    ]
    if info.root_fingerprint:
        lines += [f"单位信任根指纹：{info.root_fingerprint}", f"信任根建立时间：{info.founded_at}"]
    else:
        lines.append("单位信任根：尚未建立（本数据存储建立于信任根之前；请由三员执行 dingmi trust found）")
    for acc in info.accounts:
        key = acc.fingerprint or "密钥尚未确认"
        lines.append(f"{acc.role} {acc.display_name}（{acc.username}）密钥指纹：{key}")
    lines += [f"注意：{p}" for p in info.problems]
    return lines
