"""The expiry rules (domain/expiry.py): the clock verdict, the due rule (the same as periods.is_expired),
the reason in words, conditions read from the marking, the evidence check."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dingmi_desktop.domain.expiry import (
    MAX_CLOCK_GAP_DAYS,
    ClockVerdict,
    clock_verdict,
    condition_of,
    due_reason,
    evidence_problem,
    is_due,
)
from dingmi_desktop.domain.periods import Period, declassify_on, is_expired

SEEN = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "verdict"),
    [
        (SEEN, ClockVerdict.OK),
        (SEEN - timedelta(minutes=9), ClockVerdict.OK),  # a time-sync nudge
        (SEEN - timedelta(minutes=11), ClockVerdict.BACK),
        (SEEN - timedelta(days=3), ClockVerdict.BACK),
        (SEEN + timedelta(days=MAX_CLOCK_GAP_DAYS), ClockVerdict.OK),
        (SEEN + timedelta(days=MAX_CLOCK_GAP_DAYS, seconds=1), ClockVerdict.JUMPED),
    ],
)
def test_clock_verdict(now: datetime, verdict: ClockVerdict) -> None:
    assert clock_verdict(now, SEEN) is verdict


def test_no_watermark_trusts_the_clock() -> None:
    assert clock_verdict(SEEN, None) is ClockVerdict.OK


periods = st.one_of(
    st.integers(1, 30).map(Period.of_years),
    st.integers(1, 11).map(Period.of_months),
    st.dates(date(2000, 1, 1), date(2100, 1, 1)).map(Period.until_date),
    st.just(Period.on_condition("项目验收后")),
    st.just(Period.long_term()),
)


@given(periods, st.dates(date(2000, 1, 1), date(2060, 1, 1)), st.dates(date(2000, 1, 1), date(2100, 1, 1)))
def test_due_is_the_periods_rule(period: Period, start: date, today: date) -> None:
    assert is_due(declassify_on(period, start), today) is is_expired(period, start, today)


def test_reasons_and_conditions_from_the_marking() -> None:
    day = date(2031, 1, 5)
    assert due_reason("机密★2031年1月5日", day) == "标明的解密时间2031年1月5日已到"
    assert due_reason("秘密★5年", day) == "保密期限5年（自制发日起算）于2031年1月5日届满"
    assert due_reason("秘密★6个月", day) == "保密期限6个月（自制发日起算）于2031年1月5日届满"
    assert due_reason("乱码", day) == "解密日2031年1月5日已到"
    assert condition_of("机密★项目验收后") == "项目验收后"
    assert (
        condition_of("绝密★长期") is None and condition_of("秘密★5年") is None and condition_of("x") is None
    )


def test_evidence_is_required_and_bounded() -> None:
    assert "不能为空" in (evidence_problem(" \n ") or "")
    assert "过长" in (evidence_problem("证" * 2001) or "")
    assert evidence_problem("验收函〔2026〕12号") is None
