"""`dingmi form ...`: the 定密 workflow from the command line, over the same services as the GUI.

Exit codes: 0 done; 1 refused by the workflow (role, separation of duties, authority, changed content);
2 bad input (malformed JSON, invalid form, unknown id or status, missing reason); 3 wrong password or locked.
Actions that sign (review, approve, return, escalate, dispute, reply, submit) use the password read in
this call as the re-authentication proof.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from dingmi_desktop.cli.common import (
    EXIT_PROBLEM,
    EXIT_USAGE,
    CliError,
    add_user_arguments,
    data_dir,
    read_limited,
    read_password,
)
from dingmi_desktop.cli.store_commands import cli_errors, show_name_notice
from dingmi_desktop.domain import limits
from dingmi_desktop.domain.action_inputs import input_problem
from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import DomainError, ValidationError
from dingmi_desktop.domain.forms import form_from_json
from dingmi_desktop.domain.interchange import too_many_forms
from dingmi_desktop.domain.json_reader import FieldReader, parse_day
from dingmi_desktop.domain.strict_json import loads_strict
from dingmi_desktop.domain.workflow import Action, Outcome, Status
from dingmi_desktop.services.form_models import ActionResult, ImportRejected
from dingmi_desktop.services.forms import FormServices
from dingmi_desktop.storage import Store

Handler = Callable[[FormServices, str, argparse.Namespace], Any]


@contextlib.contextmanager
def _services(args: argparse.Namespace) -> Iterator[tuple[FormServices, str]]:
    """Signs --user in with the password read once; yields the services and that password."""
    with cli_errors():
        store = Store.open(data_dir(args))
        try:
            password = read_password(args)
            session = store.sign_in(args.user, password)
            if session.must_change_password:
                raise CliError(
                    f"必须先修改密码：dingmi passwd --user {args.user}（初始密码或已过期的密码）。", 3
                )
            show_name_notice(session)
            try:
                yield FormServices(session), password
            except ValidationError as exc:
                raise CliError([f"{p.field}：{p.message}" for p in exc.problems], EXIT_USAGE) from exc
            except ImportRejected as exc:
                raise CliError(exc.lines, EXIT_USAGE) from exc
            except DomainError as exc:
                raise CliError(exc.message, EXIT_PROBLEM) from exc
        finally:
            store.close()


def _run(args: argparse.Namespace, handler: Handler) -> int:
    with _services(args) as (services, password):
        out = handler(services, password, args)
    if isinstance(out, ActionResult):
        before = out.status_before.value if out.status_before else "—"
        print(
            f"表单 {out.form_id}：{before} → {out.status_after.value}" + ("（已签名）" if out.signed else "")
        )
    return 0


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


# --- parsing helpers ----------------------------------------------------------------------------------


def _load_json_file(path: str) -> list[Any]:
    """The form objects of an import/edit file; every malformed file is exit 2 with Chinese lines."""
    data = read_limited(path, limits.MAX_IMPORT_FILE_BYTES, "表单")
    try:
        parsed = loads_strict(data)
    except ValidationError as exc:
        raise CliError([f"{path}：{p.message}。" for p in exc.problems]) from exc
    if isinstance(parsed, dict):
        return [parsed]
    if isinstance(parsed, list):
        if len(parsed) > limits.MAX_FORMS_PER_FILE:
            raise CliError(f"{path}：{too_many_forms(len(parsed))}。")
        return parsed
    raise CliError("文件须包含一个表单对象或表单对象的列表。")


def _category(text: str | None) -> Category | None:
    if text is None:
        return None
    try:
        return Category.parse(text)
    except ValueError:
        raise CliError(f"未知的密级“{text}”（可选：绝密、机密、秘密、内部、非密）。") from None


def _corrections(args: argparse.Namespace) -> Corrections | None:
    period = None
    if args.period is not None:
        try:
            value = loads_strict(args.period.encode("utf-8", "surrogateescape"))
        except ValidationError:
            raise CliError('--period 须为 JSON，例如 {"years": 5}。') from None
        if not isinstance(value, dict):
            raise CliError('--period 须为 JSON 对象，例如 {"years": 5}。')
        reader = FieldReader()
        period = reader.period(value, "period")
        if reader.problems:
            raise CliError([f"--period：{p.message}。" for p in reader.problems])
    corrections = Corrections(category=_category(args.category), period=period, scope=args.scope)
    return None if corrections.is_empty else corrections


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    day = parse_day(text)
    if isinstance(day, str):
        raise CliError(f"{day}。")
    return day


def _reason(action: Action, text: str | None, outcome: Outcome | None = None) -> str:
    """The --opinion text; refused (exit 2) when the domain says `action` needs one and it is empty."""
    problem = input_problem(action, reason=text or "", outcome=outcome)
    if problem:
        raise CliError(f"{problem}（--opinion）。")
    return text or ""


# --- commands -----------------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    objects = _load_json_file(args.file)  # malformed JSON: exit 2 before the store is touched
    with _services(args) as (services, _):
        ids = services.drafting.import_forms(objects)
    for form_id in ids:
        print(form_id)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    objects = _load_json_file(args.file)
    if len(objects) != 1:
        raise CliError("修改表单时文件须只包含一个表单对象。")
    try:
        form = form_from_json(objects[0])
    except ValidationError as exc:
        raise CliError([f"{p.field}：{p.message}" for p in exc.problems]) from exc

    def edit(s: FormServices, pw: str, a: argparse.Namespace) -> ActionResult:
        revision = s.history.view(a.id).summary.revision
        return s.drafting.save_draft(a.id, form, expected_revision=revision)

    return _run(args, edit)


def cmd_list(args: argparse.Namespace) -> int:
    status = None
    if args.status:
        try:
            status = Status(args.status)
        except ValueError:
            names = "、".join(s.value for s in Status)
            raise CliError(f"未知的状态“{args.status}”（可选：{names}）。") from None
    with _services(args) as (services, _):
        rows = services.queues.visible(status)
    if args.json:
        _print_json(
            [
                {
                    "id": r.id,
                    "form": r.kind,
                    "title": r.title,
                    "category": r.category,
                    "marking": r.marking,
                    "status": r.status.value,
                    "declassify_on": r.declassify_on.isoformat() if r.declassify_on else None,
                    "drafter": r.drafter,
                    "doc_number": r.doc_number,
                    "updated_at": r.updated_at.isoformat(),
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            print(f"{r.id}\t{r.status.value}\t{r.marking or '—'}\t{r.kind}\t{r.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _services(args) as (services, _):
        obj = services.history.as_json(args.id)
    if args.json:
        _print_json(obj)
        return 0
    print(f"表单 {obj['id']}（{obj['form']}）  状态：{obj['status']}  拟稿：{obj['drafter']}")
    print(f"标题：{obj['title']}")
    print(f"密级标志：{obj['marking'] or '（无）'}  解密日：{obj['declassify_on'] or '—'}")
    print(f"知悉范围：{obj.get('scope') or '—'}")
    print(f"内容摘要：{obj['content_hash']}（批准时以 --content-hash 传回）")
    print("办理记录：")
    for h in obj["history"]:
        sig = {True: "签名有效", False: "签名无效", None: "未签名"}[h["signature_valid"]]
        void = "" if h["counts"] else "（已失效）"
        print(f"  {h['time'][:19]}  {h['who']}（{h['role']}）{h['label']}{void}  {h['opinion']}  [{sig}]")
    return 0


def cmd_submit(args: argparse.Namespace) -> int:
    return _run(args, lambda s, pw, a: s.drafting.submit(a.id, password=pw))


def cmd_withdraw(args: argparse.Namespace) -> int:
    return _run(args, lambda s, pw, a: s.drafting.withdraw(a.id))


def cmd_review(args: argparse.Namespace) -> int:
    if not args.agree and not args.disagree:
        raise CliError("请用 --agree 或 --disagree 给出审核结论。")
    _reason(Action.REVIEW_DISAGREE if args.disagree else Action.REVIEW_AGREE, args.opinion)
    return _run(
        args, lambda s, pw, a: s.review.review(a.id, agree=a.agree, opinion=a.opinion or "", password=pw)
    )


def cmd_approve(args: argparse.Namespace) -> int:
    if not args.content_hash and not args.latest:
        raise CliError(
            "批准须针对您审阅过的内容：先用 dingmi form show ID 查看“内容摘要”，"
            "再以 --content-hash 摘要 批准；"
            "或用 --latest 明确批准当前内容。"
        )
    corrections = _corrections(args)

    def approve(s: FormServices, pw: str, a: argparse.Namespace) -> ActionResult:
        # --latest is the officer's explicit choice; otherwise a stale hash is refused by the workflow
        content_hash = a.content_hash or s.history.view(a.id).summary.content_hash
        return s.review.approve(
            a.id, password=pw, content_hash=content_hash, corrections=corrections, opinion=a.opinion or ""
        )

    return _run(args, approve)


def cmd_return(args: argparse.Namespace) -> int:
    reason = _reason(Action.RETURN, args.opinion)
    return _run(args, lambda s, pw, a: s.review.return_form(a.id, reason=reason, password=pw))


def cmd_escalate(args: argparse.Namespace) -> int:
    reason = _reason(Action.ESCALATE, args.opinion)
    sent = _day(args.sent_on)
    return _run(
        args,
        lambda s, pw, a: s.escalation.escalate(
            a.id, to=a.to, reason=reason, password=pw, sent_on=sent, received_by=a.received_by or ""
        ),
    )


def cmd_dispute(args: argparse.Namespace) -> int:
    reason = _reason(Action.RECORD_DISPUTE, args.opinion)
    claimed = [
        c
        for c in (_category(x.strip()) for x in args.claimed.replace("，", ",").split(",") if x.strip())
        if c
    ]
    return _run(
        args,
        lambda s, pw, a: s.escalation.record_dispute(
            a.id, claimed_levels=claimed, parties=a.parties or "", reason=reason, password=pw
        ),
    )


def cmd_reply(args: argparse.Namespace) -> int:
    outcome = Outcome(args.outcome)  # argparse allows only the Outcome values
    reply = _reason(Action.RECORD_ESCALATION_REPLY, args.opinion, outcome)
    corrections = _corrections(args)
    day = _day(args.replied_on)
    return _run(
        args,
        lambda s, pw, a: s.escalation.record_reply(
            a.id,
            outcome=outcome,
            reply=reply,
            password=pw,
            corrections=corrections,
            replied_on=day,
            answered_by=a.by or "",
            document=a.document or "",
        ),
    )


def _action(forms: Any, name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> Any:
    p = forms.add_parser(name, help=help_text)
    p.add_argument("id", type=int, help="表单编号")
    add_user_arguments(p)
    p.add_argument("--opinion", help="意见或理由")
    p.set_defaults(handler=handler)
    return p


def _correction_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--category", help="更正后的密级")
    p.add_argument("--period", help='更正后的保密期限（JSON，例如 {"years": 5}）')
    p.add_argument("--scope", help="更正后的知悉范围")


def register(subparsers: argparse._SubParsersAction) -> None:
    forms = subparsers.add_parser("form", help="定密表单与审批流程").add_subparsers(
        dest="form_command", metavar="ACTION"
    )
    p = forms.add_parser("import", help="导入表单（JSON，一个对象或列表），存为本人草稿")
    p.add_argument("file")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_import)
    p = forms.add_parser("edit", help="以 JSON 文件的内容修改草稿或已退回的表单（承办人）")
    p.add_argument("id", type=int)
    p.add_argument("file")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_edit)
    p = forms.add_parser("list", help="列出本人可见的表单")
    add_user_arguments(p)
    p.add_argument("--status", help="按状态筛选，例如 草稿、待审核、待审批、已退回、已定密")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)
    p = forms.add_parser("show", help="显示表单、密级标志和办理记录")
    p.add_argument("id", type=int)
    add_user_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)
    _action(forms, "submit", "提交审核（承办人）", cmd_submit)
    _action(forms, "withdraw", "撤回已提交的表单（承办人）", cmd_withdraw)
    p = _action(forms, "review", "审核（定密审核人）", cmd_review)
    vote = p.add_mutually_exclusive_group()
    vote.add_argument("--agree", action="store_true", help="同意")
    vote.add_argument("--disagree", action="store_true", help="不同意（退回承办人）")
    p = _action(forms, "approve", "批准（定密责任人）", cmd_approve)
    _correction_args(p)
    seen = p.add_mutually_exclusive_group()
    seen.add_argument("--content-hash", help="审阅时的内容摘要（见 form show）；内容已被修改的不予批准")
    seen.add_argument("--latest", action="store_true", help="明确批准表单的当前内容")
    _action(forms, "return", "退回承办人（须填写理由）", cmd_return)
    p = _action(forms, "escalate", "上报不明事项或超出权限事项", cmd_escalate)
    p.add_argument(
        "--to",
        required=True,
        help="上报对象：本单位保密工作领导小组、上级机关、国家保密行政管理部门、省级保密行政管理部门"
        "（不明确事项按条例第二十五条报送；写“保密行政管理部门”即按规定确定）",
    )
    p.add_argument("--sent-on", help="报送日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--received-by", help="接收人（对方收件的人员或部门）")
    p = _action(forms, "dispute", "登记有争议事项", cmd_dispute)
    p.add_argument("--claimed", required=True, help="各方主张的密级，逗号分隔，例如 机密,秘密")
    p.add_argument("--parties", help="争议各方")
    p = _action(forms, "reply", "登记上报答复或上级决定", cmd_reply)
    p.add_argument("--outcome", required=True, choices=(Outcome.DECIDED.value, Outcome.RETURNED.value))
    p.add_argument("--replied-on", help="答复日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--by", help="答复机关（默认为上报对象）")
    p.add_argument("--document", help="答复文件的文号")
    _correction_args(p)
    from dingmi_desktop.cli.lifecycle_commands import register_form  # it imports this module

    register_form(forms)
