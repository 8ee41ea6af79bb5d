"""The annual review (年度审核, 保密法 Art 24): every item in force (已定密) is reviewed once a year.

`start(year)` makes the worklist in one INSERT … SELECT, each item assigned to the officer who approved it
(else to every officer of the unit). A second start of the same year adds only the items decided since the
first one (they are in force this year too and must be reviewed), never duplicates. Each item gets
维持 / 变更 / 解密 / 延长 with a required opinion, signed by the officer with his password and audited; a
non-维持 outcome calls the injected opener (the lifecycle's `open_draft`), whose new draft is linked to the
row. The worklist and the report are read by the 定密责任人 and the 保密员 only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from dingmi_desktop.clock import local_text
from dingmi_desktop.domain.authority import officer_refusal
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import AuthorityRefused, Problem, TransitionRefused, ValidationError
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.services import annual_review_queries as q
from dingmi_desktop.services.annual_review_models import (
    KEEP,
    OUTCOMES,
    POOL,
    OfficerProgress,
    Progress,
    ReviewRow,
    StartResult,
)
from dingmi_desktop.services.annual_review_report import ReportHead, marking_of, render_pdf, write_xlsx
from dingmi_desktop.services.form_access import FORM_REFUSALS, FormAccess, roles_of
from dingmi_desktop.storage import NotFound, PermissionDenied, Session, Tx
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.records import iso
from dingmi_desktop.storage.signed_records import REVIEW_KIND, sign_record

Opener = Callable[[int, str, str], int]  # (item form id, kind 变更/解密/延长, reason) -> new draft id
READERS = frozenset({Role.OFFICER, Role.CLERK})
START_ACTION, DECIDE_ACTION, READ_ACTION = "建立年度审核清单", "年度审核", "查阅年度审核"
REPORT_ACTION = "导出年度审核报告"
SIGNED_KIND = REVIEW_KIND
FIRST_YEAR = 2000
MAX_OPINION = 1000
PAGE = 200
R = TypeVar("R")
REFUSED = (*FORM_REFUSALS, ValidationError, NotFound)


class AnnualReviewService(FormAccess):
    def __init__(self, session: Session, opener: Opener) -> None:
        super().__init__(session)
        self.opener = opener

    # --- the worklist -------------------------------------------------------------------------------
    def start(self, year: int) -> StartResult:
        def call() -> StartResult:
            self._check_reader()
            self._check_year(year)
            with self.session.transaction() as tx:
                added = q.start(tx.orm, year, iso(self.session.now()))
                total = q.count(tx.orm, q.Filter(year))
                tx.audit.append(
                    START_ACTION,
                    object_type="annual_review",
                    object_id=str(year),
                    detail={"年度": year, "新增": added, "合计": total},
                )
            return StartResult(year, added, total)

        return self._guarded(START_ACTION, year, call)

    def page(
        self,
        year: int,
        *,
        officer: str | None = None,
        pending_only: bool = False,
        offset: int = 0,
        limit: int = PAGE,
    ) -> list[ReviewRow]:
        """One page of the worklist in list order (indexed; `officer` is a username)."""

        def call() -> list[ReviewRow]:
            self._check_reader()
            with self.session.transaction() as tx:
                flt = q.Filter(year, self._officer_id(tx, officer), pending_only)
                return [ReviewRow.of(r) for r in q.page(tx.orm, flt, offset, limit)]

        return self._guarded(READ_ACTION, year, call)

    def count(self, year: int, *, officer: str | None = None, pending_only: bool = False) -> int:
        def call() -> int:
            self._check_reader()
            with self.session.transaction() as tx:
                return q.count(tx.orm, q.Filter(year, self._officer_id(tx, officer), pending_only))

        return self._guarded(READ_ACTION, year, call)

    def progress(self, year: int) -> Progress:
        def call() -> list[tuple[int | None, str, int, int]]:
            self._check_reader()
            with self.session.transaction() as tx:
                return q.progress(tx.orm, year)

        rows = self._guarded(READ_ACTION, year, call)
        by_officer = [
            OfficerProgress(oid, name if oid is not None else POOL, d, n) for oid, name, d, n in rows
        ]
        return Progress(year, by_officer)

    # --- a decision ---------------------------------------------------------------------------------
    def decide(self, year: int, form_id: int, outcome: str, opinion: str, *, password: str) -> ReviewRow:
        """Records the outcome, signed; 变更/解密/延长 open the matching draft through the opener."""
        text = opinion.strip()

        def precheck() -> None:
            with self.session.transaction() as tx:
                self._check_decision(tx, year, form_id, outcome, text)

        self._guarded(DECIDE_ACTION, form_id, precheck)
        signer = self.signer(password)
        assert signer is not None
        draft = (
            None
            if outcome == KEEP
            else self._guarded(DECIDE_ACTION, form_id, lambda: self.opener(form_id, outcome, text))
        )

        def write() -> ReviewRow:
            with self.session.transaction() as tx:
                row = self._check_decision(tx, year, form_id, outcome, text)
                now = iso(self.session.now())
                body = {
                    "review_id": row.id,
                    "year": year,
                    "form_id": form_id,
                    "category": row.category,
                    "outcome": outcome,
                    "opinion": text,
                    "draft_form_id": draft,
                }
                signed = sign_record(tx.orm, signer, SIGNED_KIND, body, now)
                with tx.orm.no_autoflush:  # one UPDATE: the trigger freezes a decided row
                    row.outcome, row.opinion, row.decided_by, row.decided_at = (
                        outcome,
                        text,
                        self.user.id,
                        now,
                    )
                    row.draft_form_id = draft
                    row.key_id, row.cert_hash, row.signature = (
                        signed.key_id,
                        signed.cert_hash,
                        signed.signature,
                    )
                tx.orm.flush()
                detail: dict[str, object] = {"年度": year, "结论": outcome, "签名": True}
                if draft is not None:
                    detail["新表单"] = draft
                tx.audit.append(DECIDE_ACTION, object_type="form", object_id=str(form_id), detail=detail)
                found = q.one(tx.orm, year, form_id)
                assert found is not None
                return ReviewRow.of(found)

        return self._guarded(DECIDE_ACTION, form_id, write)

    # --- internals ----------------------------------------------------------------------------------
    def _guarded(self, label: str, object_id: int | None, call: Callable[[], R]) -> R:
        try:
            return call()
        except REFUSED as exc:
            self.audit_refusal(label, object_id, exc)
            raise

    def _check_reader(self) -> None:
        self.check_business_user()
        if not roles_of(self.user) & READERS:
            raise PermissionDenied("年度审核由定密责任人办理、保密员组织：其他用户不能查阅或建立审核清单。")

    def _check_year(self, year: int) -> None:
        today = self.today()
        if not FIRST_YEAR <= year <= today.year:
            raise ValidationError(
                [Problem("year", f"年度须在 {FIRST_YEAR} 年到今年（{today.year} 年）之间：{year}。")]
            )

    def _officer_id(self, tx: Tx, officer: str | None) -> int | None:
        if officer is None:
            return None
        return tx.users.by_username(officer).id

    def _check_decision(self, tx: Tx, year: int, form_id: int, outcome: str, opinion: str) -> t.AnnualReview:
        self.check_business_user()
        if Role.OFFICER not in roles_of(self.user):
            raise PermissionDenied("年度审核的结论须由定密责任人作出（保密法第二十四条）。")
        row = tx.orm.query(t.AnnualReview).filter_by(year=year, form_id=form_id).one_or_none()
        if row is None:
            raise NotFound(f"事项 {form_id} 不在 {year} 年度审核清单中：请先建立清单（review-year start）。")
        problems = []
        if outcome not in OUTCOMES:
            problems.append(
                Problem("outcome", f"审核结论须为 {'、'.join(OUTCOMES)} 之一：{outcome or '（空）'}。")
            )
        if not opinion:
            problems.append(Problem("opinion", "请填写审核意见（为什么维持、变更、解密或延长）。"))
        elif len(opinion) > MAX_OPINION:
            problems.append(Problem("opinion", f"审核意见不超过 {MAX_OPINION} 个字。"))
        if problems:
            raise ValidationError(problems)
        if row.outcome:
            raise TransitionRefused(
                f"事项 {form_id} 的 {year} 年度审核已有结论（{row.outcome}），不能再次审核。"
            )
        if row.officer_id is not None and row.officer_id != self.user.id:
            name = tx.users.get(row.officer_id).display_name
            raise PermissionDenied(f"事项 {form_id} 分配给定密责任人 {name} 审核，请由其办理。")
        refusal = officer_refusal(self.actor(tx).appointment, Category(row.category), self.today())
        if refusal:
            raise AuthorityRefused(refusal)
        return row

    # --- the report ---------------------------------------------------------------------------------
    def report(self, year: int, *, pdf: Path | None = None, xlsx: Path | None = None) -> ReportResult:
        """The year's summary to PDF and/or XLSX, marked with the highest level it lists; audited."""

        def call() -> ReportResult:
            self._check_reader()
            with self.session.transaction() as tx:
                rows = [ReviewRow.of(r) for r in q.page(tx.orm, q.Filter(year), 0, -1)]
            if not rows:
                raise ValidationError([Problem("year", f"{year} 年度还没有审核清单：请先建立清单。")])
            now = self.session.now()
            head = ReportHead(
                unit=self.session.store.unit_name,
                year=year,
                user=f"{self.user.display_name or self.user.username}（{self.user.username}）",
                when=local_text(now, self.session.zone),
                progress=self.progress(year),
            )
            if pdf is not None:
                pdf.write_bytes(render_pdf(head, rows, now.astimezone(self.session.zone)))
            if xlsx is not None:
                write_xlsx(xlsx, head, rows)
            marking = marking_of(rows)
            with self.session.transaction() as tx:
                tx.audit.append(
                    REPORT_ACTION,
                    object_type="annual_review",
                    object_id=str(year),
                    detail={"年度": year, "行数": len(rows), "密级": marking, "格式": _formats(pdf, xlsx)},
                )
            return ReportResult(year, len(rows), marking)

        return self._guarded(REPORT_ACTION, year, call)


@dataclass(frozen=True)
class ReportResult:
    year: int
    rows: int
    marking: str


def _formats(pdf: Path | None, xlsx: Path | None) -> str:
    return "、".join(name for name, path in (("pdf", pdf), ("xlsx", xlsx)) if path is not None)
