"""Produce the README screenshots: sign-in, a queue, a filled form and the history, at 1366×768.

    python docs/make_screenshots.py [--out docs/screenshots]

Runs offscreen (or under xvfb-run) against a throw-away demo store with sample forms in every state, and
drives the real windows exactly like the GUI tests do. Look at the PNGs after every UI change.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from dingmi_desktop.app import StoreBackend
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.services.demo import DEMO_PASSWORD, build_demo
from dingmi_desktop.ui.appearance import set_up_application
from dingmi_desktop.ui.controller import AppController
from dingmi_desktop.ui.dialogs.approval import ApprovalAnswer, ApprovalDialog
from dingmi_desktop.ui.dialogs.prompts import Decision, DecisionDialog
from dingmi_desktop.ui.ops import OpRunner

SIZE = (1366, 768)


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
    QTimer.singleShot(150, loop.quit)  # let layouts and style polish finish before grabbing
    loop.exec()


def shoot(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "screenshots")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "zh_CN" else "-en"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_up_application(app, args.lang)
    with tempfile.TemporaryDirectory(prefix="dingmi-shots-") as tmp:
        data_dir = Path(tmp) / "demo"
        store = build_demo(data_dir, kdf=KdfParams.FLOOR)
        try:
            from dingmi_desktop.services.demo_forms import fill_demo_forms

            fill_demo_forms(store)
        except ImportError:
            pass
        store.close()
        ops = OpRunner()
        controller = AppController(StoreBackend(data_dir, demo=True), ops, quit_on_close=False)
        controller.start()

        def sign_in(user: str) -> None:
            wait_until(lambda: controller.sign_in_dialog is not None)
            controller.sign_in_dialog.attempt(user, DEMO_PASSWORD)
            wait_until(lambda: controller.main_window is not None)
            controller.main_window.resize(*SIZE)
            settle(ops)

        wait_until(lambda: controller.sign_in_dialog is not None)
        controller.sign_in_dialog.username.setText("zhangsan")
        settle(ops)
        shoot(controller.sign_in_dialog, args.out / f"sign-in{suffix}.png")

        sign_in("zhangsan")
        window = controller.main_window
        shoot(window, args.out / f"home{suffix}.png")
        page = window.new_form(FormKind.REVIEW)
        editor = page.editor
        editor.document.title.setText("关于某项目技术方案的请示")
        editor.document.doc_number.setText("示〔2026〕12号")
        editor.document.copies.setValue(5)
        editor.document.carrier.setCurrentIndex(editor.document.carrier.findText("纸质"))
        editor.classification.set_category(Category.SECRET)
        editor.classification.years.setValue(10)
        editor.classification.start_date.set_value(date(2026, 11, 28))
        editor.classification.scope.setText("本单位领导班子成员及项目组")
        editor.classification.knowers.set_names(["张三", "李四", "王五"])
        editor.basis.reference.setText("示例一览表 第1条")
        editor.basis.text.setPlainText("示例：尚未公布的重大项目技术方案")
        editor.drafting.drafter_phone.setText("8123")
        editor.drafting.opinion.setPlainText("建议定为机密级，保密期限10年")
        settle(ops)
        shoot(window, args.out / f"form{suffix}.png")
        page.submit()
        wait_until(lambda: page.status_badge.text() == "待审核")
        settle(ops)
        form_id = page.form_id

        window.action_switch_user.trigger()
        sign_in("lisi")
        window = controller.main_window
        window.go_to("to_review")
        settle(ops)
        window.open_form(form_id)
        wait_until(lambda: window.form_page is not None and window.form_page.form_id == form_id)
        DecisionDialog.set_next_answer(Decision("同意拟定的密级、期限和知悉范围", DEMO_PASSWORD, True))
        window.form_page.decisions.review()
        wait_until(lambda: window.form_page.status_badge.text() == "待审批")
        settle(ops)

        window.action_switch_user.trigger()
        sign_in("wangwu")
        window = controller.main_window
        window.go_to("to_approve")
        settle(ops)
        queue = window.page("to_approve")
        queue.select_form(form_id)
        shoot(window, args.out / f"queue{suffix}.png")
        window.open_form(form_id)
        wait_until(lambda: window.form_page is not None and window.form_page.form_id == form_id)
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
        controller._end_main(keep_page=False)
        ops.run(controller.backend.close)
        ops.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
