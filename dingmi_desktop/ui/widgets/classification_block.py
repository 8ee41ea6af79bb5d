"""The prominent 定密 block of both forms.

密级, 保密期限, 制发日, 解密日, 知悉范围, 知悉人员, 密点 and the live marking preview.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.marking import STAR, format_date, marking_text, parse_marking
from dingmi_desktop.domain.periods import Period, PeriodKind, declassify_on
from dingmi_desktop.ui.widgets.fields import ErrorLabel, OptionalDateEdit, with_error
from dingmi_desktop.ui.widgets.knowers import KnowersList
from dingmi_desktop.ui.widgets.marking_preview import MarkingPreview

CATEGORY_ORDER = (
    Category.TOP_SECRET,
    Category.SECRET,
    Category.CONFIDENTIAL,
    Category.INTERNAL,
    Category.NON_SECRET,
)
PERIOD_KINDS = (
    PeriodKind.YEARS,
    PeriodKind.MONTHS,
    PeriodKind.UNTIL,
    PeriodKind.CONDITION,
    PeriodKind.LONG_TERM,
)


class ClassificationBlock(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("定密信息"), parent)
        self.setObjectName("classificationBlock")
        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout(self)
        form.setLabelAlignment(form.labelAlignment())
        self.preview = MarkingPreview()
        form.addRow(self.tr("密级标志："), self.preview)

        self.category = QComboBox()
        self.category.setObjectName("categoryCombo")
        for category in CATEGORY_ORDER:
            self.category.addItem(category.value, category)
        self.category.setCurrentIndex(CATEGORY_ORDER.index(Category.NON_SECRET))
        form.addRow(self.tr("拟定密级："), self._row("category", self.category))

        self.period_kind = QComboBox()
        self.period_kind.setObjectName("periodKindCombo")
        labels = {
            PeriodKind.YEARS: self.tr("年"),
            PeriodKind.MONTHS: self.tr("个月（不足1年）"),
            PeriodKind.UNTIL: self.tr("解密时间"),
            PeriodKind.CONDITION: self.tr("解密条件"),
            PeriodKind.LONG_TERM: self.tr("长期"),
        }
        for kind in PERIOD_KINDS:
            self.period_kind.addItem(labels[kind], kind)
        # No period until the clerk (or the chosen catalogue item) gives one: the law asks for the period the
        # matter needs, not the level's maximum. Index -1 shows the placeholder; validation asks for a choice.
        self.period_kind.setPlaceholderText(self.tr("请选择"))
        self.period_kind.setCurrentIndex(-1)
        self._prefilled: Period | None = None
        self.years = QSpinBox()
        self.years.setObjectName("periodYears")
        self.years.setRange(1, 99)
        self.years.setValue(10)
        self.years.setSuffix(self.tr(" 年"))
        self.months = QSpinBox()
        self.months.setObjectName("periodMonths")
        self.months.setRange(1, 11)
        self.months.setValue(6)
        self.months.setSuffix(self.tr(" 个月"))
        self.until = OptionalDateEdit()
        self.until.setObjectName("periodUntil")
        self.condition = QLineEdit()
        self.condition.setObjectName("periodCondition")
        self.condition.setPlaceholderText(self.tr("例如：项目验收后"))
        self.period_value = QStackedWidget()
        for widget in (
            self.years,
            self.months,
            self.until,
            self.condition,
            QLabel(self.tr("（依据条目规定为长期）")),
            QLabel(self.tr("（请选择保密期限的形式）")),
        ):
            self.period_value.addWidget(widget)
        period_row = QWidget()
        row = QHBoxLayout(period_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.period_kind)
        row.addWidget(self.period_value, 1)
        self.period_label = QLabel(self.tr("保密期限："))
        form.addRow(self.period_label, self._row("period", period_row))

        self.start_date = OptionalDateEdit()
        self.start_date.setObjectName("startDate")
        self.declassify_label = QLabel()
        self.declassify_label.setObjectName("declassifyOn")
        dates = QWidget()
        drow = QHBoxLayout(dates)
        drow.setContentsMargins(0, 0, 0, 0)
        drow.addWidget(self.start_date)
        drow.addSpacing(12)
        drow.addWidget(QLabel(self.tr("解密日：")))
        drow.addWidget(self.declassify_label, 1)
        form.addRow(self.tr("制发日："), self._row("start_date", dates))
        self.notice_date = OptionalDateEdit()
        self.notice_date.setObjectName("noticeDate")
        self.notice_date.setToolTip(
            self.tr(
                "无法在文件上标注密级的（如口头、会议事项），填写以书面形式通知知悉范围的日期，"
                "保密期限自该日起算（条例第十九条第二款）；可在文件上标注的，填写制发日即可"
            )
        )
        form.addRow(self.tr("书面通知日期："), self._row("notice_date", self.notice_date))

        self.scope = QLineEdit()
        self.scope.setObjectName("scopeEdit")
        self.scope.setPlaceholderText(self.tr("例如：本单位领导班子成员及项目组"))
        form.addRow(self.tr("知悉范围："), self._row("scope", self.scope))
        self.knowers = KnowersList()
        self.knowers_label = QLabel(self.tr("知悉人员："))
        self.knowers_row = self._row("knowers", self.knowers)
        form.addRow(self.knowers_label, self.knowers_row)
        self.secret_points = QLineEdit()
        self.secret_points.setObjectName("secretPointsEdit")
        self.secret_points.setPlaceholderText(self.tr("可选"))
        self.secret_points_label = QLabel(self.tr("密点："))
        form.addRow(self.secret_points_label, self.secret_points)

        self.category.currentIndexChanged.connect(self._on_changed)
        self.period_kind.currentIndexChanged.connect(self._on_changed)
        for spin in (self.years, self.months):
            spin.valueChanged.connect(self._on_changed)
        self.until.value_changed.connect(self._on_changed)
        self.start_date.value_changed.connect(self._on_changed)
        self.notice_date.value_changed.connect(self._on_changed)
        self.condition.textChanged.connect(self._on_changed)
        self.scope.textChanged.connect(self._on_changed)
        self.secret_points.textChanged.connect(self._on_changed)
        self.knowers.changed.connect(self._on_changed)
        self._refresh()
        self._reserve_label_column(form)

    def _row(self, key: str, widget: QWidget) -> QWidget:
        error = ErrorLabel()
        self.errors[key] = error
        return with_error(widget, error)

    # --- values -------------------------------------------------------------------------------------

    def category_value(self) -> Category:
        return self.category.currentData()

    def set_category(self, category: Category) -> None:
        self.category.setCurrentIndex(CATEGORY_ORDER.index(category))

    def period_value_(self) -> Period | None:
        if not self.category_value().is_state_secret:
            return None
        return self._entered_period()

    def _entered_period(self) -> Period | None:
        kind: PeriodKind | None = self.period_kind.currentData()
        if kind is None:
            return None
        if kind is PeriodKind.YEARS:
            return Period.of_years(self.years.value())
        if kind is PeriodKind.MONTHS:
            return Period.of_months(self.months.value())
        if kind is PeriodKind.UNTIL:
            until = self.until.value()
            return Period.until_date(until) if until else None
        if kind is PeriodKind.CONDITION:
            return Period.on_condition(self.condition.text())
        return Period.long_term()

    def set_period(self, period: Period | None) -> None:
        self._prefilled = None  # a loaded or chosen period is the clerk's own
        if period is None:
            self.period_kind.setCurrentIndex(-1)
            return
        self.period_kind.setCurrentIndex(PERIOD_KINDS.index(period.kind))
        if period.kind is PeriodKind.YEARS and period.amount is not None:
            self.years.setValue(period.amount)
        elif period.kind is PeriodKind.MONTHS and period.amount is not None:
            self.months.setValue(period.amount)
        elif period.kind is PeriodKind.UNTIL:
            self.until.set_value(period.until)
        elif period.kind is PeriodKind.CONDITION:
            self.condition.setText(period.condition or "")

    def prefill_period(self, catalog_period: str) -> bool:
        """Take the period a chosen catalogue item prescribes ("10年", "长期", "解密条件：…").

        Only an unset period, or one an earlier pick filled, is replaced: a period the clerk chose stays.
        Returns whether the period was filled.
        """
        text = catalog_period.strip().removeprefix("解密条件：").removeprefix("解密条件:").strip()
        if not text:
            return False
        try:
            _level, period = parse_marking(f"{Category.SECRET.value}{STAR}{text}")
        except DomainError:
            return False  # free text the marking cannot carry: leave the choice to the clerk
        current = self._entered_period()
        if period is None or (current is not None and current != self._prefilled):
            return False
        self.set_period(period)
        self._prefilled = period
        return True

    def marking(self) -> str:
        return marking_text(self.category_value(), self.period_value_())

    def set_read_only(self, read_only: bool) -> None:
        for widget in (
            self.category,
            self.period_kind,
            self.years,
            self.months,
            self.until,
            self.start_date,
            self.notice_date,
        ):
            widget.setEnabled(not read_only)
        for edit in (self.condition, self.scope, self.secret_points):
            edit.setReadOnly(read_only)
        self.knowers.setReadOnly(read_only)

    def clear(self) -> None:
        self.set_category(Category.NON_SECRET)
        self.set_period(None)
        self.years.setValue(10)
        self.months.setValue(6)
        self.until.set_value(None)
        self.condition.clear()
        self.start_date.set_value(None)
        self.notice_date.set_value(None)
        self.scope.clear()
        self.knowers.set_names([])
        self.secret_points.clear()

    def _reserve_label_column(self, form: QFormLayout) -> None:
        """The label column keeps one width whichever rows the level shows (hidden rows leave the column's
        size): choosing a level must not move the fields of the block sideways under the pointer."""
        labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount())]
        widgets = [w for item in labels if item is not None and (w := item.widget()) is not None]
        for widget in widgets:
            widget.ensurePolished()
        width = max(widget.sizeHint().width() for widget in widgets)
        for widget in widgets:
            widget.setMinimumWidth(width)

    # --- behaviour ----------------------------------------------------------------------------------

    def _on_changed(self, *_args: object) -> None:
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        category = self.category_value()
        secret = category.is_state_secret
        kind_index = self.period_kind.currentIndex()
        self.period_value.setCurrentIndex(kind_index if kind_index >= 0 else len(PERIOD_KINDS))
        for widget in (self.period_kind, self.period_value, self.period_label):
            widget.setVisible(secret)
        for part in (self.knowers_label, self.knowers_row, self.secret_points_label, self.secret_points):
            part.setVisible(secret)  # 知悉人员 and 密点 concern state secrets only
        needs_knowers = category in (Category.TOP_SECRET, Category.SECRET)
        # Required is shown by colour, tooltip and the entry's hint, not by a longer label: a label that grows
        # widens the label column and moves every field of the block under the pointer.
        self.knowers_label.setProperty("required", needs_knowers)
        self.knowers_label.style().unpolish(self.knowers_label)
        self.knowers_label.style().polish(self.knowers_label)
        required = self.tr("绝密级、机密级须列明知悉人员（必填）")
        self.knowers_label.setToolTip(required if needs_knowers else "")
        self.knowers.entry.setPlaceholderText(
            self.tr("必填：输入姓名后按回车添加") if needs_knowers else self.tr("输入姓名后按回车添加")
        )
        period = self.period_value_()
        self.preview.set_marking(self.marking(), self.tr("非密（无标志）"))
        start = self.start_date.value()
        declassify = declassify_on(period, start) if period is not None and start is not None else None
        if period is not None and period.kind is PeriodKind.UNTIL and period.until is not None:
            declassify = period.until
        if declassify is not None:
            self.declassify_label.setText(format_date(declassify))
        elif period is not None and not period.is_fixed:
            self.declassify_label.setText(self.tr("（需人工确认解密）"))
        else:
            self.declassify_label.setText(self.tr("（填写制发日后自动计算）") if secret else "—")

    def today_if_empty(self, today: date) -> None:
        if self.start_date.value() is None:
            self.start_date.set_value(today)
