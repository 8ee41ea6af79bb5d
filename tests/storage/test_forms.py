"""Form revisions, listing, search, decisions and transactions over a real store."""

from __future__ import annotations

from datetime import date

import pytest

from dingmi_desktop.domain.roles import Role
from dingmi_desktop.storage import ConcurrentEdit, FormIndex, NotFound, PermissionDenied
from tests.fixtures.store import DEMO_PASSWORD


def _index(title: str = "关于某事项的请示", status: str = "草稿") -> FormIndex:
    return FormIndex(
        kind="定密审核单",
        title=title,
        category="机密",
        status=status,
        department="办公室",
        doc_number="示〔2026〕1号",
        marking="机密★10年",
        declassify_on=date(2036, 11, 28),
    )


def test_demo_has_sample_drafts_and_catalog(demo_store, demo_session):
    with demo_session("zhangsan").transaction() as tx:
        forms = tx.forms.list()
        assert {f.status for f in forms} == {"草稿"}
        assert {f.drafter for f in forms} == {"zhangsan", "zhaoliu"}
        assert forms[0].content is None
        assert any(f.marking == "机密★10年" and f.declassify_on == date(2036, 11, 28) for f in forms)
        items = tx.catalog.items()
        assert len(items) == 4 and all(i.sample for i in items)
        # 第3条 is the item the INTERFACES example cites for 机密★10年 (Law 19: the item decides the level)
        assert [(i.category, i.period_text) for i in items if i.code == "第3条"] == [("机密", "10年")]


def test_every_revision_is_kept(demo_store, demo_session):
    session = demo_session("zhangsan")
    with session.transaction() as tx:
        rec = tx.forms.create({"title": "v1"}, _index())
    assert rec.revision == 1 and rec.created_at == rec.updated_at
    with session.transaction() as tx:
        rec2 = tx.forms.save_revision(rec.id, {"title": "v2"}, _index("新标题"), expected_revision=1)
    assert rec2.revision == 2 and rec2.title == "新标题" and rec2.content_hash != rec.content_hash
    with session.transaction() as tx:
        assert [r.content["title"] for r in tx.forms.revisions(rec.id)] == ["v1", "v2"]
        assert tx.forms.get(rec.id).content == {"title": "v2"}
        assert tx.forms.get(rec.id).declassify_on == date(2036, 11, 28)
        with pytest.raises(ConcurrentEdit):
            tx.forms.save_revision(rec.id, {"title": "v3"}, _index(), expected_revision=1)


def test_content_hash_matches_domain_rule(demo_store, demo_session):
    from dingmi_desktop.domain.forms import content_hash, form_from_json

    with demo_session("zhangsan").transaction() as tx:
        rec = tx.forms.get(tx.forms.list()[-1].id)
    assert rec.content_hash == content_hash(form_from_json(rec.content))


def test_list_filters_count_and_status(demo_store, demo_session):
    session = demo_session("zhaoliu")
    with session.transaction() as tx:
        a = tx.forms.create({"a": 1}, _index("甲"))
        tx.forms.set_status(a.id, "待审核")
        assert tx.forms.count(status="待审核") == 1
        assert [f.id for f in tx.forms.list(status="待审核")] == [a.id]
        assert len(tx.forms.list(drafter_id=session.user.id)) == 2
        assert len(tx.forms.list(limit=2)) == 2
        assert tx.forms.count() == 4
        assert tx.forms.list(kind="送审签发单")[0].kind == "送审签发单"


def test_search(demo_store, demo_session):
    with demo_session("zhangsan").transaction() as tx:
        rec = tx.forms.create({"scope": "丙丁戊己庚"}, _index("另一份请示"))
        tx.forms.save_revision(rec.id, {"scope": "甲乙丙辛壬"}, _index("另一份请示"))
        assert tx.forms.search("乙丙辛") == [rec.id]
        assert tx.forms.search("丁戊己") == []  # only the current revision is indexed
        assert rec.id in tx.forms.search("另一")  # two characters: the scan path
        assert tx.forms.search("技术方案") == [1]
        assert tx.forms.search('"引号') == []
        assert tx.forms.search("  ") == []


def test_not_found(demo_store, demo_session):
    with demo_session("zhangsan").transaction() as tx:
        with pytest.raises(NotFound):
            tx.forms.get(999)
        with pytest.raises(NotFound):
            tx.forms.save_revision(999, {}, _index())
        with pytest.raises(NotFound):
            tx.decisions.add(999, action="approve", signer=None, role="定密责任人")


def test_transaction_is_all_or_nothing(demo_store, demo_session):
    from sqlalchemy import func, select

    from dingmi_desktop.storage.tables import AuditEntry

    session = demo_session("zhangsan")
    with session.transaction() as tx:
        entries_before = tx.orm.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(RuntimeError), session.transaction() as tx:
        tx.forms.create({"x": 1}, _index("不应保存"))
        tx.audit.append("新建表单")
        raise RuntimeError("boom")
    with session.transaction() as tx:
        assert tx.forms.count() == 3
        assert tx.forms.search("不应保存") == []
        assert tx.orm.scalar(select(func.count()).select_from(AuditEntry)) == entries_before


def test_signed_decision_binds_to_revision(demo_store, demo_session):
    officer = demo_session("wangwu")
    signer = officer.reauthenticate(DEMO_PASSWORD)
    with officer.transaction() as tx:
        d = tx.decisions.add(1, action="approve", signer=signer, role="定密责任人", opinion="同意")
    assert d.signed and d.signature_valid and d.revision == 1
    with demo_session("zhangsan").transaction() as tx:
        tx.forms.save_revision(1, {"title": "改了"}, _index())
        decisions = tx.decisions.for_form(1)
        assert decisions[0].content_hash != tx.forms.get(1).content_hash  # the approval no longer matches
        assert decisions[0].signature_valid


def test_reauthenticate_needs_the_right_password_and_counts_failures(demo_store, demo_session):
    from dingmi_desktop.storage import AccountLocked, WrongPassword

    officer = demo_session("wangwu")
    for _ in range(4):
        with pytest.raises(WrongPassword):
            officer.reauthenticate("wrong")
    with pytest.raises(AccountLocked):
        officer.reauthenticate("wrong")


def test_signer_must_be_the_actor(demo_store, demo_session):
    signer = demo_session("lisi").reauthenticate(DEMO_PASSWORD)
    assert "lisi" in repr(signer) and "seed" not in repr(signer)
    with pytest.raises(PermissionDenied), demo_session("wangwu").transaction() as tx:
        tx.decisions.add(1, action="approve", signer=signer, role="定密责任人")


def test_prints_and_settings(demo_store, demo_session):
    from dingmi_desktop.storage import InvalidInput

    with demo_session("zhangsan").transaction() as tx:
        tx.prints.record(1, 1, 5, 2)
        tx.prints.record(1, 6, 6, 2, kind="复印")
        assert tx.prints.copies_printed(1) == 5
        assert [p.kind for p in tx.prints.for_form(1)] == ["印制", "复印"]
        with pytest.raises(InvalidInput):
            tx.prints.record(1, 3, 2, 1)
        assert tx.settings.get("audit.hash_algorithm") == "sha256"
        with pytest.raises(InvalidInput):
            tx.settings.set("audit.hash_algorithm", "md5")
        with pytest.raises(InvalidInput):
            tx.settings.get("no.such.key")


def test_role_checks(demo_store, demo_session):
    session = demo_session("zhangsan")
    with pytest.raises(PermissionDenied) as err:
        session.require_role(Role.AUDITOR)
    assert "安全审计员" in err.value.message
    with session.transaction() as tx:
        wangwu = tx.users.by_username("wangwu")
        assert wangwu.roles == {"定密责任人", "签发人"}
        officer = next(g for g in wangwu.grants if g.role == "定密责任人")
        assert (officer.officer_kind, officer.highest_level) == ("法定", "机密")
        assert [u.username for u in tx.users.with_role("承办人")] == ["zhangsan", "zhaoliu"]
        assert tx.users.get(wangwu.id).department == "单位领导"
        with pytest.raises(NotFound):
            tx.users.by_username("ghost")
