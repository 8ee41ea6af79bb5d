"""Signed audit entries (issue 11 item 6): a re-hashed chain, a forged or unsigned user entry are named."""

from __future__ import annotations

from dingmi_desktop.security import signing
from dingmi_desktop.services.accounts import AuditService
from dingmi_desktop.storage.audit_verifier import UNSIGNED_UNTIL
from tests.storage.tamper import audit_row, raw_admin, rehash_from
from tests.storage.test_audit import _write_some


def _problems(demo_session) -> list[str]:
    return AuditService(demo_session("auditor")).verify().problems


def _entries(conn, where: str) -> list[tuple[int, str, bytes | None]]:
    return conn.execute(f"SELECT seq, actor, signature FROM audit_log WHERE {where} ORDER BY seq").fetchall()


def test_session_entries_are_signed_and_verify(demo_store, demo_session):
    _write_some(demo_session("zhangsan"))
    with raw_admin(demo_store) as conn:
        rows = _entries(conn, "actor = 'zhangsan'")
        logins = _entries(conn, "action = '登录'")
    assert rows and all(sig is not None for _, _, sig in rows)
    assert logins and all(sig is not None for _, _, sig in logins)  # 登录 is signed too
    assert _problems(demo_session) == []


def test_rehashed_chain_names_the_first_broken_signed_entry(demo_store, demo_session):
    _write_some(demo_session("zhangsan"))
    with raw_admin(demo_store) as conn:
        # An unsigned system entry is rewritten and every later hash recomputed: the chain itself is whole.
        conn.execute("UPDATE audit_log SET detail = '{\"改\":1}' WHERE seq = 2")
        rehash_from(conn, 2)
        (first_signed,) = conn.execute(
            "SELECT min(seq) FROM audit_log WHERE seq > 2 AND signature IS NOT NULL"
        ).fetchone()
    problems = _problems(demo_session)
    assert problems[0].startswith(f"审计记录第 {first_signed} 条"), problems
    assert "签名无效" in problems[0] and "改写" in problems[0]
    assert not any("哈希不符" in p or "链接不符" in p for p in problems)  # the hashes alone look fine


def test_forged_approval_inserted_with_rehashing_is_detected(demo_store, demo_session):
    _write_some(demo_session("zhangsan"))
    with raw_admin(demo_store) as conn:
        for (seq,) in conn.execute("SELECT seq FROM audit_log WHERE seq > 8 ORDER BY seq DESC").fetchall():
            conn.execute("UPDATE audit_log SET seq = seq + 1 WHERE seq = ?", (seq,))
        forged = audit_row(conn, 8) | {"seq": 9, "actor": "wangwu", "action": "批准", "result": "成功"}
        forged |= {"object_type": "form", "object_id": "1", "signature": None, "signer": None}
        conn.execute(
            f"INSERT INTO audit_log({', '.join(forged)}) VALUES ({', '.join('?' * len(forged))})",
            tuple(forged.values()),
        )
        rehash_from(conn, 9)
    problems = _problems(demo_session)
    assert problems[0].startswith("审计记录第 9 条（wangwu“批准”）没有签名"), problems


def test_unsigned_user_entry_appended_is_detected(demo_store, demo_session):
    demo_session("sysadmin")
    with raw_admin(demo_store) as conn:
        (last,) = conn.execute("SELECT max(seq) FROM audit_log").fetchone()
        row = audit_row(conn, last) | {"seq": last + 1, "actor": "wangwu", "action": "批准"}
        row |= {"signature": None, "signer": None}
        conn.execute(
            f"INSERT INTO audit_log({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()),
        )
        rehash_from(conn, last + 1)
    problems = _problems(demo_session)
    assert problems[0].startswith(f"审计记录第 {last + 1} 条（wangwu“批准”）没有签名"), problems


def test_entry_signed_with_another_users_key_is_detected(demo_store, demo_session):
    """The attacker signs a wangwu entry with his own certified key: the key is not wangwu's."""
    demo_session("zhangsan")
    with raw_admin(demo_store) as conn:
        (last,) = conn.execute("SELECT max(seq) FROM audit_log").fetchone()
        own = audit_row(conn, last)  # zhangsan's signed 登录
        row = own | {"seq": last + 1, "actor": "wangwu", "action": "批准", "prev_hash": own["hash"]}
        row["signature"] = signing.sign(b"\x01" * 32, b"anything")
        conn.execute(
            f"INSERT INTO audit_log({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()),
        )
        rehash_from(conn, last + 1)
    problems = _problems(demo_session)
    assert problems[0].startswith(f"审计记录第 {last + 1} 条（wangwu“批准”）的签名密钥不属于该用户"), problems


def test_old_entries_pass_unsigned_only_up_to_the_migration(demo_store, demo_session):
    """An old store's entries are 旧记录; moving the bound over signed entries is itself caught."""
    _write_some(demo_session("zhangsan"))
    with raw_admin(demo_store) as conn:
        (last,) = conn.execute("SELECT max(seq) FROM audit_log").fetchone()
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (str(last + 100), UNSIGNED_UNTIL))
    problems = _problems(demo_session)
    assert any(p.startswith("旧记录界限被改动") for p in problems), problems
