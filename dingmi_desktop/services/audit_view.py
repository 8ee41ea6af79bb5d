"""The audit trail as the 安全审计员 reads it: human wording, a filter (text, result, local date range) and
the CSV of exactly the rows the filter keeps.

The stored entries keep their machine names (object types, setting keys, policy fields, refusal classes);
`LABELS` is the one table that turns them into Chinese for the page and its CSV export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Any

from dingmi_desktop.clock import local_date, local_text
from dingmi_desktop.storage.audit import CERTIFICATE_KEY
from dingmi_desktop.storage.records import AuditRecord
from dingmi_desktop.storage.settings_decl import DECLARED

LABELS: dict[str, str] = {
    # object types
    "form": "表单",
    "user": "账户",
    "catalog": "依据库",
    "calendar": "工作日历",
    "policy": "安全策略",
    "setting": "设置",
    "store": "数据存储",
    "file": "文件",
    "filing": "备案",
    # setting keys (the object of 修改设置): their declared names
    **{decl.key: decl.name for decl in DECLARED},
    # detail keys: the password and lockout policy (修改安全策略)
    "min_length": "密码最小长度",
    "require_classes": "须含字符类别数",
    "max_age_days": "密码最长使用天数",
    "lock_after_failures": "连续失败锁定次数",
    "lock_minutes": "锁定分钟数",
    "idle_lock_minutes": "空闲锁定分钟数",
    # detail values: refusal reasons recorded by class, switches
    "PermissionDenied": "无此权限",
    "TransitionRefused": "当前状态不允许此操作",
    "AuthorityRefused": "超出定密权限",
    "ValidationError": "内容不符合要求",
    "InvalidInput": "输入无效",
    "on": "开启",
    "off": "关闭",
    # actors
    "system": "系统",
}

RESULTS = ("成功", "失败", "拒绝", "发现问题")
CSV_HEADER = ("序号", "时间", "用户", "操作", "对象", "结果", "详情")


def label(name: str) -> str:
    return LABELS.get(name, name)


def value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "、".join(value_text(v) for v in value)
    if isinstance(value, dict):
        return "，".join(f"{label(str(k))}：{value_text(v)}" for k, v in value.items())
    return label(value) if isinstance(value, str) else str(value)


@dataclass(frozen=True)
class AuditLine:
    """One entry in words, as the page shows it and the CSV holds it."""

    seq: int
    when: str  # local time of the unit, with seconds
    day: date  # local date of the unit (the date-range filter)
    actor: str
    action: str
    target: str
    result: str
    detail: str

    def cells(self) -> list[Any]:
        return [self.seq, self.when, self.actor, self.action, self.target, self.result, self.detail]


def describe(entry: AuditRecord, tz: tzinfo) -> AuditLine:
    kind = label(entry.object_type)
    if entry.object_type == "policy":
        target = kind  # one policy row: its id says nothing
    elif entry.object_type == "setting":
        target = f"{kind}“{label(entry.object_id)}”"
    else:
        target = f"{kind} {entry.object_id}".strip()
    return AuditLine(
        seq=entry.seq,
        when=local_text(entry.time, tz, seconds=True),
        day=local_date(entry.time, tz),
        actor=label(entry.actor),
        action=entry.action,
        target=target,
        result=entry.result,
        # the certificate reference is evidence for the verifier (storage.cert_references), not for reading
        detail=value_text({k: v for k, v in (entry.detail or {}).items() if k != CERTIFICATE_KEY}),
    )


@dataclass(frozen=True)
class AuditFilter:
    """What the auditor asked to see; every part optional. Dates are the unit's local dates, inclusive."""

    text: str = ""
    result: str = ""
    start: date | None = None
    end: date | None = None

    def problem(self) -> str:
        if self.start and self.end and self.start > self.end:
            return f"起始日期 {self.start.isoformat()} 晚于截止日期 {self.end.isoformat()}，请调换或更正。"
        return ""

    def keeps(self, line: AuditLine) -> bool:
        if self.result and line.result != self.result:
            return False
        if (self.start and line.day < self.start) or (self.end and line.day > self.end):
            return False
        needle = self.text.strip().casefold()
        return not needle or any(needle in str(cell).casefold() for cell in line.cells())

    def words(self) -> str:
        """The filter in words, recorded with the export."""
        parts = []
        if self.start or self.end:
            start = self.start.isoformat() if self.start else "最早"
            end = self.end.isoformat() if self.end else "最新"
            parts.append(f"{start} 至 {end}")
        if self.result:
            parts.append(f"结果为{self.result}")
        if self.text.strip():
            parts.append(f"含“{self.text.strip()}”")
        return "，".join(parts) or "全部"


def select(lines: Iterable[AuditLine], wanted: AuditFilter) -> list[AuditLine]:
    """The lines the filter keeps, newest first (the page's order)."""
    return sorted((line for line in lines if wanted.keeps(line)), key=lambda line: line.seq, reverse=True)


def csv_bytes(lines: Sequence[AuditLine]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for line in lines:
        writer.writerow(line.cells())
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: opens correctly in WPS / Excel
