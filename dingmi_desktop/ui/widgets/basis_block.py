"""定密依据: kind, catalog reference (with the picker), text; for 派生 the source document's fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.forms import DERIVED_CASES, Basis, BasisKind, DerivedSource
from dingmi_desktop.domain.marking import STAR, format_date, parse_marking, period_text
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.ui.widgets.fields import ErrorLabel, OptionalDateEdit, with_error

SOURCE_LEVELS = (Category.TOP_SECRET, Category.SECRET, Category.CONFIDENTIAL)


class BasisBlock(QGroupBox):
    changed = Signal()
    pick_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("定密依据"), parent)
        self.setObjectName("basisBlock")
        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.setObjectName("basisKindCombo")
        for kind in BasisKind:
            self.kind.addItem(f"{kind.value}（{kind.classification_type}）", kind)
        form.addRow(self.tr("定密类型："), self._row("basis.kind", self.kind))

        self.reference = QLineEdit()
        self.reference.setObjectName("basisReference")
        self.reference.setPlaceholderText(self.tr("保密事项范围或一览表条目，例如：示例事项范围 第3条"))
        self.pick_button = QPushButton(self.tr("从依据库选择…"))
        self.pick_button.setObjectName("basisPick")
        self.pick_button.clicked.connect(self.pick_requested)
        ref_row = QWidget()
        row = QHBoxLayout(ref_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reference, 1)
        row.addWidget(self.pick_button)
        form.addRow(self.tr("依据条目："), self._row("basis.reference", ref_row))
        self.text = QPlainTextEdit()
        self.text.setObjectName("basisText")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(52)
        form.addRow(self.tr("条目内容："), self._row("basis", self.text))
        self.allows_long_term = QCheckBox(self.tr("依据条目规定为长期"))
        self.allows_long_term.setObjectName("basisLongTerm")
        self.special_rule = QLineEdit()
        self.special_rule.setObjectName("basisSpecialRule")
        self.special_rule.setPlaceholderText(self.tr("超过法定最长期限时，写明“另有规定”的出处"))
        extra = QWidget()
        erow = QHBoxLayout(extra)
        erow.setContentsMargins(0, 0, 0, 0)
        erow.addWidget(self.allows_long_term)
        erow.addWidget(self.special_rule, 1)
        form.addRow(self.tr("特别规定："), extra)

        self.source_box = QGroupBox(self.tr("派生来源事项"))
        self.source_box.setObjectName("derivedSourceBox")
        sform = QFormLayout(self.source_box)
        self.source_doc = QLineEdit()
        self.source_doc.setObjectName("sourceDocNumber")
        sform.addRow(self.tr("来源文号："), self._row("basis.source.doc_number", self.source_doc))
        self.source_authority = QLineEdit()
        self.source_authority.setObjectName("sourceAuthority")
        self.source_authority.setPlaceholderText(self.tr("例如：某某部办公厅"))
        sform.addRow(self.tr("原定密机关："), self._row("basis.source.authority", self.source_authority))
        self.source_category = QComboBox()
        self.source_category.setObjectName("sourceCategory")
        for level in SOURCE_LEVELS:
            self.source_category.addItem(level.value, level)
        sform.addRow(self.tr("来源密级："), self._row("basis.source.category", self.source_category))
        self.source_period = QLineEdit()
        self.source_period.setObjectName("sourcePeriod")
        self.source_period.setPlaceholderText(self.tr("例如：10年、6个月、2030年12月31日、长期"))
        sform.addRow(self.tr("来源期限："), self._row("basis.source.period", self.source_period))
        self.source_start = OptionalDateEdit()
        self.source_start.setObjectName("sourceStartDate")
        self.source_start.setToolTip(self.tr("来源事项的制发日：其保密期限按年/月计时必填，用于核对解密时间"))
        sform.addRow(self.tr("来源制发日："), self._row("basis.source.start_date", self.source_start))
        self.source_scope = QLineEdit()
        self.source_scope.setObjectName("sourceScope")
        sform.addRow(self.tr("来源知悉范围："), self._row("basis.source.scope", self.source_scope))
        self.source_case = QComboBox()
        self.source_case.setObjectName("sourceCase")
        for number, text in DERIVED_CASES.items():
            self.source_case.addItem(f"{number}. {text}", number)
        sform.addRow(self.tr("派生情形："), self._row("basis.source.case", self.source_case))
        self.scope_within = QCheckBox(self.tr("知悉范围未超出来源事项的知悉范围"))
        self.scope_within.setObjectName("scopeWithinSource")
        sform.addRow(self._row("basis.scope_within_source", self.scope_within))
        # Further sources are entered in JSON only; a loaded form shows them and keeps them on save.
        self._more_sources: tuple[DerivedSource, ...] = ()
        self._source_title = ""  # JSON-only 来源事项名称 of the first source, kept on save
        self.more_label = QLabel(self.tr("其他来源事项（只读，须通过 JSON 导入修改）："))
        self.more_list = QListWidget()
        self.more_list.setObjectName("moreSources")
        self.more_list.setFixedHeight(60)
        self.more_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        sform.addRow(self.more_label)
        self.more_row = self._row("basis.sources", self.more_list)
        sform.addRow(self.more_row)
        form.addRow(self._row("basis.source", self.source_box))

        self.kind.currentIndexChanged.connect(self._on_changed)
        self.source_category.currentIndexChanged.connect(self._on_changed)
        self.source_case.currentIndexChanged.connect(self._on_changed)
        self.allows_long_term.toggled.connect(self._on_changed)
        self.scope_within.toggled.connect(self._on_changed)
        self.source_start.value_changed.connect(self._on_changed)
        for edit in (
            self.reference,
            self.special_rule,
            self.source_doc,
            self.source_authority,
            self.source_period,
            self.source_scope,
        ):
            edit.textChanged.connect(self._on_changed)
        self.text.textChanged.connect(self._on_changed)
        self._refresh()

    def _row(self, key: str, widget: QWidget) -> QWidget:
        error = ErrorLabel()
        self.errors[key] = error
        return with_error(widget, error)

    def _line_edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.reference,
            self.special_rule,
            self.source_doc,
            self.source_authority,
            self.source_period,
            self.source_scope,
        )

    def kind_value(self) -> BasisKind:
        return self.kind.currentData()

    def source_period_problem(self) -> str:
        """A message when the source period text cannot be read, else ""."""
        return self._parse_source_period()[1]

    def _parse_source_period(self) -> tuple[Period | None, str]:
        text = self.source_period.text().strip()
        if not text:
            return None, ""
        level = self.source_category.currentData()
        try:
            _category, period = parse_marking(f"{level.value}{STAR}{text}")
        except DomainError as exc:
            return None, exc.message
        return period, ""

    def basis(self, category: Category) -> Basis | None:
        """The basis as entered; None for an untouched block of a non-secret form."""
        kind = self.kind_value()
        reference = self.reference.text().strip()
        text = self.text.toPlainText().strip()
        source = None
        if kind is BasisKind.DERIVED:
            source = DerivedSource(
                doc_number=self.source_doc.text().strip(),
                category=self.source_category.currentData(),
                period=self._parse_source_period()[0],
                scope=self.source_scope.text().strip(),
                case=int(self.source_case.currentData()),
                title=self._source_title,
                authority=self.source_authority.text().strip(),
                start_date=self.source_start.value(),
            )
        empty = not (reference or text or source or self.special_rule.text().strip())
        if empty and kind is BasisKind.DEFINITE and not category.is_state_secret:
            return None
        return Basis(
            kind=kind,
            reference=reference,
            text=text,
            source=source,
            allows_long_term=self.allows_long_term.isChecked(),
            special_rule=self.special_rule.text().strip(),
            more_sources=self._more_sources if kind is BasisKind.DERIVED else (),
            scope_within_source=kind is BasisKind.DERIVED and self.scope_within.isChecked(),
        )

    def set_basis(self, basis: Basis | None) -> None:
        self.clear()  # nothing of a previously shown basis may leak into this one
        if basis is None:
            return
        self.kind.setCurrentIndex(list(BasisKind).index(basis.kind))
        self.reference.setText(basis.reference)
        self.text.setPlainText(basis.text)
        self.allows_long_term.setChecked(basis.allows_long_term)
        self.special_rule.setText(basis.special_rule)
        self.scope_within.setChecked(basis.scope_within_source)
        self._set_more_sources(basis.more_sources)
        source = basis.source
        if source is not None:
            self._source_title = source.title
            self.source_doc.setText(source.doc_number)
            self.source_authority.setText(source.authority)
            self.source_start.set_value(source.start_date)
            if source.category in SOURCE_LEVELS:
                self.source_category.setCurrentIndex(SOURCE_LEVELS.index(source.category))
            self.source_period.setText(period_text(source.period) if source.period else "")
            self.source_scope.setText(source.scope)
            index = self.source_case.findData(source.case)
            self.source_case.setCurrentIndex(max(index, 0))

    def _set_more_sources(self, sources: tuple[DerivedSource, ...]) -> None:
        self._more_sources = sources
        self.more_list.clear()
        for source in sources:
            period = period_text(source.period) if source.period else self.tr("期限未填")
            start = (
                self.tr("，制发日 {0}").format(format_date(source.start_date)) if source.start_date else ""
            )
            name = source.doc_number or source.title
            self.more_list.addItem(f"{name}（{source.authority}）{source.category.value}★{period}{start}")
        self._refresh()

    def set_catalog_entry(self, reference: str, text: str, long_term: bool = False) -> None:
        self.kind.setCurrentIndex(list(BasisKind).index(BasisKind.DEFINITE))
        self.reference.setText(reference)
        self.text.setPlainText(text)
        self.allows_long_term.setChecked(long_term)

    def clear(self) -> None:
        self.kind.setCurrentIndex(0)
        for edit in self._line_edits():
            edit.clear()
        self.source_start.set_value(None)
        self.scope_within.setChecked(False)
        self._source_title = ""
        self._set_more_sources(())
        self.text.clear()
        self.allows_long_term.setChecked(False)
        self.source_category.setCurrentIndex(0)
        self.source_case.setCurrentIndex(0)

    def set_read_only(self, read_only: bool) -> None:
        for widget in (
            self.kind,
            self.source_category,
            self.source_case,
            self.allows_long_term,
            self.pick_button,
            self.source_start,
            self.scope_within,
        ):
            widget.setEnabled(not read_only)
        for edit in self._line_edits():
            edit.setReadOnly(read_only)
        self.text.setReadOnly(read_only)

    def _on_changed(self, *_args: object) -> None:
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        self.source_box.setVisible(self.kind_value() is BasisKind.DERIVED)
        for widget in (self.more_label, self.more_row):
            widget.setVisible(bool(self._more_sources))
