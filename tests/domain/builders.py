"""Shared builders for the domain tests."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import Basis, BasisKind, Form, FormKind, Publicity, Urgency
from dingmi_desktop.domain.periods import Period


def interfaces_example() -> dict[str, Any]:
    """The first JSON example of docs/interfaces.md, exactly as the document shows it."""
    doc = Path(__file__).resolve().parents[2] / "docs" / "interfaces.md"
    return dict(json.loads(doc.read_text("utf-8").split("```json", 1)[1].split("```", 1)[0]))


INTERFACES_EXAMPLE: dict[str, Any] = {
    "form": "定密审核单",
    "title": "关于某项目技术方案的请示",
    "doc_number": "示〔2026〕12号",
    "department": "办公室",
    "category": "机密",
    "period": {"years": 10},
    "start_date": "2026-11-28",
    "scope": "本单位领导班子成员及项目组",
    "knowers": ["张三", "李四"],
    "basis": {"kind": "确定性", "reference": "示例事项范围 第3条", "text": "……"},
    "urgency": "加急",
    "publicity": "不予公开",
    "copies": 5,
    "main_recipients": "",
    "cc": "",
    "opinion": "建议定为机密级，保密期限10年",
}


def valid_form(**changes: Any) -> Form:
    form = Form(
        form=FormKind.REVIEW,
        title="关于某项目技术方案的请示",
        category=Category.SECRET,
        period=Period.of_years(10),
        start_date=date(2026, 11, 28),
        scope="本单位领导班子成员及项目组",
        knowers=("张三", "李四"),
        basis=Basis(BasisKind.DEFINITE, "示例事项范围 第3条", "……"),
        doc_number="示〔2026〕12号",
        department="办公室",
        urgency=Urgency.URGENT,
        publicity=Publicity.NOT_PUBLIC,
        copies=5,
        opinion="建议定为机密级，保密期限10年",
    )
    return dataclasses.replace(form, **changes)
