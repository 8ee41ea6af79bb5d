"""Produce the README screenshots at 1366×768: sign-in, home, a filled form and the same form scrolled
halfway, a returned form with its banner, a queue, the history and the audit page; then sign-in and the form
again at 125 % scaling (a second process: QT_SCALE_FACTOR is read once, when Qt starts).

    python docs/make_screenshots.py [--out docs/screenshots] [--lang en]

Runs offscreen (or under xvfb-run) against a throw-away demo store with sample forms in every state, and
drives the real windows exactly like the GUI tests do. The store, the sessions and the pages run on a fixed
clock, so the dates and times shown are the same on every run. Look at the PNGs after every UI change.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from dingmi_desktop import clock as dingmi_clock
from dingmi_desktop.app import StoreBackend
from dingmi_desktop.clock import local_date
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.services.demo import DEMO_PASSWORD, build_demo
from dingmi_desktop.services.demo_forms import fill_demo_forms
from dingmi_desktop.ui.appearance import set_up_application
from dingmi_desktop.ui.controller import AppController
from dingmi_desktop.ui.dialogs.approval import ApprovalAnswer, ApprovalDialog
from dingmi_desktop.ui.dialogs.prompts import Decision, DecisionDialog
from dingmi_desktop.ui.ops import OpRunner

SIZE = (1366, 768)  # the screen, in device pixels
SHOT_TIME = datetime(2026, 11, 30, 1, 30, tzinfo=UTC)  # 09:30 in the unit's time zone
SCALED = 1.25


class ShotClock:
    """A fixed instant that moves a microsecond per reading (stores expect time to go forward)."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        self.current += timedelta(microseconds=1)
        return self.current


def wait_until(predicate: Callable[[], bool], timeout_ms: int = 30_000) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: predicate() and loop.quit())
    timer.start()
    QTimer.singleShot(timeout_ms, loop.quit)
    if not predicate():
        loop.exec()
    timer.stop()
    if not predicate():
        raise TimeoutError("the window did not reach the expected state")


def settle(ops: OpRunner) -> None:
    wait_until(lambda: not ops.busy)
    loop = QEventLoop()
    QTimer.singleShot(400, loop.quit)  # let layouts and style polish finish before grabbing
    loop.exec()
    QApplication.sendPostedEvents()  # deferred layout requests, on a busy machine too
    QApplication.processEvents()


def shoot(widget: QWidget, path: Path) -> None:
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    widget.grab().save(str(path))  # device pixels: at 125 % a full-screen window is still 1366×768
    print(path)


def fill_review_form(editor, clock: ShotClock) -> None:  # type: ignore[no-untyped-def]
    editor.document.title.setText("关于某项目技术方案的请示")
    editor.document.doc_number.setText("示〔2026〕12号")
    editor.document.copies.setValue(5)
    editor.document.carrier.setCurrentIndex(editor.document.carrier.findText("纸质"))
    editor.classification.set_category(Category.SECRET)
    editor.classification.set_period(Period.of_years(10))
    editor.classification.start_date.set_value(local_date(clock.current))
    editor.classification.scope.setText("本单位领导班子成员及项目组")
    editor.classification.knowers.set_names(["张三", "李四", "王五"])
    editor.basis.reference.setText("示例一览表 第1条")
    editor.basis.text.setPlainText("示例：尚未公布的重大项目技术方案")
    editor.drafting.drafter_phone.setText("8123")
    editor.drafting.opinion.setPlainText("建议定为机密级，保密期限10年")


def scaled_run(args: argparse.Namespace) -> None:
    """The same script again with Qt scaling set from the start."""
    env = {**os.environ, "QT_SCALE_FACTOR": str(SCALED)}
    command = [sys.executable, str(Path(__file__).resolve()), "--out", str(args.out), "--lang", args.lang]
    subprocess.run([*command, "--scaled"], env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "screenshots")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    parser.add_argument("--scaled", action="store_true", help="the 125 % pass (run by the 100 % pass)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = ("" if args.lang == "zh_CN" else "-en") + ("-125" if args.scaled else "")
    clock = ShotClock(SHOT_TIME)
    dingmi_clock.system_now = clock  # whatever still asks the machine gets the same instant
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_up_application(app, args.lang)
    scale = SCALED if args.scaled else 1.0
    size = (round(SIZE[0] / scale), round(SIZE[1] / scale))  # the window fills the 1366×768 screen
    with tempfile.TemporaryDirectory(prefix="dingmi-shots-") as tmp:
        data_dir = Path(tmp) / "demo"
        # Window geometry is remembered per user in the config folder: keep the shots' out of the real one.
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        store = build_demo(data_dir, kdf=KdfParams.FLOOR, clock=clock)
        returned_id = fill_demo_forms(store)["已退回"][0]  # zhangsan's, returned by the officer
        store.close()
        ops = OpRunner()
        backend = StoreBackend(data_dir, demo=True, kdf=KdfParams.FLOOR, clock=clock)
        controller = AppController(backend, ops, quit_on_close=False)
        controller.start()

        def sign_in(user: str) -> None:
            wait_until(lambda: controller.sign_in_dialog is not None)
            controller.sign_in_dialog.attempt(user, DEMO_PASSWORD)
            wait_until(lambda: controller.main_window is not None)
            controller.main_window.showNormal()
            controller.main_window.resize(*size)
            settle(ops)

        def open_form(form_id: int) -> None:
            window.open_form(form_id)
            wait_until(lambda: window.form_page is not None and window.form_page.form_id == form_id)
            settle(ops)

        wait_until(lambda: controller.sign_in_dialog is not None)
        controller.sign_in_dialog.username.setText("zhangsan")
        settle(ops)
        shoot(controller.sign_in_dialog, args.out / f"sign-in{suffix}.png")

        sign_in("zhangsan")
        window = controller.main_window
        if not args.scaled:
            shoot(window, args.out / f"home{suffix}.png")
        page = window.new_form(FormKind.REVIEW)
        editor = page.editor
        fill_review_form(editor, clock)
        settle(ops)
        shoot(window, args.out / f"form{suffix}.png")
        bar = editor.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
        settle(ops)
        shoot(window, args.out / f"form-scrolled{suffix}.png")
        bar.setValue(0)
        if args.scaled:
            editor.mark_clean()  # left unsaved: no "save changes?" prompt
            open_form(returned_id)
            shoot(window, args.out / f"returned{suffix}.png")
            return finish(controller, ops)
        page.submit()
        wait_until(lambda: page.status_badge.text() == "待审核")
        settle(ops)
        form_id = page.form_id
        open_form(returned_id)
        shoot(window, args.out / f"returned{suffix}.png")

        window.action_switch_user.trigger()
        sign_in("lisi")
        window = controller.main_window
        window.go_to("to_review")
        settle(ops)
        open_form(form_id)
        DecisionDialog.set_next_answer(Decision("同意拟定的密级、期限和知悉范围", DEMO_PASSWORD, True))
        window.form_page.decisions.review()
        wait_until(lambda: window.form_page.status_badge.text() == "待审批")
        settle(ops)

        window.action_switch_user.trigger()
        sign_in("wangwu")
        window = controller.main_window
        window.go_to("to_approve")
        settle(ops)
        window.page("to_approve").select_form(form_id)
        shoot(window, args.out / f"queue{suffix}.png")
        open_form(form_id)
        ApprovalDialog.set_next_answer(ApprovalAnswer("同意按机密级、10年管理", DEMO_PASSWORD))
        window.form_page.decisions.approve()
        wait_until(lambda: window.form_page.status_badge.text() == "已定密")
        settle(ops)
        window.form_page.tabs.setCurrentIndex(1)
        settle(ops)
        shoot(window, args.out / f"history{suffix}.png")

        window.action_switch_user.trigger()
        sign_in("auditor")
        window = controller.main_window
        window.page("audit").verify()
        settle(ops)
        shoot(window, args.out / f"audit{suffix}.png")
        finish(controller, ops)
    if args.lang == "zh_CN":  # the English set is the 100 % one only
        scaled_run(args)
    return 0


def finish(controller: AppController, ops: OpRunner) -> int:
    controller._end_main(keep_page=False)
    ops.run(controller.backend.close)
    ops.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
