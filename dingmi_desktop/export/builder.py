"""Maps a domain Form and its workflow decisions onto the renderer's SheetData (docs/rules.md §7)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, is_dataclass, replace
from datetime import date, datetime, tzinfo
from types import SimpleNamespace
from typing import Any, Protocol, cast

from dingmi_desktop.clock import LOCAL_TIME
from dingmi_desktop.domain.form_types import DERIVED_CASES, BasisKind, Form, FormKind
from dingmi_desktop.domain.forms import content_hash
from dingmi_desktop.domain.marking import format_date, marking_text
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.export.escalation_rows import (
    RECORDING_ACTIONS,
    decided_value,
    escalation_section,
    recorded_decision_text,
)
from dingmi_desktop.export.proposal_cells import (
    basis_reference,
    basis_text,
    marking_field,
    period_field,
    retention_field,
)
from dingmi_desktop.export.sheet_data import (
    OpinionEntry,
    PageOptions,
    SheetData,
    SheetField,
    SheetSection,
    SheetVerification,
    SignatureStatus,
    copy_number_text,
)
from dingmi_desktop.export.verification import (
    SheetClaim,
    SheetHead,
    qr_payload,
    signatures_digest,
    verification_code,
)

DASH = "—"
RECORDED_LABEL = "定密责任人记录"  # the officer's row when it records an outside body's decision
_VERDICTS = {
    "review_agree": "同意",
    "review_disagree": "不同意",
    "approve": "批准",
    "return": "退回",
    "escalate": "报上级确定",
    "record_dispute": "有争议事项",
    "record_superior_decision": "上级确定",
    "record_escalation_reply": "上级答复",
}
# Correction keys of a decision (services.form_access.corrections_json) in printing order, with labels.
_CORRECTION_LABELS = {"category": "密级", "period": "保密期限", "scope": "知悉范围", "knowers": "知悉人员"}


class DecisionLike(Protocol):
    """What the sheet needs of a workflow decision (storage's DecisionRecord has these attributes).
    Read-only members, so that frozen records match."""

    @property
    def action(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def actor(self) -> str: ...
    @property
    def opinion(self) -> str: ...
    @property
    def time(self) -> datetime: ...
    @property
    def signature_valid(self) -> bool | None: ...


@dataclass(frozen=True)
class SheetApproval:
    """Present when the form is approved: what the printed verification code binds to."""

    form_id: str
    signatures: Sequence[bytes | str]
    content_hash: str = ""  # the stored hash of the approved content; computed from the form when empty
    head: SheetHead | None = None  # the store's audit chain head and root fingerprint (since 0009)


def _date(day: date | None) -> str:
    return format_date(day) if day is not None else ""


def _status(decision: DecisionLike) -> SignatureStatus:
    if decision.signature_valid is None:
        return SignatureStatus.UNSIGNED
    return SignatureStatus.VALID if decision.signature_valid else SignatureStatus.INVALID


def _corrections_text(corrections: Any) -> str:
    """The officer's corrections of 密级 / 保密期限 / 知悉范围 / 知悉人员 as one Chinese sentence.

    A decision's stored data (services.form_access.corrections_json) also carries other keys, such as
    an escalation's `escalation`, `dispute` or `reply` records: those are not corrections and not printed.
    """
    if not isinstance(corrections, Mapping):
        return ""
    parts = [
        f"{label}改为{decided_value(key, corrections[key])}"
        for key, label in _CORRECTION_LABELS.items()
        if corrections.get(key) not in (None, "", [], ())
    ]
    return "更正：" + "；".join(parts) + "。" if parts else ""


def _opinion(
    label: str, decisions: Sequence[DecisionLike], roles: tuple[str, ...], names: Mapping[str, str]
) -> OpinionEntry:
    """The latest decision in the first of `roles` that has one, or an empty row to fill in by hand."""
    matching: list[DecisionLike] = []
    for role in roles:
        matching = matching or [d for d in decisions if d.role == role]
    if not matching:
        return OpinionEntry(role=label)
    last = matching[-1]
    if last.action in RECORDING_ACTIONS:  # an outside body's decision: the officer only records it
        text = recorded_decision_text(last, decisions)
        name = names.get(last.actor, last.actor)
        day, status = _date(_day_of(last)), _status(last)
        return OpinionEntry(RECORDED_LABEL, name, text, day, status, signer_label="记录人")
    verdict = _VERDICTS.get(str(last.action).lower(), "")
    text = "。".join(p.rstrip("。") for p in (verdict, last.opinion.strip()) if p)
    text = (text + "。" if text else "") + _corrections_text(getattr(last, "corrections", None))
    return OpinionEntry(label, names.get(last.actor, last.actor), text, _date(_day_of(last)), _status(last))


def _day_of(decision: DecisionLike) -> date:
    return decision.time.date()  # already in the unit's time zone (sheet_data_from_form localizes)


def _in_zone(decision: DecisionLike, zone: tzinfo) -> DecisionLike:
    if decision.time.tzinfo is None:
        return decision
    local = decision.time.astimezone(zone)
    if is_dataclass(decision) and not isinstance(decision, type):
        return replace(decision, time=local)
    return cast(DecisionLike, SimpleNamespace(**{**vars(decision), "time": local}))


def _drafter(
    form: Form, decisions: Sequence[DecisionLike], names: Mapping[str, str]
) -> tuple[str, date | None]:
    """拟稿人 and 拟稿日期 as filled in, else who first submitted the form and when (the form's JSON may
    leave them out; the signed submission says who drafted it)."""
    first = next((d for d in decisions if d.role == Role.DRAFTER), None)
    name = form.drafter_name or (names.get(first.actor, first.actor) if first else "")
    return name, form.drafted_on or (_day_of(first) if first else None)


def _drafter_opinion(form: Form, decisions: Sequence[DecisionLike], names: Mapping[str, str]) -> OpinionEntry:
    submits = [d for d in decisions if d.role == Role.DRAFTER]
    status = _status(submits[-1]) if submits else SignatureStatus.UNSIGNED
    name, drafted_on = _drafter(form, decisions, names)
    return OpinionEntry("承办人定密意见", name, form.opinion, _date(drafted_on), status)


def _copy_range(copies: int | None) -> str:
    if not copies:
        return ""
    return f"{copy_number_text(1)}—{copy_number_text(copies)}"


def _sign_off(
    decisions: Sequence[DecisionLike], names: Mapping[str, str], signers: Collection[str]
) -> OpinionEntry:
    """The 签发 row: a decision taken as 签发人, else the latest approval by a user holding the 签发人 role
    (docs/rules.md §1: often the same leader as the 定密责任人, approving both at once); else blank for a hand
    signature."""
    entry = _opinion("签发", decisions, (Role.SIGNER,), names)
    approvals = [d for d in decisions if d.action == "approve" and d.actor in signers]
    if entry.name or not approvals:
        return entry
    last = approvals[-1]
    return OpinionEntry(
        "签发", names.get(last.actor, last.actor), "签发。", _date(_day_of(last)), _status(last)
    )


def _dispatch_sections(
    form: Form,
    decisions: Sequence[DecisionLike],
    names: Mapping[str, str],
    signers: Collection[str] = (),
    unchecked: bool = False,
) -> tuple[SheetSection, ...]:
    drafter, drafted_on = _drafter(form, decisions, names)
    urgency = form.urgency.value if form.urgency else ""
    publicity = form.publicity.value if form.publicity else ""
    rows = (
        (SheetField("标题", form.title),),
        (SheetField("文种", form.doc_type), SheetField("发文字号", form.doc_number)),
        (SheetField("拟定密级", form.category.value), retention_field(form)),
        (period_field(form), SheetField("紧急程度", urgency)),
        (SheetField("定密类型", form.classification_type), SheetField("公开属性", publicity)),
        (SheetField("知悉范围", form.scope),),
        (SheetField("拟定密级依据", basis_text(form, unchecked)),),
        (SheetField("主送", form.main_recipients), SheetField("抄送", form.cc)),
        (SheetField("附件", form.attachments),),
        (SheetField("拟稿单位", form.department), SheetField("拟稿人", drafter)),
        (SheetField("拟稿日期", _date(drafted_on)), SheetField("联系电话", form.drafter_phone)),
        (SheetField("印制份数", str(form.copies or "")), SheetField("份号", _copy_range(form.copies))),
        (SheetField("校对", form.proofreader), SheetField("封发日期", _date(form.sealed_on))),
    )
    opinions = (
        _drafter_opinion(form, decisions, names),
        _opinion("定密审核意见", decisions, (Role.REVIEWER,), names),
        _opinion("定密责任人审批意见", decisions, (Role.OFFICER,), names),
        _sign_off(decisions, names, signers),
    )
    escalated = escalation_section(decisions)
    return (
        (SheetSection(rows=rows),)
        + ((escalated,) if escalated else ())
        + (SheetSection("定密意见", opinions=opinions),)
    )


def _review_sections(
    form: Form,
    decisions: Sequence[DecisionLike],
    names: Mapping[str, str],
    unchecked: bool = False,
    final: bool = False,
) -> tuple[SheetSection, ...]:
    carrier = form.carrier.value if form.carrier else ""
    item_rows = (
        (SheetField("事项名称", form.title),),
        (SheetField("文号", form.doc_number), SheetField("产生部门", form.department)),
        (SheetField("载体形式", carrier), SheetField("制发日", _date(form.start_date))),
        (SheetField("份数", str(form.copies or "")), SheetField("定密类型", form.classification_type)),
    )
    basis_rows: tuple[tuple[SheetField, ...], ...] = (
        (SheetField("拟定密级依据", basis_reference(form, unchecked)),),
        (SheetField("依据内容", form.basis.text if form.basis else ""),),
    )
    source = form.basis.source if form.basis and form.basis.kind is BasisKind.DERIVED else None
    if source is not None:
        src_marking = marking_text(source.category, source.period) or source.category.value
        basis_rows += (
            (SheetField("来源文号", source.doc_number), SheetField("来源密级期限", src_marking)),
            (SheetField("来源知悉范围", source.scope),),
            (SheetField("派生情形", f"第{source.case}种情形：{DERIVED_CASES.get(source.case, '')}"),),
        )
    proposal_rows = (
        (SheetField("拟定密级", form.category.value), retention_field(form)),
        (period_field(form),),
        (marking_field(form, final),),
        (SheetField("知悉范围", form.scope),),
        (SheetField("知悉人员", "、".join(form.knowers)),),
        (SheetField("密点", form.secret_points),),
    )
    opinions = (
        _drafter_opinion(form, decisions, names),
        _opinion("定密审核意见", decisions, (Role.REVIEWER,), names),
        _opinion("定密责任人决定", decisions, (Role.OFFICER, Role.SIGNER), names),
    )
    escalated = escalation_section(decisions)
    return (
        SheetSection("事项信息", item_rows),
        SheetSection("定密依据", basis_rows),
        SheetSection("拟定密级、期限和知悉范围", proposal_rows),
        *((escalated,) if escalated else ()),
        SheetSection("审核审批意见", opinions=opinions),
    )


def sheet_data_from_form(
    form: Form,
    decisions: Sequence[DecisionLike] = (),
    *,
    unit_name: str = "",
    approval: SheetApproval | None = None,
    watermark: str = "",
    names: Mapping[str, str] | None = None,
    signers: Collection[str] = (),
    zone: tzinfo = LOCAL_TIME,
    basis_unchecked: bool = False,
) -> SheetData:
    """The sheet for `form`; `decisions` oldest first. With `approval`, the sheet carries the
    verification code and QR code binding the form id, content hash and approval signatures.
    `names` maps a decision's actor (user name) to the name printed beside the opinion; `signers` are the
    users holding the 签发人 role, whose approval of a 送审签发单 is also its 签发. `basis_unchecked`: the
    basis was not found in the catalogue (the services decide), printed 未经依据库核对 beside it."""
    names = names or {}
    decisions = [_in_zone(d, zone) for d in decisions]  # dates on the sheet are the unit's local dates
    if form.form is FormKind.DISPATCH:
        sections = _dispatch_sections(form, decisions, names, signers, basis_unchecked)
    else:
        sections = _review_sections(form, decisions, names, basis_unchecked, approval is not None)
    verification = None
    if approval is not None:
        approved_hash = approval.content_hash or content_hash(form)
        claim = SheetClaim(
            approval.form_id, approved_hash, signatures_digest(approval.signatures), approval.head
        )
        verification = SheetVerification(verification_code(claim), qr_payload(claim))
    return SheetData(
        unit_name=unit_name or form.unit_name,
        form_title=form.form.value,
        marking=marking_text(form.category, form.period),
        urgency=form.urgency.value if form.urgency else "",
        sections=sections,
        verification=verification,
        options=PageOptions(watermark=watermark),
    )
