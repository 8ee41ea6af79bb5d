"""条件成就: the 定密责任人 confirms an item's 解密条件 with typed evidence and the password, once."""

from __future__ import annotations

import pytest

from dingmi_desktop.domain.errors import TransitionRefused
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.services.expiry import ExpiryService
from dingmi_desktop.services.expiry_conditions import ConditionService
from dingmi_desktop.storage import PermissionDenied, WrongPassword
from dingmi_desktop.storage.expiry_repo import ExpiryRepository
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import PASSWORD, Users, audit_entries, content, form_from_json

CONDITION = "项目通过国家验收后"
EVIDENCE = "国家验收委员会2026年11月28日验收通过（验收函〔2026〕12号）"


def decided(users: Users, period: dict[str, object]) -> int:
    f = form_from_json(content(period=period, start_date=TEST_TODAY.isoformat()))
    form_id = users.to_approval(f)
    users.approve(form_id)
    return form_id


def status(users: Users, form_id: int) -> str:
    return users["wangwu"].history.view(form_id).summary.status.value


def test_the_officer_confirms_a_condition_once(users: Users) -> None:
    item = decided(users, {"condition": CONDITION})
    dated = decided(users, {"years": 5})
    officer = users["wangwu"].session
    listed = ExpiryService(officer).conditions()
    assert [(c.form_id, c.condition) for c in listed] == [(item, CONDITION)]  # not the dated one
    done = ConditionService(officer).confirm(item, f"  {EVIDENCE} ", PASSWORD)
    assert (done.form_id, done.declassified_on, done.condition) == (item, TEST_TODAY, CONDITION)
    assert status(users, item) == Status.DECLASSIFIED.value
    with officer.transaction() as tx:
        repo = ExpiryRepository(tx.orm)
        assert repo.expiry(item)[:2] == (TEST_TODAY, "条件成就")  # type: ignore[index]
        evidence = (
            tx.orm.connection()
            .exec_driver_sql("SELECT evidence FROM expiries WHERE form_id = ?", (item,))
            .scalar()
        )
    assert evidence == EVIDENCE
    assert ExpiryService(officer).conditions() == []
    with pytest.raises(TransitionRefused, match="不能重复确认"):
        ConditionService(officer).confirm(item, EVIDENCE, PASSWORD)
    with pytest.raises(TransitionRefused, match="不是解密条件"):
        ConditionService(officer).confirm(dated, EVIDENCE, PASSWORD)
    entries = [e for e in audit_entries(users.store) if e.action == "条件成就解密"]
    assert [(e.result, e.object_id) for e in entries] == [
        ("成功", str(item)),
        ("拒绝", str(item)),
        ("拒绝", str(dated)),
    ]
    assert EVIDENCE not in str(entries[0].detail) and len(entries[0].detail["依据摘要"]) == 64


@pytest.mark.parametrize(
    ("user", "evidence", "password", "error", "words"),
    [
        ("lisi", EVIDENCE, PASSWORD, PermissionDenied, "只有定密责任人"),  # a reviewer
        ("zhangsan", EVIDENCE, PASSWORD, PermissionDenied, "只有定密责任人"),  # the drafter
        ("wangwu", "   ", PASSWORD, TransitionRefused, "不能为空"),
        ("wangwu", EVIDENCE, "not-the-password-1", WrongPassword, "密码"),
    ],
)
def test_refused_confirmations_change_nothing(  # type: ignore[no-untyped-def]
    users: Users, user, evidence, password, error, words
) -> None:
    item = decided(users, {"condition": CONDITION})
    with pytest.raises(error, match=words):
        ConditionService(users[user].session).confirm(item, evidence, password)
    assert status(users, item) == Status.DECIDED.value
    with users["wangwu"].session.transaction() as tx:
        assert ExpiryRepository(tx.orm).expiry(item) is None
    if error is not WrongPassword:  # the store counts a wrong password itself
        refused = [e for e in audit_entries(users.store) if e.action == "条件成就解密"]
        assert [e.result for e in refused] == ["拒绝"]
