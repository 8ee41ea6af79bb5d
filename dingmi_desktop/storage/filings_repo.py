"""The filings (备案 / 报备) table and the one check of a filing's electronic signature.

The officer signs `FILING_TAG + canonical JSON {filing, kind, period, superior, item_count, content_digest,
signer, cert, time}` with the key the unit root certified (as decisions are signed, storage.verifier); the
digest is sha256 over the canonical content JSON kept in the row, so a changed item list, a changed digest
or a changed signature all fail the check, which `check` runs over every signed filing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.domain.roles import Role
from dingmi_desktop.security import signing
from dingmi_desktop.security.canonical import canonical_json, digest_hex
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.verifier import TrustState

FILING_TAG = b"dingmi-filing/1\n"
DRAFT, ISSUED = "草稿", "已签发"


def filing_bytes(row: t.Filing, signer: str) -> bytes:
    """What the officer's signature covers: the filing's identity, what it says, who signs and when."""
    body = {
        "filing": row.id,
        "kind": row.kind,
        "period": [row.period_from, row.period_to],
        "superior": row.superior,
        "item_count": row.item_count,
        "content_digest": row.content_digest,
        "signer": signer,
        "cert": row.cert_hash or f"key:{row.key_id}",
        "time": row.signed_at,
    }
    return FILING_TAG + canonical_json(body)


def check_filing(orm: OrmSession, state: TrustState, row: t.Filing) -> str | None:
    """None when the filing is a genuine signed one (or an unsigned draft); else why not, in Chinese."""
    if digest_hex(row.content.encode("utf-8")) != row.content_digest:
        return f"备案 {row.id} 的内容与其内容摘要不符（清单或摘要被改动）"
    if row.signature is None:
        return None if row.status == DRAFT else f"备案 {row.id} 标为已签发却没有签名"
    signer = orm.get(t.User, row.signer_id) if row.signer_id is not None else None
    if signer is None or row.signed_at is None:
        return f"备案 {row.id} 的签名人不存在"
    if row.cert_hash is not None:
        span = state.key_by_cert(row.cert_hash)
        if span is None or span.user_id != signer.id:
            return f"备案 {row.id} 的签名人密钥没有单位信任根签发的有效证书"
        if not span.covers(row.signed_at):
            return f"备案 {row.id} 签名时签名人的密钥不在有效期内"
        public_key = span.public_key
        if state.grant_at(signer.id, Role.OFFICER, row.signed_at) is None:
            return f"备案 {row.id} 的签名人当时没有经单位信任根授予的“定密责任人”角色"
    else:
        if state.rooted:
            return f"备案 {row.id} 的签名不是以经单位信任根认证的密钥作出的"
        key = orm.get(t.UserKey, row.key_id) if row.key_id is not None else None
        if key is None or key.user_id != signer.id:
            return f"备案 {row.id} 的签名密钥不存在或不属于签名人"
        public_key = key.public_key
    if not signing.verify(public_key, filing_bytes(row, signer.username), row.signature):
        return f"备案 {row.id} 的电子签名无效：记录被改动或冒签"
    return None


def verify_filings(orm: OrmSession, state: TrustState) -> list[str]:
    """Every filing's content digest and signature (for `check`)."""
    return [
        problem
        for row in orm.scalars(select(t.Filing).order_by(t.Filing.id))
        if (problem := check_filing(orm, state, row)) is not None
    ]


@dataclass(frozen=True)
class FilingRow:
    """A filing as read back: the row and the names of who prepared and who signed it."""

    id: int
    kind: str
    period_from: str
    period_to: str
    superior: str
    item_count: int
    content: str
    content_digest: str
    status: str
    prepared_by: str  # login
    created_at: str
    signer: str  # login, "" for a draft
    signed_at: str
    cert_hash: str
    signature_hex: str
    head_seq: int | None
    head_hash: str
    root: str
    problem: str | None  # the signature check's answer (None: genuine or draft)


class FilingRepository:
    def __init__(self, orm: OrmSession) -> None:
        self._orm = orm

    def add(self, row: t.Filing) -> t.Filing:
        self._orm.add(row)
        self._orm.flush()
        return row

    def get(self, filing_id: int) -> t.Filing | None:
        return self._orm.get(t.Filing, filing_id)

    def rows(self, state: TrustState, limit: int = 200) -> list[FilingRow]:
        names = {i: name for i, name in self._orm.execute(select(t.User.id, t.User.username))}
        rows = self._orm.scalars(select(t.Filing).order_by(t.Filing.id.desc()).limit(limit))
        return [self.read(row, names, state) for row in rows]

    def read(self, row: t.Filing, names: dict[int, str], state: TrustState) -> FilingRow:
        return FilingRow(
            id=row.id,
            kind=row.kind,
            period_from=row.period_from,
            period_to=row.period_to,
            superior=row.superior,
            item_count=row.item_count,
            content=row.content,
            content_digest=row.content_digest,
            status=row.status,
            prepared_by=names.get(row.prepared_by, ""),
            created_at=row.created_at,
            signer=names.get(row.signer_id, "") if row.signer_id is not None else "",
            signed_at=row.signed_at or "",
            cert_hash=row.cert_hash or "",
            signature_hex=row.signature.hex() if row.signature else "",
            head_seq=row.head_seq,
            head_hash=row.head_hash or "",
            root=row.root or "",
            problem=check_filing(self._orm, state, row),
        )
