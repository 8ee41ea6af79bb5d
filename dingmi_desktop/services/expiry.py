"""The expiry pass (期满自行解密, 保密法第二十三条): run after every sign-in, daily while the app runs, and by
`dingmi expire`. UI-free; "now" is the session's clock.

One pass is one transaction: read the watermark, judge the clock (domain.expiry.clock_verdict), then either
declassify every due item (one indexed query; one audit entry each, signed by the session's key) and move the
watermark, or record why it held back. Each item is declassified as of its own 解密日, once: the `expiries`
key and the status guard make a second pass, a restart or another process find nothing left to do. A pass
with a limit (the window's) declassifies at most that many and reports whether more are due; the window runs
it again until none are, each run its own transaction with its own pass record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from dingmi_desktop.clock import local_date, local_text
from dingmi_desktop.domain.expiry import (
    MAX_CLOCK_GAP_DAYS,
    ClockVerdict,
    ConditionItem,
    Due,
    How,
    clock_verdict,
    condition_of,
    due_reason,
)
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.services.form_access import FormAccess, roles_of
from dingmi_desktop.storage import PermissionDenied, Tx
from dingmi_desktop.storage.expiry_repo import (
    DECLASSIFIED,
    IN_FORCE,
    PASS_CLOCK_BACK,
    PASS_DONE,
    PASS_HELD,
    ExpiryRepository,
)
from dingmi_desktop.storage.records import iso

PASS_ACTION = "期满自行解密"
HELD_ACTION = "自动解密暂停"
CONFIRM_CLOCK_ACTION = "确认系统时间"
READ_ACTION = "查阅到期事项"


@dataclass(frozen=True)
class PassResult:
    """What a pass did (or, for a dry run, would do)."""

    verdict: ClockVerdict
    now: datetime
    today: date
    watermark: datetime | None
    expired: tuple[Due, ...] = ()  # declassified by this pass
    waiting: tuple[Due, ...] = ()  # due, held back (clock jumped or set back) or shown by a dry run
    dry_run: bool = False
    notes: list[str] = field(default_factory=list)
    more: bool = False  # the pass stopped at its limit and more items are due: run it again

    @property
    def held(self) -> bool:
        return self.verdict is not ClockVerdict.OK

    def message(self) -> str:
        """One Chinese line for a banner or the CLI."""
        if self.verdict is ClockVerdict.BACK:
            seen = local_text(self.watermark) if self.watermark else "—"
            return (
                f"系统时间（{local_text(self.now)}）早于上次解密检查的时间（{seen}），本次未解密任何事项。"
                "请核对计算机时间后重新登录。"
            )
        if self.verdict is ClockVerdict.JUMPED:
            seen = local_text(self.watermark) if self.watermark else "—"
            return (
                f"系统时间（{local_text(self.now)}）比上次解密检查（{seen}）"
                f"晚了 {MAX_CLOCK_GAP_DAYS} 天以上，"
                f"{len(self.waiting)} 项已到期待确认：请定密责任人核对时间后确认（首页“已到期待确认”，"
                "或 dingmi expire --confirm-clock）。"
            )
        if self.dry_run:
            return f"今天（{self.today.isoformat()}）到期将解密 {len(self.waiting)} 项。"
        return f"期满自行解密 {len(self.expired)} 项。"

    def short_message(self) -> str:
        """The status-bar form of message()."""
        return _short(self)


def _short(result: PassResult) -> str:
    if result.verdict is ClockVerdict.BACK:
        return "解密检查暂停：系统时间早于上次检查，请核对计算机时间"
    if result.verdict is ClockVerdict.JUMPED:
        late = f"系统时间比上次检查晚 {MAX_CLOCK_GAP_DAYS} 天以上"
        return f"解密检查暂停：{late}，{len(result.waiting)} 项待定密责任人确认"
    return result.message()


def _due(rows: list[tuple[int, str, str, str, date]]) -> tuple[Due, ...]:
    return tuple(Due(i, title, cat, mark, day, due_reason(mark, day)) for i, title, cat, mark, day in rows)


class ExpiryService(FormAccess):
    # --- reading ------------------------------------------------------------------------------------
    def _reader(self) -> None:
        self.check_business_user()
        if not self.sees_all():
            raise PermissionDenied("只有定密审核人、定密责任人、签发人和保密员可以查看到期解密事项。")

    def preview(self, limit: int | None = None) -> PassResult:
        """Dry run: what the pass would declassify now and whether it trusts the clock. Writes nothing."""
        try:
            self._reader()
        except PermissionDenied as exc:
            self.audit_refusal(READ_ACTION, None, exc)
            raise
        now = self.session.now()
        today = local_date(now, self.session.zone)
        with self.session.transaction() as tx:
            repo = ExpiryRepository(tx.orm)
            watermark = repo.watermark()
            due = _due(repo.due(today, limit))
        return PassResult(clock_verdict(now, watermark), now, today, watermark, waiting=due, dry_run=True)

    def conditions(self) -> list[ConditionItem]:
        """Items in force whose period is a 解密条件, for the officer to confirm when it occurs."""
        try:
            self._reader()
        except PermissionDenied as exc:
            self.audit_refusal(READ_ACTION, None, exc)
            raise
        with self.session.transaction() as tx:
            rows = ExpiryRepository(tx.orm).in_force_without_date()
        found = []
        for form_id, title, category, marking in rows:
            condition = condition_of(marking)
            if condition is not None:
                found.append(ConditionItem(form_id, title, category, marking, condition))
        return found

    # --- the pass -----------------------------------------------------------------------------------
    def run(
        self, *, confirm_password: str | None = None, note: str = "", limit: int | None = None
    ) -> PassResult:
        """The pass. `confirm_password`: the 定密责任人 confirms a clock far ahead of the watermark (`note`:
        how the time was checked, kept in the audit entry). `limit`: declassify at most this many, oldest
        解密日 first, and say whether more are due (the window runs a long catch-up in short transactions,
        so the user's own work is not queued behind it)."""
        try:
            self.check_business_user()
            if confirm_password is not None and Role.OFFICER not in roles_of(self.user):
                raise PermissionDenied("只有定密责任人可以确认系统时间并解密已到期事项。")
        except PermissionDenied as exc:
            self.audit_refusal(PASS_ACTION, None, exc)
            raise
        if confirm_password is not None:
            self.session.reauthenticate(confirm_password)  # the officer is present: WrongPassword otherwise
        with self.session.transaction() as tx:
            now = self.session.now()
            today = local_date(now, self.session.zone)
            repo = ExpiryRepository(tx.orm)
            watermark = repo.watermark()
            verdict = clock_verdict(now, watermark)
            if verdict is ClockVerdict.BACK or (verdict is ClockVerdict.JUMPED and confirm_password is None):
                return self._hold(tx, repo, verdict, now, today, watermark)
            if verdict is ClockVerdict.JUMPED:
                tx.audit.append(
                    CONFIRM_CLOCK_ACTION,
                    object_type="expiry",
                    detail={
                        "系统时间": iso(now),
                        "上次检查": iso(watermark) if watermark else "",
                        "核对情况": note.strip()[:200],
                    },
                )
            expired = declassify_due(tx, now, today, self.user.username, limit=limit)
            repo.record_pass(now, self.user.username, PASS_DONE, len(expired))
            more = limit is not None and bool(repo.due(today, 1))
            return PassResult(ClockVerdict.OK, now, today, watermark, expired=expired, more=more)

    def _hold(
        self,
        tx: Tx,
        repo: ExpiryRepository,
        verdict: ClockVerdict,
        now: datetime,
        today: date,
        watermark: datetime | None,
    ) -> PassResult:
        """Nothing is declassified; the hold is recorded (pass row + audit entry) and reported."""
        waiting = _due(repo.due(today)) if verdict is ClockVerdict.JUMPED else ()
        outcome = PASS_HELD if verdict is ClockVerdict.JUMPED else PASS_CLOCK_BACK
        repo.record_pass(now, self.user.username, outcome, 0)
        tx.audit.append(
            HELD_ACTION,
            object_type="expiry",
            result="拒绝",
            detail={
                "原因": outcome,
                "系统时间": iso(now),
                "上次检查": iso(watermark) if watermark else "",
                "待确认": len(waiting),
            },
        )
        return PassResult(verdict, now, today, watermark, waiting=waiting)


def declassify_due(
    tx: Tx, now: datetime, today: date, username: str, *, limit: int | None = None
) -> tuple[Due, ...]:
    """The pass's work in the caller's transaction: every due item (at most `limit`, oldest 解密日 first)
    已定密 → 已解密 as of its 解密日, with one audit entry each (signed by the transaction's signer). Used by
    the service and the bench."""
    repo = ExpiryRepository(tx.orm)
    done = []
    for due in _due(repo.due(today, limit)):
        if not repo.declassify(due.form_id, due.declassify_on, How.PERIOD, now, username):
            continue  # recorded meanwhile: never twice
        tx.audit.append(
            PASS_ACTION,
            object_type="form",
            object_id=str(due.form_id),
            detail={
                "原状态": IN_FORCE,
                "新状态": DECLASSIFIED,
                "解密日": due.declassify_on.isoformat(),
                "方式": How.PERIOD.value,
            },
        )
        done.append(due)
    return tuple(done)
