"""Signed audit entries (since 0009): who may write an unsigned entry, and whose key a signature must be.

An entry written in a user's session carries that user's signature over the entry's hashed bytes,
prev_hash included (storage.audit). An insider who rewrites an entry and recomputes every later hash
cannot redo the signatures of the other users' later entries, so the first of those is named. Unsigned
entries are accepted only for the system, for what happens before anyone is signed in (failed sign-ins,
lockouts, the clean-up at open, a restore), and as 旧记录 up to the seq recorded by migration 0009.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security import signing, trust
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import GENESIS, AuditSigner, iter_rows, signed_bytes
from dingmi_desktop.storage.certs import root_public_key
from dingmi_desktop.storage.verifier import TrustState, load_trust

UNSIGNED_UNTIL = "audit.unsigned_until"  # meta key written by migration 0009
SYSTEM = "system"
# Written from the key-slot file's pending list or before a session exists (store.py, keyslots.py).
PRE_SESSION_ACTIONS = frozenset({"登录失败", "账户锁定", "清理残留备份快照", "恢复"})
KEY_PREFIX = "key:"


def audit_signer(
    orm: OrmSession, user: t.User, seed: bytes, state: TrustState | None = None
) -> AuditSigner | None:
    """The signer for `user`'s audit entries: the root-certified key when the seed is that key, else the
    newest registered key row holding it (a reset key awaiting confirmation). None: the seed is unknown."""
    public = signing.public_key_of(seed)
    state = state if state is not None else load_trust(orm)
    span = state.current_key(user.id) if state.rooted else None
    if span is not None and span.public_key == public:
        return AuditSigner(user.username, seed, span.cert_hash)
    key_id = orm.scalar(
        select(t.UserKey.id)
        .where(t.UserKey.user_id == user.id, t.UserKey.public_key == public)
        .order_by(t.UserKey.id.desc())
        .limit(1)
    )
    return AuditSigner(user.username, seed, f"{KEY_PREFIX}{key_id}") if key_id is not None else None


def unsigned_until(orm: OrmSession) -> int:
    row = orm.get(t.Meta, UNSIGNED_UNTIL)
    try:
        return int(row.value) if row is not None else 0
    except ValueError:
        return 0


def _needs_signature(row: t.AuditEntry) -> bool:
    if row.actor == SYSTEM or row.action in PRE_SESSION_ACTIONS:
        return False
    return not (row.action == "登录" and row.result == "失败")  # a disabled account: no session is made


def _public_key(orm: OrmSession, state: TrustState, row: t.AuditEntry, user_id: int | None) -> bytes | None:
    """The key the entry's signer reference names, when it is the actor's and was valid then."""
    ref = row.signer or ""
    if user_id is None:
        return None
    if ref.startswith(KEY_PREFIX):
        key = orm.get(t.UserKey, int(ref[len(KEY_PREFIX) :])) if ref[len(KEY_PREFIX) :].isdigit() else None
        if key is None or key.user_id != user_id:
            return None
        if not state.rooted:
            return bytes(key.public_key)
        certified = any(s.public_key == key.public_key for s in state.keys.get(user_id, []))
        newest = orm.scalar(
            select(t.UserKey.id).where(t.UserKey.user_id == user_id).order_by(t.UserKey.id.desc()).limit(1)
        )
        return bytes(key.public_key) if certified or newest == key.id else None
    span = state.key_by_cert(ref)
    if span is None or span.user_id != user_id or not span.covers(row.time):
        return None
    return span.public_key


def verify_audit_signatures(orm: OrmSession, state: TrustState) -> list[str]:
    """Problems naming the seq; after the first bad signature only a count of the further ones."""
    bound = unsigned_until(orm)
    users = {name: user_id for name, user_id in orm.execute(select(t.User.username, t.User.id))}
    problems: list[str] = []
    bad = 0
    for row in iter_rows(orm):
        problem = None
        label = f"审计记录第 {row.seq} 条（{row.actor}“{row.action}”）"
        if row.signature is None:
            if row.seq > bound and _needs_signature(row):
                problem = f"{label}没有签名：该操作只能在用户登录后完成，记录可能被伪造或插入"
        else:
            if row.seq <= bound:
                problems.append(
                    f"旧记录界限被改动：第 {row.seq} 条已有签名，却在旧记录界限（第 {bound} 条）之内"
                )
                bound = row.seq - 1
            key = _public_key(orm, state, row, users.get(row.actor))
            if key is None:
                problem = f"{label}的签名密钥不属于该用户，或当时未经单位信任根认证（冒签）"
            elif not signing.verify(key, signed_bytes(row), row.signature):
                problem = f"{label}的签名无效：该记录或其之前的审计链被改写（哈希被重新计算）"
        if problem:
            bad += 1
            if bad == 1:
                problems.append(problem)
    if bad > 1:
        problems.append(f"其后另有 {bad - 1} 条审计记录签名缺失或无效")
    return problems


def chain_head(orm: OrmSession) -> tuple[int, str]:
    """(seq, hash) of the newest entry; (0, GENESIS) for an empty trail."""
    head = orm.execute(
        select(t.AuditEntry.seq, t.AuditEntry.hash).order_by(t.AuditEntry.seq.desc()).limit(1)
    ).first()
    return (head[0], head[1]) if head else (0, GENESIS)


def hash_at(orm: OrmSession, seq: int) -> str | None:
    return orm.scalar(select(t.AuditEntry.hash).where(t.AuditEntry.seq == seq))


def root_fingerprint(orm: OrmSession) -> str | None:
    """The unit root's fingerprint as printed (security.trust.fingerprint); None before the anchor."""
    root = root_public_key(orm)
    return trust.fingerprint(root) if root is not None else None
