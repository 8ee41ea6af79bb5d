"""Fuzzing the import path (hypothesis): random JSON trees, bad strings planted in fields, truncated and
garbled bytes. Every document either yields valid forms or is refused with ValidationError / ImportRejected
carrying one-line Chinese problems; nothing else escapes and nothing is stored when it is refused."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.domain.forms import canonical_json, forms_from_json, validate_form
from dingmi_desktop.domain.strict_json import loads_strict
from dingmi_desktop.services.form_models import ImportRejected
from dingmi_desktop.services.forms import FormServices
from tests.domain.builders import INTERFACES_EXAMPLE

FUZZ = settings(max_examples=300, deadline=None)

BAD_CHARS = (
    "\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"  # bidirectional controls
    "\x00\x07\x1b\x7f\x85\x9f\u2028\ufeff\u200b\ud800\udfff\n\t\r"  # C0/C1, separators, surrogates
)
bad_strings = st.text(alphabet=st.sampled_from(BAD_CHARS) | st.characters(), max_size=30) | st.sampled_from(
    ["9999-12-31", "0001-01-01", "2026-02-30", "2026-W01-1", "20260101", "", " ", "长" * 300, "年" * 10_001]
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**12), max_value=10**12)
    | st.floats(allow_nan=False)
    | bad_strings
)
json_trees = st.recursive(
    scalars,
    lambda kids: (
        st.lists(kids, max_size=4)
        | st.dictionaries(st.text(max_size=8) | st.sampled_from(list(INTERFACES_EXAMPLE)), kids, max_size=4)
    ),
    max_leaves=20,
)
PATHS = [(k,) for k in INTERFACES_EXAMPLE] + [
    ("basis", "kind"),
    ("basis", "reference"),
    ("basis", "text"),
    ("period", "years"),
    ("period", "until"),
    ("period", "condition"),
    ("knowers", 0),
]


def _planted(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    obj = copy.deepcopy(INTERFACES_EXAMPLE)
    target: Any = obj
    for step in path[:-1]:
        target = target[step]
    if path[0] == "period" and len(path) == 2:
        obj["period"] = {path[1]: value}
    else:
        target[path[-1]] = value
    return obj


def _encode(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=True).encode("utf-8")  # \ud800 escapes survive as text


def _read(data: bytes) -> list[Any] | None:
    """Reads like `form import`: the forms, or None when refused with proper problems."""
    try:
        forms = forms_from_json(loads_strict(data))
    except ValidationError as exc:
        assert exc.problems
        for problem in exc.problems:
            text = f"{problem.field}：{problem.message}"
            assert "\n" not in text and "\r" not in text, text
            text.encode("utf-8")  # no lone surrogate echoed into a message
            assert len(problem.message) < 400
        return None
    for form in forms:
        assert validate_form(form) == []
        canonical_json(form).encode("utf-8")
    return forms


@FUZZ
@given(json_trees)
def test_random_json_trees(tree: Any) -> None:
    _read(_encode(tree))


@FUZZ
@given(st.sampled_from(PATHS), json_trees)
def test_bad_values_planted_in_fields(path: tuple[Any, ...], value: Any) -> None:
    _read(_encode(_planted(path, value)))


@FUZZ
@given(st.sampled_from(PATHS), bad_strings)
def test_bad_strings_planted_in_fields(path: tuple[Any, ...], value: str) -> None:
    forms = _read(_encode(_planted(path, value)))
    if forms is not None and path[0] != "knowers":
        assert not set(value) & (set(BAD_CHARS) - {"\n", "\t"})


@FUZZ
@given(st.integers(0, 2000), st.lists(st.tuples(st.integers(0, 2000), st.integers(0, 255)), max_size=5))
def test_truncated_and_garbled_bytes(cut: int, flips: list[tuple[int, int]]) -> None:
    data = bytearray(json.dumps([INTERFACES_EXAMPLE] * 2, ensure_ascii=False).encode("utf-8"))
    for index, byte in flips:
        if data:
            data[index % len(data)] = byte
    _read(bytes(data[: cut or len(data)]))


@pytest.fixture
def services(demo_session):  # type: ignore[no-untyped-def]
    return FormServices(demo_session("zhangsan"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(PATHS), json_trees), min_size=1, max_size=3))
def test_import_service_stores_all_or_nothing(services, plants) -> None:  # type: ignore[no-untyped-def]
    objects = json.loads(_encode([_planted(path, value) for path, value in plants]))
    before = len(services.queues.visible())
    try:
        ids = services.drafting.import_forms(objects)
    except ImportRejected as exc:
        assert exc.lines and all(line.strip() and "\n" not in line for line in exc.lines)
        ids = []
    assert len(ids) in (0, len(objects))
    assert len(services.queues.visible()) == before + len(ids)
