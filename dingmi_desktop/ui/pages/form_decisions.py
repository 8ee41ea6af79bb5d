"""The decisions on an open form. Each asks its input (and the password when it signs), runs the service
call off the GUI thread, then reloads the form so the buttons always follow the workflow table."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from dingmi_desktop.domain.action_inputs import Input, input_problem, inputs
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.workflow import Action
from dingmi_desktop.ui.bundle import required
from dingmi_desktop.ui.dialogs.approval import ApprovalDialog
from dingmi_desktop.ui.dialogs.prompts import Confirm, DecisionDialog
from dingmi_desktop.ui.excepthook import describe_error, show_error
from dingmi_desktop.ui.pages.decision_fields import ask_arguments
from dingmi_desktop.ui.pages.form_context import FormContext, OpChanges

if TYPE_CHECKING:
    from dingmi_desktop.services.forms import FormServices


def _label(action: Action) -> str:
    return QCoreApplication.translate("FormPage", inputs(action).reason_label) + "："


class DecisionRunner:
    def __init__(self, page: FormContext) -> None:
        self.page = page

    @property
    def _services(self) -> FormServices:
        return required(self.page.bundle.workflow)

    def perform(self, work: Callable[[], Any], done_text: str) -> None:
        page = self.page
        form_id = page.stored_id()

        def done(result: Any) -> None:
            page.say(
                QCoreApplication.translate("FormPage", "{0}：表单现为“{1}”。").format(
                    done_text, result.status_after.value
                )
            )
            page.announce(OpChanges(form_id, form=True))

        def failed(exc: BaseException) -> None:
            problems = getattr(exc, "problems", None)
            if problems and isinstance(problems, list) and hasattr(problems[0], "field"):
                page.show_problems(problems)
            page.say(QCoreApplication.translate("FormPage", "未完成：{0}").format(describe_error(exc)))
            show_error(exc, page.widget())
            page.announce(OpChanges(form_id, form=True))  # refused: someone may have changed the form

        page.run(work, done, label="decision", on_error=failed)

    def withdraw(self) -> None:
        if not Confirm.ask(
            self.page.widget(),
            QCoreApplication.translate("FormPage", "撤回"),
            QCoreApplication.translate("FormPage", "撤回后表单回到草稿，可修改后重新提交。确定撤回吗？"),
        ):
            return
        drafting, form_id = self._services.drafting, self.page.stored_id()
        self.perform(lambda: drafting.withdraw(form_id), QCoreApplication.translate("FormPage", "已撤回"))

    def review(self) -> None:
        answer = DecisionDialog.ask(
            self.page.widget(),
            QCoreApplication.translate("FormPage", "定密审核"),
            with_vote=True,
            opinion_label=_label(Action.REVIEW_DISAGREE),
        )
        if answer is None:
            return
        action = Action.REVIEW_AGREE if answer.agree else Action.REVIEW_DISAGREE
        problem = input_problem(action, reason=answer.opinion)
        if problem:
            self.page.say(QCoreApplication.translate("FormPage", problem) + "。")
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
        answer = ApprovalDialog.ask(self.page.widget(), view.marking, form.category, form.period, form.scope)
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
            self.page.widget(),
            QCoreApplication.translate("FormPage", "退回表单"),
            opinion_required=inputs(Action.RETURN).needs(Input.REASON),
            opinion_label=_label(Action.RETURN),
        )
        if answer is None:
            return
        review, form_id = self._services.review, self.page.stored_id()
        self.perform(
            lambda: review.return_form(form_id, reason=answer.opinion, password=answer.password),
            QCoreApplication.translate("FormPage", "已退回"),
        )

    def _ask(self, action: Action, title: str, intro: str = "") -> tuple[dict[str, Any], str] | None:
        try:
            return ask_arguments(self.page.widget(), action, title, intro, self.page.bundle.today)
        except DomainError as exc:  # an answer given through the test seam skips the dialog's check
            self.page.say(exc.message)
            return None

    def escalate(self) -> None:
        asked = self._ask(
            Action.ESCALATE,
            QCoreApplication.translate("FormPage", "上报"),
            QCoreApplication.translate(
                "FormPage",
                "不明事项在拟稿后 10 个工作日内上报；答复期限按工作日历计算。拟定为绝密级的，"
                "以及中央国家机关拟定的，报国家保密行政管理部门；其他机密级、秘密级报省级保密行政管理部门"
                "（条例第二十五条）。",
            ),
        )
        if asked is None:
            return
        arguments, reason = asked
        escalation, form_id = self._services.escalation, self.page.stored_id()
        self.perform(
            lambda: escalation.escalate(form_id, reason=reason, **arguments),
            QCoreApplication.translate("FormPage", "已上报"),
        )

    def dispute(self) -> None:
        asked = self._ask(Action.RECORD_DISPUTE, QCoreApplication.translate("FormPage", "登记争议"))
        if asked is None:
            return
        arguments, reason = asked
        escalation, form_id = self._services.escalation, self.page.stored_id()
        self.perform(
            lambda: escalation.record_dispute(form_id, reason=reason, **arguments),
            QCoreApplication.translate("FormPage", "已登记争议"),
        )

    def reply(self) -> None:
        """The answer of the body reported to, with its decided values and date (as `dingmi form reply`)."""
        view = self.page.view
        allowed = list(view.allowed) if view is not None else []
        action = (
            Action.RECORD_SUPERIOR_DECISION
            if Action.RECORD_SUPERIOR_DECISION in allowed
            else Action.RECORD_ESCALATION_REPLY
        )
        asked = self._ask(
            action,
            QCoreApplication.translate("FormPage", "登记答复"),
            QCoreApplication.translate(
                "FormPage",
                "登记的是答复机关的决定，不是您本人的决定；表单上以“记录上级决定”打印。"
                "答复机关确定的密级、期限或知悉范围与拟定不同的，在下方填写。",
            ),
        )
        if asked is None:
            return
        arguments, reply = asked
        escalation, form_id = self._services.escalation, self.page.stored_id()
        self.perform(
            lambda: escalation.record_reply(form_id, reply=reply, **arguments),
            QCoreApplication.translate("FormPage", "已登记答复"),
        )
