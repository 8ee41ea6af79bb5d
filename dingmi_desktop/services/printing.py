"""Printing, export and verification of marked approval sheets (docs/rules.md §5 step 5, §9 Printing).

- `print_copies`: only a form in 已定密 prints, at most its approved 印制份数 in all, each copy with its own
  份号 continuing the register; one print-register row and one audit entry per job; password re-entered.
- `reprint`: copies beyond the approved number are 复印 and need the 安全保密管理员, who signs in at the
  terminal to approve; numbered after the highest 份号 issued so far.
- `export_pdf`: the sheet as an electronic file (份号 000000), audited as 导出.
- `verify_code`: checks the code printed on a sheet against the store.
The watermark (user and time) is printed when the policy setting `print.watermark` is on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from dingmi_desktop.clock import LOCAL_TIME, local_text, local_time
from dingmi_desktop.domain.calendar import WorkCalendar
from dingmi_desktop.domain.workflow import Action, Role, Status, print_refusal
from dingmi_desktop.export.builder import SheetApproval, sheet_data_from_form
from dingmi_desktop.export.fonts import FontSet, font_set
from dingmi_desktop.export.renderer import page_count, render_copies
from dingmi_desktop.export.sheet_data import ELECTRONIC_COPY, SheetData, copy_number_text
from dingmi_desktop.export.verification import (
    SheetClaim,
    SheetHead,
    VerificationError,
    parse_sheet_text,
    signatures_digest,
)
from dingmi_desktop.services import lifecycle_sheet
from dingmi_desktop.services.form_access import FormAccess, Loaded
from dingmi_desktop.services.sheet_head import current_head, head_reason, next_head
from dingmi_desktop.services.transitions import BASIS_CHECK_KEY
from dingmi_desktop.storage import (
    DecisionRecord,
    InvalidInput,
    NotFound,
    PermissionDenied,
    PrintInfo,
    Session,
    Tx,
)

WATERMARK_SETTING = "print.watermark"
APPROVING_ACTIONS = frozenset(
    {
        Action.REVIEW_AGREE.value,
        Action.APPROVE.value,
        Action.RECORD_SUPERIOR_DECISION.value,
        Action.RECORD_ESCALATION_REPLY.value,
    }
)
PRINT, COPY = "印制", "复印"


@dataclass(frozen=True)
class PrintJob:
    """What was printed: the PDF to send to the printer and the register entry made for it."""

    form_id: int
    pdf: bytes
    kind: str  # 印制 or 复印
    copies_from: int
    copies_to: int
    pages: int
    printer: str

    @property
    def copy_range(self) -> str:
        return f"{copy_number_text(self.copies_from)}—{copy_number_text(self.copies_to)}"


@dataclass(frozen=True)
class PrintStatus:
    """The print register of one form: approved 印制份数, copies printed so far and every job."""

    form_id: int
    status: str
    approved: int
    printed: int  # 印制 copies only; 复印 does not count toward the approved number
    entries: tuple[PrintInfo, ...]
    zone: tzinfo = LOCAL_TIME  # the unit's time zone, in which the entries' times are shown

    @property
    def remaining(self) -> int:
        return max(self.approved - self.printed, 0)


@dataclass(frozen=True)
class SheetCheck:
    """Result of checking a printed verification code."""

    ok: bool
    form_id: int
    title: str
    marking: str
    status: str
    reason: str  # Chinese, empty when ok


def approval_decisions(decisions: list[DecisionRecord]) -> list[DecisionRecord]:
    """The signed decisions of the current approval round (after the last submission)."""
    start = max((i for i, d in enumerate(decisions) if d.action == Action.SUBMIT.value), default=-1)
    return [d for d in decisions[start + 1 :] if d.signed and d.action in APPROVING_ACTIONS]


def signature_parts(decisions: list[DecisionRecord]) -> list[str]:
    """What the sheet's signature digest covers: each signed approving decision's signed fields."""
    return [
        f"{d.id}|{d.action}|{d.role}|{d.actor_id}|{d.revision}|{d.content_hash}|{d.time.isoformat()}"
        for d in approval_decisions(decisions)
    ]


class PrintingService(FormAccess):
    def __init__(
        self, session: Session, calendar: WorkCalendar | None = None, fonts: FontSet | None = None
    ) -> None:
        super().__init__(session, calendar)
        self.fonts = fonts or font_set()

    # --- building the sheet ---------------------------------------------------------------------------
    def _sheet(
        self, tx: Tx, loaded: Loaded, watermark_label: str, head: SheetHead | None = None
    ) -> SheetData:
        """`head`: the store state the sheet carries; the current chain head when None."""
        decisions = tx.decisions.for_form(loaded.record.id)
        approval = None
        if loaded.status in (Status.DECIDED, Status.DECLASSIFIED):  # a declassified item stays verifiable
            parts = signature_parts(decisions)
            head = head or current_head(tx)
            approval = SheetApproval(str(loaded.record.id), parts, loaded.record.content_hash, head)
        watermark = ""
        if tx.settings.get(WATERMARK_SETTING) == "on":
            when = local_text(self.session.now(), self.session.zone)
            watermark = f"{self.user.display_name or self.user.username} {when} {watermark_label}"
        users = tx.users.list()
        names = {u.username: u.display_name or u.username for u in users}
        signers = {u.username for u in users if Role.SIGNER.value in u.roles}
        data = sheet_data_from_form(
            loaded.form,
            decisions,
            names=names,
            unit_name=loaded.form.unit_name or self.session.store.unit_name,
            approval=approval,
            watermark=watermark,
            signers=signers,
            zone=self.session.zone,
            basis_unchecked=_basis_unchecked(decisions),
        )
        return lifecycle_sheet.adjust(tx, self, loaded, data)  # markings follow 变更/解密/延长

    def _created(self) -> datetime:
        """The PDF creation date: the session's clock, in the unit's time zone."""
        return local_time(self.session.now(), self.session.zone)

    def preview(self, form_id: int) -> bytes:
        """The sheet for on-screen preview (份号 000000); not a copy, not audited."""
        with self.session.transaction() as tx:
            loaded = self.load(tx, form_id)
            return render_copies(
                self._sheet(tx, loaded, "预览"), [ELECTRONIC_COPY], self.fonts, created=self._created()
            )

    def export_pdf(self, form_id: int) -> bytes:
        """The sheet as an electronic file (份号 000000), audited as 导出."""

        def work() -> bytes:
            with self.session.transaction() as tx:
                loaded = self.load(tx, form_id)
                pdf = render_copies(
                    self._sheet(tx, loaded, "导出"), [ELECTRONIC_COPY], self.fonts, created=self._created()
                )
                tx.audit.append(
                    "导出",
                    object_type="form",
                    object_id=str(form_id),
                    detail={"格式": "PDF", "状态": loaded.status.value, "字节数": len(pdf)},
                )
                return pdf

        result: bytes = self.guarded("导出", form_id, work)
        return result

    # --- printing -------------------------------------------------------------------------------------
    def print_status(self, form_id: int) -> PrintStatus:
        """The register of a form the user may see (read only, not audited)."""
        with self.session.transaction() as tx:
            loaded = self.load(tx, form_id)
            return PrintStatus(
                form_id,
                loaded.status.value,
                loaded.form.copies or 0,
                tx.prints.copies_printed(form_id),
                tuple(tx.prints.for_form(form_id)),
                self.session.zone,
            )

    def print_copies(
        self, form_id: int, *, printer: str, password: str, copies: int | None = None
    ) -> PrintJob:
        """Print the approved copies still unprinted (or `copies` of them), numbered on from the register."""
        return self._print(form_id, printer=printer, password=password, copies=copies, kind=PRINT)

    def reprint(
        self, form_id: int, *, printer: str, password: str, copies: int, approver: str, approver_password: str
    ) -> PrintJob:
        """Copies beyond the approved number (复印): the 安全保密管理员 signs in here to approve them."""
        self._check_approver(form_id, approver, approver_password)
        return self._print(
            form_id, printer=printer, password=password, copies=copies, kind=COPY, approver=approver
        )

    def _check_approver(self, form_id: int, approver: str, approver_password: str) -> None:
        approving = self.session.store.sign_in(approver, approver_password)  # counts failures, may lock
        try:
            if Role.SECADMIN.value not in approving.user.roles:
                self.audit_refusal("复印", form_id, "审批人不是安全保密管理员")
                raise PermissionDenied(
                    f"超出批准份数的复印须由安全保密管理员批准；{approver} 不是安全保密管理员。"
                )
        finally:
            approving.close()

    def _print(
        self, form_id: int, *, printer: str, password: str, copies: int | None, kind: str, approver: str = ""
    ) -> PrintJob:
        if not printer.strip():
            raise InvalidInput("请指定打印机。")
        self.guarded("打印", form_id, lambda: self._plan(form_id, copies, kind))  # refuse before the KDF
        self.signer(password)  # re-authentication: the password is asked again for every print job

        def write() -> PrintJob:
            with self.session.transaction() as tx:
                loaded = self.load(tx, form_id)
                first, last = self._range(tx, loaded, copies, kind)  # re-checked inside the transaction
                label = "打印" if kind == PRINT else "复印"
                # The sheets carry the job's own audit entry as chain head: laid out with its shape first,
                # rendered once the entry is written (a copy of the store from before it then shows).
                pages = page_count(self._sheet(tx, loaded, label, next_head(tx)), self.fonts)
                pages *= last - first + 1
                info = tx.prints.record(form_id, first, last, pages, kind, printer=printer.strip())
                detail = {"类别": kind, "份号": f"{first:06d}-{last:06d}", "份数": last - first + 1}
                detail |= {"页数": pages, "打印机": printer.strip()}
                if approver:
                    detail["批准人"] = approver
                tx.audit.append("打印", object_type="form", object_id=str(form_id), detail=detail)
                head = current_head(tx)
                assert head is not None  # the entry just written
                tx.prints.set_head(info.id, head.seq, head.hash, head.root)
                data = self._sheet(tx, loaded, label, head)
                pdf = render_copies(data, list(range(first, last + 1)), self.fonts, created=self._created())
                return PrintJob(form_id, pdf, kind, first, last, pages, printer.strip())

        job: PrintJob = self.guarded("打印", form_id, write)
        return job

    def _plan(self, form_id: int, copies: int | None, kind: str) -> tuple[int, int]:
        with self.session.transaction() as tx:
            return self._range(tx, self.load(tx, form_id), copies, kind)

    def _range(self, tx: Tx, loaded: Loaded, copies: int | None, kind: str) -> tuple[int, int]:
        refusal = print_refusal(loaded.status)
        if refusal:
            raise PermissionDenied(f"表单 {loaded.record.id}：{refusal}")
        approved = loaded.form.copies or 0
        issued = max((p.copies_to for p in tx.prints.for_form(loaded.record.id)), default=0)
        printed = tx.prints.copies_printed(loaded.record.id)
        if kind == PRINT:
            remaining = approved - printed
            count = remaining if copies is None else copies
            if remaining <= 0:
                raise PermissionDenied(
                    f"已印制批准的全部 {approved} 份；再印须经安全保密管理员批准（复印）。"
                )
            if not 1 <= count <= remaining:
                raise InvalidInput(
                    f"本次印制份数须在 1 至 {remaining} 之间（批准 {approved} 份，已印 {printed} 份）。"
                )
        else:
            count = copies or 0
            if count < 1:
                raise InvalidInput("复印份数须至少为 1。")
        return issued + 1, issued + count

    # --- verification -----------------------------------------------------------------------------------
    def verify_code(self, code: str) -> SheetCheck:
        """Compare a printed verification code (or the QR code's text) with the form, its approved content
        and signatures, and the store state the sheet carries with the store now (rollback, rewrite)."""
        try:
            sheet = parse_sheet_text(code)
        except VerificationError as exc:
            raise InvalidInput(str(exc)) from exc
        if not sheet.form_id.isdigit():
            raise InvalidInput(f"核验码中的表单编号应为数字：{sheet.form_id}")
        form_id = int(sheet.form_id)
        with self.session.transaction() as tx:
            stale = head_reason(tx, sheet.head, sheet.head_seq, sheet.head_check)
            try:
                loaded = self.load(tx, form_id)
            except NotFound:
                return SheetCheck(False, form_id, "", "", "", stale or f"库中没有编号为 {form_id} 的表单。")
            decisions = tx.decisions.for_form(form_id)
        record = loaded.record
        claim = SheetClaim(str(form_id), record.content_hash, signatures_digest(signature_parts(decisions)))
        invalid = [d for d in approval_decisions(decisions) if d.signature_valid is not True]
        reason = ""
        if stale:
            reason = stale
        elif loaded.status is not Status.DECIDED:
            reason = f"表单当前状态为{loaded.status.value}，不是已定密。"
        elif not sheet.matches(claim):
            reason = "核验码与库中已批准的内容或签名不符（内容已改动、已重新审批或核验码有误）。"
        elif invalid:
            reason = f"审批签名无效（决定编号 {', '.join(str(d.id) for d in invalid)}）。"
        return SheetCheck(not reason, form_id, record.title, record.marking, loaded.status.value, reason)


__all__ = [
    "COPY",
    "PRINT",
    "PrintJob",
    "PrintStatus",
    "PrintingService",
    "SheetCheck",
    "approval_decisions",
    "signature_parts",
]


def _basis_unchecked(decisions: list[DecisionRecord]) -> bool:
    """The latest submit or approval recorded its basis as 未经依据库核对 (services.transitions)."""
    checked = [d for d in decisions if d.action in (Action.SUBMIT.value, Action.APPROVE.value)]
    return bool(checked) and BASIS_CHECK_KEY in (checked[-1].corrections or {})
