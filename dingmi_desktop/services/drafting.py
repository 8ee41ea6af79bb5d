"""承办人 use cases: create, save (a draft revision amended until a decision freezes it), import, submit,
withdraw."""

from __future__ import annotations

from typing import Any

from dingmi_desktop.domain import workflow
from dingmi_desktop.domain.dates import date_problems
from dingmi_desktop.domain.errors import Problem, ValidationError
from dingmi_desktop.domain.forms import Form, form_from_json
from dingmi_desktop.domain.index_terms import form_marking
from dingmi_desktop.domain.interchange import too_many_forms
from dingmi_desktop.domain.limits import MAX_FORMS_PER_FILE
from dingmi_desktop.domain.workflow import Action, Role, Status
from dingmi_desktop.services.form_access import FormAccess, roles_of
from dingmi_desktop.services.form_codec import encode, index_of, problems
from dingmi_desktop.services.form_models import ActionResult, ImportRejected
from dingmi_desktop.services.transitions import Step, run
from dingmi_desktop.storage import PermissionDenied

NEW_FORM = "新建表单"
SAVE_FORM = "修改表单"
IMPORT_FORM = "导入表单"


class DraftingService(FormAccess):
    def _problems(self, form: Form) -> list[Problem]:
        """The rule problems plus implausible dates (2099, a 拟稿日期 in the future) against today."""
        return problems(form) + date_problems(form, self.today())

    def _require_drafter(self, label: str) -> None:
        roles = roles_of(self.user)
        if Role.DRAFTER not in roles or roles & {Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR}:
            self.audit_refusal(label, None, "PermissionDenied")
            raise PermissionDenied("只有承办人才能拟制定密表单。")

    def create_draft(self, form: Form) -> ActionResult:
        """A new 草稿 of the signed-in 承办人; rule problems are returned, not refused (work in progress)."""
        self._require_drafter(NEW_FORM)
        with self.session.transaction() as tx:
            record = tx.forms.create(encode(form), index_of(form, Status.DRAFT.value))
            tx.audit.append(NEW_FORM, object_type="form", object_id=str(record.id), detail={"版本": 1})
        return ActionResult(
            form_id=record.id,
            action=Action.EDIT.value,
            status_before=None,
            status_after=Status.DRAFT,
            revision=record.revision,
            content_hash=record.content_hash,
            marking=form_marking(form),
            problems=self._problems(form),
        )

    def save_draft(
        self, form_id: int, form: Form, *, expected_revision: int, expected_hash: str | None = None
    ) -> ActionResult:
        """草稿 / 已退回 → 草稿. Changed content amends the current revision while no decision refers to it
        (autosaves do not add revisions), else appends one; unchanged content adds none. ConcurrentEdit when
        `expected_revision` (or `expected_hash`, the content the editor last loaded or saved) is stale."""

        def write() -> ActionResult:
            with self.session.transaction() as tx:
                loaded = self.load(tx, form_id)
                workflow.check(Action.EDIT, self.context(tx, loaded))
                content = encode(form)
                record = loaded.record
                changed = content != record.content
                if changed:
                    record = tx.forms.save_revision(
                        form_id,
                        content,
                        index_of(form, Status.DRAFT.value),
                        expected_revision=expected_revision,
                        expected_hash=expected_hash,
                        amend=True,
                    )
                elif loaded.status is not Status.DRAFT:
                    tx.forms.set_status(form_id, Status.DRAFT.value)  # 已退回 → 草稿: no content to keep
                if changed or loaded.status is not Status.DRAFT:
                    tx.audit.append(
                        SAVE_FORM,
                        object_type="form",
                        object_id=str(form_id),
                        detail={
                            "原状态": loaded.status.value,
                            "新状态": Status.DRAFT.value,
                            "版本": record.revision,
                        },
                    )
                return ActionResult(
                    form_id=form_id,
                    action=Action.EDIT.value,
                    status_before=loaded.status,
                    status_after=Status.DRAFT,
                    revision=record.revision,
                    content_hash=record.content_hash,
                    marking=form_marking(form),
                    problems=self._problems(form),
                )

        result: ActionResult = self.guarded(SAVE_FORM, form_id, write)
        return result

    def import_forms(self, objects: list[Any]) -> list[int]:
        """All-or-nothing: every object validated first; ImportRejected lists every problem."""
        self._require_drafter(IMPORT_FORM)
        if not objects:
            raise ImportRejected(["文件中没有表单。"])
        if len(objects) > MAX_FORMS_PER_FILE:
            raise ImportRejected([too_many_forms(len(objects)) + "。"])
        forms: list[Form] = []
        lines: list[str] = []
        numbered = len(objects) > 1
        for number, obj in enumerate(objects, start=1):
            prefix = f"第{number}个表单：" if numbered else ""
            try:
                form = form_from_json(obj)
            except ValidationError as exc:
                lines += [f"{prefix}{p.field}：{p.message}" for p in exc.problems]
                continue
            forms.append(form)
            lines += [f"{prefix}{p.field}：{p.message}" for p in date_problems(form, self.today())]
        if lines:
            raise ImportRejected(lines)
        ids: list[int] = []
        with self.session.transaction() as tx:
            for form in forms:
                record = tx.forms.create(encode(form), index_of(form, Status.DRAFT.value))
                tx.audit.append(IMPORT_FORM, object_type="form", object_id=str(record.id), detail={"版本": 1})
                ids.append(record.id)
        return ids

    def submit(self, form_id: int, *, password: str | None = None) -> ActionResult:
        """草稿 / 已退回 → 待审核 (待审批 when review is off). Refuses a form that still has problems."""

        def complete(loaded: Any, ctx: Any) -> None:
            found = self._problems(loaded.form)
            if found:
                raise ValidationError(found)

        return run(self, Step(Action.SUBMIT, form_id, password=password, extra_check=complete))

    def withdraw(self, form_id: int) -> ActionResult:
        """待审核 / 待审批 → 草稿, by the drafter."""
        return run(self, Step(Action.WITHDRAW, form_id))
