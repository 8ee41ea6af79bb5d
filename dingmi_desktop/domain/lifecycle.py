"""A decision's life after approval (docs/rules.md §6): 变更, 提前解密 (also by publication), 延长.

Each is a decision form of its own (a lifecycle form) that goes through draft → review → approval; when it
is decided, the matching workflow action (CHANGE / DECLASSIFY / EXTEND, from 已定密) is checked against the
*item* with the proposed terms as its corrections and then applied to the item's current terms. The
guards of those three table entries live here; `open_refusal` says whether a draft may be opened at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from dingmi_desktop.domain.authority import needs_superior, officer_refusal
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import BasisKind
from dingmi_desktop.domain.marking import marking_text
from dingmi_desktop.domain.periods import Period, declassify_on, is_expired, validate_period
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.domain.workflow_types import Action, Status, WorkflowContext

OFFICERS = frozenset({Role.OFFICER, Role.SIGNER})


class LifecycleKind(Enum):
    CHANGE = "变更"
    DECLASSIFY = "解密"
    EXTEND = "延长"
    PUBLICATION = "公开解密"  # 公开 视为解密: recorded as its own kind

    @property
    def action(self) -> Action:
        return {
            LifecycleKind.CHANGE: Action.CHANGE,
            LifecycleKind.DECLASSIFY: Action.DECLASSIFY,
            LifecycleKind.EXTEND: Action.EXTEND,
            LifecycleKind.PUBLICATION: Action.DECLASSIFY,
        }[self]

    @property
    def title(self) -> str:
        """The decision form's name, printed as its heading."""
        return {
            LifecycleKind.CHANGE: "国家秘密变更决定单",
            LifecycleKind.DECLASSIFY: "国家秘密提前解密决定单",
            LifecycleKind.EXTEND: "国家秘密延长保密期限决定单",
            LifecycleKind.PUBLICATION: "国家秘密公开解密登记单",
        }[self]

    @property
    def basis(self) -> str:
        """The legal basis cited by default (docs/rules.md §6)."""
        return {
            LifecycleKind.CHANGE: "《保守国家秘密法》第二十条、第二十一条；《实施条例》第二十二条",
            LifecycleKind.DECLASSIFY: "《保守国家秘密法》第二十三条、第二十四条；《实施条例》第二十三条",
            LifecycleKind.EXTEND: "《保守国家秘密法》第二十四条；《实施条例》第二十四条",
            LifecycleKind.PUBLICATION: "《保守国家秘密法》第二十三条（公开视为解密）；《实施条例》第二十三条",
        }[self]

    @classmethod
    def parse(cls, text: str) -> LifecycleKind:
        aliases = {"提前解密": cls.DECLASSIFY, "延长保密期限": cls.EXTEND, "公开": cls.PUBLICATION}
        if text in aliases:
            return aliases[text]
        try:
            return cls(text)
        except ValueError:
            raise ValueError(f"未知的决定种类“{text}”（可选：变更、解密、延长、公开解密）") from None


@dataclass(frozen=True)
class Terms:
    """The current terms of an item: what the marking and the register show."""

    category: Category
    period: Period | None
    scope: str
    start_date: date | None

    @property
    def marking(self) -> str:
        return marking_text(self.category, self.period)

    @property
    def declassify_on(self) -> date | None:
        if self.period is None or self.start_date is None:
            return None
        return declassify_on(self.period, self.start_date)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"category": self.category.value, "scope": self.scope}
        if self.period is not None:
            out["period"] = self.period.to_json()
        if self.start_date is not None:
            out["start_date"] = self.start_date.isoformat()
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Terms:
        period = Period.from_json(obj["period"]) if obj.get("period") is not None else None
        start = obj.get("start_date")
        return cls(
            Category(obj["category"]),
            period,
            str(obj.get("scope", "")),
            date.fromisoformat(start) if start else None,
        )


# --- guards of the CHANGE / DECLASSIFY / EXTEND table entries ------------------------------------------


def decided_by_officer(ctx: WorkflowContext) -> str | None:
    if ctx.records_superior or ctx.actor.roles & OFFICERS:
        return None
    return "变更、解密或延长保密期限须由定密责任人批准；保密员只能登记上级机关的决定（保密法第二十条）"


def unit_decided(ctx: WorkflowContext) -> str | None:
    if ctx.records_superior:
        return None
    if needs_superior(ctx.category, ctx.basis_kind, ctx.unit):
        return (
            "该事项由上级机关确定（超出本单位定密权限），其变更、解密或延长须由上级机关决定；"
            "请将决定单上报，并登记上级机关的决定（保密法第二十条、第二十四条）"
        )
    return None


def item_officer_authority(ctx: WorkflowContext) -> str | None:
    """The officer must cover both the item's current level and the level it is changed to."""
    if ctx.records_superior:
        return None
    level = max(ctx.category, ctx.effective_category, key=lambda c: c.rank)
    return officer_refusal(
        ctx.actor.appointment, level, ctx.today, derived=ctx.basis_kind is BasisKind.DERIVED
    )


def extendable(ctx: WorkflowContext) -> str | None:
    start = ctx.period_start
    if ctx.period is None or not ctx.period.is_fixed or start is None:
        return "只有以期限或解密时间表示保密期限的事项才能延长（解密条件、长期事项不适用）"
    if is_expired(ctx.period, start, ctx.today):
        end = declassify_on(ctx.period, start)
        return (
            f"保密期限已于{end}届满，事项已自行解密，不能再延长（延长须在期限届满前决定，保密法第二十四条）"
        )
    return None


def _new_period_problem(ctx: WorkflowContext) -> str | None:
    problems = validate_period(
        ctx.effective_category,
        ctx.effective_period,
        ctx.period_start,
        long_term_allowed=ctx.long_term_allowed,
        special_rule=ctx.special_rule,
    )
    if problems:
        return "新的保密期限有误（自原制发日起算）：" + problems[0].message
    return None


def change_valid(ctx: WorkflowContext) -> str | None:
    c = ctx.corrections
    if c is None or c.is_empty:
        return "变更须至少改变密级、保密期限或知悉范围之一"
    same_level = c.category is None or c.category is ctx.category
    same_period = c.period is None or c.period == ctx.period
    if same_level and same_period and c.scope is None:  # the service passes an unchanged scope as None
        return "变更后的密级、保密期限和知悉范围与现行的相同，无需变更"
    if not ctx.effective_category.is_state_secret:
        return "变更为内部或非密即为解密，请改用“解密”"
    if c.scope is not None and not c.scope.strip():
        return "变更后的知悉范围不得为空（保密法第十九条）"
    return _new_period_problem(ctx)


def extension_valid(ctx: WorkflowContext) -> str | None:
    c = ctx.corrections
    start = ctx.period_start
    if c is None or c.period is None or start is None:
        return "延长须填写新的保密期限"
    if c.category not in (None, ctx.category) or c.scope is not None:
        return "延长只改变保密期限；密级或知悉范围的改变请用“变更”"
    old_end = declassify_on(ctx.period, start) if ctx.period is not None else None
    new_end = declassify_on(c.period, start)
    if new_end is None or old_end is None or new_end <= old_end:
        return f"延长后的解密日须晚于现行的解密日（{old_end}）"
    return _new_period_problem(ctx)


def open_refusal(kind: LifecycleKind, status: Status, terms: Terms, today: date) -> str | None:
    """Why no lifecycle draft of `kind` may be opened for an item in `status` with `terms`, or None."""
    if status is Status.DECLASSIFIED:
        return "该事项已解密，不能再变更、解密或延长"
    if status is not Status.DECIDED:
        return f"只有已定密的事项才能{kind.value}（当前状态：{status.value}）"
    if not terms.category.is_state_secret:
        return f"{terms.category.value}事项不属于国家秘密，无需{kind.value}"
    if kind is LifecycleKind.EXTEND:
        if terms.period is None or not terms.period.is_fixed or terms.start_date is None:
            return "只有以期限或解密时间表示保密期限的事项才能延长（解密条件、长期事项不适用）"
        if is_expired(terms.period, terms.start_date, today):
            return (
                f"保密期限已于{terms.declassify_on}届满，事项已自行解密，不能再延长"
                "（延长须在期限届满前决定，保密法第二十四条）"
            )
    return None
