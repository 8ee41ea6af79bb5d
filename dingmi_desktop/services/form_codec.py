"""Stored form JSON ↔ domain Form, the index columns of a form, and field-level diffs.

`decode` (domain.stored_form) is the one reader of stored form rows, tolerant of the form rules. `problems`
reports what blocks submission.
"""

from __future__ import annotations

from typing import Any

from dingmi_desktop.domain.errors import Problem
from dingmi_desktop.domain.forms import (
    Form,
    form_to_json,
    validate_form,
)
from dingmi_desktop.domain.index_terms import form_declassify_on, form_marking
from dingmi_desktop.storage import FormIndex


def encode(form: Form) -> dict[str, Any]:
    return form_to_json(form)


def problems(form: Form) -> list[Problem]:
    return validate_form(form)


def index_of(form: Form, status: str) -> FormIndex:
    return FormIndex(
        kind=form.form.value,
        title=form.title,
        category=form.category.value,
        status=status,
        department=form.department,
        doc_number=form.doc_number,
        marking=form_marking(form),
        declassify_on=form_declassify_on(form),
    )


def flatten(obj: Any, prefix: str = "") -> dict[str, Any]:
    """Nested dicts to dotted keys; lists stay values."""
    if not isinstance(obj, dict):
        return {prefix: obj} if prefix else {}
    out: dict[str, Any] = {}
    for key, value in obj.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict) and key != "period":
            out.update(flatten(value, path))
        else:
            out[path] = value
    return out


def diff(before: dict[str, Any] | None, after: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for every dotted field that differs; a missing field is None."""
    old, new = flatten(before or {}), flatten(after)
    changes = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a != b and not (a in (None, "", []) and b in (None, "", [])):
            changes.append((key, a, b))
    return changes
