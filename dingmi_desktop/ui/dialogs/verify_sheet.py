"""核验审批单: the user types or pastes the verification code printed on a sheet; the store says whether
the sheet matches the approved content and signatures (``PrintingService.verify_code``, on the worker)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.security.errors import InvalidInput
from dingmi_desktop.ui.excepthook import describe_error, show_error

if TYPE_CHECKING:
    from dingmi_desktop.services.lazy_printing import SheetPrinting
    from dingmi_desktop.ui.ops import OpRunner


OK_STYLE = "color: #1e7b34; font-weight: bold; font-size: 13pt;"
BAD_STYLE = "color: #b42318; font-weight: bold; font-size: 13pt;"


class VerifySheetDialog(QDialog):
    """Modeless; ``checked`` is emitted once a result (or a refusal) is shown."""

    checked = Signal()

    def __init__(self, printing: SheetPrinting, ops: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifySheetDialog")
        self.setWindowTitle(self.tr("核验审批单"))
        self.setMinimumWidth(560)
        self._printing = printing
        self._ops = ops
        self.result_value: Any = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "输入或粘贴审批单上印的核验码（形如 DM-12-XXXX-XXXX-345-XXXX），或扫描二维码所得的文字，"
                "核对其与库中已批准的内容和签名是否一致，以及数据存储是否被回退或改写。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setObjectName("verifyCode")
        self.code.setPlaceholderText(self.tr("DM-表单编号-XXXX-XXXX-序号-XXXX"))
        self.code.setClearButtonEnabled(True)
        self.verify_button = QPushButton(self.tr("核验"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setDefault(True)
        row.addWidget(self.code, 1)
        row.addWidget(self.verify_button)
        layout.addLayout(row)
        self.verdict = QLabel()
        self.verdict.setObjectName("verifyResult")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.verdict)
        details = QFormLayout()
        self.form_id = QLabel()
        self.form_id.setObjectName("verifyFormId")
        self.title = QLabel()
        self.title.setObjectName("verifyTitle")
        self.title.setWordWrap(True)
        self.marking = QLabel()
        self.marking.setObjectName("verifyMarking")
        self.status = QLabel()
        self.status.setObjectName("verifyStatus")
        details.addRow(self.tr("表单编号："), self.form_id)
        details.addRow(self.tr("标题 / 事项名称："), self.title)
        details.addRow(self.tr("密级标志："), self.marking)
        details.addRow(self.tr("当前状态："), self.status)
        layout.addLayout(details)
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("verifyClose")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.verify_button.clicked.connect(self.verify)
        self.code.returnPressed.connect(self.verify)
        self.finished.connect(lambda _result: self.clear())

    def verify(self) -> None:
        code = self.code.text().strip()
        if not code:
            self._show_problem(self.tr("请输入核验码。"))
            return
        printing = self._printing
        self.verify_button.setEnabled(False)
        self._show_details(None)
        self.verdict.setStyleSheet("")
        self.verdict.setText(self.tr("正在核验…"))
        self._ops.run(lambda: printing.verify_code(code), self._show, self._failed, label="verify sheet")

    def _show(self, check: Any) -> None:
        self.verify_button.setEnabled(True)
        self.result_value = check
        if check.ok:
            self.verdict.setStyleSheet(OK_STYLE)
            self.verdict.setText(self.tr("✔ 一致：审批单与库中已批准的内容和签名相符。"))
        else:
            self.verdict.setStyleSheet(BAD_STYLE)
            self.verdict.setText(self.tr("✘ 不一致：{0}").format(check.reason))
        self._show_details(check)
        self._fit_height()
        self.checked.emit()

    def _failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.result_value = None
        if isinstance(exc, InvalidInput):  # a malformed code: explained here, no error box
            self._show_problem(self.tr("核验码无法识别：{0}").format(describe_error(exc)))
        else:
            self._show_problem(describe_error(exc))
            show_error(exc, self)
        self.checked.emit()

    def _show_problem(self, text: str) -> None:
        self._show_details(None)
        self.verdict.setStyleSheet(BAD_STYLE)
        self.verdict.setText(text)
        self._fit_height()

    def _fit_height(self) -> None:
        """A long reason wraps onto more lines: grow the (already shown) dialog so none is cut off."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _show_details(self, check: Any) -> None:
        self.form_id.setText(str(check.form_id) if check is not None else "")
        self.title.setText(check.title if check is not None else "")
        shown = check is not None and bool(check.status)
        self.marking.setText((check.marking or self.tr("（无）")) if shown else "")
        self.status.setText(check.status if check is not None else "")

    def clear(self) -> None:
        """Lock / close: drop the code and the shown form data."""
        self.code.clear()
        self.verdict.clear()
        self._show_details(None)
        self.result_value = None
