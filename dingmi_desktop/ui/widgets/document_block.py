"""The document and drafting sections of the two forms (docs/rules.md §7), laid out like the paper sheets."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from dingmi_desktop.domain.forms import Carrier, FormKind, Publicity, Retention, Urgency
from dingmi_desktop.ui.widgets.fields import ErrorLabel, OptionalDateEdit, with_error


def _enum_combo(name: str, enum: type[Enum], none_label: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(none_label, None)
    for member in enum:
        combo.addItem(member.value, member)
    return combo


def _retention_combo(none_label: str) -> QComboBox:
    """保管期限 as the archives rules word it (国家档案局令第8号): 永久, 定期30年, 定期10年."""
    combo = QComboBox()
    combo.setObjectName("retentionCombo")
    combo.addItem(none_label, None)
    for member in Retention:
        combo.addItem(member.value if member is Retention.PERMANENT else f"定期{member.value}", member)
    return combo


class DocumentBlock(QGroupBox):
    """标题 / 事项名称 and the descriptive fields; which rows exist depends on the form kind."""

    changed = Signal()

    def __init__(self, kind: FormKind, parent: QWidget | None = None) -> None:
        title = self.tr("文件信息") if kind is FormKind.DISPATCH else self.tr("事项信息")
        super().__init__(title, parent)
        self.setObjectName("documentBlock")
        self.kind = kind
        self.errors: dict[str, ErrorLabel] = {}
        dispatch = kind is FormKind.DISPATCH
        form = QFormLayout(self)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("titleEdit")
        form.addRow(
            self.tr("标题：") if dispatch else self.tr("事项名称："), self._row("title", self.title_edit)
        )
        self.doc_number = QLineEdit()
        self.doc_number.setObjectName("docNumberEdit")
        self.doc_number.setPlaceholderText(self.tr("例如：示〔2026〕12号"))
        form.addRow(self.tr("发文字号：") if dispatch else self.tr("文号："), self.doc_number)
        self.department = QLineEdit()
        self.department.setObjectName("departmentEdit")
        form.addRow(self.tr("拟稿单位：") if dispatch else self.tr("产生部门："), self.department)
        self.doc_type = QLineEdit()
        self.doc_type.setObjectName("docTypeEdit")
        self.doc_type.setPlaceholderText(self.tr("例如：请示、通知、报告"))
        self.urgency = _enum_combo("urgencyCombo", Urgency, self.tr("（无）"))
        self.publicity = _enum_combo("publicityCombo", Publicity, self.tr("（未填）"))
        self.main_recipients = QLineEdit()
        self.main_recipients.setObjectName("mainRecipientsEdit")
        self.cc = QLineEdit()
        self.cc.setObjectName("ccEdit")
        self.attachments = QLineEdit()
        self.attachments.setObjectName("attachmentsEdit")
        self.carrier = _enum_combo("carrierCombo", Carrier, self.tr("（未填）"))
        self.retention = _retention_combo(self.tr("（未填）"))
        self.retention.setToolTip(self.tr("档案保管期限（不是保密期限）：永久、定期30年或定期10年"))
        self.copies = QSpinBox()
        self.copies.setObjectName("copiesSpin")
        self.copies.setRange(0, 9999)
        self.copies.setSpecialValueText(self.tr("未填"))
        if dispatch:
            form.addRow(self.tr("文种："), self.doc_type)
            form.addRow(self.tr("紧急程度："), self.urgency)
            form.addRow(self.tr("公开属性："), self._row("publicity", self.publicity))
            form.addRow(self.tr("主送："), self.main_recipients)
            form.addRow(self.tr("抄送："), self.cc)
            form.addRow(self.tr("附件："), self.attachments)
            form.addRow(self.tr("印制份数："), self._row("copies", self.copies))
        else:
            form.addRow(self.tr("载体形式："), self.carrier)
            form.addRow(self.tr("份数："), self._row("copies", self.copies))
        form.addRow(self.tr("保管期限："), self._row("retention", self.retention))
        for edit in self._line_edits():
            edit.textChanged.connect(self.changed)
        for combo in (self.urgency, self.publicity, self.carrier, self.retention):
            combo.currentIndexChanged.connect(self.changed)
        self.copies.valueChanged.connect(self.changed)

    def _row(self, key: str, widget: QWidget) -> QWidget:
        error = ErrorLabel()
        self.errors[key] = error
        return with_error(widget, error)

    def _line_edits(self) -> list[QLineEdit]:
        return [
            self.title_edit,
            self.doc_number,
            self.department,
            self.doc_type,
            self.main_recipients,
            self.cc,
            self.attachments,
        ]

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text().strip(),
            "doc_number": self.doc_number.text().strip(),
            "department": self.department.text().strip(),
            "doc_type": self.doc_type.text().strip(),
            "urgency": self.urgency.currentData(),
            "publicity": self.publicity.currentData(),
            "main_recipients": self.main_recipients.text().strip(),
            "cc": self.cc.text().strip(),
            "attachments": self.attachments.text().strip(),
            "carrier": self.carrier.currentData(),
            "copies": self.copies.value() or None,
            "retention": self.retention.currentData(),
        }

    def set_values(self, values: dict[str, Any]) -> None:
        edits = {
            "title": self.title_edit,
            "doc_number": self.doc_number,
            "department": self.department,
            "doc_type": self.doc_type,
            "main_recipients": self.main_recipients,
            "cc": self.cc,
            "attachments": self.attachments,
        }
        for key, edit in edits.items():
            edit.setText(values.get(key) or "")
        for key in ("urgency", "publicity", "carrier", "retention"):
            combo: QComboBox = getattr(self, key)
            index = combo.findData(values.get(key))
            combo.setCurrentIndex(max(index, 0))
        self.copies.setValue(values.get("copies") or 0)

    def set_read_only(self, read_only: bool) -> None:
        for edit in self._line_edits():
            edit.setReadOnly(read_only)
        for widget in (self.urgency, self.publicity, self.carrier, self.copies, self.retention):
            widget.setEnabled(not read_only)


class DraftingBlock(QGroupBox):
    """拟稿人, date, phone, 校对, 封发日期 and the 承办人定密意见."""

    changed = Signal()

    def __init__(self, kind: FormKind, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("拟稿与承办人意见"), parent)
        self.setObjectName("draftingBlock")
        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout(self)
        self.drafter_name = QLineEdit()
        self.drafter_name.setObjectName("drafterNameEdit")
        form.addRow(
            self.tr("拟稿人：") if kind is FormKind.DISPATCH else self.tr("承办人："), self.drafter_name
        )
        self.drafted_on = OptionalDateEdit()
        self.drafted_on.setObjectName("draftedOnEdit")
        form.addRow(self.tr("拟稿日期："), self._row("drafted_on", self.drafted_on))
        self.drafter_phone = QLineEdit()
        self.drafter_phone.setObjectName("drafterPhoneEdit")
        form.addRow(self.tr("联系电话："), self.drafter_phone)
        self.proofreader = QLineEdit()
        self.proofreader.setObjectName("proofreaderEdit")
        self.sealed_on = OptionalDateEdit()
        self.sealed_on.setObjectName("sealedOnEdit")
        if kind is FormKind.DISPATCH:
            form.addRow(self.tr("校对："), self.proofreader)
            form.addRow(self.tr("封发日期："), self._row("sealed_on", self.sealed_on))
        self.opinion = QPlainTextEdit()
        self.opinion.setObjectName("drafterOpinionEdit")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setFixedHeight(60)
        self.opinion.setPlaceholderText(self.tr("例如：建议定为机密级，保密期限10年"))
        form.addRow(self.tr("承办人定密意见："), self.opinion)
        for edit in (self.drafter_name, self.drafter_phone, self.proofreader):
            edit.textChanged.connect(self.changed)
        self.drafted_on.value_changed.connect(self.changed)
        self.sealed_on.value_changed.connect(self.changed)
        self.opinion.textChanged.connect(self.changed)

    def _row(self, key: str, widget: QWidget) -> QWidget:
        error = ErrorLabel()
        self.errors[key] = error
        return with_error(widget, error)

    def values(self) -> dict[str, Any]:
        return {
            "drafter_name": self.drafter_name.text().strip(),
            "drafted_on": self.drafted_on.value(),
            "drafter_phone": self.drafter_phone.text().strip(),
            "proofreader": self.proofreader.text().strip(),
            "sealed_on": self.sealed_on.value(),
            "opinion": self.opinion.toPlainText().strip(),
        }

    def set_values(self, values: dict[str, Any]) -> None:
        for key in ("drafter_name", "drafter_phone", "proofreader"):
            getattr(self, key).setText(values.get(key) or "")
        self.drafted_on.set_value(values.get("drafted_on"))
        self.sealed_on.set_value(values.get("sealed_on"))
        self.opinion.setPlainText(values.get("opinion") or "")

    def fill_defaults(self, name: str, today: date) -> None:
        if not self.drafter_name.text():
            self.drafter_name.setText(name)
        if self.drafted_on.value() is None:
            self.drafted_on.set_value(today)

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.drafter_name, self.drafter_phone, self.proofreader):
            edit.setReadOnly(read_only)
        self.drafted_on.setEnabled(not read_only)
        self.sealed_on.setEnabled(not read_only)
        self.opinion.setReadOnly(read_only)
