"""GUI figures: process start to the sign-in dialog, and key-in-hand to the populated main window.

startup.login_dialog_s is the dialog on screen (the store opens in the background meanwhile);
startup.login_ready_s adds the store header read (unit name shown, sign-in enabled).

Both run offscreen against a real store holding ctx.stored_forms forms (drafts of zhangsan). The store uses
the floor KDF parameters: the derivation is measured separately (unlock.kdf_s) and excluded here. The store is
generated in a child process: writing 10 000 forms through the ORM is the bench's setup, not the program's
work, and would otherwise leave its heap in this process's memory.peak_mib.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import cast

from dingmi_desktop.bench.runner import BenchContext

BATCH = 2000
DRAFTER = "zhangsan"


def _build_store(path: Path, count: int) -> None:
    from sqlalchemy import select

    from dingmi_desktop.bench.store_bench import sample_form
    from dingmi_desktop.security.kdf import KdfParams
    from dingmi_desktop.services.demo import build_demo
    from dingmi_desktop.storage import tables as t
    from dingmi_desktop.storage.directory import Tx, load_user

    store = build_demo(path, kdf=KdfParams.FLOOR)
    try:
        done = 0
        while done < count:
            with store.orm_transaction() as orm:
                row = orm.scalars(select(t.User).where(t.User.username == DRAFTER)).one()
                tx = Tx(orm, load_user(orm, row), store.clock)
                for i in range(done, min(count, done + BATCH)):
                    content, index = sample_form(i)
                    tx.forms.create(content, index)
            done = min(count, done + BATCH)
    finally:
        store.close()


def _child_env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def _build_store_in_child(path: Path, count: int) -> None:
    code = "import sys; from pathlib import Path; from dingmi_desktop.bench.gui_bench import _build_store; "
    code += "_build_store(Path(sys.argv[1]), int(sys.argv[2]))"
    subprocess.run([sys.executable, "-c", code, str(path), str(count)], env=_child_env(), check=True)


def _login_dialog_once(data_dir: Path) -> tuple[float, float]:
    """(dialog on screen, unit name shown and sign-in enabled), seconds from process start."""
    from dingmi_desktop.app import STARTUP_PROBE_ENV, STARTUP_PROBE_MARKER, STARTUP_READY_MARKER

    env = {**_child_env(), STARTUP_PROBE_ENV: "1"}
    command = [sys.executable, "-m", "dingmi_desktop", "--data-dir", str(data_dir)]
    started = time.perf_counter()
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdout is not None
        shown = ready = 0.0
        for line in process.stdout:
            marker = line.strip()
            if marker == STARTUP_PROBE_MARKER:
                shown = time.perf_counter() - started
            elif marker == STARTUP_READY_MARKER:
                ready = time.perf_counter() - started
                break
        process.wait(timeout=60)
    if not shown or not ready:
        raise RuntimeError("the GUI exited before showing the sign-in dialog")
    return shown, ready


def _main_window_times(data_dir: Path, repetitions: int) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dingmi_desktop.ui.compat import pin_immortal_singletons

    pin_immortal_singletons()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from dingmi_desktop.app import StoreBackend
    from dingmi_desktop.services.demo import DEMO_PASSWORD
    from dingmi_desktop.ui.appearance import set_up_application
    from dingmi_desktop.ui.controller import AppController
    from dingmi_desktop.ui.ops import OpRunner

    app = cast("QApplication", QApplication.instance()) or QApplication([sys.argv[0]])
    set_up_application(app)
    ops = OpRunner()
    controller = AppController(StoreBackend(data_dir), ops, quit_on_close=False)

    def wait_for(predicate: Callable[[], bool]) -> None:
        loop = QEventLoop()
        timer = QTimer()

        def check() -> None:
            if predicate():
                loop.quit()

        timer.timeout.connect(check)
        timer.start(5)
        QTimer.singleShot(120_000, loop.quit)
        if not predicate():
            loop.exec()
        timer.stop()
        if not predicate():
            raise RuntimeError("the main window did not load in time")

    times: list[float] = []
    controller.start()
    try:
        for _ in range(repetitions):
            wait_for(lambda: controller.sign_in_dialog is not None and not ops.busy)
            controller.timings.pop("main_window_s", None)
            dialog = controller.sign_in_dialog
            assert dialog is not None  # waited for above
            dialog.attempt(DRAFTER, DEMO_PASSWORD)
            wait_for(lambda: "main_window_s" in controller.timings)
            times.append(controller.timings["main_window_s"])
            controller.lock()
    finally:
        wait_for(lambda: not ops.busy)
        ops.run(controller.backend.close)
        ops.shutdown()
        if controller.sign_in_dialog is not None:
            controller.sign_in_dialog.deleteLater()
    return times


def run(ctx: BenchContext) -> None:
    data_dir = Path(ctx.workdir) / "gui-bench" / "store"
    count = ctx.stored_forms
    started = time.perf_counter()
    _build_store_in_child(data_dir, count)
    ctx.sizes["gui.forms"] = count
    ctx.notes.append(f"界面基准：写入 {count} 份表单用时 {time.perf_counter() - started:.1f} 秒")
    startup = [_login_dialog_once(data_dir) for _ in range(ctx.repetitions)]
    ctx.record("startup.login_dialog_s", statistics.median(shown for shown, _ready in startup))
    ctx.record("startup.login_ready_s", statistics.median(ready for _shown, ready in startup))
    ctx.record("unlock.main_window_s", statistics.median(_main_window_times(data_dir, ctx.repetitions)))


def register_scroll(data_dir: Path, start_iso: str, scroll: bool) -> dict[str, float]:
    """In a child: the register's model over the store, scrolled to its end page by page (`scroll`), or only
    signed in with the model made (the baseline); the time, the fetches and the process's peak memory."""
    import resource

    from PySide6.QtCore import QCoreApplication

    from dingmi_desktop.bench.register_bench import READER, clock_from
    from dingmi_desktop.services.demo import DEMO_PASSWORD
    from dingmi_desktop.services.register import RegisterFilter, RegisterService
    from dingmi_desktop.storage.store import Store
    from dingmi_desktop.ui.pages.register_model import RegisterModel

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    store = Store.open(data_dir, clock=clock_from(start_iso))
    session = store.sign_in(READER, DEMO_PASSWORD)
    # the page's runner runs on a worker thread; here the call runs in place, the model cannot tell
    model = RegisterModel(RegisterService(session), lambda fn, done, _error: done(fn()))
    figures = {"scroll_s": 0.0, "fetches": 0.0, "rows": 0.0, "largest": 0.0, "open_mib": 0.0}
    if scroll:
        started = time.perf_counter()
        model.load(RegisterFilter())
        opened = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        largest = model.rowCount()
        while model.canFetchMore():
            before = model.rowCount()
            model.fetchMore()
            largest = max(largest, model.rowCount() - before)
        figures = {
            "scroll_s": time.perf_counter() - started,
            "fetches": float(model.fetches),
            "rows": float(model.rowCount()),
            "largest": float(largest),
            "open_mib": opened,
        }
    figures["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    session.close()
    store.close()
    del app
    return figures


def register_scroll_in_child(data_dir: Path, now: datetime, scroll: bool) -> dict[str, float]:
    code = "import json, sys; from pathlib import Path; from dingmi_desktop.bench.gui_bench import "
    code += "register_scroll; a = sys.argv; print(json.dumps(register_scroll(Path(a[1]), a[2], a[3] == '1')))"
    done = subprocess.run(
        [sys.executable, "-c", code, str(data_dir), now.isoformat(), "1" if scroll else "0"],
        env=_child_env(),
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures
