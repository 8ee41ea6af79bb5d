"""`dingmi demo`: the demo unit and users of docs/interfaces.md, a sample catalog (示例), sample drafts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from dingmi_desktop.clock import local_date
from dingmi_desktop.domain.forms import form_from_json, form_to_json
from dingmi_desktop.domain.marking import marking_text
from dingmi_desktop.domain.periods import declassify_on
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.services.provisioning import create_store
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import AuditSigner, AuditWriter
from dingmi_desktop.storage.audit_verifier import audit_signer
from dingmi_desktop.storage.calendar_setting import CALENDAR_SETTING, HOLIDAY, WORKDAY, dump_calendar
from dingmi_desktop.storage.directory import Tx, load_user
from dingmi_desktop.storage.provision import NewAccount
from dingmi_desktop.storage.records import FormIndex, RoleGrant, iso, utc_now
from dingmi_desktop.storage.store import Store

DEMO_UNIT = "示例单位"
DEMO_AUTHORITY = "机密"
DEMO_PASSWORD = "Dingmi@2026"

# username, display name, department, roles
DEMO_USERS: tuple[tuple[str, str, str, tuple[RoleGrant, ...]], ...] = (
    ("zhangsan", "张三", "办公室", (RoleGrant(Role.DRAFTER),)),
    ("zhaoliu", "赵六", "业务处", (RoleGrant(Role.DRAFTER),)),
    ("lisi", "李四", "办公室", (RoleGrant(Role.REVIEWER),)),
    (
        "wangwu",
        "王五",
        "单位领导",
        (RoleGrant(Role.OFFICER, "法定", "机密", None, date(2026, 3, 15)), RoleGrant(Role.SIGNER)),
    ),
    ("sysadmin", "系统管理员", "保密办", (RoleGrant(Role.SYSADMIN),)),
    ("secadmin", "安全保密管理员", "保密办", (RoleGrant(Role.SECADMIN),)),
    ("auditor", "安全审计员", "保密办", (RoleGrant(Role.AUDITOR),)),
)

SAMPLE_CATALOG_FROM = date(2026, 1, 1)  # the sample catalogue's version 1 is in force from here
SAMPLE_KNOWERS = "项目组成员"
SAMPLE_CATALOG = (
    ("示例事项范围", "示例：某行业国家秘密及其密级具体范围（示例，非真实文件）"),
    ("示例一览表", "示例单位国家秘密事项一览表（示例）"),
    (
        ("第1条", "示例：尚未公布的重大项目技术方案", "机密", "10年"),
        ("第2条", "示例：重要工作计划中的敏感部署", "秘密", "5年"),
        # 第3条 is the item the INTERFACES example cites for 机密★10年: the example obeys Law 19 here too
        ("第3条", "示例：项目技术方案的核心参数", "机密", "10年"),
        ("第4条", "示例：内部统计汇总数据", "秘密", "解密条件：数据正式发布后"),
    ),
)

# The 2026 schedule of 国务院办公厅关于2026年部分节假日安排的通知 (first day, last day, kind, note): whole
# 放假 periods as published (their weekend days change no count) and the 调休 working weekends. 2027 is not
# seeded: its schedule is published only late in 2026; the 安全保密管理员 adds it (工作日历 page or
# `dingmi calendar add`).
DEMO_CALENDAR: tuple[tuple[date, date, str, str], ...] = (
    (date(2026, 1, 1), date(2026, 1, 3), HOLIDAY, "元旦"),
    (date(2026, 1, 4), date(2026, 1, 4), WORKDAY, "元旦调休上班"),
    (date(2026, 2, 14), date(2026, 2, 14), WORKDAY, "春节调休上班"),
    (date(2026, 2, 15), date(2026, 2, 23), HOLIDAY, "春节"),
    (date(2026, 2, 28), date(2026, 2, 28), WORKDAY, "春节调休上班"),
    (date(2026, 4, 4), date(2026, 4, 6), HOLIDAY, "清明节"),
    (date(2026, 5, 1), date(2026, 5, 5), HOLIDAY, "劳动节"),
    (date(2026, 5, 9), date(2026, 5, 9), WORKDAY, "劳动节调休上班"),
    (date(2026, 6, 19), date(2026, 6, 21), HOLIDAY, "端午节"),
    (date(2026, 9, 20), date(2026, 9, 20), WORKDAY, "国庆节调休上班"),
    (date(2026, 9, 25), date(2026, 9, 27), HOLIDAY, "中秋节"),
    (date(2026, 10, 1), date(2026, 10, 7), HOLIDAY, "国庆节"),
    (date(2026, 10, 10), date(2026, 10, 10), WORKDAY, "国庆节调休上班"),
)


def demo_calendar_days() -> dict[date, tuple[str, str]]:
    """DEMO_CALENDAR expanded to date → (kind, note), the stored shape of setting `calendar.days`."""
    days: dict[date, tuple[str, str]] = {}
    for first, last, kind, note in DEMO_CALENDAR:
        for offset in range((last - first).days + 1):
            days[first + timedelta(days=offset)] = (kind, note)
    return days


SAMPLE_FORMS: tuple[tuple[str, dict[str, Any]], ...] = (
    (
        "zhangsan",
        {
            "form": "定密审核单",
            "title": "关于某项目技术方案的请示",
            "doc_number": "示〔2026〕12号",
            "department": "办公室",
            "category": "机密",
            "period": {"years": 10},
            "start_date": "2026-11-28",
            "scope": "本单位领导班子成员及项目组",
            "knowers": ["张三", "李四"],
            "basis": {
                "kind": "确定性",
                "reference": "示例事项范围 第1条",
                "text": "示例：尚未公布的重大项目技术方案",
            },
            "copies": 5,
            "opinion": "建议定为机密级，保密期限10年",
        },
    ),
    (
        "zhangsan",
        {
            "form": "送审签发单",
            "title": "关于年度重点工作安排的通知",
            "doc_number": "示〔2026〕15号",
            "department": "办公室",
            "category": "秘密",
            "period": {"years": 5},
            "start_date": "2026-11-28",
            "scope": "各处室负责人",
            "basis": {
                "kind": "确定性",
                "reference": "示例事项范围 第2条",
                "text": "示例：重要工作计划中的敏感部署",
            },
            "urgency": "加急",
            "publicity": "不予公开",
            "copies": 8,
            "main_recipients": "各处室",
            "opinion": "建议定为秘密级，保密期限5年",
        },
    ),
    (
        "zhaoliu",
        {
            "form": "定密审核单",
            "title": "业务处内部工作简报",
            "doc_number": "示业〔2026〕3号",
            "department": "业务处",
            "category": "内部",
            "start_date": "2026-11-28",
            "scope": "业务处全体人员",
            "copies": 2,
            "opinion": "属工作秘密，标注内部",
        },
    ),
)


def add_sample_form(tx: Tx, content: dict[str, Any], status: str = "草稿", today: date | None = None) -> int:
    """Validates through the domain (as `dingmi form import` does) and stores revision 1; with `today`, the
    sample's 制发日 is the demo build day, so the demo never carries a stale start."""
    if today is not None and "start_date" in content:
        content = {**content, "start_date": today.isoformat()}
    form = form_from_json(content)
    start = form.start_date or local_date(utc_now())
    index = FormIndex(
        kind=form.form.value,
        title=form.title,
        category=form.category.value,
        status=status,
        department=form.department,
        doc_number=form.doc_number,
        marking=marking_text(form.category, form.period),
        declassify_on=declassify_on(form.period, start) if form.period is not None else None,
    )
    return tx.forms.create(form_to_json(form), index).id


def build_demo(
    data_dir: Path, *, kdf: KdfParams | None = None, clock: Callable[[], datetime] = utc_now
) -> Store:
    """Creates the demo store (refuses an existing one: StoreExists) and returns it open."""
    # The demo knows every password (the 三员 share DEMO_PASSWORD, none must change it).
    accounts = [
        NewAccount(username, display, DEMO_PASSWORD, grants, department, must_change=False)
        for username, display, department, grants in DEMO_USERS
    ]
    store = create_store(
        data_dir,
        unit_name=DEMO_UNIT,
        authority=DEMO_AUTHORITY,
        accounts=accounts,
        kdf=kdf,
        clock=clock,
        detail={"演示": True},
    )
    try:
        now = clock()
        with store.orm_transaction() as orm:
            system = AuditWriter(orm, "system", clock)
            (scope_code, scope_title), (list_code, list_title), items = SAMPLE_CATALOG
            tx = Tx(
                orm,
                load_user(orm, orm.scalars(select(t.User).where(t.User.username == "secadmin")).one()),
                clock,
            )
            list_id = tx.catalog.add_list(
                tx.catalog.add_scope(scope_code, scope_title, sample=True), list_code, list_title
            )
            version = tx.catalog.add_version(SAMPLE_CATALOG_FROM, "示例依据库", "secadmin", iso(now))
            for code, text, category, period in items:
                tx.catalog.add_item(
                    list_id, code, text, category, period, knowers=SAMPLE_KNOWERS, version=version
                )
            system.append("导入依据库", object_type="catalog", object_id=str(list_id), detail={"示例": True})
            calendar = demo_calendar_days()
            tx.settings.set(CALENDAR_SETTING, dump_calendar(calendar))
            system.append(
                "修改工作日历",
                object_type="calendar",
                object_id="2026",
                detail={"操作": "添加", "演示": True, "天数": len(calendar)},
            )
            signers: dict[str, AuditSigner | None] = {}
            for username, content in SAMPLE_FORMS:
                row = orm.scalars(select(t.User).where(t.User.username == username)).one()
                form_id = add_sample_form(Tx(orm, load_user(orm, row), clock), content, today=local_date(now))
                if username not in signers:  # the drafter's entries are signed as in a session
                    seed = store.slots.unwrap(username, DEMO_PASSWORD)[1]
                    signers[username] = audit_signer(orm, row, seed)
                AuditWriter(orm, username, clock, signers[username]).append(
                    "新建表单", object_type="form", object_id=str(form_id)
                )
    except BaseException:
        store.discard()
        raise
    return store
