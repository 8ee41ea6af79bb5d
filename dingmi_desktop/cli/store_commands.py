"""Store commands: init, demo, user add/grant, passwd, audit verify/export, backup, restore, check."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from dingmi_desktop.cli.common import (
    EXIT_AUTH,
    EXIT_OK,
    EXIT_PROBLEM,
    EXIT_USAGE,
    CliError,
    add_cosigner_arguments,
    add_user_arguments,
    data_dir,
    os_error,
    read_cosign,
    read_password,
    read_secret_file,
)
from dingmi_desktop.domain.categories import LEVEL_NAMES
from dingmi_desktop.domain.roles import ROLE_NAMES, Role
from dingmi_desktop.security import errors as e
from dingmi_desktop.services.provisioning import ADMIN_ACCOUNTS, admin_password_problems, found_store
from dingmi_desktop.storage.records import RoleGrant
from dingmi_desktop.storage.session import Session
from dingmi_desktop.storage.store import Store

_USAGE_ERRORS = (
    e.StoreNotFound,
    e.StoreExists,
    e.InvalidInput,
    e.PasswordPolicyError,
    e.RoleConflict,
    e.NotFound,
    e.BackupInvalid,
    e.StoreBusy,
    e.ReadOnlyLocation,  # also DataDirReadOnly: the folder given cannot be used as it is
)
_AUTH_ERRORS = (e.AuthError, e.PermissionDenied)


def exit_code_of(exc: e.DingmiError) -> int:
    if isinstance(exc, _AUTH_ERRORS):
        return EXIT_AUTH
    if isinstance(exc, _USAGE_ERRORS):
        return EXIT_USAGE
    return EXIT_PROBLEM  # damaged or missing files, too-new store, full disk (never told as damage)


def error_lines(exc: e.DingmiError) -> list[str]:
    """The message, and after a wrong password the attempts left before the lock (as the login dialog)."""
    left, minutes = getattr(exc, "attempts_left", None), getattr(exc, "lock_minutes", None)
    if isinstance(exc, e.WrongPassword) and left and minutes:
        return [exc.message, f"还可尝试 {left} 次，之后账户将锁定 {minutes} 分钟。"]
    return [exc.message]


@contextlib.contextmanager
def cli_errors() -> Iterator[None]:
    """Our errors become one Chinese line and the docs/interfaces.md exit code, never a traceback."""
    try:
        yield
    except e.DingmiError as exc:
        raise CliError(error_lines(exc), exit_code_of(exc)) from exc
    except OSError as exc:
        raise os_error(exc) from exc


@contextlib.contextmanager
def signed_in(args: argparse.Namespace, *, allow_must_change: bool = False) -> Iterator[Session]:
    """Opens the store of --data-dir and signs in --user (password per docs/interfaces.md). For every command
    module: `with signed_in(args) as session: ...`."""
    with cli_errors():
        store = Store.open(data_dir(args))
        try:
            yield _signed_in_store(store, args.user, read_password(args), allow_must_change)
        finally:
            store.close()


def _signed_in_store(store: Store, user: str, password: str, allow_must_change: bool = False) -> Session:
    session = store.sign_in(user, password)
    if session.must_change_password and not allow_must_change:
        raise CliError(f"必须先修改密码：dingmi passwd --user {user}（初始密码或已过期的密码）。", EXIT_AUTH)
    if not session.must_change_password:
        show_name_notice(session)
    return session


def show_name_notice(session: Session) -> None:
    """After a reset: what was done in the user's name, as a block on stderr, then acknowledged (audited)."""
    from dingmi_desktop.services.name_notice import acknowledge, notice_lines, pending_notice

    notice = pending_notice(session)
    if notice is None:
        return
    rule = "=" * 36
    print("\n".join([rule, "以您的名义进行的操作", *notice_lines(notice), rule]), file=sys.stderr)
    acknowledge(session, notice)


def _read_secret_file(path: str | None, what: str) -> str:
    if not path:
        raise CliError(f"缺少{what}：请用文件提供（首行为密码）。")
    first = read_secret_file(path, what)  # refused when others can read it (chmod 600)
    if not first:
        raise CliError(f"{what}文件 {path} 为空。")
    return first


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CliError(f"日期格式应为 YYYY-MM-DD：{text}。") from exc


def _init_passwords(args: argparse.Namespace) -> dict[str, str]:
    """Each 三员's initial password: --USER-password-file, else $DINGMI_PASSWORD_<USER>, else typed twice on a
    terminal (each by its holder)."""
    passwords: dict[str, str] = {}
    for username, display, _ in ADMIN_ACCOUNTS:
        path = getattr(args, f"{username}_password_file")
        env = f"DINGMI_PASSWORD_{username.upper()}"
        if path:
            passwords[username] = _read_secret_file(path, f"{display}（{username}）初始密码")
        elif os.environ.get(env) is not None:
            passwords[username] = os.environ[env]
        elif sys.stdin is not None and sys.stdin.isatty():
            first = getpass.getpass(f"{display}（{username}）的初始密码（本人输入）：")
            if getpass.getpass("再次输入：") != first:
                raise CliError(f"{display}（{username}）两次输入的密码不一致，请重新运行 init。")
            passwords[username] = first
        else:
            raise CliError(
                f"未提供{display}（{username}）的初始密码：请使用 --{username}-password-file 文件，"
                f"或设置环境变量 {env}。"
            )
    return passwords


def _role(text: str) -> Role:
    if text not in ROLE_NAMES:
        raise CliError(f"未知的角色：{text}。可选：{'、'.join(ROLE_NAMES)}。")
    return Role(text)


def cmd_init(args: argparse.Namespace) -> int:
    passwords = _init_passwords(args)
    problems = admin_password_problems(passwords, args.unit.strip())
    if problems:
        raise CliError("三员初始密码不符合要求：" + "；".join(problems) + "。")
    with cli_errors():
        found_store(
            data_dir(args), unit_name=args.unit, authority=args.authority, passwords=passwords
        ).close()
    print(f"已创建数据存储：{data_dir(args)}（账户 sysadmin、secadmin、auditor 首次登录须修改密码）")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from dingmi_desktop.services.demo import DEMO_PASSWORD, DEMO_USERS, build_demo

    with cli_errors():
        store = build_demo(data_dir(args))
        try:
            _fill_demo_forms(store)
        except BaseException:
            store.discard()  # no half-built demo: a retry must find an empty directory
            raise
        store.close()
    names = "、".join(u[0] for u in DEMO_USERS)
    print(f"已创建演示数据：{data_dir(args)}；用户 {names}，密码均为 {DEMO_PASSWORD}")
    return EXIT_OK


def _fill_demo_forms(store: Store) -> None:
    """Forms in every workflow state, made through the workflow services."""
    from dingmi_desktop.services.demo_forms import fill_demo_forms

    fill_demo_forms(store)


def cmd_user_add(args: argparse.Namespace) -> int:
    from dingmi_desktop.services.accounts import AccountService

    initial = _read_secret_file(args.initial_password_file, "初始密码")
    with signed_in(args) as session, cli_errors():
        AccountService(session).add_user(args.username, args.name or args.username, args.department, initial)
    print(f"已创建用户 {args.username}（首次登录须修改密码）")
    return EXIT_OK


def cmd_user_grant(args: argparse.Namespace) -> int:
    from dingmi_desktop.domain.remit import parse_remit
    from dingmi_desktop.services.accounts import AccountService

    grant = RoleGrant(
        _role(args.role),
        args.officer_kind,
        args.highest_level,
        _date(args.term_until),
        _date(args.trained_on),
        parse_remit(args.remit),
    )
    with signed_in(args) as session, cli_errors():
        cosign = read_cosign(args)
        if args.revoke:
            AccountService(session).revoke(args.username, args.role, cosign)
            print(f"已撤销用户 {args.username} 的角色 {args.role}")
        else:
            AccountService(session).grant(args.username, grant, cosign)
            print(f"已授予用户 {args.username} 角色 {args.role}")
    return EXIT_OK


def cmd_user_confirm_key(args: argparse.Namespace) -> int:
    from dingmi_desktop.services.accounts import AccountService

    with signed_in(args) as session, cli_errors():
        AccountService(session).confirm_key(args.username, read_cosign(args))
    print(
        f"已确认用户 {args.username} 的密钥（由 {args.user} 与 {args.cosigner} 当面确认）。"
        "该用户现在可以签名。"
    )
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    from dingmi_desktop.services.accounts import AccountService

    target = args.username or args.user
    with signed_in(args, allow_must_change=target == args.user) as session, cli_errors():
        if target == args.user:
            new = _read_secret_file(args.new_password_file, "新密码")
            session.change_password(read_password(args), new)
            print("密码已修改。")
        else:
            temporary = _read_secret_file(args.new_password_file, "临时密码")
            AccountService(session).reset_password(target, temporary)
            print(f"已重置用户 {target} 的密码（下次登录须修改）。")
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from dingmi_desktop.services.accounts import AuditService

    with signed_in(args) as session, cli_errors():
        report = AuditService(session).verify()
    if report.ok:
        print(f"审计日志完整：{report.entries} 条记录；{report.decisions} 条决定记录的签名均有效。")
        for note in report.notes:
            print(f"{note}。")
        return EXIT_OK
    for problem in report.problems:
        print(f"校验失败：{problem}。")
    return EXIT_PROBLEM


def cmd_audit_export(args: argparse.Namespace) -> int:
    from dingmi_desktop.services.accounts import AuditService

    with signed_in(args) as session, cli_errors():
        count = AuditService(session).export_csv(Path(args.out))
    print(f"已导出 {count} 条审计记录到 {args.out}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from dingmi_desktop.storage.maintenance import backup

    with signed_in(args) as session, cli_errors():
        backup(session, Path(args.out))
    print(f"已写入加密备份：{args.out}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Into an empty directory. Over an existing store: with --user the backup is compared with it first
    (rollback, rewrite, entries a restore drops), and --replace confirms (the old store is kept aside)."""
    from dingmi_desktop.storage.maintenance import compare_backup, restore

    target = data_dir(args)
    occupied = target.exists() and any(target.iterdir())
    if occupied and args.user:
        with signed_in(args) as session, cli_errors():
            comparison = compare_backup(session, Path(args.file))
        for finding in comparison.findings:
            print(f"注意：{finding}。")
        if not comparison.findings:
            print(
                f"备份是现有数据存储的旧状态；恢复将丢弃其后的 {comparison.dropped} 条审计记录"
                "及其间的全部改动。"
            )
        if not args.replace:
            print(
                "未恢复：目标数据目录已有数据存储。确认以备份替换请加 --replace（现有数据目录将改名保留）。"
            )
            return EXIT_PROBLEM
    elif occupied and args.replace:
        raise CliError("以备份替换现有数据存储前须先比对：请同时提供 --user（及密码）。")
    with cli_errors():
        kept = restore(Path(args.file), target, replace=bool(args.replace))
    if kept is not None:
        print(f"原数据目录已改名保留为 {kept}。")
    print(f"已从备份恢复到 {target}；请用原有账户登录。")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Reads first, on a read-only connection: a damaged store is reported and never written. Only an
    intact store is then signed in to (and the check audited)."""
    from dingmi_desktop.storage.maintenance import check, check_read_only

    with cli_errors():
        store = Store.open(data_dir(args), read_only=True)
        try:
            password = read_password(args)
            problems, complete = check_read_only(store, args.user, password)
            if not problems:
                if not store.writable:
                    raise e.DataDirReadOnly(
                        f"数据目录只读：{store.data_dir}。校验未发现损坏，但无法登记本次检查的审计记录；"
                        "请将数据目录改为可写后重试。"
                    )
                session = _signed_in_store(store, args.user, password)
                problems = check(session, verified=complete)
        finally:
            store.close()
    if not problems:
        print("数据完整：加密页、数据库结构、审计链与签名均校验通过。")
        return EXIT_OK
    for problem in problems:
        print(f"校验失败：{problem}。")
    return EXIT_PROBLEM


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("init", help="创建空的加密数据存储（含三员账户）")
    p.add_argument("--unit", required=True, help="单位名称")
    p.add_argument("--authority", required=True, choices=LEVEL_NAMES, help="本单位定密权限")
    for username, display in (
        ("sysadmin", "系统管理员"),
        ("secadmin", "安全保密管理员"),
        ("auditor", "安全审计员"),
    ):
        p.add_argument(
            f"--{username}-password-file",
            help=f"{display}的初始密码文件（首行，chmod 600），或环境变量 "
            f"DINGMI_PASSWORD_{username.upper()}；三员的密码须互不相同",
        )
    p.set_defaults(handler=cmd_init)

    p = subparsers.add_parser("demo", help="创建演示数据（不会覆盖已有数据）")
    p.set_defaults(handler=cmd_demo)

    user = subparsers.add_parser("user", help="账户管理").add_subparsers(
        dest="user_command", metavar="ACTION"
    )
    p = user.add_parser("add", help="新建用户（系统管理员）")
    p.add_argument("username")
    p.add_argument("--name", help="姓名")
    p.add_argument("--department", default="", help="部门")
    p.add_argument("--initial-password-file", required=True, help="初始密码文件（首行）")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_user_add)
    p = user.add_parser("grant", help="授予或撤销角色（安全保密管理员）")
    p.add_argument("username")
    p.add_argument("--role", required=True, help="角色，例如 承办人、定密审核人、定密责任人")
    p.add_argument("--officer-kind", choices=("法定", "指定"), help="定密责任人类别")
    p.add_argument("--highest-level", choices=LEVEL_NAMES, help="定密责任人最高权限")
    p.add_argument("--term-until", help="任期截止日 YYYY-MM-DD")
    p.add_argument("--trained-on", help="培训日期 YYYY-MM-DD")
    p.add_argument(
        "--remit",
        default="",
        help="指定定密责任人的职责范围：部门或事项，以顿号或逗号分隔（条例第十五条；省略为全单位）",
    )
    p.add_argument("--revoke", action="store_true", help="撤销该角色")
    add_user_arguments(p)
    add_cosigner_arguments(p)
    p.set_defaults(handler=cmd_user_grant)
    p = user.add_parser("confirm-key", help="当面确认新建或重置后的密钥（系统管理员与第二名三员）")
    p.add_argument("username")
    add_user_arguments(p)
    add_cosigner_arguments(p)
    p.set_defaults(handler=cmd_user_confirm_key)

    p = subparsers.add_parser("passwd", help="修改本人密码，或（系统管理员）重置他人密码")
    p.add_argument("username", nargs="?", help="要重置密码的用户（省略则修改本人密码）")
    p.add_argument("--new-password-file", required=True, help="新密码或临时密码文件（首行）")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_passwd)

    audit = subparsers.add_parser("audit", help="审计日志（安全审计员）").add_subparsers(
        dest="audit_command", metavar="ACTION"
    )
    p = audit.add_parser("verify", help="校验审计链与审批签名")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_audit_verify)
    p = audit.add_parser("export", help="导出审计日志为 CSV")
    p.add_argument("--out", required=True)
    add_user_arguments(p)
    p.set_defaults(handler=cmd_audit_export)

    p = subparsers.add_parser("backup", help="写入加密备份（系统管理员）")
    p.add_argument("--out", required=True)
    add_user_arguments(p)
    p.set_defaults(handler=cmd_backup)

    p = subparsers.add_parser("restore", help="从备份恢复到空的数据目录（或比对后替换现有数据存储）")
    p.add_argument("file")
    add_user_arguments(p, required=False)
    p.add_argument("--replace", action="store_true", help="确认以备份替换现有数据存储（原目录改名保留）")
    p.set_defaults(handler=cmd_restore)

    p = subparsers.add_parser("check", help="校验数据完整性")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_check)
