"""Drafting: create, save (revisions), import, submit, withdraw — allowed and refused."""

from __future__ import annotations

import dataclasses

import pytest

from dingmi_desktop.domain.errors import TransitionRefused, ValidationError
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.services.form_models import ImportRejected
from dingmi_desktop.storage import ConcurrentEdit, PermissionDenied
from tests.fixtures.store import cosign
from tests.services.samples import PASSWORD, SECRET, audit_entries, content, form


def test_create_save_submit_withdraw(users) -> None:
    drafting = users["zhangsan"].drafting
    created = drafting.create_draft(form())
    assert created.status_after is Status.DRAFT and created.revision == 1 and not created.problems
    assert created.marking == "机密★10年"
    saved = drafting.save_draft(created.form_id, form(scope="项目组"), expected_revision=1)
    assert saved.revision == 1  # no decision refers to revision 1 yet: the save amends it
    same = drafting.save_draft(created.form_id, form(scope="项目组"), expected_revision=1)
    assert same.revision == 1  # unchanged content: no new revision
    submitted = drafting.submit(created.form_id, password=PASSWORD)
    assert (submitted.status_before, submitted.status_after) == (Status.DRAFT, Status.IN_REVIEW)
    assert submitted.signed
    withdrawn = drafting.withdraw(created.form_id)
    assert withdrawn.status_after is Status.DRAFT and not withdrawn.signed


def test_incomplete_draft_is_saved_but_cannot_be_submitted(users) -> None:
    drafting = users["zhangsan"].drafting
    incomplete = dataclasses.replace(form(), knowers=(), scope="")
    result = drafting.create_draft(incomplete)
    assert {p.field for p in result.problems} == {"knowers", "scope"}
    view = users["zhangsan"].history.view(result.form_id)
    assert view.form == incomplete and view.problems
    with pytest.raises(ValidationError) as exc:
        drafting.submit(result.form_id)
    assert {p.field for p in exc.value.problems} == {"knowers", "scope"}
    assert users["zhangsan"].history.view(result.form_id).summary.status is Status.DRAFT


def test_submit_refusals(users) -> None:
    form_id = users["zhangsan"].drafting.create_draft(form()).form_id
    with pytest.raises(TransitionRefused, match="承办人"):
        users["lisi"].drafting.submit(form_id)  # a reviewer cannot submit
    with pytest.raises(PermissionDenied):
        users["zhaoliu"].drafting.submit(form_id)  # another drafter cannot even see it
    users["zhangsan"].drafting.submit(form_id)
    with pytest.raises(TransitionRefused, match="待审核"):
        users["zhangsan"].drafting.submit(form_id)  # already submitted


def test_edit_refusals(users) -> None:
    drafting = users["zhangsan"].drafting
    form_id = drafting.create_draft(form()).form_id
    with pytest.raises(ConcurrentEdit):
        drafting.save_draft(form_id, form(scope="甲"), expected_revision=0)
    drafting.submit(form_id)
    with pytest.raises(TransitionRefused, match="撤回"):
        drafting.save_draft(form_id, form(scope="乙"), expected_revision=1)  # submitted: withdraw first
    with pytest.raises(TransitionRefused, match="承办人"):
        users["lisi"].drafting.withdraw(form_id)


def test_only_drafters_create_and_admins_see_nothing(users) -> None:
    with pytest.raises(PermissionDenied):
        users["lisi"].drafting.create_draft(form())
    with pytest.raises(PermissionDenied):
        users["auditor"].queues.visible()
    form_id = users["zhangsan"].drafting.create_draft(form()).form_id
    with pytest.raises(PermissionDenied):
        users["auditor"].history.view(form_id)
    with pytest.raises(PermissionDenied):
        users["zhaoliu"].history.view(form_id)


def test_withdraw_from_awaiting_approval(users) -> None:
    form_id = users.to_approval()
    assert users["zhangsan"].drafting.withdraw(form_id).status_before is Status.AWAITING_APPROVAL


def test_import_all_or_nothing(users, demo_store) -> None:
    drafting = users["zhangsan"].drafting
    before = len(users["zhangsan"].queues.my_drafts(limit=1000))
    with pytest.raises(ImportRejected) as exc:
        drafting.import_forms([SECRET, content(period={"years": 25}), content(category="特密", colour=1)])
    lines = exc.value.lines
    assert any(line.startswith("第2个表单：period：") for line in lines)
    assert any("colour" in line for line in lines) and any("特密" in line for line in lines)
    assert len(users["zhangsan"].queues.my_drafts(limit=1000)) == before
    ids = drafting.import_forms([SECRET, content(category="非密", period=None, knowers=[], basis=None)])
    assert len(ids) == 2
    assert [s.id for s in users["zhangsan"].queues.my_drafts(limit=2)] == sorted(ids, reverse=True)
    with pytest.raises(ImportRejected):
        drafting.import_forms([])
    with pytest.raises(PermissionDenied):
        users["lisi"].drafting.import_forms([SECRET])


def test_audit_has_no_form_plaintext_and_logs_refusals(users, demo_store) -> None:
    form_id = users.to_approval()
    with pytest.raises(TransitionRefused):
        users["lisi"].review.approve(form_id, password=PASSWORD, content_hash="x")
    entries = audit_entries(demo_store)
    mine = [e for e in entries if e.object_type == "form" and e.object_id == str(form_id)]
    assert [e.action for e in mine] == ["新建表单", "提交", "审核同意", "批准"]
    assert mine[-1].result == "拒绝" and mine[-1].actor == "lisi"
    text = repr([(e.action, e.detail) for e in entries])
    assert SECRET["title"] not in text and SECRET["scope"] not in text


def test_review_step_off_submits_to_approval(users, demo_store) -> None:
    from dingmi_desktop.services.accounts import AccountService

    session = demo_store.sign_in("secadmin", PASSWORD)
    AccountService(session).set_setting("workflow.review_step", "off", cosign())
    form_id = users["zhangsan"].drafting.create_draft(form()).form_id
    assert users["zhangsan"].drafting.submit(form_id).status_after is Status.AWAITING_APPROVAL
