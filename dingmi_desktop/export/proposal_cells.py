"""The proposal's cells on the sheet: the basis, the period under its own name, 保管期限, the marking."""

from __future__ import annotations

from datetime import date

from dingmi_desktop.domain.form_types import Form, Retention
from dingmi_desktop.domain.marking import format_date, marking_text, period_text
from dingmi_desktop.domain.periods import PeriodKind, declassify_on
from dingmi_desktop.export.sheet_data import SheetField

DASH = "—"
UNCHECKED = "（未经依据库核对）"  # a basis typed by hand, not found in the catalogue (Law 19)
# 保管期限 as the archives rules word it (国家档案局令第8号: 永久, 定期30年, 定期10年).
_RETENTION_TEXT = {
    Retention.PERMANENT: "永久",
    Retention.THIRTY_YEARS: "定期30年",
    Retention.TEN_YEARS: "定期10年",
}


def _date(day: date | None) -> str:
    return format_date(day) if day is not None else ""


def basis_text(form: Form, unchecked: bool = False) -> str:
    if form.basis is None:
        return ""
    pieces = [form.basis.reference, form.basis.text]
    return ("：".join(p for p in pieces if p) or form.basis.kind.value) + (UNCHECKED if unchecked else "")


def basis_reference(form: Form, unchecked: bool) -> str:
    """The review sheet's basis row: the item cited (its text has a row of its own)."""
    if form.basis is None:
        return ""
    return (form.basis.reference or form.basis.kind.value) + (UNCHECKED if unchecked else "")


def period_field(form: Form) -> SheetField:
    """The period under its own name (Law 20 ¶3): 保密期限 (N年 / N个月 / 长期), 解密时间 (a date) or
    解密条件 (a condition). A 解密日 computed from a duration is labelled as computed, with its start."""
    period = form.period
    if period is None:
        return SheetField("保密期限", DASH)
    if period.kind is PeriodKind.UNTIL:
        return SheetField("解密时间", period_text(period))
    if period.kind is PeriodKind.CONDITION:
        return SheetField("解密条件", period_text(period))
    text = period_text(period)
    end = declassify_on(period, form.start_date) if form.start_date is not None else None
    if end is not None and form.start_date is not None:
        text += f"（按制发日{_date(form.start_date)}起算，至{_date(end)}）"
    return SheetField("保密期限", text)


def retention_field(form: Form) -> SheetField:
    return SheetField("保管期限", _RETENTION_TEXT.get(form.retention, "") if form.retention else "")


def marking_field(form: Form, final: bool) -> SheetField:
    """On an approved sheet the marking itself; before approval, a preview, and the sheet says so."""
    marking = marking_text(form.category, form.period)
    name = "国家秘密标志" if form.category.is_state_secret else "标志"
    if final:
        return SheetField(name, marking or "（无标志）")
    return SheetField("标志预览", f"{marking}（预览，批准后生效）" if marking else "（无标志）")
