"""The officer's remit as the verifier checks it: against the grant the unit root certified (Reg 15)."""

from __future__ import annotations

from typing import Any


def _blankless(text: str) -> str:
    return "".join(text.split())


def outside_remit(grant: dict[str, Any], content: dict[str, Any]) -> str | None:
    """A 指定 officer's approval must lie within the remit the root certified (Reg 15; the same match as
    domain.remit.within_remit: the 产生部门 equals an entry, or an entry of 2+ characters is in the title)."""
    remit = tuple(grant.get("remit") or ())
    if grant.get("officer_kind") != "指定" or not remit:
        return None
    department = _blankless(str(content.get("department") or ""))
    title = _blankless(str(content.get("title") or ""))
    for entry in map(_blankless, remit):
        if entry and (entry == department or (len(entry) >= 2 and entry in title)):
            return None
    shown = content.get("department") or "未填写"
    return f"签名人经认证的职责范围（{'、'.join(remit)}）不包括产生部门“{shown}”（条例第十五条）"
