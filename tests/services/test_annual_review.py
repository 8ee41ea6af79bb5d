"""The annual review (保密法 Art 24) on the real demo store: the worklist, signed outcomes, the opener
called for 变更/解密/延长, progress, refusals, the report's marking."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from dingmi_desktop.domain.errors import TransitionRefused, ValidationError
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.services.annual_review import SIGNED_KIND, AnnualReviewService
from dingmi_desktop.services.annual_review_models import POOL
from dingmi_desktop.services.annual_review_opener import annual_review
from dingmi_desktop.services.lifecycle import LifecycleService
from dingmi_desktop.storage import NotFound, PermissionDenied, Store, WrongPassword
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.records import RoleGrant
from dingmi_desktop.storage.signed_records import Signature, check_record
from tests.fixtures.store import TEST_TODAY, cosign
from tests.services.samples import PASSWORD, Users, audit_entries, form, grant

YEAR = TEST_TODAY.year
SECRET_BASIS = {"kind": "确定性", "reference": "本单位定密事项一览表 第9条", "text": "年度经费预算"}


class RecordingOpener:
    """The test's stand-in for the lifecycle's open_draft: records the call, creates nothing."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, str, str]] = []

    def __call__(self, item_form_id: int, kind: str, reason: str) -> int:
        self.calls.append((item_form_id, kind, reason))
        return 9000 + len(self.calls)


def _decided(users: Users, **changes: object) -> int:
    form_id = users.to_approval(form(**changes))
    users.approve(form_id)
    return form_id


def _service(store: Store, name: str, opener: RecordingOpener | None = None) -> AnnualReviewService:
    return AnnualReviewService(store.sign_in(name, PASSWORD), opener or RecordingOpener())


def test_worklist_outcomes_progress_and_report(demo_store: Store, users: Users, tmp_path: Path) -> None:
    first = _decided(users)
    second = _decided(users, category="秘密", period={"years": 5}, basis=SECRET_BASIS)
    users["zhangsan"].drafting.create_draft(form())  # a draft is not in force: not on the list
    _decided(users, category="内部", period=None, knowers=[], basis=None)  # not a state secret: not either
    opener = RecordingOpener()
    officer = _service(demo_store, "wangwu", opener)
    started = officer.start(YEAR)
    assert (started.added, started.total) == (2, 2)
    rows = officer.page(YEAR)
    assert [r.form_id for r in rows] == [first, second]
    assert {r.officer for r in rows} == {"王五"} and rows[0].marking == "机密★10年"
    assert officer.progress(YEAR).to_json()["by_officer"] == [{"officer": "王五", "done": 0, "total": 2}]
    with pytest.raises(WrongPassword):
        officer.decide(YEAR, first, "维持", "仍需保密", password="wrong-password")
    kept = officer.decide(YEAR, first, "维持", "仍需保密", password=PASSWORD)
    assert kept.outcome == "维持" and kept.decided_by == "王五" and kept.draft_form_id is None
    assert opener.calls == []
    changed = officer.decide(YEAR, second, "解密", "已公开发布", password=PASSWORD)
    assert opener.calls == [(second, "解密", "已公开发布")] and changed.draft_form_id == 9001
    progress = officer.progress(YEAR)
    assert (progress.done, progress.total) == (2, 2)
    assert officer.page(YEAR, pending_only=True) == []
    assert officer.count(YEAR, officer="wangwu") == 2
    pdf, xlsx = tmp_path / "审核.pdf", tmp_path / "审核.xlsx"
    result = officer.report(YEAR, pdf=pdf, xlsx=xlsx)
    assert result.marking == "机密" and result.rows == 2
    assert pdf.read_bytes().startswith(b"%PDF")
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet["A1"].value == "机密" and sheet.oddHeader.center.text == "机密"
    actions = [e.action for e in audit_entries(demo_store) if e.result == "成功"]
    assert actions.count("年度审核") == 2 and "建立年度审核清单" in actions and "导出年度审核报告" in actions


def test_second_start_adds_only_new_items(demo_store: Store, users: Users) -> None:
    first = _decided(users)
    officer = _service(demo_store, "wangwu")
    assert officer.start(YEAR).added == 1
    second = _decided(users)
    again = officer.start(YEAR)
    assert (again.added, again.total) == (1, 2)
    assert officer.start(YEAR).added == 0
    assert [r.form_id for r in officer.page(YEAR)] == [first, second]


def test_items_go_to_their_officer_else_to_every_officer(demo_store: Store, users: Users) -> None:
    grant(demo_store, "zhaoliu", RoleGrant(Role.OFFICER, "法定", "机密", None, TEST_TODAY))
    first, second = _decided(users), _decided(users)
    _service(demo_store, "wangwu").start(YEAR)
    other = _service(demo_store, "zhaoliu")
    with pytest.raises(PermissionDenied, match="分配给定密责任人 王五"):
        other.decide(YEAR, first, "维持", "仍需保密", password=PASSWORD)
    session = demo_store.sign_in("secadmin", PASSWORD)
    AccountService(session).revoke("wangwu", Role.OFFICER, cosign())
    session.close()
    other.start(YEAR - 1)  # 王五 is no longer an officer: every officer of the unit reviews his items
    assert {r.officer for r in other.page(YEAR - 1)} == {POOL}
    assert other.decide(YEAR - 1, second, "维持", "仍需保密", password=PASSWORD).decided_by == "赵六"
    assert other.progress(YEAR - 1).to_json()["by_officer"] == [{"officer": POOL, "done": 1, "total": 2}]


def test_refusals_are_clear_and_audited(demo_store: Store, users: Users) -> None:
    item = _decided(users)
    officer = _service(demo_store, "wangwu")
    with pytest.raises(ValidationError) as future:
        officer.start(YEAR + 1)
    assert "今年" in future.value.problems[0].message
    with pytest.raises(NotFound, match="请先建立清单"):
        officer.decide(YEAR, item, "维持", "仍需保密", password=PASSWORD)
    officer.start(YEAR)
    with pytest.raises(ValidationError) as empty:
        officer.decide(YEAR, item, "维持", "  ", password=PASSWORD)
    assert "审核意见" in empty.value.problems[0].message
    with pytest.raises(ValidationError) as bad:
        officer.decide(YEAR, item, "撤销", "理由", password=PASSWORD)
    assert "维持、变更、解密、延长" in bad.value.problems[0].message
    with pytest.raises(PermissionDenied, match="定密责任人"):
        _service(demo_store, "zhangsan").page(YEAR)
    with pytest.raises(PermissionDenied, match="须由定密责任人作出"):
        _service(demo_store, "lisi").decide(YEAR, item, "维持", "仍需保密", password=PASSWORD)
    officer.decide(YEAR, item, "维持", "仍需保密", password=PASSWORD)
    with pytest.raises(TransitionRefused, match="已有结论"):
        officer.decide(YEAR, item, "延长", "需要延长", password=PASSWORD)
    refused = [e for e in audit_entries(demo_store) if e.result == "拒绝"]
    assert len(refused) == 7


def test_the_products_opener_makes_the_lifecycle_draft_linked_to_the_review(
    demo_store: Store, users: Users
) -> None:
    item = _decided(users)
    session = demo_store.sign_in("wangwu", PASSWORD)
    service = annual_review(session)
    service.start(YEAR)
    decided = service.decide(YEAR, item, "延长", "项目延期，仍需保密", password=PASSWORD)
    assert decided.outcome == "延长" and decided.draft_form_id
    record = LifecycleService(session).lifecycle_of(decided.draft_form_id)
    assert record is not None and record.item_form_id == item and record.kind == "延长"
    assert "项目延期" in record.reason
    assert service.page(YEAR)[0].draft_form_id == decided.draft_form_id


def test_a_decided_review_is_final_and_signed(demo_store: Store, users: Users) -> None:
    item = _decided(users)
    officer = _service(demo_store, "wangwu")
    officer.start(YEAR)
    officer.decide(YEAR, item, "维持", "仍需保密", password=PASSWORD)
    session = demo_store.sign_in("wangwu", PASSWORD)
    for statement in (
        f"UPDATE annual_reviews SET outcome = '解密' WHERE form_id = {item}",
        f"DELETE FROM annual_reviews WHERE form_id = {item}",
    ):
        with pytest.raises(IntegrityError), session.transaction() as tx:
            tx.orm.execute(text(statement))
    with session.transaction() as tx:
        row = tx.orm.query(t.AnnualReview).filter_by(year=YEAR, form_id=item).one()
        assert row.signature is not None and row.decided_at is not None
        signed = Signature(row.key_id or 0, row.cert_hash, row.signature)
        body = {"review_id": row.id, "year": YEAR, "form_id": item, "category": "机密", "draft_form_id": None}
        check = {"actor_id": row.decided_by or 0, "actor": "wangwu", "time": row.decided_at, "signed": signed}
        assert check_record(tx.orm, SIGNED_KIND, {**body, "outcome": "维持", "opinion": "仍需保密"}, **check)
        assert not check_record(
            tx.orm, SIGNED_KIND, {**body, "outcome": "解密", "opinion": "仍需保密"}, **check
        )
    session.close()
