"""A list of forms (我的拟稿, 待我审核, 待我审批, 已定密).

Index columns only; a form opens with Enter or a double-click.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.ui.bundle import ServiceBundle
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.pages.batch_export import BatchExport
from dingmi_desktop.ui.widgets.table import RecordTable

if TYPE_CHECKING:
    from dingmi_desktop.ui.ops import OpRunner

Loader = Callable[[], list[Any]]
Scope = tuple[str, str, Loader]  # key, label, loader: a narrower view of the same list (退回给我)
QUEUE_LIMIT = 200
DRAFTER_COLUMN = 5


class QueuePage(ServicePage):
    def __init__(
        self,
        key: str,
        title: str,
        loader: Loader,
        bundle: ServiceBundle,
        ops: OpRunner,
        window: Any,
        *,
        empty_text: str = "",
        can_create: bool = False,
        can_export: bool = False,
        scopes: Sequence[Scope] = (),
        parent: QWidget | None = None,
    ) -> None:
        """``scopes``: extra views chosen in a 显示 box; the first entry (全部) is ``loader`` itself."""
        super().__init__(title, bundle, ops, window, parent)
        self.setObjectName(f"queuePage_{key}")
        self.key = key
        self._loaders: dict[str, Loader] = {"all": loader}
        self._request = 0
        bar = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.setObjectName("queueScope")
        self.scope.setAccessibleName(self.tr("显示范围"))
        self.scope.addItem(self.tr("全部"), "all")
        for scope_key, label, scope_loader in scopes:
            self.scope.addItem(label, scope_key)
            self._loaders[scope_key] = scope_loader
        self.scope.setVisible(bool(scopes))
        bar.addWidget(self.scope)
        self.filter = QLineEdit()
        self.filter.setObjectName("queueFilter")
        self.filter.setPlaceholderText(self.tr("筛选标题、文号、密级、状态……"))
        bar.addWidget(self.filter, 1)
        self.new_dispatch = QPushButton(self.tr("新建送审签发单"))
        self.new_dispatch.setObjectName("newDispatch")
        self.new_review = QPushButton(self.tr("新建定密审核单"))
        self.new_review.setObjectName("newReview")
        for button in (self.new_dispatch, self.new_review):
            button.setVisible(can_create)
            bar.addWidget(button)
        self.export_button = QPushButton(self.tr("批量导出PDF…"))
        self.export_button.setObjectName("batchExport")
        self.export_button.setToolTip(
            self.tr("把所选表单的审批单导出到一个文件夹（按住 Ctrl 或 Shift 可多选）")
        )
        can_export = can_export and getattr(bundle, "printing", None) is not None
        self.export_button.setVisible(can_export)
        bar.addWidget(self.export_button)
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.setObjectName("openForm")
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("refreshQueue")
        bar.addWidget(self.open_button)
        bar.addWidget(self.refresh_button)
        self.body.addLayout(bar)
        self.table = RecordTable(
            [
                self.tr("编号"),
                self.tr("表单"),
                self.tr("标题 / 事项名称"),
                self.tr("密级标志"),
                self.tr("状态"),
                self.tr("拟稿人"),
                self.tr("部门"),
                self.tr("文号"),
                self.tr("更新时间"),
            ],
            stretch_column=2,
            multi_select=can_export,
        )
        self.table.setObjectName("queueTable")
        self.body.addWidget(self.table, 1)
        self.empty = QLabel(empty_text or self.tr("没有待办的表单。"))
        self.empty.setObjectName("queueEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.feedback)
        self.filter.textChanged.connect(self.table.set_filter)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.scope.currentIndexChanged.connect(lambda _index: self.refresh())
        self.batch_export = BatchExport(self)
        self.export_button.clicked.connect(self.batch_export.start)
        self.new_dispatch.clicked.connect(lambda: window.new_form(FormKind.DISPATCH))
        self.new_review.clicked.connect(lambda: window.new_form(FormKind.REVIEW))
        self.rows: list[Any] = []

    @property
    def scope_key(self) -> str:
        return str(self.scope.currentData() or "all")

    def show_scope(self, key: str, *, refresh: bool = True) -> None:
        """Selects a view (e.g. "returned"); without ``refresh`` the next page visit loads it."""
        index = self.scope.findData(key)
        if index < 0:
            raise KeyError(key)
        self.scope.blockSignals(True)
        self.scope.setCurrentIndex(index)
        self.scope.blockSignals(False)
        if refresh:
            self.refresh()

    def refresh(self) -> None:
        self._request += 1
        request = self._request

        def show(summaries: list[Any]) -> None:
            if request == self._request:  # a quicker scope switch already asked for newer rows
                self._show(summaries)

        self.run(self._loaders[self.scope_key], show, label=f"queue {self.key}")

    def _show(self, summaries: list[Any]) -> None:
        self.rows = list(summaries)
        rows = []
        for s in self.rows:
            updated = self.bundle.when(s.updated_at)
            cells = [
                s.id,
                s.kind,
                s.title,
                s.marking or self.tr("（无）"),
                s.status.value,
                s.drafter_name or s.drafter,
                s.department,
                s.doc_number,
                updated,
            ]
            rows.append((s, cells))
        self.table.set_rows(rows)
        for row, summary in enumerate(self.rows):  # source rows keep the order given
            item = self.table.source.item(row, DRAFTER_COLUMN)
            if item is not None:
                item.setToolTip(self.tr("登录名：{0}").format(summary.drafter))
        self.empty.setVisible(not rows)
        if len(rows) >= QUEUE_LIMIT:
            self.say(self.tr("显示最近 {0} 份；更早的表单请用筛选或登记台账查找。").format(len(rows)))
        else:
            self.say(self.tr("共 {0} 份。").format(len(rows)) if rows else "")
        self.loaded()

    def open_selected(self) -> None:
        summary = self.table.selected_record()
        if summary is None and self.table.visible_count() == 1:
            summary = self.table.record_at(0)
        if summary is None:
            self.say(self.tr("请先选择一份表单。"))
            return
        self.window_.open_form(summary.id)

    def select_form(self, form_id: int) -> bool:
        return self.table.select_where(lambda s: s is not None and s.id == form_id)

    def clear_sensitive(self) -> None:
        self.batch_export.stop()
        self.rows = []
        self.table.clear_rows()
