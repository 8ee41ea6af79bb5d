"""Seeded, varied content of generated register items: levels, periods of each form, departments, years,
原始/派生, Chinese titles, bases and opinions (text for the trigram index to chew on).

Pure functions of a `random.Random`: the same seed gives the same store, so figures compare across runs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.marking import marking_text
from dingmi_desktop.domain.periods import Period, declassify_on

DEPARTMENTS = ("办公室", "业务处", "财务处", "科技处", "人事处", "规划处", "法规处", "信息中心")
_ABBR = {"办公室": "办", "业务处": "业", "财务处": "财", "科技处": "科", "人事处": "人", "规划处": "规"}
_SUBJECTS = (
    "重点项目", "年度经费", "装备采购", "科研课题", "人员调整", "应急预案", "基础设施", "数据中心",
    "专项资金", "合作协议", "技术攻关", "信息系统", "安全检查", "发展规划", "招标评审", "试验任务",
)  # fmt: skip
_TOPICS = (
    "技术方案", "实施计划", "预算安排", "评估报告", "部署意见", "调研材料", "工作总结", "会议纪要",
    "进度通报", "风险分析", "保障措施", "验收意见",
)  # fmt: skip
_SUFFIXES = ("请示", "报告", "通知", "函", "意见", "方案")
_BASES = (
    "尚未公布的重大项目技术方案",
    "重要工作计划中的敏感部署",
    "专项经费的具体分配情况",
    "关键设施的位置与防护措施",
    "未公开的谈判立场和底线",
    "重要科研成果的关键参数",
)
_SOURCES = ("上级机关来文", "业务主管部门通知", "合作单位密件", "上级会议纪要")
_CONDITIONS = ("项目正式公布后", "谈判结束后", "工程竣工验收后", "相关设施退役后")
_SCOPES = ("本单位领导班子成员", "项目组全体人员", "财务处全体", "办公室及业务处负责人", "信息中心值班人员")
_KNOWERS = ("张三", "李四", "王五", "赵六", "钱七", "孙八")
# (level, weight, longest period in years): 绝密 is rare, 秘密 the bulk, as in a real office
_LEVELS = ((Category.TOP_SECRET, 5, 30), (Category.SECRET, 35, 20), (Category.CONFIDENTIAL, 60, 10))
_LEVEL_WEIGHTS = tuple(w for _, w, _ in _LEVELS)
_CUMULATIVE = tuple(sum(_LEVEL_WEIGHTS[: i + 1]) / sum(_LEVEL_WEIGHTS) for i in range(len(_LEVELS)))


def _fixed_periods(category: Category, longest: int) -> tuple[list[Period], list[Period]]:
    """(durations, conditions and 长期) of a level: made once, their markings computed once."""
    durations = [Period.of_years(n) for n in range(1, longest + 1)]
    durations += [Period.of_months(n) for n in (6, 12, 18)]
    others = [Period.on_condition(text) for text in _CONDITIONS]
    if category is Category.TOP_SECRET:
        others.append(Period.long_term())
    return durations, others


# per level: (category, longest, durations, others, {period: (json, marking)})
_TABLES = []
for _category, _, _longest in _LEVELS:
    _durations, _others = _fixed_periods(_category, _longest)
    _marks = {p: (p.to_json(), marking_text(_category, p)) for p in _durations + _others}
    _TABLES.append((_category, _longest, _durations, _others, _marks))


@dataclass(frozen=True)
class ItemContent:
    content: dict[str, Any]  # the form's interchange JSON (what a drafter saves)
    kind: str
    title: str
    category: str
    department: str
    doc_number: str
    marking: str
    declassify_on: str | None
    decided_at: datetime
    officer_opinion: str


def item_content(rng: random.Random, serial: int, decided_at: datetime, bench_note: str) -> ItemContent:
    """The `serial`-th generated item, decided at `decided_at` (its year decides the 文号 and start date)."""
    roll = rng.random()
    category, longest, durations, others, marks = next(
        table for table, upto in zip(_TABLES, _CUMULATIVE, strict=True) if roll <= upto
    )
    start = decided_at.date()
    roll = rng.random()
    period: Period
    if roll < 0.78:  # 保密期限: years, now and then months
        period = (
            durations[rng.randrange(longest)]
            if roll < 0.70
            else durations[rng.randrange(longest, len(durations))]
        )
    elif roll < 0.88:  # 解密时间
        period = Period.until_date(start + timedelta(days=rng.randint(200, 365 * min(longest, 10))))
    else:  # 解密条件, for 绝密 sometimes 长期
        period = rng.choice(others)
    period_json, marking = (
        marks[period] if period in marks else (period.to_json(), marking_text(category, period))
    )
    department = rng.choice(DEPARTMENTS)
    dispatch = rng.random() < 0.25
    kind = "送审签发单" if dispatch else "定密审核单"
    title = f"关于{rng.choice(_SUBJECTS)}{rng.choice(_TOPICS)}的{rng.choice(_SUFFIXES)}（第{serial}号）"
    doc_number = f"{_ABBR.get(department, '示')}〔{start.year}〕{serial}号"
    if rng.random() < 0.2:
        basis = {"kind": "派生", "reference": rng.choice(_SOURCES), "text": f"派生自：{rng.choice(_BASES)}"}
    else:
        basis = {
            "kind": "确定性",
            "reference": f"示例事项范围 第{rng.randint(1, 12)}条",
            "text": rng.choice(_BASES),
        }
    content: dict[str, Any] = {
        "form": kind,
        "title": title,
        "doc_number": doc_number,
        "department": department,
        "category": category.value,
        "period": period_json,
        "start_date": start.isoformat(),
        "scope": rng.choice(_SCOPES),
        "knowers": rng.sample(_KNOWERS, 2),
        "basis": basis,
        "copies": rng.randint(1, 20),
        "opinion": f"建议定为{category.value}级，标志为{marking}",
    }
    if dispatch:
        content |= {"publicity": "不予公开", "main_recipients": "各处室"}
    end = declassify_on(period, start)
    return ItemContent(
        content=content,
        kind=kind,
        title=title,
        category=category.value,
        department=department,
        doc_number=doc_number,
        marking=marking,
        declassify_on=end.isoformat() if end else None,
        decided_at=decided_at,
        officer_opinion=f"同意。{bench_note}",
    )
