"""Demo forms in every state of the workflow table, made through the real services (signed, audited).

Called by `dingmi demo` after the unit, users and catalog exist: `fill_demo_forms(store)`.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import form_from_json
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.domain.workflow import Outcome
from dingmi_desktop.services.forms import FormServices
from dingmi_desktop.storage import Signer, Store

DEMO_PASSWORD = "Dingmi@2026"

_BASE: dict[str, Any] = {
    "form": "定密审核单",
    "doc_number": "",
    "department": "办公室",
    "scope": "本单位领导班子成员",
    "knowers": ["张三", "王五"],
    "basis": {
        "kind": "确定性",
        "reference": "示例事项范围 第1条",
        "text": "示例：尚未公布的重大项目技术方案",
    },
    "copies": 3,
    "opinion": "",
}


# Each level cites the 依据库 item of that level, so the basis decides the level (Law 19).
_BASIS_BY_LEVEL = {
    "秘密": {"kind": "确定性", "reference": "示例事项范围 第2条", "text": "示例：重要工作计划中的敏感部署"},
}
_TODAY: list[date] = []  # the demo build day (the store's clock), set by fill_demo_forms


def _form(title: str, category: str, period: dict[str, Any] | None, **extra: Any) -> Any:
    obj = copy.deepcopy(_BASE)
    if category in _BASIS_BY_LEVEL:
        obj["basis"] = copy.deepcopy(_BASIS_BY_LEVEL[category])
    if _TODAY:
        obj["start_date"] = _TODAY[0].isoformat()  # the period's start (Reg 19 ¶2), never stale
    obj.update(title=title, category=category, **extra)
    if period is not None:
        obj["period"] = period
    if category in ("内部", "非密"):
        obj["knowers"] = []
        obj.pop("basis", None)
        if category == "非密":
            obj["scope"] = ""
    return form_from_json(obj)


def _dispatch(title: str, category: str, period: dict[str, Any] | None, number: str, **extra: Any) -> Any:
    extra.setdefault("publicity", "不予公开" if category != "非密" else "主动公开")
    return _form(
        title, category, period, form="送审签发单", doc_number=number, main_recipients="各处室", **extra
    )


def _demo_services(store: Store, name: str, password: str) -> FormServices:
    """The user's services, re-authenticating once for the whole demo build instead of once per decision
    (dozens of calibrated KDF runs otherwise). Only this trusted builder does so; the public services
    always re-authenticate within the call."""
    services = FormServices(store.sign_in(name, password))
    cache: list[Signer] = []

    def signer(given: str | None) -> Signer | None:
        if given is None:
            return None
        if not cache:
            cache.append(services.session.reauthenticate(given))
        return cache[0]

    for service in (services.drafting, services.review, services.escalation):
        service.signer = signer  # type: ignore[method-assign,assignment]
    return services


def fill_demo_forms(store: Store, password: str = DEMO_PASSWORD) -> dict[str, list[int]]:
    """Forms in every workflow state; returns status value → form ids."""
    users: dict[str, FormServices] = {}

    def as_user(name: str) -> FormServices:
        if name not in users:
            users[name] = _demo_services(store, name, password)
        return users[name]

    made: dict[str, list[int]] = {}
    today = as_user("zhangsan").session.today()
    _TODAY[:] = [today]

    def new(drafter: str, form: Any, *, submit: bool = True, review: bool | None = None) -> int:
        svc = as_user(drafter)
        form_id = svc.drafting.create_draft(form).form_id
        if submit:
            svc.drafting.submit(form_id, password=password)
        if review is not None:
            opinion = "同意拟定意见" if review else "定密依据不准确，请核对事项范围条目"
            as_user("lisi").review.review(form_id, agree=review, opinion=opinion, password=password)
        return form_id

    def record(result: Any) -> None:
        made.setdefault(result.status_after.value, []).append(result.form_id)

    def wangwu() -> FormServices:  # short alias for the officer's services
        return as_user("wangwu")

    def approve(form_id: int, corrections: Corrections | None = None, opinion: str = "同意") -> None:
        seen = wangwu().history.view(form_id).summary.content_hash
        record(
            wangwu().review.approve(
                form_id, password=password, content_hash=seen, corrections=corrections, opinion=opinion
            )
        )

    # 草稿 and 待审核
    draft = new(
        "zhaoliu",
        _form("业务处季度工作计划（草稿）", "秘密", {"years": 5}, department="业务处"),
        submit=False,
    )
    made.setdefault("草稿", []).append(draft)
    waiting = new("zhangsan", _form("关于某设备采购需求的请示", "秘密", {"years": 3}))
    made.setdefault("待审核", []).append(waiting)
    # 待审批 (reviewed)
    reviewed = new(
        "zhangsan",
        _dispatch("关于召开项目推进会的通知", "机密", {"years": 10}, "示〔2026〕21号"),
        review=True,
    )
    made.setdefault("待审批", []).append(reviewed)
    # 已定密: both forms, several categories, one with a correction
    approve(new("zhangsan", _form("某项目技术方案评审意见", "机密", {"years": 10}), review=True))
    approve(
        new(
            "zhaoliu",
            _dispatch("关于年度考核工作安排的通知", "秘密", {"months": 6}, "示业〔2026〕7号"),
            review=True,
        ),
        Corrections(period=Period.of_years(1)),
        "同意，保密期限更正为1年",
    )
    approve(new("zhangsan", _form("办公室内部工作简报", "内部", None), review=True))
    approve(new("zhangsan", _derived(today), review=True))
    approve(
        new("zhaoliu", _dispatch("关于开展安全生产检查的通知", "非密", None, "示业〔2026〕9号"), review=True)
    )
    # 已退回: by the officer, and by the reviewer's disagreement
    returned = new("zhangsan", _form("关于某合作协议的请示", "秘密", {"years": 5}), review=True)
    record(wangwu().review.return_form(returned, reason="知悉范围过宽，请收窄至项目组", password=password))
    made.setdefault("已退回", []).append(
        new("zhaoliu", _form("业务数据汇总表", "秘密", {"years": 2}), review=False)
    )
    # 不明事项待定
    unclear = _form(
        "新型材料试验数据",
        "秘密",
        {"years": 5},
        basis={"kind": "不明确事项", "reference": "", "text": "现有事项范围未列明"},
    )
    record(
        wangwu().escalation.escalate(
            new("zhangsan", unclear, review=True),
            to="本单位保密工作领导小组",
            reason="现有保密事项范围未列明，报请确定",
            password=password,
        )
    )
    # 争议待定
    disputed = _form(
        "联合课题阶段成果",
        "机密",
        {"years": 10},
        basis={"kind": "有争议事项", "reference": "", "text": "合作单位主张秘密"},
    )
    record(
        wangwu().escalation.record_dispute(
            new("zhaoliu", disputed, review=True),
            claimed_levels=[Category.SECRET, Category.CONFIDENTIAL],
            parties="本单位、合作单位",
            reason="双方对密级意见不一，按最高主张密级保护",
            password=password,
        )
    )
    # 待上级确定: a 绝密 proposal in the 机密-authority demo unit
    above = _form(
        "某重大工程总体方案",
        "绝密",
        {"years": 20},
        knowers=["张三", "王五"],
        basis={
            "kind": "超出权限",
            "reference": "",
            "text": "依据库中无相应条目；拟定绝密级，超出本单位定密权限",
        },
    )
    record(
        wangwu().escalation.escalate(
            new("zhangsan", above, review=True),
            to="上级机关",
            reason="超出本单位定密权限，报上级机关确定",
            password=password,
        )
    )
    # a reply already recorded: an escalated 不明事项 decided by the committee
    decided_unclear = _form(
        "试验场地布置图",
        "秘密",
        {"years": 5},
        basis={"kind": "不明确事项", "reference": "", "text": "报请确定"},
    )
    form_id = new("zhangsan", decided_unclear, review=True)
    wangwu().escalation.escalate(form_id, to="本单位保密工作领导小组", reason="报请确定", password=password)
    record(
        wangwu().escalation.record_reply(
            form_id,
            outcome=Outcome.DECIDED,
            reply="领导小组确定为秘密级，期限3年",
            password=password,
            corrections=Corrections(period=Period.of_years(3)),
        )
    )
    for svc in users.values():
        svc.session.close()
    _TODAY.clear()
    return made


def _derived(today: date) -> Any:
    """A 派生 item that follows its source (派生国家秘密定密管理暂行办法 Art 8): same level, ends earlier."""
    source_start = today - timedelta(days=365)
    source = {
        "doc_number": "上示〔" + str(source_start.year) + "〕5号",
        "title": "关于某重点项目保密管理的通知",
        "authority": "示例上级主管机关",
        "category": "秘密",
        "period": {"years": 5},
        "start_date": source_start.isoformat(),
        "scope": "本单位领导班子成员及项目组",
        "case": 1,
    }
    basis: dict[str, Any] = {"kind": "派生", "reference": "", "text": "转发上级来文", "source": source}
    basis["scope_within_source"] = True
    return _dispatch(
        "转发上级关于某重点项目保密管理的通知", "秘密", {"years": 2}, "示〔2026〕30号", basis=basis
    )
