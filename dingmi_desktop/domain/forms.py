"""The two forms: value types, validation, interchange JSON and content hash (one import point)."""

from __future__ import annotations

from dingmi_desktop.domain.form_rules import required_publicity, validate_form
from dingmi_desktop.domain.form_types import (
    DERIVED_CASES,
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
from dingmi_desktop.domain.interchange import (
    canonical_json,
    computed_json,
    content_hash,
    form_from_json,
    form_to_json,
    forms_from_json,
)

__all__ = [
    "DERIVED_CASES",
    "Basis",
    "BasisKind",
    "Carrier",
    "DerivedSource",
    "Form",
    "FormKind",
    "Publicity",
    "Retention",
    "Urgency",
    "canonical_json",
    "computed_json",
    "content_hash",
    "form_from_json",
    "form_to_json",
    "forms_from_json",
    "required_publicity",
    "validate_form",
]
