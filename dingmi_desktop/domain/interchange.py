"""Form interchange JSON, version 1 (docs/interfaces.md), and the content hash an approval binds to.
Re-exported by `forms`.

Reading collects ALL problems (unknown keys, types, values, then the form rules) and raises one
ValidationError. Writing emits the keys of the docs/interfaces.md example and, of the extra §7 keys, only
those that are set, so form_from_json(form_to_json(f)) == f and the docs/interfaces.md example writes
back unchanged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from enum import Enum
from typing import Any

from dingmi_desktop.domain import limits
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import Problem, ValidationError
from dingmi_desktop.domain.form_rules import CATEGORY_DEPENDENT_FIELDS, validate_form
from dingmi_desktop.domain.form_types import (
    Basis,
    BasisKind,
    Carrier,
    DerivedSource,
    Form,
    FormKind,
    Publicity,
    Retention,
    Urgency,
)
from dingmi_desktop.domain.json_reader import FieldReader, text_problem
from dingmi_desktop.domain.marking import marking_text
from dingmi_desktop.domain.periods import declassify_on

# Keys always written (the docs/interfaces.md example) and extra §7 keys written only when set.
CORE_STR_KEYS = ("title", "doc_number", "department", "scope", "main_recipients", "cc", "opinion")
EXTRA_STR_KEYS = (
    "unit_name",
    "doc_type",
    "attachments",
    "drafter_name",
    "drafter_phone",
    "proofreader",
    "secret_points",
)
DATE_KEYS = ("start_date", "drafted_on", "sealed_on", "notice_date")
ENUM_KEYS: dict[str, type[Enum]] = {
    "urgency": Urgency,
    "publicity": Publicity,
    "carrier": Carrier,
    "retention": Retention,
}
FORM_KEYS = frozenset(
    {"form", "category", "period", "knowers", "basis", "copies", *CORE_STR_KEYS, *EXTRA_STR_KEYS, *DATE_KEYS}
    | set(ENUM_KEYS)
)
BASIS_KEYS = frozenset(
    {
        "kind",
        "reference",
        "text",
        "source",
        "sources",
        "allows_long_term",
        "special_rule",
        "scope_within_source",
    }
)
SOURCE_KEYS = frozenset(
    {"doc_number", "category", "period", "scope", "case", "title", "authority", "start_date"}
)


def form_from_json(obj: Any) -> Form:
    """Read one interchange object; raises ValidationError listing every problem."""
    if not isinstance(obj, dict):
        raise ValidationError([Problem("form", "表单数据须为 JSON 对象")])
    r = FieldReader()
    r.unknown_keys(obj, FORM_KEYS, "")
    kind: FormKind | None = None
    if "form" not in obj:
        r.fail("form", "缺少表单类型（form：送审签发单或定密审核单）")
    else:
        kind = r.enum(FormKind, obj["form"], "form", "表单类型")
    category: Category | None = None
    if "category" not in obj:
        r.fail("category", "缺少密级（category）")
    else:
        category = r.enum(Category, obj["category"], "category", "密级")
    # Keyword arguments of Form, each checked by its reader: typed Any so they spread into Form(**...).
    strings: dict[str, Any] = {key: r.text(obj, key) for key in (*CORE_STR_KEYS, *EXTRA_STR_KEYS)}
    if "title" not in obj:
        r.fail("title", "缺少标题（title）")
    dates: dict[str, Any] = {key: r.day(obj.get(key), key) for key in DATE_KEYS}
    enums: dict[str, Any] = {
        key: r.optional(obj, key, _enum_parser(r, cls, key)) for key, cls in ENUM_KEYS.items()
    }
    knowers = _knowers(r, obj.get("knowers", []))
    copies = obj.get("copies")
    if copies is not None:
        copies = r.integer(copies, "copies", "份数", 1, limits.MAX_COPIES)
    basis = _basis(r, obj["basis"]) if obj.get("basis") is not None else None
    period = r.period(obj.get("period"), "period")
    parse_problems = list(r.problems)
    form = Form(
        form=kind or FormKind.REVIEW,
        title=strings.pop("title"),
        category=category or Category.NON_SECRET,
        period=period,
        knowers=knowers,
        basis=basis,
        copies=copies,
        **strings,
        **dates,
        **enums,
    )
    failed = {p.field for p in parse_problems}
    for problem in validate_form(form):
        if any(_related(problem.field, f) for f in failed):
            continue  # a field that did not parse gets its parse message only
        if category is None and (
            problem.field in CATEGORY_DEPENDENT_FIELDS or problem.field.startswith("basis")
        ):
            continue  # category-dependent rules mean nothing without a known category
        parse_problems.append(problem)
    if parse_problems:
        raise ValidationError(parse_problems)
    return form


def _related(a: str, b: str) -> bool:
    """Same field, or one nested in the other ("basis" and "basis.kind")."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


_ENUM_LABELS = {
    "urgency": "紧急程度",
    "publicity": "公开属性",
    "carrier": "载体形式",
    "retention": "保管期限",
}


def _enum_parser(r: FieldReader, cls: type[Enum], key: str) -> Callable[[Any], Any]:
    return lambda value: r.enum(cls, value, key, _ENUM_LABELS[key])


def _knowers(r: FieldReader, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        r.fail("knowers", "知悉人员须为姓名列表")
        return ()
    if len(value) > limits.MAX_KNOWERS:
        r.fail(
            "knowers",
            f"知悉人员有 {len(value)} 人，超过上限 {limits.MAX_KNOWERS} 人；人数众多时请在知悉范围中写明",
        )
        return ()
    for index, name in enumerate(value, start=1):
        why = text_problem(name, "knowers")
        if why is not None:
            r.fail("knowers", f"第 {index} 个姓名{why}")
            return ()
    return tuple(value)


def _basis(r: FieldReader, obj: Any) -> Basis | None:
    if not isinstance(obj, dict):
        r.fail("basis", "定密依据须为 JSON 对象")
        return None
    r.unknown_keys(obj, BASIS_KEYS, "basis.")
    kind = r.enum(BasisKind, obj.get("kind"), "basis.kind", "定密依据类型")
    allows = obj.get("allows_long_term", False)
    if not isinstance(allows, bool):
        r.fail("basis.allows_long_term", "basis.allows_long_term 须为 true 或 false")
        allows = False
    within = obj.get("scope_within_source", False)
    if not isinstance(within, bool):
        r.fail("basis.scope_within_source", "basis.scope_within_source 须为 true 或 false")
        within = False
    sources = _sources(r, obj)
    if kind is None:
        return None
    return Basis(
        kind=kind,
        reference=r.text(obj, "reference", "basis."),
        text=r.text(obj, "text", "basis."),
        source=sources[0] if sources else None,
        allows_long_term=allows,
        special_rule=r.text(obj, "special_rule", "basis."),
        more_sources=tuple(sources[1:]),
        scope_within_source=within,
    )


def _sources(r: FieldReader, obj: dict[str, Any]) -> list[DerivedSource]:
    """`basis.sources` (a list) or, for compatibility, `basis.source` (one object); not both."""
    if obj.get("sources") is not None and obj.get("source") is not None:
        r.fail("basis.sources", "basis.source 与 basis.sources 只能填写其一（多个来源请全部写入 sources）")
        return []
    if obj.get("source") is not None:
        one = _source(r, obj["source"], "basis.source")
        return [one] if one is not None else []
    listed = obj.get("sources")
    if listed is None:
        return []
    if not isinstance(listed, list) or not listed:
        r.fail("basis.sources", "basis.sources 须为来源事项对象的非空列表")
        return []
    found = [_source(r, item, f"basis.sources[{i}]") for i, item in enumerate(listed)]
    return [s for s in found if s is not None]


def _source(r: FieldReader, obj: Any, at: str = "basis.source") -> DerivedSource | None:
    if not isinstance(obj, dict):
        r.fail(at, "派生来源须为 JSON 对象")
        return None
    r.unknown_keys(obj, SOURCE_KEYS, at + ".")
    category = r.enum(Category, obj.get("category"), at + ".category", "来源密级")
    period = r.period(obj.get("period"), at + ".period")
    started = r.day(obj.get("start_date"), at + ".start_date")
    case = obj.get("case")
    if isinstance(case, bool) or not isinstance(case, int):
        r.fail(at + ".case", "派生定密的情形须为1至4的整数")
        case = 0
    if category is None:
        return None
    return DerivedSource(
        doc_number=r.text(obj, "doc_number", at + "."),
        category=category,
        period=period,
        scope=r.text(obj, "scope", at + "."),
        case=case,
        title=r.text(obj, "title", at + "."),
        authority=r.text(obj, "authority", at + "."),
        start_date=started,
    )


def too_many_forms(count: int) -> str:
    return f"文件中有 {count} 个表单，一次最多导入 {limits.MAX_FORMS_PER_FILE} 个；请分成几个文件导入"


def forms_from_json(obj: Any) -> list[Form]:
    """One form object or a list of them (`dingmi form import`); problems of item i have fields "[i].key"."""
    if not isinstance(obj, list):
        return [form_from_json(obj)]
    if len(obj) > limits.MAX_FORMS_PER_FILE:
        raise ValidationError([Problem("form", too_many_forms(len(obj)))])
    forms: list[Form] = []
    problems: list[Problem] = []
    for index, item in enumerate(obj):
        try:
            forms.append(form_from_json(item))
        except ValidationError as exc:
            problems += [Problem(f"[{index}].{p.field}", p.message) for p in exc.problems]
    if not obj:
        problems.append(Problem("form", "文件中没有表单"))
    if problems:
        raise ValidationError(problems)
    return forms


def computed_json(form: Form) -> dict[str, Any]:
    """The computed keys of `form show --json`: exact marking text and 解密日 (None: condition/long-term)."""
    end = declassify_on(form.period, form.period_start) if form.period and form.period_start else None
    return {
        "marking": marking_text(form.category, form.period),
        "declassify_on": end.isoformat() if end else None,
    }


def form_to_json(form: Form) -> dict[str, Any]:
    out: dict[str, Any] = {"form": form.form.value, "title": form.title, "doc_number": form.doc_number}
    out["department"] = form.department
    out["category"] = form.category.value
    if form.period is not None:
        out["period"] = form.period.to_json()
    if form.start_date is not None:
        out["start_date"] = form.start_date.isoformat()
    out["scope"] = form.scope
    out["knowers"] = list(form.knowers)
    if form.basis is not None:
        out["basis"] = _basis_to_json(form.basis)
    for key in ENUM_KEYS:
        member = getattr(form, key)
        if member is not None:
            out[key] = member.value
    if form.copies is not None:
        out["copies"] = form.copies
    for key in ("main_recipients", "cc", "opinion"):
        out[key] = getattr(form, key)
    for key in EXTRA_STR_KEYS:
        if getattr(form, key):
            out[key] = getattr(form, key)
    for key in ("drafted_on", "sealed_on", "notice_date"):
        if getattr(form, key) is not None:
            out[key] = getattr(form, key).isoformat()
    return out


def _basis_to_json(basis: Basis) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": basis.kind.value, "reference": basis.reference, "text": basis.text}
    sources = [_source_to_json(s) for s in basis.sources]
    if len(sources) == 1:
        out["source"] = sources[0]  # one source keeps the version-1 shape (and its content hash)
    elif sources:
        out["sources"] = sources
    if basis.allows_long_term:
        out["allows_long_term"] = True
    if basis.special_rule:
        out["special_rule"] = basis.special_rule
    if basis.scope_within_source:
        out["scope_within_source"] = True
    return out


def _source_to_json(src: DerivedSource) -> dict[str, Any]:
    out: dict[str, Any] = {
        "doc_number": src.doc_number,
        "category": src.category.value,
        **({"period": src.period.to_json()} if src.period is not None else {}),
        "scope": src.scope,
        "case": src.case,
    }
    for key in ("title", "authority"):
        if getattr(src, key):
            out[key] = getattr(src, key)
    if src.start_date is not None:
        out["start_date"] = src.start_date.isoformat()
    return out


def canonical_json(form: Form) -> str:
    return json.dumps(form_to_json(form), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(form: Form) -> str:
    """sha256 hex of the canonical JSON (sorted keys, no whitespace, UTF-8); an approval binds to it."""
    return hashlib.sha256(canonical_json(form).encode("utf-8")).hexdigest()
