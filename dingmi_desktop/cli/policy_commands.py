"""`dingmi policy set NAME VALUE`: the declared settings (review-step: whether submitted forms go to a
审核人 before approval; watermark; time-zone; unit-kind).

Only the 安全保密管理员 may change it, with a second 三员 co-signing (--cosigner); every change is
written to the audit trail with the old value.
Exit codes as docs/interfaces.md: 0 done; 2 bad input; 3 wrong password, locked, or not the 安全保密管理员.
"""

from __future__ import annotations

import argparse

from dingmi_desktop.cli.common import EXIT_OK, add_cosigner_arguments, add_user_arguments, read_cosign
from dingmi_desktop.cli.store_commands import cli_errors, signed_in
from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.services.form_access import REVIEW_SETTING
from dingmi_desktop.storage.settings_decl import BY_CLI_NAME, BY_KEY

# The command's setting names come from the declarations (storage.settings_decl); what a review-step
# value means to the reader.
NAMES = {name: decl.key for name, decl in BY_CLI_NAME.items()}
MEANING = {
    (REVIEW_SETTING, "on"): "已开启审核步骤：提交的表单先经审核人审核，再送定密责任人审批。",
    (REVIEW_SETTING, "off"): "已关闭审核步骤：提交的表单直接进入“待审批”。",
}


def cmd_set(args: argparse.Namespace) -> int:
    with signed_in(args) as session, cli_errors():
        AccountService(session).set_setting(NAMES[args.name], args.value, read_cosign(args))
    key = NAMES[args.name]
    said = MEANING.get((key, args.value), f"已将“{BY_KEY[key].name}”设为 {args.value}。")
    print(said + "（已记入审计日志）")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    policy = subparsers.add_parser("policy", help="定密流程策略（安全保密管理员）").add_subparsers(
        dest="policy_command", metavar="ACTION"
    )
    p = policy.add_parser("set", help="修改流程设置，记入审计日志")
    names = "；".join(
        f"{n}：{d.name}（{'、'.join(d.choices) or d.expected}）" for n, d in BY_CLI_NAME.items()
    )
    p.add_argument("name", choices=sorted(NAMES), help=names)
    p.add_argument("value", help="新值；超出声明范围的值被拒绝并说明原因")
    add_user_arguments(p)
    add_cosigner_arguments(p)  # the review step restricts power: the unit root certifies it
    p.set_defaults(handler=cmd_set)
