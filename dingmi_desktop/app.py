"""Composition root of the GUI: parses arguments, builds the backend and services, shows the first window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

from dingmi_desktop.logging_setup import FORMAT, logging_to
from dingmi_desktop.paths import DATA_DIR_ENV, demo_data_dir, store_dir
from dingmi_desktop.version import VersionAction

if TYPE_CHECKING:  # types only: storage and services load on the worker, after the sign-in dialog shows
    from dingmi_desktop.clock import Clock
    from dingmi_desktop.security.kdf import KdfParams
    from dingmi_desktop.storage.session import Session
    from dingmi_desktop.storage.store import Store
    from dingmi_desktop.ui.bundle import ServiceBundle

log = logging.getLogger("dingmi_desktop")

STARTUP_PROBE_ENV = "DINGMI_STARTUP_PROBE"
STARTUP_PROBE_MARKER = "DINGMI_SIGN_IN_SHOWN"
STARTUP_READY_MARKER = "DINGMI_SIGN_IN_READY"


class _ChineseParser(argparse.ArgumentParser):
    def format_usage(self) -> str:
        return super().format_usage().replace("usage: ", "用法：", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage: ", "用法：", 1)

    def error(self, message: str) -> NoReturn:
        self.exit(
            2,
            f"{self.format_usage()}{self.prog}：参数有误（{message}）。运行 {self.prog} --help 查看用法。\n",
        )


def _where_help(environ: Mapping[str, str]) -> str:
    return (
        "数据存放位置：--data-dir 指定的目录，"
        f"否则环境变量 {DATA_DIR_ENV} 指定的目录，否则每用户的默认目录。\n"
        f"  当前 {DATA_DIR_ENV}：{environ.get(DATA_DIR_ENV) or '未设置'}\n"
        f"  不带 --data-dir 启动时打开：{store_dir(None, demo=False, environ=environ)}\n"
        f"  --demo 不带 --data-dir 时打开（不存在则创建）：{store_dir(None, demo=True, environ=environ)}"
    )


def parse_args(argv: Sequence[str] | None, environ: Mapping[str, str] | None = None) -> argparse.Namespace:
    """Options, plus `store_dir`: the directory this start opens (see paths.store_dir)."""
    environ = os.environ if environ is None else environ
    parser = _ChineseParser(
        prog="dingmi-desktop",
        description="定密桌面：国家秘密事项的定密拟稿、审核、签发与登记。",
        epilog=_where_help(environ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
    )
    options = parser.add_argument_group("选项")
    options.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
    options.add_argument("--data-dir", type=Path, metavar="目录", help="数据目录（存放加密存储）")
    options.add_argument("--demo", action="store_true", help="打开演示数据（不存在时创建）")
    options.add_argument("--lang", choices=("zh_CN", "en"), help="界面语言（默认简体中文）")
    options.add_argument("--version", action=VersionAction)
    options.add_argument(
        "--smoke", action="store_true", help="安装后自检：在临时目录走一遍拟稿、审批、生成并核验审批单后退出"
    )
    args = parser.parse_args(argv)
    args.store_dir = store_dir(args.data_dir, demo=args.demo, environ=environ)
    return args


class StoreBackend:
    """The GUI's view of storage and services. Every method except the properties runs on the worker."""

    def __init__(
        self, data_dir: Path, *, demo: bool = False, kdf: KdfParams | None = None, clock: Clock | None = None
    ) -> None:
        self.data_dir = Path(data_dir)
        self.demo = demo
        self.kdf = kdf  # None: calibrate (production); tests pass KdfParams.FLOOR
        self.clock = clock
        self.store: Store | None = None

    # --- store --------------------------------------------------------------------------------------

    def _clock_kw(self) -> dict[str, Any]:
        return {"clock": self.clock} if self.clock is not None else {}

    def _open(self) -> Store:
        """The store, once opened or created (the controller signs in only after that)."""
        if self.store is None:
            raise RuntimeError("the store is not open")
        return self.store

    def open_store(self) -> None:
        from dingmi_desktop.storage import Store

        self.store = Store.open(self.data_dir, **self._clock_kw())

    def store_may_exist(self) -> bool:
        """Cheap check (no storage import) so the sign-in dialog can appear while the store opens."""
        try:
            return self.data_dir.is_dir() and any(self.data_dir.iterdir())
        except OSError:
            return False

    def store_missing(self, exc: BaseException) -> bool:
        from dingmi_desktop.storage import StoreNotFound

        return isinstance(exc, StoreNotFound)

    @property
    def unit_name(self) -> str:
        return self.store.unit_name if self.store is not None else ""

    @property
    def authority(self) -> str:
        return self.store.authority if self.store is not None else ""

    def build_demo(self) -> None:
        from dingmi_desktop.services.demo import build_demo

        store = self.store = build_demo(self.data_dir, kdf=self.kdf, **self._clock_kw())
        from dingmi_desktop.services.demo_forms import fill_demo_forms

        fill_demo_forms(store)  # like `dingmi demo`: sample forms in every workflow state
        store.lock()

    def create_store(self, unit: str, authority: str, passwords: dict[str, str]) -> None:
        """A new store whose three 三员 accounts get the initial passwords entered in the wizard (three
        different ones, each changed at first sign-in): services.provisioning, as `dingmi init`."""
        from dingmi_desktop.services.provisioning import found_store

        store = found_store(
            self.data_dir,
            unit_name=unit,
            authority=authority,
            passwords=passwords,
            kdf=self.kdf,
            **self._clock_kw(),
        )
        store.lock()
        self.store = store

    # --- sessions -----------------------------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> Session:
        return self._open().sign_in(username, password)

    def must_change_password(self, session: Session) -> bool:
        return bool(session.must_change_password)

    def change_password(self, session: Session, old: str, new: str) -> None:
        session.change_password(old, new)

    def policy_problems(self, username: str, password: str, session: Session | None = None) -> list[str]:
        from dingmi_desktop.security.passwords import PasswordPolicy, check_password

        policy = session.policy if session is not None else PasswordPolicy()
        return check_password(policy, password, username=username)

    def services_for(self, session: Session) -> ServiceBundle:
        from dingmi_desktop.services.accounts import AccountService, AuditService
        from dingmi_desktop.services.calendar import CalendarService
        from dingmi_desktop.services.catalogue import CatalogueService
        from dingmi_desktop.services.lazy_printing import LazyPrinting
        from dingmi_desktop.ui.bundle import ServiceBundle, SessionInfo

        user = session.user
        roles = frozenset(user.roles)
        info = SessionInfo(
            username=user.username,
            display_name=user.display_name,
            department=user.department,
            roles=roles,
            unit_name=self.unit_name,
            authority=self.authority,
            idle_lock_minutes=int(session.policy.idle_lock_minutes),
        )
        bundle = ServiceBundle(info=info, session=session, now=session.now, zone=session.zone)
        bundle.calendar = CalendarService(session)
        if not roles & {"系统管理员", "安全审计员"}:  # read by business users, managed by the 安全保密管理员
            bundle.catalog = CatalogueService(session)
        if roles & {"系统管理员", "安全保密管理员"}:
            bundle.accounts = AccountService(session)
        if "安全审计员" in roles:
            bundle.audit = AuditService(session)
        if not roles & {"系统管理员", "安全保密管理员", "安全审计员"}:
            from dingmi_desktop.services.forms import FormServices

            bundle.workflow = FormServices(session)
            bundle.printing = LazyPrinting(session)
            from dingmi_desktop.services.office_desk import OfficeDeskService
            from dingmi_desktop.services.print_register import PrintRegisterService
            from dingmi_desktop.services.register import RegisterService
            from dingmi_desktop.services.statistics import StatisticsService

            bundle.register = RegisterService(session)
            bundle.print_register = PrintRegisterService(session)
            bundle.statistics = StatisticsService(session)
            bundle.office = OfficeDeskService(session)
            from dingmi_desktop.services.filing import FilingService

            bundle.filing = FilingService(session)
            from dingmi_desktop.services.knower_grants import KnowerGrantService

            bundle.knowers = KnowerGrantService(session)
            if roles & {"定密责任人", "保密员"}:
                from dingmi_desktop.services.annual_review_opener import annual_review

                bundle.annual_review = annual_review(session)
            from dingmi_desktop.services.expiry import ExpiryService
            from dingmi_desktop.services.expiry_conditions import ConditionService

            bundle.expiry = ExpiryService(session)
            bundle.conditions = ConditionService(session)
        return bundle

    def end_session(self, session: Session) -> None:
        session.close()
        if self.store is not None:
            self.store.lock()

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


def _install_startup_probe(controller: Any, app: Any) -> None:
    """For `dingmi bench` (startup.login_dialog_s): report once the sign-in dialog is on screen, then quit."""
    from PySide6.QtCore import QTimer

    def shown() -> None:
        QTimer.singleShot(0, lambda: print(STARTUP_PROBE_MARKER, flush=True))  # after the first paint

    def ready() -> None:
        def report() -> None:
            print(STARTUP_READY_MARKER, flush=True)
            app.quit()

        QTimer.singleShot(0, report)

    controller.sign_in_shown.connect(shown)
    controller.sign_in_ready.connect(ready)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    data_dir = args.store_dir
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)  # the INFO events (kinds, timings) go to the log file only
    logging.basicConfig(level=logging.WARNING, format=FORMAT, handlers=[stderr])
    with logging_to(data_dir, "dingmi-desktop"):
        return _run_gui(args, data_dir)


def _run_gui(args: argparse.Namespace, data_dir: Path) -> int:
    from dingmi_desktop.ui.compat import pin_immortal_singletons

    pin_immortal_singletons()  # before any Qt call; see ui/compat.py
    if args.smoke:  # offscreen, no excepthook dialog: every failure goes to stderr and the exit code
        from dingmi_desktop.ui.smoke_qt import run

        return run()

    from PySide6.QtWidgets import QApplication

    from dingmi_desktop.ui.appearance import set_up_application
    from dingmi_desktop.ui.controller import AppController
    from dingmi_desktop.ui.excepthook import install_excepthook, show_error
    from dingmi_desktop.ui.ops import OpRunner

    app = cast("QApplication", QApplication.instance()) or QApplication(sys.argv[:1])
    from PySide6 import __version__ as pyside_version

    from dingmi_desktop.version import package_version

    log.info("start %s, PySide6 %s, %s", package_version(), pyside_version, sys.platform)
    set_up_application(app, args.lang)
    install_excepthook()
    app.setQuitOnLastWindowClosed(False)
    ops = OpRunner(error_handler=show_error)
    backend = StoreBackend(data_dir, demo=args.demo or data_dir == demo_data_dir())
    controller = AppController(backend, ops)
    if os.environ.get(STARTUP_PROBE_ENV):
        _install_startup_probe(controller, app)
    controller.start()
    try:
        code = app.exec()
    finally:
        ops.run(backend.close, label="close store")
        ops.shutdown()
    log.info("exit %d", code)
    return code
