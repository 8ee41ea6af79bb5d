"""Early warnings: what the approval step would refuse or question, found while the draft is typed.

One pure function used at three moments (live while drafting, at submit, at review) so the clerk, the
reviewer and the officer see the same findings. They are warnings, not refusals: the workflow table stays
the only place that refuses (a form above the unit's authority is escalated, not approved).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dingmi_desktop.domain.authority import OfficerAppointment, UnitAuthority, officer_refusal
from dingmi_desktop.domain.basis_check import match_basis
from dingmi_desktop.domain.catalog_match import (
    CatalogEntry,
    find_entry,
    item_period,
    period_longer,
    period_text,
)
from dingmi_desktop.domain.derivation import derivation_refusal
from dingmi_desktop.domain.forms import BasisKind, Form

__all__ = [
    "CatalogEntry",
    "EarlyWarning",
    "find_entry",
    "item_period",
    "period_longer",
    "period_text",
    "preflight",
]

UNIT_AUTHORITY = "unit_authority"
CATALOG_LEVEL = "catalog_level"
CATALOG_PERIOD = "catalog_period"
CATALOG_UNVERIFIED = "catalog_unverified"
DERIVATION = "derivation"
NO_OFFICER = "no_officer"

SUPERIOR_ROUTE = "先按拟定密级采取保密措施，报上级机关确定"


@dataclass(frozen=True)
class EarlyWarning:
    """One finding: `kind` (a constant above), the form field it concerns, and the Chinese text."""

    kind: str
    field: str
    message: str


def _catalog_warnings(form: Form, entries: list[CatalogEntry]) -> list[EarlyWarning]:
    match = match_basis(form.basis, entries)
    found: list[EarlyWarning] = []
    for item in match.cited:
        entry, cited = item.entry, item.reference
        if entry.category is not None and entry.category is not form.category and len(match.cited) == 1:
            found.append(
                EarlyWarning(
                    CATALOG_LEVEL,
                    "category",
                    f"拟定密级{form.category.value}与所引依据条目“{cited}”规定的{entry.category.value}级"
                    "不一致：请核对密级或依据条目（审核、审批时将以依据条目为准）",
                )
            )
        limit = item_period(entry.period_text)
        if (
            form.period is not None
            and limit is not None
            and period_longer(form.period, limit, form.start_date)
        ):
            found.append(
                EarlyWarning(
                    CATALOG_PERIOD,
                    "period",
                    f"保密期限{period_text(form.period)}长于所引依据条目“{cited}”规定的"
                    f"{entry.period_text.strip()}：请按依据条目确定保密期限",
                )
            )
    if len(match.cited) > 1:
        levels = [i.entry.category for i in match.cited if i.entry.category is not None]
        top = max(levels, key=lambda c: c.rank) if levels else None
        if top is not None and top is not form.category:
            found.append(
                EarlyWarning(
                    CATALOG_LEVEL,
                    "category",
                    f"拟定密级{form.category.value}与所引依据条目规定的最高密级{top.value}级不一致："
                    "请核对密级或依据条目（审核、审批时将以依据条目为准）",
                )
            )
    if match.unverified:
        found.append(
            EarlyWarning(
                CATALOG_UNVERIFIED,
                "basis.reference",
                f"定密依据“{'；'.join(match.unmatched)}”未在依据库中找到：可以提交，但将标注“未经依据库核对”",
            )
        )
    return found


def _derivation_warnings(form: Form) -> list[EarlyWarning]:
    if not form.is_derived:
        return []
    reason = derivation_refusal(form.basis, form.category, form.period, form.period_start)
    return [EarlyWarning(DERIVATION, "basis.source", reason)] if reason else []


def preflight(
    form: Form,
    unit: UnitAuthority,
    officers: list[OfficerAppointment],
    catalog: list[CatalogEntry],
    today: date,
) -> list[EarlyWarning]:
    """What the approval of `form` would refuse or question today, in the order a clerk would fix it."""
    found: list[EarlyWarning] = []
    level = form.category
    kind = form.basis.kind if form.basis else None
    derived = kind is BasisKind.DERIVED  # a derivation that breaks its source gets its own warning
    routed = kind in (BasisKind.ABOVE_AUTHORITY, BasisKind.UNCLEAR, BasisKind.DISPUTED)
    above = level.is_state_secret and not derived and not unit.covers(level)
    if above and kind is not BasisKind.ABOVE_AUTHORITY:
        highest = f"最高{unit.highest_level.value}级" if unit.highest_level else "无原始定密权"
        found.append(
            EarlyWarning(
                UNIT_AUTHORITY,
                "category",
                f"拟定密级{level.value}超出本单位定密权限（{highest}），本单位不能批准："
                f"应{SUPERIOR_ROUTE}（上报；定密类型选“超出权限”，保密法第十七条）",
            )
        )
    found += _derivation_warnings(form)
    found += _catalog_warnings(form, entries=catalog)
    approvable = level.is_state_secret and not above and not routed
    if approvable and all(officer_refusal(o, level, today, derived=derived) for o in officers):
        found.append(
            EarlyWarning(
                NO_OFFICER,
                "category",
                f"本单位目前没有能批准{level.value}级事项的定密责任人（须在任、经培训且定密权限"
                "覆盖此密级）：提交后无人能审批，请联系安全保密管理员核对定密责任人任命",
            )
        )
    return found
