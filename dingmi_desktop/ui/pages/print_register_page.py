"""印制登记: every printed copy of every form the user may read (份号 range, pages, printer, who, when, and
who approved a 复印), newest first, a page at a time; a double-click opens the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from dingmi_desktop.services.print_register import PRINT_PAGE_SIZE, PrintEntry
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.widgets.table import RecordTable


class PrintRegisterPage(ServicePage):
    def __init__(self, bundle: Any, ops: Any, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("印制登记"), bundle, ops, window, parent)
        self.setObjectName("printRegisterPage")
        self.service = bundle.print_register
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName("printRegisterFilter")
        self.filter.setPlaceholderText(self.tr("在已载入的记录中筛选：标题、打印机、打印人……"))
        self.more_button = QPushButton(self.tr("载入更早的记录"))
        self.more_button.setObjectName("printRegisterMore")
        self.open_button = QPushButton(self.tr("打开表单"))
        self.open_button.setObjectName("printRegisterOpen")
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("printRegisterRefresh")
        bar.addWidget(self.filter, 1)
        for button in (self.more_button, self.open_button, self.refresh_button):
            bar.addWidget(button)
        self.body.addLayout(bar)
        self.table = RecordTable(
            [
                self.tr("打印时间"),
                self.tr("编号"),
                self.tr("标题"),
                self.tr("密级标志"),
                self.tr("类别"),
                self.tr("份号"),
                self.tr("份数"),
                self.tr("页数"),
                self.tr("打印机"),
                self.tr("打印人"),
                self.tr("复印批准人"),
            ],
            stretch_column=2,
        )
        self.table.setObjectName("printRegisterTable")
        self.table.setToolTip(
            self.tr("“印制”为批准份数内的打印；“复印”为超出批准份数、经安全保密管理员批准的打印")
        )
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.feedback)
        self.filter.textChanged.connect(self.table.set_filter)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.more_button.clicked.connect(self.load_more)
        self.entries: list[PrintEntry] = []
        self.total = 0
        self._request = 0

    def refresh(self) -> None:
        self._load(reset=True)

    def load_more(self) -> None:
        self._load(reset=False)

    def _load(self, *, reset: bool) -> None:
        self._request += 1
        request, service = self._request, self.service
        offset = 0 if reset else len(self.entries)

        def work() -> tuple[int, list[PrintEntry]]:
            return service.entry_count(), service.entries(offset=offset, limit=PRINT_PAGE_SIZE)

        def done(result: tuple[int, list[PrintEntry]]) -> None:
            if request == self._request:
                self.total = result[0]
                self._show((result[1]) if reset else self.entries + result[1])

        self.run(work, done, label="print register")

    def _show(self, entries: list[PrintEntry]) -> None:
        self.entries = entries
        self.table.set_rows([(e, e.cells()) for e in entries])
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.more_button.setEnabled(len(entries) < self.total)
        if not self.total:
            self.say(self.tr("尚无打印记录。"))
        elif len(entries) < self.total:
            self.say(self.tr("共 {0} 次打印，显示最近 {1} 次。").format(self.total, len(entries)))
        else:
            self.say(self.tr("共 {0} 次打印。").format(self.total))
        self.loaded()

    def open_selected(self) -> None:
        entry = self.table.selected_record()
        if entry is None:
            self.say(self.tr("请先选择一条打印记录。"))
            return
        self.window_.open_form(entry.form_id)

    def clear_sensitive(self) -> None:
        self.entries = []
        self.table.clear_rows()
