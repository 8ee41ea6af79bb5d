"""validate_form: every problem of a form at once (docs/rules.md §2, §4, §7; Law 19, 20; Reg 20). Re-exported
by `forms`."""

from __future__ import annotations

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.derivation import source_problems
from dingmi_desktop.domain.errors import Problem
from dingmi_desktop.domain.form_types import DERIVED_CASES, Basis, BasisKind, Form, FormKind, Publicity
from dingmi_desktop.domain.periods import PeriodKind, validate_period

# Fields whose rules depend on the category; form_from_json drops their findings when the category is unknown.
CATEGORY_DEPENDENT_FIELDS = frozenset({"period", "scope", "knowers", "basis", "publicity", "basis.kind"})

_KNOWERS_REQUIRED = frozenset({Category.TOP_SECRET, Category.SECRET})


def required_publicity(category: Category) -> Publicity | None:
    """The only 公开属性 a category allows (state secrets and 内部 are never released), None if free."""
    return Publicity.NOT_PUBLIC if category.is_state_secret or category is Category.INTERNAL else None


def validate_form(form: Form) -> list[Problem]:
    problems: list[Problem] = []
    title_label = "事项名称" if form.form is FormKind.REVIEW else "标题"
    if not form.title.strip():
        problems.append(Problem("title", f"{title_label}不得为空"))
    problems += _category_rules(form)
    if form.copies is not None and form.copies < 1:
        problems.append(Problem("copies", "份数须为正整数"))
    if any(not name.strip() for name in form.knowers):
        problems.append(Problem("knowers", "知悉人员名单中不得有空白姓名"))
    elif len(set(form.knowers)) != len(form.knowers):
        problems.append(Problem("knowers", "知悉人员名单中有重复的姓名"))
    if form.start_date and form.drafted_on and form.start_date < form.drafted_on:
        problems.append(Problem("start_date", "制发日不得早于拟稿日期"))
    if form.sealed_on and form.start_date and form.sealed_on < form.start_date:
        problems.append(Problem("sealed_on", "封发日期不得早于制发日"))
    return problems


def _category_rules(form: Form) -> list[Problem]:
    category = form.category
    basis = form.basis
    problems = validate_period(
        category,
        form.period,
        form.start_date,
        long_term_allowed=bool(basis and basis.allows_long_term),
        special_rule=basis.special_rule if basis else "",
    )
    if form.publicity is not None and required_publicity(category) not in (None, form.publicity):
        if category.is_state_secret:
            problems.append(Problem("publicity", "国家秘密事项的公开属性只能为“不予公开”"))
        elif category is Category.INTERNAL:
            problems.append(Problem("publicity", "内部（工作秘密）事项不得公开，公开属性只能为“不予公开”"))
    if not category.is_state_secret:
        if basis is not None and basis.kind is not BasisKind.DEFINITE:
            problems.append(
                Problem("basis.kind", f"{category.value}事项的定密依据类型只能为“确定性”（或不填依据）")
            )
        return problems
    if not form.scope.strip():
        problems.append(Problem("scope", f"{category.value}级事项须同时确定知悉范围（保密法第十九条）"))
    if category in _KNOWERS_REQUIRED and not form.knowers:
        problems.append(Problem("knowers", f"{category.value}级事项须登记知悉人员名单（条例第二十条）"))
    if basis is None:
        problems.append(Problem("basis", f"{category.value}级事项须写明定密依据（保密法第十九条）"))
    else:
        problems += _basis_rules(basis) + source_problems(basis)
    return problems


def _basis_rules(basis: Basis) -> list[Problem]:
    problems: list[Problem] = []
    if basis.kind is BasisKind.DEFINITE and not basis.reference.strip():
        problems.append(Problem("basis.reference", "确定性定密须写明所依据的保密事项范围或一览表条目"))
    if basis.kind is BasisKind.DERIVED:
        source = basis.source
        if source is None:
            problems.append(Problem("basis.source", "派生定密须写明来源事项的文号、密级、保密期限和知悉范围"))
        else:
            if not source.doc_number.strip() and not source.title.strip():
                problems.append(Problem("basis.source.doc_number", "派生定密须写明来源事项的文号或名称"))
            if not source.category.is_state_secret:
                problems.append(Problem("basis.source.category", "派生定密的来源事项须为已定密的国家秘密"))
            elif source.period is None or source.period.kind is not PeriodKind.UNTIL:
                # The source's own 制发日 is not captured, so its until-date cannot be range-checked.
                problems += validate_period(
                    source.category, source.period, None, long_term_allowed=True, field="basis.source.period"
                )
            if not source.scope.strip():
                problems.append(Problem("basis.source.scope", "派生定密须写明来源事项的知悉范围"))
            if source.case not in DERIVED_CASES:
                problems.append(Problem("basis.source.case", "派生定密的情形须为1至4之一"))
    elif basis.source is not None:
        problems.append(Problem("basis.source", "只有派生定密才填写来源事项"))
    return problems
