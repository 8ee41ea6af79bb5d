"""A small form dialog built from field specs, with a test seam (``set_next_answer(dict | None)``)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.ui.widgets.fields import OptionalDateEdit


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: str = "text"  # text | password | choice | date
    choices: Sequence[str] = field(default_factory=tuple)
    default: Any = None
    required: bool = True


Validator = Callable[[dict[str, Any]], list[str]]


class FieldsDialog(QDialog):
    _answers: ClassVar[deque[dict[str, Any] | None]] = deque()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        specs: Sequence[FieldSpec],
        validator: Validator | None = None,
        intro: str = "",
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fieldsDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self._specs = list(specs)
        self._validator = validator
        self.widgets: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        form = QFormLayout()
        layout.addLayout(form)
        for spec in self._specs:
            widget: QWidget
            if spec.kind == "choice":
                combo = QComboBox()
                combo.addItems(list(spec.choices))
                if spec.default:
                    combo.setCurrentText(str(spec.default))
                widget = combo
            elif spec.kind == "date":
                edit = OptionalDateEdit(today=today)
                edit.set_value(spec.default)
                widget = edit
            else:
                line = QLineEdit(str(spec.default or ""))
                if spec.kind == "password":
                    line.setEchoMode(QLineEdit.EchoMode.Password)
                widget = line
            widget.setObjectName(f"field_{spec.key}")
            self.widgets[spec.key] = widget
            form.addRow(spec.label, widget)
        self.message = QLabel()
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for spec in self._specs:
            widget = self.widgets[spec.key]
            if isinstance(widget, QComboBox):
                out[spec.key] = widget.currentText()
            elif isinstance(widget, OptionalDateEdit):
                out[spec.key] = widget.value()
            elif isinstance(widget, QLineEdit):
                out[spec.key] = widget.text() if spec.kind == "password" else widget.text().strip()
        return out

    def _try_accept(self) -> None:
        values = self.values()
        problems = [
            self.tr("请填写{0}").format(spec.label.rstrip("：:"))
            for spec in self._specs
            if spec.required and spec.kind != "date" and not values.get(spec.key)
        ]
        for spec in self._specs:
            widget = self.widgets[spec.key]
            if isinstance(widget, OptionalDateEdit) and widget.problem():
                problems.append(f"{spec.label.rstrip('：:')}：{widget.problem()}")
        if not problems and self._validator is not None:
            problems = self._validator(values)
        if problems:
            self.message.setText("；".join(problems))
            return
        self.accept()

    @classmethod
    def set_next_answer(cls, answer: dict[str, Any] | None) -> None:
        cls._answers.append(answer)

    @classmethod
    def clear_answers(cls) -> None:
        cls._answers.clear()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        specs: Sequence[FieldSpec],
        validator: Validator | None = None,
        intro: str = "",
        today: Callable[[], date] | None = None,
    ) -> dict[str, Any] | None:
        if cls._answers:
            return cls._answers.popleft()
        dialog = cls(parent, title, specs, validator, intro, today)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.values()
        finally:
            for widget in dialog.widgets.values():
                if isinstance(widget, QLineEdit):
                    widget.clear()
            dialog.deleteLater()


def parse_date(value: Any) -> date | None:
    return value if isinstance(value, date) else None
