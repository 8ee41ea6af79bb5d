"""One form (送审签发单 or 定密审核单) laid out like the paper sheet.

Live marking preview and inline validation messages from the domain rules.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.domain.dates import date_problems
from dingmi_desktop.domain.errors import Problem
from dingmi_desktop.domain.forms import Form, FormKind, validate_form
from dingmi_desktop.ui.qt_find import children_of
from dingmi_desktop.ui.widgets.basis_block import BasisBlock
from dingmi_desktop.ui.widgets.classification_block import ClassificationBlock
from dingmi_desktop.ui.widgets.document_block import DocumentBlock, DraftingBlock
from dingmi_desktop.ui.widgets.fields import ErrorLabel, OptionalDateEdit


class FormEditor(QScrollArea):
    """Edits one Form value. ``changed`` fires on every edit; ``dirty`` is reset by ``mark_clean``."""

    changed = Signal()
    pick_basis_requested = Signal()

    def __init__(
        self,
        kind: FormKind,
        unit_name: str = "",
        parent: QWidget | None = None,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.setObjectName("formEditor")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, never to the frame
        self.kind = kind
        self.dirty = False
        self._loading = False
        self._unit_name = unit_name
        inner = QWidget()
        inner.setObjectName("formSheet")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 12, 4)
        self.heading = QLabel()
        self.heading.setObjectName("formTitle")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.heading)
        self.general_error = ErrorLabel()
        self.general_error.setObjectName("formGeneralError")
        layout.addWidget(self.general_error)

        self.document = DocumentBlock(kind)
        self.classification = ClassificationBlock()
        self.basis = BasisBlock()
        self.drafting = DraftingBlock(kind)
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.classification)
        left.addWidget(self.basis)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.document)
        right.addWidget(self.drafting)
        right.addStretch(1)
        top.addLayout(left, 11)
        top.addLayout(right, 9)
        layout.addLayout(top)
        layout.addStretch(1)
        self.setWidget(inner)
        self._errors: dict[str, ErrorLabel] = {
            **self.document.errors,
            **self.classification.errors,
            **self.basis.errors,
            **self.drafting.errors,
        }
        for block in (self.document, self.classification, self.basis, self.drafting):
            block.changed.connect(self._on_changed)
        self.basis.pick_requested.connect(self.pick_basis_requested)
        self._set_heading()
        self._set_tab_order()
        if today is not None:
            for edit in children_of(self, OptionalDateEdit):
                edit.set_today(today)

    def _set_tab_order(self) -> None:
        """Tab follows the sheet as read: the left column (定密信息, 定密依据) top to bottom, then the right
        column (文件/事项信息, 拟稿). Hidden rows (period value pages, 派生 fields, review-only rows) are
        skipped by Qt, so one chain serves both kinds and every category."""
        c, b, d, r = self.classification, self.basis, self.document, self.drafting
        k = c.knowers
        chain = [
            c.category,
            c.period_kind,
            c.years,
            c.months,
            c.until,
            c.condition,
            c.start_date,
            c.notice_date,
        ]
        chain += [c.scope]
        chain += [k.entry, k.add_button, k.remove_button, k.list, c.secret_points]
        chain += [b.kind, b.reference, b.pick_button, b.text, b.allows_long_term, b.special_rule]
        chain += [b.source_doc, b.source_authority, b.source_category, b.source_period, b.source_start]
        chain += [b.source_scope, b.source_case, b.scope_within]
        chain += [d.title_edit, d.doc_number, d.department, d.doc_type, d.urgency, d.publicity, d.carrier]
        chain += [d.main_recipients, d.cc, d.attachments, d.copies, d.retention]
        chain += [r.drafter_name, r.drafted_on, r.drafter_phone, r.proofreader, r.sealed_on, r.opinion]
        window = self.window()  # rows a kind does not show were never added to a layout: parentless
        chain = [widget for widget in chain if widget.window() is window]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _set_heading(self) -> None:
        unit = f"{self._unit_name}  " if self._unit_name else ""
        self.heading.setText(f"{unit}{self.kind.value}")

    # --- values -------------------------------------------------------------------------------------

    def form(self) -> Form:
        category = self.classification.category_value()
        secret = category.is_state_secret  # 知悉人员 and 密点 are kept for state secrets only
        doc = self.document.values()
        drafting = self.drafting.values()
        return Form(
            form=self.kind,
            title=doc["title"],
            category=category,
            period=self.classification.period_value_(),
            start_date=self.classification.start_date.value(),
            notice_date=self.classification.notice_date.value(),
            scope=self.classification.scope.text().strip(),
            knowers=tuple(self.classification.knowers.names()) if secret else (),
            basis=self.basis.basis(category),
            doc_number=doc["doc_number"],
            department=doc["department"],
            urgency=doc["urgency"],
            publicity=doc["publicity"],
            copies=doc["copies"],
            main_recipients=doc["main_recipients"],
            cc=doc["cc"],
            opinion=drafting["opinion"],
            unit_name=self._unit_name,
            doc_type=doc["doc_type"],
            attachments=doc["attachments"],
            drafter_name=drafting["drafter_name"],
            drafted_on=drafting["drafted_on"],
            drafter_phone=drafting["drafter_phone"],
            proofreader=drafting["proofreader"],
            sealed_on=drafting["sealed_on"],
            carrier=doc["carrier"],
            retention=doc["retention"],
            secret_points=self.classification.secret_points.text().strip() if secret else "",
        )

    def set_form(self, form: Form) -> None:
        self._loading = True
        try:
            if form.unit_name:
                self._unit_name = form.unit_name
                self._set_heading()
            values = dataclasses.asdict(form)
            values.update({k: getattr(form, k) for k in ("urgency", "publicity", "carrier", "retention")})
            self.document.set_values(values)
            self.drafting.set_values(values)
            self.classification.set_category(form.category)
            self.classification.set_period(form.period)
            self.classification.start_date.set_value(form.start_date)
            self.classification.notice_date.set_value(form.notice_date)
            self.classification.scope.setText(form.scope)
            self.classification.knowers.set_names(list(form.knowers))
            self.classification.secret_points.setText(form.secret_points)
            self.basis.set_basis(form.basis)
        finally:
            self._loading = False
        self.dirty = False
        self.show_problems(self.problems())

    def fill_defaults(self, drafter: str, department: str, today: date) -> None:
        self._loading = True
        try:
            self.drafting.fill_defaults(drafter, today)
            if department and not self.document.department.text():
                self.document.department.setText(department)
        finally:
            self._loading = False

    def marking(self) -> str:
        return self.classification.marking()

    # --- validation ---------------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        form = self.form()
        problems = validate_form(form) + self._date_text_problems()
        if self._today is not None:
            problems += date_problems(form, self._today())
        source_problem = self.basis.source_period_problem()
        if source_problem:
            problems.append(Problem("basis.source.period", source_problem))
        return problems

    def _date_text_problems(self) -> list[Problem]:
        """Typed text that is not a date counts as a problem, so it cannot be submitted as 未填."""
        fields = {
            "drafted_on": (self.drafting.drafted_on, self.tr("拟稿日期")),
            "sealed_on": (self.drafting.sealed_on, self.tr("封发日期")),
            "start_date": (self.classification.start_date, self.tr("制发日")),
            "notice_date": (self.classification.notice_date, self.tr("书面通知日期")),
            "basis.source.start_date": (self.basis.source_start, self.tr("来源事项的制发日")),
            "period": (self.classification.until, self.tr("解密时间")),
        }
        return [
            Problem(key, self.tr("{0}未能识别，请改正").format(label))
            for key, (edit, label) in fields.items()
            if edit.problem() and edit.isVisibleTo(self)
        ]

    def show_problems(self, problems: list[Problem]) -> None:
        by_field: dict[str, list[str]] = {}
        general: list[str] = []
        for problem in problems:
            key = problem.field
            while key not in self._errors and "." in key:
                key = key.rsplit(".", 1)[0]
            if key in self._errors:
                by_field.setdefault(key, []).append(problem.message)
            else:
                general.append(problem.message)
        for key, label in self._errors.items():
            label.show_message("；".join(by_field.get(key, [])))
        self.general_error.show_message("；".join(general))

    def clear_problems(self) -> None:
        self.show_problems([])

    # --- state --------------------------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        for block in (self.document, self.classification, self.basis, self.drafting):
            block.set_read_only(read_only)
        # Placeholders ("例如：…") in an empty read-only field would read like values: hide them.
        edits: list[QLineEdit | QPlainTextEdit] = [*children_of(self, QLineEdit)]
        edits += children_of(self, QPlainTextEdit)
        for edit in edits:
            saved = edit.property("savedPlaceholder")
            if read_only:
                if saved is None:
                    edit.setProperty("savedPlaceholder", edit.placeholderText())
                edit.setPlaceholderText("")
            elif saved is not None:
                edit.setPlaceholderText(str(saved))

    def mark_clean(self) -> None:
        self.dirty = False

    def clear(self) -> None:
        """Drop every value (lock sequence)."""
        self._loading = True
        try:
            self.document.set_values({})
            self.drafting.set_values({})
            self.classification.clear()
            self.basis.clear()
        finally:
            self._loading = False
        self.dirty = False
        self.clear_problems()

    def _on_changed(self) -> None:
        if self._loading:
            return
        self.dirty = True
        self.show_problems(self.problems())
        self.changed.emit()
