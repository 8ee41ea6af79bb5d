"""One open form: the editor, the decisions this user may take, and the history timeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QWidget

from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.domain.workflow import Action, Status, print_refusal
from dingmi_desktop.security.errors import InvalidInput
from dingmi_desktop.ui.bundle import ServiceBundle, required
from dingmi_desktop.ui.dialogs.prompts import SaveChoice, UnsavedChanges
from dingmi_desktop.ui.excepthook import describe_error, show_error
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.pages.form_basis import BasisChoice
from dingmi_desktop.ui.pages.form_context import OpChanges
from dingmi_desktop.ui.pages.form_decisions import DecisionRunner
from dingmi_desktop.ui.pages.form_knowers import KnowerTab
from dingmi_desktop.ui.pages.form_lifecycle import LifecyclePanel
from dingmi_desktop.ui.pages.form_preflight import PreflightCheck
from dingmi_desktop.ui.pages.form_printing import PrintActions
from dingmi_desktop.ui.widgets.decision_notes import ReturnedBanner, ReviewOpinion
from dingmi_desktop.ui.widgets.form_editor import FormEditor
from dingmi_desktop.ui.widgets.history_view import HistoryTimeline
from dingmi_desktop.ui.widgets.preflight_panel import PreflightPanel

if TYPE_CHECKING:
    from dingmi_desktop.ui.ops import OpRunner

AUTOSAVE_MS = 15_000


class FormPage(ServicePage):
    """Shown in the main window's page area; ``view`` is the services' FormView (None for a new form)."""

    view_loaded = Signal()
    saved = Signal()

    def __init__(
        self, kind: FormKind, bundle: ServiceBundle, ops: OpRunner, window: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(kind.value, bundle, ops, window, parent)
        self.basis_choice = BasisChoice()  # the level a basis pick filled
        self.setObjectName("formPage")
        self.kind = kind
        self.form_id: int | None = None
        self.revision: int | None = None
        self.content_hash: str | None = None  # what this page last loaded or saved
        self.view: Any = None
        self._saving = False
        self._save_again = False
        self._after_save: list[Callable[[], None]] = []
        self._save_failed = False
        header = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← 返回列表"))
        self.back_button.setObjectName("backToList")
        self.back_button.clicked.connect(lambda: window.close_form())
        self.status_badge = QLabel(self.tr("新建"))
        self.status_badge.setObjectName("statusBadge")
        self.id_label = QLabel()
        self.id_label.setObjectName("formIdLabel")
        header.addWidget(self.back_button)
        header.addWidget(self.status_badge)
        header.addWidget(self.id_label)
        header.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for name, text in (
            ("save", self.tr("保存 (Ctrl+S)")),
            ("submit", self.tr("提交 (Ctrl+Enter)")),
            ("withdraw", self.tr("撤回")),
            ("review", self.tr("审核…")),
            ("approve", self.tr("批准…")),
            ("return", self.tr("退回…")),
            ("escalate", self.tr("上报…")),
            ("dispute", self.tr("登记争议…")),
            ("reply", self.tr("登记答复…")),
            ("preview", self.tr("预览")),
            ("print", self.tr("打印…")),
            ("reprint", self.tr("复印…")),
            ("export", self.tr("导出PDF…")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"formAction_{name}")
            button.hide()
            header.addWidget(button)
            self.buttons[name] = button
        for name in ("submit", "approve"):
            self.buttons[name].setProperty("primary", True)
        self.body.addLayout(header)
        self.returned_banner = ReturnedBanner(bundle.when)
        self.review_opinion = ReviewOpinion(bundle.when)
        self.preflight_panel = PreflightPanel()
        self.lifecycle_panel = LifecyclePanel(self)
        for panel in (self.returned_banner, self.review_opinion, self.preflight_panel, self.lifecycle_panel):
            self.body.addWidget(panel)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("formTabs")
        self.editor = FormEditor(kind, bundle.info.unit_name, today=bundle.today)
        self.history = HistoryTimeline()
        self.tabs.addTab(self.editor, self.tr("表单"))
        self.tabs.addTab(self.history, self.tr("办理历史"))
        self.knowers = KnowerTab(self)
        self.tabs.addTab(self.knowers, self.tr("知悉人员"))
        self.body.addWidget(self.tabs, 1)
        self.feedback.setObjectName("formFeedback")
        self.body.addWidget(self.feedback)
        self.decisions = DecisionRunner(self)
        self.printing = PrintActions(self)
        self.preflight = PreflightCheck(self)
        self._connect_buttons()
        self._add_shortcuts()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.editor.changed.connect(self._on_edited)
        self.editor.pick_basis_requested.connect(self._pick_basis)
        self.editor.basis.pick_button.setVisible(bundle.catalog is not None)
        window.operation_done.connect(self._on_operation_done)

    # --- set-up -------------------------------------------------------------------------------------

    def _connect_buttons(self) -> None:
        self.buttons["save"].clicked.connect(lambda: self.save())
        self.buttons["submit"].clicked.connect(self.submit)
        d = self.decisions
        self.buttons["withdraw"].clicked.connect(d.withdraw)
        self.buttons["review"].clicked.connect(d.review)
        self.buttons["approve"].clicked.connect(d.approve)
        self.buttons["return"].clicked.connect(d.return_form)
        self.buttons["escalate"].clicked.connect(d.escalate)
        self.buttons["dispute"].clicked.connect(d.dispute)
        self.buttons["reply"].clicked.connect(d.reply)
        p = self.printing
        self.buttons["preview"].clicked.connect(p.preview)
        self.buttons["print"].clicked.connect(p.print_sheet)
        self.buttons["reprint"].clicked.connect(p.reprint)
        self.buttons["export"].clicked.connect(p.export_pdf)

    def _add_shortcuts(self) -> None:
        save = QAction(self.tr("保存"), self)
        save.setObjectName("formSaveShortcut")
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self._when_shown("save", self.save))
        submit = QAction(self.tr("提交"), self)
        submit.setObjectName("formSubmitShortcut")
        submit.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        submit.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        submit.triggered.connect(self._when_shown("submit", self.submit))
        self.addAction(save)
        self.addAction(submit)

    def _when_shown(self, button: str, act: Callable[[], None]) -> Callable[[], None]:
        """A shortcut does what its button does, and only while the button is shown."""

        def run() -> None:
            if self.buttons[button].isVisible():
                act()

        return run

    # --- loading ------------------------------------------------------------------------------------

    def start_new(self) -> None:
        info = self.bundle.info
        today = self.bundle.today()
        self.editor.fill_defaults(info.display_name, info.department, today)
        self.editor.mark_clean()
        self._apply_allowed([Action.EDIT, Action.SUBMIT])
        self.status_badge.setText(self.tr("新建（未保存）"))
        self.editor.document.title_edit.setFocus()
        self.preflight.schedule()
        self.loaded()

    # --- the FormContext its helpers see ------------------------------------------------------------

    def widget(self) -> QWidget:
        return self

    @property
    def has_unsaved_edits(self) -> bool:
        return self.editor.dirty or self.form_id is None

    def show_problems(self, problems: list[Any]) -> None:
        self.editor.show_problems(problems)

    def announce(self, changes: OpChanges) -> None:
        """Tell every listener (this page included) what an operation changed."""
        self.window_.operation_done.emit(changes)

    def _on_operation_done(self, changes: OpChanges) -> None:
        if changes.form and changes.form_id is not None and changes.form_id == self.form_id:
            self.reload()

    def stored_id(self) -> int:
        """The shown form's id, for actions offered only on a stored form."""
        if self.form_id is None:
            raise InvalidInput(self.tr("表单尚未保存：请先保存，再执行此操作。"))
        return self.form_id

    def load(self, form_id: int) -> None:
        history = required(self.bundle.workflow).history
        self.run(lambda: history.view(form_id), self.set_view, label="form view")

    def reload(self) -> None:
        if self.form_id is not None:
            self.load(self.form_id)

    def set_view(self, view: Any) -> None:
        self.view = view
        summary = view.summary
        self.form_id = summary.id
        self.revision, self.content_hash = summary.revision, summary.content_hash
        self.editor.set_form(view.form)
        self.status_badge.setText(summary.status.value)
        self.id_label.setText(
            self.tr("编号 {0} · 第 {1} 版 · 拟稿人 {2}").format(
                summary.id, summary.revision, view.names.get(summary.drafter, summary.drafter)
            )
        )
        self._apply_allowed(list(view.allowed))
        self.history.set_entries(list(view.history), self.bundle.zone)
        self.tabs.setTabText(1, self.tr("办理历史（{0}）").format(len(view.history)))
        self.knowers.show_for(summary.id, summary.status)
        if Action.EDIT not in view.allowed:
            self.editor.clear_problems()
        self.returned_banner.set_note(view.returned, editing=summary.status is Status.DRAFT)
        back = summary.status in (Status.RETURNED, Status.DRAFT)  # the banner says why: no second panel
        shown = None if back else view.review_opinion
        self.review_opinion.set_note(shown)
        self.preflight.show(list(view.warnings))
        self.lifecycle_panel.load(summary.id)
        self.loaded()
        self.view_loaded.emit()

    def _apply_allowed(self, allowed: list[Action]) -> None:
        self.allowed = allowed
        editable = Action.EDIT in allowed
        self.editor.set_read_only(not editable)
        visible = {
            "save": editable,
            "submit": Action.SUBMIT in allowed,
            "withdraw": Action.WITHDRAW in allowed,
            "review": Action.REVIEW_AGREE in allowed or Action.REVIEW_DISAGREE in allowed,
            "approve": Action.APPROVE in allowed,
            "return": Action.RETURN in allowed,
            "escalate": Action.ESCALATE in allowed,
            "dispute": Action.RECORD_DISPUTE in allowed,
            "reply": Action.RECORD_ESCALATION_REPLY in allowed or Action.RECORD_SUPERIOR_DECISION in allowed,
        }
        for name, show in visible.items():
            self.buttons[name].setVisible(show)
        self._show_print_buttons()

    def _show_print_buttons(self) -> None:
        """Preview and export for any stored form this user sees; print and 复印 only once 已定密."""
        stored = self.bundle.printing is not None and self.form_id is not None
        status = self.status
        decided = stored and status is not None and print_refusal(status) is None
        for name, show in (("preview", stored), ("export", stored), ("print", decided), ("reprint", decided)):
            self.buttons[name].setVisible(show)

    @property
    def editable(self) -> bool:
        return Action.EDIT in getattr(self, "allowed", [])

    @property
    def status(self) -> Status | None:
        return self.view.summary.status if self.view is not None else None

    # --- saving -------------------------------------------------------------------------------------

    def _on_edited(self) -> None:
        if self.editable:
            self.autosave_timer.start()
            self.preflight.schedule()

    def autosave(self) -> None:
        if self.editable and self.editor.dirty:
            self.save(auto=True)

    def save(self, then: Callable[[], None] | None = None, *, auto: bool = False) -> None:
        """Saves the draft (async). Overlapping saves are refused: a second request runs after the first."""
        if then is not None:
            self._after_save.append(then)
        if self._saving:
            self._save_again = True
            return
        self.autosave_timer.stop()
        form = self.editor.form()
        drafting = required(self.bundle.workflow).drafting
        form_id, revision, seen = self.form_id, self.revision, self.content_hash
        if form_id is None:
            work: Callable[[], Any] = lambda: drafting.create_draft(form)  # noqa: E731
        else:
            assert revision is not None  # load and save set it with form_id
            work = lambda: drafting.save_draft(  # noqa: E731
                form_id, form, expected_revision=revision, expected_hash=seen
            )
        self._saving = True
        self._save_failed = False
        self.editor.mark_clean()
        self.say(self.tr("正在自动保存…") if auto else self.tr("正在保存…"))
        self.run(
            work, lambda result: self._saved(result, auto), label="save draft", on_error=self._save_error
        )

    def _saved(self, result: Any, auto: bool) -> None:
        self._saving = False
        self.form_id = result.form_id
        self.revision, self.content_hash = result.revision, result.content_hash
        when = self.bundle.when(self.bundle.now(), seconds=True)[-8:]
        text = self.tr("已自动保存（{0}）") if auto else self.tr("已保存（{0}）")
        text = text.format(when)
        if result.problems:
            text += self.tr("；尚有 {0} 处需完善后才能提交").format(len(result.problems))
        self.say(text)
        self.status_badge.setText(Status.DRAFT.value)
        self.id_label.setText(self.tr("编号 {0} · 第 {1} 版").format(result.form_id, result.revision))
        self._show_print_buttons()
        self.saved.emit()
        if self._save_again:
            self._save_again = False
            if self.editor.dirty:
                self.save()
                return
        callbacks, self._after_save = self._after_save, []
        for callback in callbacks:
            callback()

    def _save_error(self, exc: BaseException) -> None:
        self._saving = False
        self._save_again = False
        self._save_failed = True
        self._after_save = []
        self.editor.dirty = True
        self.say(self.tr("保存失败：{0}").format(describe_error(exc)))
        show_error(exc, self)

    def save_before_lock(self) -> None:
        if self.editable and self.editor.dirty and not self._saving:
            self.save(auto=True)

    # --- submit -------------------------------------------------------------------------------------

    def submit(self) -> None:
        problems = self.editor.problems()
        if problems:
            self.editor.show_problems(problems)
            self.tabs.setCurrentIndex(0)
            self.say(self.tr("表单尚有 {0} 处问题，请按红色提示修改后再提交。").format(len(problems)))
            return
        if self.form_id is None or self.editor.dirty or self._saving:
            self.save(then=self._submit_saved)
        else:
            self._submit_saved()

    def _submit_saved(self) -> None:
        drafting = required(self.bundle.workflow).drafting
        form_id = self.form_id
        assert form_id is not None  # submit saves first
        submit = lambda: self.decisions.perform(lambda: drafting.submit(form_id), self.tr("已提交"))  # noqa: E731
        self.preflight.before_submit(submit)

    # --- leaving ------------------------------------------------------------------------------------

    def can_leave(self) -> bool:
        if not (self.editable and self.editor.dirty):
            return True
        choice = UnsavedChanges.ask(self)
        if choice == SaveChoice.CANCEL:
            return False
        if choice == SaveChoice.DISCARD:
            self.editor.mark_clean()
            return True
        self.save()
        self.ops.wait_idle()
        return not self._save_failed

    def _pick_basis(self) -> None:
        from dingmi_desktop.ui.dialogs.basis_picker import BasisPicker

        catalog = required(self.bundle.catalog)
        day = self.editor.classification.start_date.value() or self.bundle.today()  # the version in force
        self.run(
            lambda: catalog.items(day), lambda items: self._choose_basis(BasisPicker, items), label="catalog"
        )

    def _choose_basis(self, picker: Any, items: list[Any]) -> None:
        answer = picker.ask(self, items)
        if answer:
            message = self.basis_choice.apply(self.editor, answer, self.bundle.today())
            if message:
                self.say(message)

    def clear_sensitive(self) -> None:
        self.printing.clear_sensitive()
        self.autosave_timer.stop()
        self.preflight.stop()
        self.returned_banner.clear()
        self.review_opinion.clear()
        self.editor.clear()
        self.history.clear()
        self.knowers.clear()
        self.view = None
