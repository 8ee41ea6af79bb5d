"""印制登记: every printed copy of every form the user may read (份号 range, pages, printer, who, when, and
who approved a 复印), newest first, a page at a time; a double-click opens the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.services.print_register import PRINT_PAGE_SIZE, PrintEntry
from dingmi_desktop.storage import PermissionDenied
from dingmi_desktop.ui.dialogs.copy_fate import CopyFateDialog
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.widgets.table import RecordTable

FATE_RECORDERS = (Role.CLERK, Role.OFFICER)


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
        self.fate_button = QPushButton(self.tr("登记去向…"))
        self.fate_button.setObjectName("printRegisterFate")
        self.fate_button.setToolTip(self.tr("登记所选打印记录中若干份的分发、收回或销毁（记入审计日志）"))
        self.fate_button.setVisible(bundle.has_role(*FATE_RECORDERS))
        self.open_button = QPushButton(self.tr("打开表单"))
        self.open_button.setObjectName("printRegisterOpen")
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("printRegisterRefresh")
        bar.addWidget(self.filter, 1)
        for button in (self.more_button, self.fate_button, self.open_button, self.refresh_button):
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
                self.tr("去向"),
            ],
            stretch_column=2,
        )
        self.table.setObjectName("printRegisterTable")
        self.table.setToolTip(
            self.tr("“印制”为批准份数内的打印；“复印”为超出批准份数、经安全保密管理员批准的打印")
        )
        self.body.addWidget(self.table, 1)
        self.events_label = QLabel()
        self.events_label.setObjectName("printRegisterEvents")
        self.events_label.setWordWrap(True)
        self.body.addWidget(self.events_label)
        self.body.addWidget(self.feedback)
        self.filter.textChanged.connect(self.table.set_filter)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.more_button.clicked.connect(self.load_more)
        self.fate_button.clicked.connect(self.record_fate)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._show_events())
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

    def _show_events(self) -> None:
        entry = self.table.selected_record()
        self.events_label.clear()
        if entry is None:
            return
        service = self.service

        def show(events: list[Any]) -> None:
            if self.table.selected_record() is not entry:
                return
            lines = [self._event_text(e) for e in events]
            self.events_label.setText(
                self.tr("去向记录：") + ("；".join(lines) if lines else self.tr("尚无（全部在库）"))
            )

        self.run(lambda: service.copy_events(entry.id), show, label="copy events")

    def _event_text(self, event: Any) -> str:
        copies = f"{event.copies_from:06d}—{event.copies_to:06d}"
        who = event.party or event.witness
        role = self.tr("监销人") if event.kind == "销毁" else ""
        return f"{event.event_date} {event.kind} {copies}" + (f"（{role}{who}）" if who else "")

    def record_fate(self) -> None:
        entry = self.table.selected_record()
        if entry is None:
            self.say(self.tr("请先选择一条打印记录。"))
            return
        request = CopyFateDialog.ask(self, entry, self.bundle.today())
        if request is None:
            return
        service = self.service

        def done(_event: Any) -> None:
            self.say(
                self.tr("已登记：{0} {1}—{2}，已记入审计日志。").format(
                    request.kind, request.copies_from, request.copies_to
                )
            )
            self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                self.say("；".join(p.message for p in exc.problems))
            elif isinstance(exc, PermissionDenied):
                self.say(str(exc))
            else:
                raise exc

        self.run(lambda: service.record_fate(request), done, label="copy fate", on_error=failed)

    def open_selected(self) -> None:
        entry = self.table.selected_record()
        if entry is None:
            self.say(self.tr("请先选择一条打印记录。"))
            return
        self.window_.open_form(entry.form_id)

    def clear_sensitive(self) -> None:
        self.entries = []
        self.events_label.clear()
        self.table.clear_rows()
