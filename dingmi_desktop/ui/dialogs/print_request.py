"""What to print: copies and the password again (印制), or a 复印 approved at this terminal by the
安全保密管理员; and which printer (``QPrintDialog``).

Each prompt has a test seam: ``set_next_answer(...)`` makes the next ``ask`` return that answer without
showing anything (None = the user cancels). ``PrinterChooser.set_next_answer(printer)`` lets a test hand
in a ``QPrinter`` writing PDF to a file instead of the system print dialog.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.clock import local_text
from dingmi_desktop.ui.dialogs.prompts import _Seam
from dingmi_desktop.ui.qt_find import child_of, children_of

MAX_COPY_JOB = 100  # 复印 is rare: a typo like 1000 must not tie up the printer


@dataclass(frozen=True)
class PrintRequest:
    copies: int
    password: str


@dataclass(frozen=True)
class ReprintRequest:
    copies: int
    password: str
    approver: str
    approver_password: str


def register_lines(status: Any) -> list[str]:
    """One line per earlier job of the print register (份号, kind, who, when, printer)."""
    lines = []
    for entry in status.entries:
        when = local_text(entry.time, status.zone)
        lines.append(
            f"{entry.copies_from:06d}—{entry.copies_to:06d}　{entry.kind}　{entry.user}　{when}"
            + (f"　{entry.printer}" if entry.printer else "")
        )
    return lines


class _RequestDialog(QDialog):
    """Common layout: intro, the register so far, a form, an inline error and OK / cancel."""

    _answers: ClassVar[deque[Any]]
    # Each dialog defines these two: what is wrong with the input ("" when fine), and the request it makes.
    problem: Callable[[], str]
    answer: Callable[[], Any]

    def __init_subclass__(cls) -> None:
        cls._answers = deque()

    def __init__(self, parent: QWidget | None, status: Any) -> None:
        super().__init__(parent)
        self.setMinimumWidth(500)
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setObjectName("printIntro")
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        lines = register_lines(status)
        self.register = QLabel(
            self.tr("印制登记：\n{0}").format("\n".join(lines)) if lines else self.tr("尚无印制记录。")
        )
        self.register.setObjectName("printRegister")
        self.register.setStyleSheet("color: #52606d;")
        self.layout_.addWidget(self.register)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.message = QLabel()
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("打印"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        self._buttons = buttons

    def _finish_layout(self) -> None:
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self._buttons)

    def _password_field(self, label: str, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(label, field)
        return field

    def _try_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        self.accept()

    def clear_secrets(self) -> None:
        for field in children_of(self, QLineEdit):
            if field.echoMode() == QLineEdit.EchoMode.Password:
                field.clear()

    @classmethod
    def set_next_answer(cls, answer: Any) -> None:
        cls._answers.append(answer)

    @classmethod
    def clear_answers(cls) -> None:
        cls._answers.clear()

    def _run(self) -> Any:
        try:
            if self.exec() != QDialog.DialogCode.Accepted:
                return None
            return self.answer()
        finally:
            self.clear_secrets()
            self.deleteLater()


class PrintRequestDialog(_RequestDialog):
    """印制: how many of the approved copies still unprinted, and the password again."""

    def __init__(self, parent: QWidget | None, status: Any, marking: str) -> None:
        super().__init__(parent, status)
        self.setObjectName("printRequestDialog")
        self.setWindowTitle(self.tr("打印审批单"))
        self.intro.setText(
            self.tr(
                "标志：{0}。批准印制 {1} 份，已印制 {2} 份，本次最多可印 {3} 份；"
                "每份有自己的份号，并登记入印制台账。"
            ).format(marking or self.tr("（无）"), status.approved, status.printed, status.remaining)
        )
        self.copies = QSpinBox()
        self.copies.setObjectName("printCopies")
        self.copies.setRange(1, max(status.remaining, 1))
        self.copies.setValue(max(status.remaining, 1))
        self.copies.setSuffix(self.tr(" 份"))
        self.form.addRow(self.tr("本次印制份数："), self.copies)
        self.password = self._password_field(self.tr("再次输入密码："), "printPassword")
        hint = QLabel(self.tr("点击“打印”后选择打印机；取消选择打印机则不登记、不打印。"))
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        self.form.addRow("", hint)
        self._finish_layout()
        # The copies are pre-filled with all that remain (the usual job): the password is left to type.
        self.password.setFocus()

    def problem(self) -> str:
        return "" if self.password.text() else self.tr("请输入密码。")

    def answer(self) -> PrintRequest:
        return PrintRequest(self.copies.value(), self.password.text())

    @classmethod
    def ask(cls, parent: QWidget | None, status: Any, marking: str) -> PrintRequest | None:
        if cls._answers:
            answer: PrintRequest | None = cls._answers.popleft()
            return answer
        result: PrintRequest | None = cls(parent, status, marking)._run()
        return result


class ReprintDialog(_RequestDialog):
    """复印 beyond the approved number: the 安全保密管理员 enters user name and password here."""

    def __init__(self, parent: QWidget | None, status: Any, marking: str) -> None:
        super().__init__(parent, status)
        self.setObjectName("reprintDialog")
        self.setWindowTitle(self.tr("复印（超出批准份数）"))
        self.ok_button.setText(self.tr("批准并复印"))
        self.intro.setText(
            self.tr(
                "标志：{0}。批准印制 {1} 份，已印制 {2} 份。超出批准份数的复印须经安全保密管理员批准："
                "请安全保密管理员在本终端输入用户名和密码。复印件的份号接续已发出的最大份号。"
            ).format(marking or self.tr("（无）"), status.approved, status.printed)
        )
        self.copies = QSpinBox()
        self.copies.setObjectName("reprintCopies")
        self.copies.setRange(1, MAX_COPY_JOB)
        self.copies.setValue(1)
        self.copies.setSuffix(self.tr(" 份"))
        self.form.addRow(self.tr("复印份数："), self.copies)
        self.password = self._password_field(self.tr("本人再次输入密码："), "reprintPassword")
        self.approver = QLineEdit()
        self.approver.setObjectName("reprintApprover")
        self.approver.setPlaceholderText(self.tr("安全保密管理员的用户名"))
        self.form.addRow(self.tr("批准人用户名："), self.approver)
        self.approver_password = self._password_field(self.tr("批准人密码："), "reprintApproverPassword")
        self._finish_layout()

    def problem(self) -> str:
        if not self.password.text():
            return self.tr("请输入本人密码。")
        if not self.approver.text().strip() or not self.approver_password.text():
            return self.tr("请安全保密管理员输入用户名和密码。")
        return ""

    def answer(self) -> ReprintRequest:
        return ReprintRequest(
            self.copies.value(),
            self.password.text(),
            self.approver.text().strip(),
            self.approver_password.text(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, status: Any, marking: str) -> ReprintRequest | None:
        if cls._answers:
            answer: ReprintRequest | None = cls._answers.popleft()
            return answer
        result: ReprintRequest | None = cls(parent, status, marking)._run()
        return result


class PrinterChooser(_Seam):
    """The system print dialog; returns the configured printer, or None when the user cancels.

    Raises ``PrintOutputError`` when the chosen printer would write a file (the seam bypasses the system
    dialog and this check: tests hand in a PDF printer to read the pages back)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> QPrinter | None:
        seeded, answer = cls._take()
        if seeded:
            printer: QPrinter | None = answer
            return printer
        chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(chosen, parent)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle(title)
        # No "print to file" (a numbered copy must not become an unencrypted file) and no page ranges
        # (all or nothing): only the page size may be chosen besides the printer.
        dialog.setOptions(QAbstractPrintDialog.PrintDialogOption.PrintShowPageSize)
        _remove_copy_count(dialog)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        finally:
            dialog.deleteLater()
        from dingmi_desktop.ui.sheet_printer import PrintOutputError, file_output_refusal

        if chosen.copyCount() > 1:  # set anyway (a platform dialog, printer defaults): refused, not ignored
            raise PrintOutputError(
                QCoreApplication.translate(
                    "PrinterChooser",
                    "打印机设置了 {0} 份：每个份号只能印一份。请在打印机设置中把份数改为 1；"
                    "需要几份，请在“本次印制份数”中填写（每份有自己的份号）。",
                ).format(chosen.copyCount())
            )
        refusal = file_output_refusal(chosen)  # a file output set anyway (a driver, a virtual printer)
        if refusal:
            raise PrintOutputError(refusal)
        return chosen


def _remove_copy_count(dialog: QPrintDialog) -> None:
    """Hide the dialog's 份数 and 逐份打印: each copy is its own 份号, so the number of copies is decided in
    the print request and the printer prints every 份号 once. (Qt has no option for this: the widgets of
    its own dialog are found by name; a platform dialog without them is covered by the check after it.)"""
    copies = child_of(dialog, QSpinBox, "copies")
    hidden: list[QWidget] = [w for w in (copies, child_of(dialog, QCheckBox, "collate")) if w is not None]
    if copies is not None:
        hidden += [label for label in children_of(dialog, QLabel) if label.buddy() is copies]
    for widget in hidden:
        widget.setEnabled(False)
        widget.hide()
    group = copies.parentWidget() if copies is not None else None
    if group is not None and (layout := group.layout()) is not None:
        note = QLabel(QCoreApplication.translate("PrinterChooser", "每个份号印一份；份数已在上一步确定。"))
        note.setObjectName("copiesFixedNote")
        note.setWordWrap(True)
        layout.addWidget(note)
