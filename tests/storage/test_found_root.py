"""Issue 11: founding a unit trust root on a store made before the anchor (no root, v1 key slots). The
old signatures stay readable (信任根建立前的签名, not forgeries); a forged key added afterwards is caught."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from dingmi_desktop.cli import main
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.security import signing, trust
from dingmi_desktop.security.kdf import derive_key
from dingmi_desktop.services.accounts import AccountService, AuditService
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage import verifier
from dingmi_desktop.storage.founding import found_on_existing
from dingmi_desktop.storage.maintenance import check
from dingmi_desktop.storage.records import RoleGrant
from dingmi_desktop.storage.store import Store
from tests.fixtures.store import DEMO_PASSWORD, cosign
from tests.services.samples import Users
from tests.storage.tamper import raw_admin

ADMINS = ("sysadmin", "secadmin", "auditor")


def _make_pre_trust(store: Store) -> None:
    """The store as one made before migration 0006: no root, no certificates, v1 slots without shares."""
    store.sign_in("sysadmin", DEMO_PASSWORD).close()
    with raw_admin(store, restore_triggers=True) as conn:
        conn.execute("DELETE FROM certificates")
        conn.execute("DELETE FROM meta WHERE key = 'root_public_key'")
        # entries written before migration 0009 carry no signature: all of them are 旧记录
        conn.execute("UPDATE audit_log SET signature = NULL, signer = NULL")
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) SELECT 'audit.unsigned_until', MAX(seq) FROM audit_log"
        )
    slots = store.slots
    opened = {name: slots.unwrap(name, DEMO_PASSWORD) for name in slots.slots}
    slots.root_public_key, slots.root_wraps = None, {}
    for name, (key, seed) in opened.items():
        slot = slots.slots[name]
        slot.version = 1
        wrapping = derive_key(DEMO_PASSWORD, slot.salt, slot.kdf)
        slot.ciphertext = AESGCM(wrapping).encrypt(slot.nonce, key + seed, slot.aad(slots.store_id))
    slots.forget_shares()
    slots.save()


@pytest.fixture
def old_store(demo_store: Store) -> Store:
    _make_pre_trust(demo_store)
    return demo_store


def _verify(store: Store):  # type: ignore[no-untyped-def]
    return AuditService(store.sign_in("auditor", DEMO_PASSWORD)).verify()


def _check(store: Store) -> list[str]:
    return check(store.sign_in("zhangsan", DEMO_PASSWORD))


def test_found_keeps_old_signatures_and_catches_a_later_forgery(old_store):
    users = Users(old_store)
    decided = users.to_approval()
    users.approve(decided, opinion="同意")  # signed by the old rule: no root yet
    with old_store.orm_transaction() as orm:
        assert verifier.load_trust(orm).rooted is False
        assert orm.get(t.Decision, 3).cert_hash is None
    assert _verify(old_store).problems == []

    result = found_on_existing(old_store, dict.fromkeys(ADMINS, DEMO_PASSWORD))
    assert result.holders == sorted(ADMINS) and result.refused == [] and result.need_reset == []
    assert result.decisions == 3 and result.forms == 1
    assert result.fingerprint == trust.fingerprint(old_store.slots.root_public_key)

    report = _verify(old_store)
    assert report.problems == [] and _check(old_store) == []
    assert any("3 条决定记录为信任根建立前的签名" in note for note in report.notes)
    fresh = Users(old_store)  # everyone still signs in (v1 slots kept); the history badge stays valid
    assert [e.signature_valid for e in fresh["wangwu"].history.view(decided).history if e.signed] == [
        True
    ] * 3
    # the root works: two 三员 co-sign a grant, and a new approval is signed under the new rule
    secadmin = old_store.sign_in("secadmin", DEMO_PASSWORD)
    AccountService(secadmin).grant("lisi", RoleGrant(Role.SIGNER), cosign())
    second = fresh.to_approval()
    fresh.approve(second, opinion="同意")
    assert _verify(old_store).problems == [] and _check(old_store) == []

    # a key row forged afterwards and an old-style approval signed with it are caught
    pending = fresh.to_approval()
    seed = signing.new_private_seed()
    wangwu = fresh["wangwu"].session.user.id
    with raw_admin(old_store) as conn:
        conn.execute(
            "INSERT INTO user_keys (id, user_id, public_key, valid_from) VALUES (-1, ?, ?, ?)",
            (wangwu, signing.public_key_of(seed), "2026-01-01T00:00:00.000000+00:00"),
        )
        rev, chash = conn.execute(
            "SELECT revision, content_hash FROM forms WHERE id = ?", (pending,)
        ).fetchone()
        row = t.Decision(
            form_id=pending,
            revision=rev,
            action="approve",
            role="定密责任人",
            opinion="同意",
            corrections=None,
            content_hash=chash,
            time="2026-11-28T02:30:00.000000+00:00",
        )
        signature = signing.sign(seed, verifier._legacy_bytes(row, "wangwu"))
        forged = conn.execute(
            "INSERT INTO decisions (form_id, revision, content_hash, action, role, actor_id, opinion, time, "
            "key_id, signature) VALUES (?, ?, ?, 'approve', '定密责任人', ?, '同意', ?, -1, ?)",
            (pending, rev, chash, wangwu, row.time, signature),
        ).lastrowid
        conn.execute("UPDATE forms SET status = '已定密' WHERE id = ?", (pending,))
    for problems in (_verify(old_store).problems, _check(old_store)):
        assert any(f"决定记录 {forged}（表单 {pending}）" in p for p in problems), problems
        assert any(f"表单 {pending} 的状态为已定密" in p for p in problems), problems


def test_found_needs_every_three_member_and_runs_once(old_store):
    from dingmi_desktop.security.errors import PermissionDenied

    with pytest.raises(PermissionDenied) as refused:
        found_on_existing(old_store, {"sysadmin": DEMO_PASSWORD, "secadmin": DEMO_PASSWORD})
    assert "缺少：auditor" in refused.value.message
    assert old_store.slots.root_public_key is None  # nothing half-done
    found_on_existing(old_store, dict.fromkeys(ADMINS, DEMO_PASSWORD))
    with pytest.raises(Exception, match="已建立单位信任根"):
        found_on_existing(old_store, dict.fromkeys(ADMINS, DEMO_PASSWORD))


def test_cli_trust_found(old_store, store_dir, monkeypatch, capsys):
    old_store.close()
    for name in ADMINS:
        monkeypatch.setenv(f"DINGMI_PASSWORD_{name.upper()}", DEMO_PASSWORD)
    assert main(["--data-dir", str(store_dir), "trust", "found"]) == 0
    out = capsys.readouterr().out
    assert "已建立单位信任根，指纹：" in out
    monkeypatch.setenv("DINGMI_PASSWORD", DEMO_PASSWORD)
    assert main(["--data-dir", str(store_dir), "audit", "verify", "--user", "auditor"]) == 0
    assert main(["--data-dir", str(store_dir), "check", "--user", "zhangsan"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(store_dir), "trust", "found"]) == 2
    assert "已建立单位信任根" in capsys.readouterr().err
