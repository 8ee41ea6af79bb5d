"""Queues of each user, visibility, the full history with signatures, revisions with diffs."""

from __future__ import annotations

from dingmi_desktop.domain.workflow import Action, Status
from dingmi_desktop.services.queues import QUEUES
from tests.services.samples import PASSWORD, form, unclear


def _ids(rows) -> list[int]:
    return [r.id for r in rows]


def test_queues_follow_the_workflow(users) -> None:
    draft = users["zhangsan"].drafting.create_draft(form()).form_id
    in_review = users.draft_and_submit()
    awaiting = users.to_approval()
    returned = users.to_approval()
    users["wangwu"].review.return_form(returned, reason="请补充依据", password=PASSWORD)
    decided = users.to_approval()
    users.approve(decided)
    other = users["zhaoliu"].drafting.create_draft(form(title="业务处的表单")).form_id

    zhangsan = users["zhangsan"].queues
    assert draft in _ids(zhangsan.my_drafts()) and other not in _ids(zhangsan.my_drafts())
    assert returned in _ids(zhangsan.returned_to_me()) and draft not in _ids(zhangsan.returned_to_me())
    assert zhangsan.awaiting_my_review() == [] and zhangsan.awaiting_my_approval() == []
    assert decided in _ids(zhangsan.recently_decided())
    assert other not in _ids(zhangsan.visible())  # a drafter sees own forms only
    assert in_review in _ids(users["lisi"].queues.awaiting_my_review())
    assert users["lisi"].queues.awaiting_my_approval() == []
    assert awaiting in _ids(users["wangwu"].queues.awaiting_my_approval())
    assert in_review not in _ids(users["wangwu"].queues.awaiting_my_approval())
    assert other in _ids(users["wangwu"].queues.visible())
    statuses = {r.id: r.status for r in users["wangwu"].queues.visible()}
    assert statuses[decided] is Status.DECIDED and statuses[returned] is Status.RETURNED
    in_review_ids = _ids(users["wangwu"].queues.visible(Status.IN_REVIEW))
    assert in_review in in_review_ids and awaiting not in in_review_ids
    counts = users["zhangsan"].queues.counts()
    assert set(counts) == set(QUEUES) and counts["returned_to_me"] >= 1


def test_queue_paging(users) -> None:
    ids = [users.draft_and_submit() for _ in range(5)]
    queue = users["lisi"].queues
    first, second = queue.awaiting_my_review(limit=3), queue.awaiting_my_review(limit=3, offset=3)
    assert (_ids(first) + _ids(second))[:5] == sorted(ids, reverse=True)


def test_history_shows_roles_opinions_signatures_and_voided_reviews(users) -> None:
    form_id = users.to_approval()
    users["wangwu"].review.return_form(form_id, reason="期限过长", password=PASSWORD)
    users["zhangsan"].drafting.save_draft(form_id, form(period={"years": 5}), expected_revision=1)
    users["zhangsan"].drafting.submit(form_id, password=PASSWORD)
    users["lisi"].review.review(form_id, agree=True, opinion="同意5年", password=PASSWORD)
    view = users["wangwu"].history.view(form_id)
    actions = [(e.action, e.counts) for e in view.history]
    assert actions == [
        ("create", True),
        ("submit", False),
        ("review_agree", False),
        ("return", False),
        ("edit", True),
        ("submit", True),
        ("review_agree", True),
    ]
    ret = view.history[3]
    assert (ret.actor, ret.role, ret.opinion, ret.signature_valid) == (
        "wangwu",
        "定密责任人",
        "期限过长",
        True,
    )
    edit = view.history[4]
    assert {(c.field, str(c.before), str(c.after)) for c in edit.changes} >= {
        ("status", "已退回", "草稿"),
        ("period", "{'years': 10}", "{'years': 5}"),
    }
    assert view.allowed == [Action.APPROVE, Action.RETURN]
    assert view.marking == "机密★5年"
    revisions = users["zhangsan"].history.revisions(form_id)
    assert [(c.field, c.before, c.after) for c in revisions[1].changes] == [
        ("period", {"years": 10}, {"years": 5})
    ]


def test_show_json_has_interchange_keys_and_computed_fields(users) -> None:
    form_id = users.to_approval(unclear())
    users["wangwu"].escalation.escalate(
        form_id, to="省级保密行政管理部门", reason="请确定", password=PASSWORD
    )
    obj = users["zhangsan"].history.as_json(form_id)
    assert obj["id"] == form_id and obj["status"] == "不明事项待定"
    assert obj["marking"] == "机密★10年" and obj["declassify_on"] == "2036-11-28"
    assert obj["title"] == "关于某项目技术方案的请示" and obj["basis"]["kind"] == "不明确事项"
    assert obj["escalation"]["to"] == "省级保密行政管理部门"
    assert {"who", "role", "action", "opinion", "time", "signature_valid"} <= set(obj["history"][0])
    non_secret = users["zhangsan"].drafting.create_draft(
        form(category="非密", period=None, knowers=[], basis=None)
    )
    obj = users["zhangsan"].history.as_json(non_secret.form_id)
    assert obj["marking"] == "" and obj["declassify_on"] is None
