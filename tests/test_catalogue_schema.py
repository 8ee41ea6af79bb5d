"""docs/catalogue.schema.json describes what `dingmi catalog export` writes and `import` reads: the demo's
export is valid, what the schema refuses the reader refuses, and its limits are the domain's."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from dingmi_desktop.domain import catalogue_doc
from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.services.catalogue import CatalogueService
from tests.test_form_schema import errors

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "docs" / "catalogue.schema.json").read_text("utf-8")
)


def _item_schema() -> dict[str, Any]:
    lists = SCHEMA["properties"]["scopes"]["items"]["properties"]["lists"]
    return lists["items"]["properties"]["items"]["items"]


@pytest.fixture
def exported(demo_session) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return CatalogueService(demo_session("zhangsan")).export_json()


def test_the_demo_export_is_valid_and_reads_back(exported: dict[str, Any]) -> None:
    assert errors(exported, SCHEMA) == []
    doc = catalogue_doc.read_catalogue(json.dumps(exported, ensure_ascii=False).encode())
    assert catalogue_doc.catalogue_json(doc, exported["catalogue_version"]) == exported


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("level", "内部"),
        ("period", "十年"),
        ("period", "31年"),
        ("period", "05年"),
        ("period", "解密条件："),
        ("code", ""),
        ("text", "事" * 2001),
        ("colour", "red"),
    ],
)
def test_what_the_schema_refuses_the_reader_refuses(exported: dict[str, Any], key: str, value: str) -> None:
    changed = copy.deepcopy(exported)
    changed["scopes"][0]["lists"][0]["items"][0][key] = value
    assert errors(changed, SCHEMA) != []
    with pytest.raises(ValidationError):
        catalogue_doc.read_catalogue(json.dumps(changed, ensure_ascii=False).encode())


def test_the_schema_uses_the_domains_limits_and_levels() -> None:
    item = _item_schema()
    assert item["properties"]["level"]["enum"] == list(catalogue_doc.LEVELS)
    for key in ("code", "text", "period", "knowers", "department"):
        assert item["properties"][key]["maxLength"] == catalogue_doc.LIMITS[key]
    assert set(item["properties"]) == set(catalogue_doc._ITEM_KEYS)
