"""Issue 11 tampering scenarios against a real demo store: each is caught by the one verifier, naming the
record, in `audit verify`, in `check` and in the history badge (signature_valid)."""

from __future__ import annotations

import json

import pytest

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.security import signing, trust
from dingmi_desktop.security.errors import PermissionDenied
from dingmi_desktop.services.accounts import AccountService, AuditService
from dingmi_desktop.storage import verifier
from dingmi_desktop.storage.maintenance import check
from dingmi_desktop.storage.store import Store
from tests.fixtures.store import DEMO_PASSWORD, cosign
from tests.services.samples import Users
from tests.storage.tamper import raw_admin

NEW_PW = "Reset#Temp2026x"


def _verify(store: Store) -> list[str]:
    return AuditService(store.sign_in("auditor", DEMO_PASSWORD)).verify().problems


def _check(store: Store) -> list[str]:
    return check(store.sign_in("zhangsan", DEMO_PASSWORD))


def _badge(users: Users, form_id: int) -> list[bool | None]:
    return [e.signature_valid for e in users["wangwu"].history.view(form_id).history if e.signed]


def _detected(store: Store, needle: str) -> None:
    for problems in (_verify(store), _check(store)):
        assert any(needle in p for p in problems), problems


@pytest.fixture
def users(demo_store: Store) -> Users:
    return Users(demo_store)


@pytest.fixture
def approved(users: Users) -> int:
    form_id = users.to_approval()
    users.approve(form_id, opinion="同意")
    return form_id


def test_clean_demo_and_approval_verify(demo_store, users, approved):
    assert _verify(demo_store) == [] and _check(demo_store) == []
    assert _badge(users, approved) == [True, True, True]


def test_forged_key_row_and_signed_approval(demo_store, users):
    """A user_keys row for wangwu with the attacker's key (id -1) and an approval signed with it."""
    form_id = users.to_approval()
    seed = signing.new_private_seed()
    store = demo_store
    with store.orm_transaction() as orm:
        wangwu = users["wangwu"].session.user.id
        state = verifier.load_trust(orm)
        cert_hash = state.current_key(wangwu).cert_hash
    with raw_admin(store) as conn:
        conn.execute(
            "INSERT INTO user_keys (id, user_id, public_key, valid_from) VALUES (-1, ?, ?, ?)",
            (wangwu, signing.public_key_of(seed), "2026-01-01T00:00:00.000000+00:00"),
        )
        rev, chash, status = conn.execute(
            "SELECT f.revision, f.content_hash, f.status FROM forms f WHERE id = ?", (form_id,)
        ).fetchone()
        from dingmi_desktop.storage import tables as t

        row = t.Decision(
            form_id=form_id,
            revision=rev,
            content_hash=chash,
            action="approve",
            role="定密责任人",
            actor_id=wangwu,
            opinion="同意",
            corrections=None,
            time="2026-11-28T02:30:00.000000+00:00",
            status_before=status,
            status_after="已定密",
            prev_hash="",
            cert_hash=cert_hash,
        )
        signature = signing.sign(seed, verifier.decision_bytes(row, "wangwu"))
        cur = conn.execute(
            "INSERT INTO decisions (form_id, revision, content_hash, action, role, actor_id, opinion, time, "
            "key_id, signature, status_before, status_after, prev_hash, cert_hash) "
            "VALUES (?, ?, ?, 'approve', '定密责任人', ?, '同意', ?, -1, ?, ?, '已定密', '', ?)",
            (form_id, rev, chash, wangwu, row.time, signature, status, cert_hash),
        )
        forged = cur.lastrowid
        conn.execute("UPDATE forms SET status = '已定密' WHERE id = ?", (form_id,))
    _detected(store, f"决定记录 {forged}（表单 {form_id}）")
    _detected(store, f"表单 {form_id} 的状态为已定密")
    assert _badge(users, form_id)[-1] is False


def test_self_granted_role_row(demo_store, users):
    clerk = users["zhaoliu"].session.user.id
    with raw_admin(demo_store) as conn:
        conn.execute(
            "INSERT INTO role_grants (user_id, role, officer_kind, highest_level, trained_on, granted_at) "
            "VALUES (?, '定密责任人', '法定', '机密', '2026-01-01', '2026-11-28T00:00:00.000000+00:00')",
            (clerk,),
        )
    _detected(demo_store, "用户 zhaoliu 的角色“定密责任人”没有经单位信任根签发的授权")
    # and the self-granted role approves nothing: the workflow reads the certified grant, not the row
    form_id = users.to_approval()
    svc = Users(demo_store)["zhaoliu"]
    with pytest.raises(DomainError):
        svc.review.approve(form_id, password=DEMO_PASSWORD, content_hash=users.content_hash(form_id))
    assert users["wangwu"].history.view(form_id).summary.status.value == "待审批"


def test_authority_edited_in_slot_file(demo_store, store_dir):
    demo_store.close()
    path = store_dir / "keyslots.json"
    obj = json.loads(path.read_text("utf-8"))
    obj["header"]["authority"] = "绝密"
    path.write_text(json.dumps(obj, ensure_ascii=False), "utf-8")
    store = Store.open(store_dir, clock=demo_store.clock)
    try:
        _detected(store, "密钥槽文件头被改动（")  # audited at the sign-in, the header rewritten
        assert store.authority == "机密" and store.slots.authority == "机密"
    finally:
        store.close()


def test_decided_revision_rewritten(demo_store, users, approved):
    with raw_admin(demo_store) as conn:
        content = json.loads(
            conn.execute("SELECT content FROM form_revisions WHERE form_id = ?", (approved,)).fetchone()[0]
        )
        content["category"] = "绝密"
        body = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        conn.execute("UPDATE form_revisions SET content = ? WHERE form_id = ?", (body, approved))
    _detected(demo_store, f"所签的表单 {approved} 第 1 版内容被改动")
    assert _badge(users, approved)[-1] is False


def test_revision_appended(demo_store, users, approved):
    with raw_admin(demo_store) as conn:
        conn.execute(
            "INSERT INTO form_revisions (form_id, revision, content, content_hash, saved_by, saved_at) "
            "SELECT form_id, 2, content, content_hash, saved_by, saved_at FROM form_revisions "
            "WHERE form_id = ?",
            (approved,),
        )
        conn.execute("UPDATE forms SET revision = 2 WHERE id = ?", (approved,))
    _detected(demo_store, f"表单 {approved} 的现行版本不是定密决定")
    assert _badge(users, approved)[-1] is False


def test_pointer_moved_back_after_corrections(demo_store, users):
    form_id = users.to_approval()
    # a correction the basis allows (Law 19: the cited item fixes the level; a shorter period is fine)
    users.approve(form_id, corrections=Corrections(period=Period.of_years(5)), opinion="期限改为5年")
    assert _verify(demo_store) == []
    with raw_admin(demo_store) as conn:
        conn.execute(
            "UPDATE forms SET revision = 1, content_hash = "
            "(SELECT content_hash FROM form_revisions WHERE form_id = ? AND revision = 1) WHERE id = ?",
            (form_id, form_id),
        )
    _detected(demo_store, f"表单 {form_id} 的现行版本不是定密决定")


def test_status_flipped(demo_store, users):
    form_id = users.to_approval()
    with raw_admin(demo_store) as conn:
        conn.execute("UPDATE forms SET status = '已定密' WHERE id = ?", (form_id,))
    _detected(demo_store, f"表单 {form_id} 的状态为已定密，但没有对应的定密决定")


def test_approval_deleted(demo_store, users, approved):
    with raw_admin(demo_store) as conn:
        conn.execute("DELETE FROM decisions WHERE form_id = ? AND action = 'approve'", (approved,))
    _detected(demo_store, f"表单 {approved} 的状态为已定密，但没有对应的定密决定")


def test_unsigned_approval_inserted(demo_store, users):
    form_id = users.to_approval()
    wangwu = users["wangwu"].session.user.id
    with raw_admin(demo_store) as conn:
        cur = conn.execute(
            "INSERT INTO decisions (form_id, revision, content_hash, action, role, actor_id, opinion, time, "
            "status_before, status_after) SELECT id, revision, content_hash, 'approve', '定密责任人', ?, '', "
            "updated_at, status, '已定密' FROM forms WHERE id = ?",
            (wangwu, form_id),
        )
        conn.execute("UPDATE forms SET status = '已定密' WHERE id = ?", (form_id,))
    _detected(demo_store, f"表单 {form_id} 的状态为已定密，但其定密决定（记录 {cur.lastrowid}）没有有效签名")


def test_sysadmin_reset_cannot_sign_as_the_leader(demo_store, users):
    """Reset wangwu, sign in with the temporary password, change it, approve: refused (key unconfirmed)."""
    form_id = users.to_approval()
    AccountService(demo_store.sign_in("sysadmin", DEMO_PASSWORD)).reset_password("wangwu", NEW_PW)
    session = demo_store.sign_in("wangwu", NEW_PW)
    session.change_password(NEW_PW, "Leader#Own2026x")
    from dingmi_desktop.services.forms import FormServices

    with pytest.raises(PermissionDenied, match="密钥尚未经第二名三员当面确认"):
        FormServices(session).review.approve(
            form_id, password="Leader#Own2026x", content_hash=users.content_hash(form_id, "lisi")
        )
    assert _verify(demo_store) == []
    # Confirmed in person by the 系统管理员 and a second 三员: now the reset key signs, and verifies.
    AccountService(demo_store.sign_in("sysadmin", DEMO_PASSWORD)).confirm_key("wangwu", cosign())
    FormServices(session).review.approve(
        form_id, password="Leader#Own2026x", content_hash=users.content_hash(form_id, "lisi")
    )
    assert _verify(demo_store) == [] and _check(demo_store) == []


def test_root_swapped_in_header_breaks_other_users(demo_store, store_dir):
    demo_store.close()
    path = store_dir / "keyslots.json"
    obj = json.loads(path.read_text("utf-8"))
    obj["header"]["trust"]["root_public_key"] = trust.b64(signing.public_key_of(signing.new_private_seed()))
    path.write_text(json.dumps(obj, ensure_ascii=False), "utf-8")
    store = Store.open(store_dir, clock=demo_store.clock)
    try:
        from dingmi_desktop.security.errors import WrongPassword

        with pytest.raises(WrongPassword):
            store.sign_in("wangwu", DEMO_PASSWORD)
    finally:
        store.close()


def test_revocation_cut_from_the_end_of_the_certificate_chain(demo_store):
    """Deleting the newest certificate (a revocation) leaves a well-formed, shorter chain; the signed audit
    entry of the revocation still names it, so the cut is caught."""
    from dingmi_desktop.domain.roles import Role
    from dingmi_desktop.storage.records import RoleGrant

    SIGNER = Role.SIGNER

    secadmin = AccountService(demo_store.sign_in("secadmin", DEMO_PASSWORD))
    secadmin.grant("lisi", RoleGrant(SIGNER), cosign())
    secadmin.revoke("lisi", SIGNER, cosign())
    assert _verify(demo_store) == [] and _check(demo_store) == []
    with raw_admin(demo_store) as conn:
        (seq,) = conn.execute("SELECT MAX(seq) FROM certificates WHERE kind = 'revoke'").fetchone()
        conn.execute("DELETE FROM certificates WHERE seq >= ?", (seq,))
        lisi = conn.execute("SELECT id FROM users WHERE username = 'lisi'").fetchone()[0]
        conn.execute(  # and the role row put back, so the cached rows agree with the shortened chain
            "INSERT INTO role_grants (user_id, role, granted_at) VALUES (?, ?, ?)",
            (lisi, SIGNER, "2026-11-28T02:00:00.000000+00:00"),
        )
    _detected(demo_store, f"记载的第 {seq} 号证书已不在证书链中")
