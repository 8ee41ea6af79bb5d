"""工作日历 (安全保密管理员): holidays and 调休 working days that the 不明事项 deadlines count with."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.ui.bundle import ServiceBundle, required
from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog, FieldSpec, parse_date
from dingmi_desktop.ui.dialogs.prompts import Confirm
from dingmi_desktop.ui.excepthook import describe_error, show_error
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.widgets.table import RecordTable

if TYPE_CHECKING:
    from dingmi_desktop.ui.ops import OpRunner

KINDS = {"节假日": "holiday", "调休上班": "workday"}  # shown label → service kind


class CalendarPage(ServicePage):
    def __init__(
        self, bundle: ServiceBundle, ops: OpRunner, window: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("工作日历"), bundle, ops, window, parent)
        self.setObjectName("calendarPage")
        intro = QLabel(
            self.tr(
                "不明事项的上报期限和答复期限按工作日计算（条例第二十五条）：星期六、星期日和登记的节假日不计，"
                "登记的调休上班日照常计算。修改后新计算的期限即按新日历；已上报事项的期限不变。"
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        bar = QHBoxLayout()
        self.year = QComboBox()
        self.year.setObjectName("calendarYear")
        self.year.setMinimumWidth(120)
        self.add_button = QPushButton(self.tr("登记日期…"))
        self.add_button.setObjectName("addCalendarDay")
        self.add_button.setProperty("primary", True)
        self.remove_button = QPushButton(self.tr("删除所选日期"))
        self.remove_button.setObjectName("removeCalendarDay")
        bar.addWidget(QLabel(self.tr("年份：")))
        bar.addWidget(self.year)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        self.body.addLayout(bar)
        self.table = RecordTable(
            [self.tr("日期"), self.tr("星期"), self.tr("类别"), self.tr("备注"), self.tr("说明")]
        )
        self.table.setObjectName("calendarTable")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.body.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("calendarSummary")
        self.body.addWidget(self.summary)
        self.body.addWidget(self.feedback)
        self.days: list[Any] = []
        self.year.currentIndexChanged.connect(lambda _i: self._fill())
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)

    # --- loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.run(required(self.bundle.calendar).days, self._show, label="calendar days")

    def _show(self, days: list[Any]) -> None:
        self.days = days
        this_year = self.bundle.today().year
        chosen = self.year.currentData()
        years = sorted({d.day.year for d in days} | {this_year, this_year + 1})
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("全部"), None)
        for year in years:
            self.year.addItem(self.tr("{0}年").format(year), year)
        index = self.year.findData(chosen if chosen is not None else this_year)
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)
        self._fill()
        self.loaded()

    def _fill(self) -> None:
        year = self.year.currentData()
        shown = [d for d in self.days if year is None or d.day.year == year]
        rows = []
        for d in shown:
            remark = "" if d.effective else self.tr("周末，不影响工作日计数")
            rows.append((d, [d.day.isoformat(), d.weekday, d.label, d.note, remark]))
        self.table.set_rows(rows)
        holidays = sum(d.kind == "holiday" for d in shown)
        where = self.tr("全部年份") if year is None else self.tr("{0}年").format(year)
        if shown:
            self.summary.setText(
                self.tr("{0}：节假日 {1} 天，调休上班 {2} 天。").format(
                    where, holidays, len(shown) - holidays
                )
            )
        else:
            self.summary.setText(
                self.tr("{0}没有登记的节假日或调休上班日，只按星期六、星期日休息计算。").format(where)
            )

    # --- changing -----------------------------------------------------------------------------------
    def add(self) -> None:
        def check(values: dict[str, Any]) -> list[str]:
            first, last = values.get("date"), values.get("until")
            if first is None:
                return [self.tr("请选择日期")]
            if last is not None and last < first:
                return [self.tr("结束日期不能早于开始日期")]
            return []

        answer = FieldsDialog.ask(
            self,
            self.tr("登记节假日或调休上班日"),
            [
                FieldSpec("date", self.tr("日期："), kind="date"),
                FieldSpec("until", self.tr("至（连续多天时）："), kind="date", required=False),
                FieldSpec("kind", self.tr("类别："), kind="choice", choices=tuple(KINDS)),
                FieldSpec("note", self.tr("备注（如 国庆节）："), required=False),
            ],
            validator=check,
            intro=self.tr(
                "节假日可按国务院通知的放假起止日期整段登记（其中的周末不影响计数）；"
                "调休上班日须为星期六或星期日。同一日期不能既是节假日又是调休上班日。"
            ),
            today=self.bundle.today,
        )
        if not answer:
            return
        first = parse_date(answer.get("date"))
        if first is None:
            self.say(self.tr("请选择日期。"))
            return
        last = parse_date(answer.get("until"))
        kind = KINDS.get(answer.get("kind", ""), answer.get("kind", ""))
        note = str(answer.get("note") or "")
        calendar = required(self.bundle.calendar)
        self.run(
            lambda: calendar.add(first, kind, note, until=last),
            lambda change: self._changed(
                self.tr("已登记 {0} 天为{1}，并记入审计日志。").format(len(change.days), change.days[0].label)
            ),
            label="calendar add",
            on_error=self._failed,
        )

    def remove(self) -> None:
        day = self.table.selected_record()
        if day is None:
            self.say(self.tr("请先在列表中选择要删除的日期。"))
            return
        text = self.tr("从工作日历中删除 {0}（{1}{2}）吗？").format(
            day.day.isoformat(), day.label, f"，{day.note}" if day.note else ""
        )
        if not Confirm.ask(self, self.tr("删除日期"), text):
            return
        calendar = required(self.bundle.calendar)
        self.run(
            lambda: calendar.remove(day.day),
            lambda _change: self._changed(
                self.tr("已删除 {0}，并记入审计日志。").format(day.day.isoformat())
            ),
            label="calendar remove",
            on_error=self._failed,
        )

    def _changed(self, text: str) -> None:
        self.say(text)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        """A date that breaks a calendar rule is explained on the page; anything else: the error dialog."""
        if isinstance(exc, ValidationError):
            self.say(self.tr("未保存：{0}").format("；".join(p.message for p in exc.problems)))
            return
        self.say(self.tr("未保存：{0}").format(describe_error(exc)))
        show_error(exc, self)

    def clear_sensitive(self) -> None:
        self.days = []
        self.table.clear_rows()
        self.summary.clear()
