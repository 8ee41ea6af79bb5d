"""PDF benchmarks: `pdf.sheet_s` (one one-page approval sheet to bytes, median) and
`pdf.batch_per_sheet_s` (a batch of sheets rendered one after another, divided by the batch size)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from dingmi_desktop.bench.runner import BenchContext, median_of
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.form_types import Basis, BasisKind, Form, FormKind, Publicity, Urgency
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.export.builder import SheetApproval, sheet_data_from_form
from dingmi_desktop.export.fonts import font_set
from dingmi_desktop.export.renderer import render_sheet
from dingmi_desktop.export.sheet_data import SheetData

FULL_BATCH = 1_000
QUICK_BATCH = 200


class _Decision:
    def __init__(self, action: str, role: str, actor: str, opinion: str) -> None:
        self.action, self.role, self.actor, self.opinion = action, role, actor, opinion
        self.time = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)
        self.signature_valid: bool | None = True


def _sheet(index: int) -> SheetData:
    kind = FormKind.DISPATCH if index % 2 else FormKind.REVIEW
    form = Form(
        form=kind,
        title=f"关于第{index}号项目技术方案的请示",
        category=Category.SECRET,
        period=Period.of_years(10),
        start_date=date(2026, 11, 28),
        scope="本单位领导班子成员及项目组",
        knowers=("张三", "李四"),
        basis=Basis(BasisKind.DEFINITE, "示例事项范围 第3条", "项目技术方案的核心参数"),
        doc_number=f"示〔2026〕{index}号",
        department="办公室",
        urgency=Urgency.URGENT,
        publicity=Publicity.NOT_PUBLIC,
        copies=5,
        opinion="建议定为机密级，保密期限10年",
        unit_name="示例单位",
        drafter_name="张三",
    )
    decisions = [
        _Decision("review_agree", "定密审核人", "李四", "同意"),
        _Decision("approve", "定密责任人", "王五", "同意定为机密级"),
    ]
    return sheet_data_from_form(form, decisions, approval=SheetApproval(str(index), [b"a" * 64, b"b" * 64]))


def run(ctx: BenchContext) -> None:
    fonts = font_set()
    sample = _sheet(1)
    render_sheet(sample, 1, fonts)  # warm-up: font parsing and registration happen once per process

    def one_sheet() -> float:
        start = time.perf_counter()
        render_sheet(sample, 1, fonts)
        return time.perf_counter() - start

    ctx.record("pdf.sheet_s", median_of(one_sheet, max(ctx.repetitions, 5) * 3))

    batch = QUICK_BATCH if ctx.quick else FULL_BATCH
    sheets = [_sheet(i + 1) for i in range(batch)]

    start = time.perf_counter()
    for number, data in enumerate(sheets, start=1):
        render_sheet(data, number, fonts)
    ctx.record("pdf.batch_per_sheet_s", (time.perf_counter() - start) / batch)
    ctx.sizes["pdf.batch_sheets"] = batch
    if ctx.quick:
        ctx.notes.append(
            f"pdf.batch_per_sheet_s：快速模式只渲染 {batch} 份（完整模式 {FULL_BATCH} 份）后取每份平均。"
        )
