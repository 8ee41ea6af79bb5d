"""GUI test harness: the real controller, main window and services over a real SQLCipher demo store.

Each test gets a copy of the per-run demo template; the idle clock is injected so auto-lock is tested
without waiting. Modal prompts are answered through the dialogs' test seams (set_next_answer).
"""

from __future__ import annotations

import shutil
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dingmi_desktop.app import StoreBackend
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.storage import Store
from dingmi_desktop.ui.appearance import set_up_application
from dingmi_desktop.ui.controller import AppController
from dingmi_desktop.ui.excepthook import ErrorDialogs
from dingmi_desktop.ui.ops import OpRunner
from tests.services.samples import Users, form

WAIT_MS = 20_000


class IdleClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Harness:
    def __init__(self, qtbot, controller: AppController, ops: OpRunner, clock: IdleClock) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.controller = controller
        self.ops = ops
        self.clock = clock

    @property
    def window(self):  # type: ignore[no-untyped-def]
        assert self.controller.main_window is not None
        return self.controller.main_window

    def idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.ops.busy, timeout=WAIT_MS)

    def wait_sign_in(self) -> None:
        self.qtbot.waitUntil(lambda: self.controller.sign_in_dialog is not None, timeout=WAIT_MS)
        self.idle()

    def sign_in(self, username: str, password: str = DEMO_PASSWORD) -> None:
        self.wait_sign_in()
        dialog = self.controller.sign_in_dialog
        assert dialog is not None
        dialog.attempt(username, password)
        self.qtbot.waitUntil(lambda: self.controller.main_window is not None, timeout=WAIT_MS)
        self.idle()

    def switch_to(self, username: str, password: str = DEMO_PASSWORD) -> None:
        self.window.action_switch_user.trigger()
        self.sign_in(username, password)

    def open_page(self, key: str):  # type: ignore[no-untyped-def]
        page = self.window.go_to(key)
        self.idle()
        return page

    def open_form(self, form_id: int):  # type: ignore[no-untyped-def]
        self.window.open_form(form_id)
        self.qtbot.waitUntil(
            lambda: self.window.form_page is not None and self.window.form_page.form_id == form_id,
            timeout=WAIT_MS,
        )
        self.idle()
        return self.window.form_page


@pytest.fixture(scope="session")
def _styled_app(qapp):  # type: ignore[no-untyped-def]
    set_up_application(qapp)
    return qapp


def _seam_queues() -> list[deque[Any]]:
    """The answer queue of every dialog test seam in the loaded UI modules (found, not listed: a seam added
    by a new dialog is cleaned too, whether or not it has ``clear_answers``)."""
    queues: dict[int, deque[Any]] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("dingmi_desktop.ui") or module is None:
            continue
        for value in list(vars(module).values()):
            if isinstance(value, type):
                for klass in value.__mro__:
                    queue = vars(klass).get("_answers")
                    if isinstance(queue, deque):
                        queues[id(queue)] = queue
    return list(queues.values())


@pytest.fixture(autouse=True)
def _clean_seams() -> Iterator[None]:
    """No seeded answer and no error record crosses from one test into the next."""
    ErrorDialogs.silent = True
    ErrorDialogs.reset()
    for queue in _seam_queues():
        queue.clear()
    yield
    for queue in _seam_queues():  # an answer a test seeded but never used must not answer the next test
        queue.clear()
    ErrorDialogs.silent = False


def _start(qtbot, backend: StoreBackend) -> Iterator[Harness]:  # type: ignore[no-untyped-def]
    clock = IdleClock()
    ops = OpRunner()
    controller = AppController(backend, ops, idle_clock=clock, check_interval_ms=20, quit_on_close=False)
    harness = Harness(qtbot, controller, ops, clock)
    controller.start()
    try:
        yield harness
    finally:
        if controller.main_window is not None:
            controller._end_main(keep_page=False)
        for widget in (controller.sign_in_dialog, controller.wizard, controller.password_dialog):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        controller.idle.shutdown()
        ops.run(backend.close)
        ops.shutdown()


@pytest.fixture
def demo_dir(tmp_path: Path, _demo_template: Path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(_demo_template, target)
    return target


@pytest.fixture
def gui(qtbot, _styled_app, demo_dir: Path, clock) -> Iterator[Harness]:  # type: ignore[no-untyped-def]
    backend = StoreBackend(demo_dir, demo=True, kdf=KdfParams.FLOOR, clock=clock)
    yield from _start(qtbot, backend)


@pytest.fixture
def fresh_gui(qtbot, _styled_app, tmp_path: Path, clock) -> Iterator[Harness]:  # type: ignore[no-untyped-def]
    backend = StoreBackend(tmp_path / "new-store", demo=False, kdf=KdfParams.FLOOR, clock=clock)
    yield from _start(qtbot, backend)


# --- a store with one form approved for printing (print, export and batch export tests) ---------------


@pytest.fixture(scope="session")
def _print_template(tmp_path_factory: pytest.TempPathFactory, _demo_template: Path) -> tuple[Path, int]:
    """The demo store plus one 机密★10年 form approved for 3 copies, drafted by zhangsan."""
    path = tmp_path_factory.mktemp("print-template") / "store"
    shutil.copytree(_demo_template, path)
    store = Store.open(path)
    try:
        users = Users(store)
        form_id = users.to_approval(form(copies=3))
        users.approve(form_id)
    finally:
        store.close()
    return path, form_id


@pytest.fixture
def approved(_print_template: tuple[Path, int]) -> int:
    return _print_template[1]


@pytest.fixture
def print_gui(qtbot, _styled_app, tmp_path: Path, _print_template, clock) -> Iterator[Harness]:  # type: ignore[no-untyped-def]
    target = tmp_path / "store"
    shutil.copytree(_print_template[0], target)
    backend = StoreBackend(target, demo=True, kdf=KdfParams.FLOOR, clock=clock)
    yield from _start(qtbot, backend)
