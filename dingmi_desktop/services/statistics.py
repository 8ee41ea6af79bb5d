"""Statistics (定密统计) per year and per department, counted by the database over the register.

Columns: the items decided in the year by 密级, period form and 原始/派生; the escalations opened in the
year (不明事项, 报上级确定, 争议); and what the year changed: approved 变更 and 延长 decision forms, items
declassified (提前解密/公开解密 decision forms, 期满自行解密 and 条件成就) and annual reviews decided — each
counted in the department of the item it concerns.

Who reads it: as the register. The 定密责任人 and the 保密员 count every item, another business user his
own; the 三员 are refused and audited (Reg 34).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dingmi_desktop.clock import local_text
from dingmi_desktop.domain.errors import Problem, ValidationError
from dingmi_desktop.services.form_access import roles_of
from dingmi_desktop.services.register import LEVEL_ORDER, READ_ALL, RegisterReader
from dingmi_desktop.services.statistics_export import FORMATS, MARKING, StatsHead, render_pdf, write_xlsx
from dingmi_desktop.storage import PermissionDenied
from dingmi_desktop.storage.statistics_repo import StatisticsRepository, StatsQuery

READ_ACTION = "查阅定密统计"
EXPORT_ACTION = "导出定密统计"
PERIOD_FORMS = ("保密期限", "解密时间", "解密条件", "长期")
NO_PERIOD = "无期限"  # 内部 and 非密 take none (Law 22 ¶3)
ESCALATIONS = (("不明事项待定", "不明事项"), ("待上级确定", "报上级确定"), ("争议待定", "争议"))
LIFECYCLE = ("变更", "延长", "解除", "年度审核")
LIFECYCLE_NOTE = (
    "变更、延长：当年批准生效的变更、延长决定单；解除：当年解密的事项（提前解密、公开解密、期满自行解密、"
    "条件成就）；年度审核：当年作出结论的审核。均计入所涉事项的产生部门。"
)
TOTAL = "合计"
# (key, header) of every count column, in the order of the table and the exports
COLUMNS: tuple[tuple[str, str], ...] = (
    (TOTAL, "定密事项"),
    *((level, level) for level in LEVEL_ORDER),
    *((form, form) for form in PERIOD_FORMS),
    (NO_PERIOD, NO_PERIOD),
    ("原始", "原始定密"),
    ("派生", "派生定密"),
    *((status, label) for status, label in ESCALATIONS),
    *((name, name) for name in LIFECYCLE),
)
KEYS = tuple(key for key, _ in COLUMNS)
HEADERS = tuple(header for _, header in COLUMNS)


@dataclass
class StatsRow:
    department: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KEYS, 0))

    def values(self) -> list[int]:
        return [self.counts[key] for key in KEYS]

    def to_json(self) -> dict[str, object]:
        return {"department": self.department, "counts": dict(self.counts)}


@dataclass(frozen=True)
class YearStats:
    year: int
    department: str | None
    rows: list[StatsRow]  # one per department, by name
    total: StatsRow

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "department": self.department,
            "columns": [{"key": k, "header": h} for k, h in COLUMNS],
            "rows": [r.to_json() for r in self.rows],
            "total": self.total.to_json(),
            "note": LIFECYCLE_NOTE,
        }


class StatisticsService(RegisterReader):
    read_action = READ_ACTION

    def _query(self, year: int, department: str | None, drafter: int | None) -> StatsQuery:
        start, end = self.year_bounds(year)
        return StatsQuery(
            start,
            end,
            department or None,
            drafter,
            date(year, 1, 1).isoformat(),
            date(year + 1, 1, 1).isoformat(),
        )

    def year(self, year: int, department: str | None = None) -> YearStats:
        """The counts of `year` (the unit's calendar year), per department or for one department."""
        drafter = self._check_reader()
        query = self._query(year, department, drafter)
        with self.session.transaction() as tx:
            repo = StatisticsRepository(tx.orm)
            groups, escalations = repo.item_groups(query), repo.escalation_groups(query)
            changes = repo.lifecycle_groups(query)
        rows: dict[str, StatsRow] = {}

        def row(name: str) -> StatsRow:
            return rows.setdefault(name or "（未填部门）", StatsRow(name or "（未填部门）"))

        for g in groups:
            counts = row(g.department).counts
            counts[TOTAL] += g.count
            counts[g.category] = counts.get(g.category, 0) + g.count
            counts[g.period_form or NO_PERIOD] += g.count
            counts[g.origin] += g.count
        for dep, status, n in escalations:
            row(dep).counts[status] += n
        for dep, column, n in changes:
            row(dep).counts[column] += n
        ordered = [rows[name] for name in sorted(rows)]
        total = StatsRow(TOTAL)
        for r in ordered:
            for key in KEYS:
                total.counts[key] += r.counts[key]
        return YearStats(year, department or None, ordered, total)

    def export(self, year: int, department: str | None, out: Path, fmt: str) -> Path:
        """The year's table to `out` as XLSX or PDF, marked 内部; only the 定密责任人 and the 保密员 export,
        anyone else is refused and audited; the export itself is audited."""
        if fmt not in FORMATS:
            raise ValidationError([Problem("format", "导出格式须为 xlsx 或 pdf。")])
        if not roles_of(self.user) & READ_ALL:
            self.audit_refusal(EXPORT_ACTION, None, "PermissionDenied")
            raise PermissionDenied("只有定密责任人和保密员可以导出定密统计。")
        result = self.year(year, department)
        now = self.session.now()
        head = StatsHead(
            unit=self.session.store.unit_name,
            year=year,
            department=department or "全部部门",
            user=f"{self.user.display_name or self.user.username}（{self.user.username}）",
            when=local_text(now, self.session.zone),
            note=LIFECYCLE_NOTE,
        )
        rows = [[r.department, *r.values()] for r in [*result.rows, result.total]]
        if fmt == "xlsx":
            write_xlsx(out, head, HEADERS, rows)
        else:
            out.write_bytes(render_pdf(head, HEADERS, rows, now.astimezone(self.session.zone)))
        with self.session.transaction() as tx:
            tx.audit.append(
                EXPORT_ACTION,
                object_type="file",
                object_id=out.name,
                detail={"年度": year, "部门": department or "全部部门", "密级": MARKING, "格式": fmt},
            )
        return out
