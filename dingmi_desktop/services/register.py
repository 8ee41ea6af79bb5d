"""The register (定密台账): every item decided or protected pending a decision, filtered, sorted and paged
by the database, searched through FTS5, exported to CSV.

Who reads it: the 定密责任人 and the 保密员 see every item; any other business user (a 承办人) sees only
the items he drafted; the 三员 never (refused and audited, Reg 34).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from sys import intern

from dingmi_desktop.clock import local_date, local_text, local_year_bounds
from dingmi_desktop.domain.categories import CATEGORY_ORDER, Category
from dingmi_desktop.domain.dates import YEAR_RULE
from dingmi_desktop.domain.errors import Problem, ValidationError
from dingmi_desktop.domain.workflow import Role
from dingmi_desktop.services.escalation import PENDING, escalation_of
from dingmi_desktop.services.form_access import FormAccess, roles_of
from dingmi_desktop.services.queues import display_names
from dingmi_desktop.services.register_export import FORMATS, ExportHeader, write_csv, write_xlsx
from dingmi_desktop.storage import PermissionDenied, Tx
from dingmi_desktop.storage.records import parse_iso
from dingmi_desktop.storage.register_repo import RegisterQuery, RegisterRepository, RegisterRow
from dingmi_desktop.storage.register_sql import COLUMNS, REGISTER_STATUSES

READ_ALL = frozenset({Role.OFFICER, Role.CLERK})
PAGE_SIZE = 100
MAX_EXPIRING_DAYS = 36600
HEADERS = {
    "form_id": "编号",
    "title": "标题",
    "kind": "表单",
    "doc_number": "文号",
    "department": "部门",
    "category": "密级",
    "marking": "标志",
    "period_form": "期限形式",
    "period_value": "期限",
    "start_date": "起算日",
    "declassify_on": "解密日",
    "declassify_condition": "解密条件",
    "scope": "知悉范围",
    "basis": "定密依据",
    "origin": "原始/派生",
    "status": "状态",
    "copies": "印制份数",
    "drafter": Role.DRAFTER.value,
    "officer": Role.OFFICER.value,
    "decided_at": "定密日期",
}
ORIGINS = ("原始", "派生")
LEVEL_ORDER = tuple(category.value for category in CATEGORY_ORDER)
EXPORT_ACTION = "导出台账"
READ_ACTION = "查阅台账"


@dataclass(frozen=True)
class RegisterFilter:
    category: str | None = None
    status: str | None = None
    department: str | None = None
    kind: str | None = None
    origin: str | None = None
    year: int | None = None  # of the decision, in the unit's time zone
    expiring_days: int | None = None  # 解密日 from today to today + N
    overdue_escalations: bool = False
    text: str = ""
    sort: str = "form_id"
    descending: bool = True

    def describe(self) -> str:
        """The filter in words, for the export's header."""
        parts = [
            f"{label}：{value}"
            for label, value in (
                ("密级", self.category),
                ("状态", self.status),
                ("部门", self.department),
                ("表单", self.kind),
                ("原始/派生", self.origin),
                ("年度", self.year),
                ("解密日在天数内", self.expiring_days),
                ("检索", self.text.strip() or None),
            )
            if value is not None
        ]
        if self.overdue_escalations:
            parts.append("仅逾期上报")
        return "；".join(parts) or "全部"


@dataclass(frozen=True, slots=True)
class RegisterItem:
    """One line of the register as people read it (names, local dates). Slotted, its repeated texts shared
    (see RegisterService._item): a model scrolled through 100,000 items holds every one of them."""

    form_id: int
    title: str
    kind: str
    doc_number: str
    department: str
    category: str
    marking: str
    period_form: str
    period_value: str
    start_date: str
    declassify_on: str
    declassify_condition: str
    scope: str
    basis: str
    origin: str
    status: str
    copies: int
    drafter: str
    officer: str
    decided_at: str

    def cells(self) -> list[str]:
        return [str(getattr(self, column)) for column in COLUMNS]

    def values(self) -> list[object]:
        """The cells with numbers kept as numbers (a spreadsheet sums 印制份数)."""
        return [getattr(self, column) for column in COLUMNS]

    def to_json(self) -> dict[str, object]:
        return {column: getattr(self, column) for column in COLUMNS}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    marking: str  # the highest 密级 among the rows ("非密" when none is secret)


def highest_level(levels: set[str]) -> str:
    for level in LEVEL_ORDER:
        if level in levels:
            return level
    return "非密"


class RegisterReader(FormAccess):
    """Who reads the register's items (the register, its statistics): the 定密责任人 and the 保密员 all of
    them, another business user his own; the 三员 are refused, audited under `read_action`."""

    read_action = READ_ACTION

    def _check_reader(self) -> int | None:
        """The drafter id to restrict to (None: all items); refuses and audits the 三员."""
        try:
            self.check_business_user()
        except PermissionDenied:
            self.audit_refusal(self.read_action, None, "PermissionDenied")
            raise
        return None if roles_of(self.user) & READ_ALL else self.user.id

    def year_bounds(self, year: int) -> tuple[str, str]:
        """Where the unit's local calendar year begins and ends (UTC ISO), for a query by 定密年度."""
        if not 1900 <= year <= 9998:
            raise ValidationError([Problem("year", f"年度{YEAR_RULE}。")])
        return local_year_bounds(year, self.session.zone)


class RegisterService(RegisterReader):
    def _query(self, tx: Tx, flt: RegisterFilter, drafter: int | None) -> RegisterQuery:
        if flt.sort not in COLUMNS:
            raise ValidationError([Problem("sort", f"无法按“{flt.sort}”排序：台账没有这一列。")])
        if flt.origin is not None and flt.origin not in ORIGINS:
            raise ValidationError([Problem("origin", "原始/派生 须为“原始”或“派生”。")])
        if flt.status is not None and flt.status not in REGISTER_STATUSES:
            raise ValidationError([Problem("status", f"台账中的状态只有：{'、'.join(REGISTER_STATUSES)}。")])
        if flt.category is not None and flt.category not in {c.value for c in Category}:
            raise ValidationError([Problem("category", "密级须为 绝密、机密、秘密、内部 或 非密。")])
        query = RegisterQuery(
            category=flt.category,
            status=flt.status,
            department=flt.department,
            kind=flt.kind,
            origin=flt.origin,
            drafter_id=drafter,
            text=flt.text,
            sort=flt.sort,
            descending=flt.descending,
        )
        if flt.year is not None:
            start, end = self.year_bounds(flt.year)
            query = replace(query, decided_from=start, decided_before=end)
        if flt.expiring_days is not None:
            if not 0 <= flt.expiring_days <= MAX_EXPIRING_DAYS:
                raise ValidationError([Problem("expiring_days", "到期天数须为 0 到 36600 之间的整数。")])
            today = self.today()
            until = today + timedelta(days=flt.expiring_days)
            query = replace(query, declassify_from=today.isoformat(), declassify_until=until.isoformat())
        if flt.overdue_escalations:
            query = replace(query, form_ids=tuple(self._overdue(tx, drafter)))
        return query

    def _overdue(self, tx: Tx, drafter: int | None) -> list[int]:
        """Pending escalations whose report or answer is past due today (few: computed in Python)."""
        repo, today = RegisterRepository(tx.orm), self.today()
        self.work_calendar(tx)
        found = []
        for form_id in repo.ids_in_status(tuple(s.value for s in PENDING), drafter):
            info = escalation_of(tx.forms.get(form_id), tx.decisions.for_form(form_id), today)
            if info is not None and info.overdue:
                found.append(form_id)
        return found

    def page(self, flt: RegisterFilter, offset: int = 0, limit: int = PAGE_SIZE) -> list[RegisterItem]:
        drafter = self._check_reader()
        with self.session.transaction() as tx:
            rows = RegisterRepository(tx.orm).page(self._query(tx, flt, drafter), offset=offset, limit=limit)
            names = display_names(tx)
        return [self._item(row, names) for row in rows]

    def count(self, flt: RegisterFilter) -> int:
        drafter = self._check_reader()
        with self.session.transaction() as tx:
            return RegisterRepository(tx.orm).count(self._query(tx, flt, drafter))

    def departments(self) -> list[str]:
        self._check_reader()
        with self.session.transaction() as tx:
            return RegisterRepository(tx.orm).departments()

    def _item(self, row: RegisterRow, names: dict[str, str]) -> RegisterItem:
        zone = self.session.zone
        value = row.period_value
        if row.period_form == "解密时间" and value:
            day = date.fromisoformat(value)
            value = f"{day.year}年{day.month}月{day.day}日"
        decided = local_date(parse_iso(row.decided_at), zone).isoformat() if row.decided_at else ""
        # Every row brings its own copy of texts that repeat across the register (levels, departments,
        # dates, bases…); one shared copy each keeps a fully scrolled register at a fraction of the memory.
        return RegisterItem(
            form_id=row.form_id,
            title=row.title,
            kind=intern(row.kind),
            doc_number=row.doc_number,
            department=intern(row.department),
            category=intern(row.category),
            marking=intern(row.marking),
            period_form=intern(row.period_form),
            period_value=intern(value),
            start_date=intern(row.start_date),
            declassify_on=intern(row.declassify_on or ""),
            declassify_condition=intern(row.declassify_condition),
            scope=intern(row.scope),
            basis=intern(row.basis),
            origin=intern(row.origin),
            status=intern(row.status),
            copies=row.copies,
            drafter=intern(names.get(row.drafter, row.drafter)),
            officer=intern(names.get(row.officer, row.officer)),
            decided_at=intern(decided),
        )

    def export(self, flt: RegisterFilter, out: Path, fmt: str = "csv", batch: int = 1000) -> ExportResult:
        """Every row the filter keeps, in its order, to `out` as CSV or XLSX; header rows name the unit, the
        filter, the user and the time; the file carries the highest 密级 in it. Only the 定密责任人 and the
        保密员 export (the whole register leaves the program); anyone else is refused and audited."""
        if fmt not in FORMATS:
            raise ValidationError([Problem("format", "导出格式须为 xlsx 或 csv。")])
        self._check_reader()
        if not roles_of(self.user) & READ_ALL:
            self.audit_refusal(EXPORT_ACTION, None, "PermissionDenied")
            raise PermissionDenied("只有定密责任人和保密员可以导出定密台账。")
        items: list[RegisterItem] = []
        while True:
            chunk = self.page(flt, offset=len(items), limit=batch)
            items += chunk
            if len(chunk) < batch:
                break
        marking = highest_level({i.category for i in items})
        header = ExportHeader(
            marking=marking,
            unit=self.session.store.unit_name,
            filter_text=flt.describe(),
            user=f"{self.user.display_name or self.user.username}（{self.user.username}）",
            when=local_text(self.session.now(), self.session.zone),
        )
        write = write_xlsx if fmt == "xlsx" else write_csv
        write(out, header, [HEADERS[c] for c in COLUMNS], [i.values() for i in items])
        with self.session.transaction() as tx:
            tx.audit.append(
                EXPORT_ACTION,
                object_type="file",
                object_id=out.name,
                detail={"行数": len(items), "密级": marking, "筛选": flt.describe(), "格式": fmt},
            )
        return ExportResult(out, len(items), marking)

    def export_csv(self, flt: RegisterFilter, out: Path, batch: int = 1000) -> ExportResult:
        return self.export(flt, out, "csv", batch)

    def export_xlsx(self, flt: RegisterFilter, out: Path, batch: int = 1000) -> ExportResult:
        return self.export(flt, out, "xlsx", batch)
