"""docs/form.schema.json describes the form interchange JSON the program reads: it accepts the example of
docs/interfaces.md and every demo form, refuses what the reader refuses, and its keys, enums and lengths
are the domain's own. jsonschema is not a dependency: a small validator of the keywords the schema uses."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from dingmi_desktop.domain import interchange, limits
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.domain.forms import BasisKind, FormKind, form_from_json
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.store import Store
from tests.domain.builders import INTERFACES_EXAMPLE, interfaces_example
from tests.fixtures.store import DEMO_PASSWORD

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "docs" / "form.schema.json").read_text("utf-8"))
TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
    "integer": int,
}


def _is(value: Any, name: str) -> bool:
    if name == "integer" and isinstance(value, bool):
        return False
    return isinstance(value, TYPES[name])


def errors(value: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """Violations of the draft 2020-12 keywords docs/form.schema.json uses."""
    if "$ref" in schema:
        schema = SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    out: list[str] = []
    types = schema.get("type")
    if types is not None and not any(_is(value, n) for n in ([types] if isinstance(types, str) else types)):
        return [f"{path}: type {types}"]
    if "enum" in schema and not any(type(v) is type(value) and v == value for v in schema["enum"]):
        out.append(f"{path}: not in enum")
    if "const" in schema and not (type(value) is type(schema["const"]) and value == schema["const"]):
        out.append(f"{path}: not {schema['const']}")
    if "oneOf" in schema and sum(not errors(value, s, path) for s in schema["oneOf"]) != 1:
        out.append(f"{path}: matches not exactly one of oneOf")
    if isinstance(value, str):
        if len(value) > schema.get("maxLength", len(value)) or len(value) < schema.get("minLength", 0):
            out.append(f"{path}: length")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            out.append(f"{path}: pattern")
    if _is(value, "integer") and not schema.get("minimum", value) <= value <= schema.get("maximum", value):
        out.append(f"{path}: range")
    if isinstance(value, list):
        if len(value) > schema.get("maxItems", len(value)):
            out.append(f"{path}: too many items")
        items = schema.get("items", {})
        out += [e for i, item in enumerate(value) for e in errors(item, items, f"{path}[{i}]")]
    if isinstance(value, dict):
        props = schema.get("properties", {})
        out += [f"{path}: missing {key}" for key in schema.get("required", []) if key not in value]
        if schema.get("additionalProperties") is False:
            out += [f"{path}: unknown key {key}" for key in value if key not in props]
        out += [e for key, v in value.items() if key in props for e in errors(v, props[key], f"{path}.{key}")]
    return out


def test_the_example_of_docs_interfaces_is_valid_and_is_the_tests_example() -> None:
    example = interfaces_example()
    assert example == INTERFACES_EXAMPLE
    assert errors(example, SCHEMA) == []


def test_every_demo_form_is_valid(demo_store: Store) -> None:
    demo_store.sign_in("zhangsan", DEMO_PASSWORD)  # unlocks the store
    with demo_store.orm_transaction() as orm:
        contents = orm.scalars(select(t.FormRevision.content)).all()
    assert contents
    for content in contents:
        assert errors(json.loads(content), SCHEMA) == [], content


@pytest.mark.parametrize(
    "change",
    [
        {"form": "发文稿纸"},
        {"category": "普通"},
        {"period": {"years": 10, "months": 2}},
        {"period": {"months": 12}},
        {"period": {"long_term": False}},
        {"copies": 0},
        {"copies": True},
        {"knowers": "张三"},
        {"urgency": "急"},
        {"start_date": "2026/11/28"},
        {"basis": {"kind": "确定", "reference": "x"}},
        {"title": "题" * (limits.text_limit("title") + 1)},
        {"colour": "red"},
    ],
    ids=lambda change: next(iter(change)),
)
def test_what_the_schema_refuses_the_reader_refuses(change: dict[str, Any]) -> None:
    obj = copy.deepcopy(INTERFACES_EXAMPLE) | change
    assert errors(obj, SCHEMA) != []
    with pytest.raises(ValidationError):
        form_from_json(obj)


def test_the_schema_uses_the_domains_keys_enums_and_limits() -> None:
    props = SCHEMA["properties"]
    assert set(props) == interchange.FORM_KEYS
    assert set(SCHEMA["$defs"]["basis"]["properties"]) == interchange.BASIS_KEYS
    assert set(SCHEMA["$defs"]["source"]["properties"]) == interchange.SOURCE_KEYS
    assert props["form"]["enum"] == [k.value for k in FormKind]
    assert props["category"]["enum"] == [c.value for c in Category]
    assert SCHEMA["$defs"]["basis"]["properties"]["kind"]["enum"] == [k.value for k in BasisKind]
    for key, cls in interchange.ENUM_KEYS.items():
        assert props[key]["enum"] == [None, "", *[m.value for m in cls]], key
    for key in (*interchange.CORE_STR_KEYS, *interchange.EXTRA_STR_KEYS):
        assert props[key]["maxLength"] == limits.text_limit(key), key
    assert props["copies"]["maximum"] == limits.MAX_COPIES
    assert props["knowers"]["maxItems"] == limits.MAX_KNOWERS
    forms = {next(iter(s["properties"])) for s in SCHEMA["$defs"]["period"]["oneOf"]}
    assert forms == {"years", "months", "until", "condition", "long_term"}
