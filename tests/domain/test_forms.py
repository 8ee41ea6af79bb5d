"""Form validation (docs/rules.md §2, §7; Law 19, Reg 20)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from dingmi_desktop.domain.approval import Corrections, apply_corrections
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import (
    Basis,
    BasisKind,
    DerivedSource,
    FormKind,
    Publicity,
    content_hash,
    validate_form,
)
from dingmi_desktop.domain.periods import Period
from tests.domain.builders import valid_form


def fields_of(form) -> list[str]:
    return [p.field for p in validate_form(form)]


def test_valid_form_has_no_problems() -> None:
    assert validate_form(valid_form()) == []


def test_all_problems_reported_at_once() -> None:
    form = valid_form(title=" ", period=Period.of_years(25), scope="", knowers=(), basis=None, copies=0)
    assert sorted(fields_of(form)) == ["basis", "copies", "knowers", "period", "scope", "title"]


def test_title_label_depends_on_form_kind() -> None:
    assert "事项名称不得为空" in validate_form(valid_form(title=""))[0].message
    assert "标题不得为空" in validate_form(valid_form(title="", form=FormKind.DISPATCH))[0].message


@pytest.mark.parametrize("category", [Category.TOP_SECRET, Category.SECRET])
def test_knowers_required_for_secret_and_top_secret(category: Category) -> None:
    assert validate_form(valid_form(category=category)) == []
    problems = validate_form(valid_form(category=category, knowers=()))
    assert [p.field for p in problems] == ["knowers"]
    assert "条例第二十条" in problems[0].message


def test_knowers_optional_for_confidential_but_clean() -> None:
    assert validate_form(valid_form(category=Category.CONFIDENTIAL, knowers=())) == []
    assert fields_of(valid_form(knowers=("张三", " "))) == ["knowers"]
    assert fields_of(valid_form(knowers=("张三", "张三"))) == ["knowers"]


def test_scope_required_with_level_and_period() -> None:
    problems = validate_form(valid_form(scope=""))
    assert [p.field for p in problems] == ["scope"] and "保密法第十九条" in problems[0].message


def test_basis_required_and_definite_needs_reference() -> None:
    assert fields_of(valid_form(basis=None)) == ["basis"]
    assert fields_of(valid_form(basis=Basis(BasisKind.DEFINITE, ""))) == ["basis.reference"]


def test_state_secret_must_not_be_public() -> None:
    for publicity in (Publicity.PROACTIVE, Publicity.ON_REQUEST):
        assert fields_of(valid_form(publicity=publicity)) == ["publicity"]
    assert validate_form(valid_form(publicity=None)) == []
    internal = valid_form(category=Category.INTERNAL, period=None, publicity=Publicity.PROACTIVE)
    assert fields_of(internal) == ["publicity"]
    non_secret = valid_form(category=Category.NON_SECRET, period=None, publicity=Publicity.PROACTIVE)
    assert validate_form(non_secret) == []


@pytest.mark.parametrize("category", [Category.INTERNAL, Category.NON_SECRET])
def test_period_refused_on_non_state(category: Category) -> None:
    assert validate_form(valid_form(category=category, period=None, knowers=())) == []
    assert fields_of(valid_form(category=category)) == ["period"]
    assert fields_of(valid_form(category=category, period=None, basis=Basis(BasisKind.DERIVED))) == [
        "basis.kind"
    ]


def test_long_term_and_special_rule_come_from_the_basis() -> None:
    long_basis = Basis(BasisKind.DEFINITE, "某范围第1条", allows_long_term=True)
    assert validate_form(valid_form(period=Period.long_term(), basis=long_basis)) == []
    assert fields_of(valid_form(period=Period.long_term())) == ["period"]
    special = Basis(BasisKind.DEFINITE, "某范围第1条", special_rule="某规定第3条")
    assert validate_form(valid_form(period=Period.of_years(25), basis=special)) == []


def test_derived_basis_needs_complete_source() -> None:
    source = DerivedSource(
        "上〔2025〕3号",
        Category.TOP_SECRET,
        Period.of_years(30),
        "上级机关有关人员",
        1,
        authority="上级机关",
        start_date=date(2025, 3, 1),
    )
    derived = Basis(BasisKind.DERIVED, source=source)
    assert validate_form(valid_form(basis=derived)) == []
    assert fields_of(valid_form(basis=Basis(BasisKind.DERIVED))) == ["basis.source"]
    bad = DerivedSource("", Category.INTERNAL, None, "", 5)
    assert sorted(fields_of(valid_form(basis=Basis(BasisKind.DERIVED, source=bad)))) == [
        "basis.source.authority",
        "basis.source.case",
        "basis.source.category",
        "basis.source.doc_number",
        "basis.source.scope",
    ]
    no_period = dataclasses.replace(source, period=None)
    assert fields_of(valid_form(basis=Basis(BasisKind.DERIVED, source=no_period))) == ["basis.source.period"]
    with_date = dataclasses.replace(source, period=Period.until_date(date(2040, 1, 1)))
    assert validate_form(valid_form(basis=Basis(BasisKind.DERIVED, source=with_date))) == []
    stray = Basis(BasisKind.DEFINITE, "某范围第1条", source=source)
    assert fields_of(valid_form(basis=stray)) == ["basis.source"]


def test_dates_in_order() -> None:
    assert fields_of(valid_form(drafted_on=date(2026, 11, 30))) == ["start_date"]
    assert validate_form(valid_form(drafted_on=date(2026, 11, 20), sealed_on=date(2026, 11, 28))) == []
    assert fields_of(valid_form(sealed_on=date(2026, 11, 27))) == ["sealed_on"]


def test_classification_type_label() -> None:
    assert valid_form().classification_type == "原始定密"
    assert valid_form(basis=None).classification_type == ""
    assert BasisKind.DERIVED.classification_type == "派生定密"


def test_content_hash_changes_with_any_edit() -> None:
    form = valid_form()
    assert len(content_hash(form)) == 64
    for edited in (valid_form(title="改"), valid_form(copies=6), valid_form(knowers=("张三",))):
        assert content_hash(edited) != content_hash(form)


def test_apply_corrections() -> None:
    form = valid_form()
    assert apply_corrections(form, None) is form
    assert apply_corrections(form, Corrections()) is form
    corrected = apply_corrections(form, Corrections(Category.CONFIDENTIAL, Period.of_years(5), "项目组"))
    assert (corrected.category, corrected.period, corrected.scope) == (
        Category.CONFIDENTIAL,
        Period.of_years(5),
        "项目组",
    )
    internal = apply_corrections(form, Corrections(category=Category.INTERNAL))
    assert internal.period is None and internal.scope == form.scope


def test_required_publicity() -> None:
    from dingmi_desktop.domain.forms import required_publicity

    assert required_publicity(Category.TOP_SECRET) is Publicity.NOT_PUBLIC
    assert required_publicity(Category.INTERNAL) is Publicity.NOT_PUBLIC
    assert required_publicity(Category.NON_SECRET) is None
