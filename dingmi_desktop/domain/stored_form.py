"""Stored form JSON back to a domain Form: the one reader of stored form rows.

It is tolerant of the form *rules* on purpose: a 草稿 is stored while `validate_form` still finds problems
(the drafter saves work in progress), so the strict interchange reader `form_from_json` (which runs the rules)
cannot read it back. It is not tolerant of the *shape*: stored content was written by `form_to_json`, so a
missing key or an unknown value means a damaged row and raises. Here, below storage, so that the verifier
reads a signed revision exactly as the services do."""

from __future__ import annotations

from datetime import date
from typing import Any

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import (
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
from dingmi_desktop.domain.interchange import CORE_STR_KEYS, EXTRA_STR_KEYS
from dingmi_desktop.domain.periods import Period

_STR_KEYS = (*CORE_STR_KEYS, *EXTRA_STR_KEYS)  # the form's plain text fields, as the interchange reads them


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _period(value: Any) -> Period | None:
    return Period.from_json(value) if value is not None else None


def _source(src: dict[str, Any]) -> DerivedSource:
    return DerivedSource(
        doc_number=src.get("doc_number", ""),
        category=Category(src["category"]),
        period=_period(src.get("period")),
        scope=src.get("scope", ""),
        case=int(src.get("case", 0)),
        title=src.get("title", ""),
        authority=src.get("authority", ""),
        start_date=_day(src.get("start_date")),
    )


def _basis(obj: dict[str, Any] | None) -> Basis | None:
    if not obj:
        return None
    listed = obj.get("sources") or ([obj["source"]] if obj.get("source") else [])
    sources = [_source(src) for src in listed]
    return Basis(
        kind=BasisKind(obj["kind"]),
        reference=obj.get("reference", ""),
        text=obj.get("text", ""),
        source=sources[0] if sources else None,
        allows_long_term=bool(obj.get("allows_long_term", False)),
        special_rule=obj.get("special_rule", ""),
        more_sources=tuple(sources[1:]),
        scope_within_source=bool(obj.get("scope_within_source", False)),
    )


def decode(content: dict[str, Any]) -> Form:
    """A stored form (written by form_to_json) back to a Form, without the rule checks (see the module)."""
    return Form(
        form=FormKind(content["form"]),
        category=Category(content["category"]),
        period=_period(content.get("period")),
        start_date=_day(content.get("start_date")),
        knowers=tuple(content.get("knowers", ())),
        basis=_basis(content.get("basis")),
        urgency=Urgency(content["urgency"]) if content.get("urgency") else None,
        publicity=Publicity(content["publicity"]) if content.get("publicity") else None,
        carrier=Carrier(content["carrier"]) if content.get("carrier") else None,
        retention=Retention(content["retention"]) if content.get("retention") else None,
        copies=content.get("copies"),
        drafted_on=_day(content.get("drafted_on")),
        sealed_on=_day(content.get("sealed_on")),
        notice_date=_day(content.get("notice_date")),
        **{key: content.get(key, "") for key in _STR_KEYS},
    )
