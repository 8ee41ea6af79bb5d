"""The one reader of stored form rows: tolerant of the rules (drafts), strict about the shape."""

from __future__ import annotations

import pytest

from dingmi_desktop.domain.forms import FormKind, Retention, form_to_json
from dingmi_desktop.domain.stored_form import decode
from dingmi_desktop.services.form_codec import encode, problems
from tests.domain.builders import valid_form


def test_a_valid_form_with_every_optional_value_reads_back_equal() -> None:
    form = valid_form(form=FormKind.DISPATCH, retention=Retention.THIRTY_YEARS, unit_name="示例单位")
    assert decode(encode(form)) == form


def test_a_draft_that_breaks_the_rules_still_reads_back_whole() -> None:
    draft = valid_form(period=None, basis=None, retention=Retention.PERMANENT)
    assert problems(draft)  # work in progress: the strict interchange reader would refuse it
    assert decode(form_to_json(draft)) == draft


@pytest.mark.parametrize(("key", "value"), [("category", "特密"), ("form", "便笺"), ("retention", "5年")])
def test_a_damaged_row_raises_instead_of_being_rebuilt(key: str, value: str) -> None:
    stored = encode(valid_form(retention=Retention.TEN_YEARS))
    with pytest.raises(ValueError, match=value):
        decode({**stored, key: value})
