"""The audit chain and the decision signatures catch every kind of tampering."""

from __future__ import annotations

import csv

import pytest

from dingmi_desktop.services.accounts import AccountService, AuditService
from dingmi_desktop.storage import FormIndex, PermissionDenied
from tests.fixtures.store import DEMO_PASSWORD
from tests.storage.tamper import raw_admin

INDEX = FormIndex(kind="定密审核单", title="审计测试", category="秘密", status="草稿")


def _write_some(session, n: int = 5) -> list[int]:
    ids = []
    for i in range(n):
        with session.transaction() as tx:
            rec = tx.forms.create({"title": f"表单{i}"}, INDEX)
            tx.audit.append("新建表单", object_type="form", object_id=str(rec.id))
            ids.append(rec.id)
    return ids


def _verify(demo_session):
    return AuditService(demo_session("auditor")).verify()


def test_clean_trail_verifies(demo_store, demo_session):
    _write_some(demo_session("zhangsan"))
    report = _verify(demo_session)
    assert report.ok, report.problems
    assert report.entries > 10


def test_only_the_auditor_reads(demo_store, demo_session):
    for name in ("zhangsan", "sysadmin", "secadmin", "wangwu"):
        with pytest.raises(PermissionDenied):
            AuditService(demo_session(name)).entries()
        with pytest.raises(PermissionDenied):
            AuditService(demo_session(name)).verify()


def test_audit_has_no_form_plaintext(demo_store, demo_session):
    _write_some(demo_session("zhangsan"))
    for entry in AuditService(demo_session("auditor")).entries():
        assert "表单" not in str(entry.detail) and "审计测试" not in str(entry.detail)


def test_append_only_inside_the_program(demo_store, demo_session):
    import sqlalchemy.exc
    from sqlalchemy import text

    session = demo_session("zhangsan")
    with session.transaction() as tx:
        tx.decisions.add(1, action="submit", signer=None, role="承办人")
    statements = (
        "UPDATE audit_log SET actor = 'x' WHERE seq = 1",
        "DELETE FROM audit_log WHERE seq = 1",
        "UPDATE decisions SET opinion = 'x'",
        "DELETE FROM decisions",
        "UPDATE form_revisions SET content = '{}'",
        "DELETE FROM form_revisions",
    )
    for statement in statements:
        with pytest.raises(sqlalchemy.exc.IntegrityError, match="append-only"), session.transaction() as tx:
            tx.orm.execute(text(statement))


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("UPDATE audit_log SET actor = 'wangwu' WHERE seq = 5", "第 5 条的内容与其哈希不符"),
        ("UPDATE audit_log SET result = '失败' WHERE seq = 3", "第 3 条的内容与其哈希不符"),
        ("DELETE FROM audit_log WHERE seq = 4", "第 4 条缺失"),
    ],
    ids=["edited-actor", "edited-result", "deleted"],
)
def test_edit_and_delete_detected(demo_store, demo_session, statement, expected):
    _write_some(demo_session("zhangsan"))
    with raw_admin(demo_store) as conn:
        assert conn.execute(statement).rowcount == 1
    report = _verify(demo_session)
    assert not report.ok
    assert expected in report.problems[0]


def test_reorder_detected(demo_store, demo_session):
    _write_some(demo_session("zhangsan"))
    with raw_admin(demo_store) as conn:
        conn.execute("UPDATE audit_log SET seq = -1 WHERE seq = 6")
        conn.execute("UPDATE audit_log SET seq = 6 WHERE seq = 7")
        conn.execute("UPDATE audit_log SET seq = 7 WHERE seq = -1")
    report = _verify(demo_session)
    assert report.first_bad_seq == 6


def test_insert_detected(demo_store, demo_session):
    _write_some(demo_session("zhangsan"))
    with raw_admin(demo_store) as conn:
        # make room after entry 8 and insert a forged entry that copies a valid neighbour's links
        rows = conn.execute("SELECT seq FROM audit_log WHERE seq > 8 ORDER BY seq DESC").fetchall()
        for (seq,) in rows:
            conn.execute("UPDATE audit_log SET seq = seq + 1 WHERE seq = ?", (seq,))
        conn.execute(
            "INSERT INTO audit_log SELECT 9, time, 'wangwu', '批准', object_type, object_id, result, detail, "
            "algorithm, hash, hash, NULL, NULL FROM audit_log WHERE seq = 8"
        )
    report = _verify(demo_session)
    assert report.first_bad_seq == 9


def test_appended_forgery_with_bad_hash_detected(demo_store, demo_session):
    demo_session("sysadmin")  # the administrator signs in: he holds the data key
    with raw_admin(demo_store) as conn:
        (last, prev) = conn.execute(
            "SELECT max(seq), (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) FROM audit_log"
        ).fetchone()
        conn.execute(
            "INSERT INTO audit_log VALUES (?, '2026-01-01T00:00:00.000000+00:00', 'wangwu', '批准', "
            "'form', '1', '成功', '{}', 'sha256', ?, ?, NULL, NULL)",
            (last + 1, prev, "f" * 64),
        )
    assert _verify(demo_session).first_bad_seq is not None


def test_sm3_selectable_and_verified(demo_store, demo_session):
    AccountService(demo_session("secadmin")).set_setting("audit.hash_algorithm", "sm3")
    _write_some(demo_session("zhangsan"), 2)
    auditor = AuditService(demo_session("auditor"))
    algorithms = {e.algorithm for e in auditor.entries()}
    assert algorithms == {"sha256", "sm3"}
    assert auditor.verify().ok
    with raw_admin(demo_store) as conn:
        conn.execute(
            "UPDATE audit_log SET object_id = '999' WHERE seq = (SELECT max(seq) - 1 FROM audit_log)"
        )
    assert not auditor.verify().ok


def _approved_form(demo_session) -> int:
    drafter = demo_session("zhangsan")
    with drafter.transaction() as tx:
        form_id = tx.forms.create({"title": "待批"}, INDEX).id
    officer = demo_session("wangwu")
    signer = officer.reauthenticate(DEMO_PASSWORD)
    with officer.transaction() as tx:
        tx.decisions.add(
            form_id,
            action="approve",
            signer=signer,
            role="定密责任人",
            opinion="同意",
            corrections={"category": "机密"},
        )
        tx.audit.append("批准", object_type="form", object_id=str(form_id))
    return form_id


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE decisions SET opinion = '不同意'",
        "UPDATE decisions SET action = 'return'",
        'UPDATE decisions SET corrections = \'{"category":"绝密"}\'',
        "UPDATE decisions SET time = '2026-01-01T00:00:00.000000+00:00'",
        "UPDATE decisions SET actor_id = (SELECT id FROM users WHERE username = 'lisi')",
        "UPDATE decisions SET content_hash = (SELECT content_hash FROM forms ORDER BY id LIMIT 1)",
        "UPDATE form_revisions SET content = '{}' WHERE form_id = (SELECT max(id) FROM forms)",
    ],
    ids=["opinion", "action", "corrections", "time", "actor", "content-hash", "signed-content"],
)
def test_admin_editing_a_decision_is_caught(demo_store, demo_session, statement):
    form_id = _approved_form(demo_session)
    assert _verify(demo_session).ok
    with raw_admin(demo_store) as conn:
        assert conn.execute(statement).rowcount >= 1
    report = _verify(demo_session)
    assert not report.ok
    assert "决定记录" in report.problems[0]
    with demo_session("zhangsan").transaction() as tx:
        decisions = tx.decisions.for_form(form_id)
    assert decisions[0].signature_valid is False  # an edited signed revision voids the signature too


def test_admin_substituting_a_public_key_is_caught(demo_store, demo_session):
    """A 系统管理员 registers a key of his own for wangwu and signs a forged approval with it."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    form_id = _approved_form(demo_session)
    forged = Ed25519PrivateKey.generate()
    public = forged.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    with raw_admin(demo_store) as conn:
        uid = conn.execute("SELECT id FROM users WHERE username = 'wangwu'").fetchone()[0]
        conn.execute(
            "INSERT INTO user_keys(user_id, public_key, valid_from) VALUES (?, ?, '2026-01-01')",
            (uid, public),
        )
    report = _verify(demo_session)
    assert any("wangwu" in p and "公钥" in p for p in report.problems)
    _ = form_id


def test_unsigned_decisions_are_reported_as_such(demo_store, demo_session):
    session = demo_session("zhangsan")
    with session.transaction() as tx:
        form_id = tx.forms.create({"title": "x"}, INDEX).id
        rec = tx.decisions.add(form_id, action="submit", signer=None, role="承办人")
    assert rec.signed is False and rec.signature_valid is None


def test_export_csv(demo_store, demo_session, tmp_path):
    _write_some(demo_session("zhangsan"), 2)
    out = tmp_path / "audit.csv"
    count = AuditService(demo_session("auditor")).export_csv(out)
    rows = list(csv.DictReader(out.read_text("utf-8-sig").splitlines()))
    assert len(rows) == count
    assert rows[-1]["action"] == "导出审计日志"
    assert rows[0]["prev_hash"] == "0" * 64
    assert oct(out.stat().st_mode & 0o777) == "0o600"
