"""The officer's remit (Reg 15; DOMAIN.md §5): a 指定 定密责任人 acts only within the departments or
matters of the appointment. A 法定 officer (the unit's head) covers the whole unit; so does an appointment
that names no remit (appointments recorded before remits were kept)."""

from __future__ import annotations

import re

from dingmi_desktop.domain.authority import OfficerAppointment, OfficerKind

ARTICLE = "条例第十五条"
_BLANKS = re.compile(r"\s+")


def _key(text: str) -> str:
    return _BLANKS.sub("", text)


def parse_remit(text: str) -> tuple[str, ...]:
    """A remit typed as one line ("办公室、科技处；某项目") into its entries, blanks and repeats dropped."""
    parts = (p.strip() for p in re.split(r"[；;，,、\n]+", text))
    return tuple(dict.fromkeys(p for p in parts if p))


def within_remit(appointment: OfficerAppointment, department: str, title: str = "") -> bool:
    """The form's 产生部门 equals a remit entry, or a remit matter is named in its title."""
    if appointment.kind is OfficerKind.STATUTORY or not appointment.remit:
        return True
    dept, name = _key(department), _key(title)
    for entry in appointment.remit:
        key = _key(entry)
        if key and (key == dept or (len(key) >= 2 and key in name)):
            return True
    return False


def remit_refusal(appointment: OfficerAppointment | None, department: str, title: str = "") -> str | None:
    if appointment is None or within_remit(appointment, department, title):
        return None
    where = f"产生部门“{department}”" if department.strip() else "未填写产生部门"
    return (
        f"本表单{where}，不在定密责任人{appointment.name}的职责范围（{'、'.join(appointment.remit)}）内，"
        f"不能批准（{ARTICLE}）：请由职责范围涵盖该部门或事项的定密责任人审批"
    )
