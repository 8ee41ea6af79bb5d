"""`dingmi trust show|certificate|found` and `dingmi about`: the unit trust anchor from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from dingmi_desktop.cli.common import EXIT_OK, CliError, add_user_arguments
from dingmi_desktop.cli.store_commands import cli_errors, signed_in
from dingmi_desktop.security.fsutil import atomic_write


def cmd_show(args: argparse.Namespace) -> int:
    from dingmi_desktop.services.trust_info import about_lines, trust_info

    with signed_in(args) as session:
        lines = about_lines(trust_info(session))
    print("\n".join(lines))
    return EXIT_OK


def cmd_certificate(args: argparse.Namespace) -> int:
    from dingmi_desktop.services.trust_info import certificate_pdf

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise CliError(f"--out 须为 .pdf 文件：{out}。")
    if not out.parent.is_dir():
        raise CliError(f"输出目录不存在：{out.parent}。请选择已有的文件夹。")
    if out.is_dir():
        raise CliError(f"输出路径是一个目录：{out}。")
    if out.exists() and not args.force:
        raise CliError(f"文件已存在：{out}。为免覆盖已拒绝；确需覆盖请加 --force。")
    with signed_in(args) as session, cli_errors():
        pdf = certificate_pdf(session)
        atomic_write(out, pdf)
    print(f"已导出单位信任根设立证书：{out}（{len(pdf)} 字节）。请打印后由三员及单位负责人签字盖章。")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    trust = subparsers.add_parser(
        "trust", help="单位信任根：查看、设立证书、为旧数据存储建立"
    ).add_subparsers(dest="trust_command", metavar="ACTION")
    p = trust.add_parser("show", help="显示单位、定密权限、信任根指纹与三员密钥指纹")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_show)
    p = trust.add_parser("certificate", help="导出单位信任根设立证书（PDF，记入审计）")
    p.add_argument("--out", required=True, help="输出的 PDF 文件")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_certificate)
    p = subparsers.add_parser("about", help="关于：版本、单位、定密权限、信任根指纹（同 trust show）")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_show)
