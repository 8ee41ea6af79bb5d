"""Decisions shown on the form itself: why it was returned (a banner) and the reviewer's opinion (a panel)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
# Local style: the banners must stand out from the form whatever the application style sheet says.
_STYLES = {
    "returnedBanner": "QFrame#returnedBanner { background: #fff4e5; border: 1px solid #e8a33d;"
    " border-radius: 6px; }",
    "reviewOpinion": "QFrame#reviewOpinion { background: #eef4fb; border: 1px solid #9db7d5;"
    " border-radius: 6px; }",
}


class DecisionNote(QFrame):
    """A heading, a who/when line and the opinion in full (word-wrapped, selectable, focusable)."""

    def __init__(self, name: str, when: Callable[[datetime], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(_STYLES[name])
        self._when = when
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        self.heading = QLabel()
        self.heading.setObjectName(f"{name}Heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.byline = QLabel()
        self.byline.setObjectName(f"{name}Byline")
        self.byline.setTextInteractionFlags(SELECTABLE)
        self.text = QLabel()
        self.text.setObjectName(f"{name}Text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # an opinion is shown as typed, never as markup
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(SELECTABLE)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable with Tab, then Ctrl+C
        for label in (self.heading, self.byline, self.text):
            layout.addWidget(label)
        self.hide()

    def show_note(self, heading: str, note: Any, text_label: str) -> None:
        self.heading.setText(heading)
        self.byline.setText(self.tr("{0}（{1}）· {2}").format(note.who, note.role, self._when(note.time)))
        self.byline.setToolTip(note.actor)  # the login, for the audit log
        self.text.setText(f"{text_label}{note.opinion or self.tr('（未填写）')}")
        self.show()

    def clear(self) -> None:
        for label in (self.heading, self.byline, self.text):
            label.clear()
        self.hide()


class ReturnedBanner(DecisionNote):
    """已退回: who returned the form, when, and the reason in full."""

    def __init__(self, when: Callable[[datetime], str], parent: QWidget | None = None) -> None:
        super().__init__("returnedBanner", when, parent)

    def set_note(self, note: Any | None, *, editing: bool = False) -> None:
        """`editing`: the drafter already saved a change (草稿 again) and has not resubmitted."""
        if note is None:
            self.clear()
            return
        heading = (
            self.tr("此表单被{0}退回，修改中：重新提交前请核对退回理由")
            if editing
            else self.tr("此表单已被{0}退回，请按退回理由修改后重新提交")
        )
        self.show_note(
            heading.format(note.role),
            note,
            self.tr("退回理由："),
        )


class ReviewOpinion(DecisionNote):
    """The 定密审核人's latest opinion on this submission, for the 定密责任人 deciding it."""

    def __init__(self, when: Callable[[datetime], str], parent: QWidget | None = None) -> None:
        super().__init__("reviewOpinion", when, parent)

    def set_note(self, note: Any | None) -> None:
        if note is None:
            self.clear()
            return
        vote = self.tr("同意") if note.agree else self.tr("不同意")
        self.show_note(self.tr("定密审核意见：{0}").format(vote), note, self.tr("审核意见："))
