"""What a filing (备案 / 报备) says: the request checked, the items of the period read through the register's
reader, the counts by 密级, as one canonical JSON object whose sha256 the officer signs.

The items come in sections, one per kind of event the superior asks about. Today there is one, the items
decided in the period (`decided`); the lifecycle's changes and declassifications add their own
`SectionSpec` to `SECTIONS` (a title and a reader of the period), and every filing, file and check follows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from dingmi_desktop.domain.categories import CATEGORY_ORDER
from dingmi_desktop.domain.dates import EARLIEST_FORM_DATE as EARLIEST
from dingmi_desktop.domain.errors import Problem, ValidationError
from dingmi_desktop.security.canonical import canonical_json, digest_hex
from dingmi_desktop.services.queues import display_names
from dingmi_desktop.services.register import RegisterFilter, RegisterItem, RegisterService, highest_level
from dingmi_desktop.storage import Tx, register_sql
from dingmi_desktop.storage.register_repo import RegisterRepository, RegisterRow

FORMAT = "dingmi-filing/1"
KINDS = ("备案", "报备")
LEVELS = tuple(c.value for c in CATEGORY_ORDER)  # 绝密 … 非密
TOTAL = "合计"
MAX_SUPERIOR = 200
BATCH = 1000
# The register's columns a filing carries for each item (what the superior reads; not copies or drafter).
ITEM_FIELDS = tuple(c for c in register_sql.COLUMNS if c not in ("copies", "drafter"))


@dataclass(frozen=True)
class FilingRequest:
    kind: str  # 备案 / 报备
    period_from: date | None
    period_to: date | None
    superior: str  # the superior body's name, typed by the user


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    def utc_bounds(self, zone: Any) -> tuple[str, str]:
        """[first 00:00, last + 1 day 00:00) of the unit's time zone, as the store's UTC ISO text."""
        start = datetime.combine(self.first, time(), tzinfo=zone).astimezone(UTC)
        end = datetime.combine(self.last + timedelta(days=1), time(), tzinfo=zone).astimezone(UTC)
        return start.isoformat(), end.isoformat()


SectionReader = Callable[[RegisterService, Tx, Period, int | None], list[RegisterItem]]


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    read: SectionReader


def _decided(reader: RegisterService, tx: Tx, period: Period, drafter: int | None) -> list[RegisterItem]:
    """The register's items whose decision falls in the period, oldest decision first."""
    start, end = period.utc_bounds(reader.session.zone)
    query = replace(
        reader._query(tx, RegisterFilter(sort="decided_at", descending=False), drafter),
        decided_from=start,
        decided_before=end,
    )
    repo, rows = RegisterRepository(tx.orm), list[RegisterRow]()
    while True:
        chunk = repo.page(query, offset=len(rows), limit=BATCH)
        rows += chunk
        if len(chunk) < BATCH:
            break
    names = display_names(tx)
    return [reader._item(row, names) for row in rows]


SECTIONS: tuple[SectionSpec, ...] = (SectionSpec("decided", "本期确定的定密事项", _decided),)


def checked_period(request: FilingRequest, today: date) -> Period:
    """The request's problems all at once (ValidationError, Chinese), else its period."""
    problems = []
    if request.kind not in KINDS:
        problems.append(Problem("kind", "类别须为“备案”或“报备”。"))
    superior = request.superior.strip()
    if not superior:
        problems.append(Problem("superior", "请填写接收的上级机关名称，例如 某某市国家保密局。"))
    elif len(superior) > MAX_SUPERIOR or any(ch in superior for ch in "\r\n\t"):
        problems.append(Problem("superior", f"上级机关名称须为一行，不超过 {MAX_SUPERIOR} 个字。"))
    first, last = request.period_from, request.period_to
    if first is None or last is None:
        problems.append(Problem("period", "请填写报送期间的起止日期（起日和止日都要填）。"))
    else:
        if first > last:
            problems.append(
                Problem("period", f"期间起日 {first.isoformat()} 晚于止日 {last.isoformat()}：请对调或改正。")
            )
        if last > today:
            problems.append(
                Problem("period", f"期间止日不能晚于今天（{today.isoformat()}）：未来的事项尚未确定。")
            )
        if first < EARLIEST:
            problems.append(Problem("period", f"期间起日不能早于 {EARLIEST.isoformat()}。"))
    if problems:
        raise ValidationError(problems)
    assert first is not None and last is not None
    return Period(first, last)


def counts_by_level(items: list[RegisterItem]) -> dict[str, int]:
    counts = dict.fromkeys(LEVELS, 0)
    for item in items:
        counts[item.category] = counts.get(item.category, 0) + 1
    counts[TOTAL] = len(items)
    return counts


def build_content(
    reader: RegisterService, tx: Tx, request: FilingRequest, period: Period, drafter: int | None
) -> dict[str, Any]:
    """The filing's canonical content; ValidationError when the period holds no item."""
    sections, every = [], []
    for spec in SECTIONS:
        items = spec.read(reader, tx, period, drafter)
        every += items
        sections.append(
            {
                "key": spec.key,
                "title": spec.title,
                "items": [{f: getattr(i, f) for f in ITEM_FIELDS} for i in items],
            }
        )
    if not every:
        span = f"{period.first.isoformat()} 至 {period.last.isoformat()}"
        raise ValidationError(
            [Problem("period", f"{span} 期间没有已定密的事项，无需{request.kind}：请核对起止日期。")]
        )
    return {
        "format": FORMAT,
        "unit": reader.session.store.unit_name,
        "kind": request.kind,
        "period": {"from": period.first.isoformat(), "to": period.last.isoformat()},
        "superior": request.superior.strip(),
        "sections": sections,
        "counts": counts_by_level(every),
        "marking": highest_level({i.category for i in every}),
    }


def content_text(content: dict[str, Any]) -> str:
    return canonical_json(content).decode("utf-8")


def content_digest(text: str) -> str:
    return digest_hex(text.encode("utf-8"))
