"""The drafting service checks dates against the session's today: saved drafts report, submission refuses."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.domain.workflow import Status
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import form


def test_far_future_start_date_is_reported_on_save_and_refused_at_submit(users) -> None:
    drafting = users["zhangsan"].drafting
    implausible = dataclasses.replace(form(), start_date=date(2099, 11, 30))
    created = drafting.create_draft(implausible)
    assert [p.field for p in created.problems] == ["start_date"]
    with pytest.raises(ValidationError) as exc:
        drafting.submit(created.form_id)
    assert [p.field for p in exc.value.problems] == ["start_date"]
    assert "制发日2099-11-30" in exc.value.message
    assert users["zhangsan"].history.view(created.form_id).summary.status is Status.DRAFT
    fixed = dataclasses.replace(implausible, start_date=TEST_TODAY, drafted_on=TEST_TODAY)
    saved = drafting.save_draft(created.form_id, fixed, expected_revision=created.revision)
    assert saved.problems == []
    tomorrow = dataclasses.replace(fixed, drafted_on=TEST_TODAY + timedelta(days=1))
    again = drafting.save_draft(created.form_id, tomorrow, expected_revision=saved.revision)
    assert "drafted_on" in [p.field for p in again.problems]
