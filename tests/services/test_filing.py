"""备案 / 报备: the 保密员 prepares, the 定密责任人 signs with his certified key; the filing is recorded and
audited, its signature verifies, and a tampered digest, list or signature fails (also in `check`)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.services.accounts import AuditService
from dingmi_desktop.services.filing import FilingService
from dingmi_desktop.services.filing_content import FilingRequest
from dingmi_desktop.services.register import RegisterFilter, RegisterService, highest_level
from dingmi_desktop.storage import PermissionDenied, WrongPassword
from dingmi_desktop.storage.records import RoleGrant
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import PASSWORD, Users, audit_entries, grant
from tests.services.test_register import OWN_BASIS, decided

MONTH = FilingRequest("备案", TEST_TODAY - timedelta(days=30), TEST_TODAY, "某市国家保密局")


def _decided_today(users: Users) -> set[int]:
    everything = RegisterService(users["wangwu"].session).page(
        RegisterFilter(year=TEST_TODAY.year), limit=1000
    )
    return {i.form_id for i in everything if i.decided_at == TEST_TODAY.isoformat()}


def test_the_clerk_prepares_and_the_officer_signs_what_the_clerk_prepared(users: Users, clock) -> None:  # type: ignore[no-untyped-def]
    grant(users.store, "lisi", RoleGrant("保密员"))
    secret = decided(users, title="秘密事项", category="秘密", period={"years": 5}, basis=OWN_BASIS)
    clerk = FilingService(users.store.sign_in("lisi", PASSWORD))
    draft = clerk.prepare(MONTH)
    assert draft.row.status == "草稿" and not draft.signed and draft.valid
    ids = {i["form_id"] for s in draft.content["sections"] for i in s["items"]}
    assert secret in ids and ids == _decided_today(users)
    assert draft.content["counts"]["合计"] == len(ids) == draft.row.item_count
    levels = {i["category"] for s in draft.content["sections"] for i in s["items"]}
    assert "秘密" in levels and draft.content["marking"] == highest_level(levels)
    with pytest.raises(PermissionDenied, match="只有定密责任人可以签发"):
        clerk.sign(draft.row.id, password=PASSWORD)
    officer = FilingService(users["wangwu"].session)
    with pytest.raises(ValidationError, match="内容摘要与您核对的不符"):
        officer.sign(draft.row.id, password=PASSWORD, digest="0" * 64)
    with pytest.raises(WrongPassword):
        officer.sign(draft.row.id, password="wrong")
    clock.advance(minutes=11)
    signed = officer.sign(draft.row.id, password=PASSWORD, digest=draft.row.content_digest)
    assert signed.signed and signed.valid and signed.row.signer == "wangwu"
    assert signed.row.content_digest == draft.row.content_digest and len(signed.row.signature_hex) == 128
    assert signed.row.head_seq is not None and signed.row.root
    with pytest.raises(ValidationError, match="已于此前签发"):
        officer.sign(draft.row.id, password=PASSWORD)
    logged = [(e.action, e.actor, e.result) for e in audit_entries(users.store) if "备案" in e.action]
    assert logged == [
        ("拟制备案", "lisi", "成功"),
        ("签发备案", "lisi", "拒绝"),
        ("签发备案", "wangwu", "成功"),
    ]
    head = next(e for e in audit_entries(users.store) if e.action == "签发备案" and e.result == "成功")
    assert head.seq == signed.row.head_seq
    [listed] = officer.filings()
    assert listed.row.id == draft.row.id and listed.valid


def test_the_officer_issues_in_one_step_and_bad_input_writes_nothing(users: Users) -> None:
    decided(users)
    officer = FilingService(users["wangwu"].session)
    cases = [
        (FilingRequest("备案", TEST_TODAY, TEST_TODAY - timedelta(days=1), "某局"), "晚于止日"),
        (FilingRequest("备案", None, TEST_TODAY, "某局"), "起止日期"),
        (FilingRequest("备查", TEST_TODAY, TEST_TODAY, "某局"), "“备案”或“报备”"),
        (FilingRequest("备案", TEST_TODAY, TEST_TODAY, "  "), "上级机关名称"),
        (FilingRequest("备案", TEST_TODAY, TEST_TODAY + timedelta(days=1), "某局"), "不能晚于今天"),
        (
            FilingRequest("报备", TEST_TODAY.replace(year=2001), TEST_TODAY.replace(year=2001), "某局"),
            "没有已定密的事项",
        ),
    ]
    for request, words in cases:
        with pytest.raises(ValidationError) as caught:
            officer.issue(request, password=PASSWORD)
        assert any(words in p.message for p in caught.value.problems), caught.value.problems
    with pytest.raises(WrongPassword):
        officer.issue(MONTH, password="wrong")
    assert officer.filings() == []
    issued = officer.issue(
        FilingRequest("报备", MONTH.period_from, MONTH.period_to, "上级机关"), password=PASSWORD
    )
    assert issued.signed and issued.valid and issued.row.kind == "报备"
    with pytest.raises(PermissionDenied):
        FilingService(users["zhangsan"].session).prepare(MONTH)
    assert [e.result for e in audit_entries(users.store) if e.action == "拟制备案"] == ["成功", "拒绝"]


@pytest.mark.parametrize(
    "tamper, words",
    [
        ("UPDATE filings SET content_digest = '" + "ab" * 32 + "'", "内容与其内容摘要不符"),
        ("UPDATE filings SET content = replace(content, '机密', '秘密')", "内容与其内容摘要不符"),
        ("UPDATE filings SET superior = '另一机关'", "电子签名无效"),
        ("UPDATE filings SET signature = randomblob(64)", "电子签名无效"),
    ],
)
def test_a_tampered_filing_fails_its_check_and_the_store_check(
    users: Users, demo_store, tamper: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    decided(users)
    officer = FilingService(users["wangwu"].session)
    issued = officer.issue(MONTH, password=PASSWORD)
    assert officer.view(issued.row.id).valid
    auditor = AuditService(users.store.sign_in("auditor", PASSWORD))
    assert auditor.verify().problems == []  # `audit verify` / `check` stay clean with a filing on file
    with users["wangwu"].session.transaction() as tx:
        tx.orm.execute(text("DROP TRIGGER filings_signed_no_update"))  # an insider with the key can
        tx.orm.execute(text(tamper))
    after = officer.view(issued.row.id)
    assert not after.valid and words in (after.row.problem or "")
    assert any(words in p for p in auditor.verify().problems)
    signed = [line for line in auditor.lines() if line.action == "签发备案"]
    assert [line.target for line in signed] == [f"备案 {issued.row.id}"]  # the auditor reads it in words


def test_a_signed_filing_cannot_be_edited_or_deleted(users: Users) -> None:
    from sqlalchemy.exc import IntegrityError, OperationalError

    decided(users)
    issued = FilingService(users["wangwu"].session).issue(MONTH, password=PASSWORD)
    for statement in ("UPDATE filings SET superior = 'x'", "DELETE FROM filings"):
        session = users["wangwu"].session
        with pytest.raises((IntegrityError, OperationalError)), session.transaction() as tx:
            tx.orm.execute(text(statement + f" WHERE id = {issued.row.id}"))
