"""The save a clerk makes, as the product makes it: DraftingService.save_draft on a founded demo store (unit
root, certified keys, signed audit entries), with the rule check, the calendar and the catalogue it reads.

`store.draft_save_s` is the median of one changed draft saved and committed (synchronous = FULL), the figure
issue 11 budgets at 20 ms; store.form_save_s (store_bench) is the repository-level save with a signed
decision, on a store without a root."""

from __future__ import annotations

import dataclasses
import statistics
import time
from pathlib import Path
from typing import Any

from dingmi_desktop.bench.runner import BenchContext
from dingmi_desktop.domain.forms import Form, form_from_json
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.services.demo import DEMO_PASSWORD, build_demo
from dingmi_desktop.services.drafting import DraftingService

SAMPLE: dict[str, Any] = {
    "form": "定密审核单",
    "title": "关于项目技术方案的请示",
    "department": "办公室",
    "category": "秘密",
    "period": {"years": 5},
    "scope": "本单位领导班子成员及项目组",
    "knowers": ["张三", "李四"],
    "basis": {"kind": "确定性", "reference": "示例事项范围 第2条", "text": "示例：重要工作计划中的敏感部署"},
    "copies": 3,
    "opinion": "建议定为秘密级，保密期限5年",
}


def run(ctx: BenchContext) -> None:
    workdir = Path(ctx.workdir) / "draft-bench"
    store = build_demo(workdir / "store", kdf=KdfParams.FLOOR)  # the KDF is timed in unlock.kdf_s
    try:
        drafting = DraftingService(store.sign_in("zhangsan", DEMO_PASSWORD))
        form: Form = form_from_json(SAMPLE)
        made = drafting.create_draft(form)
        revision, content_hash = made.revision, made.content_hash

        def save(n: int) -> float:
            nonlocal revision, content_hash
            changed = dataclasses.replace(form, title=f"关于第{n}号项目技术方案的请示")
            start = time.perf_counter()
            result = drafting.save_draft(
                made.form_id, changed, expected_revision=revision, expected_hash=content_hash
            )
            elapsed = time.perf_counter() - start
            revision, content_hash = result.revision, result.content_hash
            return elapsed

        for n in range(5):  # warm caches and the statement cache
            save(n)
        saves = [save(n) for n in range(5, 25 if ctx.quick else 65)]
        ctx.record("store.draft_save_s", statistics.median(saves))
    finally:
        store.close()
