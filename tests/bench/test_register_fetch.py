"""The register's model over a bulk store of a few thousand items, in a real table view scrolled with real
key presses: a page at first, one more page per scroll to the end, never the whole register at once."""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.services.register import PAGE_SIZE, RegisterFilter, RegisterService
from dingmi_desktop.storage.store import Store
from dingmi_desktop.ui.ops import OpRunner
from dingmi_desktop.ui.pages.register_model import RegisterModel
from tests.bench.conftest import BULK_ITEMS

WAIT_MS = 20_000


def test_scrolling_to_the_end_fetches_one_page_per_scroll(bulk_store: Store, qtbot) -> None:  # type: ignore[no-untyped-def]
    ops = OpRunner()
    service = RegisterService(bulk_store.sign_in("wangwu", DEMO_PASSWORD))
    model = RegisterModel(service, lambda fn, done, error: ops.run(fn, done, on_error=error))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 400)
    view.show()
    try:
        model.load(RegisterFilter())
        qtbot.waitUntil(lambda: model.total is not None and not ops.busy, timeout=WAIT_MS)
        total = model.total
        assert total is not None and total >= BULK_ITEMS
        assert model.rowCount() == PAGE_SIZE and model.fetches == 1
        view.setFocus()
        view.selectRow(0)
        loaded = [model.rowCount()]
        while model.rowCount() < total and len(loaded) <= total // PAGE_SIZE + 2:
            qtbot.keyClick(
                view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier
            )  # to the last loaded row
            qtbot.waitUntil(lambda: model.rowCount() > loaded[-1] and not ops.busy, timeout=WAIT_MS)
            loaded.append(model.rowCount())
        steps = [b - a for a, b in itertools.pairwise(loaded)]
        assert loaded[-1] == total and model.fetches == math.ceil(total / PAGE_SIZE)
        assert max(steps) == PAGE_SIZE  # one page per scroll to the end, never the rest at once
        assert loaded[1] == 2 * PAGE_SIZE < total
        ids = [item.form_id for item in model.items]
        assert ids == sorted(ids, reverse=True) and len(set(ids)) == total  # pages join without gaps
        assert not model.canFetchMore()
    finally:
        ops.shutdown()
