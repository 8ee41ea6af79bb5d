"""`dingmi export-pdf ID --user U --out FILE` and `dingmi verify-sheet CODE --user U`."""

from __future__ import annotations

import argparse
from pathlib import Path

from dingmi_desktop.cli.common import EXIT_OK, EXIT_PROBLEM, CliError, add_user_arguments
from dingmi_desktop.cli.store_commands import signed_in
from dingmi_desktop.security.fsutil import atomic_write
from dingmi_desktop.services.printing import PrintingService


def _form_id(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise CliError(f"表单编号应为正整数：{text}")
    return int(text)


def cmd_export_pdf(args: argparse.Namespace) -> int:
    form_id = _form_id(args.id)
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CliError(f"输出目录不存在：{out.parent}")
    if out.is_dir():
        raise CliError(f"输出路径是一个目录：{out}")
    with signed_in(args) as session:
        pdf = PrintingService(session).export_pdf(form_id)
        atomic_write(out, pdf)  # temp file → fsync → rename: never a half-written PDF
    print(f"已导出表单 {form_id} 的审批单：{out}（{len(pdf)} 字节）")
    return EXIT_OK


def cmd_verify_sheet(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        check = PrintingService(session).verify_code(args.code)
    if check.ok:
        marking = check.marking or "无密级标志"
        print(f"核验通过：表单 {check.form_id}《{check.title}》，{marking}，{check.status}。")
        return EXIT_OK
    print(f"核验失败：{check.reason}")
    return EXIT_PROBLEM


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export-pdf", help="导出表单的审批单（PDF）")
    export.add_argument("id", help="表单编号")
    add_user_arguments(export)
    export.add_argument("--out", required=True, help="输出文件（原子写入）")
    export.set_defaults(handler=cmd_export_pdf)

    verify = subparsers.add_parser("verify-sheet", help="核验纸质审批单上的核验码")
    verify.add_argument("code", help="核验码（例如 DM-12-ABCD-EFGH-345-JKMN），或二维码的文字内容")
    add_user_arguments(verify)
    verify.set_defaults(handler=cmd_verify_sheet)
