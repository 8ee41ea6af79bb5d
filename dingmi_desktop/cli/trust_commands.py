"""`dingmi trust show|certificate|found` and `dingmi about`: the unit trust anchor from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from dingmi_desktop.cli.common import EXIT_OK, CliError, add_user_arguments, data_dir
from dingmi_desktop.cli.store_commands import cli_errors, signed_in
from dingmi_desktop.logging_setup import log_dir
from dingmi_desktop.security.fsutil import atomic_write


def cmd_show(args: argparse.Namespace) -> int:
    from dingmi_desktop.services.trust_info import about_lines, trust_info

    with signed_in(args) as session:
        lines = about_lines(trust_info(session))
    print("\n".join([*lines, f"日志目录：{log_dir(data_dir(args))}"]))
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


def _admin_passwords(args: argparse.Namespace) -> dict[str, str]:
    """Each 三员's password: --password-file-of USER=FILE, else $DINGMI_PASSWORD_<USER>, else a prompt."""
    import getpass
    import os
    import sys

    from dingmi_desktop.cli.common import read_secret_file

    files: dict[str, str] = {}
    for item in args.password_file_of or []:
        name, sep, path = item.partition("=")
        if not sep or not name.strip() or not path:
            raise CliError(f"--password-file-of 的格式应为 用户名=密码文件：{item}。")
        files[name.strip()] = path
    names = [n.strip() for n in args.admins.split(",") if n.strip()]
    if len(names) < 2:
        raise CliError("--admins 须列出全部三员的用户名（以逗号分隔，至少两名）。")
    passwords: dict[str, str] = {}
    for name in names:
        env = f"DINGMI_PASSWORD_{name.upper().replace('-', '_').replace('.', '_')}"
        if name in files:
            passwords[name] = read_secret_file(files[name], f"{name} 的密码")
        elif os.environ.get(env) is not None:
            passwords[name] = os.environ[env]
        elif sys.stdin is not None and sys.stdin.isatty():
            passwords[name] = getpass.getpass(f"三员 {name} 的密码（本人当面输入）：")
        else:
            raise CliError(
                f"未提供 {name} 的密码：请使用 --password-file-of {name}=文件，或设置环境变量 {env}。"
            )
    unknown = sorted(set(files) - set(names))
    if unknown:
        raise CliError(f"--password-file-of 中的 {'、'.join(unknown)} 不在 --admins 所列的三员中。")
    return passwords


def cmd_found(args: argparse.Namespace) -> int:
    from dingmi_desktop.cli.common import data_dir
    from dingmi_desktop.storage.founding import found_on_existing
    from dingmi_desktop.storage.store import Store

    passwords = _admin_passwords(args)
    with cli_errors():
        store = Store.open(data_dir(args))
        try:
            result = found_on_existing(store, passwords)
        finally:
            store.close()
    print(f"已建立单位信任根，指纹：{result.fingerprint}（由 {'、'.join(result.holders)} 共同持有）。")
    print(f"已认证原有的签名决定 {result.decisions} 条、已定密表单 {result.forms} 份（信任根建立前的签名）。")
    for line in result.refused:
        print(f"未予认证（按原规则核验不通过）：{line}")
    if result.need_reset:
        names = "、".join(result.need_reset)
        print(f"以下用户须由系统管理员重置密码并当面确认密钥后方可登录：{names}")
    print("请执行 dingmi trust certificate 导出设立证书，签字盖章后存档并报备案。")
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
    p = trust.add_parser("found", help="为建立于信任根之前的数据存储建立单位信任根（全部三员当面）")
    p.add_argument("--admins", default="sysadmin,secadmin,auditor", help="全部三员的用户名，以逗号分隔")
    p.add_argument(
        "--password-file-of", action="append", metavar="USER=FILE", help="某三员的密码文件（首行，chmod 600）"
    )
    p.set_defaults(handler=cmd_found)
    p = subparsers.add_parser("about", help="关于：版本、单位、定密权限、信任根指纹（同 trust show）")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_show)
