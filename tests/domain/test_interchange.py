"""Interchange JSON version 1 (docs/interfaces.md)."""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import date
from typing import Any

import pytest

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.domain.forms import (
    Basis,
    BasisKind,
    Carrier,
    DerivedSource,
    FormKind,
    Retention,
    content_hash,
    form_from_json,
    form_to_json,
)
from dingmi_desktop.domain.periods import Period
from tests.domain.builders import INTERFACES_EXAMPLE, interfaces_example, valid_form


def problems_of(obj: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        form_from_json(obj)
    return [(p.field, p.message) for p in info.value.problems]


def test_builder_copy_matches_the_document() -> None:
    assert interfaces_example() == INTERFACES_EXAMPLE


def test_exact_interfaces_example_round_trips() -> None:
    example = interfaces_example()
    form = form_from_json(example)
    assert form == valid_form()
    assert form_to_json(form) == example
    assert list(form_to_json(form)) == list(example)  # same key order as the documented example


def test_extra_fields_round_trip() -> None:
    source = DerivedSource(
        "上〔2025〕3号",
        Category.TOP_SECRET,
        Period.of_years(30),
        "上级机关",
        3,
        authority="某上级机关",
        start_date=date(2025, 3, 1),
    )
    form = valid_form(
        form=FormKind.DISPATCH,
        basis=Basis(BasisKind.DERIVED, "", "", source, allows_long_term=True, special_rule="某规定"),
        unit_name="示例单位",
        doc_type="请示",
        attachments="技术方案",
        drafter_name="张三",
        drafted_on=date(2026, 11, 20),
        drafter_phone="1234",
        proofreader="李四",
        sealed_on=date(2026, 11, 29),
        carrier=Carrier.ELECTRONIC,
        secret_points="关键参数",
        retention=Retention.PERMANENT,
        urgency=None,
        copies=None,
    )
    data = form_to_json(form)
    assert data["carrier"] == "电子" and data["drafted_on"] == "2026-11-20" and data["retention"] == "永久"
    assert data["basis"]["source"]["case"] == 3 and data["basis"]["allows_long_term"] is True
    assert "urgency" not in data and "copies" not in data
    assert form_from_json(json.loads(json.dumps(data, ensure_ascii=False))) == form


def test_non_secret_round_trip_omits_period() -> None:
    form = valid_form(category=Category.NON_SECRET, period=None, knowers=(), basis=None, publicity=None)
    data = form_to_json(form)
    assert "period" not in data and "basis" not in data
    assert form_from_json(data) == form


def test_empty_strings_for_optional_enums_mean_unset() -> None:
    data = {**interfaces_example(), "urgency": "", "carrier": None}
    assert form_from_json(data).urgency is None


def test_unknown_keys_are_errors_naming_the_key() -> None:
    data = {**interfaces_example(), "colour": "红"}
    data["basis"] = {**data["basis"], "note": "x"}
    problems = problems_of(data)
    assert ("colour", "未知的键“colour”（交换格式第1版不允许未定义的键）") in problems
    assert any(field == "basis.note" and "basis.note" in msg for field, msg in problems)


def test_missing_title() -> None:
    data = interfaces_example()
    del data["title"]
    assert problems_of(data) == [("title", "缺少标题（title）")]
    assert [f for f, _ in problems_of({**interfaces_example(), "title": ""})] == ["title"]


def test_missing_form_kind() -> None:
    data = interfaces_example()
    del data["form"]
    assert problems_of(data) == [("form", "缺少表单类型（form：送审签发单或定密审核单）")]


def test_unknown_category() -> None:
    problems = problems_of({**interfaces_example(), "category": "特密"})
    assert problems == [("category", "未知的密级“特密”（可选：绝密、机密、秘密、内部、非密）")]


def test_missing_category_and_form_kind() -> None:
    data = interfaces_example()
    del data["category"]
    data["form"] = "请示单"
    fields = [f for f, _ in problems_of(data)]
    assert fields == ["form", "category"]


@pytest.mark.parametrize(
    "period", [{"years": "十"}, {"years": 1, "months": 1}, {"until": "2030-02-30"}, {"weeks": 3}, 10]
)
def test_malformed_period(period: Any) -> None:
    problems = problems_of({**interfaces_example(), "period": period})
    assert [f for f, _ in problems] == ["period"]
    assert "保密期限格式错误" in problems[0][1]


@pytest.mark.parametrize("category", ["内部", "非密"])
def test_period_on_internal_or_non_secret(category: str) -> None:
    problems = problems_of({**interfaces_example(), "category": category})
    assert [f for f, _ in problems] == ["period"]
    assert "不得确定保密期限" in problems[0][1]


def test_period_over_maximum() -> None:
    problems = problems_of({**interfaces_example(), "period": {"years": 21}})
    assert problems == [("period", "机密级事项保密期限不得超过20年（保密法第二十条）")]


def test_months_twelve_refused() -> None:
    assert [f for f, _ in problems_of({**interfaces_example(), "period": {"months": 12}})] == ["period"]


def test_all_problems_at_once_from_json() -> None:
    data = {**interfaces_example(), "title": "", "period": {"years": 40}, "knowers": [], "extra": 1}
    fields = sorted(f for f, _ in problems_of(data))
    assert fields == ["extra", "knowers", "period", "title"]


@pytest.mark.parametrize(
    ("key", "value", "field"),
    [
        ("start_date", "2026/11/28", "start_date"),
        ("copies", "5", "copies"),
        ("copies", True, "copies"),
        ("knowers", "张三", "knowers"),
        ("knowers", ["张三", 3], "knowers"),
        ("scope", 7, "scope"),
        ("urgency", "紧急", "urgency"),
        ("publicity", "公开", "publicity"),
        ("carrier", "胶片", "carrier"),
        ("retention", "5年", "retention"),
        ("basis", "确定性", "basis"),
    ],
)
def test_type_errors_name_the_field(key: str, value: Any, field: str) -> None:
    problems = problems_of({**interfaces_example(), key: value})
    assert field in [f for f, _ in problems]


def test_basis_errors() -> None:
    data = copy.deepcopy(interfaces_example())
    data["basis"] = {"kind": "猜测"}
    assert [f for f, _ in problems_of(data)] == ["basis.kind"]
    data["basis"] = {
        "kind": "派生",
        "source": {"doc_number": "x", "category": "机密", "scope": "y", "case": "1"},
    }
    fields = [f for f, _ in problems_of(data)]
    assert "basis.source.case" in fields
    data["basis"] = {"kind": "派生", "source": {"category": "顶级", "zzz": 1}}
    fields = [f for f, _ in problems_of(data)]
    assert "basis.source.zzz" in fields and "basis.source.category" in fields
    data["basis"] = {"kind": "确定性", "reference": "r", "allows_long_term": "yes"}
    assert [f for f, _ in problems_of(data)] == ["basis.allows_long_term"]
    data["basis"] = {"kind": "派生", "source": "上级文件"}
    assert [f for f, _ in problems_of(data)] == ["basis.source"]


def test_not_an_object() -> None:
    assert problems_of([interfaces_example()]) == [("form", "表单数据须为 JSON 对象")]


def test_content_hash_is_sha256_of_canonical_json() -> None:
    form = valid_form()
    canonical = json.dumps(form_to_json(form), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert content_hash(form) == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert "机密" in canonical and " " not in canonical.replace("示例事项范围 第3条", "")


def test_forms_from_json_single_or_list() -> None:
    from dingmi_desktop.domain.forms import forms_from_json

    assert forms_from_json(interfaces_example()) == [valid_form()]
    assert forms_from_json([interfaces_example(), interfaces_example()]) == [valid_form(), valid_form()]
    with pytest.raises(ValidationError) as info:
        forms_from_json([interfaces_example(), {**interfaces_example(), "category": "特密"}, {"x": 1}])
    fields = [p.field for p in info.value.problems]
    assert "[1].category" in fields and "[2].x" in fields and not any(f.startswith("[0]") for f in fields)
    with pytest.raises(ValidationError, match="没有表单"):
        forms_from_json([])


def test_computed_json() -> None:
    from dingmi_desktop.domain.forms import computed_json

    assert computed_json(valid_form()) == {"marking": "机密★10年", "declassify_on": "2036-11-28"}
    cond = valid_form(period=Period.on_condition("项目验收后"))
    assert computed_json(cond) == {"marking": "机密★项目验收后", "declassify_on": None}
    assert computed_json(valid_form(start_date=None))["declassify_on"] is None
    internal = valid_form(category=Category.INTERNAL, period=None)
    assert computed_json(internal) == {"marking": "内部", "declassify_on": None}


def test_every_form_field_has_exactly_one_json_key() -> None:
    import dataclasses

    from dingmi_desktop.domain.forms import Form
    from dingmi_desktop.domain.interchange import FORM_KEYS

    assert {f.name for f in dataclasses.fields(Form)} == FORM_KEYS


def test_nulls_read_as_empty() -> None:
    data = {**interfaces_example(), "doc_number": None, "category": "秘密", "knowers": None}
    form = form_from_json(data)
    assert form.doc_number == "" and form.knowers == ()
    assert not form.is_derived
