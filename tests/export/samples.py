"""Sample forms and decisions for the export tests (built through the domain's interchange JSON)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from dingmi_desktop.domain.form_types import Form
from dingmi_desktop.domain.forms import form_from_json
from dingmi_desktop.export.builder import SheetApproval, sheet_data_from_form
from dingmi_desktop.export.sheet_data import SheetData
from tests.domain.builders import INTERFACES_EXAMPLE

RARE = "𠮷〇〔〕·"


@dataclass(frozen=True)
class Decision:
    action: str
    role: str
    actor: str
    opinion: str
    time: datetime
    signature_valid: bool | None
    corrections: dict[str, Any] | None = None


def review_json(**overrides: Any) -> dict[str, Any]:
    obj: dict[str, Any] = copy.deepcopy(INTERFACES_EXAMPLE) | {
        "basis": {"kind": "确定性", "reference": "示例事项范围 第3条", "text": "项目技术方案的核心参数"},
        "unit_name": "示例单位",
        "drafter_name": "张三",
        "drafted_on": "2026-11-27",
        "carrier": "纸质",
    }
    obj.update(overrides)
    return obj


def dispatch_json(**overrides: Any) -> dict[str, Any]:
    obj = review_json(
        form="送审签发单",
        doc_type="请示",
        main_recipients="示例上级机关",
        cc="本单位办公室、保密办",
        attachments="1. 项目技术方案",
        drafter_phone="1234",
        proofreader="王五",
        sealed_on="2026-11-30",
        carrier=None,
    )
    obj.pop("carrier")
    obj.update(overrides)
    return obj


def decisions() -> list[Decision]:
    at = datetime(2026, 11, 28, 2, 30, tzinfo=UTC)
    return [
        Decision("submit", "承办人", "张三", "", at, True),
        Decision("review_agree", "定密审核人", "李四", "同意承办人意见", at, True),
        Decision("approve", "定密责任人", "王五", "同意定为机密级", at, True),
        Decision("approve", "签发人", "王五", "", at, False),
    ]


def form(kind: str = "定密审核单", **overrides: Any) -> Form:
    obj = review_json(**overrides) if kind == "定密审核单" else dispatch_json(**overrides)
    return form_from_json(obj)


def sheet(
    kind: str = "定密审核单", *, approved: bool = True, watermark: str = "", **overrides: Any
) -> SheetData:
    approval = SheetApproval(form_id="42", signatures=[b"sig-review", b"sig-approve"]) if approved else None
    return sheet_data_from_form(form(kind, **overrides), decisions(), approval=approval, watermark=watermark)
