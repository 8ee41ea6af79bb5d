"""The 依据库 interchange document (docs/catalogue.schema.json) and the catalogue's own rules, pure.

One document is one whole catalogue — 保密事项范围 → 一览表 → 细目 — with the date its version takes effect.
The reader is as strict as the form reader: every problem is collected and reported in Chinese, unknown keys
are refused, each text is held to a length and to visible characters. A 细目 is a state secret (绝密, 机密
or 秘密) and its period is "N年", "N个月", "长期" or "解密条件：…" — the forms the rules can compare.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from dingmi_desktop.domain.catalog_match import item_period
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import Problem, ValidationError
from dingmi_desktop.domain.json_reader import FieldReader, shown, text_problem
from dingmi_desktop.domain.marking import compilation
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.domain.strict_json import loads_strict

FORMAT = "dingmi-catalogue"
FORMAT_VERSION = 1
LEVELS = (Category.TOP_SECRET.value, Category.SECRET.value, Category.CONFIDENTIAL.value)
CONDITION_PREFIX = "解密条件："
# Character limits of each text of the document (the schema publishes the same numbers).
LIMITS = {
    "code": 64,
    "title": 500,
    "text": 2000,
    "period": 200,
    "knowers": 2000,
    "department": 100,
    "note": 500,
}
MAX_ENTRIES = 10_000  # per level of the tree
MAX_YEARS = 30  # Law 15: 绝密 at most 30 years unless 长期
_YEARS = re.compile(r"^([1-9][0-9]*)年$")
_MONTHS = re.compile(r"^([1-9][0-9]*)个月$")
_TOP_KEYS = frozenset({"format", "format_version", "effective_from", "note", "catalogue_version", "scopes"})
_SCOPE_KEYS = frozenset({"code", "title", "sample", "lists"})
_LIST_KEYS = frozenset({"code", "title", "items"})
_ITEM_KEYS = frozenset({"code", "text", "level", "period", "knowers", "department"})


@dataclass(frozen=True)
class ItemDoc:
    code: str
    text: str
    level: str
    period: str
    knowers: str = ""
    department: str = ""


@dataclass(frozen=True)
class ListDoc:
    code: str
    title: str
    items: tuple[ItemDoc, ...]


@dataclass(frozen=True)
class ScopeDoc:
    code: str
    title: str
    lists: tuple[ListDoc, ...]
    sample: bool = False


@dataclass(frozen=True)
class CatalogueDoc:
    effective_from: date
    scopes: tuple[ScopeDoc, ...]
    note: str = ""


def period_problem(text: str) -> str | None:
    """Why `text` is not a 细目's period, or None (ASCII digits without leading zeros, as the schema)."""
    if m := _YEARS.match(text):
        years = int(m.group(1))
        return None if years <= MAX_YEARS else f"年数须在 1 至 {MAX_YEARS} 之间（更长请写“长期”）"
    if m := _MONTHS.match(text):
        months = int(m.group(1))
        return None if months <= 12 * MAX_YEARS else f"月数须在 1 至 {12 * MAX_YEARS} 之间"
    if text == "长期" or (text.startswith(CONDITION_PREFIX) and text[len(CONDITION_PREFIX) :].strip()):
        return None
    return f"“{shown(text)}”不是保密期限；请写成“10年”“6个月”“长期”或“解密条件：……”"


def item_problems(item: ItemDoc, where: str) -> list[Problem]:
    """Every problem of one 细目 (used by the reader and by the 依据库 page's edit dialog)."""
    found: list[Problem] = []
    for key in ("code", "text", "period"):
        if not getattr(item, key).strip():
            found.append(Problem(f"{where}.{key}", _EMPTY[key]))
    for key in ("code", "text", "period", "knowers", "department"):
        why = _text_why(getattr(item, key), key)
        if why is not None:
            found.append(Problem(f"{where}.{key}", f"{_LABELS[key]}{why}"))
    if item.level not in LEVELS:
        found.append(
            Problem(f"{where}.level", f"密级“{shown(item.level)}”无效：细目的密级须为绝密、机密或秘密")
        )
    if item.period.strip() and (why := period_problem(item.period)) is not None:
        found.append(Problem(f"{where}.period", why))
    return found


def entry_period(text: str) -> Period | None:
    """A 细目's period as a Period: a duration, 长期, or the condition after "解密条件：" (else None)."""
    found = item_period(text)
    if found is not None:
        return found
    if text.startswith(CONDITION_PREFIX) and text[len(CONDITION_PREFIX) :].strip():
        return Period.on_condition(text[len(CONDITION_PREFIX) :].strip())
    return None


def resolve(chosen: Iterable[tuple[str, str]], start_date: date) -> tuple[Category, Period | None]:
    """The level and period several chosen (level, period text) items give together: the highest level and
    the longest period (domain.marking.compilation, the rule for a compilation)."""
    return compilation(((Category(level), entry_period(period)) for level, period in chosen), start_date)


_LABELS = {
    "code": "编号",
    "title": "名称",
    "text": "事项内容",
    "period": "保密期限",
    "knowers": "知悉范围",
    "department": "产生部门",
    "note": "版本说明",
}
_EMPTY = {"code": "编号不能为空（例如“第1条”）", "text": "事项内容不能为空", "period": "保密期限不能为空"}


def _text_why(value: str, key: str) -> str | None:
    if len(value) > LIMITS[key]:
        return f"长度为 {len(value)} 个字符，超过上限 {LIMITS[key]} 个字符，请精简后重试"
    return text_problem(value, "catalogue")  # characters only: the length is checked above


def _checked(reader: FieldReader, obj: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = obj.get(key, "")
    if not isinstance(value, str):
        reader.fail(f"{where}{key}", f"{where}{key} 须为文字")
        return ""
    if required and not value.strip():
        reader.fail(f"{where}{key}", f"{where}{key}（{_LABELS[key]}）不能为空")
    elif (why := _text_why(value, key)) is not None:
        reader.fail(f"{where}{key}", f"{_LABELS[key]}{why}")
    return value


def _array(reader: FieldReader, obj: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = obj.get(key)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        reader.fail(f"{where}{key}", f"{where}{key} 须为对象的列表")
        return []
    if len(value) > MAX_ENTRIES:
        reader.fail(f"{where}{key}", f"{where}{key} 有 {len(value)} 项，超过上限 {MAX_ENTRIES} 项")
        return []
    return value


def _unique(reader: FieldReader, codes: list[str], where: str, what: str) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            reader.fail(where, f"{what}编号“{shown(code)}”重复；同一层中每个编号只能出现一次")
        seen.add(code)


def read_catalogue(data: bytes) -> CatalogueDoc:
    """The document in `data`, or one ValidationError listing every problem."""
    value = loads_strict(data)
    reader = FieldReader()
    if not isinstance(value, dict):
        raise ValidationError([Problem("文件", "依据库文件须为一个 JSON 对象（以 { 开头）")])
    reader.unknown_keys(value, _TOP_KEYS, "")
    if value.get("format") != FORMAT:
        reader.fail("format", f"format 须为“{FORMAT}”（这不是依据库文件？）")
    if value.get("format_version") != FORMAT_VERSION:
        reader.fail("format_version", f"format_version 须为 {FORMAT_VERSION}（本程序只读第1版）")
    effective = reader.day(value.get("effective_from"), "effective_from")
    if "effective_from" not in value:
        reader.fail("effective_from", "缺少 effective_from：新版本的生效日期，格式 YYYY-MM-DD")
    note = _checked(reader, value, "note", "", required=False)
    if "catalogue_version" in value:  # written by an export, for the reader's information only
        reader.integer(value["catalogue_version"], "catalogue_version", "catalogue_version", 1, 10**6)
    scopes = []
    for s, scope in enumerate(_array(reader, value, "scopes", "")):
        at = f"scopes[{s}]."
        reader.unknown_keys(scope, _SCOPE_KEYS, at)
        sample = scope.get("sample", False)
        if not isinstance(sample, bool):
            reader.fail(at + "sample", f"{at}sample 须为 true 或 false")
        lists = []
        for n, lst in enumerate(_array(reader, scope, "lists", at)):
            lat = f"{at}lists[{n}]."
            reader.unknown_keys(lst, _LIST_KEYS, lat)
            items = []
            for i, raw in enumerate(_array(reader, lst, "items", lat)):
                iat = f"{lat}items[{i}]"
                reader.unknown_keys(raw, _ITEM_KEYS, iat + ".")
                texts = {k: raw.get(k, "") for k in _ITEM_KEYS}
                bad = [k for k, v in texts.items() if not isinstance(v, str)]
                for k in bad:
                    reader.fail(f"{iat}.{k}", f"{iat}.{k} 须为文字")
                if bad:
                    continue
                item = ItemDoc(**texts)
                reader.problems += item_problems(item, iat)
                items.append(item)
            _unique(reader, [i.code for i in items], lat + "items", "细目")
            lists.append(
                ListDoc(_checked(reader, lst, "code", lat), _checked(reader, lst, "title", lat), tuple(items))
            )
        _unique(reader, [x.code for x in lists], at + "lists", "一览表")
        code, title = _checked(reader, scope, "code", at), _checked(reader, scope, "title", at)
        scopes.append(ScopeDoc(code, title, tuple(lists), sample is True))
    _unique(reader, [x.code for x in scopes], "scopes", "保密事项范围")
    if reader.problems:
        raise ValidationError(reader.problems)
    assert effective is not None
    return CatalogueDoc(effective, tuple(scopes), note)


def catalogue_json(doc: CatalogueDoc, version: int | None = None) -> dict[str, Any]:
    """The document as JSON (what `read_catalogue` reads back)."""
    out: dict[str, Any] = {"format": FORMAT, "format_version": FORMAT_VERSION}
    if version is not None:
        out["catalogue_version"] = version
    out["effective_from"] = doc.effective_from.isoformat()
    if doc.note:
        out["note"] = doc.note
    out["scopes"] = [
        {
            "code": s.code,
            "title": s.title,
            "sample": s.sample,
            "lists": [
                {
                    "code": lst.code,
                    "title": lst.title,
                    "items": [
                        {
                            "code": i.code,
                            "text": i.text,
                            "level": i.level,
                            "period": i.period,
                            "knowers": i.knowers,
                            "department": i.department,
                        }
                        for i in lst.items
                    ],
                }
                for lst in s.lists
            ],
        }
        for s in doc.scopes
    ]
    return out
