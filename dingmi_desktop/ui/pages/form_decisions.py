"""The decisions on an open form. Each asks its input (and the password when it signs), runs the service
call off the GUI thread, then reloads the form so the buttons always follow the workflow table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.escalation import TARGETS
from dingmi_desktop.domain.workflow import Outcome
from dingmi_desktop.ui.bundle import required
from dingmi_desktop.ui.dialogs.approval import ApprovalDialog
from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog, FieldSpec
from dingmi_desktop.ui.dialogs.prompts import Confirm, DecisionDialog
from dingmi_desktop.ui.excepthook import describe_error, show_error

if TYPE_CHECKING:
    from dingmi_desktop.services.forms import FormServices
    from dingmi_desktop.ui.pages.form_page import FormPage

ESCALATION_TARGETS = TARGETS  # a 不明确事项 goes where Reg 25 routes it; the service refuses others


def _password_spec() -> FieldSpec:
    return FieldSpec("password", QCoreApplication.translate("FormPage", "再次输入密码："), kind="password")


class DecisionRunner:
    def __init__(self, page: FormPage) -> None:
        self.page = page

    @property
    def _services(self) -> FormServices:
        return required(self.page.bundle.workflow)

    def perform(self, work: Callable[[], Any], done_text: str) -> None:
        page = self.page

        def done(result: Any) -> None:
            page.say(
                QCoreApplication.translate("FormPage", "{0}：表单现为“{1}”。").format(
                    done_text, result.status_after.value
                )
            )
            page.reload()
            notify = getattr(page.window_, "form_changed", None)
            if notify is not None:
                notify()

        def failed(exc: BaseException) -> None:
            problems = getattr(exc, "problems", None)
            if problems and isinstance(problems, list) and hasattr(problems[0], "field"):
                page.editor.show_problems(problems)
            page.say(QCoreApplication.translate("FormPage", "未完成：{0}").format(describe_error(exc)))
            show_error(exc, page)
            page.reload()

        page.run(work, done, label="decision", on_error=failed)

    def withdraw(self) -> None:
        if not Confirm.ask(
            self.page,
            QCoreApplication.translate("FormPage", "撤回"),
            QCoreApplication.translate("FormPage", "撤回后表单回到草稿，可修改后重新提交。确定撤回吗？"),
        ):
            return
        drafting, form_id = self._services.drafting, self.page.stored_id()
        self.perform(lambda: drafting.withdraw(form_id), QCoreApplication.translate("FormPage", "已撤回"))

    def review(self) -> None:
        answer = DecisionDialog.ask(
            self.page,
            QCoreApplication.translate("FormPage", "定密审核"),
            with_vote=True,
            opinion_label=QCoreApplication.translate("FormPage", "审核意见："),
        )
        if answer is None:
            return
        if not answer.agree and not answer.opinion:
            self.page.say(QCoreApplication.translate("FormPage", "不同意时须填写审核意见。"))
            return
        review, form_id = self._services.review, self.page.stored_id()

        def work() -> Any:
            return review.review(
                form_id, agree=answer.agree, opinion=answer.opinion, password=answer.password
            )

        self.perform(work, QCoreApplication.translate("FormPage", "已审核"))

    def approve(self) -> None:
        view = self.page.view
        if view is None:
            return
        form = view.form
        answer = ApprovalDialog.ask(self.page, view.marking, form.category, form.period, form.scope)
        if answer is None:
            return
        review, form_id, content_hash = (
            self._services.review,
            self.page.stored_id(),
            view.summary.content_hash,
        )

        def work() -> Any:
            return review.approve(
                form_id,
                password=answer.password,
                content_hash=content_hash,
                corrections=answer.corrections,
                opinion=answer.opinion,
            )

        self.perform(work, QCoreApplication.translate("FormPage", "已批准"))

    def return_form(self) -> None:
        answer = DecisionDialog.ask(
            self.page,
            QCoreApplication.translate("FormPage", "退回表单"),
            opinion_required=True,
            opinion_label=QCoreApplication.translate("FormPage", "退回理由："),
        )
        if answer is None:
            return
        review, form_id = self._services.review, self.page.stored_id()
        self.perform(
            lambda: review.return_form(form_id, reason=answer.opinion, password=answer.password),
            QCoreApplication.translate("FormPage", "已退回"),
        )

    def escalate(self) -> None:
        answer = FieldsDialog.ask(
            self.page,
            QCoreApplication.translate("FormPage", "上报"),
            [
                FieldSpec(
                    "to",
                    QCoreApplication.translate("FormPage", "报送对象："),
                    kind="choice",
                    choices=ESCALATION_TARGETS,
                ),
                FieldSpec(
                    "received_by",
                    QCoreApplication.translate("FormPage", "接收人："),
                    required=False,
                ),
                FieldSpec("reason", QCoreApplication.translate("FormPage", "上报说明：")),
                _password_spec(),
            ],
            intro=QCoreApplication.translate(
                "FormPage",
                "不明事项在拟稿后 10 个工作日内上报；答复期限按工作日历计算。拟定为绝密级的，"
                "以及中央国家机关拟定的，报国家保密行政管理部门；其他机密级、秘密级报省级保密行政管理部门"
                "（条例第二十五条）。",
            ),
        )
        if answer is None:
            return
        escalation, form_id = self._services.escalation, self.page.stored_id()

        def work() -> Any:
            return escalation.escalate(
                form_id,
                to=answer["to"],
                reason=answer["reason"],
                password=answer["password"],
                received_by=answer.get("received_by", ""),
            )

        self.perform(work, QCoreApplication.translate("FormPage", "已上报"))

    def dispute(self) -> None:
        answer = FieldsDialog.ask(
            self.page,
            QCoreApplication.translate("FormPage", "登记争议"),
            [
                FieldSpec(
                    "claimed", QCoreApplication.translate("FormPage", "各方主张的密级（用“、”分隔）：")
                ),
                FieldSpec("parties", QCoreApplication.translate("FormPage", "争议各方："), required=False),
                FieldSpec("reason", QCoreApplication.translate("FormPage", "争议情况：")),
                _password_spec(),
            ],
        )
        if answer is None:
            return
        try:
            claimed = [
                Category.parse(part.strip()) for part in answer["claimed"].replace(",", "、").split("、")
            ]
        except ValueError:
            self.page.say(QCoreApplication.translate("FormPage", "主张的密级须为绝密、机密或秘密。"))
            return
        escalation, form_id = self._services.escalation, self.page.stored_id()

        def work() -> Any:
            return escalation.record_dispute(
                form_id,
                claimed_levels=claimed,
                parties=answer.get("parties", ""),
                reason=answer["reason"],
                password=answer["password"],
            )

        self.perform(work, QCoreApplication.translate("FormPage", "已登记争议"))

    def reply(self) -> None:
        answer = FieldsDialog.ask(
            self.page,
            QCoreApplication.translate("FormPage", "登记答复"),
            [
                FieldSpec(
                    "outcome",
                    QCoreApplication.translate("FormPage", "处理结果："),
                    kind="choice",
                    choices=[o.value for o in Outcome],
                ),
                FieldSpec(
                    "by",
                    QCoreApplication.translate("FormPage", "答复机关（默认为上报对象）："),
                    required=False,
                ),
                FieldSpec("document", QCoreApplication.translate("FormPage", "答复文号："), required=False),
                FieldSpec("reply", QCoreApplication.translate("FormPage", "答复内容：")),
                _password_spec(),
            ],
            intro=QCoreApplication.translate(
                "FormPage", "登记的是答复机关的决定，不是您本人的决定；表单上以“记录上级决定”打印。"
            ),
        )
        if answer is None:
            return
        outcome = Outcome(answer["outcome"])
        escalation, form_id = self._services.escalation, self.page.stored_id()

        def work() -> Any:
            return escalation.record_reply(
                form_id,
                outcome=outcome,
                reply=answer["reply"],
                password=answer["password"],
                answered_by=answer.get("by", ""),
                document=answer.get("document", ""),
            )

        self.perform(work, QCoreApplication.translate("FormPage", "已登记答复"))
