"""`dingmi calendar list|add|remove` over a copy of the demo store (2026 holidays seeded)."""

from __future__ import annotations

import pytest


def _dates(dingmi, year: str = "2026") -> dict[str, dict]:  # type: ignore[no-untyped-def]
    result = dingmi("calendar", "list", "--user", "zhangsan", "--year", year, "--json")
    assert result.code == 0, result.err
    return {entry["date"]: entry for entry in result.json()}


def test_list_for_any_user(dingmi) -> None:  # type: ignore[no-untyped-def]
    result = dingmi("calendar", "list", "--user", "zhangsan", "--year", "2026")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "2026-10-01  星期四  节假日  国庆节" in lines
    assert "2026-10-10  星期六  调休上班  国庆节调休上班" in lines
    assert "2026-10-03  星期六  节假日  国庆节  （周末，不影响工作日计数）" in lines
    assert lines[-1] == "共 39 天：节假日 33 天，调休上班 6 天。"

    entries = dingmi("calendar", "list", "--user", "auditor", "--json").json()
    assert len(entries) == 39
    assert entries[0] == {
        "date": "2026-01-01",
        "kind": "holiday",
        "label": "节假日",
        "weekday": "星期四",
        "note": "元旦",
        "effective": True,
    }
    empty = dingmi("calendar", "list", "--user", "zhangsan", "--year", "2027")
    assert empty.code == 0
    assert empty.out.strip() == "2027年没有登记的节假日或调休上班日（只按星期六、星期日休息计算）。"


def test_security_admin_adds_and_removes(dingmi) -> None:  # type: ignore[no-untyped-def]
    added = dingmi(
        "calendar", "add", "--user", "secadmin", "--date", "2026-12-31", "--kind", "holiday", "--note", "年末"
    )
    assert added.code == 0, added.err
    assert added.out.strip() == "已登记 2026-12-31 为节假日（年末），共 1 天。"
    assert _dates(dingmi)["2026-12-31"]["note"] == "年末"

    period = dingmi(
        "calendar",
        "add",
        "--user",
        "secadmin",
        "--date",
        "2027-01-01",
        "--to",
        "2027-01-03",
        "--kind",
        "节假日",
    )
    assert period.code == 0, period.err
    assert period.out.strip() == "已登记 2027-01-01 至 2027-01-03 为节假日，共 3 天。"
    workday = dingmi("calendar", "add", "--user", "secadmin", "--date", "2027-01-09", "--kind", "workday")
    assert workday.code == 0, workday.err
    assert set(_dates(dingmi, "2027")) == {"2027-01-01", "2027-01-02", "2027-01-03", "2027-01-09"}

    removed = dingmi("calendar", "remove", "--user", "secadmin", "--date", "2026-12-31")
    assert removed.code == 0, removed.err
    assert removed.out.strip() == "已删除 2026-12-31（节假日，年末）"
    assert "2026-12-31" not in _dates(dingmi)

    verify = dingmi("audit", "verify", "--user", "auditor")
    assert verify.code == 0, verify.out + verify.err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ("add", "--user", "zhangsan", "--date", "2026-12-31", "--kind", "holiday"),
            3,
            "只有安全保密管理员可以修改工作日历（节假日和调休上班日）。",
        ),
        (
            ("remove", "--user", "wangwu", "--date", "2026-10-01"),
            3,
            "只有安全保密管理员可以修改工作日历（节假日和调休上班日）。",
        ),
        (
            ("add", "--user", "secadmin", "--date", "2026/12/31", "--kind", "holiday"),
            2,
            "--date 的日期“2026/12/31”无效，须为 YYYY-MM-DD 格式的真实日期，例如 2026-10-01。",
        ),
        (
            ("add", "--user", "secadmin", "--date", "2026-02-30", "--kind", "holiday"),
            2,
            "--date 的日期“2026-02-30”无效，须为 YYYY-MM-DD 格式的真实日期，例如 2026-10-01。",
        ),
        (
            ("add", "--user", "secadmin", "--date", "2026-12-31", "--kind", "vacation"),
            2,
            "--kind 须为 holiday（节假日）或 workday（调休上班）：vacation。",
        ),
        (
            ("add", "--user", "secadmin", "--date", "2026-12-30", "--kind", "workday"),
            2,
            "2026-12-30是星期三，本就是工作日；调休上班日须为星期六或星期日",
        ),
        (
            ("add", "--user", "secadmin", "--date", "2026-10-03", "--kind", "workday"),
            2,
            "2026-10-03已登记为节假日（国庆节），不能同时登记为调休上班；如需更改，请先删除该日期",
        ),
        (
            ("remove", "--user", "secadmin", "--date", "2026-12-31"),
            2,
            "2026-12-31未登记在工作日历中，无可删除的日期",
        ),
        (
            ("list", "--user", "zhangsan", "--year", "26"),
            2,
            "--year 须为四位数字的年份，例如 2026：26。",
        ),
    ],
)
def test_refusals_have_one_chinese_line_and_change_nothing(dingmi, args, code: int, message: str) -> None:  # type: ignore[no-untyped-def]
    before = _dates(dingmi)
    result = dingmi("calendar", *args)
    assert result.code == code
    assert result.err.strip() == message
    assert "Traceback" not in result.err
    assert _dates(dingmi) == before


def test_wrong_password_exits_3(dingmi) -> None:  # type: ignore[no-untyped-def]
    result = dingmi(
        "calendar", "add", "--user", "secadmin", "--date", "2026-12-31", "--kind", "holiday", password="wrong"
    )
    assert result.code == 3
    assert result.err.strip() and "Traceback" not in result.err
