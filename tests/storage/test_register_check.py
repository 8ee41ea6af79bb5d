"""The one verifier sees what an insider with the password edits behind the program's back in the data the
register, the statistics, the filing and the expiry pass read: a form's index columns against its signed
revision or the terms in force, the register rows against their recomputation, the two search indexes
against the register, and a 已解密 without a declassification on record. A store used legitimately (approval,
change, extension, declassification by decision and by the expiry pass) shows none of these."""

from __future__ import annotations

from pathlib import Path

import pytest

from dingmi_desktop.cli import main
from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.services.accounts import AuditService
from dingmi_desktop.services.expiry import ExpiryService
from dingmi_desktop.storage.maintenance import check
from dingmi_desktop.storage.store import Store
from tests.fixtures.store import DEMO_PASSWORD, TEST_TODAY
from tests.services.samples import PASSWORD, Users, content, form_from_json
from tests.services.test_lifecycle import decide, decided_item
from tests.storage.tamper import raw_admin

SEARCHED = "title, doc_number, basis, scope, draft_opinion, opinions"


@pytest.fixture
def users(demo_store: Store) -> Users:
    return Users(demo_store)


def problems(store: Store) -> tuple[list[str], list[str]]:
    """What `check` and `audit verify` report (the same verifier)."""
    checked = check(store.sign_in("zhangsan", DEMO_PASSWORD))
    verified = AuditService(store.sign_in("auditor", DEMO_PASSWORD)).verify().problems
    return checked, verified


def lifecycle_store(users: Users, clock) -> list[int]:  # type: ignore[no-untyped-def]
    """Items changed, extended, declassified by decision and by the expiry pass: all legitimate."""
    changed, extended, declassified = decided_item(users), decided_item(users), decided_item(users)
    lifecycle = users["zhangsan"].lifecycle
    proposal = Corrections(category=Category.CONFIDENTIAL, period=Period.of_years(5))
    decide(users, lifecycle.open_draft(changed, "变更", "项目已转入一般阶段", proposal=proposal))
    longer = Corrections(period=Period.of_years(15))
    decide(users, lifecycle.open_draft(extended, "延长", "工程延期", proposal=longer))
    decide(users, lifecycle.open_draft(declassified, "解密", "相关工作已公开"))
    expiring = users.to_approval(
        form_from_json(content(period={"months": 1}, start_date=TEST_TODAY.isoformat()))
    )
    users.approve(expiring)
    clock.advance(days=40)
    passed = ExpiryService(users["wangwu"].session).run(confirm_password=PASSWORD, note="已与北京时间核对")
    assert [d.form_id for d in passed.expired] == [expiring]
    return [changed, extended, declassified, expiring]


def test_a_store_used_as_intended_has_no_problems(users: Users, clock) -> None:  # type: ignore[no-untyped-def]
    lifecycle_store(users, clock)
    assert problems(users.store) == ([], [])


EDITS = {
    "密级": ("UPDATE forms SET category = '秘密' WHERE id = :id", "表单 {id} 的密级与其签名内容不一致"),
    "标志": ("UPDATE forms SET marking = '秘密★1年' WHERE id = :id", "国家秘密标志与其签名内容不一致"),
    "解密日": ("UPDATE forms SET declassify_on = '2026-12-01' WHERE id = :id", "解密日期与其签名内容不一致"),
    "标题": ("UPDATE forms SET title = '无关的标题' WHERE id = :id", "表单 {id} 的标题与其签名内容不一致"),
    "已解密": ("UPDATE forms SET status = '已解密' WHERE id = :id", "没有到期解密记录或解密决定"),
    "台账行": (
        "UPDATE register_entries SET category = '秘密' WHERE form_id = :id",
        "定密台账中表单 {id} 的登记内容与其表单和决定记录不一致",
    ),
    "台账删行": ("DELETE FROM register_entries WHERE form_id = :id", "定密台账中表单 {id} 的登记内容"),
    "全文索引": (
        f"INSERT INTO register_search(register_search, rowid, {SEARCHED}) "
        f"SELECT 'delete', form_id, {SEARCHED} FROM register_entries WHERE form_id = :id",
        "全文检索索引",
    ),
    "单字索引": ("DELETE FROM register_grams WHERE rowid = :id", "定密台账中表单 {id} 不在单字检索索引中"),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_insiders_edit_is_named(users: Users, edit: str) -> None:
    item = users.to_approval()
    users.approve(item)
    sql, expected = EDITS[edit]
    with raw_admin(users.store, restore_triggers=True) as conn:
        conn.execute(sql, {"id": item})
    for found in problems(users.store):
        assert any(expected.format(id=item) in p for p in found), found


def test_terms_in_force_edited_or_dropped_are_named(users: Users, clock) -> None:  # type: ignore[no-untyped-def]
    changed, extended, declassified, _ = lifecycle_store(users, clock)
    with raw_admin(users.store, restore_triggers=True) as conn:
        # the terms and the columns edited together, consistently: only the decision form tells
        conn.execute(
            "UPDATE forms SET current_terms = json_set(current_terms, '$.period', json('{\"years\": 20}')), "
            "marking = '秘密★20年', declassify_on = '2046-11-28' WHERE id = ?",
            (changed,),
        )
        conn.execute("UPDATE forms SET current_terms = NULL WHERE id = ?", (extended,))
        conn.execute(
            "UPDATE forms SET current_terms = json_remove(current_terms, '$.declassified_on') WHERE id = ?",
            (declassified,),
        )
    for found in problems(users.store):
        assert any(f"表单 {changed} 的现行密级和期限" in p for p in found), found
        assert any(
            f"表单 {extended} 的变更、解密或延长决定已生效，但其现行密级和期限缺失" in p for p in found
        )
        assert any(f"表单 {declassified} 的现行密级和期限没有对应的" in p for p in found), found
        assert any(f"表单 {declassified} 的状态为已解密，但没有到期解密记录" in p for p in found), found


def _dingmi_check(store_dir: Path, password_file: Path) -> int:
    argv = [
        "--data-dir",
        str(store_dir),
        "check",
        "--user",
        "zhangsan",
        "--password-file",
        str(password_file),
    ]
    return main(argv)


def test_cli_check_reads_first_then_compares_the_index_in_full(  # type: ignore[no-untyped-def]
    users: Users, store_dir: Path, tmp_path: Path, capsys
) -> None:
    """A row's words swapped in the index keeps the index's rows (all the read-only pass compares); the full
    comparison after it finds the swap, and the check is not audited as passed."""
    item = users.to_approval()
    users.approve(item)
    with raw_admin(users.store, restore_triggers=True) as conn:
        conn.execute(
            f"INSERT INTO register_search(register_search, rowid, {SEARCHED}) "
            f"SELECT 'delete', form_id, {SEARCHED} FROM register_entries WHERE form_id = ?",
            (item,),
        )
        conn.execute(
            f"INSERT INTO register_search(rowid, {SEARCHED}) VALUES (?, '别的', '', '', '', '', '')", (item,)
        )
    users.store.close()
    password_file = tmp_path / "pw.txt"
    password_file.write_text(PASSWORD + "\n", "utf-8")
    password_file.chmod(0o600)
    assert _dingmi_check(store_dir, password_file) == 1
    assert "全文检索索引与台账不一致" in capsys.readouterr().out
    reopened = Store.open(store_dir)
    try:
        session = reopened.sign_in("auditor", DEMO_PASSWORD)
        actions = [r.action for r in AuditService(session).entries()]
        assert "完整性检查" not in actions
    finally:
        reopened.close()


def test_the_badge_of_an_item_whose_level_column_was_edited_is_not_valid(users: Users) -> None:
    item = users.to_approval()
    users.approve(item)
    approval = [e for e in users["wangwu"].history.view(item).history if e.signed][-1]
    assert approval.signature_valid
    with raw_admin(users.store, restore_triggers=True) as conn:
        conn.execute("UPDATE forms SET category = '秘密', marking = '秘密★10年' WHERE id = ?", (item,))
    approval = [e for e in Users(users.store)["wangwu"].history.view(item).history if e.signed][-1]
    assert approval.signature_valid is False
