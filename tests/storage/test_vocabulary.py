"""One vocabulary: every role, level, category and status the store keeps round-trips enum → text → enum."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select

from dingmi_desktop.domain.categories import CATEGORY_ORDER, LEVEL_NAMES, LEVELS, Category
from dingmi_desktop.domain.roles import ADMIN_ROLES, ALL_ROLES, BUSINESS_ROLES, ROLE_NAMES, Role
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.storage import FormIndex
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.directory import load_user
from dingmi_desktop.storage.provision import write_grants
from dingmi_desktop.storage.records import RoleGrant


def test_roles_are_partitioned_once() -> None:
    assert ADMIN_ROLES.isdisjoint(BUSINESS_ROLES) and set(Role) == ALL_ROLES
    assert ROLE_NAMES == (
        "承办人",
        "定密审核人",
        "定密责任人",
        "签发人",
        "保密员",
        "系统管理员",
        "安全保密管理员",
        "安全审计员",
    )
    assert LEVEL_NAMES == ("绝密", "机密", "秘密") and [c.rank for c in LEVELS] == [4, 3, 2]
    assert [c.value for c in CATEGORY_ORDER] == ["绝密", "机密", "秘密", "内部", "非密"]


def test_every_role_and_level_round_trips_through_the_store(demo_store, demo_session, clock) -> None:
    demo_session("secadmin")  # unlocks the store
    # one user holds every role; one 定密责任人 per level (a user holds a role once)
    plan = {
        "zhangsan": [RoleGrant(r) for r in Role if r is not Role.OFFICER]
        + [RoleGrant(Role.OFFICER, "法定", "绝密")],
        "zhaoliu": [RoleGrant(Role.OFFICER, "法定", LEVELS[1].value)],
        "lisi": [RoleGrant(Role.OFFICER, "法定", LEVELS[2].value)],
    }
    with demo_store.orm_transaction() as orm:
        back = {}
        for username, grants in plan.items():
            user = orm.scalars(select(t.User).where(t.User.username == username)).one()
            orm.execute(delete(t.RoleGrant).where(t.RoleGrant.user_id == user.id))
            write_grants(orm, user.id, grants, clock())
            back[username] = load_user(orm, user).grants
        stored = orm.scalars(select(t.RoleGrant.role)).all()
    assert set(ROLE_NAMES) <= set(stored)  # the plain Chinese names, as before
    assert {u: [g.role for g in gs] for u, gs in back.items()} == {
        u: [g.role for g in gs] for u, gs in plan.items()
    }
    assert all(type(g.role) is Role for gs in back.values() for g in gs)
    officers = [g for gs in back.values() for g in gs if g.role is Role.OFFICER]
    assert [Category.parse(g.highest_level or "") for g in officers] == list(LEVELS)


def test_every_status_and_category_round_trips_through_the_store(demo_session) -> None:
    pairs = list(zip(Status, [*CATEGORY_ORDER, *CATEGORY_ORDER], strict=False))
    with demo_session("zhangsan").transaction() as tx:
        ids = [
            tx.forms.create(
                {"title": status.name},
                FormIndex(
                    kind="定密审核单",
                    title=status.name,
                    category=category.value,
                    status=status.value,
                    department="办公室",
                    doc_number="",
                    marking="",
                    declassify_on=date(2036, 11, 28),
                ),
            ).id
            for status, category in pairs
        ]
    with demo_session("zhangsan").transaction() as tx:
        back = [tx.forms.get(form_id) for form_id in ids]
    assert [(Status(r.status), Category.parse(r.category)) for r in back] == pairs
