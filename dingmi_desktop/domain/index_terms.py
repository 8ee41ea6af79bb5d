"""What a form's index columns (forms.category, marking, declassify_on) must say of its terms: the signed
revision's, or after an approved change, extension or declassification the terms in force
(forms.current_terms). The writers (services.form_codec.index_of, services.lifecycle_apply) and the
verifier (storage.verifier.check_form) compute them here, so a column edited behind the program's back
shows as a difference."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dingmi_desktop.domain.forms import Form
from dingmi_desktop.domain.lifecycle import Terms
from dingmi_desktop.domain.marking import marking_text
from dingmi_desktop.domain.periods import declassify_on


def form_marking(form: Form) -> str:
    return marking_text(form.category, form.period if form.category.is_state_secret else None)


def form_declassify_on(form: Form) -> date | None:
    if form.period is None or not form.category.is_state_secret:
        return None
    start = form.period_start
    if start is None:
        return form.period.until if form.period.until is not None else None
    return declassify_on(form.period, start)


@dataclass(frozen=True)
class IndexedTerms:
    category: str
    marking: str
    declassify_on: date | None


def of_form(form: Form) -> IndexedTerms:
    """The terms of a revision as signed."""
    return IndexedTerms(form.category.value, form_marking(form), form_declassify_on(form))


def of_current_terms(stored: dict[str, Any]) -> IndexedTerms:
    """The terms in force after an approved lifecycle decision; a declassification dates the 解密日."""
    terms = Terms.from_json(stored)
    declassified = stored.get("declassified_on")
    day = date.fromisoformat(str(declassified)) if declassified else terms.declassify_on
    return IndexedTerms(terms.category.value, terms.marking, day)
