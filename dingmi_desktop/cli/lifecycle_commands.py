"""`dingmi form change|declassify|extend|notices|notified`: a decided item's life (docs/interfaces.md).

change / declassify / extend make the decision form's 草稿 and print its id; the existing submit, review and
approve commands move it like any form, and its approval changes the item. Exit codes as `dingmi form`: 1
refused (status, expiry, role), 2 bad input (unknown level or period, missing reason, bad date).
"""

from __future__ import annotations

import argparse
import json
from types import ModuleType

from dingmi_desktop.cli.common import CliError, add_user_arguments
from dingmi_desktop.domain.action_inputs import corrections_from_text
from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.errors import DomainError, ValidationError
from dingmi_desktop.domain.lifecycle import LifecycleKind
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.domain.workflow import Action


def _form_commands() -> ModuleType:
    from dingmi_desktop.cli import form_commands  # it registers these commands: import late

    return form_commands


def _reason(kind: LifecycleKind, text: str | None) -> str:
    if not (text or "").strip():
        raise CliError(f"{kind.value}须填写理由（--reason）。")
    return (text or "").strip()


def _proposal(level: str | None, period: str | None, scope: str | None) -> Corrections | None:
    """--level 机密, --period 5年 / 6个月 / 2035年1月1日 or JSON {"years": 5}, --scope text."""
    text = (period or "").strip()
    if text.startswith("{"):
        try:
            obj = json.loads(text)
        except ValueError:
            raise CliError('--period 须为“5年”这样的文字或 JSON，例如 {"years": 5}。') from None
        try:
            parsed = Period.from_json(obj)
        except ValidationError as exc:
            raise CliError([f"--period：{p.message}。" for p in exc.problems]) from None
        base = corrections_from_text(level or "", "", scope or "") or Corrections()
        return Corrections(category=base.category, period=parsed, scope=base.scope)
    try:
        return corrections_from_text(level or "", text, scope or "")
    except DomainError as exc:
        raise CliError(f"{exc.message}。") from None


def _open(args: argparse.Namespace, kind: LifecycleKind, proposal: Corrections | None) -> int:
    reason = _reason(kind, args.reason)
    fc = _form_commands()
    with fc._services(args) as (services, _):
        form_id = services.lifecycle.open_draft(
            args.id, kind.value, reason, proposal=proposal, basis=args.basis or ""
        )
    if args.json:
        fc._print_json({"id": form_id, "item": args.id, "kind": kind.value, "status": "草稿"})
    else:
        print(f"已拟制{kind.title}草稿：表单 {form_id}（事项 {args.id}）；提交：dingmi form submit {form_id}")
    return 0


def cmd_change(args: argparse.Namespace) -> int:
    proposal = _proposal(args.level, args.period, args.scope)
    if proposal is None:
        raise CliError("变更须给出新的密级（--level）、保密期限（--period）或知悉范围（--scope）之一。")
    return _open(args, LifecycleKind.CHANGE, proposal)


def cmd_declassify(args: argparse.Namespace) -> int:
    return _open(args, LifecycleKind.PUBLICATION if args.publication else LifecycleKind.DECLASSIFY, None)


def cmd_extend(args: argparse.Namespace) -> int:
    proposal = _proposal(None, args.period, None)
    if proposal is None or proposal.period is None:
        raise CliError("延长须给出新的保密期限（--period，自原制发日起算，例如 15年）。")
    return _open(args, LifecycleKind.EXTEND, proposal)


def cmd_notices(args: argparse.Namespace) -> int:
    fc = _form_commands()
    with fc._services(args) as (services, _):
        rows = services.lifecycle.notices(args.id)
    if args.json:
        fc._print_json(
            [
                {
                    "source": n.source,
                    "person": n.person,
                    "notified_on": n.notified_on.isoformat() if n.notified_on else None,
                    "recorded_by": n.recorded_by or None,
                }
                for n in rows
            ]
        )
    else:
        for n in rows:
            done = f"已书面通知 {n.notified_on.isoformat()}（{n.recorded_by}）" if n.notified_on else "未通知"
            print(f"{n.source}\t{n.person}\t{done}")
    return 0


def cmd_notified(args: argparse.Namespace) -> int:
    fc = _form_commands()
    day = fc._day(args.date)
    with fc._services(args) as (services, _):
        notice = services.lifecycle.mark_notified(args.id, args.person, day)
    print(f"已登记：{notice.person} 于 {notice.notified_on} 书面通知（表单 {args.id}）")
    return 0


def _lifecycle_parser(
    forms: argparse._SubParsersAction, name: str, help_text: str
) -> argparse.ArgumentParser:
    p = forms.add_parser(name, help=help_text)
    p.add_argument("id", type=int, help="已定密事项的表单编号")
    add_user_arguments(p)
    p.add_argument("--reason", help=f"{Action.CHANGE.label}、解密或延长的理由（必填）")
    p.add_argument("--basis", help="所依据的规定（默认引用保密法相应条款）")
    p.add_argument("--json", action="store_true")
    return p


def register_form(forms: argparse._SubParsersAction) -> None:
    """Adds the lifecycle commands under `dingmi form`."""
    p = _lifecycle_parser(forms, "change", "拟制变更决定单：变更密级、保密期限或知悉范围")
    p.add_argument("--level", help="新的密级")
    p.add_argument("--period", help="新的保密期限（自原制发日起算），例如 5年、6个月 或 JSON")
    p.add_argument("--scope", help="新的知悉范围")
    p.set_defaults(handler=cmd_change)
    p = _lifecycle_parser(forms, "declassify", "拟制提前解密决定单")
    p.add_argument("--publication", action="store_true", help="因依法公开视为解密（登记为公开解密）")
    p.set_defaults(handler=cmd_declassify)
    p = _lifecycle_parser(forms, "extend", "拟制延长保密期限决定单（须在期限届满前）")
    p.add_argument("--period", required=True, help="延长后的保密期限（自原制发日起算），例如 15年")
    p.set_defaults(handler=cmd_extend)
    p = forms.add_parser("notices", help="变更、解密或延长决定的书面通知名单及通知情况")
    p.add_argument("id", type=int, help="决定单的表单编号")
    add_user_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_notices)
    p = forms.add_parser("notified", help="登记已书面通知（保密员或定密责任人）")
    p.add_argument("id", type=int, help="决定单的表单编号")
    add_user_arguments(p)
    p.add_argument("--person", required=True, help="被通知的知悉人员（或知悉范围原文）")
    p.add_argument("--date", required=True, help="书面通知的日期 YYYY-MM-DD")
    p.set_defaults(handler=cmd_notified)
