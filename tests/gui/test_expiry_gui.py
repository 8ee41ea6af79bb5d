"""The expiry pass in the real window: after sign-in, on the daily timer (the test clock moved a day), the
clock guard's 已到期待确认 list and the officer's confirmations on 首页."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from dingmi_desktop.app import StoreBackend
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.storage import Store
from dingmi_desktop.ui import expiry_runner
from dingmi_desktop.ui.dialogs.prompts import Decision, DecisionDialog
from dingmi_desktop.ui.excepthook import ErrorDialogs
from tests.fixtures.store import TEST_TODAY
from tests.gui.conftest import WAIT_MS, _start
from tests.services.samples import PASSWORD, Users, form

DAYS = {"first": 3, "second": 10, "late": 60}  # 解密时间 this many days after TEST_TODAY


@pytest.fixture(scope="session")
def _expiry_template(
    tmp_path_factory: pytest.TempPathFactory, _demo_template: Path
) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("expiry-template") / "store"
    shutil.copytree(_demo_template, path)
    ids = {}
    with Store.open(path) as store:
        users = Users(store)
        periods = {key: {"until": (TEST_TODAY + timedelta(days=d)).isoformat()} for key, d in DAYS.items()}
        periods["condition"] = {"condition": "项目通过国家验收后"}
        for key, period in periods.items():
            form_id = users.to_approval(form(title=f"到期测试{key}", period=period))
            users.approve(form_id)
            ids[key] = form_id
    return path, ids


@pytest.fixture
def expiry_gui(qtbot, _styled_app, tmp_path: Path, _expiry_template, clock):  # type: ignore[no-untyped-def]
    target = tmp_path / "store"
    shutil.copytree(_expiry_template[0], target)
    backend = StoreBackend(target, demo=True, kdf=KdfParams.FLOOR, clock=clock)
    yield from _start(qtbot, backend)


def test_a_catch_up_runs_in_short_passes_with_the_users_work_in_between(  # type: ignore[no-untyped-def]
    expiry_gui, _expiry_template, clock, monkeypatch
) -> None:
    ids = _expiry_template[1]
    monkeypatch.setattr(expiry_runner, "CHUNK", 1)  # one item per run: two due items take two runs
    clock.advance(days=DAYS["second"])  # the first and the second item are both due
    order: list[str] = []
    ops = expiry_gui.ops
    real_run = ops.run

    def spy(fn, *args, label: str = "", **kwargs):  # type: ignore[no-untyped-def]
        order.append(label)
        return real_run(fn, *args, label=label, **kwargs)

    monkeypatch.setattr(ops, "run", spy)
    expiry_gui.sign_in("wangwu")
    runner = expiry_gui.window.expiry_runner
    expiry_gui.qtbot.waitUntil(lambda: runner.last_result is not None, timeout=WAIT_MS)
    assert [d.form_id for d in runner.last_result.expired] == [ids["first"], ids["second"]]
    assert not runner.last_result.more and "期满自行解密 2 项" in runner.banner.text()
    runs = [i for i, label in enumerate(order) if label == "expiry pass"]
    assert len(runs) == 2  # one item each; the second finds none left after it
    assert runs[1] - runs[0] > 1  # what the first page asked for meanwhile ran in between
    assert _status(expiry_gui, ids["first"]) == _status(expiry_gui, ids["second"]) == "已解密"
    assert _status(expiry_gui, ids["late"]) == "已定密"


def _status(gui, form_id: int) -> str:  # type: ignore[no-untyped-def]
    gui.idle()  # the worker is idle: the session may be used from this thread
    return str(gui.window.bundle.workflow.history.view(form_id).summary.status.value)


def _ids(table) -> list[int]:  # type: ignore[no-untyped-def]
    return [table.record_at(r).form_id for r in range(table.proxy.rowCount())]


def test_sign_in_and_the_daily_timer_run_the_pass(expiry_gui, _expiry_template, clock) -> None:  # type: ignore[no-untyped-def]
    ids = _expiry_template[1]
    clock.advance(days=DAYS["first"])  # the first item's date has come before anyone signs in
    expiry_gui.sign_in("zhangsan")  # a drafter's sign-in runs the pass too
    runner = expiry_gui.window.expiry_runner
    expiry_gui.qtbot.waitUntil(lambda: runner.last_result is not None, timeout=WAIT_MS)
    assert [d.form_id for d in runner.last_result.expired] == [ids["first"]]
    assert "期满自行解密 1 项" in runner.banner.text()
    first = runner.last_result
    runner.timer.timeout.emit()  # same day: the timer does not run the pass again
    expiry_gui.idle()
    assert runner.last_result is first
    clock.advance(days=DAYS["second"] - DAYS["first"])  # the next days pass while the app runs
    runner.timer.timeout.emit()
    expiry_gui.qtbot.waitUntil(lambda: runner.last_result is not first, timeout=WAIT_MS)
    assert [d.form_id for d in runner.last_result.expired] == [ids["second"]]
    assert runner.timer.isActive() and runner.timer.interval() == 15 * 60 * 1000
    assert _status(expiry_gui, ids["first"]) == "已解密" and _status(expiry_gui, ids["late"]) == "已定密"
    page = expiry_gui.open_form(ids["first"])  # a declassified item opens like any other, without actions
    assert page.form_id == ids["first"] and ErrorDialogs.count == 0


def test_a_jumped_clock_waits_on_home_and_the_officer_confirms(expiry_gui, _expiry_template, clock) -> None:  # type: ignore[no-untyped-def]
    ids = _expiry_template[1]
    clock.advance(days=DAYS["late"] + 1)  # far past the watermark: an insider could have moved it
    expiry_gui.sign_in("wangwu")
    runner = expiry_gui.window.expiry_runner
    expiry_gui.qtbot.waitUntil(lambda: runner.last_result is not None, timeout=WAIT_MS)
    assert runner.last_result.held and runner.last_result.expired == ()
    assert "3 项待定密责任人确认" in runner.banner.text() and runner.banner.isVisible()
    assert "已到期待确认" in runner.banner.toolTip()
    desk = expiry_gui.open_page("home").desk
    tabs = desk.expiry
    expiry_gui.qtbot.waitUntil(lambda: tabs.waiting.proxy.rowCount() == 3, timeout=WAIT_MS)
    assert sorted(_ids(tabs.waiting)) == [ids["first"], ids["second"], ids["late"]]
    assert desk.tabs.tabText(3) == "已到期待确认（3）" and "晚了 31 天以上" in tabs.held.text()
    assert _ids(tabs.conditions) == [ids["condition"]] and desk.tabs.tabText(4) == "解密条件待确认（1）"
    assert tabs.confirm_clock.isEnabled()
    DecisionDialog.set_next_answer(Decision("已与北京时间核对无误", PASSWORD))
    tabs.confirm_clock.click()
    expiry_gui.qtbot.waitUntil(lambda: not runner.last_result.held, timeout=WAIT_MS)
    assert [d.form_id for d in runner.last_result.expired] == [ids["first"], ids["second"], ids["late"]]
    expiry_gui.qtbot.waitUntil(lambda: tabs.waiting.proxy.rowCount() == 0, timeout=WAIT_MS)
    tabs.conditions.selectRow(0)
    DecisionDialog.set_next_answer(Decision("验收函〔2026〕12号：项目已通过国家验收", PASSWORD))
    tabs.confirm_condition.click()
    expiry_gui.qtbot.waitUntil(lambda: tabs.conditions.proxy.rowCount() == 0, timeout=WAIT_MS)
    assert _status(expiry_gui, ids["condition"]) == "已解密"


def test_an_administrator_runs_no_pass(expiry_gui) -> None:  # type: ignore[no-untyped-def]
    expiry_gui.sign_in("sysadmin")
    assert expiry_gui.window.expiry_runner is None
