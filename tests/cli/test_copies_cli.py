"""`dingmi copies list|record`: the fate of printed copies from a script, over services/copy_fate.py (same
rules, same audit as the GUI's dialog), with the exit codes of docs/interfaces.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from dingmi_desktop.cli.common import CliError
from dingmi_desktop.cli.copies_commands import copy_range
from dingmi_desktop.storage import Store
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import Users, audit_entries
from tests.services.test_register_export import _printed


@pytest.fixture
def printed(cli_store: Path) -> tuple[int, int]:
    """A decided form with copies 000001—000003 printed in the CLI's store: (form id, print job id)."""
    store = Store.open(cli_store)
    try:
        return _printed(Users(store))
    finally:
        store.close()


def test_record_and_list_follow_each_copy_and_are_audited(dingmi, printed, cli_store) -> None:  # type: ignore[no-untyped-def]
    form_id, job = printed
    day = TEST_TODAY.isoformat()
    r = dingmi("copies", "record", "--print-id", str(job), "--copies", "1-2", "--event", "分发",
               "--to", "业务处 李四", "--date", day, "--user", "wangwu")  # fmt: skip
    assert r.code == 0, r.err
    assert "已登记分发" in r.out and "000001—000002" in r.out and "业务处 李四" in r.out
    r = dingmi("copies", "record", "--print-id", str(job), "--copies", "3", "--event", "销毁",
               "--witness", "赵六", "--date", day, "--user", "wangwu", "--json")  # fmt: skip
    assert r.code == 0, r.err
    assert r.json()["event"] == "销毁" and r.json()["witness"] == "赵六"
    listed = dingmi("copies", "list", "--form", str(form_id), "--user", "wangwu", "--json").json()
    [only] = listed["prints"]
    assert only["print_id"] == job and only["copy_range"] == "000001—000003"
    assert only["states"] == {"000001": "已分发", "000002": "已分发", "000003": "已销毁"}
    assert [e["event"] for e in only["events"]] == ["分发", "销毁"]
    text = dingmi("copies", "list", "--form", str(form_id), "--user", "wangwu")
    assert text.code == 0 and f"打印记录 {job}" in text.out and "销毁" in text.out
    store = Store.open(cli_store)
    try:
        logged = [e for e in audit_entries(store) if e.action == "登记份数去向" and e.result == "成功"]
    finally:
        store.close()
    assert [e.detail["类别"] for e in logged] == ["分发", "销毁"]


def test_bad_input_and_wrong_roles_change_nothing(dingmi, printed) -> None:  # type: ignore[no-untyped-def]
    form_id, job = printed

    def record(*more: str, user: str = "wangwu", password: str | None = None):  # type: ignore[no-untyped-def]
        base = ("copies", "record", "--print-id", str(job), "--user", user, *more)
        return dingmi(*base) if password is None else dingmi(*base, password=password)

    cases = [
        (record("--copies", "2-9", "--event", "分发", "--to", "甲"), 2, "份号须在这次打印的范围"),
        (record("--copies", "5-3", "--event", "分发", "--to", "甲"), 2, "起号不能大于止号"),
        (record("--copies", "a", "--event", "分发", "--to", "甲"), 2, "--copies 的份号"),
        (record("--copies", "1", "--event", "分发"), 2, "分发须写明接收的单位或人员"),
        (record("--copies", "1", "--event", "销毁"), 2, "销毁须写明监销人"),
        (record("--copies", "1", "--event", "收回", "--to", "甲"), 2, "收回须针对已分发的份"),
        (record("--copies", "1", "--event", "分发", "--to", "甲", "--date", "2099-01-01"), 2, "不能晚于今天"),
        (record("--copies", "1", "--event", "分发", "--to", "甲", "--date", "2026-13-01"), 2, "--date"),
        (record("--copies", "1", "--event", "丢失", "--to", "甲"), 2, "用法错误"),
        (
            record("--copies", "1", "--event", "分发", "--to", "甲", user="zhangsan"),
            3,
            "只有保密员和定密责任人",
        ),
        (record("--copies", "1", "--event", "分发", "--to", "甲", password="wrong"), 3, ""),
        (
            dingmi(
                "copies",
                "record",
                "--print-id",
                "999",
                "--copies",
                "1",
                "--event",
                "分发",
                "--to",
                "甲",
                "--user",
                "wangwu",
            ),
            2,
            "未找到编号为 999 的打印记录",
        ),
        (dingmi("copies", "list", "--form", "9999", "--user", "wangwu"), 2, "9999"),
        (dingmi("copies", "list", "--form", str(form_id), "--user", "auditor"), 3, ""),
    ]
    for result, code, words in cases:
        assert result.code == code, (words, result.err)
        assert words in result.err and "Traceback" not in result.err, result.err
    listed = dingmi("copies", "list", "--form", str(form_id), "--user", "wangwu", "--json").json()
    assert listed["prints"][0]["events"] == []


def test_copy_ranges_are_read_as_written() -> None:
    assert copy_range("3-5") == (3, 5) and copy_range("3") == (3, 3)
    assert copy_range("000003—000005") == (3, 5) and copy_range("3至5") == (3, 5)
    assert copy_range("３－５") == (3, 5)  # typed with a Chinese input method
    for bad in ("0", "5-3", "1-2-3", "", "1234567"):
        with pytest.raises(CliError):
            copy_range(bad)
