"""Widening the circle (保密法 Art 21 ¶3) on the real demo store: 机密 needs the officer's signed approval,
秘密 is recorded at once; refusals are audited and say what is wrong."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from dingmi_desktop.domain.errors import TransitionRefused, ValidationError
from dingmi_desktop.services.knower_grants import (
    APPROVED,
    PENDING,
    RECORDED,
    SIGNED_KIND,
    GrantedKnower,
    KnowerGrantService,
    granted_knowers,
)
from dingmi_desktop.storage import PermissionDenied, Store, WrongPassword
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.signed_records import Signature, check_record
from tests.services.samples import PASSWORD, Users, audit_entries, form

SECRET_BASIS = {"kind": "确定性", "reference": "本单位定密事项一览表 第9条", "text": "年度经费预算"}


def _decided(users: Users, **changes: object) -> int:
    form_id = users.to_approval(form(**changes))
    users.approve(form_id)
    return form_id


def _granted(store: Store, item: int) -> list[GrantedKnower]:
    session = store.sign_in("wangwu", PASSWORD)
    with session.transaction() as tx:
        found = granted_knowers(tx, item)
    session.close()
    return found


def _service(store: Store, name: str) -> KnowerGrantService:
    return KnowerGrantService(store.sign_in(name, PASSWORD))


def test_confidential_widening_waits_for_the_officers_approval(demo_store: Store, users: Users) -> None:
    item = _decided(users)
    drafter = _service(demo_store, "zhangsan")
    grant = drafter.request(item, "王小明", "参与项目二期评审")
    assert grant.status == PENDING and grant.signature_valid is None
    assert _granted(demo_store, item) == []  # not in the circle before the approval
    officer = _service(demo_store, "wangwu")
    with pytest.raises(WrongPassword):
        officer.approve(grant.id, password="wrong-password")
    approved = officer.approve(grant.id, password=PASSWORD, opinion="同意")
    assert approved.status == APPROVED and approved.approved_by == "王五" and approved.signature_valid is True
    listed = drafter.knowers(item)
    assert listed.original == ("张三", "李四") and [g.person for g in listed.grants] == ["王小明"]
    added = _granted(demo_store, item)
    assert [(k.person, k.approved_by) for k in added] == [("王小明", "王五")]
    assert added[0].added_at == approved.approved_at
    actions = [(e.action, e.result) for e in audit_entries(demo_store)]
    assert ("申请扩大知悉范围", "成功") in actions and ("批准扩大知悉范围", "成功") in actions
    with pytest.raises(TransitionRefused, match="已处理"):
        officer.approve(grant.id, password=PASSWORD)


def test_secret_widening_is_recorded_without_approval(demo_store: Store, users: Users) -> None:
    item = _decided(users, category="秘密", period={"years": 5}, basis=SECRET_BASIS)
    grant = _service(demo_store, "zhangsan").request(item, "赵小红", "承办后续工作")
    assert grant.status == RECORDED and grant.approved_by == ""
    assert [k.person for k in _granted(demo_store, item)] == ["赵小红"]


def test_refusals_say_what_is_wrong_and_are_audited(demo_store: Store, users: Users) -> None:
    item = _decided(users)
    drafter = _service(demo_store, "zhangsan")
    with pytest.raises(ValidationError) as empty:
        drafter.request(item, "王小明", "  ")
    assert "理由" in empty.value.problems[0].message
    with pytest.raises(ValidationError) as already:
        drafter.request(item, "李四", "需要")
    assert "已在该事项的知悉人员中" in already.value.problems[0].message
    grant = drafter.request(item, "王小明", "参与评审")
    with pytest.raises(ValidationError) as twice:
        drafter.request(item, "王小明", "再次")
    assert "待批准" in twice.value.problems[0].message
    with pytest.raises(PermissionDenied, match="承办人只能查阅本人拟制的表单"):
        _service(demo_store, "zhaoliu").request(item, "孙七", "需要")  # a clerk, someone else's item
    with pytest.raises(PermissionDenied, match="请定密责任人、保密员办理"):
        _service(demo_store, "lisi").request(item, "孙七", "需要")  # reads it, may not widen it
    with pytest.raises(PermissionDenied, match="须经定密责任人批准"):
        drafter.approve(grant.id, password=PASSWORD)
    draft = users["zhangsan"].drafting.create_draft(form()).form_id
    with pytest.raises(TransitionRefused, match="尚未定密"):
        drafter.request(draft, "王小明", "需要")
    refused = [e for e in audit_entries(demo_store) if e.result == "拒绝" and "知悉范围" in e.action]
    assert len(refused) == 7
    assert drafter.knowers(item).grants[0].status == PENDING


def test_decided_grants_are_final_and_their_signature_covers_them(demo_store: Store, users: Users) -> None:
    item = _decided(users)
    drafter = _service(demo_store, "zhangsan")
    first = drafter.request(item, "王小明", "参与评审")
    second = drafter.request(item, "赵小红", "参与评审")
    officer = _service(demo_store, "wangwu")
    assert [g.id for g in officer.pending()] == [first.id, second.id]
    officer.approve(first.id, password=PASSWORD)
    assert [g.id for g in officer.pending()] == [second.id]
    session = demo_store.sign_in("wangwu", PASSWORD)
    for statement in (
        f"UPDATE knower_grants SET person = '冒名' WHERE id = {first.id}",
        f"DELETE FROM knower_grants WHERE id = {second.id}",
    ):
        with pytest.raises(IntegrityError), session.transaction() as tx:
            tx.orm.execute(text(statement))
    with session.transaction() as tx:
        row = tx.orm.get(t.KnowerGrant, first.id)
        assert row is not None and row.signature is not None and row.approved_at is not None
        signed = Signature(row.key_id or 0, row.cert_hash, row.signature)
        body = {
            "grant_id": row.id,
            "form_id": item,
            "person": "王小明",
            "reason": "参与评审",
            "level": "机密",
        }
        check = {
            "actor_id": row.approver_id or 0,
            "actor": "wangwu",
            "time": row.approved_at,
            "signed": signed,
        }
        assert check_record(tx.orm, SIGNED_KIND, {**body, "opinion": ""}, **check)
        assert not check_record(tx.orm, SIGNED_KIND, {**body, "opinion": "", "person": "冒名"}, **check)
    session.close()


def test_a_grant_written_around_the_service_widens_nothing(demo_store: Store, users: Users) -> None:
    item = _decided(users)
    session = demo_store.sign_in("wangwu", PASSWORD)
    forged = {
        "form_id": item,
        "level": "机密",
        "requested_by": 1,
        "requested_at": "2026-11-30T01:00:00+00:00",
    }
    with session.transaction() as tx:
        for person, status, approver in (("无签名", APPROVED, 4), ("冒充秘密", RECORDED, None)):
            row = t.KnowerGrant(person=person, reason="—", status=status, approver_id=approver, **forged)
            row.approved_at = forged["requested_at"]
            tx.orm.add(row)
    session.close()
    assert _granted(demo_store, item) == []
    shown = {g.person: g.shown_status for g in _service(demo_store, "wangwu").knowers(item).grants}
    assert shown == {"无签名": "已批准（签名无效，不计入）", "冒充秘密": "已登记（未经批准，不计入）"}


def test_audit_verify_and_check_name_a_forged_widening_and_a_forged_review(
    demo_store: Store, users: Users
) -> None:
    """The one verifier covers these signatures too: an approval moved to another person, a 机密 addition
    marked 已登记 without approval and a review conclusion rewritten are each named by `audit verify`."""
    from dingmi_desktop.services.accounts import AuditService
    from dingmi_desktop.services.annual_review_opener import annual_review
    from tests.fixtures.store import TEST_TODAY
    from tests.storage.tamper import raw_admin

    item = _decided(users)
    grant = _service(demo_store, "zhangsan").request(item, "王小明", "参与项目二期评审")
    _service(demo_store, "wangwu").approve(grant.id, password=PASSWORD)
    review = annual_review(demo_store.sign_in("wangwu", PASSWORD))
    review.start(TEST_TODAY.year)
    review.decide(TEST_TODAY.year, item, "维持", "仍需保密", password=PASSWORD)
    auditor = AuditService(demo_store.sign_in("auditor", PASSWORD))
    assert auditor.verify().ok, auditor.verify().problems
    with raw_admin(demo_store) as conn:
        conn.execute("UPDATE knower_grants SET person = '李大明' WHERE id = ?", (grant.id,))
        conn.execute(
            "INSERT INTO knower_grants (form_id, person, reason, level, status, requested_by, requested_at,"
            " opinion) SELECT form_id, '赵六', '伪造', level, '已登记', requested_by, requested_at, ''"
            " FROM knower_grants WHERE id = ?",
            (grant.id,),
        )
        conn.execute("UPDATE annual_reviews SET outcome = '解密' WHERE form_id = ?", (item,))
    problems = "\n".join(auditor.verify().problems)
    assert f"知悉人员增补 {grant.id}（表单 {item}）的批准签名无效" in problems
    assert f"知悉人员增补 {grant.id + 1}（表单 {item}）为机密事项却未经批准登记" in problems
    assert f"年度审核第 1 条（表单 {item}）的结论签名无效" in problems
